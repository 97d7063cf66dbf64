// Fitting the 21 FSRS-6 parameters to a training set (fsrs_training_set.h), as fsrs-rs does it
// (training.rs), but with a quasi-Newton minimiser instead of five epochs of Adam:
//
//   minimise  sum_i weight_i BCE(R_i, recalled_i) + sum_j (w_j - prior_j)^2 / sigma_j^2
//
// R_i is the retrievability the model predicts for item i from the reviews before it; the prior
// is the pretrained w0-w3 with the other parameters at their defaults, sigma fsrs-rs's
// PARAMS_STDDEV. Over one epoch fsrs-rs's batch losses add up to exactly this objective.
//
// The gradient is derived by hand (reverse mode through the recurrence of fsrs_model.h), checked
// against automatic differentiation (Ceres's forward-mode Jets, too slow for the fit itself) and
// fsrs-optimizer's reference gradient; Ceres's L-BFGS line search minimises the objective. The parameters stay within
// their bounds by a change of variables: w = low + (high - low) * sigmoid(u), u unbounded.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "fsrs_model.h"
#include "fsrs_training_set.h"

namespace rehearse::fsrs {

// fsrs-rs's PARAMS_STDDEV: how far each parameter is expected to stray from its prior.
inline constexpr Parameters kParameterStddev = {6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6,  0.12, 0.39, 0.18, 0.33,
                                                0.3,  0.09, 0.16,  0.57,  0.25, 1.03, 0.31, 0.32, 0.14, 0.27};

// The bounds the optimizer keeps to: kParameterRanges, with w19 at 0.01 or more (fsrs-rs's clipper
// with same-day reviews enabled).
Range training_range(std::size_t parameter);

// Sum over the predicted reviews of weight * BCE(R, recalled), and its gradient when `gradient`
// is not null (21 values). The reference check for the automatic differentiation.
double prediction_loss(const Parameters& parameters, const std::vector<CardSequence>& cards,
                       std::array<double, kParameterCount>* gradient = nullptr);

// The same gradient by automatic differentiation (Ceres Jets): the check for the one by hand.
double prediction_loss_autodiff(const Parameters& parameters, const std::vector<CardSequence>& cards,
                                std::array<double, kParameterCount>& gradient);

// The L2 prior sum (w - prior)^2 / sigma^2 times `scale`, and its gradient.
double prior_penalty(const Parameters& parameters, const Parameters& prior, double scale,
                     std::array<double, kParameterCount>* gradient = nullptr);

struct Evaluation {
  double log_loss = 0;   // weighted mean BCE over the items
  double rmse_bins = 0;  // RMSE between mean prediction and mean recall, over fsrs-rs's bins
};

// How well `parameters` predict the items of `set` (fsrs-rs evaluate(), with recency weights).
Evaluation evaluate(const Parameters& parameters, const TrainingSet& set);

struct TrainingOutcome {
  Parameters parameters{};
  int iterations = 0;
  std::string termination;  // Ceres's reason for stopping
};

// Minimises the objective above from `prior` (also the centre of the L2 prior). `progress` gets an
// estimate of the share done (0-1).
TrainingOutcome train(const TrainingSet& set, const Parameters& prior, const std::function<void(double)>& progress = {});

// The whole of fsrs-rs's compute_parameters: the size thresholds (under 8 items the defaults,
// under 64, or only pretraining items, the defaults with pretrained w0-w3), pretraining, training,
// then w0-w3 put in order again.
struct FitOutcome {
  Parameters parameters = kDefaultParameters;
  std::string note;  // what was not fitted and why, or empty
};
FitOutcome fit_parameters(const TrainingSet& set, const std::function<void(double)>& progress = {});

}  // namespace rehearse::fsrs
