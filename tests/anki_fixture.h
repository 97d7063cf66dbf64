// Real Anki packages for the tests of the `anki` source: a collection in Anki's own SQLite schema,
// zipped with libzip in the layout Anki (or another deck writer) uses. Nothing is checked in as a
// binary; every test builds the package it reads.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rehearse::test {

class AnkiPackageBuilder {
 public:
  enum class Layout {
    legacy1,  // collection.anki2, schema 11, no meta: old Anki, and most other deck writers
    legacy2,  // collection.anki21, schema 11, meta 2, plus Anki's dummy collection.anki2
    latest,   // collection.anki21b (zstd), schema 18, meta 3, plus the dummy collection.anki2
  };

  explicit AnkiPackageBuilder(Layout layout);

  // The id of deck `name` ("A::B" for nesting), created on first use. "Default" is deck 1.
  std::int64_t deck(const std::string& name);
  // A card template: its front and back in Anki's template language.
  struct Template {
    std::string name, front, back;
  };
  // Adds a note type; a cloze type makes one card per cloze number of its first field, a standard
  // type one card per template (without templates: one, "{{First}}" / "{{FrontSide}}<hr
  // id=answer>{{Second}}", as Anki's Basic).
  std::int64_t note_type(const std::string& name, const std::vector<std::string>& fields, bool cloze = false,
                         std::vector<Template> templates = {});
  // Adds a note with its cards (one per template for a standard type); returns the card ids by ord.
  std::vector<std::int64_t> note(std::int64_t note_type, const std::string& deck, const std::string& guid,
                                 const std::vector<std::string>& fields, const std::string& tags = "");
  // Adds a card of template `ord` to the note of `card`, whether or not its type has that template
  // (a collection damaged or trimmed by another tool); returns its id.
  std::int64_t sibling(std::int64_t card, int ord);
  // Moves a card into a filtered deck, remembering its home deck as Anki does.
  void move_to_filtered(std::int64_t card, const std::string& filtered_deck);
  // A revlog row: `type` 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled.
  void review(std::int64_t card, std::int64_t when_ms, int ease, int type = 1, int factor = 2500, int taken_ms = 6000);
  void media(const std::string& name, const std::string& bytes);

  // The SQLite collection file alone, and the whole package.
  std::string database() const;
  std::string package() const;

  // A zip archive of `entries` (name, content), in order.
  static std::string zip(const std::vector<std::pair<std::string, std::string>>& entries);
  static std::string zstd(const std::string& bytes);

 private:
  struct NoteType {
    std::string name;
    std::vector<std::string> fields;
    bool cloze = false;
    std::vector<Template> templates;
  };
  struct Note {
    std::int64_t id;
    std::string guid;
    std::int64_t type;
    std::string fields;  // joined with 0x1f
    std::string tags;
  };
  struct Card {
    std::int64_t id, note, deck, ord, home_deck;
  };
  struct Review {
    std::int64_t id, card;
    int ease, type, factor, taken_ms;
  };

  Layout layout_;
  std::map<std::int64_t, std::string> decks_;
  std::map<std::int64_t, NoteType> note_types_;
  std::vector<Note> notes_;
  std::vector<Card> cards_;
  std::vector<Review> reviews_;
  std::vector<std::pair<std::string, std::string>> media_;
  std::int64_t next_id_ = 1'600'000'000'000;
};

}  // namespace rehearse::test
