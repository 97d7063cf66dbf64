// Where a clause ends inside a sentence, for the answer index and the negation scope alike.
#pragma once

#include <string_view>

namespace rehearse {

// Whether the text between two words marks a clause boundary: a comma, semicolon, colon,
// bracket, dash (an em or en dash, or a hyphen with spaces around it) or an arrow of notes
// ("tagging per team -> never landed").
inline bool clause_mark(std::string_view gap) {
  return gap.find_first_of(",;:()") != std::string_view::npos || gap.find("\xE2\x80\x94") != std::string_view::npos ||
         gap.find("\xE2\x80\x93") != std::string_view::npos || gap.find(" - ") != std::string_view::npos ||
         gap.find("->") != std::string_view::npos || gap.find("=>") != std::string_view::npos ||
         gap.find("\xE2\x86\x92") != std::string_view::npos;
}

}  // namespace rehearse
