// The scheduler interface: given a card's state and a rating, when is it due next?
//
// Called: once per answer, on the thread that runs the review, inside the transaction that records
// the answer; also when the engine replays a card's review log (switching schedulers, `replay`).
// A scheduler must be a pure function of its arguments: no clock, no I/O, no hidden state, so that
// a replay gives the same result. It may throw; the engine turns the exception into a
// PluginError naming the plugin and records nothing for that answer.
//
// Ownership: the registry owns the Scheduler until the process ends. `current`, `ctx` and
// `ctx.options` are borrowed for the length of the call; the returned state is a value.
//
// Threads: the engine calls a scheduler from one thread at a time, but a tool that replays many
// card logs may call next() and retrievability() from several threads, each with its own Options.
// Everything a call needs is in its arguments, so write no shared state. Options::parsed() caches
// one settings struct per Options object, which is safe as long as an Options is not shared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/options.h"
#include "rehearse/scheduling.h"

namespace rehearse {

struct ReviewContext {
  std::int64_t now_ms = 0;  // the moment of the answer (Unix ms)
  // Whole days between the last review and now, counted in the user's days (which roll over at
  // the configured hour, 4 am by default); 0 for a review on the same day or a new card.
  int elapsed_days = 0;
  // A number that is the same for the same card and review, for deterministic fuzz.
  std::uint64_t fuzz_seed = 0;
  const Options* options = nullptr;  // never null when the engine calls
};

// ---- Fitting a scheduler's parameters to a review log (since API 3.1) -------------------------

// One review of a card, as a fitter sees it.
struct PastReview {
  Rating rating = Rating::good;
  std::int64_t reviewed_ms = 0;  // when (Unix ms); orders the reviews of different cards
  // Whole user's days since the card's previous review (0 for the first one, or the same day).
  int elapsed_days = 0;
};

// The reviews of one card, oldest first.
struct CardReviews {
  std::int64_t card_id = 0;
  std::vector<PastReview> reviews;
};

// How well parameters predict the reviews: the log loss of the predicted recall, and the RMSE
// between predicted and actual recall in bins of similar reviews (as the FSRS tools report).
struct FitMetrics {
  double log_loss = 0;
  double rmse_bins = 0;
};

struct FitReport {
  std::size_t reviews = 0;             // the reviews that were predicted and fitted to
  std::vector<double> parameters;      // the fitted values
  std::string option;                  // the option that holds them (e.g. "parameters")
  std::string value;                   // the fitted values as that option's text
  FitMetrics current;                  // with the parameters of `options`
  FitMetrics fitted;                   // with the fitted ones
  std::string note;                    // what was left unfitted and why (too few reviews), or empty
};

// Called now and then with the share of the fit done (0-1). Returning false does not stop it.
using FitProgress = std::function<void(double done)>;

// A scheduler that can fit its parameters to a user's reviews returns one from
// Scheduler::fitter(). Same contract as the scheduler: no I/O, may throw, borrowed arguments.
class REHEARSE_API ParameterFitter {
 public:
  virtual ~ParameterFitter();
  // Fits to `cards`, starting from (and comparing with) the parameters in `options`.
  virtual FitReport fit(const std::vector<CardReviews>& cards, const Options& options, const FitProgress& progress) const = 0;
};

class REHEARSE_API Scheduler {
 public:
  virtual ~Scheduler();

  // The name users select it by, e.g. "sm2", "fsrs".
  virtual std::string_view name() const = 0;

  // The settings it reads from ReviewContext::options.
  virtual std::vector<OptionSpec> options() const { return {}; }

  // The state after answering `current` with `rating` at ctx.now_ms. Must set due_ms, state and
  // last_review_ms (= ctx.now_ms), and count reps and lapses.
  virtual SchedulingState next(const SchedulingState& current, Rating rating, const ReviewContext& ctx) const = 0;

  // The probability of recall at ctx.now_ms, for schedulers with a memory model.
  virtual std::optional<double> retrievability(const SchedulingState&, const ReviewContext&) const {
    return std::nullopt;
  }

  // Since API 3.1: the scheduler's parameter fitter (`rehearse optimize`), or nullptr when its
  // parameters cannot be fitted. The engine never calls it on a plugin built for API 3.0.
  virtual const ParameterFitter* fitter() const { return nullptr; }
};

}  // namespace rehearse
