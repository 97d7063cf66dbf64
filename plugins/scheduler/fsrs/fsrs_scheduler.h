// The `fsrs` scheduler: FSRS-6 memory states (fsrs_model.h) turned into due dates the way Anki
// does with FSRS enabled.
//
// New cards go through the learning steps (1m 10m), lapsed cards through the relearning steps
// (10m); Hard on the first step waits the mean of the first two steps (or 1.5x a lone step, at
// most a day more), Good moves to the next step or graduates, Easy graduates. Every answer, on a
// step or not, updates the memory state; a graduating or reviewed card is due after the interval
// at which its retrievability falls to the desired retention (0.9 by default), rounded to whole
// days, at most the maximum interval, optionally fuzzed. The buttons that schedule in days are
// ordered: each interval at least one day longer than the one before.
//
// Elapsed time is counted in the user's days (ReviewContext::elapsed_days, which roll over at the
// configured hour), as Anki and fsrs-rs count it; a review on the same day uses FSRS-6's
// same-day stability rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fsrs_fitter.h"
#include "fsrs_model.h"
#include "rehearse/scheduler.h"

namespace rehearse::fsrs {

// The scheduler's options, read once per Options (Options::parsed) and ready to use.
struct Settings {
  // Throws rehearse::Error when the parameters are not valid (check_parameters).
  explicit Settings(const Options& options);

  Model model;
  double desired_retention;
  double retention_term;  // model.retention_term(desired_retention)
  int maximum_interval;
  std::vector<double> learning_steps;    // minutes
  std::vector<double> relearning_steps;  // minutes
  bool fuzz;
};

class FsrsScheduler final : public Scheduler {
 public:
  std::string_view name() const override { return "fsrs"; }
  std::vector<OptionSpec> options() const override;
  SchedulingState next(const SchedulingState& current, Rating rating, const ReviewContext& ctx) const override;
  std::optional<double> retrievability(const SchedulingState& state, const ReviewContext& ctx) const override;
  // Fits the 21 parameters to a review log as fsrs-rs does (`rehearse optimize`).
  const ParameterFitter* fitter() const override { return &fitter_; }

 private:
  FsrsFitter fitter_;
};

}  // namespace rehearse::fsrs
