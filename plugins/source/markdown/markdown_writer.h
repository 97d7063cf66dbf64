// Writing the native deck format (decks/README.md): what `rehearse export` writes, what `rehearse
// edit` shows in the editor, and how an edited card goes back into its file. The parser
// (markdown_parser.h) reads everything written here back to the same card.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/card.h"

namespace rehearse::markdown {

// One card: its heading, `id:` (always, so the card keeps its identity whatever is edited), then
// its fields, ending with a newline.
std::string write_card(const CardContent& card);

// A deck file: front matter naming the deck, then each card, a blank line after each.
std::string write_deck(const std::string& deck, const std::vector<CardContent>& cards);

// `text` (a deck file named `file`) with the block of the card whose uid is `uid` replaced by
// write_card(card). The block is the card's heading and everything up to the next heading, less
// the blank lines before it; every byte outside it stays. Nothing when the file has no such card.
// Throws ParseError when `text` is not a readable deck.
std::optional<std::string> replace_card(std::string_view text, const std::string& file, const std::string& default_deck,
                                        const std::string& uid, const CardContent& card);

}  // namespace rehearse::markdown
