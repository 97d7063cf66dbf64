// Scheduling state and ratings: the vocabulary shared by the collection and scheduler plugins.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rehearse/api.h"

namespace rehearse {

enum class Rating { again = 1, hard = 2, good = 3, easy = 4 };

REHEARSE_API std::string_view to_string(Rating rating);
// Accepts 1-4 and again/hard/good/easy (any case).
REHEARSE_API std::optional<Rating> rating_from_string(std::string_view text);

enum class CardState { new_card = 0, learning = 1, review = 2, relearning = 3 };

REHEARSE_API std::string_view to_string(CardState state);

inline constexpr std::int64_t kMsPerMinute = 60'000;
inline constexpr std::int64_t kMsPerDay = 86'400'000;

// Everything any scheduler keeps about a card. Each scheduler uses the fields it needs and leaves
// the others as it found them, so switching schedulers loses nothing.
struct SchedulingState {
  CardState state = CardState::new_card;
  std::int64_t due_ms = 0;          // when the card is next due (Unix ms)
  double interval_days = 0;         // the last scheduled interval, in days
  double ease = 0;                  // SM-2 ease factor (2.5 = 250%); 0 until first set
  double stability = 0;             // FSRS stability, days; 0 until first set
  double difficulty = 0;            // FSRS difficulty, 1-10; 0 until first set
  int step = 0;                     // index into the learning or relearning steps
  int reps = 0;                     // successful and failed reviews, all told
  int lapses = 0;                   // times the card was forgotten after graduating
  std::int64_t last_review_ms = 0;  // 0 for a card never reviewed

  bool operator==(const SchedulingState&) const = default;
};

// Spreads review intervals so that cards learned together do not stay due together, as Anki
// does: no fuzz below 2.5 days, then +-15% of the part up to 7 days, +-10% up to 20 days and
// +-5% beyond, plus one day. `seed` picks the point in that range (the same seed, the same
// interval, so replays are reproducible). The result is rounded and kept within [minimum, maximum].
REHEARSE_API int fuzz_interval(double interval_days, std::uint64_t seed, int minimum, int maximum);

}  // namespace rehearse
