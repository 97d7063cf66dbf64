// The order of today's reviews and where new cards go among them (`review_order`, `new_mix`), as
// Anki's deck options offer them.
//
// Reviews are first gathered within the daily limits, the most overdue first (daily_queue.cpp);
// the order chosen here only sorts what was gathered, so a limit takes the same cards whatever the
// order. Random choices are a hash of the day and the card, not a generator's sequence: the queue
// is rebuilt after every answer, and a card must keep its place when others leave the queue, so
// that a day's session is the same however often it is interrupted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/collection.h"

namespace rehearse::detail {

enum class ReviewOrder {
  due,             // by due day, then in a random order fixed for the day (the default)
  deck,            // deck by deck in the deck tree's order, each deck's most overdue first
  retrievability,  // the card most at risk of being forgotten first
  random,          // in a random order fixed for the day
};

enum class NewMix {
  after,   // new cards once the reviews are done (the default)
  before,  // new cards before the reviews
  mixed,   // new cards spread evenly among the reviews
};

// The values users type, in the order `config` lists them; the first is the default.
const std::vector<std::string>& review_order_names();
const std::vector<std::string>& new_mix_names();
// Nothing for a value that is not one of the names.
std::optional<ReviewOrder> review_order_from(std::string_view name);
std::optional<NewMix> new_mix_from(std::string_view name);

// A number that orders cards "at random" for one day: the same for the same day and card, and
// unrelated from one day to the next.
std::uint64_t day_shuffle_key(std::int64_t day, std::int64_t card_id);

// One gathered review and what the orders sort it by.
struct ReviewItem {
  std::int64_t card_id = 0;
  std::int64_t due_day = 0;     // the user's day the card is due on
  std::int64_t due_ms = 0;
  int deck_position = 0;        // the deck's place in the deck tree's order
  double retrievability = 1.0;  // probability of recall now (for the retrievability order)
  std::uint64_t shuffle = 0;    // day_shuffle_key(today, card_id), set by sort_reviews
};

// Sorts `items` in `order` for day `today`.
void sort_reviews(std::vector<ReviewItem>& items, ReviewOrder order, std::int64_t today);

// Whether the next card of a session should be a new card rather than a review, given both are
// waiting. `studied` is what was answered today, `reviews_left` and `new_left` what today's queue
// still holds. For `mixed`, the day's new cards are spread evenly over the day's reviews and new
// cards together; the decision depends only on these counts, so it holds across sessions.
bool new_card_next(NewMix mix, const StudiedToday& studied, int reviews_left, int new_left);

}  // namespace rehearse::detail
