// The collection's statistics, which the web app's charts draw: reviews per day (on the user's
// days, which start at 4 am), the due forecast, true retention by month, intervals and the
// story bank.
#include "rehearse/collection.h"

#include <algorithm>

#include "test_support.h"

using namespace rehearse;
using test::TempDir;

namespace {

// Three questions and three stories; the themes overlap on purpose, one in another case.
const char* const kDeck = R"(---
deck: Stats
---
## Q: Tell me about an outage
themes: incident, communication
answer: Mitigate first.

## Q: Tell me about a slow endpoint
themes: performance, Incident
answer: Measure first.

## Q: Tell me about a migration
themes: migration
answer: Dual writes.

## K: Idempotency
The same request twice has the effect of once.

## S: The checkout outage
themes: incident, performance
situation: s
task: t
action:
- a
result: r

## S: The mentoring story
themes: mentoring
situation: s
task: t
action:
- a
result: r

## S: A story without themes
situation: s
task: t
action:
- a
result: r
)";

std::int64_t card_id(Collection& collection, const std::string& prompt) {
  const auto found = collection.find_cards("Stats", prompt, 10);
  REQUIRE(found.size() == 1);
  return found.front().id;
}

// Records an answer to `id` at `when`, leaving the card in `after_state` (due a day later).
void answer_at(Collection& collection, std::int64_t id, const std::string& when, Rating rating, CardState after_state) {
  const Card card = *collection.card(id);
  ReviewLogEntry entry;
  entry.card_id = id;
  entry.reviewed_ms = test::at(when);
  entry.rating = rating;
  entry.scheduler = "test";
  entry.before = card.scheduling;
  entry.after = card.scheduling;
  entry.after.state = after_state;
  entry.after.last_review_ms = entry.reviewed_ms;
  entry.after.due_ms = entry.reviewed_ms + kMsPerDay;
  entry.after.reps += 1;
  collection.record_answer(entry);
}

void set_due(Collection& collection, std::int64_t id, CardState state, const std::string& due, double interval_days = 1) {
  SchedulingState s = collection.card(id)->scheduling;
  s.state = state;
  s.due_ms = test::at(due);
  s.interval_days = interval_days;
  collection.set_scheduling(id, s);
}

struct Fixture {
  TempDir dir;
  std::unique_ptr<Engine> engine = test::make_engine(dir, "2026-01-10T09:00:00Z");
  Collection& collection = engine->collection();
  Fixture() { engine->import_bytes("stats.md", kDeck); }
  std::int64_t id(const std::string& prompt) { return card_id(collection, prompt); }
};

}  // namespace

TEST_CASE("reviews are counted on the user's day, which starts at 4 am", "[statistics]") {
  Fixture f;
  const Clock& clock = f.collection.clock();
  const std::int64_t outage = f.id("an outage"), slow = f.id("slow endpoint");
  answer_at(f.collection, outage, "2026-01-08T10:00:00Z", Rating::good, CardState::learning);
  answer_at(f.collection, slow, "2026-01-08T23:00:00Z", Rating::good, CardState::learning);
  // Three in the morning still belongs to the evening before.
  answer_at(f.collection, outage, "2026-01-09T03:00:00Z", Rating::again, CardState::learning);
  answer_at(f.collection, slow, "2026-01-10T08:00:00Z", Rating::good, CardState::review);

  const std::int64_t today = clock.today();
  const auto days = f.collection.reviews_per_day(today - 7, today);
  REQUIRE(days.size() == 2);
  CHECK(days[0].day == today - 2);
  CHECK(days[0].reviews == 3);
  CHECK(days[1].day == today);
  CHECK(days[1].reviews == 1);

  // The range is inclusive at both ends and leaves out what is outside it.
  CHECK(f.collection.reviews_per_day(today, today).size() == 1);
  CHECK(f.collection.reviews_per_day(today - 1, today - 1).empty());
  CHECK(f.collection.reviews_per_day(today, today - 1).empty());
}

TEST_CASE("the due forecast counts overdue cards today and leaves out new and suspended ones", "[statistics]") {
  Fixture f;
  set_due(f.collection, f.id("an outage"), CardState::review, "2026-01-02T09:00:00Z");        // overdue: today
  set_due(f.collection, f.id("slow endpoint"), CardState::learning, "2026-01-10T20:00:00Z");  // later today
  set_due(f.collection, f.id("migration"), CardState::review, "2026-01-11T03:00:00Z");    // before 4 am: still today
  set_due(f.collection, f.id("Idempotency"), CardState::review, "2026-01-11T10:00:00Z");  // tomorrow
  set_due(f.collection, f.id("checkout outage"), CardState::review, "2026-01-16T10:00:00Z");  // in 6 days
  set_due(f.collection, f.id("mentoring"), CardState::review, "2026-01-12T10:00:00Z");
  f.collection.set_suspended(f.id("mentoring"), true);
  set_due(f.collection, f.id("without themes"), CardState::review, "2026-03-01T10:00:00Z");  // beyond the range

  const std::vector<int> forecast = f.collection.due_forecast(7);
  CHECK(forecast == std::vector<int>{3, 1, 0, 0, 0, 0, 1});
  CHECK(f.collection.due_forecast(0).empty());
  CHECK(f.collection.due_forecast(1) == std::vector<int>{3});
}

TEST_CASE("true retention counts answers to graduated cards, per calendar month", "[statistics]") {
  Fixture f;
  const std::int64_t outage = f.id("an outage"), slow = f.id("slow endpoint"), migration = f.id("migration");
  set_due(f.collection, outage, CardState::review, "2025-10-01T09:00:00Z");
  answer_at(f.collection, outage, "2025-10-20T09:00:00Z", Rating::again, CardState::review);  // before the range
  answer_at(f.collection, outage, "2025-12-01T09:00:00Z", Rating::good, CardState::review);
  answer_at(f.collection, outage, "2025-12-15T09:00:00Z", Rating::again, CardState::relearning);
  answer_at(f.collection, slow, "2025-12-16T09:00:00Z", Rating::good, CardState::learning);  // a new card: not counted
  set_due(f.collection, migration, CardState::review, "2025-12-20T09:00:00Z");
  answer_at(f.collection, migration, "2025-12-31T12:00:00Z", Rating::hard, CardState::review);
  answer_at(f.collection, migration, "2026-01-10T08:00:00Z", Rating::easy, CardState::review);

  const auto months = f.collection.retention_by_month(3);
  REQUIRE(months.size() == 3);
  CHECK((months[0].year == 2025 && months[0].month == 11 && months[0].reviews == 0 && months[0].passed == 0));
  CHECK((months[1].year == 2025 && months[1].month == 12));
  CHECK(months[1].reviews == 3);
  CHECK(months[1].passed == 2);
  CHECK((months[2].year == 2026 && months[2].month == 1 && months[2].reviews == 1 && months[2].passed == 1));

  // Across a year boundary, the oldest month first.
  const auto year = f.collection.retention_by_month(13);
  REQUIRE(year.size() == 13);
  CHECK((year.front().year == 2025 && year.front().month == 1));
  CHECK(year[9].reviews == 1);  // October 2025
  CHECK(year[9].passed == 0);
}

TEST_CASE("the interval distribution buckets review cards by whole days", "[statistics]") {
  Fixture f;
  set_due(f.collection, f.id("an outage"), CardState::review, "2026-01-11T09:00:00Z", 1);
  set_due(f.collection, f.id("slow endpoint"), CardState::review, "2026-01-12T09:00:00Z", 2.4);
  set_due(f.collection, f.id("migration"), CardState::review, "2026-01-15T09:00:00Z", 6.6);  // rounds to 7
  set_due(f.collection, f.id("Idempotency"), CardState::review, "2027-02-01T09:00:00Z", 400);
  set_due(f.collection, f.id("checkout outage"), CardState::learning, "2026-01-10T09:10:00Z", 0);
  set_due(f.collection, f.id("mentoring"), CardState::review, "2026-02-01T09:00:00Z", 20);
  f.collection.set_suspended(f.id("mentoring"), true);

  const auto buckets = f.collection.interval_distribution();
  REQUIRE(buckets.size() == 10);
  CHECK((buckets[0].min_days == 1 && buckets[0].max_days == 1 && buckets[0].cards == 1));
  CHECK((buckets[1].min_days == 2 && buckets[1].cards == 1));
  CHECK((buckets[2].min_days == 3 && buckets[2].max_days == 6 && buckets[2].cards == 0));
  CHECK((buckets[3].min_days == 7 && buckets[3].max_days == 13 && buckets[3].cards == 1));
  CHECK(buckets[4].cards == 0);  // the suspended card with 20 days
  CHECK((buckets[9].min_days == 365 && buckets[9].max_days == 0 && buckets[9].cards == 1));
  int total = 0;
  for (const auto& bucket : buckets) total += bucket.cards;
  CHECK(total == 4);
}

TEST_CASE("the story bank matches question themes to the stories that cover them", "[statistics]") {
  Fixture f;
  const Collection::StoryBank bank = f.collection.story_bank();

  std::vector<std::string> names;
  for (const auto& theme : bank.themes) names.push_back(theme.name);
  // Most asked first ("Incident" and "incident" are one theme), then by name.
  CHECK(names == std::vector<std::string>{"incident", "communication", "migration", "performance", "mentoring"});
  auto theme = [&](const std::string& name) {
    return *std::find_if(bank.themes.begin(), bank.themes.end(), [&](const auto& t) { return t.name == name; });
  };
  CHECK(theme("incident").questions == 2);
  CHECK(theme("incident").stories == 1);
  CHECK(theme("migration").questions == 1);
  CHECK(theme("migration").stories == 0);  // a gap in the bank
  CHECK(theme("mentoring").questions == 0);
  CHECK(theme("mentoring").stories == 1);

  REQUIRE(bank.stories.size() == 3);
  CHECK(bank.stories[0].prompt == "The checkout outage");
  CHECK(bank.stories[0].themes == std::vector<std::string>{"incident", "performance"});
  CHECK(bank.stories[0].deck == "Stats");
  CHECK(bank.stories[2].prompt == "A story without themes");
  CHECK(bank.stories[2].themes.empty());
}

TEST_CASE("the story bank leaves out cards gone from their file", "[statistics]") {
  Fixture f;
  std::string without_mentoring = kDeck;
  const auto start = without_mentoring.find("## S: The mentoring story");
  without_mentoring.erase(start, without_mentoring.find("## S: A story without themes") - start);
  f.engine->import_bytes("stats.md", without_mentoring);

  const Collection::StoryBank bank = f.collection.story_bank();
  CHECK(bank.stories.size() == 2);
  CHECK(std::none_of(bank.themes.begin(), bank.themes.end(), [](const auto& t) { return t.name == "mentoring"; }));
}
