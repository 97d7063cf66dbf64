// `rehearse simulate`: the workload of the coming days and the recall it buys, by simulation
// (rehearse/simulator.h), and what other desired retentions would cost.
#include <fmt/format.h>

#include <cstdlib>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"
#include "rehearse/simulator.h"
#include "study_days.h"

namespace rehearse::app {

using nlohmann::json;

namespace {

constexpr int kDefaultDays = 30;
constexpr int kMaxDays = 36500;
constexpr int kMaxNewPerDay = 10000;

std::optional<double> retention_option(const Arguments& args) {
  auto text = args.value("--retention");
  if (!text) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text->c_str(), &end);
  if (text->empty() || *end != '\0' || !(value >= 0.5 && value <= 0.99))
    throw UsageError(fmt::format("--retention: '{}' is not a desired retention from 0.5 to 0.99 (e.g. 0.9)", *text));
  return value;
}

json habits_json(const AnswerHabits& h) {
  return {{"learning_seconds", h.learning_seconds}, {"review_seconds", h.review_seconds},
          {"relearning_seconds", h.relearning_seconds}, {"first_rating", h.first_rating},
          {"recalled_rating", h.recalled_rating}, {"answers_measured", h.answers_measured}};
}

}  // namespace

int run_simulate(const Arguments& args) {
  args.allow_only(with_globals({"--days", "--new-per-day", "--retention", "--seed", "--deck", "--json"}));
  require_operands(args, 0, 0, "no operands");
  SimulationOptions options;
  options.days = static_cast<int>(whole_number_option(args, "--days", kDefaultDays, 1, kMaxDays, "a number of days"));
  options.retention = retention_option(args);
  options.seed = static_cast<std::uint64_t>(whole_number_option(args, "--seed", 1, 0, 2'000'000'000, "a seed"));
  Engine engine(engine_config(args));
  const long default_new = engine.collection().limits("").new_per_day;  // the collection's setting, else its default
  options.new_per_day = static_cast<int>(whole_number_option(args, "--new-per-day", default_new, 0, kMaxNewPerDay, "a number of new cards"));

  const Simulator simulator = Simulator::of_collection(engine, args.value("--deck").value_or(""));
  const SimulationResult result = simulator.run(options);
  const auto compared = simulator.compare_retentions(Simulator::retentions_to_compare(), options);
  const std::int64_t today = engine.clock().today();

  if (args.flag("--json")) {
    json daily = json::array();
    int new_total = 0;
    for (size_t i = 0; i < result.days.size(); ++i) {
      const SimulatedDay& d = result.days[i];
      new_total += d.new_cards;
      daily.push_back({{"date", format_day(today + static_cast<std::int64_t>(i))}, {"reviews", d.reviews}, {"new", d.new_cards},
                       {"minutes", d.seconds / 60.0}, {"recall", d.recall()}, {"memorized", d.memorized}});
    }
    json table = json::array();
    for (const auto& r : compared)
      table.push_back({{"retention", r.retention}, {"minutes_per_day", r.minutes_per_day()},
                       {"reviews_per_day", static_cast<double>(r.total_reviews()) / r.days.size()}, {"recall", r.final_recall()}});
    print_json({{"days", options.days},
                {"new_per_day", options.new_per_day},
                {"retention", options.retention ? json(*options.retention) : json(nullptr)},
                {"seed", options.seed},
                {"cards", result.cards},
                {"habits", habits_json(simulator.habits())},
                {"daily", daily},
                {"total", {{"reviews", result.total_reviews()}, {"new", new_total}, {"minutes", result.total_seconds() / 60.0},
                           {"minutes_per_day", result.minutes_per_day()}, {"recall", result.final_recall()},
                           {"new_left", result.new_left}}},
                {"retentions", table}});
    return 0;
  }

  const AnswerHabits& habits = simulator.habits();
  fmt::print("Simulating {} cards for {} days, {} new a day, desired retention {}; time per answer {}.\n", result.cards,
             options.days, options.new_per_day,
             options.retention ? fmt::format("{:.2f}", *options.retention) : "as each deck has it",
             habits.answers_measured > 0 ? fmt::format("from your {} answers (defaults where they are too few)", habits.answers_measured)
                                         : "from fsrs-rs's defaults (the review log is empty)");
  fmt::print("  {:<15} {:>7} {:>5} {:>8} {:>7}\n", "day", "reviews", "new", "minutes", "recall");
  for (size_t i = 0; i < result.days.size(); ++i) {
    const SimulatedDay& d = result.days[i];
    const std::int64_t day = today + static_cast<std::int64_t>(i);
    fmt::print("  {} {}{} {:>7} {:>5} {:>8.1f} {:>6.1f}%\n", weekday(day), format_day(day), i == 0 ? "*" : " ", d.reviews,
               d.new_cards, d.seconds / 60.0, d.recall() * 100);
  }
  fmt::print("{} reviews, {:.0f} minutes a day on average; {:.1f}% of the cards studied recalled at the end{}.\n",
             result.total_reviews(), result.minutes_per_day(), result.final_recall() * 100,
             result.new_left > 0 ? fmt::format(" ({} new cards not reached)", result.new_left) : "");
  fmt::print("\nHelp me decide: desired retention against daily work and recall, over the same {} days\n", options.days);
  fmt::print("  {:>9} {:>11} {:>11} {:>7}\n", "retention", "min/day", "reviews/day", "recall");
  for (const auto& r : compared)
    fmt::print("  {:>9.2f} {:>11.1f} {:>11.1f} {:>6.1f}%\n", r.retention, r.minutes_per_day(),
               static_cast<double>(r.total_reviews()) / static_cast<double>(r.days.size()), r.final_recall() * 100);
  fmt::print("(`rehearse config set scheduler.fsrs.desired_retention R` sets it; decks with their own keep theirs)\n");
  return 0;
}

}  // namespace rehearse::app
