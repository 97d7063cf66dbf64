// Getting ready for an interview (review --until DATE) and the due forecast: following the plan
// day by day gets every card ready for the date, by the scheduler's own judgement.
#include <nlohmann/json.hpp>

#include "days.h"

using namespace rehearse;
using nlohmann::json;
using test::Days;
using test::deck;

namespace {

// Whether `card` is recalled at `target_ms` with its deck's desired retention: by retrievability
// when the scheduler has a memory model, else by its due date.
bool ready_at(Engine& engine, const Card& card, std::int64_t target_ms) {
  const Scheduler& scheduler = engine.scheduler_for(card.deck);
  const auto specs = scheduler.options();
  const Options options = engine.options_for(ComponentKind::scheduler, scheduler.name(), specs, card.deck);
  double retention = 0.9;
  for (const auto& spec : specs)
    if (spec.name == "desired_retention") retention = options.get_number("desired_retention");
  if (card.scheduling.state == CardState::new_card) return false;
  const ReviewContext ctx = engine.review_context(card.scheduling, card.id, target_ms, options);
  if (auto r = scheduler.retrievability(card.scheduling, ctx)) return *r >= retention;
  return card.scheduling.due_ms >= target_ms;
}

int answer_all_good(Engine& engine) {
  int answers = 0;
  auto session = engine.start_review();
  while (auto card = session->next()) {
    session->answer(*card, Rating::good, {});
    REQUIRE(++answers < 10000);
  }
  return answers;
}

std::string day_at(int day_of_january, const char* time = "09:00:00Z") {
  return fmt::format("2026-01-{:02}T{}", day_of_january, time);
}

}  // namespace

TEST_CASE("following the plan day by day gets every card ready for the interview", "[day]") {
  for (const std::string scheduler : {"sm2", "fsrs"}) {
    DYNAMIC_SECTION(scheduler) {
      Days days(day_at(1));
      if (!days.engine().registry().scheduler(scheduler)) continue;
      days.set("scheduler", scheduler);
      days.import("d.md", deck("Prep", 30, "c"));
      // Some history first: eight cards a day for three days, without a plan.
      days.set("new_per_day", "8");
      for (int day = 1; day <= 3; ++day) answer_all_good(days.at(day_at(day)));

      // The interview is on the 24th; the plan starts on the 10th and reviews end on the 23rd.
      const std::int64_t interview = test::at("2026-01-25T04:00:00Z");  // the end of the 24th
      Engine& first = days.at(day_at(10));
      const StudyPlan plan = first.plan_until("", interview);
      CHECK(plan.cards == 30);
      CHECK(plan.new_cards == 6);
      CHECK(plan.ready + plan.to_review == 24);
      CHECK(plan.days() == 14);
      CHECK(plan.unreachable == 0);
      CHECK(plan.memory_model == (scheduler == "fsrs"));
      int planned_new = 0;
      for (int n : plan.introduced) planned_new += n;
      CHECK(planned_new == 6);

      // Each day: what the plan says for today is what the session shows (every answer good).
      for (int day = 10; day <= 23; ++day) {
        Engine& engine = days.at(day_at(day));
        const StudyPlan today = engine.plan_until("", interview);
        CHECK(today.last_day == plan.last_day);
        engine.set_study_target(interview);
        INFO("January " << day);
        CHECK(answer_all_good(engine) == today.reviews.front());
      }

      // On the day, every card is ready.
      Engine& after = days.at("2026-01-24T08:00:00Z");
      for (const auto& card : after.collection().find_cards("", "", 1000)) {
        INFO(card.content.uid << " due " << format_local_time(card.scheduling.due_ms));
        CHECK(ready_at(after, card, interview));
      }
    }
  }
}

TEST_CASE("without a plan, the daily limits leave cards unready for a close interview", "[day]") {
  // The point of the plan: with 10 new cards a day, 60 cards are not all learned in 5 days.
  Days days(day_at(10));
  days.set("scheduler", "sm2");
  days.import("d.md", deck("Prep", 60, "c"));
  const std::int64_t interview = test::at("2026-01-16T04:00:00Z");
  for (int day = 10; day <= 14; ++day) answer_all_good(days.at(day_at(day)));
  int unready = 0;
  Engine& engine = days.at(day_at(15));
  for (const auto& card : engine.collection().find_cards("", "", 1000)) unready += !ready_at(engine, card, interview);
  CHECK(unready > 10);
  // With the plan from the same start, all of them would be: it says so, and what it takes.
  Days planned(day_at(10));
  planned.set("scheduler", "sm2");
  planned.import("d.md", deck("Prep", 60, "c"));
  const StudyPlan plan = planned.engine().plan_until("", interview);
  CHECK(plan.unreachable == 0);
  CHECK(plan.new_today >= 15);  // 60 cards over the 4 days on which a card learned can still be ready
}

TEST_CASE("a plan says which cards cannot be ready in time", "[day]") {
  Days days(day_at(10));
  days.set("scheduler", "sm2");
  days.import("d.md", deck("Prep", 5, "c"));
  // Tomorrow: SM-2 graduates a card learned today to one day, due on the interview day.
  const StudyPlan plan = days.engine().plan_until("", test::at("2026-01-12T04:00:00Z"));
  CHECK(plan.days() == 1);
  CHECK(plan.new_today == 5);
  CHECK(plan.unreachable == 5);
  CHECK_THROWS_WITH(days.engine().plan_until("", test::at("2026-01-10T23:00:00Z")), Catch::Contains("not after today"));
  CHECK_THROWS_WITH(days.engine().plan_until("Nope", test::at("2026-01-20T00:00:00Z")), Catch::Contains("no deck named 'Nope'"));
}

TEST_CASE("review --until DATE --plan and forecast on the command line", "[day]") {
  Days days(day_at(10));
  days.set("scheduler", "sm2");
  days.import("d.md", deck("Prep", 12, "c"));
  const std::int64_t now = days.now();
  for (int i = 1; i <= 4; ++i) days.set_state(fmt::format("c{}", i), test::review_due(now + (i - 1) * kMsPerDay));
  const std::string collection = days.collection_path();
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--collection", collection, "--now", day_at(10)});
    return test::run_program(args);
  };

  const auto text = run({"review", "--until", "2026-01-20", "--plan"});
  REQUIRE(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("Interview: Tue 2026-01-20 (in 10 days). Reviews until Mon 2026-01-19."));
  CHECK_THAT(text.out, Catch::Contains("12 cards: 0 ready, 4 to review first, 8 new ones."));
  CHECK_THAT(text.out, Catch::Contains("reviews a day on average"));
  CHECK_THAT(text.out, Catch::Contains("no memory model"));

  const auto plan = run({"review", "--until", "2026-01-20T14:00", "--plan", "--json"});
  REQUIRE(plan.status == 0);
  const json j = json::parse(plan.out);
  CHECK(j["interview_day"] == "2026-01-20");
  CHECK(j["last_review_day"] == "2026-01-19");
  CHECK(j["days"].size() == 10);
  CHECK(j["new"] == 8);
  int new_total = 0;
  for (const auto& day : j["days"]) new_total += day["new"].get<int>();
  CHECK(new_total == 8);

  const auto past = run({"review", "--until", "2026-01-10", "--plan"});
  CHECK(past.status == 1);
  CHECK_THAT(past.err, Catch::Contains("not after today"));
  const auto bad = run({"review", "--until", "next week"});
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("is not a date"));
  CHECK(run({"review", "--json"}).status == 2);

  const auto forecast = run({"forecast", "--days", "5", "--json"});
  REQUIRE(forecast.status == 0);
  const json f = json::parse(forecast.out);
  REQUIRE(f["days"].size() == 5);
  for (int i = 0; i < 4; ++i) CHECK(f["days"][i]["due"] == 1);
  CHECK(f["days"][4]["due"] == 0);
  CHECK(f["days"][0]["date"] == "2026-01-10");
  CHECK(f["total"] == 4);
  const auto table = run({"forecast", "--days", "2"});
  CHECK_THAT(table.out, Catch::Contains("Sat 2026-01-10 today"));
  CHECK(run({"forecast", "--days", "0"}).status == 2);
}
