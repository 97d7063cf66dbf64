#include "learner_simulator.h"

#include <algorithm>
#include <map>
#include <cmath>
#include <random>

namespace rehearse::tools {

namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kDay = 86'400'000;

struct Card {
  std::int64_t id = 0;
  fsrs::MemoryState memory;
  int last_day = 0;
  int due_day = 0;
};

// A uniform draw in [0, 1) from the generator's bits, the same on every standard library (the
// std distributions are not specified bit for bit).
double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

int pick(std::mt19937_64& rng, const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) total += w;
  double x = uniform(rng) * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return static_cast<int>(i);
    x -= weights[i];
  }
  return static_cast<int>(weights.size() - 1);
}

}  // namespace

std::vector<SimulatedReview> simulate_learner(const LearnerProfile& profile) {
  const fsrs::Model model(profile.parameters);
  std::mt19937_64 rng(profile.seed);
  std::vector<Card> cards;
  std::vector<SimulatedReview> log;
  const auto schedule = [&](Card& card, int today) {
    const double interval = std::max(1.0, std::round(model.interval(card.memory.stability, profile.desired_retention)));
    // Half the reviews are on time; the rest a little late, a few much later (a holiday).
    double late = 0;
    const double kind = uniform(rng);
    if (kind > 0.5) late = std::floor(uniform(rng) * (1 + interval * 0.2));
    if (kind > 0.95) late += std::floor(uniform(rng) * 20);
    card.last_day = today;
    card.due_day = today + static_cast<int>(std::min(interval + late, 36500.0));
  };
  for (int day = 0; day < profile.days; ++day) {
    std::int64_t at = profile.start_ms + day * kDay;
    const auto review = [&](Card& card, int rating) {
      log.push_back({card.id, at, rating});
      at += 20'000 + static_cast<std::int64_t>(uniform(rng) * 40'000);
    };
    // Due cards first, in the order they came in.
    for (Card& card : cards) {
      if (card.due_day != day) continue;
      const int elapsed = day - card.last_day;
      const bool recalled = uniform(rng) < model.retrievability(elapsed, card.memory.stability);
      const int rating = recalled ? 2 + pick(rng, {0.224, 0.631, 0.145}) : 1;
      review(card, rating);
      card.memory = model.next(card.memory, elapsed, rating);
      if (rating == 1) {  // the relearning step, ten minutes on
        log.push_back({card.id, at + 10 * kMinute, 3});
        card.memory = model.next(card.memory, 0, 3);
      }
      schedule(card, day);
    }
    for (int i = 0; i < profile.new_per_day; ++i) {
      Card& card = cards.emplace_back();
      card.id = static_cast<std::int64_t>(cards.size());
      const int rating = 1 + pick(rng, {0.24, 0.094, 0.495, 0.171});
      review(card, rating);
      card.memory = model.initial(rating);
      if (rating <= 2) {  // a learning step, ten minutes on
        log.push_back({card.id, at + 10 * kMinute, 3});
        card.memory = model.next(card.memory, 0, 3);
      }
      schedule(card, day);
    }
  }
  std::stable_sort(log.begin(), log.end(), [](const SimulatedReview& a, const SimulatedReview& b) { return a.reviewed_ms < b.reviewed_ms; });
  return log;
}

std::string to_revlog_csv(const std::vector<SimulatedReview>& reviews) {
  std::string csv = "card_id,review_time,review_rating\n";
  for (const auto& review : reviews)
    csv += std::to_string(review.card_id) + "," + std::to_string(review.reviewed_ms) + "," + std::to_string(review.rating) + "\n";
  return csv;
}

std::string to_fsrs_items_json(const std::vector<SimulatedReview>& reviews, int day_start_hour) {
  std::map<std::int64_t, std::string> history;  // per card: "[r,d],[r,d]"
  std::map<std::int64_t, std::int64_t> last_day;
  std::string json = "{\"items\": [";
  bool first_item = true;
  for (const SimulatedReview& r : reviews) {
    const std::int64_t shifted = r.reviewed_ms - day_start_hour * 3'600'000LL;
    const std::int64_t day = shifted >= 0 ? shifted / kDay : (shifted - kDay + 1) / kDay;
    const auto last = last_day.find(r.card_id);
    const std::int64_t delta = last == last_day.end() ? 0 : day - last->second;
    std::string& so_far = history[r.card_id];
    so_far += (so_far.empty() ? "[" : ",[") + std::to_string(r.rating) + "," + std::to_string(delta) + "]";
    if (last != last_day.end() && delta > 0) {
      json += (first_item ? "[" : ",[") + so_far + "]";
      first_item = false;
    }
    last_day[r.card_id] = day;
  }
  return json + "]}";
}

}  // namespace rehearse::tools
