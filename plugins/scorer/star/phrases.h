// Cue phrases: small patterns over an answer's words, for telling the parts of a STAR answer
// apart and for spotting what an interviewer listens for ("as a result", "instead of").
//
// A pattern is words separated by spaces. Each token is
//   word          that word (lower case; "didn't" and "i'm" are one word each)
//   a|b|c         any of them
//   learn*        any word starting with "learn"
//   _             any one word
//   #             a quantity: a numeral ("40", "2.5", "%"), or a number word ("twelve", "dozen")
//   @did          a verb in the past tense saying what someone did ("added", "built"; not "was",
//                 "needed" or "learned", which are states)
//   ^             (first only) the start of a sentence
// and a token ending in '?' may be left out. A phrase never spans two sentences.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/text.h"

namespace star {

// Whether `word` is a quantity: a numeral or a number word ("zero", "twelve", "hundred", "dozen";
// not "one", which is more often a pronoun).
bool is_quantity(std::string_view word);
// Whether `word` is a past-tense verb of doing (see @did above).
bool is_past_action(std::string_view word);

class Phrase {
 public:
  explicit Phrase(std::string_view pattern);

  // How many words the phrase covers when it starts at word `start`, or 0 when it does not match.
  int match(const rehearse::AnswerText& text, int start) const;

 private:
  struct Token {
    std::vector<std::string> words;     // any of these
    std::vector<std::string> prefixes;  // or a word starting with one of these
    bool any = false, quantity = false, past_action = false, optional = false;
    bool accepts(std::string_view word) const;
  };
  int match_from(const rehearse::AnswerText& text, std::size_t token, int word, int sentence) const;

  std::vector<Token> tokens_;
  bool sentence_start_ = false;
};

struct PhraseHit {
  int first = 0;  // word indices, both included
  int last = 0;
};

class PhraseList {
 public:
  PhraseList(std::initializer_list<std::string_view> patterns);

  // Where the phrases match in words [from, to) (to = -1: the end), in text order; where two
  // overlap, the one starting first (then the longer) is kept.
  std::vector<PhraseHit> find_all(const rehearse::AnswerText& text, int from = 0, int to = -1) const;

 private:
  std::vector<Phrase> phrases_;
};

}  // namespace star
