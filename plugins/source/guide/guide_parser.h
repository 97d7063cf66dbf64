// Reading an interview-guide page into a deck: the pipeline of the guide source.
//
//   bytes -> clean UTF-8 (encoding repaired) -> [HTML to Markdown] -> classified lines
//         -> entries (questions, stories, terms) -> cards
#pragma once

#include <string>
#include <string_view>

#include "rehearse/source.h"

namespace rehearse::guide {

enum class PageFormat { text, markdown, html };

// Throws ParseError (file and line) for a file that is empty, binary, not UTF-8, or has nothing
// that reads as a question, story or term.
ParseResult parse_guide(std::string_view bytes, const std::string& file, const std::string& default_deck, PageFormat format);

// Whether `head` is a deck in rehearse's native Markdown format ("## Q:", "## K:", "## S:" cards),
// which the markdown source reads.
bool is_native_deck(std::string_view head);

}  // namespace rehearse::guide
