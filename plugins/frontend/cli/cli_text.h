// Text output shared by the cli front end's review and mock interview: wrapping at the terminal's
// width and the scorers' findings.
#pragma once

#include <ostream>
#include <string>

#include "rehearse/scorer.h"

namespace rehearse::cli {

// Lays `text` out at the output width: each paragraph and list item reflowed (a deck's hard line
// breaks are the author's width, not ours), code and tables as they are. The first output line
// starts with `first`, every other one with `rest` (by default, as many spaces as `first` is
// wide); a list item's own lines hang under its text.
std::string wrap(const std::string& text, const std::string& first, std::string rest = "\x01");

// Each scorer's score, summary and findings, with advice for what was missed.
void show_score(std::ostream& out, const CombinedScore& score);

std::string trim(const std::string& text);

}  // namespace rehearse::cli
