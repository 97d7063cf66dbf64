// A delimited file as decks of cards. The header row names the columns (liberally, however
// exporters spell them: column_names.h), or the user maps them by hand (--columns); a file without
// an answer column is a list of questions to rehearse from. Anki's text-export headers
// (#separator:, #html:, #columns:, #deck:, #tags:, #deck column:, ...) are read too.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "column_names.h"
#include "rehearse/source.h"

namespace rehearse::csv {

// Throws ParseError (file and line) for a file without a prompt column, a row with more fields
// than there are columns, an unterminated quote, or a bad kind or question type. `by_hand`, when
// given (--columns), says which column holds what over the header row's names.
ParseResult parse_table(std::string_view bytes, const std::filesystem::path& path, const ColumnMap* by_hand = nullptr);

// Whether `head` starts like a table this source reads: Anki's text-export headers, or a header
// row naming a prompt column and at least one other.
bool looks_like_table(std::string_view head);

}  // namespace rehearse::csv
