// Today's queue, gathered as Anki's v3 scheduler gathers it: intraday learning, interday
// learning, reviews, new cards, within the daily limits of a deck tree.
//
// Every query walks the (deck_id, suspended, state, due_ms) index of card_state from its start
// and stops as soon as the limits are reached, so building the queue costs about as much as the
// cards it returns, however large the collection.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "rehearse/clock.h"
#include "rehearse/collection.h"
#include "review_order.h"

namespace rehearse::detail {

// Cards answered today, by the deck_id of the card.
std::unordered_map<std::int64_t, StudiedToday> studied_today(SQLite::Database& db, const Clock& clock);

// True for a learning card whose step crossed a day boundary: it is due on a later day than it
// was last answered, and is then shown with the reviews of its day (and counts as one).
bool is_interday(const Clock& clock, std::int64_t due_ms, std::int64_t last_review_ms);

struct DeckRef {
  std::int64_t id = 0;
  std::string name;
};

class DailyQueueBuilder {
 public:
  // Reads the decks' settings (limits, burying, review order) from `collection`, and cards from
  // its `db`. `recall` (may be empty) gives the retrievability the review order may sort by.
  DailyQueueBuilder(SQLite::Database& db, const Collection& collection, const Collection::RecallEstimator& recall);

  // The queue of `selected` and its sub-decks (every deck when empty); `selection` is every deck
  // with cards there.
  Collection::Queue build(const std::string& selected, const std::vector<DeckRef>& selection,
                          const QueueOptions& options) const;

 private:
  // The reviews gathered for `selected`, in the order its settings choose (`decks` in tree order).
  std::vector<std::int64_t> order_reviews(std::vector<ReviewItem> items, const std::string& selected,
                                          const std::vector<DeckRef>& decks) const;
  // Fills in each item's due day (for the `due` order).
  void add_due_days(std::vector<ReviewItem>& items) const;
  // Fills in each item's retrievability now, from its deck's scheduler through `recall_`.
  void add_retrievability(std::vector<ReviewItem>& items, const std::vector<DeckRef>& decks) const;

  SQLite::Database& db_;
  const Collection& collection_;
  const Collection::RecallEstimator& recall_;
  const Clock& clock_;
};

}  // namespace rehearse::detail
