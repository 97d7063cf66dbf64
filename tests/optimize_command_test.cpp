// `rehearse optimize` as a user runs it: on a CSV review log, saving the fitted parameters where
// the fsrs scheduler reads them (the collection's setting or a deck's preset) only when they are
// better, refusing bad logs with the file and line, and leaving a read-only collection untouched.
#include <fmt/format.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "anki_fixture.h"
#include "fsrs_model.h"
#include "learner_simulator.h"
#include "test_support.h"

using nlohmann::json;
using rehearse::test::run_program;
using rehearse::test::TempDir;

namespace {

std::string simulated_log(int days, int new_per_day, std::uint64_t seed = 3) {
  rehearse::tools::LearnerProfile profile;
  profile.days = days;
  profile.new_per_day = new_per_day;
  profile.seed = seed;
  return rehearse::tools::to_revlog_csv(rehearse::tools::simulate_learner(profile));
}

std::vector<double> numbers(const json& list) { return list.get<std::vector<double>>(); }

}  // namespace

TEST_CASE("optimize fits a CSV log and says how much better the fitted parameters predict it", "[optimize]") {
  TempDir dir;
  const auto log = dir.write("log.csv", simulated_log(60, 10));
  const auto result = run_program({"optimize", "--revlog", log.string(), "--json"}, "", {"TZ=UTC"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const json report = json::parse(result.out);
  CHECK(report["reviews"].get<int>() > 64);
  CHECK(report["parameters"].size() == 21);
  CHECK(rehearse::fsrs::check_parameters(numbers(report["parameters"])).empty());
  CHECK(report["fitted"]["log_loss"].get<double>() < report["current"]["log_loss"].get<double>());
  CHECK(report["fitted"]["rmse_bins"].get<double>() >= 0);
  CHECK(report["applied"] == false);

  const auto text = run_program({"optimize", "--revlog", log.string()}, "", {"TZ=UTC"});
  CHECK(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("log loss") && Catch::Contains("RMSE(bins)") && Catch::Contains("fitted parameters"));
  CHECK(text.err.empty());  // no progress bar when standard error is not a terminal
}

TEST_CASE("optimize keeps the defaults for a log below fsrs-rs's thresholds", "[optimize]") {
  TempDir dir;
  const auto log = dir.write("log.csv", simulated_log(3, 1));
  const auto result = run_program({"optimize", "--revlog", log.string(), "--json"}, "", {"TZ=UTC"});
  REQUIRE(result.status == 0);
  const json report = json::parse(result.out);
  const auto& defaults = rehearse::fsrs::kDefaultParameters;
  CHECK(numbers(report["parameters"]) == std::vector<double>(defaults.begin(), defaults.end()));
  CHECK_THAT(report["note"].get<std::string>(), Catch::Contains("default parameters are kept"));
  const auto text = run_program({"optimize", "--revlog", log.string()}, "", {"TZ=UTC"});
  CHECK_THAT(text.out, Catch::Contains("fewer than 8 reviews to predict"));
}

TEST_CASE("optimize refuses a bad review log with the file and line", "[optimize]") {
  TempDir dir;
  const std::string header = "card_id,review_time,review_rating\n";
  const auto rating = dir.write("rating.csv", header + "1,1735722000000,3\n1,1735808400000,5\n");
  const auto time = dir.write("time.csv", header + "1,1735722000000,3\n1,yesterday,3\n");
  const auto order = dir.write("order.csv", header + "1,1735808400000,3\n1,1735722000000,3\n");
  for (const auto& file : {rating, time, order}) {
    const auto result = run_program({"optimize", "--revlog", file.string()}, "", {"TZ=UTC"});
    INFO(file.filename());
    CHECK(result.status == 1);
    CHECK_THAT(result.err, Catch::Contains(file.string() + ":3:"));
  }
}

TEST_CASE("optimize --apply saves better parameters where the fsrs scheduler reads them", "[optimize]") {
  TempDir dir;
  const auto log = dir.write("log.csv", simulated_log(60, 10));
  const std::string collection = (dir / "collection.db").string();
  const std::vector<std::string> env = {"TZ=UTC"};

  SECTION("for the collection, and not again when they are no better") {
    const auto applied = run_program({"--collection", collection, "optimize", "--revlog", log.string(), "--apply", "--json"}, "", env);
    INFO(applied.err);
    REQUIRE(applied.status == 0);
    const json report = json::parse(applied.out);
    CHECK(report["applied"] == true);
    const auto saved = run_program({"--collection", collection, "config", "get", "scheduler.fsrs.parameters"}, "", env);
    REQUIRE(saved.status == 0);
    std::string value = saved.out;
    while (!value.empty() && value.back() == '\n') value.pop_back();
    const auto values = rehearse::parse_number_list(value);
    REQUIRE(values.has_value());
    CHECK(*values == numbers(report["parameters"]));

    // The same fit again starts from what was saved: nothing better, nothing saved.
    const auto again = run_program({"--collection", collection, "optimize", "--revlog", log.string(), "--apply"}, "", env);
    REQUIRE(again.status == 0);
    CHECK_THAT(again.out, Catch::Contains("not saved"));
  }

  SECTION("for a deck's preset with --deck") {
    const auto applied =
        run_program({"--collection", collection, "optimize", "--deck", "The STAR method", "--revlog", log.string(), "--apply"}, "", env);
    INFO(applied.err);
    REQUIRE(applied.status == 0);
    CHECK_THAT(applied.out, Catch::Contains("saved"));
    const auto preset =
        run_program({"--collection", collection, "config", "get", "deck.The STAR method.scheduler.fsrs.parameters", "--json"}, "", env);
    CHECK_THAT(preset.out, Catch::Contains("\"from\": \"deck The STAR method\""));
    const auto global = run_program({"--collection", collection, "config", "get", "scheduler.fsrs.parameters", "--json"}, "", env);
    CHECK_THAT(global.out, Catch::Contains("\"from\": \"default\""));  // the collection's own setting is untouched
  }
}

TEST_CASE("optimize --apply on a read-only collection says so and changes nothing", "[optimize]") {
  TempDir dir;
  const auto log = dir.write("log.csv", simulated_log(60, 10));
  const auto collection = dir / "collection.db";
  REQUIRE(run_program({"--collection", collection.string(), "stats"}, "", {"TZ=UTC"}).status == 0);
  const std::string before = rehearse::test::read_text(collection);
  const auto entries_before = std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator());

  ::chmod(collection.c_str(), 0444);
  ::chmod(dir.path().c_str(), 0555);
  std::string output;
  int status = -1;
  if (::geteuid() == 0) {
    // File modes do not stop root: run the program as an unprivileged user instead.
    if (!::getpwnam("nobody")) {
      WARN("skipped: running as root and there is no user 'nobody' to run the program as");
      ::chmod(dir.path().c_str(), 0755);
      return;
    }
    const std::string command = fmt::format("runuser -u nobody -- '{}' --collection '{}' optimize --revlog '{}' --apply 2>&1",
                                            REHEARSE_TEST_PROGRAM, collection.string(), log.string());
    std::FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    status = WEXITSTATUS(::pclose(pipe));
  } else {
    const auto result = run_program({"--collection", collection.string(), "optimize", "--revlog", log.string(), "--apply"}, "", {"TZ=UTC"});
    status = result.status;
    output = result.err;
  }
  ::chmod(dir.path().c_str(), 0755);
  ::chmod(collection.c_str(), 0644);
  INFO(output);
  CHECK(status == 1);
  CHECK_THAT(output, Catch::Contains("read-only") && Catch::Contains("nothing was changed"));
  CHECK(rehearse::test::read_text(collection) == before);
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == entries_before);
}

TEST_CASE("optimize --deck fits one deck's own review log, as the same log exported to CSV", "[optimize]") {
  // A simulated learner's reviews, brought into a collection with their history from an Anki
  // package, in a deck of their own beside the bundled decks.
  rehearse::tools::LearnerProfile profile;
  profile.days = 45;
  profile.new_per_day = 8;
  profile.seed = 5;
  const auto reviews = rehearse::tools::simulate_learner(profile);
  rehearse::test::AnkiPackageBuilder anki(rehearse::test::AnkiPackageBuilder::Layout::legacy2);
  const auto basic = anki.note_type("Basic", {"Front", "Back"});
  std::map<std::int64_t, std::int64_t> anki_card;
  for (const auto& review : reviews) {
    auto [it, added] = anki_card.try_emplace(review.card_id, 0);
    if (added)
      it->second = anki.note(basic, "Simulated", fmt::format("g-{}", review.card_id),
                             {fmt::format("Question {}", review.card_id), "Answer"}).front();
    anki.review(it->second, review.reviewed_ms, review.rating, added ? 0 : 1);
  }
  TempDir dir;
  const auto package = dir.write("simulated.apkg", anki.package());
  const std::string collection = (dir / "collection.db").string();
  const std::vector<std::string> env = {"TZ=UTC"};
  const auto imported = run_program({"--collection", collection, "import", package.string(), "--with-history"}, "", env);
  INFO(imported.err);
  REQUIRE(imported.status == 0);

  const auto from_deck = run_program({"--collection", collection, "optimize", "--deck", "Simulated", "--json"}, "", env);
  INFO(from_deck.err);
  REQUIRE(from_deck.status == 0);
  const json deck_report = json::parse(from_deck.out);
  CHECK(deck_report["reviews"].get<int>() >= 64);
  CHECK(deck_report["applied"] == false);

  // The deck's log, exported and fitted as a CSV, gives the same fit.
  const auto exported = dir / "simulated.csv";
  REQUIRE(run_program({"--collection", collection, "export-revlog", exported.string()}, "", env).status == 0);
  const auto from_csv = run_program({"optimize", "--revlog", exported.string(), "--json"}, "", env);
  REQUIRE(from_csv.status == 0);
  const json csv_report = json::parse(from_csv.out);
  CHECK(csv_report["reviews"] == deck_report["reviews"]);
  CHECK(csv_report["parameters"] == deck_report["parameters"]);

  const auto applied = run_program({"--collection", collection, "optimize", "--deck", "Simulated", "--apply", "--json"}, "", env);
  REQUIRE(applied.status == 0);
  CHECK(json::parse(applied.out)["applied"] == true);
  const auto preset = run_program({"--collection", collection, "config", "get", "deck.Simulated.scheduler.fsrs.parameters", "--json"}, "", env);
  CHECK_THAT(preset.out, Catch::Contains("\"from\": \"deck Simulated\""));
}
