#include "fsrs_pretrain.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "fsrs_model.h"

namespace rehearse::fsrs {

namespace {

constexpr double kInitialStabilityMax = 100;

// The forgetting curve at the default decay: pretraining fits w0-w3 before the decay is known.
double default_curve(double days, double stability) {
  const double decay = -kDefaultParameters[20];
  const double factor = std::pow(0.9, 1 / decay) - 1;
  return std::pow(1 + factor * days / stability, decay);
}

}  // namespace

InitialStabilities pretrain_initial_stabilities(const TrainingSet& set) {
  std::map<int, double> stabilities, counts;
  for (const auto& [rating, groups] : set.pretrain_groups) {
    struct Point {
      double days, recall, count;
    };
    std::vector<Point> points;
    double total = 0;
    for (const auto& [days, group] : groups) {
      // Laplace smoothing towards the average recall: a group of one review is not a certainty.
      const double recall = (group.recalled + set.average_recall) / (group.count + 1);
      points.push_back({static_cast<double>(days), recall, group.count});
      total += group.count;
    }
    if (points.empty()) continue;
    const double default_s0 = kDefaultParameters[static_cast<std::size_t>(rating - 1)];
    // Binary cross-entropy of the curve against the recall, plus a pull towards the default.
    const auto loss = [&](double s) {
      double sum = 0;
      for (const Point& p : points) {
        const double r = std::clamp(default_curve(p.days, s), 1e-9, 1 - 1e-9);
        sum -= p.count * (p.recall * std::log(r) + (1 - p.recall) * std::log(1 - r));
      }
      return sum + std::abs(s - default_s0) / 16;
    };
    double low = kMinStability, high = kInitialStabilityMax, best = default_s0;
    for (int iteration = 0; iteration < 1000 && high - low > 1e-7; ++iteration) {
      const double third = (high - low) / 3;
      if (loss(low + third) < loss(high - third))
        high -= third;
      else
        low += third;
      best = (low + high) / 2;
    }
    stabilities[rating] = best;
    counts[rating] = total;
  }
  return smooth_and_fill(std::move(stabilities), counts);
}

InitialStabilities smooth_and_fill(std::map<int, double> s, const std::map<int, double>& counts) {
  InitialStabilities result;
  const auto count = [&](int rating) {
    const auto it = counts.find(rating);
    return it == counts.end() ? 0.0 : it->second;
  };
  // A rating no card started with says nothing: it is filled in from the others below.
  std::erase_if(s, [&](const auto& entry) { return count(entry.first) <= 0; });
  if (s.empty()) return result;
  // A rating given later must not start a card off less stable; the value with more reviews wins.
  for (const auto& [small, big] : {std::pair{1, 2}, {2, 3}, {3, 4}, {1, 3}, {2, 4}, {1, 4}}) {
    if (!s.contains(small) || !s.contains(big) || s[small] <= s[big]) continue;
    if (count(small) > count(big))
      s[big] = s[small];
    else
      s[small] = s[big];
  }
  constexpr double w1 = 0.41, w2 = 0.54;  // fsrs-rs's interpolation exponents
  const auto has = [&](int rating) { return s.contains(rating); };
  if (s.size() == 1) {
    // Scale the defaults by the one rating that was seen.
    const auto [rating, value] = *s.begin();
    const double factor = value / kDefaultParameters[static_cast<std::size_t>(rating - 1)];
    for (int r = 1; r <= 4; ++r) s[r] = kDefaultParameters[static_cast<std::size_t>(r - 1)] * factor;
  } else if (s.size() == 2) {
    if (!has(1) && !has(2)) {
      s[2] = std::pow(s[3], 1 / (1 - w2)) * std::pow(s[4], 1 - 1 / (1 - w2));
      s[1] = std::pow(s[2], 1 / w1) * std::pow(s[3], 1 - 1 / w1);
    } else if (!has(1) && !has(3)) {
      s[3] = std::pow(s[2], 1 - w2) * std::pow(s[4], w2);
      s[1] = std::pow(s[2], 1 / w1) * std::pow(s[3], 1 - 1 / w1);
    } else if (!has(1) && !has(4)) {
      s[4] = std::pow(s[2], 1 - 1 / w2) * std::pow(s[3], 1 / w2);
      s[1] = std::pow(s[2], 1 / w1) * std::pow(s[3], 1 - 1 / w1);
    } else if (!has(2) && !has(3)) {
      const double mix = w1 + w2 - w1 * w2;
      s[2] = std::pow(s[1], w1 / mix) * std::pow(s[4], 1 - w1 / mix);
      s[3] = std::pow(s[1], 1 - w2 / mix) * std::pow(s[4], w2 / mix);
    } else if (!has(2) && !has(4)) {
      s[2] = std::pow(s[1], w1) * std::pow(s[3], 1 - w1);
      s[4] = std::pow(s[2], 1 - 1 / w2) * std::pow(s[3], 1 / w2);
    } else if (!has(3) && !has(4)) {
      s[3] = std::pow(s[1], 1 - 1 / (1 - w1)) * std::pow(s[2], 1 / (1 - w1));
      s[4] = std::pow(s[2], 1 - 1 / w2) * std::pow(s[3], 1 / w2);
    }
  } else if (s.size() == 3) {
    if (!has(1)) s[1] = std::pow(s[2], 1 / w1) * std::pow(s[3], 1 - 1 / w1);
    else if (!has(2)) s[2] = std::pow(s[1], w1) * std::pow(s[3], 1 - w1);
    else if (!has(3)) s[3] = std::pow(s[2], 1 - w2) * std::pow(s[4], w2);
    else if (!has(4)) s[4] = std::pow(s[2], 1 - 1 / w2) * std::pow(s[3], 1 / w2);
  }
  for (int r = 1; r <= 4; ++r)
    result.values[static_cast<std::size_t>(r - 1)] = std::clamp(s[r], kMinStability, kInitialStabilityMax);
  result.found = true;
  return result;
}

}  // namespace rehearse::fsrs
