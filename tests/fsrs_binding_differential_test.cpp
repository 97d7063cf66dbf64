// `rehearse optimize` against fsrs-rs, the optimizer Anki runs, through its napi binding
// (@open-spaced-repetition/binding, tools/fsrs-binding/fit.mjs): on logs of simulated learners
// with known memories, fsrs-rs fits its own parameters, then judges both fits with its own
// evaluate() on the same items. rehearse's fit must predict the reviews about as well: a log loss
// at most 0.002 above fsrs-rs's, an RMSE(bins) at most 10% above.
//
// Hidden from the default run: it needs Node.js 20 and the binding, which the CTest fixture
// fsrs_binding_install installs (tests/CMakeLists.txt) and passes in REHEARSE_FSRS_BINDING.
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "learner_simulator.h"
#include "test_support.h"

using nlohmann::json;
using rehearse::tools::LearnerProfile;
using rehearse::tools::SimulatedReview;

namespace {

json run_json(const std::string& command) {
  std::FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int status = ::pclose(pipe);
  INFO(command << "\n" << out);
  REQUIRE(status == 0);
  return json::parse(out);
}

void compare_with_fsrs_rs(const LearnerProfile& profile) {
  const char* binding = std::getenv("REHEARSE_FSRS_BINDING");
  if (!binding) FAIL("REHEARSE_FSRS_BINDING is not set; run this test through ctest");
  rehearse::test::TempDir dir;
  const auto reviews = rehearse::tools::simulate_learner(profile);
  REQUIRE(reviews.size() >= 10'000);
  const auto csv = dir.write("log.csv", rehearse::tools::to_revlog_csv(reviews));

  const auto ours = rehearse::test::run_program({"optimize", "--revlog", csv.string(), "--json"}, "", {"TZ=UTC"});
  INFO(ours.err);
  REQUIRE(ours.status == 0);
  const json fitted = json::parse(ours.out);
  REQUIRE(fitted["parameters"].size() == 21);

  dir.write("items.json", rehearse::tools::to_fsrs_items_json(reviews));
  dir.write("ours.json", json{{"rehearse", fitted["parameters"]}}.dump());
  const json judged = run_json(fmt::format("'{0}/node' '{0}/fit.mjs' '{1}' '{2}'", binding, (dir / "items.json").string(),
                                           (dir / "ours.json").string()));
  const double their_loss = judged["fsrs_rs"]["log_loss"], their_rmse = judged["fsrs_rs"]["rmse_bins"];
  const double our_loss = judged["rehearse"]["log_loss"], our_rmse = judged["rehearse"]["rmse_bins"];
  INFO(fmt::format("{} reviews; fsrs-rs: log loss {:.5f}, RMSE(bins) {:.5f}; rehearse: {:.5f}, {:.5f}\nfsrs-rs: {}\nrehearse: {}",
                   reviews.size(), their_loss, their_rmse, our_loss, our_rmse, judged["fsrs_rs"]["parameters"].dump(),
                   fitted["parameters"].dump()));
  CHECK(our_loss <= their_loss + 0.002);
  CHECK(our_rmse <= their_rmse * 1.10);
}

}  // namespace

TEST_CASE("optimize fits a learner with the default memory as well as fsrs-rs does", "[.fsrs-rs]") {
  LearnerProfile profile;
  profile.seed = 20261206;
  compare_with_fsrs_rs(profile);
}

TEST_CASE("optimize fits a learner who forgets faster as well as fsrs-rs does", "[.fsrs-rs]") {
  // The first FSRS-6 defaults (fsrs-rs #313): a steeper forgetting curve (decay 0.2), a larger
  // hard penalty and easy bonus.
  LearnerProfile profile;
  profile.parameters = {0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57,  2.0966, 0.0069, 1.5261, 0.112, 1.0178,
                        1.849,  0.1133, 0.3127, 2.2934,  0.2191, 3.0004, 0.7536, 0.3332, 0.1437, 0.2};
  profile.seed = 42;
  profile.desired_retention = 0.85;
  compare_with_fsrs_rs(profile);
}
