// The FSRS optimizer (plugins/scheduler/fsrs/fsrs_optimizer.h): its gradient against the reference
// values of fsrs-optimizer and fsrs-rs (tests/data/fsrs_vectors.json, "optimizer_loss_and_grad"),
// the items it builds, the outlier filter and size thresholds of fsrs-rs, and that it finds a
// simulated learner's memory again.
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fsrs_optimizer.h"
#include "fsrs_pretrain.h"
#include "fsrs_training_set.h"
#include "learner_simulator.h"
#include "test_support.h"

using nlohmann::json;
using namespace rehearse::fsrs;

namespace {

const json& optimizer_vector() {
  static const json data = [] {
    std::ifstream in(std::string(REHEARSE_SOURCE_DIR) + "/tests/data/fsrs_vectors.json");
    REQUIRE(in);
    const json all = json::parse(in);
    for (const auto& v : all["vectors"])
      if (v["id"] == "optimizer_loss_and_grad") return v;
    FAIL("no optimizer_loss_and_grad vector");
    return json();
  }();
  return data;
}

// The four toy cards of the vector: each card's history, then the predicted review (label 1:
// recalled, given as Good; 0: forgotten, Again) with weight 1.
std::vector<CardSequence> toy_cards() {
  const json& input = optimizer_vector()["input"];
  std::vector<CardSequence> cards(4);
  for (std::size_t c = 0; c < 4; ++c) {
    for (std::size_t k = 0; k < input["t_histories"].size(); ++k)
      cards[c].reviews.push_back({input["r_histories"][k][c].get<int>(), input["t_histories"][k][c].get<int>()});
    cards[c].reviews.push_back({input["labels"][c].get<int>() == 1 ? 3 : 1, input["delta_ts"][c].get<int>()});
    cards[c].weights.assign(cards[c].reviews.size(), 0);
    cards[c].weights.back() = 1;
  }
  return cards;
}

Parameters from_json(const json& values) {
  Parameters w{};
  for (std::size_t i = 0; i < kParameterCount; ++i) w[i] = values[i].get<double>();
  return w;
}

std::vector<CardLog> logs_of(const std::vector<rehearse::tools::SimulatedReview>& reviews) {
  // Days counted from UTC midnight, as the simulator's reviews all fall between 9 am and the
  // evening; the program counts them the same way with TZ=UTC.
  std::map<std::int64_t, CardLog> by_card;
  std::map<std::int64_t, std::int64_t> last_day;
  for (const auto& r : reviews) {
    CardLog& log = by_card[r.card_id];
    const std::int64_t day = (r.reviewed_ms - 4 * 3'600'000) / 86'400'000;
    const auto it = last_day.find(r.card_id);
    log.reviews.push_back({r.rating, it == last_day.end() ? 0 : static_cast<int>(day - it->second)});
    log.times_ms.push_back(r.reviewed_ms);
    last_day[r.card_id] = day;
  }
  std::vector<CardLog> logs;
  for (auto& [id, log] : by_card) logs.push_back(std::move(log));
  return logs;
}

}  // namespace

TEST_CASE("the optimizer's loss and gradient match fsrs-optimizer's reference values", "[fsrs][optimizer]") {
  const json& expected = optimizer_vector()["expected"];
  std::array<double, kParameterCount> gradient{};
  const double loss = prediction_loss(kDefaultParameters, toy_cards(), &gradient);
  CHECK(loss == Approx(expected["loss"].get<double>()).epsilon(1e-5));
  for (std::size_t j = 0; j < kParameterCount; ++j) {
    INFO("w" << j);
    CHECK(gradient[j] == Approx(expected["grad"][j].get<double>()).margin(1e-4).epsilon(1e-3));
  }

  // The second pass, at the parameters after one Adam step: other values, and w12 and w20 on
  // their way out of bounds.
  const Parameters stepped = from_json(expected["w_after_one_adam_step_no_clip"]);
  const double second = prediction_loss(stepped, toy_cards(), &gradient);
  CHECK(second == Approx(expected["second_pass_loss_at_updated_w"].get<double>()).epsilon(1e-5));
  for (std::size_t j = 0; j < kParameterCount; ++j) {
    INFO("w" << j);
    CHECK(gradient[j] == Approx(expected["second_pass_grad"][j].get<double>()).margin(1e-4).epsilon(1e-3));
  }
}

TEST_CASE("the optimizer's L2 prior matches fsrs-rs's penalty", "[fsrs][optimizer]") {
  const json& expected = optimizer_vector()["expected"];
  const Parameters stepped = from_json(expected["w_after_one_adam_step_no_clip"]);
  std::array<double, kParameterCount> gradient{};
  // fsrs-rs scales the penalty of a batch by its share of the items: 512 of 1000, gamma 2 here.
  const double penalty = prior_penalty(stepped, kDefaultParameters, 512.0 / 1000 * 2, &gradient);
  CHECK(penalty == Approx(expected["penalty_at_that_w"]["value"].get<double>()).epsilon(1e-5));
  for (std::size_t j = 0; j < kParameterCount; ++j) {
    INFO("w" << j);
    CHECK(gradient[j] == Approx(expected["penalty_grad"][j].get<double>()).margin(1e-5).epsilon(1e-4));
  }
}

TEST_CASE("items are the reviews on a later day, as fsrs-rs makes them", "[fsrs][optimizer]") {
  // fsrs-rs's conversion test (the vector fsrs_item_conversion): ratings 3 4 3 3 3 2 3 on days
  // 0 0 5 10 22 56 64 make five items, one per later-day review.
  const std::vector<int> ratings = {3, 4, 3, 3, 3, 2, 3}, gaps = {0, 0, 5, 10, 22, 56, 64};
  std::vector<CardLog> logs;
  // Enough such cards that the outlier filter (at least 20 items, groups of 6) keeps them.
  for (int card = 0; card < 30; ++card) {
    CardLog log;
    for (std::size_t i = 0; i < ratings.size(); ++i) {
      log.reviews.push_back({ratings[i], gaps[i]});
      log.times_ms.push_back(card * 1000 + static_cast<std::int64_t>(i) * 86'400'000);
    }
    logs.push_back(log);
  }
  // And one card whose first later-day review came after 400 days: an outlier, dropped whole.
  logs.push_back({{{3, 0}, {3, 400}, {3, 10}}, {0, 1, 2}});
  const TrainingSet set = build_training_set(logs);
  CHECK(set.cards.size() == 30);
  CHECK(set.items == 30 * 5);
  CHECK(set.pretrain_items == 30);
  const CardSequence& card = set.cards.front();
  CHECK(card.weights[0] == 0);
  CHECK(card.weights[1] == 0);  // the same-day review is history only
  for (std::size_t i = 2; i < card.weights.size(); ++i) CHECK(card.weights[i] > 0);
  // Recency: the last review weighs 1, the first 0.25.
  double lowest = 1, highest = 0;
  for (const auto& c : set.cards)
    for (double w : c.weights)
      if (w > 0) lowest = std::min(lowest, w), highest = std::max(highest, w);
  CHECK(lowest == Approx(0.25));
  CHECK(highest == Approx(1.0));
}

TEST_CASE("initial stabilities are put in order and missing ones filled in", "[fsrs][optimizer]") {
  // Hard found above Good with fewer reviews behind it: it takes Good's value.
  const InitialStabilities ordered = smooth_and_fill({{1, 0.5}, {2, 3.0}, {3, 2.0}, {4, 9.0}}, {{1, 50}, {2, 5}, {3, 500}, {4, 80}});
  REQUIRE(ordered.found);
  CHECK(ordered.values[1] == Approx(2.0));
  CHECK(std::is_sorted(ordered.values.begin(), ordered.values.end()));
  // Only Good seen: the defaults scaled by Good's ratio to its default.
  const InitialStabilities scaled = smooth_and_fill({{3, 2 * kDefaultParameters[2]}}, {{3, 100}});
  REQUIRE(scaled.found);
  for (std::size_t i = 0; i < 4; ++i) CHECK(scaled.values[i] == Approx(2 * kDefaultParameters[i]));
  CHECK_FALSE(smooth_and_fill({}, {}).found);
}

TEST_CASE("small logs keep the defaults, or fit only the initial stabilities, as fsrs-rs does", "[fsrs][optimizer]") {
  rehearse::tools::LearnerProfile profile;
  profile.days = 3;
  profile.new_per_day = 1;
  const TrainingSet tiny = build_training_set(logs_of(rehearse::tools::simulate_learner(profile)));
  REQUIRE(tiny.items < 8);
  const FitOutcome kept = fit_parameters(tiny);
  CHECK(kept.parameters == kDefaultParameters);
  CHECK_THAT(kept.note, Catch::Contains("fewer than 8"));

  // The shortest log with 8 to 63 reviews to predict (after the outlier filter).
  profile.new_per_day = 3;
  TrainingSet small;
  for (profile.days = 5; profile.days < 60; ++profile.days) {
    small = build_training_set(logs_of(rehearse::tools::simulate_learner(profile)));
    if (small.items >= 8) break;
  }
  REQUIRE(small.items >= 8);
  REQUIRE(small.items < 64);
  const FitOutcome pretrained = fit_parameters(small);
  CHECK_THAT(pretrained.note, Catch::Contains("only the initial stabilities"));
  for (std::size_t j = 4; j < kParameterCount; ++j) CHECK(pretrained.parameters[j] == kDefaultParameters[j]);
}

TEST_CASE("the optimizer finds a simulated learner's memory again", "[fsrs][optimizer]") {
  // A learner who forgets faster than the defaults say, and finds Hard harder.
  rehearse::tools::LearnerProfile profile;
  profile.parameters = {0.3, 1.0, 3.0, 12.0, 7.0, 0.6, 2.0, 0.01, 1.3, 0.2, 1.2, 1.8, 0.1, 0.35, 2.0, 0.3, 2.5, 0.5, 0.2, 0.1, 0.3};
  profile.seed = 7;
  const TrainingSet set = build_training_set(logs_of(rehearse::tools::simulate_learner(profile)));
  REQUIRE(set.items > 5000);
  const FitOutcome fitted = fit_parameters(set);
  CHECK(fitted.note.empty());
  CHECK(check_parameters(std::vector<double>(fitted.parameters.begin(), fitted.parameters.end())).empty());
  const Evaluation truth = evaluate(profile.parameters, set), found = evaluate(fitted.parameters, set),
                   defaults = evaluate(kDefaultParameters, set);
  INFO("true " << truth.log_loss << "/" << truth.rmse_bins << ", fitted " << found.log_loss << "/" << found.rmse_bins
               << ", defaults " << defaults.log_loss << "/" << defaults.rmse_bins);
  // The fit predicts the reviews at least about as well as the learner's true memory does (it
  // may do a little better on the reviews it was fitted to), and clearly better than the defaults.
  CHECK(found.log_loss <= truth.log_loss + 0.002);
  CHECK(found.log_loss < defaults.log_loss);
  CHECK(found.rmse_bins < defaults.rmse_bins);
}

TEST_CASE("the gradient derived by hand equals automatic differentiation on a simulated log", "[fsrs][optimizer]") {
  rehearse::tools::LearnerProfile profile;
  profile.days = 120;
  profile.seed = 11;
  const TrainingSet set = build_training_set(logs_of(rehearse::tools::simulate_learner(profile)));
  REQUIRE(set.items > 1000);
  // At the defaults, and away from them, where other branches (the lapse cap, the same-day floor)
  // are taken.
  const Parameters elsewhere = {0.3, 1.0, 3.0, 12.0, 7.0, 0.6, 2.0, 0.01, 1.3, 0.2, 1.2, 1.8, 0.1, 0.35, 2.0, 0.3, 2.5, 1.5, 0.6, 0.1, 0.3};
  for (const Parameters& parameters : {kDefaultParameters, elsewhere}) {
    std::array<double, kParameterCount> by_hand{}, automatic{};
    const double loss = prediction_loss(parameters, set.cards, &by_hand);
    CHECK(loss == Approx(prediction_loss_autodiff(parameters, set.cards, automatic)).epsilon(1e-12));
    for (std::size_t j = 0; j < kParameterCount; ++j) {
      INFO("w" << j);
      CHECK(by_hand[j] == Approx(automatic[j]).epsilon(1e-8).margin(1e-9));
    }
  }
}
