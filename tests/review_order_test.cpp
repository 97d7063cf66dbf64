// The order of a day's reviews (`review_order`) and where new cards go among them (`new_mix`), as
// Anki's deck options offer them.
#include <algorithm>
#include <map>
#include <set>

#include "days.h"

using namespace rehearse;
using test::Days;
using test::deck;
using test::ids;
using test::review_due;

namespace {

// Two decks, "A" and "B", of `per_deck` review cards each (a1..., b1...), due from `first_due`
// days ago: card i of a deck is due (i % spread) days before `first_due`'s day.
void two_decks_of_reviews(Days& days, int per_deck, int spread) {
  days.import("a.md", deck("A", per_deck, "a"));
  days.import("b.md", deck("B", per_deck, "b"));
  const std::int64_t now = days.now();
  for (int i = 1; i <= per_deck; ++i) {
    days.set_state(fmt::format("a{}", i), review_due(now - (i % spread) * kMsPerDay - 3'600'000));
    days.set_state(fmt::format("b{}", i), review_due(now - (i % spread) * kMsPerDay - 7'200'000));
  }
}

std::int64_t due_day(Days& days, std::int64_t card_id) {
  return days.engine().clock().day_number(days.collection().card(card_id)->scheduling.due_ms);
}

std::string deck_of(Days& days, std::int64_t card_id) { return days.collection().card(card_id)->deck; }

// The cards a session shows, in order, answering each `rating`, and whether each was new.
std::vector<std::pair<std::int64_t, bool>> session_order(Engine& engine, const std::string& deck_name, Rating rating) {
  std::vector<std::pair<std::int64_t, bool>> shown;
  auto session = engine.start_review(deck_name);
  while (auto card = session->next()) {
    shown.emplace_back(card->id, card->scheduling.state == CardState::new_card);
    session->answer(*card, rating, {});
    REQUIRE(shown.size() < 1000);
  }
  return shown;
}

}  // namespace

TEST_CASE("by default, the reviews of every deck are together, by due day, then shuffled for the day", "[order]") {
  Days days;
  two_decks_of_reviews(days, 20, 3);
  const auto review = days.collection().queue("", 0).review;
  REQUIRE(review.size() == 40);

  // By due day, the most overdue first.
  for (size_t i = 1; i < review.size(); ++i) CHECK(due_day(days, review[i - 1]) <= due_day(days, review[i]));
  // Within a day, neither deck by deck nor by card: shuffled, the decks mixed.
  const std::int64_t oldest = due_day(days, review.front());
  std::vector<std::int64_t> first_day;
  std::set<std::string> decks_in_first_ten;
  for (std::int64_t id : review)
    if (due_day(days, id) == oldest) first_day.push_back(id);
  for (size_t i = 0; i < 10; ++i) decks_in_first_ten.insert(deck_of(days, first_day[i]));
  CHECK(decks_in_first_ten.size() == 2);
  CHECK_FALSE(std::is_sorted(first_day.begin(), first_day.end()));

  // The same order however often the queue is built, and when the program is run again that day.
  CHECK(days.collection().queue("", 0).review == review);
  days.at("2026-01-10T15:00:00Z");
  CHECK(days.collection().queue("", 0).review == review);

  // Answering a card leaves the others where they were: a session interrupted is the same session.
  {
    auto session = days.engine().start_review();
    auto card = session->next();
    REQUIRE(card);
    CHECK(card->id == review.front());
    session->answer(*card, Rating::good, {});
    const std::vector<std::int64_t> rest(review.begin() + 1, review.end());
    CHECK(days.collection().queue("", 0).review == rest);
  }

  // Another day shuffles them otherwise.
  Days other;
  two_decks_of_reviews(other, 20, 3);
  other.at("2026-01-11T09:00:00Z");
  std::vector<std::string> today_order, tomorrow_order;
  for (std::int64_t id : review) today_order.push_back(days.collection().card(id)->content.uid);
  for (std::int64_t id : other.collection().queue("", 0).review) tomorrow_order.push_back(other.collection().card(id)->content.uid);
  today_order.erase(today_order.begin());  // answered above
  std::vector<std::string> today_common, tomorrow_common;
  for (const auto& uid : today_order)
    if (std::find(tomorrow_order.begin(), tomorrow_order.end(), uid) != tomorrow_order.end()) today_common.push_back(uid);
  for (const auto& uid : tomorrow_order)
    if (std::find(today_order.begin(), today_order.end(), uid) != today_order.end()) tomorrow_common.push_back(uid);
  CHECK(today_common != tomorrow_common);
}

TEST_CASE("review_order deck shows deck by deck in the deck tree's order, each deck's most overdue first", "[order]") {
  Days days;
  days.import("b.md", deck("B", 3, "b"));
  days.import("a.md", deck("A", 3, "a"));
  days.import("ab.md", deck("A::Sub", 2, "s"));
  const std::int64_t now = days.now();
  days.set_state("b1", review_due(now - 9 * kMsPerDay));  // the most overdue of all, in the last deck
  days.set_state("b2", review_due(now - 1 * kMsPerDay));
  days.set_state("a1", review_due(now - 2 * kMsPerDay));
  days.set_state("a2", review_due(now - 5 * kMsPerDay));
  days.set_state("a3", review_due(now - 3 * kMsPerDay));
  days.set_state("s1", review_due(now - 7 * kMsPerDay));
  days.set_state("s2", review_due(now - 1 * kMsPerDay));
  days.set("review_order", "deck");

  CHECK(days.collection().queue("", 0).review == ids(days, {"a2", "a3", "a1", "s1", "s2", "b1", "b2"}));
  CHECK(days.collection().queue("A", 0).review == ids(days, {"a2", "a3", "a1", "s1", "s2"}));
  // The setting of the deck studied wins over the collection's.
  days.set("deck.A.review_order", "due");
  const auto by_due = days.collection().queue("A", 0).review;
  CHECK(by_due.front() == days.id("s1"));
  CHECK(by_due.back() == days.id("s2"));
}

TEST_CASE("review_order retrievability shows the card most at risk first, by its scheduler", "[order]") {
  Days days;
  days.import("a.md", deck("A", 4, "a"));
  days.import("b.md", deck("B", 2, "b"));
  REQUIRE(days.engine().scheduler_for("A").name() == "fsrs");
  const std::int64_t now = days.now();
  // Due the same day, but last seen at different distances and with different memories.
  auto state = [&](double stability, int days_ago) {
    SchedulingState s = review_due(now - 3'600'000);
    s.stability = stability;
    s.last_review_ms = now - days_ago * kMsPerDay;
    return s;
  };
  days.set_state("a1", state(30, 20));  // well remembered
  days.set_state("a2", state(2, 20));   // the weakest
  days.set_state("a3", state(10, 20));
  days.set_state("a4", state(5, 5));
  days.set_state("b1", state(4, 20));
  days.set_state("b2", state(50, 40));
  days.set("review_order", "retrievability");

  const auto review = days.collection().queue("", 0).review;
  REQUIRE(review.size() == 6);
  // The order is that of the scheduler's own retrievability now, lowest first.
  std::vector<double> recall;
  for (std::int64_t id : review) {
    const Card card = *days.collection().card(id);
    const Scheduler& scheduler = days.engine().scheduler_for(card.deck);
    const Options options = days.engine().options_for(ComponentKind::scheduler, scheduler.name(), scheduler.options(), card.deck);
    recall.push_back(*scheduler.retrievability(card.scheduling, days.engine().review_context(card.scheduling, id, now, options)));
  }
  CHECK(std::is_sorted(recall.begin(), recall.end()));
  CHECK(review.front() == days.id("a2"));
  CHECK(review.back() == days.id("a1"));

  // A scheduler without a memory model: the most overdue for its interval first.
  days.set("scheduler", "sm2");
  days.set_state("a1", review_due(now - 1 * kMsPerDay));
  days.set_state("a2", review_due(now - 8 * kMsPerDay));  // 8 days late on a 10-day interval
  days.set_state("a3", review_due(now - 2 * kMsPerDay));
  CHECK(days.collection().queue("A", 0).review.front() == days.id("a2"));
}

TEST_CASE("review_order random shuffles every due review for the day, whatever its due day", "[order]") {
  Days days;
  two_decks_of_reviews(days, 20, 5);
  const auto by_due = days.collection().queue("", 0).review;
  days.set("review_order", "random");
  const auto random = days.collection().queue("", 0).review;
  CHECK(random == days.collection().queue("", 0).review);  // fixed for the day
  CHECK(std::set(random.begin(), random.end()) == std::set(by_due.begin(), by_due.end()));
  std::vector<std::int64_t> due_days;
  for (std::int64_t id : random) due_days.push_back(due_day(days, id));
  CHECK_FALSE(std::is_sorted(due_days.begin(), due_days.end()));
}

TEST_CASE("every review order keeps the daily limits and takes the most overdue within them", "[order]") {
  for (const char* order : {"due", "deck", "retrievability", "random"}) {
    DYNAMIC_SECTION(order) {
      Days days;
      two_decks_of_reviews(days, 10, 10);  // due 0 to 9 days ago
      days.set("reviews_per_day", "4");
      days.set("review_order", order);
      const auto review = days.collection().queue("", 0).review;
      REQUIRE(review.size() == 8);  // 4 per deck
      for (std::int64_t id : review) CHECK(due_day(days, id) <= days.engine().clock().today() - 6);
      days.set("reviews_per_day", "200");
      days.set("new_per_day", "0");
      CHECK(days.collection().queue("", 0).review.size() == 20);
    }
  }
}

TEST_CASE("new cards come after the reviews, before them, or spread among them", "[order]") {
  auto make = [](Days& days) {
    days.import("d.md", deck("D", 9, "c"));
    const std::int64_t now = days.now();
    for (int i = 1; i <= 6; ++i) days.set_state(fmt::format("c{}", i), review_due(now - i * kMsPerDay));
    days.set("new_per_day", "3");
  };
  auto kinds = [](const std::vector<std::pair<std::int64_t, bool>>& shown) {
    std::string text;
    for (const auto& [id, is_new] : shown) text += is_new ? 'N' : 'R';
    return text;
  };
  SECTION("after, the default") {
    Days days;
    make(days);
    CHECK(kinds(session_order(days.engine(), "", Rating::easy)) == "RRRRRRNNN");
  }
  SECTION("before") {
    Days days;
    make(days);
    days.set("new_mix", "before");
    CHECK(kinds(session_order(days.engine(), "", Rating::easy)) == "NNNRRRRRR");
  }
  SECTION("mixed: evenly, and the same when the session is interrupted") {
    Days days;
    make(days);
    days.set("new_mix", "mixed");
    CHECK(kinds(session_order(days.engine(), "", Rating::easy)) == "RNRRNRRNR");

    Days interrupted;
    make(interrupted);
    interrupted.set("new_mix", "mixed");
    std::string text;
    for (int run = 0; run < 9; ++run) {  // one answer per run of the program
      interrupted.at(fmt::format("2026-01-10T09:{:02}:00Z", run));
      auto session = interrupted.engine().start_review();
      auto card = session->next();
      REQUIRE(card);
      text += card->scheduling.state == CardState::new_card ? 'N' : 'R';
      session->answer(*card, Rating::easy, {});
    }
    CHECK(text == "RNRRNRRNR");
  }
}

TEST_CASE("config refuses a review order or new-card mix it does not know, listing those it does", "[order]") {
  test::TempDir dir;
  const std::string collection = (dir / "c.db").string();
  auto config = [&](const std::vector<std::string>& args) {
    std::vector<std::string> all = {"--collection", collection, "--plugin-path", REHEARSE_TEST_PLUGIN_DIR, "config"};
    all.insert(all.end(), args.begin(), args.end());
    return test::run_program(all);
  };
  auto refused = config({"set", "review_order", "fastest"});
  CHECK(refused.status != 0);
  CHECK_THAT(refused.err, Catch::Contains("review_order") && Catch::Contains("'fastest' is not one of due, deck, retrievability, random"));
  auto mix = config({"set", "deck.Interview.new_mix", "sometimes"});
  CHECK(mix.status != 0);
  CHECK_THAT(mix.err, Catch::Contains("not one of after, mixed, before"));
  CHECK(config({"set", "review_order", "retrievability"}).status == 0);
  CHECK(config({"set", "new_mix", "mixed"}).status == 0);
  CHECK(config({"get", "review_order"}).out == "retrievability\n");
}
