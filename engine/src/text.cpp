#include "rehearse/text.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "ascii.h"

namespace rehearse {

namespace {

bool is_ascii_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Words a sentence never ends on: articles, most prepositions, "and", "or", possessives. ("in",
// "on", "by" and "about" may: "we logged in", "it was turned on".)
bool never_ends_sentence(std::string_view word) {
  static const std::unordered_set<std::string_view> words = {"a",    "an",   "the", "of", "to",  "for", "with", "from",
                                                             "into", "onto", "than", "via", "per", "and", "or",  "nor",
                                                             "my",   "our",  "your", "their", "its"};
  return words.count(ascii_lower(word)) > 0;
}

// The multi-byte UTF-8 sequences that matter to tokenising; every other non-ASCII byte is taken
// to be part of a letter.
constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // ’ (used as an apostrophe)
constexpr std::string_view kBullet = "\xE2\x80\xA2";      // •
constexpr std::string_view kEuro = "\xE2\x82\xAC";        // €
constexpr std::string_view kPound = "\xC2\xA3";           // £

bool starts_with_at(std::string_view text, std::size_t i, std::string_view what) { return text.substr(i, what.size()) == what; }

// Bytes that start a punctuation sequence (quotes, dashes, ellipsis, bullets, spaces) rather than
// a letter: the General Punctuation block U+2000-U+206F, the currency signs, and U+00A0-U+00BF.
std::size_t punctuation_length(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c == 0xE2 && i + 2 < text.size()) {
    const auto c1 = static_cast<unsigned char>(text[i + 1]);
    if (c1 == 0x80 || c1 == 0x81 || c1 == 0x82) return 3;
  }
  if (c == 0xC2 && i + 1 < text.size()) {
    const auto c1 = static_cast<unsigned char>(text[i + 1]);
    if (c1 >= 0xA0 && c1 <= 0xBF) return 2;
  }
  return 0;
}

bool is_letter_byte(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return is_ascii_alnum(c);
  return punctuation_length(text, i) == 0;
}

// Words after which a full stop does not end the sentence ("e.g. a queue", "vs. a cache").
bool is_abbreviation(std::string_view word) {
  static const std::unordered_set<std::string_view> abbreviations = {"e", "g", "eg", "ie", "vs", "cf", "approx", "incl", "etc"};
  return abbreviations.count(word) > 0;
}

// Contractions typed without their apostrophe, as in chat ("didnt", "wasnt", "wouldve"), and the
// Scots negatives ("nae", "wasnae", "didnae"), in their written English form, so that a denial
// reads the same however it was typed or spoken. Only forms that are no other English word ("cant",
// "wont", "id", "were", "ill" are left alone).
std::string with_apostrophe(std::string word) {
  static const std::unordered_map<std::string_view, std::string_view> forms = {
      {"didnt", "didn't"},   {"dont", "don't"},         {"doesnt", "doesn't"},   {"wasnt", "wasn't"},
      {"werent", "weren't"}, {"isnt", "isn't"},         {"arent", "aren't"},     {"hasnt", "hasn't"},
      {"havent", "haven't"}, {"hadnt", "hadn't"},       {"couldnt", "couldn't"}, {"wouldnt", "wouldn't"},
      {"shouldnt", "shouldn't"}, {"mustnt", "mustn't"}, {"wouldve", "would've"}, {"shouldve", "should've"},
      {"couldve", "could've"}, {"thats", "that's"},     {"theres", "there's"},   {"youre", "you're"},
      {"theyre", "they're"},
      {"nae", "no"},         {"wasnae", "wasn't"},      {"werenae", "weren't"},  {"isnae", "isn't"},
      {"didnae", "didn't"},  {"dinnae", "don't"},       {"doesnae", "doesn't"},  {"cannae", "can't"},
      {"couldnae", "couldn't"}, {"wouldnae", "wouldn't"}, {"shouldnae", "shouldn't"}, {"hasnae", "hasn't"},
      {"havenae", "haven't"}, {"hadnae", "hadn't"}};
  const auto it = forms.find(word);
  return it == forms.end() ? word : std::string(it->second);
}

// "cant" and "wont" are words of their own too, but after a subject, maybe with an adverb between
// ("we cant say", "it wont scale", "we honestly cant tell"), they are only the contractions typed
// without an apostrophe. `previous` and `before_previous` are the words before it in its sentence
// ("" where there are none).
std::string with_apostrophe_after(std::string word, std::string_view previous, std::string_view before_previous) {
  static const std::unordered_set<std::string_view> subjects = {"i",  "we", "you",  "they", "it",      "he",     "she",
                                                                "that", "this", "nobody", "someone", "somebody", "everyone", "people"};
  if (word == "cant" || word == "wont") {
    const bool adverb = previous.ends_with("ly") || previous == "just" || previous == "still" || previous == "really";
    if (subjects.count(previous) || (adverb && subjects.count(before_previous))) return word == "cant" ? "can't" : "won't";
  }
  return with_apostrophe(std::move(word));
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  const auto c = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) length = 2;
  else if (c >= 0xE0 && c <= 0xEF) length = 3;
  else if (c >= 0xF0 && c <= 0xF4) length = 4;
  else return 0;
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  return length;
}

AnswerText::AnswerText(std::string text) : text_(std::move(text)) {
  const std::string_view t = text_;
  std::size_t i = 0;
  int line = 0;
  bool line_start = true;
  bool pending_break = false;
  int sentence = 0;

  auto emit = [&](std::size_t begin, std::size_t end, std::string lowered) {
    if (pending_break && !words_.empty() && words_.back().sentence == sentence) ++sentence;
    pending_break = false;
    const std::size_t count = words_.size();
    const auto before = [&](std::size_t back) {  // the word `back` places before it in its sentence, or ""
      return count >= back && words_[count - back].sentence == sentence ? std::string_view(words_[count - back].text) : std::string_view();
    };
    words_.push_back(Word{with_apostrophe_after(std::move(lowered), before(1), before(2)), begin, end, sentence, line});
  };

  while (i < t.size()) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (line_start) {
      // Skip indentation and a list marker, which are layout, not words.
      std::size_t j = i;
      while (j < t.size() && is_space(static_cast<unsigned char>(t[j]))) ++j;
      std::size_t marker = j;
      if (j < t.size() && (t[j] == '-' || t[j] == '*' || t[j] == '+')) {
        marker = j + 1;
      } else if (starts_with_at(t, j, kBullet)) {
        marker = j + kBullet.size();
      } else {
        std::size_t k = j;
        while (k < t.size() && is_digit(static_cast<unsigned char>(t[k]))) ++k;
        if (k > j && k < t.size() && (t[k] == '.' || t[k] == ')')) marker = k + 1;
      }
      if (marker > j && (marker == t.size() || is_space(static_cast<unsigned char>(t[marker])))) {
        // A list item starts a sentence of its own.
        pending_break = true;
        j = marker;
      }
      i = j;
      line_start = false;
      continue;
    }
    if (c == '\n') {
      // A line break ends the sentence unless the text was merely wrapped: the line before does
      // not end in punctuation and the next one carries on in lower case, or the line before
      // ends in a comma, which never ends a sentence ("..., interceptor,\nKeychain, Keystore.").
      // A list item on the next line starts a sentence of its own all the same.
      std::size_t back = i;
      while (back > 0 && is_space(static_cast<unsigned char>(t[back - 1]))) --back;
      const char last = back > 0 ? t[back - 1] : '\n';
      std::size_t ahead = i + 1;
      while (ahead < t.size() && is_space(static_cast<unsigned char>(t[ahead]))) ++ahead;
      // A line that ends in "of", "the" or "and" was wrapped too, whatever case the next starts in
      // ("latency instead of\nCPU alerts").
      std::size_t word_start = back;
      while (word_start > 0 && is_ascii_letter(static_cast<unsigned char>(t[word_start - 1]))) --word_start;
      const bool open_ended = word_start < back && never_ends_sentence(t.substr(word_start, back - word_start));
      const bool continues = ahead < t.size() && ((t[ahead] >= 'a' && t[ahead] <= 'z' &&
                                                   std::string_view(".!?:;").find(last) == std::string_view::npos && last != '\n') ||
                                                  last == ',' || open_ended);
      if (!continues) pending_break = true;
      ++line;
      line_start = true;
      ++i;
      continue;
    }
    if (c == '.' || c == '!' || c == '?') {
      const bool followed_by_space = i + 1 >= t.size() || is_space(static_cast<unsigned char>(t[i + 1])) || t[i + 1] == '\n' ||
                                     t[i + 1] == '"' || t[i + 1] == ')' || starts_with_at(t, i + 1, kRightQuote);
      if (followed_by_space && !(c == '.' && !words_.empty() && words_.back().end == i && is_abbreviation(words_.back().text)))
        pending_break = true;
      ++i;
      continue;
    }
    if (c == '%' || c == '$') {
      emit(i, i + 1, std::string(1, static_cast<char>(c)));
      ++i;
      continue;
    }
    if (starts_with_at(t, i, kEuro) || starts_with_at(t, i, kPound)) {
      const std::size_t n = starts_with_at(t, i, kEuro) ? kEuro.size() : kPound.size();
      emit(i, i + n, std::string(t.substr(i, n)));
      i += n;
      continue;
    }
    if (!is_letter_byte(t, i)) {
      i += std::max<std::size_t>(1, punctuation_length(t, i));
      continue;
    }
    // A word: letters and digits, apostrophes between letters, '.' and ',' between digits.
    const std::size_t begin = i;
    std::string lowered;
    while (i < t.size()) {
      const auto b = static_cast<unsigned char>(t[i]);
      if (is_letter_byte(t, i)) {
        lowered += (b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b);
        ++i;
        continue;
      }
      const bool apostrophe = b == '\'' || starts_with_at(t, i, kRightQuote);
      const std::size_t mark = b == '\'' ? 1 : kRightQuote.size();
      if (apostrophe && i + mark < t.size() && is_letter_byte(t, i + mark) && !lowered.empty()) {
        lowered += '\'';
        i += mark;
        continue;
      }
      if ((b == '.' || b == ',') && i > begin && is_digit(static_cast<unsigned char>(t[i - 1])) && i + 1 < t.size() &&
          is_digit(static_cast<unsigned char>(t[i + 1]))) {
        lowered += static_cast<char>(b);
        ++i;
        continue;
      }
      break;
    }
    emit(begin, i, std::move(lowered));
  }

  for (const auto& word : words_) {
    if (sentences_.empty() || static_cast<int>(sentences_.size()) <= word.sentence)
      sentences_.push_back(Sentence{static_cast<int>(&word - words_.data()), static_cast<int>(&word - words_.data())});
    ++sentences_.back().end_word;
    if (word.text != "%" && word.text != "$" && word.text != kEuro && word.text != kPound) ++spoken_words_;
  }
}

std::string AnswerText::quote(int first, int last, std::size_t max_chars) const {
  if (words_.empty()) return {};
  first = std::clamp(first, 0, static_cast<int>(words_.size()) - 1);
  last = std::clamp(last, first, static_cast<int>(words_.size()) - 1);
  const std::string_view span = std::string_view(text_).substr(words_[first].begin, words_[last].end - words_[first].begin);
  std::string folded;
  for (char c : span) {
    const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (space) {
      if (!folded.empty() && folded.back() != ' ') folded += ' ';
    } else {
      folded += c;
    }
  }
  if (folded.size() <= max_chars) return folded;
  std::size_t cut = folded.rfind(' ', max_chars);
  if (cut == std::string::npos || cut == 0) cut = max_chars;
  // Never cut inside a multi-byte character.
  while (cut > 0 && (static_cast<unsigned char>(folded[cut]) & 0xC0) == 0x80) --cut;
  return folded.substr(0, cut) + "...";
}

std::string AnswerText::quote_sentence(int sentence, std::size_t max_chars) const {
  if (sentence < 0 || sentence >= static_cast<int>(sentences_.size())) return {};
  const Sentence& s = sentences_[sentence];
  return quote(s.first_word, s.end_word - 1, max_chars);
}

char AnswerText::next_char(int index) const {
  if (index < 0 || index >= static_cast<int>(words_.size())) return '\0';
  for (std::size_t i = words_[index].end; i < text_.size(); ++i) {
    const char c = text_[i];
    if (c == ' ' || c == '\t' || c == '*' || c == '_') continue;  // markdown emphasis: **Result**:
    return c;
  }
  return '\0';
}

bool is_stop_word(std::string_view word) {
  // The Snowball English stop-word list (snowballstem.org/algorithms/english/stop.txt).
  static const std::unordered_set<std::string_view> stop_words = {
      "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves",
      "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their",
      "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are",
      "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "would",
      "should", "could", "ought", "i'm", "you're", "he's", "she's", "it's", "we're", "they're", "i've", "you've",
      "we've", "they've", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "i'll", "you'll", "he'll", "she'll",
      "we'll", "they'll", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't",
      "didn't", "won't", "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't", "let's",
      "that's", "who's", "what's", "here's", "there's", "when's", "where's", "why's", "how's", "a", "an", "the",
      "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about",
      "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from", "up",
      "down", "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
      "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no",
      "nor", "not", "only", "own", "same", "so", "than", "too", "very"};
  return stop_words.count(word) > 0;
}

bool is_numeral(std::string_view word) {
  if (word == "%") return true;
  return !word.empty() && is_digit(static_cast<unsigned char>(word.front()));
}

}  // namespace rehearse
