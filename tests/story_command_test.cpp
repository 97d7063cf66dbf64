// Writing one's own stories: `rehearse story new` walks through STAR and files the story in the
// user's own deck file; the bundled template stories are guidance, never the user's stories.
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace rehearse;
using nlohmann::json;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

struct Program : test::Program {
  fs::path stories_file() const { return dir / "decks" / "my-stories.md"; }
};

// Title, situation, task, action, result, lesson and themes, each ended by an empty line, then y.
const std::string kStory =
    "Checkout outage I led\n\n"
    "Our checkout API at 3k requests per second failed during a regional failover; 18% of orders failed.\n\n"
    "As on-call lead I owned mitigation and the root-cause fix.\n\n"
    "- I rolled back the deploy after the error graph lined up with it.\n"
    "- I traced it to a connection pool exhausted by the failover, instead of scaling the database.\n\n"
    "Errors fell from 18% to under 0.5% within 12 minutes.\n\n"
    "I now load test failover paths before a release.\n\n"
    "Incident, reliability\n\n"
    "y\n";

}  // namespace

TEST_CASE("story new writes a piped story into the user's deck file and the story bank", "[story][program]") {
  Program program;
  const auto result = program.run({"story", "new"}, kStory);
  REQUIRE(result.status == 0);
  // The findings come as the story grows, and the file's path is shown.
  CHECK_THAT(result.out, Catch::Contains("quantified result"));
  // Nothing is judged on the context alone: its share of the answer waits for the action.
  const auto task = result.out.find("Task:"), action = result.out.find("Action:");
  REQUIRE(task < action);
  CHECK(result.out.substr(task, action - task).find("work on") == std::string::npos);
  CHECK_THAT(result.out, Catch::Contains(program.stories_file().string()));

  const std::string file = test::read_text(program.stories_file());
  CHECK_THAT(file, Catch::Contains("## S: Checkout outage I led"));
  CHECK_THAT(file, Catch::Contains("- I traced it to a connection pool"));  // one action a line, markers dropped
  CHECK_THAT(file, Catch::Contains("themes: incident, reliability"));

  const json bank = json::parse(program.run({"stories", "--json"}).out);
  REQUIRE(bank["stories"].size() == 1);  // the bundled templates are not the user's stories
  CHECK(bank["stories"][0]["title"] == "Checkout outage I led");
  CHECK(bank["stories"][0]["deck"] == "My stories");

  // A second story with the same title gets an id of its own, in the same file.
  REQUIRE(program.run({"story", "new"}, kStory).status == 0);
  const json again = json::parse(program.run({"stories", "--json"}).out);
  REQUIRE(again["stories"].size() == 2);
  CHECK(again["stories"][0]["id"] != again["stories"][1]["id"]);
}

TEST_CASE("story new refuses a story without an action and writes nothing", "[story][program][bad-input]") {
  Program program;
  const auto result = program.run({"story", "new"}, "A title\n\nA situation.\n\nMy task.\n\n\n");
  CHECK(result.status == 1);
  CHECK_THAT(result.err, Catch::Contains("a story needs its action") && Catch::Contains("what you did"));
  CHECK_FALSE(fs::exists(program.stories_file()));

  const auto declined = program.run({"story", "new"}, kStory.substr(0, kStory.size() - 2) + "n\n");
  CHECK(declined.status == 1);
  CHECK_FALSE(fs::exists(program.stories_file()));
}

TEST_CASE("a template story is shown as guidance to write one's own, not as a model answer", "[story][program]") {
  Program program;
  const auto review = program.run({"review", "--frontend", "cli", "--deck", "My story bank"}, "\n3\nq\n");
  REQUIRE(review.status == 0);
  CHECK_THAT(review.out, Catch::Contains("--- Write your own version ---") && Catch::Contains("rehearse story new"));
  CHECK_THAT(review.out, !Catch::Contains("--- Answer ---"));

  const auto stories = program.run({"stories"});
  CHECK_THAT(stories.out, Catch::Contains("no stories of your own yet") && Catch::Contains("rehearse story new"));
}

TEST_CASE("template: takes true or false, and says so with the file and line", "[story][markdown][bad-input]") {
  Program program;
  const fs::path deck = program.dir.write("deck.md", "## S: A story\nid: s1\ntemplate: maybe\nsituation: s\ntask: t\naction:\n- a\nresult: r\n");
  const auto result = program.run({"import", deck.string()});
  CHECK(result.status == 1);
  CHECK_THAT(result.err, Catch::Contains("deck.md:3") && Catch::Contains("template: is true or false"));
}

TEST_CASE("story edit opens a story of one's own in $EDITOR and writes it back to the user's deck file", "[story][program]") {
  Program program;
  REQUIRE(program.run({"story", "new"}, kStory).status == 0);
  const auto editor = program.dir.write("editor.sh", "#!/bin/sh\nsed -i 's/18% of orders failed/a fifth of orders failed/' \"$1\"\n");
  fs::permissions(editor, fs::perms::owner_all);
  const std::vector<std::string> env = {"EDITOR=" + editor.string()};
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--collection", program.collection, "--now", program.now});
    return test::run_program(args, "", env);
  };
  const auto edited = run({"story", "edit", "story-checkout-outage-i-led"});
  INFO(edited.err);
  REQUIRE(edited.status == 0);
  CHECK_THAT(test::read_text(program.stories_file()), Catch::Contains("a fifth of orders failed"));

  const auto question = run({"story", "edit", "production-outage"});
  CHECK(question.status == 1);
  CHECK_THAT(question.err, Catch::Contains("is not a story"));
}
