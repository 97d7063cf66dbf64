// The FSRS-6 memory model against the reference values quoted from the public test suites of
// fsrs-rs, ts-fsrs, py-fsrs, go-fsrs and fsrs-optimizer (tests/data/fsrs_vectors.json, with the
// source of every value).
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fsrs_model.h"
#include "test_support.h"

using nlohmann::json;
using rehearse::fsrs::MemoryState;
using rehearse::fsrs::Model;
using rehearse::fsrs::Parameters;

namespace {

const json& vectors() {
  static const json data = [] {
    std::ifstream in(std::string(REHEARSE_SOURCE_DIR) + "/tests/data/fsrs_vectors.json");
    REQUIRE(in);
    return json::parse(in);
  }();
  return data;
}

const json& vector_named(const std::string& id) {
  for (const auto& v : vectors()["vectors"])
    if (v["id"] == id) return v;
  FAIL("no vector " << id);
  throw std::logic_error("unreachable");
}

// A parameter set by name. FSRS-5's 19 values take w19 = 0 and w20 = 0.5 (fsrs-rs
// check_and_fill_parameters); {"w20": x} is the defaults with one value changed.
Parameters parameters(const json& spec) {
  Parameters w = rehearse::fsrs::kDefaultParameters;
  if (spec.is_object()) {
    for (const auto& [key, value] : spec.items()) w[std::stoul(key.substr(1))] = value.get<double>();
    return w;
  }
  const auto values = vectors()["parameter_sets"][spec.get<std::string>()]["values"].get<std::vector<double>>();
  REQUIRE((values.size() == 21 || values.size() == 19));
  std::copy(values.begin(), values.end(), w.begin());
  if (values.size() == 19) {
    w[19] = 0;
    w[20] = 0.5;
  }
  return w;
}

// Equal within the source's tolerance, or 1e-5 relative (the sources that compute in single
// precision differ from double precision by about that much).
void check_close(double actual, double expected, double tolerance = 1e-6) {
  INFO("actual " << actual << ", expected " << expected);
  CHECK((std::abs(actual - expected) <= tolerance || std::abs(actual - expected) <= 1e-5 * std::abs(expected)));
}

double tolerance_of(const json& vector) { return vector["tolerance"].is_number() ? vector["tolerance"].get<double>() : 1e-4; }

MemoryState run(const Model& model, const json& reviews) {
  MemoryState memory = model.initial(reviews[0][0].get<int>());
  for (size_t i = 1; i < reviews.size(); ++i) memory = model.next(memory, reviews[i][1].get<double>(), reviews[i][0].get<int>());
  return memory;
}

}  // namespace

TEST_CASE("the forgetting curve gives the reference retrievability", "[fsrs]") {
  for (const auto& v : vectors()["vectors"]) {
    if (v["kind"] != "forgetting_curve") continue;
    INFO(v["id"]);
    const Model model(parameters(v["params"]));
    const auto t = v["input"]["t"].get<std::vector<double>>();
    const auto s = v["input"]["S"].get<std::vector<double>>();
    const auto r = v["expected"]["R"].get<std::vector<double>>();
    for (size_t i = 0; i < t.size(); ++i) check_close(model.retrievability(t[i], s[i]), r[i], tolerance_of(v));
  }
  // By construction: 90% at t = S, whatever the decay.
  CHECK(Model().retrievability(37, 37) == Approx(0.9).epsilon(1e-12));
}

TEST_CASE("a first rating sets stability to w[G-1] and the reference difficulty", "[fsrs]") {
  for (const std::string id : {"init_state_fsrs6", "init_state_fsrs5"}) {
    const json& v = vector_named(id);
    INFO(id);
    const Model model(parameters(v["params"]));
    const auto s = v["expected"]["S"].get<std::vector<double>>();
    const auto d = v["expected"]["D_clamped"].get<std::vector<double>>();
    for (int rating = 1; rating <= 4; ++rating) {
      const MemoryState memory = model.initial(rating);
      check_close(memory.stability, s[static_cast<size_t>(rating - 1)], 1e-9);
      check_close(memory.difficulty, d[static_cast<size_t>(rating - 1)], 1e-8);
    }
  }
  // The mean-reversion target is D0(Easy) unclamped.
  const auto unclamped = vector_named("init_state_fsrs6")["expected"]["D_unclamped_computed_by_researcher"].get<std::vector<double>>();
  check_close(Model().initial_difficulty(4), unclamped[3], 1e-12);
  CHECK(Model().initial(4).difficulty == 1);
}

TEST_CASE("difficulty moves with linear damping and reverts to the mean", "[fsrs]") {
  const json& v = vector_named("next_difficulty_D5");
  const auto expected = v["expected"]["final_ts_fsrs_f64_8dp"].get<std::vector<double>>();
  for (int rating = 1; rating <= 4; ++rating)
    check_close(Model().next_difficulty(5.0, rating), expected[static_cast<size_t>(rating - 1)], 1e-7);
  CHECK(Model().next_difficulty(10, 1) <= 10);  // never beyond 10
  CHECK(Model().next_difficulty(1, 4) == 1);    // nor below 1
}

TEST_CASE("stability after a success, a lapse and a same-day review match the references", "[fsrs]") {
  const Model model;
  {
    const json& v = vector_named("stability_after_success");
    const auto& in = v["input"];
    const auto expected = v["expected"]["S_recall_ts_fsrs_f64_8dp"].get<std::vector<double>>();
    for (size_t i = 0; i < 4; ++i)
      check_close(model.recall_stability(in["D"][i].get<double>(), in["S"][i].get<double>(), in["R"][i].get<double>(),
                                         in["rating"][i].get<int>()),
                  expected[i], 1e-7);
  }
  {
    const json& v = vector_named("stability_after_failure");
    const auto& in = v["input"];
    const auto expected = v["expected"]["S_forget_ts_fsrs_f64_8dp"].get<std::vector<double>>();
    for (size_t i = 0; i < 4; ++i)
      check_close(model.forget_stability(in["D"][i].get<double>(), in["S"][i].get<double>(), in["R"][i].get<double>()), expected[i],
                  1e-7);
  }
  {
    // The current rule: Hard never lowers stability on the same day (5.0, not 2.747).
    const json& v = vector_named("short_term_stability_S5");
    const auto expected = v["expected"]["S_current_rule_SInc_ge1_for_rating_ge2"].get<std::vector<double>>();
    for (int rating = 1; rating <= 4; ++rating)
      check_close(model.short_term_stability(5.0, rating), expected[static_cast<size_t>(rating - 1)], 1e-5);
  }
}

TEST_CASE("the interval for a desired retention matches ts-fsrs in double precision", "[fsrs]") {
  const json& v = vector_named("next_interval_S1_by_DR");
  const auto retention = v["input"]["desired_retention"].get<std::vector<double>>();
  const auto expected = v["expected"]["ts_fsrs_f64"].get<std::vector<long long>>();
  for (size_t i = 0; i < retention.size(); ++i) {
    INFO("desired retention " << retention[i]);
    CHECK(std::max(1LL, std::llround(Model().interval(1.0, retention[i]))) == expected[i]);
  }
  const json& identity = vector_named("next_interval_identity_DR0.9");
  check_close(Model(parameters(identity["params"])).interval(121.01552, 0.9), 121.01552, 1e-9);
}

TEST_CASE("memory states after whole review histories match the references", "[fsrs]") {
  for (const auto& v : vectors()["vectors"]) {
    if (v["kind"] != "memory_state_sequence") continue;
    INFO(v["id"]);
    const auto& expected = v["expected"];
    if (v["params"].is_string() && v["params"].get<std::string>().starts_with("FSRS6_DEFAULT with w17")) {
      // Without short-term scheduling (ts-fsrs enable_short_term = false), in double precision.
      const MemoryState memory = run(Model(rehearse::fsrs::kDefaultParameters, /*short_term=*/false), v["input"]["reviews"]);
      check_close(memory.stability, expected["S_f64_computed_by_researcher"].get<double>(), 1e-6);
      check_close(memory.stability, expected["S"].get<double>(), tolerance_of(v));
      check_close(memory.difficulty, expected["D"].get<double>(), tolerance_of(v));
      continue;
    }
    const Parameters w = parameters(v["params"]);
    const MemoryState memory = run(Model(w), v["input"]["reviews"]);
    const double tolerance = v["tolerance"].is_number() ? v["tolerance"].get<double>() : 1e-4;
    check_close(memory.stability, expected.contains("S") ? expected["S"].get<double>() : expected["S_short_term"].get<double>(), tolerance);
    check_close(memory.difficulty, expected["D"].get<double>(), tolerance);
    if (expected.contains("S_long_term_enable_short_term_false"))
      check_close(run(Model(w, false), v["input"]["reviews"]).stability, expected["S_long_term_enable_short_term_false"].get<double>(),
                  tolerance);
  }
}

TEST_CASE("two-review histories match fsrs-optimizer's forward pass", "[fsrs]") {
  const json& v = vector_named("two_step_forward_default");
  const auto& sequences = v["input"]["sequences"];
  for (size_t i = 0; i < sequences.size(); ++i) {
    INFO("sequence " << i);
    const MemoryState memory = run(Model(), sequences[i]);
    check_close(memory.stability, v["expected"]["S"][i].get<double>(), 1e-4);
    check_close(memory.difficulty, v["expected"]["D"][i].get<double>(), 1e-4);
  }
}

TEST_CASE("the four possible next states match fsrs-rs's next_states", "[fsrs]") {
  {
    const json& v = vector_named("next_states_P19_from_state");
    const Model model(parameters(v["params"]));
    const auto& state = v["input"]["state"];
    const MemoryState good =
        model.next({state["S"].get<double>(), state["D"].get<double>()}, v["input"]["delta_t"].get<double>(), 3);
    check_close(good.stability, v["expected"]["good"]["S"].get<double>(), 1e-4);
    check_close(good.difficulty, v["expected"]["good"]["D"].get<double>(), 1e-4);
  }
  const json& v = vector_named("next_states_P19_after_history");
  const Model model(parameters(v["params"]));
  const MemoryState before = run(model, v["input"]["history"]);
  const char* buttons[] = {"again", "hard", "good", "easy"};
  for (int rating = 1; rating <= 4; ++rating) {
    INFO(buttons[rating - 1]);
    const auto& expected = v["expected"][buttons[rating - 1]];
    const MemoryState after = model.next(before, v["input"]["delta_t"].get<double>(), rating);
    check_close(after.stability, expected["S"].get<double>(), 1e-4);
    check_close(after.difficulty, expected["D"].get<double>(), 1e-4);
    check_close(model.interval(after.stability, 0.9), expected["interval"].get<double>(), 1e-4);
  }
}

TEST_CASE("the memories after every rating of one review are those of each rating alone", "[fsrs]") {
  for (const bool short_term : {true, false}) {
    const Model model(rehearse::fsrs::kDefaultParameters, short_term);
    for (const MemoryState before : {MemoryState{0.4, 8.7}, MemoryState{3.2, 5.1}, MemoryState{240, 2.3}}) {
      for (const double elapsed : {0.0, 1.0, 9.0, 400.0}) {
        INFO("short term " << short_term << ", S " << before.stability << ", D " << before.difficulty << ", " << elapsed << " days");
        const auto each = model.next_for_each_rating(before, elapsed, /*with_again=*/true);
        for (int rating = 1; rating <= 4; ++rating) {
          const MemoryState alone = model.next(before, elapsed, rating);
          CHECK(each[static_cast<size_t>(rating - 1)].stability == Approx(alone.stability).epsilon(1e-12));
          CHECK(each[static_cast<size_t>(rating - 1)].difficulty == Approx(alone.difficulty).epsilon(1e-12));
        }
        CHECK(model.next_for_each_rating(before, elapsed, /*with_again=*/false)[0].stability == 0);
      }
    }
  }
}

TEST_CASE("a card from SM-2 gets the memory fsrs-rs derives from its ease and interval", "[fsrs]") {
  const json& v = vector_named("sm2_to_fsrs_memory_state");
  const auto& cases = v["input"]["cases"];
  for (size_t i = 0; i < cases.size(); ++i) {
    INFO("case " << i);
    const MemoryState memory =
        Model().from_sm2(cases[i]["ease"].get<double>(), cases[i]["interval"].get<double>(), cases[i]["sm2_retention"].get<double>());
    check_close(memory.stability, v["expected"]["S_D"][i][0].get<double>(), 1e-4);
    check_close(memory.difficulty, v["expected"]["S_D"][i][1].get<double>(), 1e-4);
  }
}

TEST_CASE("a parameter list must have 21 numbers within their published bounds", "[fsrs]") {
  using rehearse::fsrs::check_parameters;
  std::vector<double> w(rehearse::fsrs::kDefaultParameters.begin(), rehearse::fsrs::kDefaultParameters.end());
  CHECK(check_parameters(w).empty());
  for (const auto& set : vectors()["parameter_sets"].items()) {
    const auto values = set.value()["values"].get<std::vector<double>>();
    if (values.size() == 21) CHECK(check_parameters(values).empty());
  }

  CHECK(check_parameters(std::vector<double>(w.begin(), w.begin() + 19)) == "FSRS-6 takes 21 parameters (w0 to w20); 19 were given");
  auto bad = w;
  bad[17] = 2.5;
  CHECK(check_parameters(bad) == "w17 is 2.5, outside its range 0 to 2");
  bad = w;
  bad[20] = 0.05;
  CHECK(check_parameters(bad) == "w20 is 0.05, outside its range 0.1 to 0.8");
  bad = w;
  bad[4] = NAN;
  CHECK_THAT(check_parameters(bad), Catch::StartsWith("w4 is nan"));
}
