#include "fsrs_scheduler.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>

#include "rehearse/errors.h"

namespace rehearse::fsrs {

namespace {

constexpr double kMinutesPerDay = 1440;
// What Anki assumes of a card that comes from SM-2 without an FSRS memory: it was recalled 90% of
// the time at its interval.
constexpr double kSm2Retention = 0.9;

std::string default_parameters_text() {
  std::ostringstream text;
  for (std::size_t i = 0; i < kParameterCount; ++i) text << (i ? " " : "") << kDefaultParameters[i];
  return text.str();
}

std::string check_parameters_option(std::string_view text) {
  const auto values = parse_number_list(text);
  if (!values) return "expected 21 numbers separated by spaces or commas";
  return check_parameters(*values);
}

int rating_number(Rating rating) { return static_cast<int>(rating); }

// Rounds a non-negative number half up, as ts-fsrs's Math.round does; unlike std::llround, a
// replay of a million reviews does not pay a library call for it.
long long round_half_up(double value) { return static_cast<long long>(value + 0.5); }

// The memory a card has before this answer: its FSRS state, or one derived from its SM-2 ease and
// interval (a card reviewed by SM-2 whose history was not replayed), or none for a card that has
// not been rated yet.
std::optional<MemoryState> memory_of(const SchedulingState& state, const Model& model) {
  if (state.state == CardState::new_card) return std::nullopt;
  if (state.stability > 0 && state.difficulty > 0) return MemoryState{state.stability, state.difficulty};
  if (state.interval_days > 0 && state.ease > 0) return model.from_sm2(state.ease, state.interval_days, kSm2Retention);
  return std::nullopt;
}

// One answer to one card: the state it leaves the card in.
class Answer {
 public:
  Answer(const Settings& settings, const SchedulingState& current, const ReviewContext& ctx)
      : settings_(settings), current_(current), ctx_(ctx), before_(memory_of(current, settings.model)),
        elapsed_days_(current.state == CardState::new_card ? 0 : std::max(ctx.elapsed_days, 0)) {}

  SchedulingState rate(Rating rating) const {
    switch (current_.state) {
      case CardState::new_card:
      case CardState::learning:
        return on_steps(rating, settings_.learning_steps, CardState::learning);
      case CardState::relearning:
        return on_steps(rating, settings_.relearning_steps, CardState::relearning);
      case CardState::review:
        break;
    }
    if (rating == Rating::again) {
      SchedulingState lapsed = settings_.relearning_steps.empty() ? in_days(rating, /*with_again=*/true)
                                                                  : at_step(rating, 0, settings_.relearning_steps[0], CardState::relearning);
      lapsed.lapses += 1;
      return lapsed;
    }
    return in_days(rating, /*with_again=*/settings_.relearning_steps.empty());
  }

 private:
  MemoryState memory_after(Rating rating) const {
    return before_ ? settings_.model.next(*before_, elapsed_days_, rating_number(rating)) : settings_.model.initial(rating_number(rating));
  }

  std::array<MemoryState, 4> memory_after_each(bool with_again) const {
    if (before_) return settings_.model.next_for_each_rating(*before_, elapsed_days_, with_again);
    const Model& model = settings_.model;
    return {model.initial(1), model.initial(2), model.initial(3), model.initial(4)};
  }

  // The state with what every answer changes: one more review, the new memory, the time.
  SchedulingState answered(Rating rating) const { return answered(rating, memory_after(rating)); }

  SchedulingState answered(Rating, const MemoryState& memory) const {
    SchedulingState next = current_;
    next.reps += 1;
    next.last_review_ms = ctx_.now_ms;
    next.stability = memory.stability;
    next.difficulty = memory.difficulty;
    return next;
  }

  // A new, learning or relearning card: move through `steps`, or graduate.
  SchedulingState on_steps(Rating rating, const std::vector<double>& steps, CardState learning_state) const {
    const int count = static_cast<int>(steps.size());
    if (count == 0) return in_days(rating, /*with_again=*/true);
    const int step = current_.state == CardState::new_card ? 0 : std::clamp(current_.step, 0, count - 1);
    const auto minutes = [&](int index) { return steps[static_cast<std::size_t>(index)]; };
    switch (rating) {
      case Rating::again:
        return at_step(rating, 0, minutes(0), learning_state);
      case Rating::hard: {
        double delay = minutes(step);
        if (step == 0) delay = count > 1 ? (minutes(0) + minutes(1)) / 2 : std::min(minutes(0) * 1.5, minutes(0) + kMinutesPerDay);
        return at_step(rating, step, delay, learning_state);
      }
      case Rating::good:
        if (step + 1 < count) return at_step(rating, step + 1, minutes(step + 1), learning_state);
        return graduate(rating);
      case Rating::easy:
        return graduate(rating);
    }
    return graduate(rating);
  }

  SchedulingState at_step(Rating rating, int step, double minutes, CardState learning_state) const {
    SchedulingState next = answered(rating);
    next.state = learning_state;
    next.step = step;
    if (minutes >= kMinutesPerDay) {
      // A step of a day or more is a number of days, as in Anki.
      const auto days = round_half_up(minutes / kMinutesPerDay);
      next.interval_days = static_cast<double>(days);
      next.due_ms = ctx_.now_ms + days * kMsPerDay;
    } else {
      next.interval_days = minutes / kMinutesPerDay;
      next.due_ms = ctx_.now_ms + round_half_up(minutes * kMsPerMinute);
    }
    return next;
  }

  SchedulingState graduate(Rating rating) const {
    const MemoryState memory = memory_after(rating);
    return in_review(rating, constrain(interval_for(memory), 1), memory);
  }

  // An answer scheduled in days, with every button that schedules in days ordered: Hard at least
  // a day, Good at least a day more than Hard, Easy at least a day more than Good (Anki's rule).
  // When Again also schedules in days (no relearning steps), it is never longer than Hard, and
  // Hard at least a day more than it (ts-fsrs's long-term rule).
  // Only the intervals up to `rating` are computed: a button's days depend on the ones before it,
  // never after, except Again's on Hard's.
  SchedulingState in_days(Rating rating, bool with_again) const {
    const std::size_t chosen = static_cast<std::size_t>(rating_number(rating) - 1);
    const std::size_t first = with_again ? 0 : 1;
    const std::array<MemoryState, 4> memory = memory_after_each(with_again);
    std::array<double, 4> raw{};
    const std::size_t last = std::max<std::size_t>(chosen, with_again ? 1 : 0);
    for (std::size_t i = first; i <= last; ++i) raw[i] = interval_for(memory[i]);
    if (with_again) raw[0] = std::min(raw[0], raw[1]);
    int previous = 0;
    for (std::size_t i = first; i < chosen; ++i) previous = constrain(raw[i], previous + 1);
    return in_review(rating, constrain(raw[chosen], previous + 1), memory[chosen]);
  }

  SchedulingState in_review(Rating rating, int days, const MemoryState& memory) const {
    SchedulingState next = answered(rating, memory);
    next.state = CardState::review;
    next.step = 0;
    next.interval_days = days;
    next.due_ms = ctx_.now_ms + days * kMsPerDay;
    return next;
  }

  double interval_for(const MemoryState& memory) const {
    return settings_.model.interval_at(memory.stability, settings_.retention_term);
  }

  // Rounds (or fuzzes) an interval and keeps it within [minimum, maximum interval].
  int constrain(double days, int minimum) const {
    const int maximum = settings_.maximum_interval;
    minimum = std::min(std::max(minimum, 1), maximum);
    if (settings_.fuzz) return fuzz_interval(days, ctx_.fuzz_seed, minimum, maximum);
    return static_cast<int>(std::clamp<long long>(round_half_up(days), minimum, maximum));
  }

  const Settings& settings_;
  const SchedulingState& current_;
  const ReviewContext& ctx_;
  const std::optional<MemoryState> before_;
  const int elapsed_days_;
};

}  // namespace

namespace {

Model model_from(const Options& options) {
  const std::vector<double> values = options.get_number_list("parameters");
  if (std::string problem = check_parameters(values); !problem.empty()) throw Error("parameters: " + problem);
  Parameters parameters{};
  std::copy(values.begin(), values.end(), parameters.begin());
  return Model(parameters, options.get_bool("enable_short_term"), static_cast<int>(options.get_number_list("relearning_steps").size()));
}

}  // namespace

Settings::Settings(const Options& options)
    : model(model_from(options)),
      desired_retention(options.get_number("desired_retention")),
      retention_term(model.retention_term(desired_retention)),
      maximum_interval(static_cast<int>(options.get_int("maximum_interval"))),
      learning_steps(options.get_number_list("learning_steps")),
      relearning_steps(options.get_number_list("relearning_steps")),
      fuzz(options.get_bool("fuzz")) {}

std::vector<OptionSpec> FsrsScheduler::options() const {
  return {
      {"parameters", OptionType::number_list, default_parameters_text(),
       "the 21 FSRS-6 parameters w0 ... w20 (from an optimizer; the defaults fit most people)", 0, 0, check_parameters_option},
      {"desired_retention", OptionType::number, "0.9", "the probability of recall to schedule reviews at", 0.7, 0.99},
      {"maximum_interval", OptionType::integer, "36500", "the longest interval, in days", 1, 36500},
      {"learning_steps", OptionType::number_list, "1m 10m", "learning steps of new cards, in minutes", 0.01, 525600},
      {"relearning_steps", OptionType::number_list, "10m", "relearning steps after a lapse, in minutes", 0.01, 525600},
      {"fuzz", OptionType::boolean, "true", "spread intervals a little so cards do not bunch up", 0, 0},
      {"enable_short_term", OptionType::boolean, "true", "same-day reviews change stability (FSRS-6's short-term rule)", 0, 0},
  };
}

SchedulingState FsrsScheduler::next(const SchedulingState& current, Rating rating, const ReviewContext& ctx) const {
  return Answer(ctx.options->parsed<Settings>(), current, ctx).rate(rating);
}

std::optional<double> FsrsScheduler::retrievability(const SchedulingState& state, const ReviewContext& ctx) const {
  const Model& model = ctx.options->parsed<Settings>().model;
  const auto memory = memory_of(state, model);
  if (!memory) return std::nullopt;
  return model.retrievability(std::max(ctx.elapsed_days, 0), memory->stability);
}

}  // namespace rehearse::fsrs
