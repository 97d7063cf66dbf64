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

#include <cstdint>
#include <optional>
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
};

}  // namespace rehearse
