// A delimited file as decks of cards. The header row names the columns (liberally: "question",
// "front" or "prompt" for the prompt, "answer" or "back" for the answer, ...); Anki's text-export
// headers (#separator:, #html:, #columns:, #deck:, #tags:, #deck column:, ...) are read too.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "rehearse/source.h"

namespace rehearse::csv {

// Throws ParseError (file and line) for a file without a prompt column, a row with more fields
// than there are columns, an unterminated quote, or a bad kind or question type.
ParseResult parse_table(std::string_view bytes, const std::filesystem::path& path);

// Whether `head` starts like a table this source reads: Anki's text-export headers, or a header
// row naming a prompt column and at least one other.
bool looks_like_table(std::string_view head);

}  // namespace rehearse::csv
