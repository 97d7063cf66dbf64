// What the web app's pages receive: the engine's types as JSON. Text goes out exactly as it is
// stored; the page puts it into the document as text, never as markup.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rehearse/engine.h"

namespace rehearse::web {

using nlohmann::json;

// How long a spoken answer (a story, or a question that asks for one) should take: the window
// the STAR scorer judges by (its target_seconds, of which two thirds is the shortest), so the
// timer and the score agree; 60-90 s when that scorer is not loaded.
struct SpokenTarget {
  int min_seconds = 60;
  int max_seconds = 90;
};
SpokenTarget spoken_target(const Engine& engine);

// What is shown before the answer: never the answer itself. A card's "type" is the one its deck
// gave, else the one its wording suggests (type_of), as the scorers read it.
json card_front(const Card& card, const SpokenTarget& target);
// The model answer, key points, pitfalls, themes and the STAR parts.
json card_back(const CardContent& card);
json score_json(const CombinedScore& score);
json summary_json(const SessionSummary& summary);
json counts_json(const QueueCounts& counts);

json decks_json(const std::vector<DeckSummary>& decks);
// A card in a list of cards: its prompt, kind and type, and where it stands.
json card_row(const Card& card, const Clock& clock);
// Everything about one card, with its review history.
json card_detail(const Card& card, const std::vector<ReviewLogEntry>& log, const Clock& clock);
json import_report_json(const ImportReport& report);

// `current` with what the web app's card editor sent in `body`: "prompt", "answer" (text),
// "key_points" and "pitfalls" (one per line; a key point as "point | alias, alias"), "themes"
// (comma separated). A field left out stays as it is. Throws std::invalid_argument for a field
// of the wrong type.
CardContent edited_card(const json& body, const CardContent& current);

// The statistics page's data: counts, a year of reviews per day, the next 30 days' forecast,
// a year of true retention, the interval distribution and the story bank.
json statistics_json(const Collection& collection);

// Where this device stands with its sync server, as `rehearse sync --status --json` gives it:
// {server, last_sync (UTC ISO 8601, null before the first sync), waiting: {reviews, cards,
// settings}}; null when no server is configured (sync.server).
json sync_json(const Collection& collection);

}  // namespace rehearse::web
