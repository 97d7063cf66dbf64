// The `sm2` scheduler: Anki's variant of SM-2, with the defaults of Anki's deck options.
//
// New cards go through learning steps (1m 10m) and graduate to 1 day (Good) or 4 days (Easy) at
// an ease of 250%. In review, Hard multiplies the interval by 1.2 (ease -15 points), Good by the
// ease (plus half the days late), Easy by ease x 1.3 (ease +15 points); Again is a lapse (ease -20
// points, never below 130%) that sends the card through the relearning step (10m) and back at
// the new interval (the old one x 0, at least 1 day). Intervals never exceed 36500 days.
#include <algorithm>
#include <cmath>
#include <memory>

#include "rehearse/plugin.h"

namespace {

using rehearse::CardState;
using rehearse::kMsPerDay;
using rehearse::kMsPerMinute;
using rehearse::OptionSpec;
using rehearse::OptionType;
using rehearse::Rating;
using rehearse::ReviewContext;
using rehearse::SchedulingState;

struct Settings {
  std::vector<double> learning_steps;    // minutes
  std::vector<double> relearning_steps;  // minutes
  double graduating_interval;
  double easy_interval;
  double starting_ease;
  double easy_bonus;
  double hard_interval;
  double interval_modifier;
  double new_interval;  // multiplier of the old interval after a lapse
  double minimum_ease;
  int minimum_interval;
  int maximum_interval;
  bool fuzz;

  explicit Settings(const rehearse::Options& o)
      : learning_steps(o.get_number_list("learning_steps")),
        relearning_steps(o.get_number_list("relearning_steps")),
        graduating_interval(o.get_number("graduating_interval")),
        easy_interval(o.get_number("easy_interval")),
        starting_ease(o.get_number("starting_ease")),
        easy_bonus(o.get_number("easy_bonus")),
        hard_interval(o.get_number("hard_interval")),
        interval_modifier(o.get_number("interval_modifier")),
        new_interval(o.get_number("new_interval")),
        minimum_ease(o.get_number("minimum_ease")),
        minimum_interval(static_cast<int>(o.get_int("minimum_interval"))),
        maximum_interval(static_cast<int>(o.get_int("maximum_interval"))),
        fuzz(o.get_bool("fuzz")) {}
};

class Sm2Scheduler final : public rehearse::Scheduler {
 public:
  std::string_view name() const override { return "sm2"; }

  std::vector<OptionSpec> options() const override {
    return {
        {"learning_steps", OptionType::number_list, "1m 10m", "learning steps of new cards, in minutes", 0.01, 525600},
        {"relearning_steps", OptionType::number_list, "10m", "relearning steps after a lapse, in minutes", 0.01, 525600},
        {"graduating_interval", OptionType::number, "1", "days after the last learning step (Good)", 1, 36500},
        {"easy_interval", OptionType::number, "4", "days when a new card is answered Easy", 1, 36500},
        {"starting_ease", OptionType::number, "2.5", "ease of a graduating card (2.5 = 250%)", 1.31, 5},
        {"easy_bonus", OptionType::number, "1.3", "extra multiplier for Easy", 1, 5},
        {"hard_interval", OptionType::number, "1.2", "multiplier for Hard", 0.5, 1.3},
        {"interval_modifier", OptionType::number, "1", "multiplier applied to every review interval", 0.5, 2},
        {"new_interval", OptionType::number, "0", "multiplier of the interval after a lapse", 0, 1},
        {"minimum_ease", OptionType::number, "1.3", "the lowest ease", 1.01, 5},
        {"minimum_interval", OptionType::integer, "1", "the shortest interval after a lapse, in days", 1, 36500},
        {"maximum_interval", OptionType::integer, "36500", "the longest interval, in days", 1, 36500},
        {"fuzz", OptionType::boolean, "true", "spread intervals a little so cards do not bunch up", 0, 0},
    };
  }

  SchedulingState next(const SchedulingState& current, Rating rating, const ReviewContext& ctx) const override {
    const Settings& settings = ctx.options->parsed<Settings>();
    SchedulingState next = current;
    next.reps = current.reps + 1;
    next.last_review_ms = ctx.now_ms;
    switch (current.state) {
      case CardState::new_card:
        next.ease = settings.starting_ease;
        next.step = 0;
        return learn(next, rating, settings.learning_steps, settings, ctx, /*relearning=*/false);
      case CardState::learning:
        return learn(next, rating, settings.learning_steps, settings, ctx, false);
      case CardState::relearning:
        return learn(next, rating, settings.relearning_steps, settings, ctx, true);
      case CardState::review:
        return review(next, rating, settings, ctx);
    }
    return next;
  }

 private:
  // A learning or relearning answer: move through the steps, or graduate.
  static SchedulingState learn(SchedulingState next, Rating rating, const std::vector<double>& steps, const Settings& settings,
                               const ReviewContext& ctx, bool relearning) {
    const CardState learning_state = relearning ? CardState::relearning : CardState::learning;
    const int count = static_cast<int>(steps.size());
    auto at_step = [&](int step, double minutes) {
      next.state = learning_state;
      next.step = step;
      next.due_ms = ctx.now_ms + static_cast<std::int64_t>(std::llround(minutes * kMsPerMinute));
      return next;
    };
    auto graduate = [&](double days) {
      next.state = CardState::review;
      next.step = 0;
      next.interval_days = days;
      next.due_ms = ctx.now_ms + static_cast<std::int64_t>(days) * kMsPerDay;
      return next;
    };
    // After a lapse, graduating returns the card to the interval the lapse computed.
    const double good_days = relearning ? std::max(next.interval_days, 1.0) : settings.graduating_interval;
    const double easy_days = relearning ? good_days + 1 : settings.easy_interval;
    const int step = std::clamp(next.step, 0, std::max(count - 1, 0));
    if (count == 0) return graduate(rating == Rating::easy ? easy_days : good_days);
    switch (rating) {
      case Rating::again:
        return at_step(0, steps[0]);
      case Rating::hard: {
        // Like Anki: on the first step, the mean of the first two steps (or 1.5x a lone step,
        // at most a day more); on later steps, the same step again.
        double minutes = steps[static_cast<size_t>(step)];
        if (step == 0) minutes = count > 1 ? (steps[0] + steps[1]) / 2 : std::min(steps[0] * 1.5, steps[0] + 1440);
        return at_step(step, minutes);
      }
      case Rating::good:
        if (step + 1 < count) return at_step(step + 1, steps[static_cast<size_t>(step) + 1]);
        return graduate(good_days);
      case Rating::easy:
        return graduate(easy_days);
    }
    return next;
  }

  static SchedulingState review(SchedulingState next, Rating rating, const Settings& settings, const ReviewContext& ctx) {
    const double scheduled = std::max(next.interval_days, 1.0);
    const double elapsed = ctx.elapsed_days;
    const double ease = next.ease > 0 ? next.ease : settings.starting_ease;
    const int max_days = settings.maximum_interval;

    if (rating == Rating::again) {
      next.lapses += 1;
      next.ease = std::max(settings.minimum_ease, ease - 0.20);
      next.interval_days = std::clamp(std::max(scheduled * settings.new_interval, static_cast<double>(settings.minimum_interval)), 1.0,
                                      static_cast<double>(max_days));
      next.interval_days = std::round(next.interval_days);
      if (settings.relearning_steps.empty()) {
        next.state = CardState::review;
        next.due_ms = ctx.now_ms + static_cast<std::int64_t>(next.interval_days) * kMsPerDay;
        return next;
      }
      next.state = CardState::relearning;
      next.step = 0;
      next.due_ms = ctx.now_ms + static_cast<std::int64_t>(std::llround(settings.relearning_steps[0] * kMsPerMinute));
      return next;
    }

    // Passing answers: the three candidate intervals, each at least a day longer than the one
    // below it (Anki's constrain_passing_interval).
    double hard, good, easy;
    const double days_late = elapsed - scheduled;
    if (days_late >= 0) {
      hard = scheduled * settings.hard_interval;
      good = (scheduled + days_late / 2) * ease;
      easy = (scheduled + days_late) * ease * settings.easy_bonus;
    } else {  // reviewed early: credit only the time that really passed
      hard = std::max(elapsed * settings.hard_interval, scheduled * settings.hard_interval / 2);
      good = std::max(elapsed * ease, scheduled);
      easy = std::max(elapsed * ease, scheduled) * (settings.easy_bonus - (settings.easy_bonus - 1) / 2);
    }
    auto constrain = [&](double days, int minimum) {
      days *= settings.interval_modifier;
      if (settings.fuzz) return rehearse::fuzz_interval(days, ctx.fuzz_seed, minimum, max_days);
      return std::clamp(static_cast<int>(std::lround(days)), std::min(minimum, max_days), max_days);
    };
    const int hard_min = settings.hard_interval > 1 ? static_cast<int>(scheduled) + 1 : 1;
    const int hard_days = constrain(hard, hard_min);
    const int good_min = settings.hard_interval > 1 ? hard_days + 1 : static_cast<int>(scheduled) + 1;
    const int good_days = constrain(good, good_min);
    const int easy_days = constrain(easy, good_days + 1);

    int days = good_days;
    if (rating == Rating::hard) {
      days = hard_days;
      next.ease = std::max(settings.minimum_ease, ease - 0.15);
    } else if (rating == Rating::easy) {
      days = easy_days;
      next.ease = ease + 0.15;
    } else {
      next.ease = ease;
    }
    next.state = CardState::review;
    next.interval_days = days;
    next.due_ms = ctx.now_ms + static_cast<std::int64_t>(days) * kMsPerDay;
    return next;
  }
};

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<Sm2Scheduler>()); }

}  // namespace

REHEARSE_PLUGIN("sm2", "1.0.0", "scheduler", "Anki's SM-2 scheduler (learning steps, ease factors, lapses)", register_components)
