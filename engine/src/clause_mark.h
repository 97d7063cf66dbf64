// Where a clause ends inside a sentence, and where a hyphen makes one name of two words, for the
// answer index and the negation scope alike.
#pragma once

#include <string_view>

#include "rehearse/text.h"

namespace rehearse {

// Whether the text between two words marks a clause boundary: a comma, semicolon, colon,
// bracket, dash (an em or en dash, or a hyphen with spaces around it) or an arrow of notes
// ("tagging per team -> never landed").
inline bool clause_mark(std::string_view gap) {
  // One pass for the common case, a gap of spaces between two words; the searches below only when
  // a mark may be there. (Called for every pair of words the negation scope compares.)
  bool maybe_dash_or_arrow = false;
  for (const char c : gap) {
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return true;
    if (c == '-' || c == '=' || c == '\xE2') maybe_dash_or_arrow = true;
  }
  if (!maybe_dash_or_arrow) return false;
  return gap.find("\xE2\x80\x94") != std::string_view::npos ||
         gap.find("\xE2\x80\x93") != std::string_view::npos || gap.find(" - ") != std::string_view::npos ||
         gap.find("->") != std::string_view::npos || gap.find("=>") != std::string_view::npos ||
         gap.find("\xE2\x86\x92") != std::string_view::npos;
}

// Whether word `word` of `text` is "zero" joined by a hyphen to the next ("zero-downtime",
// "zero-trust"): a name for a property that is there, where "zero downtime" denies the downtime.
inline bool zero_compound(const AnswerText& text, int word) {
  const auto& words = text.words();
  if (word < 0 || word + 1 >= static_cast<int>(words.size())) return false;
  const Word& zero = words[static_cast<std::size_t>(word)];
  return zero.text == "zero" && text.next_char(word) == '-' && words[static_cast<std::size_t>(word) + 1].begin == zero.end + 1;
}

}  // namespace rehearse
