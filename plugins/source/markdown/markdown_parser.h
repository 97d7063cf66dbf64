// The native deck format: one Markdown file is one deck. See decks/README.md for the format.
#pragma once

#include <string>
#include <string_view>

#include "rehearse/source.h"

namespace rehearse::markdown {

// Parses a deck file. `file` names it in messages; `default_deck` is the deck name used when the
// file gives none. Throws ParseError (file and line) on anything it cannot read.
ParseResult parse_deck(std::string_view text, const std::string& file, const std::string& default_deck);

}  // namespace rehearse::markdown
