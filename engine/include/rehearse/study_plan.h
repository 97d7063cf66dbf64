// Getting ready for a day: the plan `rehearse review --until DATE` follows before an interview.
//
// Every card of the chosen decks should be recalled at the target moment with at least the
// desired retention of its deck's scheduler. A card is ready when its scheduler says so: with a
// memory model (FSRS), its retrievability at the target is at least the desired retention;
// without one (SM-2), it is not due before the target. The plan follows the normal schedule
// (each card reviewed when due, answered "good") until a card would next be due after the last
// day before the target without being ready; that card gets one review ahead of time, on the day
// within the window that still makes it ready where the fewest reviews are planned. New cards are
// spread evenly over the days up to the last one on which a card learned can still be ready.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/card.h"

namespace rehearse {

// How ready one deck's cards of one kind will be for the target if the plan is followed
// (Engine::plan_until with readiness): by deck, then kind (question, key point, story).
struct REHEARSE_API Readiness {
  std::string deck;
  CardKind kind = CardKind::question;
  int cards = 0;
  // The expected share recalled at the target: the mean of each card's retrievability then, by
  // its scheduler's memory model, after the reviews the plan gives it (each answered "good").
  // Nothing when the deck's scheduler has no memory model.
  std::optional<double> recall;
  int ready = 0;  // cards whose recall then reaches the desired retention (or, without a model, not due before)
};

struct REHEARSE_API StudyPlan {
  std::int64_t target_ms = 0;  // the moment to be ready for
  std::int64_t first_day = 0;  // today (a Clock day number)
  std::int64_t last_day = 0;   // the last day with reviews: the day before the target's
  double retention = 0.9;      // the lowest desired retention of the decks planned for
  bool memory_model = true;    // every card was judged by retrievability (else some by due date)

  int cards = 0;        // cards planned for (not suspended)
  int ready = 0;        // already ready: no review needed before the target
  int to_review = 0;    // studied cards that need reviews first
  int new_cards = 0;    // never studied: to learn before the target
  int unreachable = 0;  // cards that cannot be made ready in time (planned as well as can be)

  // Per day from first_day to last_day: answers (learning steps included) and new cards learned.
  std::vector<int> reviews;
  std::vector<int> introduced;

  // Today's part, for the review session: new cards to learn today (those learned earlier today
  // included) and review cards to take ahead of their due date.
  int new_today = 0;
  std::vector<std::int64_t> early_today;

  int days() const { return static_cast<int>(reviews.size()); }
  int total_reviews() const;
  // The busiest day (an index into `reviews`), or -1 without days.
  int peak_day() const;
};

}  // namespace rehearse
