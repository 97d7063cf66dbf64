// FSRS as the scheduler of new collections, deck presets of scheduler options, and switching a
// deck's scheduler: every card's state recomputed from its review log, no review lost.
#include <fmt/format.h>

#include <ctime>

#include "test_support.h"

using namespace rehearse;
using test::TempDir;

namespace {

const char* const kDeck = R"(---
deck: Switching
---

## Q: What is idempotency?
An operation that gives the same result however often it is applied.

## Q: What is a circuit breaker?
It stops calling a failing dependency for a while.

## K: Backpressure
A consumer slows its producers down.

## K: Cache-aside
The application reads the cache, and on a miss the database.
)";

const char* const kOtherDeck = R"(---
deck: Other
---

## Q: What is a saga?
A sequence of local transactions with compensations.
)";

// Reviews every due card of the collection in `dir` on each of `days` days from `start`, with
// ratings that cycle through again, good, hard, easy, good, so that every state is visited.
void review_days(const TempDir& dir, const std::string& start, int days) {
  const Rating cycle[] = {Rating::again, Rating::good, Rating::hard, Rating::easy, Rating::good};
  int turn = 0;
  for (int day = 0; day < days; ++day) {
    // Mornings and evenings, so that same-day reviews and learning steps happen too.
    for (const char* time : {"T08:00:00Z", "T20:30:00Z"}) {
      const std::time_t midnight = static_cast<std::time_t>((test::at(start) + day * kMsPerDay) / 1000);
      std::tm date{};
      gmtime_r(&midnight, &date);
      auto engine = test::make_engine(dir, fmt::format("{:04}-{:02}-{:02}{}", date.tm_year + 1900, date.tm_mon + 1, date.tm_mday, time));
      auto session = engine->start_review();
      for (int answers = 0; answers < 12; ++answers) {
        const auto card = session->next();
        if (!card) break;
        session->answer(*card, cycle[turn++ % 5], {});
      }
    }
  }
}

std::map<std::int64_t, SchedulingState> states_of(Engine& engine) {
  std::map<std::int64_t, SchedulingState> states;
  for (const auto& card : engine.collection().find_cards("", "", 1000)) states[card.id] = card.scheduling;
  return states;
}

std::map<std::int64_t, std::vector<ReviewLogEntry>> logs_of(Engine& engine) {
  std::map<std::int64_t, std::vector<ReviewLogEntry>> logs;
  engine.collection().each_review([&](const ReviewLogEntry& entry) { logs[entry.card_id].push_back(entry); });
  return logs;
}

void check_same_logs(const std::map<std::int64_t, std::vector<ReviewLogEntry>>& a,
                     const std::map<std::int64_t, std::vector<ReviewLogEntry>>& b) {
  REQUIRE(a.size() == b.size());
  for (const auto& [card, entries] : a) {
    const auto& other = b.at(card);
    REQUIRE(entries.size() == other.size());
    for (size_t i = 0; i < entries.size(); ++i) {
      CHECK(entries[i].id == other[i].id);
      CHECK(entries[i].reviewed_ms == other[i].reviewed_ms);
      CHECK(entries[i].rating == other[i].rating);
      CHECK(entries[i].scheduler == other[i].scheduler);
      CHECK(entries[i].before == other[i].before);
      CHECK(entries[i].after == other[i].after);
    }
  }
}

}  // namespace

TEST_CASE("a new collection is scheduled by FSRS; one that names no scheduler keeps SM-2", "[fsrs]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  CHECK(engine->collection().config("scheduler") == "fsrs");
  CHECK(engine->scheduler_for("any deck").name() == "fsrs");

  // A collection from before FSRS was the default has no scheduler setting.
  engine->collection().unset_config("scheduler");
  engine.reset();
  engine = test::make_engine(dir);
  CHECK_FALSE(engine->collection().config("scheduler"));
  CHECK(engine->scheduler_for("any deck").name() == "sm2");
}

TEST_CASE("a deck preset's scheduler options override the collection's", "[fsrs]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  Collection& collection = engine->collection();
  collection.set_config("scheduler.fsrs.desired_retention", "0.85");
  collection.set_config("deck.Interview::Systems.scheduler.fsrs.desired_retention", "0.95");
  const Scheduler& fsrs = engine->scheduler_for("Interview::Systems");
  CHECK(engine->options_for(ComponentKind::scheduler, "fsrs", fsrs.options(), "Interview::Systems").get_number("desired_retention") ==
        0.95);
  CHECK(engine->options_for(ComponentKind::scheduler, "fsrs", fsrs.options(), "Interview").get_number("desired_retention") == 0.85);
  CHECK(engine->options_for(ComponentKind::scheduler, "fsrs", fsrs.options()).get_number("desired_retention") == 0.85);
}

TEST_CASE("switching SM-2 -> FSRS -> SM-2 recomputes every card from its log and loses no review", "[fsrs]") {
  TempDir dir;
  {
    auto engine = test::make_engine(dir, "2026-01-01T07:00:00Z");
    engine->import_paths({dir.write("switching.md", kDeck), dir.write("other.md", kOtherDeck)});
    engine->change_setting("scheduler", "sm2");
  }
  review_days(dir, "2026-01-01T00:00:00Z", 40);

  auto engine = test::make_engine(dir, "2026-03-01T09:00:00Z");
  const auto sm2_states = states_of(*engine);
  const auto logs = logs_of(*engine);
  REQUIRE(logs.size() == 5);  // every card was reviewed
  size_t reviews = 0;
  for (const auto& [card, entries] : logs) reviews += entries.size();
  REQUIRE(reviews > 50);
  for (const auto& [card, state] : sm2_states) REQUIRE(state.stability == 0);  // SM-2 keeps no memory state

  const Engine::SettingReport to_fsrs = engine->change_setting("scheduler", "fsrs");
  CHECK(to_fsrs.scheduler == "fsrs");
  CHECK(to_fsrs.switched_decks == std::vector<std::string>{"Other", "Switching"});
  CHECK(to_fsrs.recomputed_cards == 5);
  const auto fsrs_states = states_of(*engine);
  for (const auto& [card, entries] : logs) {
    std::vector<ImportedReview> reviews_of_card;
    for (const auto& entry : entries) reviews_of_card.push_back({entry.reviewed_ms, entry.rating, entry.taken_ms});
    const std::string deck = engine->collection().card(card)->deck;
    CHECK(fsrs_states.at(card) == engine->replay_reviews(deck, reviews_of_card, card).back());
    CHECK(fsrs_states.at(card).stability > 0);
    CHECK(fsrs_states.at(card).reps == static_cast<int>(entries.size()));
  }
  check_same_logs(logs_of(*engine), logs);

  const Engine::SettingReport back = engine->change_setting("scheduler", "sm2");
  CHECK(back.recomputed_cards == 5);
  CHECK(states_of(*engine) == sm2_states);  // exactly as before the round trip
  check_same_logs(logs_of(*engine), logs);
}

TEST_CASE("switching one deck's scheduler leaves the other decks alone", "[fsrs]") {
  TempDir dir;
  {
    auto engine = test::make_engine(dir, "2026-01-01T07:00:00Z");
    engine->import_paths({dir.write("switching.md", kDeck), dir.write("other.md", kOtherDeck)});
  }
  review_days(dir, "2026-01-01T00:00:00Z", 10);
  auto engine = test::make_engine(dir, "2026-02-01T09:00:00Z");
  const auto before = states_of(*engine);

  const Engine::SettingReport report = engine->change_setting("deck.Switching.scheduler", "sm2");
  CHECK(report.switched_decks == std::vector<std::string>{"Switching"});
  CHECK(report.recomputed_cards == 4);
  CHECK(engine->scheduler_for("Switching").name() == "sm2");
  CHECK(engine->scheduler_for("Other").name() == "fsrs");
  for (const auto& card : engine->collection().find_cards("", "", 100)) {
    if (card.deck == "Other") CHECK(card.scheduling == before.at(card.id));
    if (card.deck == "Switching") CHECK(card.scheduling.ease > 0);  // SM-2's state now
  }

  // Setting what a deck already has recomputes nothing.
  CHECK(engine->change_setting("deck.Switching.scheduler", "sm2").recomputed_cards == 0);
  // Removing the deck's own choice returns it to the collection's scheduler.
  CHECK(engine->change_setting("deck.Switching.scheduler", std::nullopt).switched_decks == std::vector<std::string>{"Switching"});
  for (const auto& card : engine->collection().find_cards("Switching", "", 100)) CHECK(card.scheduling == before.at(card.id));
}

TEST_CASE("`rehearse config` switches schedulers, says what it did and checks FSRS parameters", "[fsrs]") {
  TempDir dir;
  const std::string collection = (dir / "collection.db").string();
  auto run = [&](std::vector<std::string> args, const std::string& now = "2026-01-05T09:00:00Z") {
    args.insert(args.begin(), {"--collection", collection, "--now", now});
    return test::run_program(args);
  };
  REQUIRE(run({"import", dir.write("switching.md", kDeck).string()}).status == 0);
  // Two answers: a reveal rated good, a reveal rated easy.
  REQUIRE(test::run_program({"--collection", collection, "--now", "2026-01-05T09:00:00Z", "review", "--deck", "Switching"},
                            "\n3\n\n4\nq\n")
              .status == 0);

  const auto to_sm2 = run({"config", "set", "deck.Switching.scheduler", "sm2"});
  CHECK(to_sm2.status == 0);
  CHECK_THAT(to_sm2.out, Catch::Contains("deck 'Switching' is now scheduled by sm2; the state of 2 cards was recomputed"));

  const auto bad_length = run({"config", "set", "scheduler.fsrs.parameters", "0.2 1.3 2.3"});
  CHECK(bad_length.status == 1);
  CHECK_THAT(bad_length.err, Catch::Contains("scheduler.fsrs.parameters: FSRS-6 takes 21 parameters (w0 to w20); 3 were given"));
  const std::string out_of_range =
      "0.212 1.2931 2.3065 8.2956 6.4133 0.8334 3.0194 0.001 1.8722 0.1666 0.796 1.4835 0.0614 0.2629 1.6483 0.6014 1.8729 2.5 "
      "0.0912 0.0658 0.1542";
  const auto bad_value = run({"config", "set", "deck.Switching.scheduler.fsrs.parameters", out_of_range});
  CHECK(bad_value.status == 1);
  CHECK_THAT(bad_value.err, Catch::Contains("w17 is 2.5, outside its range 0 to 2"));
  // Nothing stored: the deck still gets the default parameters.
  CHECK_THAT(run({"config", "get", "deck.Switching.scheduler.fsrs.parameters", "--json"}).out, Catch::Contains("\"from\": \"default\""));

  CHECK(run({"config", "set", "deck.Switching.scheduler.fsrs.desired_retention", "0.95"}).status == 0);
  const auto bad_retention = run({"config", "set", "deck.Switching.scheduler.fsrs.desired_retention", "1.5"});
  CHECK(bad_retention.status == 1);
  CHECK_THAT(bad_retention.err, Catch::Contains("must be from 0.7 to 0.99"));
  const auto unknown_deck = run({"config", "set", "deck.Nowhere.scheduler.fsrs.maximum_interval", "365"});
  CHECK(unknown_deck.status == 0);
  CHECK_THAT(unknown_deck.err, Catch::Contains("there is no deck named 'Nowhere' yet"));
}
