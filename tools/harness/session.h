// What the harnesses feed `rehearse` and read back: scripted review sessions, generated decks, and
// the state of a collection after the fact.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rehearse::harness {

// A piped `rehearse review` session answering `cards` cards: a typed answer ended by an empty
// line, then a rating (again, hard, good, easy in turn, starting at `first_rating`), then "q".
std::string session_script(int cards, int first_rating = 3);

// The prompts of the answers a piped session confirmed ("Saved: ..."), in order, from its output.
// An answer whose confirmation the program had not yet written when it died is not among them.
std::vector<std::string> confirmed_prompts(const std::string& out);

// A Markdown deck named `name` of `cards` questions; every answer names `version`, so that a
// re-import of another version changes every card.
std::string markdown_deck(const std::string& name, int cards, const std::string& version);

// "YYYY-MM-DDTHH:MM:SSZ", `days` days after 2031-01-01T09:00:00Z.
std::string day_time(int days);
std::int64_t day_time_ms(int days);

// Read-only questions about a collection file, asked after a program using it ended.
class CollectionAudit {
 public:
  explicit CollectionAudit(std::filesystem::path collection);

  // SQLite's integrity check: empty when the file is intact.
  std::vector<std::string> integrity() const;
  int reviews() const;
  int cards_in_deck(const std::string& deck) const;
  // The prompts of the cards answered at exactly `reviewed_ms`, with how many times each.
  std::map<std::string, int> answered_at(std::int64_t reviewed_ms) const;
  // The versions (see markdown_deck) the cards of `deck` have: one when the deck is consistent.
  std::vector<std::string> versions_in_deck(const std::string& deck) const;
  // Cards whose review log does not chain (an entry's state before is not the state after the one
  // before it, or the card's state is not the last entry's state after): what a lost update or a
  // card answered twice from the same state leaves.
  std::vector<std::string> broken_chains() const;

 private:
  std::filesystem::path collection_;
};

}  // namespace rehearse::harness
