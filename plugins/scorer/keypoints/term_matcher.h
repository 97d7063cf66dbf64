// Finding a key point or a pitfall in an answer: by word stems, in any order, close together,
// forgiving small typos, and (for pitfalls) not where the answer says the opposite.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/text.h"
#include "stemmer.h"

namespace keypoints {

// One way of saying a key point (its text or an alias), or a pitfall.
struct Term {
  std::string text;                // as the deck wrote it, for messages
  std::vector<std::string> words;  // lower case, abbreviations spelled out ("ms" -> "millisecond")
  std::vector<std::string> stems;  // the stems of `words`
  int needed = 0;                  // how many of them must be found together
  bool exact_phrase = false;       // all words, stop words too, in order (a quoted pitfall)
};

// How many words of a term must be found. A key point of one or two content words needs them
// all, a longer one two thirds (an answer says "stakeholders got updates" for "keep stakeholders
// updated on a cadence"). A pitfall is an accusation, so it needs three quarters.
enum class Strictness { key_point, pitfall };

// The term for `text`: its content words (stop words dropped unless nothing else is left).
// Returns nothing when `text` has no words.
std::optional<Term> make_term(std::string_view text, Stemmer& stemmer, Strictness strictness);
// A phrase to be found word for word (stemmed), stop words included.
std::optional<Term> make_phrase(std::string_view text, Stemmer& stemmer);

struct TermMatch {
  int found = 0;     // distinct words of the term found close together
  int first = -1;    // the answer's words from `first` to `last` hold them
  int last = -1;
  bool negated = false;  // a negation ("not", "never", "without", "didn't") stands just before or among them

  bool complete(const Term& term) const { return found > 0 && found >= term.needed; }
};

// An answer's words, spelled out and stemmed once, to look terms up in.
class AnswerIndex {
 public:
  AnswerIndex(const rehearse::AnswerText& text, Stemmer& stemmer);

  // The closest group of the term's words (the most of them, then the shortest span).
  TermMatch find(const Term& term) const;
  const rehearse::AnswerText& text() const { return text_; }
  // The stem of answer word `i`, and whether it is a content word.
  const std::string& stem(int i) const { return stems_[static_cast<std::size_t>(i)]; }
  bool is_content(int i) const;

 private:
  bool same_word(const Term& term, std::size_t j, std::size_t i) const;
  TermMatch find_phrase(const Term& term) const;
  bool negation_near(int first, int last) const;

  const rehearse::AnswerText& text_;
  std::vector<std::string> words_;   // spelled out
  std::vector<std::string> stems_;
  std::vector<std::string> joined_;  // stem of words i and i+1 written as one ("roll back" -> "rollback")
};

// Optimal string alignment distance (a swap of two neighbours counts as one edit), or limit + 1
// when it is greater than `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit);

// Common abbreviations written out, so that "ms" matches "milliseconds" and "%" "percent".
std::string spell_out(std::string_view word);

}  // namespace keypoints
