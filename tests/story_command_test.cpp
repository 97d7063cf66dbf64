// Writing one's own stories: `rehearse story new` walks through STAR and files the story in the
// user's own deck file; the bundled template stories are guidance, never the user's stories.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "rehearse/errors.h"
#include "rehearse/story_draft.h"
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

TEST_CASE("StoryDraft: the steps, their findings, what is missing, and saving into the user's deck file", "[story][sdk]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  StoryDraft draft(*engine);

  std::vector<std::string> names;
  for (const auto& step : StoryDraft::steps()) names.push_back(step.name);
  CHECK(names == std::vector<std::string>{"title", "situation", "task", "action", "result", "lesson", "themes"});
  CHECK(StoryDraft::step("action").required);
  CHECK_FALSE(StoryDraft::step("lesson").required);
  CHECK_THROWS_AS(StoryDraft::step("epilogue"), Error);
  CHECK_THAT(draft.question("themes"), Catch::Contains("incident"));  // the themes to pick from
  CHECK(draft.missing() == std::vector<std::string>{"title", "situation", "task", "action", "result"});
  CHECK_THROWS_WITH(draft.save(), Catch::Contains("a story needs its title"));

  draft.set("title", "  Checkout outage I led ");
  draft.set("situation", "Our checkout API at 3k requests per second failed during a regional failover; 18% of orders failed.");
  draft.set("task", "As on-call lead I owned mitigation and the root-cause fix.");
  CHECK(draft.title() == "Checkout outage I led");
  CHECK(draft.findings("task").findings.empty());  // nothing is judged on the context alone
  CHECK(draft.missing_message() == "a story needs its action (what you did, one step a line, each starting with \"I\"; say what you weighed)");

  draft.set("action", "- I rolled back the deploy after the error graph lined up with it.\n\n"
                      "2. I traced it to a connection pool exhausted by the failover, instead of scaling the database.");
  CHECK(draft.story().actions.size() == 2);
  CHECK(draft.story().actions[1].starts_with("I traced it"));
  const StoryFindings action = draft.findings("action");
  REQUIRE_FALSE(action.findings.empty());
  const auto& criteria = StoryDraft::step("action").criteria;
  for (const Finding& finding : action.findings)
    CHECK(std::find(criteria.begin(), criteria.end(), finding.criterion) != criteria.end());
  CHECK_FALSE(action.score);

  draft.set("result", "Errors fell from 18% to under 0.5% within 12 minutes.");
  draft.set("themes", "Incident, reliability, incident,");
  CHECK(draft.themes() == std::vector<std::string>{"incident", "reliability"});
  CHECK(draft.missing().empty());
  const StoryFindings whole = draft.findings();
  REQUIRE(whole.score);
  CHECK(whole.findings.size() > action.findings.size());

  const SavedStory saved = draft.save();
  CHECK(saved.id == "story-checkout-outage-i-led");
  CHECK(saved.file == dir / "decks" / "my-stories.md");
  CHECK(saved.created_file);
  const std::string file = test::read_text(saved.file);
  CHECK(file.starts_with("---\ndeck: My stories\n---\n"));
  CHECK_THAT(file, Catch::Contains("## S: Checkout outage I led"));
  CHECK(engine->collection().cards_with_uid(saved.id).size() == 1);  // imported at once

  // Saved again, the same title takes an id of its own.
  const SavedStory again = draft.save();
  CHECK(again.id == "story-checkout-outage-i-led-2");
  CHECK_FALSE(again.created_file);
}

TEST_CASE("StoryDraft: when the import fails, the user's deck file is put back as it was", "[story][sdk][bad-input]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const std::string broken = "---\ndeck: My stories\n---\n## S: A story\nid: s1\ntemplate: maybe\nsituation: s\ntask: t\naction:\n- a\nresult: r\n";
  const fs::path file = dir.write("decks/my-stories.md", broken);
  StoryDraft draft(*engine);
  for (const char* step : {"title", "situation", "task", "action", "result"}) draft.set(step, std::string("Some ") + step);
  CHECK_THROWS_WITH(draft.save(), Catch::Contains("template: is true or false"));
  CHECK(test::read_text(file) == broken);
  CHECK(engine->collection().cards_with_uid("story-some-title").empty());
}

TEST_CASE("story new runs in a front end that can write a story, and refuses one that cannot", "[story][program][bad-input]") {
  Program program;
  const auto unknown = program.run({"story", "new", "--frontend", "nope"}, kStory);
  CHECK(unknown.status == 1);
  CHECK_THAT(unknown.err, Catch::Contains("there is no front end named 'nope'"));

  const std::string plugin = (fs::path(REHEARSE_TEST_BROKEN_PLUGIN_DIR) / "throws_everywhere.so").string();
  const auto refused = program.run({"--plugin-path", plugin, "story", "new", "--frontend", "everywhere"}, kStory);
  CHECK(refused.status == 1);
  CHECK_THAT(refused.err, Catch::Contains("the front end 'everywhere' cannot write a story"));
  CHECK_FALSE(fs::exists(program.stories_file()));

  // Named, the cli front end runs the same walk as the piped default.
  const auto cli = program.run({"story", "new", "--frontend", "cli"}, kStory);
  CHECK(cli.status == 0);
  CHECK_THAT(cli.out, Catch::Contains("Added 'Checkout outage I led'"));
}
