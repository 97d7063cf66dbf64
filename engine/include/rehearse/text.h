// Reading a typed answer: its words, where each one stands, its sentences, and quoting it back.
//
// Scorers share this so that they agree on what a word and a sentence are, and so that a finding
// quotes exactly what the user typed (byte offsets into the original text), not a normalised copy.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"

namespace rehearse {

struct Word {
  // Lower case (ASCII letters folded; other UTF-8 letters kept as typed), typographic apostrophes
  // as '. Letters, digits and the marks inside numbers ("2.5", "12,000") and contractions ("I'm")
  // make a word; "%", "$", "€" and "£" are words of their own. Hyphens and slashes separate words.
  std::string text;
  std::size_t begin = 0;  // byte offsets into the original text: [begin, end)
  std::size_t end = 0;
  int sentence = 0;       // index into AnswerText::sentences()
  int line = 0;           // 0-based line of the original text
};

struct Sentence {
  int first_word = 0;  // [first_word, end_word) index into AnswerText::words()
  int end_word = 0;
  int size() const { return end_word - first_word; }
};

class REHEARSE_API AnswerText {
 public:
  // Sentences end at '.', '!' or '?' followed by white space (not after "e.g.", "i.e.", "vs."),
  // and at a line break, unless the next line carries on in lower case (text wrapped by an
  // editor). List markers at the start of a line ("- ", "* ", "1. ", "2)") are not words.
  explicit AnswerText(std::string text);

  const std::string& text() const { return text_; }
  const std::vector<Word>& words() const { return words_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  // Words that are not "%", "$", "€" or "£": what a listener would count.
  int spoken_word_count() const { return spoken_words_; }

  // The original text from the start of word `first` to the end of word `last` (both included),
  // white space folded to single spaces, cut at a word boundary with "..." beyond `max_chars`.
  std::string quote(int first, int last, std::size_t max_chars = 100) const;
  std::string quote_sentence(int sentence, std::size_t max_chars = 100) const;

  // The first character after word `index` that is not a space or tab (or '\0' at the end), to
  // tell "Result:" (a label) from "result" (a word).
  char next_char(int index) const;

 private:
  std::string text_;
  std::vector<Word> words_;
  std::vector<Sentence> sentences_;
  int spoken_words_ = 0;
};

// Whether `word` (lower case) is an English function word ("the", "we", "because", "not"): the
// Snowball project's English stop-word list. Such words say little about an answer's content.
REHEARSE_API bool is_stop_word(std::string_view word);

// Whether `word` (a Word::text) is a quantity: starts with a digit ("40", "2.5", "12,000",
// "3x", "9k") or is "%". Names with digits that are not quantities ("p99", "ec2", "v2") are not.
REHEARSE_API bool is_numeral(std::string_view word);

}  // namespace rehearse
