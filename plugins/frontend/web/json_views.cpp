#include "json_views.h"

#include <cmath>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <optional>
#include <stdexcept>

namespace rehearse::web {

namespace {

constexpr int kForecastDays = 30;
constexpr int kRetentionMonths = 12;
constexpr int kHeatmapWeeks = 53;

json key_points_json(const std::vector<KeyPoint>& points) {
  json out = json::array();
  for (const auto& point : points) out.push_back({{"text", point.text}, {"aliases", point.aliases}});
  return out;
}

json state_json(const Card& card, const Clock& clock) {
  const SchedulingState& s = card.scheduling;
  json state = {{"state", to_string(s.state)}, {"reps", s.reps}, {"lapses", s.lapses}, {"interval_days", s.interval_days}};
  if (s.state == CardState::new_card) {
    state["due"] = "new";
  } else {
    state["due_days"] = clock.day_number(s.due_ms) - clock.today();
    state["due_time"] = format_local_time(s.due_ms);
    state["due"] = s.due_ms <= clock.now_ms() ? "due now" : clock.describe_until(s.due_ms);
  }
  return state;
}

// The Monday on or before `day` (day 0, 1970-01-01, was a Thursday).
std::int64_t monday_of(std::int64_t day) { return day - ((day % 7 + 7 + 3) % 7); }

}  // namespace

SpokenTarget spoken_target(const Engine& engine) {
  SpokenTarget target;
  if (const Scorer* star = engine.registry().scorer("star")) {
    target.max_seconds = static_cast<int>(engine.options_for(ComponentKind::scorer, "star", star->options()).get_int("target_seconds"));
    target.min_seconds = static_cast<int>(std::lround(target.max_seconds * 2.0 / 3.0));
  }
  return target;
}

json card_front(const Card& card, const SpokenTarget& target) {
  const CardContent& c = card.content;
  json front = {{"id", card.id}, {"deck", card.deck}, {"kind", to_string(c.kind)}, {"type", to_string(type_of(c))},
                {"prompt", c.prompt}, {"state", to_string(card.scheduling.state)}, {"behavioural", rehearse::asks_for_a_story(c)}};
  if (rehearse::asks_for_a_story(c)) front["target_seconds"] = {target.min_seconds, target.max_seconds};
  return front;
}

json card_back(const CardContent& c) {
  json back = {{"answer", c.answer}, {"key_points", key_points_json(c.key_points)}, {"pitfalls", c.pitfalls},
               {"themes", c.themes}, {"tags", c.tags}, {"template", rehearse::is_template(c)}};
  if (!c.story.empty())
    back["story"] = {{"situation", c.story.situation}, {"task", c.story.task}, {"actions", c.story.actions},
                     {"result", c.story.result}, {"lesson", c.story.lesson}};
  return back;
}

json score_json(const CombinedScore& score) {
  json parts = json::array();
  for (const auto& part : score.parts) {
    json findings = json::array();
    for (const auto& f : part.findings)
      findings.push_back({{"criterion", f.criterion}, {"met", f.met}, {"evidence", f.evidence}, {"advice", f.advice}});
    json p = {{"scorer", part.scorer}, {"summary", part.summary}, {"findings", findings}, {"score", nullptr}, {"suggestion", nullptr}};
    if (part.score) p["score"] = *part.score;
    if (part.suggestion) p["suggestion"] = to_string(*part.suggestion);
    parts.push_back(std::move(p));
  }
  json out = {{"parts", parts}, {"errors", score.errors}, {"score", nullptr}, {"suggestion", nullptr}};
  if (score.score) out["score"] = *score.score;
  if (score.suggestion) {
    out["suggestion"] = to_string(*score.suggestion);
    out["suggestion_key"] = static_cast<int>(*score.suggestion);
  }
  return out;
}

json summary_json(const SessionSummary& s) {
  json out = {{"answered", s.answered}, {"again", s.again}, {"hard", s.hard}, {"good", s.good}, {"easy", s.easy},
              {"total_ms", s.total_ms}, {"mean_score", nullptr}};
  if (s.mean_score) out["mean_score"] = *s.mean_score;
  return out;
}

json counts_json(const QueueCounts& counts) {
  return {{"new", counts.new_cards}, {"learning", counts.learning}, {"review", counts.review}, {"total", counts.total()}};
}

json decks_json(const std::vector<DeckSummary>& decks) {
  json out = json::array();
  for (const auto& d : decks)
    out.push_back({{"name", d.name}, {"cards", d.cards}, {"due", d.due}, {"new", d.new_cards}, {"suspended", d.suspended}});
  return out;
}

json card_row(const Card& card, const Clock& clock) {
  const CardContent& c = card.content;
  return {{"id", card.id}, {"uid", c.uid}, {"deck", card.deck}, {"kind", to_string(c.kind)}, {"type", to_string(type_of(c))},
          {"prompt", c.prompt}, {"suspended", card.suspended}, {"tags", c.tags}, {"themes", c.themes},
          {"scheduling", state_json(card, clock)}};
}

json card_detail(const Card& card, const std::vector<ReviewLogEntry>& log, const Clock& clock) {
  json detail = card_row(card, clock);
  detail["back"] = card_back(card.content);
  json history = json::array();
  for (const auto& entry : log) {
    json e = {{"time", format_local_time(entry.reviewed_ms)}, {"rating", to_string(entry.rating)},
              {"seconds", static_cast<double>(entry.taken_ms) / 1000.0}, {"interval_days", entry.after.interval_days},
              {"score", nullptr}};
    if (entry.score) e["score"] = *entry.score;
    history.push_back(std::move(e));
  }
  detail["history"] = history;
  return detail;
}

namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// A field of an edit: a string, or nothing when absent. Anything else is refused.
std::optional<std::string> text_field(const json& body, const char* name) {
  if (!body.contains(name)) return std::nullopt;
  if (!body[name].is_string()) throw std::invalid_argument(fmt::format("{} must be text", name));
  return body[name].get<std::string>();
}

// A list field of an edit: one item per non-empty line (or an array of strings).
std::optional<std::vector<std::string>> list_field(const json& body, const char* name) {
  if (!body.contains(name)) return std::nullopt;
  std::vector<std::string> items;
  auto add = [&](std::string_view text) {
    size_t start = 0;
    while (start <= text.size()) {
      const size_t end = std::min(text.find('\n', start), text.size());
      if (std::string item = trimmed(text.substr(start, end - start)); !item.empty()) items.push_back(item);
      start = end + 1;
    }
  };
  if (body[name].is_string()) {
    add(body[name].get<std::string>());
  } else if (body[name].is_array()) {
    for (const auto& item : body[name]) {
      if (!item.is_string()) throw std::invalid_argument(fmt::format("{} must be lines of text", name));
      add(item.get<std::string>());
    }
  } else {
    throw std::invalid_argument(fmt::format("{} must be lines of text", name));
  }
  return items;
}

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find(',', start), text.size());
    if (std::string item = trimmed(text.substr(start, end - start)); !item.empty()) items.push_back(item);
    start = end + 1;
  }
  return items;
}

}  // namespace

CardContent edited_card(const json& body, const CardContent& current) {
  CardContent card = current;
  if (auto prompt = text_field(body, "prompt")) card.prompt = trimmed(*prompt);
  if (auto answer = text_field(body, "answer")) card.answer = trimmed(*answer);
  if (auto points = list_field(body, "key_points")) {
    // As a deck writes them: "the point | an alias, another alias".
    card.key_points.clear();
    for (const auto& line : *points) {
      const size_t bar = line.find('|');
      KeyPoint point{trimmed(std::string_view(line).substr(0, bar)), {}};
      if (bar != std::string::npos) point.aliases = split_commas(std::string_view(line).substr(bar + 1));
      if (!point.text.empty()) card.key_points.push_back(std::move(point));
    }
  }
  if (auto pitfalls = list_field(body, "pitfalls")) card.pitfalls = *pitfalls;
  if (auto themes = text_field(body, "themes")) card.themes = split_commas(*themes);
  return card;
}

json import_report_json(const ImportReport& report) {
  json warnings = json::array();
  for (const auto& w : report.warnings) warnings.push_back({{"file", w.file}, {"line", w.line}, {"message", w.message}});
  return {{"added", report.added}, {"updated", report.updated}, {"unchanged", report.unchanged},
          {"suspended", report.suspended}, {"history", report.history}, {"warnings", warnings}, {"gone", report.gone}};
}

json sync_json(const Collection& collection) {
  const auto server = collection.config("sync.server");
  if (!server) return nullptr;
  const SyncState state = collection.sync_state();
  const json last_sync = state.last_sync_ms
      ? json(fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(static_cast<std::time_t>(state.last_sync_ms / 1000))))
      : json();
  return {{"server", *server},
          {"last_sync", last_sync},
          {"waiting", {{"reviews", state.waiting_reviews}, {"cards", state.waiting_cards}, {"settings", state.waiting_settings}}}};
}

json statistics_json(const Collection& collection) {
  const Clock& clock = collection.clock();
  const std::int64_t today = clock.today();
  const CollectionStats stats = collection.stats();
  json out;
  out["today"] = today;
  out["summary"] = {{"cards", stats.cards}, {"questions", stats.questions}, {"keypoints", stats.keypoints},
                    {"stories", stats.stories}, {"due_today", stats.due_today}, {"new_today", stats.new_today},
                    {"reviews_total", stats.reviews_total}, {"reviews_today", stats.reviews_today}};

  // Whole weeks, Monday first, so the calendar's columns are weeks.
  const std::int64_t first_day = monday_of(today) - (kHeatmapWeeks - 1) * 7;
  json days = json::array();
  for (const auto& d : collection.reviews_per_day(first_day, today)) days.push_back({d.day, d.reviews});
  out["heatmap"] = {{"first_day", first_day}, {"last_day", today}, {"days", days}};

  out["forecast"] = collection.due_forecast(kForecastDays);
  out["sync"] = sync_json(collection);

  json retention = json::array();
  for (const auto& m : collection.retention_by_month(kRetentionMonths))
    retention.push_back({{"year", m.year}, {"month", m.month}, {"reviews", m.reviews}, {"passed", m.passed}});
  out["retention"] = retention;

  json intervals = json::array();
  for (const auto& b : collection.interval_distribution())
    intervals.push_back({{"min_days", b.min_days}, {"max_days", b.max_days}, {"cards", b.cards}});
  out["intervals"] = intervals;

  const Collection::StoryBank bank = collection.story_bank();
  json themes = json::array(), stories = json::array();
  for (const auto& t : bank.themes) themes.push_back({{"name", t.name}, {"questions", t.questions}, {"stories", t.stories}});
  for (const auto& s : bank.stories)
    stories.push_back({{"id", s.card_id}, {"deck", s.deck}, {"prompt", s.prompt}, {"themes", s.themes}});
  out["story_bank"] = {{"themes", themes}, {"stories", stories}};
  return out;
}

}  // namespace rehearse::web
