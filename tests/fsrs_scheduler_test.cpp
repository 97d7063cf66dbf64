// The `fsrs` scheduler plugin: the reference interval histories, Anki's learning steps and fuzz,
// the order of the buttons, and its options.
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "fsrs_model.h"
#include "test_support.h"

using namespace rehearse;
using nlohmann::json;

namespace {

const json& vector_named(const std::string& id) {
  static const json data = [] {
    std::ifstream in(std::string(REHEARSE_SOURCE_DIR) + "/tests/data/fsrs_vectors.json");
    REQUIRE(in);
    return json::parse(in);
  }();
  for (const auto& v : data["vectors"])
    if (v["id"] == id) return v;
  FAIL("no vector " << id);
  throw std::logic_error("unreachable");
}

std::string parameter_text(const std::string& set) {
  static const json data = [] {
    std::ifstream in(std::string(REHEARSE_SOURCE_DIR) + "/tests/data/fsrs_vectors.json");
    return json::parse(in);
  }();
  auto values = data["parameter_sets"][set]["values"].get<std::vector<double>>();
  if (values.size() == 19) values.insert(values.end(), {0.0, 0.5});  // FSRS-5: no w19, decay 0.5
  std::string text;
  for (double w : values) text += fmt::format("{}{}", text.empty() ? "" : " ", w);
  return text;
}

// One card answered through the plugin as the engine would, with days counted by a clock whose
// days start at 4 am (UTC in the tests).
class FsrsCard {
 public:
  explicit FsrsCard(std::map<std::string, std::string> values = {}) {
    host_.load_directory(REHEARSE_TEST_PLUGIN_DIR);
    scheduler_ = registry_.scheduler("fsrs");
    REQUIRE(scheduler_ != nullptr);
    values.try_emplace("fuzz", "false");
    options_ = Options(scheduler_->options(), values);
  }

  const SchedulingState& answer_at(std::int64_t now, Rating rating, std::int64_t card_id = 1) {
    now_ = now;
    const ReviewContext ctx = make_review_context(clock_, state_, card_id, now_, options_);
    state_ = scheduler_->next(state_, rating, ctx);
    return state_;
  }
  const SchedulingState& answer_after(double minutes, Rating rating) {
    return answer_at(now_ + static_cast<std::int64_t>(minutes * kMsPerMinute), rating);
  }
  // Answered when due, as the reference histories are.
  const SchedulingState& answer_when_due(Rating rating) { return answer_at(state_.due_ms, rating); }

  std::optional<double> retrievability_at(std::int64_t when) const {
    return scheduler_->retrievability(state_, make_review_context(clock_, state_, 1, when, options_));
  }
  double minutes_until_due() const { return static_cast<double>(state_.due_ms - now_) / kMsPerMinute; }
  std::int64_t days_until_due() const { return (state_.due_ms - now_) / kMsPerDay; }
  SchedulingState& state() { return state_; }
  std::int64_t now() const { return now_; }
  const Scheduler& scheduler() const { return *scheduler_; }
  const Options& options() const { return options_; }

 private:
  Registry registry_;
  PluginHost host_{registry_};
  const Scheduler* scheduler_ = nullptr;
  Options options_;
  Clock clock_;
  SchedulingState state_;
  std::int64_t now_ = test::at("2026-01-10T09:00:00Z");
};

Rating rating_of(const json& value) { return static_cast<Rating>(value.get<int>()); }

}  // namespace

TEST_CASE("the interval history of the reference scheduler tests is reproduced exactly", "[fsrs]") {
  for (const std::string id : {"scheduler_basic_fsrs6_ivl_history", "scheduler_basic_fsrs5_ivl_history"}) {
    INFO(id);
    const json& v = vector_named(id);
    FsrsCard card({{"parameters", parameter_text(v["params"].get<std::string>())}});
    card.answer_at(test::at(v["options"]["start"].get<std::string>()), rating_of(v["input"]["ratings"][0]));
    std::vector<std::int64_t> intervals{card.days_until_due()};
    for (size_t i = 1; i < v["input"]["ratings"].size(); ++i) {
      card.answer_when_due(rating_of(v["input"]["ratings"][i]));
      intervals.push_back(card.days_until_due());
    }
    CHECK(intervals == v["expected"]["interval_days"].get<std::vector<std::int64_t>>());
  }
}

TEST_CASE("without steps or short-term scheduling, every button schedules in days, in order", "[fsrs]") {
  // ts-fsrs's and go-fsrs's long-term scheduler: Again <= Hard < Good < Easy, a day apart.
  for (const std::string id : {"scheduler_longterm_fsrs6_default", "scheduler_longterm_ts_test1", "scheduler_longterm_ts_test2",
                               "scheduler_longterm_ts_test3", "scheduler_longterm_ts_test4", "scheduler_longterm_ts_test5"}) {
    INFO(id);
    const json& v = vector_named(id);
    FsrsCard card({{"parameters", parameter_text(v["params"].get<std::string>())},
                   {"enable_short_term", "false"},
                   {"learning_steps", ""},
                   {"relearning_steps", ""}});
    const auto& ratings = v["input"]["ratings"];
    for (size_t i = 0; i < ratings.size(); ++i) {
      INFO("review " << i);
      if (i == 0)
        card.answer_at(test::at("2026-01-10T09:00:00Z"), rating_of(ratings[i]));
      else
        card.answer_when_due(rating_of(ratings[i]));
      CHECK(card.days_until_due() == v["expected"]["interval_days"][i].get<std::int64_t>());
      CHECK(card.state().stability == Approx(v["expected"]["S"][i].get<double>()).margin(1e-4).epsilon(1e-5));
      CHECK(card.state().difficulty == Approx(v["expected"]["D"][i].get<double>()).margin(1e-4).epsilon(1e-5));
      CHECK(card.state().state == CardState::review);
    }
  }
}

TEST_CASE("learning steps wait as long as Anki's", "[fsrs]") {
  // Rows: steps in minutes, steps remaining, then the delay of Again, Hard and Good in seconds
  // (Good null: the card graduates). Anki's own test table.
  const json& v = vector_named("anki_learning_step_delays");
  for (const auto& row : v["expected"]["rows"]) {
    const auto steps = row[0].get<std::vector<double>>();
    std::string text;
    for (double step : steps) text += fmt::format("{}m ", step);
    INFO("steps " << text << "remaining " << row[1]);
    const Rating ratings[] = {Rating::again, Rating::hard, Rating::good};
    for (size_t button = 0; button < 3; ++button) {
      FsrsCard card({{"learning_steps", text}});
      card.answer_at(test::at("2026-01-10T09:00:00Z"), Rating::again);  // into the steps, with a memory
      card.state().step = static_cast<int>(steps.size()) - row[1].get<int>();
      const SchedulingState& after = card.answer_after(1, ratings[button]);
      const json& expected = row[2 + button];
      if (expected.is_null()) {
        CHECK(after.state == CardState::review);
      } else {
        CHECK(after.state == CardState::learning);
        CHECK(card.minutes_until_due() * 60 == expected.get<double>());
      }
    }
  }
}

TEST_CASE("a new card learns, graduates, lapses and relearns", "[fsrs]") {
  FsrsCard card;
  CHECK(card.answer_at(test::at("2026-01-10T09:00:00Z"), Rating::good).state == CardState::learning);
  CHECK(card.minutes_until_due() == 10);
  CHECK(card.state().stability == Approx(2.3065));  // w2: first rating Good
  card.answer_after(10, Rating::good);
  CHECK(card.state().state == CardState::review);
  CHECK(card.days_until_due() == 2);  // round(S) at 90% desired retention
  CHECK(card.state().reps == 2);

  card.answer_when_due(Rating::again);
  CHECK(card.state().state == CardState::relearning);
  CHECK(card.minutes_until_due() == 10);
  CHECK(card.state().lapses == 1);
  const double after_lapse = card.state().stability;
  card.answer_after(10, Rating::good);
  CHECK(card.state().state == CardState::review);
  CHECK(card.state().lapses == 1);
  CHECK(card.state().stability >= after_lapse);  // a passing same-day answer never lowers it
  CHECK(card.state().reps == 4);
}

TEST_CASE("Easy on a new card graduates it at once to round(w3) days", "[fsrs]") {
  FsrsCard card;
  card.answer_at(test::at("2026-01-10T09:00:00Z"), Rating::easy);
  CHECK(card.state().state == CardState::review);
  CHECK(card.days_until_due() == 8);  // w3 = 8.2956
}

TEST_CASE("a review's Hard, Good and Easy are at least a day apart", "[fsrs]") {
  // On the day a card graduated, a second review barely changes stability: without the rule
  // Hard, Good and Easy would fall on the same day.
  std::set<std::int64_t> intervals;
  for (Rating rating : {Rating::hard, Rating::good, Rating::easy}) {
    FsrsCard card;
    card.answer_at(test::at("2026-01-10T09:00:00Z"), Rating::again);
    card.answer_after(1, Rating::good);
    card.answer_after(10, Rating::good);  // graduated, 1 day
    REQUIRE(card.state().state == CardState::review);
    card.answer_after(60, rating);
    intervals.insert(card.days_until_due());
  }
  REQUIRE(intervals.size() == 3);
  CHECK(*intervals.begin() >= 1);
  CHECK(*std::next(intervals.begin()) > *intervals.begin());
}

TEST_CASE("a higher desired retention gives shorter intervals, and no interval passes the maximum", "[fsrs]") {
  auto interval_for = [](const std::string& retention, const std::string& maximum) {
    FsrsCard card({{"desired_retention", retention}, {"maximum_interval", maximum}});
    card.answer_at(test::at("2026-01-10T09:00:00Z"), Rating::easy);
    for (int i = 0; i < 4; ++i) card.answer_when_due(Rating::easy);
    return card.days_until_due();
  };
  const auto at_80 = interval_for("0.8", "36500"), at_90 = interval_for("0.9", "36500"), at_97 = interval_for("0.97", "36500");
  CHECK(at_80 > at_90);
  CHECK(at_90 > at_97);
  CHECK(interval_for("0.9", "100") == 100);
}

TEST_CASE("fuzz spreads intervals deterministically for a card and review", "[fsrs]") {
  const std::int64_t start = test::at("2026-01-10T09:00:00Z");
  // The same reviews at the same times; only the intervals they give are fuzzed.
  auto interval_for = [&](std::int64_t card_id, bool fuzz) {
    FsrsCard card(std::map<std::string, std::string>{{"fuzz", fuzz ? "true" : "false"}});
    card.answer_at(start, Rating::easy, card_id);
    card.answer_at(start + 8 * kMsPerDay, Rating::good, card_id);
    card.answer_at(start + 40 * kMsPerDay, Rating::good, card_id);
    return card.days_until_due();
  };
  const std::int64_t exact = interval_for(1, false);
  REQUIRE(exact > 20);
  std::set<std::int64_t> seen;
  for (std::int64_t card_id = 1; card_id <= 200; ++card_id) {
    const std::int64_t fuzzed = interval_for(card_id, true);
    CHECK(fuzzed == interval_for(card_id, true));  // the same card and review: the same interval
    // Anki's range: 15% up to 7 days, 10% up to 20, 5% beyond, plus a day.
    const double delta = 1 + 0.15 * 4.5 + 0.1 * 13 + 0.05 * (static_cast<double>(exact) - 20);
    CHECK(std::abs(static_cast<double>(fuzzed - exact)) <= delta + 1);
    seen.insert(fuzzed);
  }
  CHECK(seen.size() > 3);
}

TEST_CASE("fuzz picks from Anki's range exactly as Anki does", "[fsrs]") {
  // Rows: interval, minimum, maximum, then the result for fuzz factors 0, 0.5 and 0.99.
  const json& v = vector_named("anki_fuzz");
  auto seed_for = [](double fraction) { return static_cast<std::uint64_t>(std::ldexp(fraction, 53)) << 11; };
  for (const auto& row : v["expected"]["rows"]) {
    INFO(row.dump());
    const double factors[] = {0.0, 0.5, 0.99};
    for (size_t i = 0; i < 3; ++i)
      CHECK(fuzz_interval(row[0].get<double>(), seed_for(factors[i]), row[1].get<int>(), row[2].get<int>()) == row[3 + i].get<int>());
  }
}

TEST_CASE("retrievability falls from 1 to 90% over the stability, and a new card has none", "[fsrs]") {
  FsrsCard card;
  const std::int64_t start = test::at("2026-01-10T09:00:00Z");
  CHECK_FALSE(card.retrievability_at(start));
  card.answer_at(start, Rating::easy);  // S = 8.2956
  CHECK(*card.retrievability_at(start + kMsPerMinute) == 1.0);
  CHECK(*card.retrievability_at(start + 8 * kMsPerDay) == Approx(0.9024733).epsilon(1e-6));  // the reference value at t = 8
  CHECK(*card.retrievability_at(start + 30 * kMsPerDay) < *card.retrievability_at(start + 8 * kMsPerDay));
}

TEST_CASE("a card that SM-2 scheduled gets a memory from its ease and interval", "[fsrs]") {
  FsrsCard card;
  SchedulingState& state = card.state();
  state.state = CardState::review;
  state.ease = 2.5;
  state.interval_days = 10;
  state.reps = 5;
  state.last_review_ms = test::at("2026-01-01T09:00:00Z");
  CHECK(*card.retrievability_at(test::at("2026-01-11T09:00:00Z")) == Approx(0.9));  // S = 10
  card.answer_at(test::at("2026-01-11T09:00:00Z"), Rating::good);
  CHECK(card.state().stability > 10);
  const fsrs::Model model;
  CHECK(card.state().difficulty == Approx(model.next_difficulty(model.from_sm2(2.5, 10, 0.9).difficulty, 3)));
}
