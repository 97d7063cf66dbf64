#include "fsrs_model.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace rehearse::fsrs {

namespace {

double clamp_stability(double s) { return std::clamp(s, kMinStability, kMaxStability); }
double clamp_difficulty(double d) { return std::clamp(d, kMinDifficulty, kMaxDifficulty); }

std::string number_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

std::string check_parameters(const std::vector<double>& values) {
  if (values.size() != kParameterCount)
    return "FSRS-6 takes 21 parameters (w0 to w20); " + std::to_string(values.size()) + (values.size() == 1 ? " was" : " were") +
           " given";
  for (std::size_t i = 0; i < kParameterCount; ++i) {
    const Range range = kParameterRanges[i];
    if (!std::isfinite(values[i]) || values[i] < range.min || values[i] > range.max)
      return "w" + std::to_string(i) + " is " + number_text(values[i]) + ", outside its range " + number_text(range.min) + " to " +
             number_text(range.max);
  }
  return "";
}

Model::Model(const Parameters& parameters, bool short_term, int relearning_steps) : w_(parameters), short_term_(short_term) {
  if (relearning_steps > 1) {
    // More relearning steps mean more same-day reviews after a lapse; cap their combined effect
    // so that relearning cannot leave a card more stable than before it was forgotten.
    const double limit = -(std::log(w_[11]) + std::log(std::pow(2.0, w_[13]) - 1) + 0.3 * w_[14]) / relearning_steps;
    const double ceiling = std::clamp(std::sqrt(std::max(limit, 0.0)), 0.01, 2.0);
    w_[17] = std::min(w_[17], ceiling);
    w_[18] = std::min(w_[18], ceiling);
  }
  decay_ = -w_[20];
  factor_ = std::pow(0.9, 1 / decay_) - 1;
  exp_w8_ = std::exp(w_[8]);
  easy_difficulty_ = initial_difficulty(4);
  lapse_cap_divisor_ = std::exp(w_[17] * w_[18]);
  for (int rating = 1; rating <= 4; ++rating) {
    const auto i = static_cast<std::size_t>(rating - 1);
    initial_[i] = {clamp_stability(w_[i]), clamp_difficulty(initial_difficulty(rating))};
    short_term_growth_[i] = std::exp(w_[17] * (rating - 3 + w_[18]));
  }
}

double Model::retrievability(double elapsed_days, double stability) const {
  return std::pow(1 + factor_ * std::max(elapsed_days, 0.0) / clamp_stability(stability), decay_);
}

double Model::interval(double stability, double desired_retention) const {
  return interval_at(stability, retention_term(desired_retention));
}

double Model::retention_term(double desired_retention) const { return std::pow(desired_retention, 1 / decay_) - 1; }

double Model::interval_at(double stability, double retention_term) const { return stability / factor_ * retention_term; }

double Model::initial_difficulty(int rating) const { return w_[4] - std::exp(w_[5] * (rating - 1)) + 1; }

MemoryState Model::initial(int rating) const { return initial_[static_cast<std::size_t>(rating - 1)]; }

double Model::next_difficulty(double difficulty, int rating) const {
  const double delta = -w_[6] * (rating - 3);
  // Linear damping: the closer to 10, the less a failure adds.
  const double damped = difficulty + delta * (10 - difficulty) / 9;
  // Mean reversion towards the difficulty of a first Easy (unclamped, as in every reference).
  return clamp_difficulty(w_[7] * easy_difficulty_ + (1 - w_[7]) * damped);
}

double Model::recall_growth(double difficulty, double stability, double retrievability) const {
  return exp_w8_ * (11 - difficulty) * std::pow(stability, -w_[9]) * (std::exp((1 - retrievability) * w_[10]) - 1);
}

double Model::recall_stability_from(double stability, double growth, int rating) const {
  const double hard_penalty = rating == 2 ? w_[15] : 1;
  const double easy_bonus = rating == 4 ? w_[16] : 1;
  return clamp_stability(stability * (1 + growth * hard_penalty * easy_bonus));
}

double Model::recall_stability(double difficulty, double stability, double retrievability, int rating) const {
  return recall_stability_from(stability, recall_growth(difficulty, stability, retrievability), rating);
}

double Model::forget_stability(double difficulty, double stability, double retrievability) const {
  const double after_lapse = w_[11] * std::pow(difficulty, -w_[12]) * (std::pow(stability + 1, w_[13]) - 1) *
                             std::exp((1 - retrievability) * w_[14]);
  // Forgetting never leaves a card more stable than the same-day formula would after Again.
  const double cap = short_term_ ? stability / lapse_cap_divisor_ : stability;
  return clamp_stability(std::min(after_lapse, cap));
}

// `damping` is S^-w19, the same for every rating.
double Model::short_term_stability_from(double stability, double damping, int rating) const {
  double increase = short_term_growth_[static_cast<std::size_t>(rating - 1)] * damping;
  // A passing answer never lowers stability (fsrs-rs since November 2025, ts-fsrs 5.2.2).
  if (rating >= 2) increase = std::max(increase, 1.0);
  return clamp_stability(stability * increase);
}

double Model::short_term_stability(double stability, int rating) const {
  return short_term_stability_from(stability, std::pow(stability, -w_[19]), rating);
}

MemoryState Model::next(const MemoryState& memory, double elapsed_days, int rating) const {
  const double s = clamp_stability(memory.stability);
  const double d = clamp_difficulty(memory.difficulty);
  double stability;
  if (elapsed_days <= 0 && short_term_) {
    stability = short_term_stability(s, rating);
  } else {
    const double r = retrievability(elapsed_days, s);
    stability = rating == 1 ? forget_stability(d, s, r) : recall_stability(d, s, r, rating);
  }
  return {stability, next_difficulty(d, rating)};
}

std::array<MemoryState, 4> Model::next_for_each_rating(const MemoryState& memory, double elapsed_days, bool with_again) const {
  const double s = clamp_stability(memory.stability);
  const double d = clamp_difficulty(memory.difficulty);
  std::array<MemoryState, 4> after{};
  const int first = with_again ? 1 : 2;
  if (elapsed_days <= 0 && short_term_) {
    const double damping = std::pow(s, -w_[19]);
    for (int rating = first; rating <= 4; ++rating)
      after[static_cast<std::size_t>(rating - 1)] = {short_term_stability_from(s, damping, rating), next_difficulty(d, rating)};
    return after;
  }
  const double r = retrievability(elapsed_days, s);
  if (with_again) after[0] = {forget_stability(d, s, r), next_difficulty(d, 1)};
  const double growth = recall_growth(d, s, r);
  for (int rating = 2; rating <= 4; ++rating)
    after[static_cast<std::size_t>(rating - 1)] = {recall_stability_from(s, growth, rating), next_difficulty(d, rating)};
  return after;
}

MemoryState Model::from_sm2(double ease, double interval_days, double sm2_retention) const {
  const double stability = clamp_stability(std::max(interval_days, kMinStability) * factor_ /
                                           (std::pow(sm2_retention, 1 / decay_) - 1));
  // The difficulty at which one successful review at that retention multiplies stability by the
  // ease factor, as SM-2 multiplied the interval.
  const double growth = std::exp(w_[8]) * std::pow(stability, -w_[9]) * std::expm1((1 - sm2_retention) * w_[10]);
  return {stability, clamp_difficulty(11 - (ease - 1) / growth)};
}

}  // namespace rehearse::fsrs
