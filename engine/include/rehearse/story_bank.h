// The story bank: the user's STAR stories (story cards) against the themes behavioural questions
// ask about. Collection::story_bank() reads it; this is what to make of it.
#pragma once

#include <string>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/card.h"
#include "rehearse/collection.h"

namespace rehearse {

// A theme every senior backend candidate should have a story for, as the interview guides list
// them, and the deck themes (lower case) that count for it: a story tagged "performance" or
// "scaling" covers "performance or scaling".
struct EssentialTheme {
  std::string name;
  std::vector<std::string> themes;
};

// Production incident, performance or scaling, design or refactor, architecture disagreement,
// migration or risky rollout, reliability or observability, tradeoff under time pressure,
// failure, conflict, mentoring, leadership without authority.
REHEARSE_API const std::vector<EssentialTheme>& essential_themes();

// Whether a story with `story_themes` covers `essential`.
REHEARSE_API bool covers(const std::vector<std::string>& story_themes, const EssentialTheme& essential);

// The stories of `bank` that can answer `question`: those sharing at least one of its themes,
// the most themes in common first (then in bank order). Empty for a card without themes.
REHEARSE_API std::vector<Collection::StoryBank::StoryCard> stories_for(const Collection::StoryBank& bank, const CardContent& question);

}  // namespace rehearse
