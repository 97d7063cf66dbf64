// Anki's SM-2, walked step by step with the defaults of the Anki manual (fuzz off, so every
// interval is exact).
#include <set>

#include "test_support.h"

using namespace rehearse;

namespace {

class Sm2Walk {
 public:
  Sm2Walk() {
    registry_host_.load_directory(REHEARSE_TEST_PLUGIN_DIR);
    scheduler_ = registry_.scheduler("sm2");
    REQUIRE(scheduler_ != nullptr);
    options_ = Options(scheduler_->options(), {{"fuzz", "false"}});
  }

  // Answers the card `days` days and `minutes` minutes after the previous answer.
  SchedulingState& answer(Rating rating, double days, double minutes = 0) {
    now_ += static_cast<std::int64_t>(days * kMsPerDay + minutes * kMsPerMinute);
    ReviewContext ctx;
    ctx.now_ms = now_;
    ctx.elapsed_days = state_.last_review_ms == 0 ? 0 : static_cast<int>((now_ - state_.last_review_ms) / kMsPerDay);
    ctx.options = &options_;
    state_ = scheduler_->next(state_, rating, ctx);
    return state_;
  }

  double minutes_until_due() const { return static_cast<double>(state_.due_ms - now_) / kMsPerMinute; }
  double days_until_due() const { return static_cast<double>(state_.due_ms - now_) / kMsPerDay; }
  const SchedulingState& state() const { return state_; }

 private:
  Registry registry_;
  PluginHost registry_host_{registry_};
  const Scheduler* scheduler_ = nullptr;
  Options options_;
  SchedulingState state_;
  std::int64_t now_ = test::at("2026-01-10T09:00:00Z");
};

}  // namespace

TEST_CASE("a new card goes through the learning steps 1m and 10m, then graduates to 1 day", "[sm2]") {
  Sm2Walk card;
  card.answer(Rating::good, 0);
  CHECK(card.state().state == CardState::learning);
  CHECK(card.minutes_until_due() == 10);  // Good on the first step moves to the second (10m)

  card.answer(Rating::good, 0, 10);
  CHECK(card.state().state == CardState::review);
  CHECK(card.days_until_due() == 1);  // graduating interval
  CHECK(card.state().ease == 2.5);    // starting ease 250%
}

TEST_CASE("in learning, Again goes back to the first step and Hard stays between the steps", "[sm2]") {
  Sm2Walk card;
  card.answer(Rating::again, 0);
  CHECK(card.minutes_until_due() == 1);
  card.answer(Rating::hard, 0, 1);
  CHECK(card.minutes_until_due() == 5.5);  // the mean of 1m and 10m on the first step
  card.answer(Rating::good, 0, 6);
  card.answer(Rating::hard, 0, 10);
  CHECK(card.minutes_until_due() == 10);  // Hard repeats a later step
  CHECK(card.state().state == CardState::learning);
}

TEST_CASE("Easy on a new card graduates it at once to 4 days", "[sm2]") {
  Sm2Walk card;
  card.answer(Rating::easy, 0);
  CHECK(card.state().state == CardState::review);
  CHECK(card.days_until_due() == 4);
}

TEST_CASE("reviews grow by the ease; Hard x1.2 and -15 points; Easy x ease x 1.3 and +15 points", "[sm2]") {
  Sm2Walk card;
  card.answer(Rating::easy, 0);  // 4 days, ease 2.5

  SECTION("Good multiplies the interval by the ease and keeps the ease") {
    card.answer(Rating::good, 4);
    CHECK(card.days_until_due() == 10);  // 4 x 2.5
    CHECK(card.state().ease == 2.5);
  }
  SECTION("Hard multiplies by 1.2 (at least a day more) and lowers the ease by 15 points") {
    card.answer(Rating::hard, 4);
    CHECK(card.days_until_due() == 5);  // 4 x 1.2 = 4.8
    CHECK(card.state().ease == Approx(2.35));
  }
  SECTION("Easy multiplies by ease x 1.3 and raises the ease by 15 points") {
    card.answer(Rating::easy, 4);
    CHECK(card.days_until_due() == 13);  // 4 x 2.5 x 1.3
    CHECK(card.state().ease == Approx(2.65));
  }
  SECTION("a late Good answer counts half the days late") {
    card.answer(Rating::good, 8);         // 4 days late
    CHECK(card.days_until_due() == 15);  // (4 + 4/2) x 2.5
  }
}

TEST_CASE("a lapse costs 20 points of ease, relearns for 10 minutes and returns at 1 day", "[sm2]") {
  Sm2Walk card;
  card.answer(Rating::easy, 0);
  card.answer(Rating::good, 4);  // 10 days
  card.answer(Rating::again, 10);
  CHECK(card.state().state == CardState::relearning);
  CHECK(card.state().lapses == 1);
  CHECK(card.state().ease == Approx(2.3));
  CHECK(card.minutes_until_due() == 10);

  card.answer(Rating::good, 0, 10);
  CHECK(card.state().state == CardState::review);
  CHECK(card.days_until_due() == 1);  // new interval 0% of 10 days, at least 1
}

TEST_CASE("the ease never falls below 130%", "[sm2]") {
  Sm2Walk card;
  card.answer(Rating::easy, 0);
  for (int lapse = 0; lapse < 10; ++lapse) {
    card.answer(Rating::again, card.days_until_due());
    card.answer(Rating::good, 0, 10);
  }
  CHECK(card.state().ease == Approx(1.3));
  CHECK(card.state().lapses == 10);
}

TEST_CASE("intervals stop at the maximum of 36500 days", "[sm2]") {
  Sm2Walk card;
  card.answer(Rating::easy, 0);
  for (int i = 0; i < 30; ++i) card.answer(Rating::easy, card.days_until_due());
  CHECK(card.days_until_due() == 36500);
}

TEST_CASE("with fuzz on, intervals spread a little but stay reproducible for the same card and review", "[sm2]") {
  Registry registry;
  PluginHost host(registry);
  host.load_directory(REHEARSE_TEST_PLUGIN_DIR);
  const Scheduler& sm2 = *registry.scheduler("sm2");
  const Options options(sm2.options(), {});
  SchedulingState review;
  review.state = CardState::review;
  review.interval_days = 20;
  review.ease = 2.5;
  review.last_review_ms = test::at("2026-01-01T09:00:00Z");
  std::set<double> intervals;
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    ReviewContext ctx{review.last_review_ms + 20 * kMsPerDay, 20, seed * 0x9e3779b97f4a7c15ULL, &options};
    const double first = sm2.next(review, Rating::good, ctx).interval_days;
    CHECK(sm2.next(review, Rating::good, ctx).interval_days == first);
    // 50 days, +- (1 + 15% of 4.5 + 10% of 13 + 5% of 30) = +- 4.475, rounded at both ends
    CHECK(first >= 46);
    CHECK(first <= 54);
    intervals.insert(first);
  }
  CHECK(intervals.size() > 3);
}
