#include "fsrs_training_set.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <tuple>

namespace rehearse::fsrs {

namespace {

// The first review on a later day than the one before it: where a card's first item is.
std::ptrdiff_t first_long_term(const std::vector<Review>& reviews) {
  for (std::size_t i = 1; i < reviews.size(); ++i)
    if (reviews[i].delta_t > 0) return static_cast<std::ptrdiff_t>(i);
  return -1;
}

struct Candidate {
  CardSequence sequence;
  std::vector<std::int64_t> item_times;  // per review; only items' entries are used
  int first_rating = 0;
  int first_delay = 0;     // days to the first later-day review
  bool recalled = false;   // at that review
};

}  // namespace

TrainingSet build_training_set(const std::vector<CardLog>& logs) {
  std::vector<Candidate> candidates;
  for (const CardLog& log : logs) {
    Candidate candidate;
    for (std::size_t i = 0; i < log.reviews.size(); ++i) {
      const Review& review = log.reviews[i];
      if (review.rating < 1 || review.rating > 4) continue;
      candidate.sequence.reviews.push_back({review.rating, std::max(review.delta_t, 0)});
      candidate.item_times.push_back(i < log.times_ms.size() ? log.times_ms[i] : 0);
    }
    if (!candidate.sequence.reviews.empty()) candidate.sequence.reviews.front().delta_t = 0;
    const auto first = first_long_term(candidate.sequence.reviews);
    if (first < 0) continue;  // nothing to predict
    const Review& at = candidate.sequence.reviews[static_cast<std::size_t>(first)];
    candidate.first_rating = candidate.sequence.reviews.front().rating;
    candidate.first_delay = at.delta_t;
    candidate.recalled = at.rating > 1;
    candidates.push_back(std::move(candidate));
  }

  // The outlier filter over the pretraining groups (one pretraining item per card).
  std::map<int, std::map<int, std::size_t>> group_sizes;
  for (const Candidate& c : candidates) ++group_sizes[c.first_rating][c.first_delay];
  std::set<std::pair<int, int>> dropped;
  for (const auto& [rating, by_delay] : group_sizes) {
    std::vector<std::pair<int, std::size_t>> groups(by_delay.begin(), by_delay.end());
    // Smallest first; among equals, the longest delay first (fsrs-rs's order).
    std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second < b.second : a.first > b.first;
    });
    const std::size_t total = std::accumulate(groups.begin(), groups.end(), std::size_t{0},
                                              [](std::size_t sum, const auto& group) { return sum + group.second; });
    const std::size_t to_remove = std::max<std::size_t>(20, total / 20);
    const int longest_delay = rating == 4 ? 365 : 100;
    std::size_t removed = 0;
    for (const auto& [delay, size] : groups) {
      if (removed + size >= to_remove) {
        if (size < 6 || delay > longest_delay) dropped.insert({rating, delay});
      } else {
        removed += size;
        dropped.insert({rating, delay});
      }
    }
  }

  TrainingSet set;
  struct ItemRef {
    std::int64_t time;
    std::size_t card, review;
  };
  std::vector<ItemRef> items;
  double recalled = 0;
  for (Candidate& c : candidates) {
    if (dropped.contains({c.first_rating, c.first_delay})) continue;
    RecallGroup& group = set.pretrain_groups[c.first_rating][c.first_delay];
    group.count += 1;
    group.recalled += c.recalled ? 1 : 0;
    ++set.pretrain_items;
    const std::size_t card = set.cards.size();
    CardSequence& sequence = set.cards.emplace_back(std::move(c.sequence));
    sequence.weights.assign(sequence.reviews.size(), 0);
    for (std::size_t i = 1; i < sequence.reviews.size(); ++i) {
      if (sequence.reviews[i].delta_t <= 0) continue;
      items.push_back({c.item_times[i], card, i});
      recalled += sequence.reviews[i].rating > 1 ? 1 : 0;
    }
  }
  set.items = items.size();
  if (items.empty()) return set;
  set.average_recall = recalled / static_cast<double>(items.size());
  // Recency weights by time order (ties keep the cards' order, so the result is deterministic).
  std::stable_sort(items.begin(), items.end(), [](const ItemRef& a, const ItemRef& b) { return a.time < b.time; });
  const double last = static_cast<double>(items.size() - 1);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const double position = items.size() == 1 ? 1.0 : static_cast<double>(i) / last;
    set.cards[items[i].card].weights[items[i].review] = 0.25 + 0.75 * position * position * position;
  }
  return set;
}

}  // namespace rehearse::fsrs
