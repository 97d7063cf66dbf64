#include "fsrs_optimizer.h"

#include <ceres/ceres.h>
#include <ceres/jet.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "fsrs_pretrain.h"

namespace rehearse::fsrs {

namespace {

using std::exp;
using std::log;
using std::pow;
using ceres::exp;
using ceres::log;
using ceres::pow;

// Clamps keep the value where it is inside [low, high] and are flat outside, as the clamps of
// fsrs-rs's model are for its gradients.
template <class T>
T clamp_to(const T& x, double low, double high) {
  if (x < low) return T(low);
  if (x > high) return T(high);
  return x;
}

// The terms of the FSRS-6 recurrence that depend on the parameters alone, computed once per
// evaluation (fsrs_model.h has the formulas and the reasons for them).
template <class T>
struct Terms {
  explicit Terms(const std::array<T, kParameterCount>& parameters) : w(parameters) {
    decay = -w[20];
    factor = pow(T(0.9), T(1.0) / decay) - T(1.0);
    exp_w8 = exp(w[8]);
    easy_difficulty = initial_difficulty(4);
    lapse_cap_divisor = exp(w[17] * w[18]);
    for (int rating = 1; rating <= 4; ++rating) {
      const auto i = static_cast<std::size_t>(rating - 1);
      initial_stability[i] = clamp_to(w[i], kMinStability, kMaxStability);
      initial_difficulty_clamped[i] = clamp_to(initial_difficulty(rating), kMinDifficulty, kMaxDifficulty);
      short_term_growth[i] = exp(w[17] * (T(rating - 3.0) + w[18]));
    }
  }

  T initial_difficulty(int rating) const { return w[4] - exp(w[5] * T(rating - 1.0)) + T(1.0); }

  T retrievability(int days, const T& stability) const {
    return pow(T(1.0) + factor * T(static_cast<double>(days)) / stability, decay);
  }

  // The memory after rating a card `days` after its last review (fsrs-rs step()).
  void next(T& s, T& d, int days, int rating) const {
    s = clamp_to(s, kMinStability, kMaxStability);
    d = clamp_to(d, kMinDifficulty, kMaxDifficulty);
    T stability;
    if (days <= 0) {
      T increase = short_term_growth[static_cast<std::size_t>(rating - 1)] * pow(s, -w[19]);
      if (rating >= 2 && increase < 1.0) increase = T(1.0);
      stability = s * increase;
    } else {
      const T r = retrievability(days, s);
      if (rating == 1) {
        const T after_lapse = w[11] * pow(d, -w[12]) * (pow(s + T(1.0), w[13]) - T(1.0)) * exp((T(1.0) - r) * w[14]);
        const T cap = s / lapse_cap_divisor;
        stability = after_lapse < cap ? after_lapse : cap;
      } else {
        T growth = exp_w8 * (T(11.0) - d) * pow(s, -w[9]) * (exp((T(1.0) - r) * w[10]) - T(1.0));
        if (rating == 2) growth *= w[15];
        if (rating == 4) growth *= w[16];
        stability = s * (T(1.0) + growth);
      }
    }
    const T damped = d - w[6] * T(rating - 3.0) * (T(10.0) - d) / T(9.0);
    d = clamp_to(w[7] * easy_difficulty + (T(1.0) - w[7]) * damped, kMinDifficulty, kMaxDifficulty);
    s = clamp_to(stability, kMinStability, kMaxStability);
  }

  std::array<T, kParameterCount> w;
  T decay, factor, exp_w8, easy_difficulty, lapse_cap_divisor;
  std::array<T, 4> initial_stability, initial_difficulty_clamped, short_term_growth;
};

// Calls visit(card, review index, predicted R) for every predicted review of `cards`, walking
// each card's reviews once.
template <class T, class Visit>
void for_each_prediction(const Terms<T>& terms, const std::vector<CardSequence>& cards, Visit&& visit) {
  for (std::size_t c = 0; c < cards.size(); ++c) {
    const CardSequence& card = cards[c];
    if (card.reviews.empty()) continue;
    const auto first = static_cast<std::size_t>(card.reviews.front().rating - 1);
    T s = terms.initial_stability[first], d = terms.initial_difficulty_clamped[first];
    for (std::size_t i = 1; i < card.reviews.size(); ++i) {
      const Review& review = card.reviews[i];
      if (card.weights[i] > 0) visit(c, i, terms.retrievability(review.delta_t, clamp_to(s, kMinStability, kMaxStability)));
      terms.next(s, d, review.delta_t, review.rating);
    }
  }
}

template <class T>
T weighted_bce(const std::array<T, kParameterCount>& w, const std::vector<CardSequence>& cards) {
  const Terms<T> terms(w);
  T loss(0.0);
  for_each_prediction(terms, cards, [&](std::size_t c, std::size_t i, const T& predicted) {
    const T r = clamp_to(predicted, 1e-7, 1 - 1e-7);
    const bool recalled = cards[c].reviews[i].rating > 1;
    loss -= cards[c].weights[i] * (recalled ? log(r) : log(T(1.0) - r));
  });
  return loss;
}

// The objective in the unbounded variables u (w = low + (high - low) sigmoid(u)), for Ceres.
struct Objective {
  const std::vector<CardSequence>* cards;
  Parameters prior;

  template <class T>
  bool operator()(const T* u, T* cost) const {
    std::array<T, kParameterCount> w;
    T penalty(0.0);
    for (std::size_t j = 0; j < kParameterCount; ++j) {
      const Range range = training_range(j);
      w[j] = T(range.min) + T(range.max - range.min) / (T(1.0) + exp(-u[j]));
      const T distance = (w[j] - T(prior[j])) / T(kParameterStddev[j]);
      penalty += distance * distance;
    }
    *cost = weighted_bce(w, *cards) + penalty;
    return true;
  }
};

class ProgressCallback final : public ceres::IterationCallback {
 public:
  ProgressCallback(const std::function<void(double)>& progress, int max_iterations)
      : progress_(progress), max_iterations_(max_iterations) {}
  ceres::CallbackReturnType operator()(const ceres::IterationSummary& summary) override {
    if (progress_) progress_(std::min(1.0, static_cast<double>(summary.iteration) / max_iterations_));
    return ceres::SOLVER_CONTINUE;
  }

 private:
  const std::function<void(double)>& progress_;
  int max_iterations_;
};

double rounded(double value) { return std::round(value * 10000) / 10000; }

// fsrs-rs's bins (FSRSItem::r_matrix_index): delay, number of later-day reviews, lapses.
std::tuple<long, long, long> bin_of(const CardSequence& card, std::size_t index) {
  const double delta_t = card.reviews[index].delta_t;
  double long_term = 1, lapses = 0;  // long_term counts the current review
  for (std::size_t i = 1; i < index; ++i) {
    if (card.reviews[i].delta_t <= 0) continue;
    long_term += 1;
    if (card.reviews[i].rating == 1) lapses += 1;
  }
  const double length = long_term + 1;
  const long delta_bin = std::lround(2.48 * std::pow(3.62, std::floor(std::log(delta_t) / std::log(3.62))) * 100);
  const long length_bin = std::lround(1.99 * std::pow(1.89, std::floor(std::log(length) / std::log(1.89))) * 100);
  const long lapse_bin = lapses == 0 ? 0 : std::lround(1.65 * std::pow(1.73, std::floor(std::log(lapses) / std::log(1.73))) * 100);
  return {delta_bin, length_bin, lapse_bin};
}

}  // namespace

Range training_range(std::size_t parameter) {
  Range range = kParameterRanges[parameter];
  if (parameter == 19) range.min = std::max(range.min, 0.01);
  return range;
}

double prediction_loss(const Parameters& parameters, const std::vector<CardSequence>& cards,
                       std::array<double, kParameterCount>* gradient) {
  if (!gradient) return weighted_bce<double>(parameters, cards);
  using Jet = ceres::Jet<double, static_cast<int>(kParameterCount)>;
  std::array<Jet, kParameterCount> w;
  for (std::size_t j = 0; j < kParameterCount; ++j) w[j] = Jet(parameters[j], static_cast<int>(j));
  const Jet loss = weighted_bce(w, cards);
  for (std::size_t j = 0; j < kParameterCount; ++j) (*gradient)[j] = loss.v[static_cast<Eigen::Index>(j)];
  return loss.a;
}

double prior_penalty(const Parameters& parameters, const Parameters& prior, double scale,
                     std::array<double, kParameterCount>* gradient) {
  double sum = 0;
  for (std::size_t j = 0; j < kParameterCount; ++j) {
    const double sigma2 = kParameterStddev[j] * kParameterStddev[j];
    const double distance = parameters[j] - prior[j];
    sum += distance * distance / sigma2;
    if (gradient) (*gradient)[j] = scale * 2 * distance / sigma2;
  }
  return scale * sum;
}

Evaluation evaluate(const Parameters& parameters, const TrainingSet& set) {
  const Terms<double> terms(parameters);
  double loss = 0, weights = 0;
  struct Bin {
    double weight = 0, predicted = 0, recalled = 0;
  };
  std::map<std::tuple<long, long, long>, Bin> bins;
  for_each_prediction(terms, set.cards, [&](std::size_t c, std::size_t i, double predicted) {
    const CardSequence& card = set.cards[c];
    const double weight = card.weights[i];
    const double r = std::clamp(predicted, 1e-7, 1 - 1e-7);
    const bool recalled = card.reviews[i].rating > 1;
    loss -= weight * (recalled ? std::log(r) : std::log(1 - r));
    weights += weight;
    Bin& bin = bins[bin_of(card, i)];
    bin.weight += weight;
    bin.predicted += weight * predicted;
    bin.recalled += weight * (recalled ? 1 : 0);
  });
  Evaluation result;
  if (weights <= 0) return result;
  result.log_loss = loss / weights;
  double squares = 0;
  for (const auto& [key, bin] : bins) {
    const double error = (bin.predicted - bin.recalled) / bin.weight;
    squares += bin.weight * error * error;
  }
  result.rmse_bins = std::sqrt(squares / weights);
  return result;
}

TrainingOutcome train(const TrainingSet& set, const Parameters& prior, const std::function<void(double)>& progress) {
  std::array<double, kParameterCount> u{};
  for (std::size_t j = 0; j < kParameterCount; ++j) {
    const Range range = training_range(j);
    // Start just inside the bounds: on a bound the sigmoid is flat and the gradient vanishes.
    const double share = std::clamp((prior[j] - range.min) / (range.max - range.min), 0.01, 0.99);
    u[j] = std::log(share / (1 - share));
  }
  auto* objective = new Objective{&set.cards, prior};
  ceres::GradientProblem problem(
      new ceres::AutoDiffFirstOrderFunction<Objective, static_cast<int>(kParameterCount)>(objective));
  ceres::GradientProblemSolver::Options options;
  options.line_search_direction_type = ceres::LBFGS;
  options.max_num_iterations = 200;
  options.function_tolerance = 1e-8;
  options.gradient_tolerance = 1e-8;
  options.logging_type = ceres::SILENT;
  ProgressCallback callback(progress, options.max_num_iterations);
  options.callbacks.push_back(&callback);
  ceres::GradientProblemSolver::Summary summary;
  ceres::Solve(options, problem, u.data(), &summary);

  TrainingOutcome outcome;
  for (std::size_t j = 0; j < kParameterCount; ++j) {
    const Range range = training_range(j);
    outcome.parameters[j] = std::clamp(range.min + (range.max - range.min) / (1 + std::exp(-u[j])), range.min, range.max);
  }
  outcome.iterations = static_cast<int>(summary.iterations.size());
  outcome.termination = summary.message;
  return outcome;
}

FitOutcome fit_parameters(const TrainingSet& set, const std::function<void(double)>& progress) {
  FitOutcome outcome;
  if (set.items < 8) {
    outcome.note = "fewer than 8 reviews to predict: the default parameters are kept";
    return outcome;
  }
  const InitialStabilities pretrained = pretrain_initial_stabilities(set);
  Parameters prior = kDefaultParameters;
  if (pretrained.found)
    for (std::size_t i = 0; i < 4; ++i) prior[i] = pretrained.values[i];
  if (set.items < 64 || set.items == set.pretrain_items) {
    outcome.parameters = prior;
    outcome.note = set.items < 64 ? "fewer than 64 reviews to predict: only the initial stabilities (w0-w3) were fitted"
                                  : "every card was reviewed only once on a later day: only the initial stabilities (w0-w3) were fitted";
  } else {
    outcome.parameters = train(set, prior, progress).parameters;
    // Training may leave w0-w3 out of order; put them back as pretraining does.
    std::map<int, double> stabilities, counts;
    for (const auto& [rating, groups] : set.pretrain_groups) {
      double count = 0;
      for (const auto& [days, group] : groups) count += group.count;
      counts[rating] = count;
    }
    for (int rating = 1; rating <= 4; ++rating) stabilities[rating] = outcome.parameters[static_cast<std::size_t>(rating - 1)];
    const InitialStabilities ordered = smooth_and_fill(stabilities, counts);
    for (std::size_t i = 0; i < 4; ++i) outcome.parameters[i] = ordered.values[i];
  }
  // Four decimals, as the FSRS tools print them: what is shown is what is saved and evaluated.
  for (std::size_t j = 0; j < kParameterCount; ++j) {
    const Range range = training_range(j);
    outcome.parameters[j] = std::clamp(rounded(outcome.parameters[j]), range.min, range.max);
  }
  if (progress) progress(1.0);
  return outcome;
}

}  // namespace rehearse::fsrs
