// Anki fields are HTML with Anki's own markup inside: cloze deletions ({{c1::answer::hint}}) and
// sound references ([sound:file.mp3]). rehearse shows plain text, so fields are turned into the
// text a reader of the rendered card sees.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace rehearse::anki {

// The text of a field as a reader of the card sees it: text::html_to_text, with Anki's
// [sound:...] references removed.
std::string html_to_text(std::string_view field);

// The cloze numbers used in `field` ({{c1::...}}, {{c2,3::...}}), including nested ones.
std::set<int> cloze_numbers(std::string_view field);

// `field` with its cloze deletions resolved for the card of cloze number `number`. On the
// question side the deletions of that number become "[hint]" (or "[...]" without a hint) and the
// others show their text; on the answer side every deletion shows its text. Markup other than
// clozes is left alone.
enum class ClozeSide { question, answer };
std::string reveal_clozes(std::string_view field, int number, ClozeSide side);

}  // namespace rehearse::anki
