#include "study_days.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <regex>

#include "arguments.h"
#include "rehearse/scheduling.h"

namespace rehearse::app {

namespace {

std::chrono::year_month_weekday civil(std::int64_t day) {
  return std::chrono::year_month_weekday{std::chrono::sys_days{std::chrono::days{day}}};
}

// The interview's day, and whether the plan is for all of it (a date without a time).
std::int64_t interview_day(const StudyPlan& plan, const Clock& clock) { return clock.day_number(plan.target_ms - 1); }
bool whole_day(const StudyPlan& plan, const Clock& clock) {
  return plan.target_ms == clock.day_start_ms(interview_day(plan, clock) + 1);
}

std::string plural(int count, const char* one, const char* many) { return fmt::format("{} {}", count, count == 1 ? one : many); }

}  // namespace

std::string format_day(std::int64_t day) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::string weekday(std::int64_t day) {
  static const char* const names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return names[civil(day).weekday().c_encoding()];
}

std::int64_t interview_moment(const std::string& text, const Clock& clock) {
  static const std::regex date_only(R"(\d{4}-\d{2}-\d{2})");
  if (std::regex_match(text, date_only)) {
    // The user's day numbered like this date ends when the next one starts.
    if (auto midnight_utc = parse_iso8601(text + "T00:00Z")) return clock.day_start_ms(*midnight_utc / kMsPerDay + 1);
  } else if (auto moment = parse_iso8601(text)) {
    return *moment;
  }
  throw UsageError(fmt::format("--until: '{}' is not a date (like 2026-03-02) or a date and time (2026-03-02T14:00)", text));
}

std::string describe_readiness(const std::vector<Readiness>& readiness) {
  if (readiness.empty()) return {};
  std::string text = "Expected share recalled on the day if the plan is followed:\n";
  std::string deck;
  for (const auto& group : readiness) {
    if (group.deck != deck) {
      text += fmt::format("{}  {}:", deck.empty() ? "" : "\n", group.deck);
      deck = group.deck;
    } else {
      text += ",";
    }
    const char* kind = group.kind == CardKind::question ? "questions" : group.kind == CardKind::keypoint ? "key points" : "stories";
    text += group.recall ? fmt::format(" {} {:.0f}% ({})", kind, *group.recall * 100, group.cards)
                         : fmt::format(" {} ? ({}, no memory model; {} ready)", kind, group.cards, group.ready);
  }
  return text + "\n";
}

std::string describe_plan(const StudyPlan& plan, const std::vector<Readiness>& readiness, const Clock& clock) {
  const std::int64_t day = interview_day(plan, clock);
  std::string text = fmt::format("Interview: {} {}{} (in {}). Reviews until {} {}.\n", weekday(day), format_day(day),
                                 whole_day(plan, clock) ? "" : " " + format_local_time(plan.target_ms).substr(11),
                                 plural(static_cast<int>(day - plan.first_day), "day", "days"), weekday(plan.last_day),
                                 format_day(plan.last_day));
  text += fmt::format("{}: {} ready, {} to review first, {}.\n", plural(plan.cards, "card", "cards"), plan.ready, plan.to_review,
                      plural(plan.new_cards, "new one", "new ones"));
  const int peak = plan.peak_day();
  const double average = static_cast<double>(plan.total_reviews()) / plan.days();
  text += fmt::format("That takes {:.0f} reviews a day on average, {} at most ({} {})", average, plan.reviews[static_cast<size_t>(peak)],
                      weekday(plan.first_day + peak), format_day(plan.first_day + peak));
  const auto most_new = std::max_element(plan.introduced.begin(), plan.introduced.end());
  if (*most_new > 0) {
    const auto last_new = plan.introduced.size() - 1 -
                          static_cast<size_t>(std::find_if(plan.introduced.rbegin(), plan.introduced.rend(), [](int n) { return n > 0; }) -
                                              plan.introduced.rbegin());
    text += fmt::format(", learning up to {} a day until {} {}", plural(*most_new, "new card", "new cards"),
                        weekday(plan.first_day + static_cast<std::int64_t>(last_new)),
                        format_day(plan.first_day + static_cast<std::int64_t>(last_new)));
  }
  text += fmt::format(".\nToday: {} (learning steps included), {}.\n", plural(plan.reviews.front(), "review", "reviews"),
                      plural(plan.new_today, "new card", "new cards"));
  if (plan.memory_model)
    text += fmt::format("Ready means recalled on that day with at least {:.0f}% probability by the scheduler's memory model;",
                        plan.retention * 100);
  else
    text += "Ready means the scheduler would not ask for the card before then (it has no memory model to say how likely "
            "recall is);";
  text += " the plan assumes every answer is \"good\", and each card forgotten adds reviews.\n";
  if (plan.unreachable > 0)
    text += fmt::format("Warning: {} cannot be ready in time; they are planned as well as they can be.\n",
                        plural(plan.unreachable, "card", "cards"));
  text += describe_readiness(readiness);
  return text;
}

nlohmann::json plan_json(const StudyPlan& plan, const std::vector<Readiness>& readiness, const Clock& clock) {
  nlohmann::json days = nlohmann::json::array();
  for (int i = 0; i < plan.days(); ++i)
    days.push_back({{"date", format_day(plan.first_day + i)},
                    {"reviews", plan.reviews[static_cast<size_t>(i)]},
                    {"new", plan.introduced[static_cast<size_t>(i)]}});
  const int peak = plan.peak_day();
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& group : readiness)
    groups.push_back({{"deck", group.deck},
                         {"kind", to_string(group.kind)},
                         {"cards", group.cards},
                         {"ready", group.ready},
                         {"recall", group.recall ? nlohmann::json(*group.recall) : nlohmann::json(nullptr)}});
  return {{"interview", format_local_time(plan.target_ms)},
          {"interview_day", format_day(interview_day(plan, clock))},
          {"last_review_day", format_day(plan.last_day)},
          {"retention", plan.retention},
          {"memory_model", plan.memory_model},
          {"cards", plan.cards},
          {"ready", plan.ready},
          {"to_review", plan.to_review},
          {"new", plan.new_cards},
          {"unreachable", plan.unreachable},
          {"reviews_per_day", static_cast<double>(plan.total_reviews()) / plan.days()},
          {"peak", {{"date", format_day(plan.first_day + peak)}, {"reviews", plan.reviews[static_cast<size_t>(peak)]}}},
          {"today", {{"reviews", plan.reviews.front()}, {"new", plan.new_today}, {"early", plan.early_today.size()}}},
          {"days", days},
          {"readiness", groups}};
}

}  // namespace rehearse::app
