// The `rehearse` program as a user and a script see it: a review session piped in, the JSON
// interfaces, and clear errors for bad arguments.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "rehearse/errors.h"
#include "test_support.h"

using namespace rehearse;
using nlohmann::json;
using test::TempDir;
namespace fs = std::filesystem;

using test::Program;

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

namespace {

// Where each row's second column starts: the first character after the first run of spaces.
size_t second_column(const std::string& row) {
  const size_t gap = row.find(' ');
  return gap == std::string::npos ? std::string::npos : row.find_first_not_of(' ', gap);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("config shows each setting's effective value and where it comes from", "[program][config]") {
  Program program;
  // Nothing stored: the defaults the engine uses, said to be defaults.
  CHECK(program.run({"config", "get", "scorers"}).out == "keypoints,star,technical\n");
  CHECK(program.run({"config", "get", "new_per_day"}).out == "10\n");
  const json scorers = json::parse(program.run({"config", "get", "scorers", "--json"}).out);
  CHECK(scorers["from"] == "default");

  REQUIRE(program.run({"config", "set", "new_per_day", "15"}).status == 0);
  REQUIRE(program.run({"config", "set", "deck.The STAR method.new_per_day", "5"}).status == 0);
  const json list = program.run_json({"config", "list"});
  auto entry = [&](const std::string& key) {
    for (const auto& row : list)
      if (row["key"] == key) return row;
    FAIL("no setting " << key);
    return json();
  };
  CHECK(entry("scorers")["value"] == "keypoints,star,technical");
  CHECK(entry("scorers")["from"] == "default");
  CHECK(entry("new_per_day")["value"] == "15");
  CHECK(entry("new_per_day")["from"] == "collection");
  CHECK(entry("deck.The STAR method.new_per_day")["from"] == "deck The STAR method");
  // A deck without a setting of its own gets the collection's.
  CHECK(program.run({"config", "get", "deck.System design.new_per_day"}).out == "15\n");
  CHECK(program.run({"config", "get", "deck.The STAR method.new_per_day"}).out == "5\n");

  // Unknown keys are an error, not an empty answer.
  const auto unknown = program.run({"config", "get", "colour"});
  CHECK(unknown.status == 1);
  CHECK_THAT(unknown.err, Catch::Contains("unknown setting 'colour'"));

  // The table keeps its columns straight whatever the length of the names.
  const auto table = lines_of(program.run({"config", "list"}).out);
  REQUIRE(table.size() > 10);
  const size_t value_column = second_column(table.front());
  for (const auto& row : table) {
    INFO(row);
    if (row.starts_with("(")) continue;  // the note under the table
    REQUIRE(row.size() > value_column);
    CHECK(row.substr(value_column - 2, 2) == "  ");  // names may hold spaces (a deck's), so look at the gap
    CHECK(row[value_column] != ' ');
  }
}

TEST_CASE("a setting that names plugins must name loaded ones, unless forced", "[program][config]") {
  Program program;
  const auto typo = program.run({"config", "set", "scorers", "keypoints,nosuch"});
  CHECK(typo.status == 1);
  CHECK_THAT(typo.err, Catch::Contains("no scorer named 'nosuch' is loaded") && Catch::Contains("--force"));
  CHECK(program.run({"config", "get", "scorers"}).out == "keypoints,star,technical\n");  // unchanged
  CHECK(program.run({"config", "set", "scheduler", "fsrss"}).status == 1);
  CHECK(program.run({"config", "set", "deck.The STAR method.scorers", "star,nosuch"}).status == 1);

  CHECK(program.run({"config", "set", "scorers", "keypoints,nosuch", "--force"}).status == 0);
  CHECK(program.run({"config", "get", "scorers"}).out == "keypoints,nosuch\n");

  const auto whole = program.run({"config", "set", "new_per_day", "lots"});
  CHECK_THAT(whole.err, Catch::Contains("new_per_day: expected a whole number"));
}

TEST_CASE("a scorer chosen in the settings but not loaded costs no typed answer", "[program][config]") {
  Program program;
  REQUIRE(program.run({"config", "set", "scorers", "keypoints,filler_check", "--force"}).status == 0);
  const auto review = program.run({"review", "--frontend", "cli", "--deck", "The STAR method"},
                                  "Situation, task, action and result, with numbers.\n\n3\nq\n");
  CHECK(review.status == 0);
  // The user sees why a scorer is missing, the others still score, and the rating is saved.
  CHECK_THAT(review.out, Catch::Contains("the scorer 'filler_check' chosen for deck 'The STAR method' is not loaded"));
  CHECK_THAT(review.out, Catch::Contains("--- Your answer ---"));
  CHECK_THAT(review.out, Catch::Contains("Saved: good"));
  CHECK(program.run_json({"stats"})["reviews_total"] == 1);
}

TEST_CASE("plugins lists its table in straight columns whatever the length of the names", "[program]") {
  const std::string long_named = (fs::path(REHEARSE_TEST_BROKEN_PLUGIN_DIR) / "throws_everywhere.so").string();
  const auto result = test::run_program({"plugins", "--plugin-path", long_named});
  REQUIRE(result.status == 0);
  std::set<size_t> version_columns;
  for (const auto& row : lines_of(result.out)) {
    if (row.empty() || row[0] == ' ' || row.starts_with("refused")) continue;  // a file line, a refusal
    std::istringstream words(row);
    std::string kind, name, version;
    words >> kind >> name >> version;
    version_columns.insert(row.find(" " + version + " ", row.find(name) + name.size()) + 1);
  }
  CHECK(version_columns.size() == 1);
}
