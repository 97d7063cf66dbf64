#include "fsrs_optimizer.h"

#include <ceres/ceres.h>
#include <ceres/jet.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <thread>
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

// Reports how far the fit has got. L-BFGS does not know how many iterations it will take, but it
// stops when an iteration improves the objective by less than `tolerance` (relative): the share
// done is how far the improvement has fallen from the first iteration's towards that, on a log
// scale, never going back; or the share of the iterations allowed, if that is further.
class ProgressCallback final : public ceres::IterationCallback {
 public:
  ProgressCallback(const std::function<void(double)>& progress, int max_iterations, double tolerance)
      : progress_(progress), max_iterations_(max_iterations), tolerance_(tolerance) {}
  ceres::CallbackReturnType operator()(const ceres::IterationSummary& summary) override {
    if (!progress_ || summary.iteration == 0) return ceres::SOLVER_CONTINUE;
    const double change = std::abs(summary.cost_change) / std::max(std::abs(summary.cost), 1e-300);
    if (first_change_ <= 0 && change > 0) first_change_ = change;
    double share = static_cast<double>(summary.iteration) / max_iterations_;
    if (first_change_ > tolerance_ && change > 0)
      share = std::max(share, std::log(first_change_ / change) / std::log(first_change_ / tolerance_));
    done_ = std::max(done_, std::clamp(share, 0.0, 0.99));
    progress_(done_);
    return ceres::SOLVER_CONTINUE;
  }

 private:
  const std::function<void(double)>& progress_;
  int max_iterations_;
  double tolerance_;
  double first_change_ = 0;
  double done_ = 0;
};


// ---- The gradient by hand (reverse mode) ------------------------------------------------------
//
// Ceres's Jets carry 21 derivatives through every operation, which costs a hundred times the
// arithmetic of the loss itself; the fit evaluates the gradient about a hundred times. So the fit
// uses the gradient derived by hand: a forward pass over each card keeps the memory state before
// every review, a backward pass sends the loss's sensitivity back through the recurrence. The
// tests check it against the Jets and against fsrs-optimizer's reference gradient.

// Sensitivities of the loss to the terms of Terms<double>, gathered over all cards and turned
// into sensitivities to the parameters at the end.
struct Adjoints {
  std::array<double, kParameterCount> w{};
  double decay = 0, factor = 0, exp_w8 = 0, easy_difficulty = 0, lapse_cap_divisor = 0;
  std::array<double, 4> initial_stability{}, initial_difficulty{}, short_term_growth{};

  void add(const Adjoints& other) {
    for (std::size_t j = 0; j < kParameterCount; ++j) w[j] += other.w[j];
    decay += other.decay, factor += other.factor, exp_w8 += other.exp_w8, easy_difficulty += other.easy_difficulty;
    lapse_cap_divisor += other.lapse_cap_divisor;
    for (std::size_t i = 0; i < 4; ++i) {
      initial_stability[i] += other.initial_stability[i];
      initial_difficulty[i] += other.initial_difficulty[i];
      short_term_growth[i] += other.short_term_growth[i];
    }
  }

  // The gradient with respect to w0-w20.
  std::array<double, kParameterCount> gradient(const Terms<double>& terms) const {
    std::array<double, kParameterCount> g = w;
    const auto& p = terms.w;
    // factor = 0.9^(1/decay) - 1, decay = -w20.
    const double total_decay = decay + factor * (-(terms.factor + 1) * std::log(0.9) / (terms.decay * terms.decay));
    g[20] -= total_decay;
    g[8] += exp_w8 * terms.exp_w8;
    g[4] += easy_difficulty;
    g[5] += easy_difficulty * -3 * std::exp(3 * p[5]);
    g[17] += lapse_cap_divisor * terms.lapse_cap_divisor * p[18];
    g[18] += lapse_cap_divisor * terms.lapse_cap_divisor * p[17];
    for (std::size_t i = 0; i < 4; ++i) {
      const double rating = static_cast<double>(i) + 1;
      if (!(p[i] < kMinStability) && !(p[i] > kMaxStability)) g[i] += initial_stability[i];
      const double raw = terms.initial_difficulty(static_cast<int>(rating));
      if (!(raw < kMinDifficulty) && !(raw > kMaxDifficulty)) {
        g[4] += initial_difficulty[i];
        g[5] += initial_difficulty[i] * -(rating - 1) * std::exp(p[5] * (rating - 1));
      }
      g[17] += short_term_growth[i] * terms.short_term_growth[i] * (rating - 3 + p[18]);
      g[18] += short_term_growth[i] * terms.short_term_growth[i] * p[17];
    }
    return g;
  }
};

// Sends the sensitivity of R(days, s) back to s, the factor and the decay.
void retrievability_backward(const Terms<double>& terms, int days, double s, double r, double adjoint_r, double& adjoint_s,
                             Adjoints& adjoints) {
  const double base = 1 + terms.factor * days / s;
  const double d_base = adjoint_r * terms.decay * r / base;
  adjoints.decay += adjoint_r * r * std::log(base);
  adjoints.factor += d_base * days / s;
  adjoint_s += d_base * -terms.factor * days / (s * s);
}

// One step of the recurrence backwards: given the sensitivities to the state after the review
// (adjoint_s, adjoint_d, replaced by those to the state before it) and the state before it.
void step_backward(const Terms<double>& terms, double s, double d, int days, int rating, double& adjoint_s, double& adjoint_d,
                   Adjoints& adjoints) {
  const auto& w = terms.w;
  const auto index = static_cast<std::size_t>(rating - 1);
  double out_s = adjoint_s, out_d = adjoint_d;
  double in_s = 0, in_d = 0;

  // Difficulty: damped, reverted towards D0(4), clamped.
  const double damped = d - w[6] * (rating - 3) * (10 - d) / 9;
  const double reverted = w[7] * terms.easy_difficulty + (1 - w[7]) * damped;
  if (!(reverted < kMinDifficulty) && !(reverted > kMaxDifficulty)) {
    adjoints.w[7] += out_d * (terms.easy_difficulty - damped);
    adjoints.easy_difficulty += out_d * w[7];
    const double d_damped = out_d * (1 - w[7]);
    in_d += d_damped * (1 + w[6] * (rating - 3) / 9.0);
    adjoints.w[6] += d_damped * -(rating - 3) * (10 - d) / 9;
  }

  // Stability.
  if (days <= 0) {
    const double raw = terms.short_term_growth[index] * std::pow(s, -w[19]);
    const bool floored = rating >= 2 && raw < 1;
    const double increase = floored ? 1 : raw;
    const double next = s * increase;
    if (!(next < kMinStability) && !(next > kMaxStability)) {
      if (floored) {
        in_s += out_s;
      } else {
        in_s += out_s * raw * (1 - w[19]);
        adjoints.short_term_growth[index] += out_s * next / terms.short_term_growth[index];
        adjoints.w[19] += out_s * -next * std::log(s);
      }
    }
  } else {
    const double r = terms.retrievability(days, s);
    double adjoint_r = 0;
    if (rating == 1) {
      const double power = std::pow(s + 1, w[13]);
      const double e = std::exp((1 - r) * w[14]);
      const double a = w[11] * std::pow(d, -w[12]) * e;
      const double after_lapse = a * (power - 1);
      const double cap = s / terms.lapse_cap_divisor;
      const double next = after_lapse < cap ? after_lapse : cap;
      if (!(next < kMinStability) && !(next > kMaxStability)) {
        if (after_lapse < cap) {
          adjoints.w[11] += out_s * after_lapse / w[11];
          in_d += out_s * after_lapse * -w[12] / d;
          adjoints.w[12] += out_s * -after_lapse * std::log(d);
          in_s += out_s * a * w[13] * power / (s + 1);
          adjoints.w[13] += out_s * a * power * std::log(s + 1);
          adjoint_r += out_s * after_lapse * -w[14];
          adjoints.w[14] += out_s * after_lapse * (1 - r);
        } else {
          in_s += out_s / terms.lapse_cap_divisor;
          adjoints.lapse_cap_divisor += out_s * -s / (terms.lapse_cap_divisor * terms.lapse_cap_divisor);
        }
      }
    } else {
      const double e = std::exp((1 - r) * w[10]);
      const double power = std::pow(s, -w[9]);
      const double bonus = (rating == 2 ? w[15] : 1) * (rating == 4 ? w[16] : 1);
      const double core = terms.exp_w8 * (11 - d) * power;  // growth = core * (e - 1) * bonus
      const double growth = core * (e - 1) * bonus;
      const double next = s * (1 + growth);
      if (!(next < kMinStability) && !(next > kMaxStability)) {
        in_s += out_s * (1 + growth * (1 - w[9]));
        const double d_growth = out_s * s;
        adjoints.exp_w8 += d_growth * (11 - d) * power * (e - 1) * bonus;
        in_d += d_growth * -terms.exp_w8 * power * (e - 1) * bonus;
        adjoints.w[9] += d_growth * -growth * std::log(s);
        const double d_e = d_growth * core * bonus;
        adjoint_r += d_e * -w[10] * e;
        adjoints.w[10] += d_e * (1 - r) * e;
        if (rating == 2) adjoints.w[15] += d_growth * core * (e - 1);
        if (rating == 4) adjoints.w[16] += d_growth * core * (e - 1);
      }
    }
    if (adjoint_r != 0) retrievability_backward(terms, days, s, r, adjoint_r, in_s, adjoints);
  }
  adjoint_s = in_s;
  adjoint_d = in_d;
}

// The weighted BCE of `cards` and its sensitivities.
double weighted_bce_with_adjoints(const Terms<double>& terms, const std::vector<CardSequence>& cards, std::size_t begin,
                                  std::size_t end, Adjoints& adjoints) {
  double loss = 0;
  std::vector<double> stabilities, difficulties;
  for (std::size_t c = begin; c < end; ++c) {
    const CardSequence& card = cards[c];
    const std::size_t n = card.reviews.size();
    if (n < 2) continue;
    // Forward: the state before each review.
    stabilities.resize(n);
    difficulties.resize(n);
    const auto first = static_cast<std::size_t>(card.reviews.front().rating - 1);
    double s = terms.initial_stability[first], d = terms.initial_difficulty_clamped[first];
    for (std::size_t i = 1; i < n; ++i) {
      stabilities[i] = s;
      difficulties[i] = d;
      terms.next(s, d, card.reviews[i].delta_t, card.reviews[i].rating);
    }
    // Backward, from the last review to the first.
    double adjoint_s = 0, adjoint_d = 0;
    for (std::size_t i = n - 1; i >= 1; --i) {
      const Review& review = card.reviews[i];
      step_backward(terms, stabilities[i], difficulties[i], review.delta_t, review.rating, adjoint_s, adjoint_d, adjoints);
      if (card.weights[i] > 0) {
        const double predicted = terms.retrievability(review.delta_t, stabilities[i]);
        const bool recalled = review.rating > 1;
        const double weight = card.weights[i];
        const double r = std::clamp(predicted, 1e-7, 1 - 1e-7);
        loss -= weight * (recalled ? std::log(r) : std::log(1 - r));
        if (r == predicted) {
          const double adjoint_r = recalled ? -weight / r : weight / (1 - r);
          retrievability_backward(terms, review.delta_t, stabilities[i], predicted, adjoint_r, adjoint_s, adjoints);
        }
      }
    }
    adjoints.initial_stability[first] += adjoint_s;
    adjoints.initial_difficulty[first] += adjoint_d;
  }
  return loss;
}

// The loss and its gradient over all cards, the cards shared between two threads (the machine's
// cores: a fit evaluates this a hundred times).
double loss_and_gradient(const Parameters& parameters, const std::vector<CardSequence>& cards,
                         std::array<double, kParameterCount>& gradient) {
  const Terms<double> terms(parameters);
  constexpr std::size_t kMinCardsPerThread = 250;
  const std::size_t threads = cards.size() >= 2 * kMinCardsPerThread ? 2 : 1;
  std::vector<Adjoints> adjoints(threads);
  std::vector<double> losses(threads, 0);
  const auto run = [&](std::size_t t) {
    const std::size_t begin = cards.size() * t / threads, end = cards.size() * (t + 1) / threads;
    losses[t] = weighted_bce_with_adjoints(terms, cards, begin, end, adjoints[t]);
  };
  if (threads == 1) {
    run(0);
  } else {
    std::thread helper(run, 1);
    run(0);
    helper.join();
    adjoints[0].add(adjoints[1]);
  }
  gradient = adjoints[0].gradient(terms);
  double loss = 0;
  for (double part : losses) loss += part;
  return loss;
}

// The objective in the unbounded variables u (w = low + (high - low) sigmoid(u)), for Ceres.
class Objective final : public ceres::FirstOrderFunction {
 public:
  Objective(const std::vector<CardSequence>& cards, const Parameters& prior) : cards_(cards), prior_(prior) {}

  int NumParameters() const override { return static_cast<int>(kParameterCount); }

  bool Evaluate(const double* u, double* cost, double* gradient) const override {
    Parameters w{};
    std::array<double, kParameterCount> slope{};  // dw/du
    for (std::size_t j = 0; j < kParameterCount; ++j) {
      const Range range = training_range(j);
      const double sigmoid = 1 / (1 + std::exp(-u[j]));
      w[j] = range.min + (range.max - range.min) * sigmoid;
      slope[j] = (range.max - range.min) * sigmoid * (1 - sigmoid);
    }
    std::array<double, kParameterCount> loss_gradient{}, penalty_gradient{};
    const double loss = gradient ? loss_and_gradient(w, cards_, loss_gradient) : weighted_bce<double>(w, cards_);
    const double penalty = prior_penalty(w, prior_, 1.0, gradient ? &penalty_gradient : nullptr);
    *cost = loss + penalty;
    if (!std::isfinite(*cost)) return false;
    if (gradient)
      for (std::size_t j = 0; j < kParameterCount; ++j) gradient[j] = (loss_gradient[j] + penalty_gradient[j]) * slope[j];
    return true;
  }

 private:
  const std::vector<CardSequence>& cards_;
  Parameters prior_;
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
  return loss_and_gradient(parameters, cards, *gradient);
}

double prediction_loss_autodiff(const Parameters& parameters, const std::vector<CardSequence>& cards,
                                std::array<double, kParameterCount>& gradient) {
  using Jet = ceres::Jet<double, static_cast<int>(kParameterCount)>;
  std::array<Jet, kParameterCount> w;
  for (std::size_t j = 0; j < kParameterCount; ++j) w[j] = Jet(parameters[j], static_cast<int>(j));
  const Jet loss = weighted_bce(w, cards);
  for (std::size_t j = 0; j < kParameterCount; ++j) gradient[j] = loss.v[static_cast<Eigen::Index>(j)];
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
  ceres::GradientProblem problem(new Objective(set.cards, prior));
  ceres::GradientProblemSolver::Options options;
  options.line_search_direction_type = ceres::LBFGS;
  options.max_num_iterations = 200;
  // Stop when an iteration improves the objective by less than a millionth: on a simulated log of
  // 11,000 reviews, going on to 1e-8 takes twice the iterations and changes the mean log loss by
  // less than 1e-5, far below what tells two parameter sets apart.
  options.function_tolerance = 1e-6;
  options.gradient_tolerance = 1e-8;
  options.logging_type = ceres::SILENT;
  ProgressCallback callback(progress, options.max_num_iterations, options.function_tolerance);
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
