// The day of reviews as Anki's v3 scheduler runs it: queue order, daily limits on a deck tree,
// the day rolling over at the configured hour, buried siblings, leeches and undo.
#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include <map>
#include <set>

#include "days.h"

using namespace rehearse;
using test::Days;
using test::deck;
using test::ids;
using test::learning;
using test::review_due;

namespace {

// Answers today's queue of `deck` to the end with `rating`; returns the cards in the order shown.
std::vector<std::int64_t> answer_all(Engine& engine, const std::string& deck_name, Rating rating = Rating::good) {
  std::vector<std::int64_t> shown;
  auto session = engine.start_review(deck_name);
  while (auto card = session->next()) {
    shown.push_back(card->id);
    session->answer(*card, rating, {});
    REQUIRE(shown.size() < 10000);
  }
  return shown;
}

}  // namespace

TEST_CASE("the queue is intraday learning, then interday learning, then reviews, then new cards", "[day]") {
  Days days;
  days.import("d.md", deck("D", 5, "c"));
  const std::int64_t now = days.now();
  days.set_state("c2", review_due(now - kMsPerDay));                                   // a review, overdue
  days.set_state("c3", learning(now - 16 * kMsPerMinute, now - 6 * kMsPerMinute));     // a 10-minute step, due
  days.set_state("c4", learning(now - 13 * 3'600'000LL, now - 3'600'000LL));           // a step that crossed into today
  days.set_state("c5", learning(now - 2 * kMsPerMinute, now + 8 * kMsPerMinute));      // a step due in 8 minutes

  const auto queue = days.collection().queue("", 0);
  CHECK(queue.learning == ids(days, {"c3"}));
  CHECK(queue.interday == ids(days, {"c4"}));
  CHECK(queue.review == ids(days, {"c2"}));
  CHECK(queue.new_cards == ids(days, {"c1"}));
  // Learning cards due within the learn-ahead window count too.
  CHECK(days.collection().queue("", 20 * kMsPerMinute).learning == ids(days, {"c3", "c5"}));

  auto session = days.engine().start_review();
  const QueueCounts counts = session->counts();
  CHECK(counts.learning == 3);  // intraday (learn-ahead included) and interday, as Anki counts them
  CHECK(counts.review == 1);
  CHECK(counts.new_cards == 1);
  std::vector<std::int64_t> order;
  for (int i = 0; i < 4; ++i) {
    auto card = session->next();
    REQUIRE(card);
    order.push_back(card->id);
    session->answer(*card, Rating::easy, {});  // easy graduates learning cards: each is shown once
  }
  CHECK(order == ids(days, {"c3", "c4", "c2", "c1"}));
  // With nothing else left, the step due in 8 minutes is shown early rather than ending the day.
  auto last = session->next();
  REQUIRE(last);
  CHECK(last->id == days.id("c5"));
}

TEST_CASE("new cards and reviews per day are limited per deck, with studied cards counted", "[day]") {
  Days days;
  days.import("d.md", deck("Lang", 30, "n"));
  days.set("new_per_day", "5");
  CHECK(days.collection().queue("", 0).new_cards.size() == 5);

  auto session = days.engine().start_review();
  for (int i = 0; i < 2; ++i) session->answer(*session->next(), Rating::good, {});
  CHECK(days.collection().queue("", 0).new_cards.size() == 3);

  // The deck's own setting wins over the collection's.
  days.set("deck.Lang.new_per_day", "1");
  CHECK(days.collection().queue("", 0).new_cards.empty());

  // Reviews: 12 due, 10 a day, of which the 2 new cards studied today took 2 (as in Anki, new
  // cards count against the review limit).
  days.set("deck.Lang.reviews_per_day", "10");
  days.set("deck.Lang.new_per_day", "0");
  for (int i = 10; i < 22; ++i) days.set_state(fmt::format("n{}", i), review_due(days.now() - i * kMsPerMinute));
  auto queue = days.collection().queue("", 0);
  REQUIRE(queue.review.size() == 8);
  // The limit keeps the most overdue; those due the same day come in the day's random order
  // (review_order due), or the most overdue first by deck (review_order deck).
  CHECK(std::set<std::int64_t>(queue.review.begin(), queue.review.end()) ==
        std::set<std::int64_t>{days.id("n14"), days.id("n15"), days.id("n16"), days.id("n17"), days.id("n18"), days.id("n19"),
                               days.id("n20"), days.id("n21")});
  days.set("review_order", "deck");
  CHECK(days.collection().queue("", 0).review.front() == days.id("n21"));
  days.set("review_order", "due");
  answer_all(days.engine(), "");
  CHECK(days.collection().queue("", 0).review.empty());
  int still_due = 0;  // held back by the limit
  days.collection().for_each_schedule("", [&](const Collection::CardSchedule& card) {
    still_due += card.state.state == CardState::review && card.state.due_ms < days.now();
  });
  CHECK(still_due == 4);
}

TEST_CASE("a parent deck's limits cap its sub-decks, not the other way round", "[day]") {
  Days days;
  days.import("a.md", deck("Prep::A", 10, "a"));
  days.import("b.md", deck("Prep::B", 10, "b"));
  days.import("c.md", deck("Other", 10, "o"));
  days.set("deck.Prep.new_per_day", "6");
  days.set("deck.Prep::A.new_per_day", "4");

  // Studying Prep: deck by deck, each sub-deck within its own limit, all within the parent's.
  auto prep = days.collection().queue("Prep", 0).new_cards;
  CHECK(prep == ids(days, {"a1", "a2", "a3", "a4", "b1", "b2"}));
  // Studying a sub-deck: its own limits; those of the decks above it do not apply (as in Anki).
  CHECK(days.collection().queue("Prep::B", 0).new_cards.size() == 10);
  // Studying everything: each top-level deck's limits.
  CHECK(days.collection().queue("", 0).new_cards.size() == 6 + 10);

  // What a sub-deck studied today counts for its parent too.
  answer_all(days.engine(), "Prep::B");
  CHECK(days.collection().queue("Prep::B", 0).new_cards.empty());
  CHECK(days.collection().queue("Prep", 0).new_cards.empty());  // 10 studied in Prep::B > 6
  CHECK(days.collection().queue("Prep::A", 0).new_cards.size() == 4);

  const auto summaries = days.collection().decks();
  for (const auto& summary : summaries)
    if (summary.name == "Prep::A") CHECK(summary.new_cards == 10);  // never studied, whatever today's limits
}

TEST_CASE("the review limit caps new cards too, unless new cards ignore it", "[day]") {
  Days days;
  days.import("d.md", deck("D", 20, "c"));
  days.set("reviews_per_day", "7");
  for (int i = 1; i <= 3; ++i) days.set_state(fmt::format("c{}", i), review_due(days.now() - kMsPerDay));
  days.set_state("c4", learning(days.now() - kMsPerDay, days.now() - 3'600'000LL));  // interday learning
  auto queue = days.collection().queue("", 0);
  CHECK(queue.interday.size() == 1);
  CHECK(queue.review.size() == 3);
  CHECK(queue.new_cards.size() == 3);  // 7 - 1 interday - 3 reviews

  days.set("new_cards_ignore_review_limit", "true");
  CHECK(days.collection().queue("", 0).new_cards.size() == 10);

  // Interday learning cards come out of the review limit first.
  days.set("reviews_per_day", "2");
  queue = days.collection().queue("", 0);
  CHECK(queue.interday.size() == 1);
  CHECK(queue.review.size() == 1);
}

TEST_CASE("the day rolls over at the configured hour", "[day]") {
  Days days("2026-01-10T22:00:00Z");
  days.import("d.md", deck("D", 30, "c"));
  days.set("new_per_day", "3");
  answer_all(days.engine(), "");
  // 3 am is still the evening's day: its new cards are used up.
  days.at("2026-01-11T03:30:00Z");
  CHECK(days.collection().queue("", 0).new_cards.empty());
  days.at("2026-01-11T04:00:00Z");
  CHECK(days.collection().queue("", 0).new_cards.size() == 3);

  // With the day starting at midnight, 00:30 is a new day.
  days.set("day_start_hour", "0");
  answer_all(days.at("2026-01-11T23:00:00Z"), "");
  CHECK(days.collection().queue("", 0).new_cards.empty());
  days.at("2026-01-12T00:30:00Z");
  CHECK(days.collection().queue("", 0).new_cards.size() == 3);
}

TEST_CASE("when a card comes back is said in minutes, hours, or the user's days", "[day]") {
  const Clock evening(test::at("2026-01-10T22:00:00Z"), 4);
  CHECK(evening.describe_until(test::at("2026-01-10T22:00:20Z")) == "in 1 min");
  CHECK(evening.describe_until(test::at("2026-01-10T22:10:00Z")) == "in 10 min");
  // 3 am is still the evening's day; 5 am is the next one.
  CHECK(evening.describe_until(test::at("2026-01-11T03:00:00Z")) == "in 5 h");
  CHECK(evening.describe_until(test::at("2026-01-11T05:00:00Z")) == "tomorrow");
  CHECK(evening.describe_until(test::at("2026-01-22T09:00:00Z")) == "in 12 days");
}

TEST_CASE("learning steps of a day or more make interday learning cards", "[day]") {
  Days days;
  days.import("d.md", deck("D", 3, "c"));
  days.set("scheduler", "sm2");
  days.set("scheduler.sm2.learning_steps", "10m 1440m");
  auto session = days.engine().start_review();
  auto card = session->next();
  REQUIRE(card);
  session->answer(*card, Rating::good, {});  // to the one-day step
  CHECK(days.collection().queue("", 20 * kMsPerMinute).learning.empty());
  days.at("2026-01-11T08:00:00Z");
  const auto queue = days.collection().queue("", 0);
  CHECK(queue.interday == std::vector<std::int64_t>{card->id});
  CHECK(queue.learning.empty());
}

TEST_CASE("siblings: one card of a group a day, the others buried until tomorrow", "[day]") {
  Days days;
  // Groups of three: s1-s3, s4-s6; s7 alone.
  std::string text = deck("D", 6, "s", 3);
  text += "\n## Q: alone\nid: s7\nanswer: yes\n";
  days.import("d.md", text);

  // Only the first card of each group is gathered.
  CHECK(days.collection().queue("", 0).new_cards == ids(days, {"s1", "s4", "s7"}));
  // A review beats a new sibling.
  days.set_state("s5", review_due(days.now() - kMsPerDay));
  auto queue = days.collection().queue("", 0);
  CHECK(queue.review == ids(days, {"s5"}));
  CHECK(queue.new_cards == ids(days, {"s1", "s7"}));

  auto session = days.engine().start_review();
  auto first = session->next();
  REQUIRE(first->id == days.id("s5"));
  const AnswerOutcome outcome = session->answer(*first, Rating::good, {});
  CHECK(outcome.buried_siblings == 2);
  CHECK(days.collection().queue("", 0).new_cards == ids(days, {"s1", "s7"}));

  // A new card in learning does not bury its siblings' learning steps, only what is due or new.
  auto second = session->next();
  REQUIRE(second->id == days.id("s1"));
  CHECK(session->answer(*second, Rating::good, {}).buried_siblings == 2);
  CHECK(days.collection().queue("", 0).new_cards == ids(days, {"s7"}));
  std::set<std::int64_t> shown;
  while (auto card = session->next()) {
    shown.insert(card->id);
    session->answer(*card, Rating::good, {});
  }
  CHECK(shown == std::set<std::int64_t>{days.id("s1"), days.id("s7")});

  // Tomorrow the buried cards are back, one card per group.
  days.at("2026-01-11T09:00:00Z");
  const auto tomorrow = days.collection().queue("", 0);
  std::map<std::string, int> per_group;
  for (const auto* list : {&tomorrow.learning, &tomorrow.interday, &tomorrow.review, &tomorrow.new_cards})
    for (std::int64_t id : *list) ++per_group[days.collection().card(id)->content.group];
  CHECK(per_group["s-g1"] == 1);
  CHECK(per_group["s-g2"] == 1);
  CHECK(std::count(tomorrow.new_cards.begin(), tomorrow.new_cards.end(), days.id("s4")) == 1);

  // Burying can be turned off: then siblings come together.
  days.set("bury_siblings", "false");
  CHECK(days.collection().queue("", 0).new_cards.size() == 4);  // s2, s3, s4, s6
  auto later = days.engine().start_review();
  while (auto card = later->next()) {
    const AnswerOutcome next_day = later->answer(*card, Rating::good, {});
    if (card->content.group.empty()) continue;
    CHECK(next_day.buried_siblings == 0);
    break;
  }
}

TEST_CASE("siblings: a collection from before the queue kept groups beside states gets them when migrated", "[day]") {
  Days days;
  days.import("d.md", deck("D", 4, "s", 2));
  {
    // Schema 3: the groups were only in cards, and cards had no question type, user's version,
    // follow-ups, recordings nor sync yet.
    SQLite::Database db = test::open_database(days.collection_path(), SQLite::OPEN_READWRITE);
    db.exec("DROP TRIGGER cards_sync_edit; DROP TRIGGER review_log_number; DROP INDEX cards_sync_dirty; "
            "DROP INDEX review_log_device_seq; DROP TABLE review_cancellations; DROP TRIGGER config_sync_insert; DROP TRIGGER config_sync_update; DROP TRIGGER config_sync_delete; "
            "DROP TABLE config_sync; ALTER TABLE cards DROP COLUMN sync_version; "
            "ALTER TABLE cards DROP COLUMN sync_device; ALTER TABLE cards DROP COLUMN sync_dirty; "
            "ALTER TABLE review_log DROP COLUMN device; ALTER TABLE review_log DROP COLUMN seq; "
            "DELETE FROM config WHERE key LIKE 'sync.%'");
    db.exec("ALTER TABLE card_state DROP COLUMN sibling_group; ALTER TABLE cards DROP COLUMN question_type; "
            "ALTER TABLE cards DROP COLUMN follow_ups; ALTER TABLE review_log DROP COLUMN spoken_ms; "
            "DROP TABLE card_source_text; DROP TABLE recordings; DROP TABLE devices; PRAGMA user_version = 3");
  }
  days.at("2026-01-10T10:00:00Z");  // opened again, and migrated
  CHECK(days.collection().schema_version() == Collection::latest_schema_version());
  CHECK(days.collection().queue("", 0).new_cards == ids(days, {"s1", "s3"}));
}

TEST_CASE("siblings: a re-import that changes a card's group changes what today's queue buries", "[day]") {
  Days days;
  days.import("d.md", deck("D", 3, "s", 3));  // s1, s2, s3 in one group
  CHECK(days.collection().queue("", 0).new_cards == ids(days, {"s1"}));
  days.import("d.md", deck("D", 3, "s", 2));  // s3 now in a group of its own
  CHECK(days.collection().queue("", 0).new_cards == ids(days, {"s1", "s3"}));
  days.import("d.md", deck("D", 3, "s", 0));  // no groups at all
  CHECK(days.collection().queue("", 0).new_cards == ids(days, {"s1", "s2", "s3"}));
}

TEST_CASE("after 8 lapses a card is a leech: tagged and suspended, and the user is told", "[day]") {
  Days days;
  days.import("d.md", deck("D", 2, "c"));
  days.set_state("c1", review_due(days.now() - kMsPerDay, 7));
  auto session = days.engine().start_review();
  auto card = session->next();
  REQUIRE(card->id == days.id("c1"));
  const AnswerOutcome outcome = session->answer(*card, Rating::again, {});
  CHECK(outcome.after.lapses == 8);
  CHECK(outcome.leech);
  CHECK(outcome.suspended);
  const Card leech = days.card("c1");
  CHECK(leech.suspended);
  CHECK(std::count(leech.content.tags.begin(), leech.content.tags.end(), "leech") == 1);
  // Suspended: not even its relearning step comes back.
  CHECK(session->next()->id == days.id("c2"));
  // The tag survives an import of the unchanged file, and so does the suspension.
  days.import("d.md", deck("D", 2, "c"));
  CHECK(days.card("c1").suspended);
  CHECK(days.collection().find_cards("", "leech", 10).size() == 1);
}

TEST_CASE("leeches can be only tagged, are told again every half threshold, and can be turned off", "[day]") {
  Days days;
  days.import("d.md", deck("D", 3, "c"));
  days.set("leech_action", "tag");
  days.set("leech_threshold", "4");
  days.set_state("c1", review_due(days.now() - kMsPerDay, 3));
  days.set_state("c2", review_due(days.now() - kMsPerDay, 5));  // 6th lapse: 4 + 4/2
  days.set_state("c3", review_due(days.now() - kMsPerDay, 4));  // 5th lapse: nothing to say
  auto session = days.engine().start_review();
  std::map<std::int64_t, AnswerOutcome> outcomes;
  for (int i = 0; i < 3; ++i) {
    auto card = session->next();
    outcomes[card->id] = session->answer(*card, Rating::again, {});
  }
  CHECK(outcomes[days.id("c1")].leech);
  CHECK_FALSE(outcomes[days.id("c1")].suspended);
  CHECK_FALSE(days.card("c1").suspended);
  CHECK(outcomes[days.id("c2")].leech);
  CHECK_FALSE(outcomes[days.id("c3")].leech);

  days.set("leech_threshold", "0");
  days.set_state("c3", review_due(days.now() - kMsPerDay, 7));
  auto again = days.engine().start_review();
  auto card = again->next();
  REQUIRE(card->id == days.id("c3"));  // the others are in their relearning step
  CHECK_FALSE(again->answer(*card, Rating::again, {}).leech);
}

TEST_CASE("undo takes back answers one by one, with what they buried, tagged and suspended", "[day]") {
  Days days;
  days.import("d.md", deck("D", 6, "c", 2));  // groups c1-c2, c3-c4, c5-c6
  days.set_state("c3", review_due(days.now() - kMsPerDay, 7));
  std::map<std::int64_t, Card> before;
  for (const auto& card : days.collection().find_cards("", "", 100)) before[card.id] = card;

  auto session = days.engine().start_review();
  std::vector<std::int64_t> answered;
  for (Rating rating : {Rating::again, Rating::good, Rating::hard}) {
    auto card = session->next();
    REQUIRE(card);
    answered.push_back(card->id);
    session->answer(*card, rating, {});
  }
  REQUIRE(answered.front() == days.id("c3"));  // the review, which became a leech
  CHECK(days.card("c3").suspended);
  CHECK(session->summary().answered == 3);

  // Undo, repeatedly: each card comes back, and next() shows it again.
  for (auto it = answered.rbegin(); it != answered.rend(); ++it) {
    REQUIRE(session->can_undo());
    auto card = session->undo();
    REQUIRE(card);
    CHECK(card->id == *it);
    CHECK(session->next()->id == *it);
  }
  CHECK_FALSE(session->can_undo());
  CHECK_FALSE(session->undo());
  CHECK(session->summary().answered == 0);

  // Everything is as it was: states, suspension, tags, buried siblings and the review log.
  for (const auto& card : days.collection().find_cards("", "", 100)) {
    INFO(card.content.uid);
    CHECK(card.scheduling == before[card.id].scheduling);
    CHECK(card.suspended == before[card.id].suspended);
    CHECK(card.content.tags == before[card.id].content.tags);
    CHECK(days.collection().review_log(card.id).empty());
  }
  CHECK(days.collection().queue("", 0).new_cards == ids(days, {"c1", "c5"}));
  CHECK(days.collection().queue("", 0).review == ids(days, {"c3"}));
}
