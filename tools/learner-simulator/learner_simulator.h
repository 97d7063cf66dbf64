// A deterministic learner for tests and benchmarks of `rehearse optimize`: a person whose memory
// follows FSRS-6 with known parameters, reviewing a deck every day. The optimizer should find
// parameters that predict this person's reviews about as well as the true ones do.
//
// Each day the learner meets `new_per_day` new cards, then the cards that are due. The first
// rating and the pass ratings follow the proportions fsrs-rs's simulator takes from real logs
// (first: again 24%, hard 9.4%, good 49.5%, easy 17.1%; passed reviews: hard 22.4%, good 63.1%,
// easy 14.5%); a review is passed with the probability the true model gives. A new card rated
// again or hard, and a forgotten card, is seen once more ten minutes later and rated good (a
// learning or relearning step). Cards come back after the interval the true model sets for the
// desired retention, often a day or more late, as people are.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fsrs_model.h"

namespace rehearse::tools {

struct LearnerProfile {
  fsrs::Parameters parameters = fsrs::kDefaultParameters;  // the learner's true memory
  double desired_retention = 0.9;
  int days = 200;
  int new_per_day = 10;
  std::uint64_t seed = 1;
  std::int64_t start_ms = 1735722000000;  // 2025-01-01T09:00:00Z: the first day's first review
};

struct SimulatedReview {
  std::int64_t card_id = 0;
  std::int64_t reviewed_ms = 0;
  int rating = 3;
};

// The learner's reviews in time order.
std::vector<SimulatedReview> simulate_learner(const LearnerProfile& profile);

// The reviews as a CSV in the layout `rehearse optimize --revlog` and `replay` read, with a header.
std::string to_revlog_csv(const std::vector<SimulatedReview>& reviews);

// fsrs-rs's items for the same reviews, as JSON for tools/fsrs-binding/fit.mjs: {"items": [...]},
// one item per review on a later day than the card's previous one (never a card's first), each
// the card's [rating, days since the previous review] up to and including it, in time order. Days
// start at `day_start_hour` UTC, as rehearse counts them with TZ=UTC.
std::string to_fsrs_items_json(const std::vector<SimulatedReview>& reviews, int day_start_hour = 4);

}  // namespace rehearse::tools
