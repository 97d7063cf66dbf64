// The `rehearse` program as a user and a script see it: a review session piped in, the JSON
// interfaces, and clear errors for bad arguments.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "rehearse/errors.h"
#include "test_support.h"

using namespace rehearse;
using nlohmann::json;
using test::TempDir;

namespace {

struct Program {
  TempDir dir;
  std::string collection = (dir / "collection.db").string();
  std::string now = "2026-03-02T08:00:00Z";

  test::ProgramResult run(std::vector<std::string> args, const std::string& input = "") const {
    args.insert(args.begin(), {"--collection", collection, "--now", now});
    return test::run_program(args, input);
  }
  json run_json(std::vector<std::string> args) const {
    args.push_back("--json");
    const auto result = run(std::move(args));
    REQUIRE(result.status == 0);
    return json::parse(result.out);
  }
};

}  // namespace

TEST_CASE("a scripted review session on the bundled decks is recorded and rescheduled", "[program]") {
  Program program;
  // A new collection starts with the bundled decks.
  const json before = program.run_json({"stats"});
  REQUIRE(before["cards"].get<int>() >= 140);
  CHECK(before["reviews_total"] == 0);
  CHECK(before["new_today"].get<int>() > 0);

  // Three cards: a typed answer rated good, a bare reveal rated "easy", a wrong rating then 1.
  const std::string session = "Situation, task, action, result\n\n3\n\neasy\n\nfive\n1\nq\n";
  const auto result = program.run({"review", "--deck", "The STAR method"}, session);
  CHECK(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("--- Answer ---"));
  CHECK_THAT(result.out, Catch::Contains("Please answer 1, 2, 3 or 4"));
  CHECK_THAT(result.out, Catch::Contains("Session done: 3 cards"));

  // Reopened: every answer is in the review log, and the cards moved on.
  TempDir unused;
  EngineConfig config;
  config.collection = program.collection;
  config.load_default_plugin_dirs = false;
  config.plugin_dirs.emplace_back(REHEARSE_TEST_PLUGIN_DIR);
  config.now_ms = test::at(program.now);
  Engine engine(config);
  const json after = program.run_json({"stats"});
  CHECK(after["reviews_total"] == 3);
  CHECK(after["reviews_today"] == 3);
  int learning = 0, review = 0;
  std::vector<Rating> ratings;
  for (const auto& card : engine.collection().find_cards("The STAR method", "", 1000)) {
    for (const auto& entry : engine.collection().review_log(card.id)) {
      ratings.push_back(entry.rating);
      CHECK(entry.before.state == CardState::new_card);
      CHECK(entry.after.due_ms > test::at(program.now));
    }
    learning += card.scheduling.state == CardState::learning;
    review += card.scheduling.state == CardState::review;
  }
  std::sort(ratings.begin(), ratings.end());
  CHECK(ratings == std::vector<Rating>{Rating::again, Rating::good, Rating::easy});
  CHECK(learning == 2);  // good on the first step, and again
  CHECK(review == 1);    // easy graduates at once
}

TEST_CASE("u takes back the last answer in a piped session", "[program]") {
  Program program;
  const auto result = program.run({"review", "--deck", "The STAR method"}, "\n3\n\nu\nq\n");
  CHECK_THAT(result.out, Catch::Contains("Undone"));
  CHECK(program.run_json({"stats"})["reviews_total"] == 0);
}

TEST_CASE("end of input ends the session with a summary and loses nothing", "[program]") {
  Program program;
  const auto result = program.run({"review"}, "\n4\n\n");
  CHECK(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("Session done: 1 card in"));
  CHECK(program.run_json({"stats"})["reviews_total"] == 1);
}

TEST_CASE("quitting before the first answer says what is still due, not that the day is done", "[program]") {
  Program program;
  const auto result = program.run({"review", "--deck", "The STAR method"}, "q\n");
  CHECK(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("No cards answered. Still due today:"));
  CHECK_THAT(result.out, !Catch::Contains("Nothing more to review today"));
}

TEST_CASE("decks, stats, plugins and import speak JSON for scripts", "[program]") {
  Program program;
  const json decks = program.run_json({"decks"});
  REQUIRE(decks.is_array());
  for (const auto& deck : decks) {
    CHECK(deck["name"].is_string());
    CHECK(deck["cards"].is_number());
    CHECK(deck["due"].is_number());
    CHECK(deck["new"].is_number());
  }

  const json stats = program.run_json({"stats"});
  for (const char* key : {"cards", "due_today", "new_today", "reviews_total", "reviews_today"}) CHECK(stats[key].is_number());
  for (const char* kind : {"question", "keypoint", "story"}) CHECK(stats["cards_by_kind"][kind].is_number());

  const json plugins = program.run_json({"plugins"});
  std::set<std::string> kinds;
  for (const auto& plugin : plugins["loaded"]) {
    kinds.insert(plugin["kind"].get<std::string>());
    CHECK(plugin["file"].is_string());
    CHECK(plugin["version"].is_string());
  }
  CHECK(kinds == std::set<std::string>{"source", "scheduler", "scorer", "frontend"});
  CHECK(plugins["refused"].is_array());

  const auto deck = program.dir.write("mine.md", "---\ndeck: Mine\n---\n## K: Backpressure\nSlow the producer.\n## S: A story\n");
  const json imported = program.run_json({"import", deck.string()});
  CHECK(imported["added"] == 2);
  CHECK(imported["updated"] == 0);
  CHECK(imported["unchanged"] == 0);
  CHECK(imported["suspended"] == 0);
  REQUIRE(imported["warnings"].size() == 1);  // the story has no parts yet
  CHECK(imported["warnings"][0]["line"] == 6);
}

TEST_CASE("a broken deck fails the import with file:line, in text and in JSON, and changes nothing", "[program]") {
  Program program;
  const auto cards_before = program.run_json({"stats"})["cards"];
  const auto bad = program.dir.write("bad.md", "---\ndeck: Bad\n---\n## Q: One\nid: a b\n");
  const auto text = program.run({"import", bad.string()});
  CHECK(text.status == 1);
  CHECK_THAT(text.err, Catch::Contains("bad.md:5: an id is one word"));

  const auto as_json = program.run({"import", bad.string(), "--json"});
  CHECK(as_json.status == 1);
  const json error = json::parse(as_json.out)["error"];
  CHECK(error["line"] == 5);
  CHECK_THAT(error["file"].get<std::string>(), Catch::EndsWith("bad.md"));
  CHECK(program.run_json({"stats"})["cards"] == cards_before);
}

TEST_CASE("bad arguments give a usage message and a non-zero exit", "[program]") {
  Program program;
  const std::vector<std::vector<std::string>> bad = {
      {"frobnicate"},
      {"import"},
      {"review", "--deck"},
      {"stats", "--bogus"},
      {"decks", "extra"},
      {"config", "set", "new_per_day"},
      {"--now", "yesterday", "stats"},
  };
  for (const auto& args : bad) {
    CAPTURE(args);
    const auto result = test::run_program(args);
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Contains("usage: rehearse"));
  }
  const auto missing_deck = program.run({"review", "--deck", "No such deck"});
  CHECK(missing_deck.status == 1);
  CHECK_THAT(missing_deck.err, Catch::Contains("there is no deck named 'No such deck'"));
  const auto missing_file = program.run({"import", "/nonexistent/deck.md"});
  CHECK(missing_file.status == 1);
  CHECK_THAT(missing_file.err, Catch::Contains("/nonexistent/deck.md: no such file or folder"));
}

TEST_CASE("settings are validated before they are stored", "[program]") {
  Program program;
  CHECK(program.run({"config", "set", "new_per_day", "15"}).status == 0);
  CHECK(program.run({"config", "get", "new_per_day"}).out == "15\n");
  const auto negative = program.run({"config", "set", "new_per_day", "-3"});
  CHECK(negative.status == 1);
  CHECK_THAT(negative.err, Catch::Contains("new_per_day: must be from"));
  const auto unknown = program.run({"config", "set", "colour", "blue"});
  CHECK(unknown.status == 1);
  CHECK_THAT(unknown.err, Catch::Contains("unknown setting 'colour'"));
  const auto bad_option = program.run({"config", "set", "scheduler.sm2.starting_ease", "lots"});
  CHECK(bad_option.status == 1);
  CHECK_THAT(bad_option.err, Catch::Contains("expected a number"));
  CHECK(program.run({"config", "get", "new_per_day"}).out == "15\n");
}

TEST_CASE("rehearse --version and --help", "[program]") {
  const auto version = test::run_program({"--version"});
  CHECK(version.status == 0);
  CHECK_THAT(version.out, Catch::StartsWith(std::string("rehearse ") + version_string()));
  CHECK_THAT(test::run_program({"--help"}).out, Catch::Contains("Commands:"));
}
