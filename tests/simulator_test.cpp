// The simulator of `rehearse simulate` and the readiness figures of a study plan.
#include <nlohmann/json.hpp>

#include "days.h"
#include "rehearse/simulator.h"

using namespace rehearse;
using test::Days;
using test::deck;
using test::review_due;

namespace {

// A deck "D" of `count` cards of which the first `reviewed` have been studied (due over the
// coming days), the rest new.
void collection_of(Days& days, int count, int reviewed) {
  days.import("d.md", deck("D", count, "c"));
  const std::int64_t now = days.now();
  for (int i = 1; i <= reviewed; ++i) {
    SchedulingState s = review_due(now + (i % 20 - 5) * kMsPerDay);
    s.stability = 5 + i % 30;
    s.last_review_ms = now - 10 * kMsPerDay;
    days.set_state(fmt::format("c{}", i), s);
  }
}

bool same(const SimulationResult& a, const SimulationResult& b) {
  if (a.days.size() != b.days.size()) return false;
  for (size_t i = 0; i < a.days.size(); ++i) {
    const auto &x = a.days[i], &y = b.days[i];
    if (x.reviews != y.reviews || x.new_cards != y.new_cards || x.seconds != y.seconds || x.memorized != y.memorized) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("the simulation is the same for the same seed, and another seed draws otherwise", "[simulate]") {
  Days days;
  collection_of(days, 120, 80);
  const Simulator simulator = Simulator::of_collection(days.engine());
  CHECK(simulator.cards() == 120);
  SimulationOptions options;
  options.days = 60;
  options.new_per_day = 5;
  options.seed = 7;
  const SimulationResult first = simulator.run(options);
  CHECK(same(first, simulator.run(options)));
  CHECK(same(first, Simulator::of_collection(days.engine()).run(options)));
  options.seed = 8;
  CHECK_FALSE(same(first, simulator.run(options)));

  // The day's work: 5 new cards a day until the 40 new ones are learned, then none.
  REQUIRE(first.days.size() == 60);
  for (int day = 0; day < 8; ++day) CHECK(first.days[static_cast<size_t>(day)].new_cards == 5);
  CHECK(first.days[8].new_cards == 0);
  CHECK(first.new_left == 0);
  CHECK(first.days.back().studied == 120);
  CHECK(first.total_reviews() > 80);
  for (const auto& day : first.days) {
    CHECK(day.recall() > 0.5);
    CHECK(day.recall() <= 1.0);
    CHECK(day.seconds >= 0);
  }
}

TEST_CASE("a higher desired retention takes more reviews and keeps more in memory", "[simulate]") {
  Days days;
  collection_of(days, 300, 200);
  const Simulator simulator = Simulator::of_collection(days.engine());
  SimulationOptions options;
  options.days = 120;
  options.new_per_day = 5;
  const auto results = simulator.compare_retentions({0.70, 0.80, 0.90, 0.97}, options);
  REQUIRE(results.size() == 4);
  for (size_t i = 1; i < results.size(); ++i) {
    INFO("retention " << results[i].retention);
    CHECK(results[i].total_reviews() > results[i - 1].total_reviews());
    CHECK(results[i].minutes_per_day() > results[i - 1].minutes_per_day());
    CHECK(results[i].final_recall() > results[i - 1].final_recall());
  }
  CHECK(results[0].retention == 0.70);
}

TEST_CASE("the time of each kind of answer comes from the review log, with defaults when it is empty", "[simulate]") {
  Days days;
  days.import("d.md", deck("D", 30, "c"));
  const AnswerHabits defaults = AnswerHabits::from_log(days.collection());
  CHECK(defaults.answers_measured == 0);
  CHECK(defaults.learning_seconds[2] == AnswerHabits{}.learning_seconds[2]);

  // Thirty first answers, "good", 6 s each.
  days.set("new_per_day", "30");
  auto session = days.engine().start_review();
  int answered = 0;
  while (auto card = session->next()) {
    if (card->scheduling.state != CardState::new_card) break;
    session->answer(*card, Rating::good, {6000, nullptr, std::nullopt});
    ++answered;
  }
  REQUIRE(answered == 30);
  const AnswerHabits mine = AnswerHabits::from_log(days.collection());
  CHECK(mine.answers_measured == 30);
  CHECK(mine.learning_seconds[2] == Approx(6.0));
  CHECK(mine.first_rating[2] == Approx(1.0));
  CHECK(mine.review_seconds[2] == AnswerHabits{}.review_seconds[2]);  // no reviews yet: the default
}

TEST_CASE("the simulator refuses options out of range, naming them", "[simulate]") {
  Days days;
  collection_of(days, 10, 5);
  const Simulator simulator = Simulator::of_collection(days.engine());
  SimulationOptions options;
  options.days = 0;
  CHECK_THROWS_WITH(simulator.run(options), Catch::Contains("days to simulate: 0 is out of range"));
  options.days = 10;
  options.retention = 1.2;
  CHECK_THROWS_WITH(simulator.run(options), Catch::Contains("desired retention: 1.2 is out of range"));
  CHECK_THROWS_WITH(Simulator::of_collection(days.engine(), "Nope"), Catch::Contains("there is no deck named 'Nope'"));

  const std::string collection = days.collection_path();
  auto simulate = [&](const std::vector<std::string>& args) {
    std::vector<std::string> all = {"--collection", collection, "--plugin-path", REHEARSE_TEST_PLUGIN_DIR,
                                    "--now",        "2026-01-10T09:00", "simulate"};
    all.insert(all.end(), args.begin(), args.end());
    return test::run_program(all);
  };
  auto zero = simulate({"--days", "0"});
  CHECK(zero.status != 0);
  CHECK_THAT(zero.err, Catch::Contains("--days: '0' is not a number of days from 1 to 36500"));
  auto retention = simulate({"--retention", "high"});
  CHECK(retention.status != 0);
  CHECK_THAT(retention.err, Catch::Contains("--retention: 'high' is not a desired retention from 0.5 to 0.99"));
  auto fresh = simulate({"--new-per-day", "-2"});
  CHECK(fresh.status != 0);
  CHECK_THAT(fresh.err, Catch::Contains("--new-per-day: '-2' is not a number of new cards from 0 to 10000"));
  CHECK(simulate({"extra"}).status != 0);
}

TEST_CASE("simulate prints each day's work, and --json gives the documented object", "[simulate]") {
  Days days;
  collection_of(days, 40, 20);
  const std::string collection = days.collection_path();
  const std::vector<std::string> base = {"--collection", collection, "--plugin-path", REHEARSE_TEST_PLUGIN_DIR,
                                         "--now",        "2026-01-10T09:00", "simulate", "--days", "14", "--new-per-day", "4"};
  const auto text = test::run_program(base);
  REQUIRE(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("Simulating 40 cards for 14 days, 4 new a day"));
  CHECK_THAT(text.out, Catch::Contains("Sat 2026-01-10*"));
  CHECK_THAT(text.out, Catch::Contains("Help me decide"));
  CHECK_THAT(text.out, Catch::Contains("     0.97"));

  auto with_json = base;
  with_json.push_back("--json");
  const auto result = test::run_program(with_json);
  REQUIRE(result.status == 0);
  const auto out = nlohmann::json::parse(result.out);
  CHECK(out["days"] == 14);
  CHECK(out["new_per_day"] == 4);
  CHECK(out["cards"] == 40);
  CHECK(out["retention"].is_null());
  REQUIRE(out["daily"].size() == 14);
  CHECK(out["daily"][0]["date"] == "2026-01-10");
  CHECK(out["daily"][0]["new"] == 4);
  for (const char* key : {"reviews", "minutes", "recall", "memorized"}) CHECK(out["daily"][0].contains(key));
  for (const char* key : {"reviews", "new", "minutes", "minutes_per_day", "recall", "new_left"}) CHECK(out["total"].contains(key));
  CHECK(out["total"]["new"] == 20);
  REQUIRE(out["retentions"].size() == Simulator::retentions_to_compare().size());
  CHECK(out["retentions"][0]["retention"] == 0.70);
  for (const char* key : {"minutes_per_day", "reviews_per_day", "recall"}) CHECK(out["retentions"][0].contains(key));
  CHECK(out["habits"]["review_seconds"].size() == 4);
}

TEST_CASE("readiness on the interview day is each card's retrievability then, by deck and kind", "[simulate][plan]") {
  Days days;
  days.import("d.md", deck("D", 2, "c"));
  const std::int64_t now = days.now();
  // Two cards that need no review before the interview: strong memories, due long after it.
  for (const char* uid : {"c1", "c2"}) {
    SchedulingState s = review_due(now + 60 * kMsPerDay);
    s.stability = uid == std::string("c1") ? 200 : 120;
    s.last_review_ms = now - 2 * kMsPerDay;
    days.set_state(uid, s);
  }
  const std::int64_t interview = now + 5 * kMsPerDay;
  std::vector<Readiness> readiness;
  const StudyPlan plan = days.engine().plan_until("", interview, readiness);
  CHECK(plan.ready == 2);
  CHECK(plan.total_reviews() == 0);
  REQUIRE(readiness.size() == 1);
  const Readiness& group = readiness.front();
  CHECK(group.deck == "D");
  CHECK(group.kind == CardKind::question);
  CHECK(group.cards == 2);
  CHECK(group.ready == 2);
  // The scheduler's own retrievability of each card at the interview, with no review between.
  const Scheduler& scheduler = days.engine().scheduler_for("D");
  const Options options = days.engine().options_for(ComponentKind::scheduler, scheduler.name(), scheduler.options(), "D");
  double sum = 0;
  for (const char* uid : {"c1", "c2"}) {
    const Card card = days.card(uid);
    sum += *scheduler.retrievability(card.scheduling, days.engine().review_context(card.scheduling, card.id, interview, options));
  }
  REQUIRE(group.recall);
  CHECK(*group.recall == Approx(sum / 2).epsilon(1e-12));
}

TEST_CASE("a plan's readiness reaches the desired retention for every kind of card", "[simulate][plan]") {
  Days days;
  days.import("q.md", deck("Q", 6, "q"));
  days.import("k.md",
              "---\ndeck: K\n---\n\n## K: Idempotency\nid: k1\nanswer: the same request twice has the effect of once\n"
              "\n## K: Backpressure\nid: k2\nanswer: slowing producers to what consumers take\n");
  std::vector<Readiness> readiness;
  const StudyPlan plan = days.engine().plan_until("", days.now() + 10 * kMsPerDay, readiness);
  REQUIRE(readiness.size() == 2);
  CHECK(readiness[0].deck == "K");
  CHECK(readiness[0].kind == CardKind::keypoint);
  CHECK(readiness[1].kind == CardKind::question);
  // The plain plan is the same plan.
  CHECK(days.engine().plan_until("", days.now() + 10 * kMsPerDay).reviews == plan.reviews);
  for (const auto& group : readiness) {
    INFO(group.deck);
    REQUIRE(group.recall);
    CHECK(*group.recall >= plan.retention);
    CHECK(*group.recall <= 1.0);
    CHECK(group.ready == group.cards);
  }

  const auto out = test::run_program({"--collection", days.collection_path(), "--plugin-path", REHEARSE_TEST_PLUGIN_DIR, "--now",
                                      "2026-01-10T09:00", "review", "--until", "2026-01-20", "--plan", "--json"});
  REQUIRE(out.status == 0);
  const auto json = nlohmann::json::parse(out.out);
  REQUIRE(json["readiness"].size() == 2);
  CHECK(json["readiness"][0]["deck"] == "K");
  CHECK(json["readiness"][0]["kind"] == "keypoint");
  CHECK(json["readiness"][0]["recall"].get<double>() >= 0.9);
}
