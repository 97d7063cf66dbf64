// Laying out a card's text for reading: deck files keep answers hard-wrapped at the author's
// width, and a front end that wraps them again at its own width would leave ragged lines.
//
//   reflow_lines   the text as display lines: each paragraph or list item joined into one line,
//                  to be wrapped at the front end's width; code and tables kept as they are.
//   reflow         the same as one string, for a front end that wraps by itself (a browser).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"

namespace rehearse {

struct DisplayLine {
  std::string text;
  // A paragraph, list item or heading, which the front end may wrap at its width; otherwise a
  // line of code or of a table, or an empty line, to show exactly as it is.
  bool wrappable = true;
  // For a list item, the columns its further lines are indented by to hang under its text (its
  // own indentation and its marker: "  - x" gives 4); 0 otherwise.
  size_t hang = 0;
};

// Markdown's rules, as far as an answer needs them: lines of one paragraph (or one list item) are
// joined with a space; an empty line, a list marker ("- ", "* ", "+ ", "1. ", "1) "), a heading,
// a line ending in two spaces or a backslash, and a table row start a new line; fenced code
// (``` or ~~~) and code indented by four spaces after an empty line are kept line by line.
REHEARSE_API std::vector<DisplayLine> reflow_lines(std::string_view text);
REHEARSE_API std::string reflow(std::string_view text);

}  // namespace rehearse
