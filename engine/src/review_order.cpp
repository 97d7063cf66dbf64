#include "review_order.h"

#include <algorithm>
#include <tuple>

namespace rehearse::detail {

const std::vector<std::string>& review_order_names() {
  static const std::vector<std::string> names = {"due", "deck", "retrievability", "random"};
  return names;
}

const std::vector<std::string>& new_mix_names() {
  static const std::vector<std::string> names = {"after", "mixed", "before"};
  return names;
}

std::optional<ReviewOrder> review_order_from(std::string_view name) {
  if (name == "due") return ReviewOrder::due;
  if (name == "deck") return ReviewOrder::deck;
  if (name == "retrievability") return ReviewOrder::retrievability;
  if (name == "random") return ReviewOrder::random;
  return std::nullopt;
}

std::optional<NewMix> new_mix_from(std::string_view name) {
  if (name == "after") return NewMix::after;
  if (name == "before") return NewMix::before;
  if (name == "mixed") return NewMix::mixed;
  return std::nullopt;
}

std::uint64_t day_shuffle_key(std::int64_t day, std::int64_t card_id) {
  // splitmix64's finaliser over the pair: a well-mixed 64-bit value from two small numbers.
  std::uint64_t x = static_cast<std::uint64_t>(day) * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(card_id);
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

void sort_reviews(std::vector<ReviewItem>& items, ReviewOrder order, std::int64_t today) {
  // The day's random key, once per card rather than once per comparison.
  if (order == ReviewOrder::due || order == ReviewOrder::random)
    for (auto& item : items) item.shuffle = day_shuffle_key(today, item.card_id);
  // Every order ends with the card id, so no two cards compare equal and the order is total.
  switch (order) {
    case ReviewOrder::due:
      std::sort(items.begin(), items.end(), [](const ReviewItem& a, const ReviewItem& b) {
        return std::tie(a.due_day, a.shuffle, a.card_id) < std::tie(b.due_day, b.shuffle, b.card_id);
      });
      break;
    case ReviewOrder::deck:
      std::sort(items.begin(), items.end(), [](const ReviewItem& a, const ReviewItem& b) {
        return std::tie(a.deck_position, a.due_ms, a.card_id) < std::tie(b.deck_position, b.due_ms, b.card_id);
      });
      break;
    case ReviewOrder::retrievability:
      std::sort(items.begin(), items.end(), [](const ReviewItem& a, const ReviewItem& b) {
        return std::tie(a.retrievability, a.due_ms, a.card_id) < std::tie(b.retrievability, b.due_ms, b.card_id);
      });
      break;
    case ReviewOrder::random:
      std::sort(items.begin(), items.end(), [](const ReviewItem& a, const ReviewItem& b) {
        return std::tie(a.shuffle, a.card_id) < std::tie(b.shuffle, b.card_id);
      });
      break;
  }
}

bool new_card_next(NewMix mix, const StudiedToday& studied, int reviews_left, int new_left) {
  if (new_left <= 0) return false;
  if (reviews_left <= 0) return true;
  switch (mix) {
    case NewMix::after: return false;
    case NewMix::before: return true;
    case NewMix::mixed: {
      // The day holds `total` cards of which `day_new` are new; the j-th new card (from 0) belongs
      // at position (j + 0.5) * total / day_new, the middle of its share. A new card comes next
      // when the next position reached is at or past that of the next new card.
      const long long day_new = studied.new_cards + new_left;
      const long long total = day_new + studied.reviews + reviews_left;
      const long long next_position = studied.new_cards + studied.reviews;  // 0-based
      // (j + 0.5) * total / day_new <= next_position + 1, without fractions:
      return (2LL * studied.new_cards + 1) * total <= 2LL * (next_position + 1) * day_new;
    }
  }
  return false;
}

}  // namespace rehearse::detail
