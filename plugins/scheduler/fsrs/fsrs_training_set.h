// What the FSRS optimizer fits to: the reviews of each card as (rating, days since the previous
// review), and which of those reviews are predicted, with what weight.
//
// It follows fsrs-rs (dataset.rs, training.rs), the optimizer Anki runs:
// - an item is a review on a later day than the card's previous one (never the first review): its
//   recall (rating > 1) is predicted from the reviews before it; same-day reviews only shape the
//   memory state;
// - items whose card has its first later-day review after exactly one earlier review form the
//   pretraining set, grouped by (first rating, days to that review);
// - the outlier filter drops, for each first rating, the smallest of those groups until 5% of the
//   items (at least 20) are gone, and every group of fewer than 6 items or more than 100 days
//   (365 for a first Easy); every item of a card in a dropped group goes with it;
// - recent reviews weigh more: the i-th of N items in time order weighs 0.25 + 0.75 (i/(N-1))^3.
//
// Since the items of one card share their history, a card is kept whole and its memory state is
// computed once for all of its items, not once per item.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace rehearse::fsrs {

struct Review {
  int rating = 3;   // 1-4
  int delta_t = 0;  // whole days since the card's previous review (0: the same day, or the first)
};

// One card's log as it comes in: reviews oldest first, each with its time (which orders items of
// different cards for the recency weights).
struct CardLog {
  std::vector<Review> reviews;
  std::vector<std::int64_t> times_ms;
};

// One card's reviews, with the weight of each review's prediction (0: not predicted).
struct CardSequence {
  std::vector<Review> reviews;
  std::vector<double> weights;
};

// Recall counts of the pretraining items for one first rating and one delay.
struct RecallGroup {
  double recalled = 0;
  double count = 0;
};

struct TrainingSet {
  std::vector<CardSequence> cards;  // cards with at least one item after the outlier filter
  std::size_t items = 0;            // predicted reviews
  std::size_t pretrain_items = 0;   // items that follow only the first rating
  double average_recall = 0;        // the share of items recalled
  // Pretraining data: first rating (1-4) -> days to the first later-day review -> recall counts.
  std::map<int, std::map<int, RecallGroup>> pretrain_groups;
};

// Builds the items of `logs`, filters outliers and weighs items by recency. Ratings outside 1-4
// are skipped, as fsrs-rs skips manual entries.
TrainingSet build_training_set(const std::vector<CardLog>& logs);

}  // namespace rehearse::fsrs
