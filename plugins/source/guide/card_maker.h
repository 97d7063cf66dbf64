// Turns the entries of a page into cards: a question card per question (answer, key points,
// pitfalls, model STAR answer), a story card per example story, and a key-point card per term,
// siblings of the question they came with.
#pragma once

#include <string>
#include <vector>

#include "entry_builder.h"
#include "rehearse/card.h"
#include "rehearse/source.h"

namespace rehearse::guide {

struct PageCards {
  std::vector<CardContent> cards;
  std::vector<ParseWarning> warnings;
};

// `page_title` names entries whose question the page does not show.
PageCards make_cards(const PageEntries& page, const std::string& file, const std::string& page_title);

}  // namespace rehearse::guide
