// The statistics queries of the collection: reviews per day, the due forecast, true retention,
// the interval distribution and the story bank.
//
// They only read, so they use a read-only connection of their own, opened for the query: it can
// never write by mistake, and a long aggregate never sits on the connection that records answers.
// With the collection in WAL mode, such a reader sees everything committed so far.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>

#include "ascii.h"
#include "rehearse/collection.h"

namespace rehearse {

namespace {

constexpr int kGoneFromFile = 2;  // cards.suspended for a card no longer in its file

SQLite::Database open_for_reading(const Collection& collection) {
  return SQLite::Database(collection.path(), SQLite::OPEN_READONLY, /*busyTimeoutMs=*/10'000);
}

std::chrono::year_month_day civil_date(std::int64_t day) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}};
}

// Themes are stored one per line.
std::vector<std::string> theme_list(const std::string& stored) {
  std::vector<std::string> themes;
  size_t start = 0;
  while (start <= stored.size()) {
    const size_t end = std::min(stored.find('\n', start), stored.size());
    std::string theme = ascii_lower(stored.substr(start, end - start));
    const auto first = theme.find_first_not_of(" \t\r");
    if (first != std::string::npos) {
      theme = theme.substr(first, theme.find_last_not_of(" \t\r") - first + 1);
      if (std::find(themes.begin(), themes.end(), theme) == themes.end()) themes.push_back(theme);
    }
    start = end + 1;
  }
  return themes;
}

}  // namespace

std::vector<Collection::DayCount> Collection::reviews_per_day(std::int64_t first_day, std::int64_t last_day) const {
  std::vector<DayCount> days;
  if (last_day < first_day) return days;
  SQLite::Database db = open_for_reading(*this);
  SQLite::Statement q(db, "SELECT reviewed_ms FROM review_log WHERE reviewed_ms >= ? AND reviewed_ms < ? ORDER BY reviewed_ms");
  q.bind(1, static_cast<std::int64_t>(clock().day_start_ms(first_day)));
  q.bind(2, static_cast<std::int64_t>(clock().day_start_ms(last_day + 1)));
  while (q.executeStep()) {
    const std::int64_t day = clock().day_number(q.getColumn(0).getInt64());
    if (days.empty() || days.back().day != day) days.push_back({day, 0});
    ++days.back().reviews;
  }
  return days;
}

std::vector<int> Collection::due_forecast(int days) const {
  std::vector<int> forecast(static_cast<size_t>(std::max(days, 0)), 0);
  if (forecast.empty()) return forecast;
  SQLite::Database db = open_for_reading(*this);
  const std::int64_t today = clock().today();
  SQLite::Statement q(db, "SELECT due_ms FROM card_state WHERE suspended = 0 AND state IN (1, 2, 3) AND due_ms < ?");
  q.bind(1, static_cast<std::int64_t>(clock().day_start_ms(today + days)));
  while (q.executeStep()) {
    const std::int64_t offset = std::max<std::int64_t>(0, clock().day_number(q.getColumn(0).getInt64()) - today);
    if (offset < days) ++forecast[static_cast<size_t>(offset)];
  }
  return forecast;
}

std::vector<Collection::MonthRetention> Collection::retention_by_month(int months) const {
  std::vector<MonthRetention> out;
  if (months <= 0) return out;
  using namespace std::chrono;
  const year_month current{civil_date(clock().today()).year(), civil_date(clock().today()).month()};
  for (int back = months - 1; back >= 0; --back) {
    const year_month month = current - std::chrono::months{back};
    out.push_back({static_cast<int>(month.year()), static_cast<int>(static_cast<unsigned>(month.month())), 0, 0});
  }
  const year_month first{year{out.front().year}, month{static_cast<unsigned>(out.front().month)}};
  const std::int64_t first_day = sys_days{first / day{1}}.time_since_epoch().count();

  SQLite::Database db = open_for_reading(*this);
  SQLite::Statement q(db, "SELECT reviewed_ms, rating FROM review_log WHERE state_before = 2 AND reviewed_ms >= ?");
  q.bind(1, static_cast<std::int64_t>(clock().day_start_ms(first_day)));
  while (q.executeStep()) {
    const year_month_day date = civil_date(clock().day_number(q.getColumn(0).getInt64()));
    const int index = (static_cast<int>(date.year()) - out.front().year) * 12 +
                      static_cast<int>(static_cast<unsigned>(date.month())) - out.front().month;
    if (index < 0 || index >= months) continue;
    MonthRetention& month_stats = out[static_cast<size_t>(index)];
    ++month_stats.reviews;
    if (q.getColumn(1).getInt() != static_cast<int>(Rating::again)) ++month_stats.passed;
  }
  return out;
}

std::vector<Collection::IntervalBucket> Collection::interval_distribution() const {
  std::vector<IntervalBucket> buckets;
  constexpr std::array<int, 10> kStarts = {1, 2, 3, 7, 14, 30, 60, 120, 180, 365};
  for (size_t i = 0; i < kStarts.size(); ++i)
    buckets.push_back({kStarts[i], i + 1 < kStarts.size() ? kStarts[i + 1] - 1 : 0, 0});
  SQLite::Database db = open_for_reading(*this);
  SQLite::Statement q(db, "SELECT interval_days FROM card_state WHERE suspended = 0 AND state = 2");
  while (q.executeStep()) {
    const double days = std::max(1.0, std::round(q.getColumn(0).getDouble()));
    const auto bucket = std::upper_bound(kStarts.begin(), kStarts.end(), static_cast<int>(std::min(days, 1e6))) - kStarts.begin() - 1;
    ++buckets[static_cast<size_t>(bucket)].cards;
  }
  return buckets;
}

Collection::StoryBank Collection::story_bank() const {
  StoryBank bank;
  std::map<std::string, StoryBank::Theme> themes;
  SQLite::Database db = open_for_reading(*this);
  SQLite::Statement q(db, "SELECT c.id, d.name, c.kind, c.prompt, c.themes, c.tags FROM cards c JOIN decks d ON d.id = c.deck_id "
                          "WHERE c.suspended != ? AND (c.kind = 'story' OR (c.kind = 'question' AND c.themes != '')) ORDER BY d.name, c.id");
  q.bind(1, kGoneFromFile);
  while (q.executeStep()) {
    // A template story is guidance for writing one's own, not a story the user can tell.
    const std::string tags = "\n" + q.getColumn(5).getString() + "\n";  // one a line
    if (tags.find("\n" + std::string(kTemplateTag) + "\n") != std::string::npos) continue;
    const bool is_story = q.getColumn(2).getString() == "story";
    const std::vector<std::string> card_themes = theme_list(q.getColumn(4).getString());
    for (const auto& name : card_themes) {
      StoryBank::Theme& theme = themes[name];
      theme.name = name;
      ++(is_story ? theme.stories : theme.questions);
    }
    if (is_story) bank.stories.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(3).getString(), card_themes});
  }
  for (auto& [name, theme] : themes) bank.themes.push_back(std::move(theme));
  std::stable_sort(bank.themes.begin(), bank.themes.end(),
                   [](const StoryBank::Theme& a, const StoryBank::Theme& b) { return a.questions > b.questions; });
  return bank;
}

}  // namespace rehearse
