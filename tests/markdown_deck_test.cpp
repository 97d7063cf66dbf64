// The native deck format, as a user writes it: what imports, what is refused, and how a card
// keeps its progress when its file is edited.
#include <fmt/format.h>

#include <map>
#include <set>

#include "rehearse/errors.h"
#include "test_support.h"

using namespace rehearse;
using test::TempDir;

namespace {

const char* kDeck = R"(---
deck: Behavioral
tags: behavioral, senior
---
# Notes that are not cards are fine here.

## Q: Tell me about a production outage
id: outage
themes: Incident, reliability
answer:
Stabilise first.
Then find the root cause.
key points:
- Stabilise first | mitigate, stop the bleeding
- Keep stakeholders informed
  with regular updates
avoid:
- Blaming another team

## K: Idempotency
An operation that has the same effect when repeated.

## S: Checkout latency
themes: performance
situation: p99 tripled during a sale.
task: I owned checkout.
action:
- I rolled back the release.
- I added the missing index.
result: p99 back to 180 ms in 40 minutes.
lesson: Load-test schema changes.

## Links
- https://example.com (not a card)
)";

Card only_card(Engine& engine, const std::string& query) {
  auto cards = engine.collection().find_cards("", query, 10);
  REQUIRE(cards.size() == 1);
  return cards.front();
}

}  // namespace

TEST_CASE("a deck file imports its questions, key points and stories", "[markdown]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const ImportReport report = engine->import_paths({dir.write("behavioral.md", kDeck)});
  CHECK(report.added == 3);
  CHECK(report.warnings.empty());

  const Card question = only_card(*engine, "production outage");
  CHECK(question.deck == "Behavioral");
  CHECK(question.content.kind == CardKind::question);
  CHECK(question.content.uid == "outage");
  CHECK(question.content.answer == "Stabilise first.\nThen find the root cause.");
  REQUIRE(question.content.key_points.size() == 2);
  CHECK(question.content.key_points[0] == KeyPoint{"Stabilise first", {"mitigate", "stop the bleeding"}});
  CHECK(question.content.key_points[1].text == "Keep stakeholders informed with regular updates");
  CHECK(question.content.pitfalls == std::vector<std::string>{"Blaming another team"});
  CHECK(question.content.themes == std::vector<std::string>{"incident", "reliability"});
  CHECK(question.content.tags == std::vector<std::string>{"behavioral", "senior"});

  const Card term = only_card(*engine, "Idempotency");
  CHECK(term.content.kind == CardKind::keypoint);
  CHECK(term.content.uid == "idempotency");  // derived from the prompt
  CHECK(term.content.answer == "An operation that has the same effect when repeated.");

  const Card story = only_card(*engine, "Checkout latency");
  CHECK(story.content.kind == CardKind::story);
  CHECK(story.content.story.situation == "p99 tripled during a sale.");
  CHECK(story.content.story.actions == std::vector<std::string>{"I rolled back the release.", "I added the missing index."});
  CHECK(story.content.story.lesson == "Load-test schema changes.");
}

TEST_CASE("editing a card's text keeps its progress; removing it suspends it", "[markdown]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto file = dir.write("behavioral.md", kDeck);
  engine->import_paths({file});

  auto session = engine->start_review();
  const Card before = only_card(*engine, "production outage");
  session->answer(before, Rating::easy, {});
  const SchedulingState progress = engine->collection().card(before.id)->scheduling;
  REQUIRE(progress.state == CardState::review);

  std::string edited = kDeck;
  edited.replace(edited.find("Tell me about a production outage"), 33, "Describe an outage you led");
  edited.erase(edited.find("## K: Idempotency"), edited.find("## S:") - edited.find("## K: Idempotency"));
  dir.write("behavioral.md", edited);
  const ImportReport report = engine->import_paths({file});
  CHECK(report.updated == 1);
  CHECK(report.unchanged == 1);
  CHECK(report.suspended == 1);
  CHECK(report.gone == std::vector<std::string>{"Behavioral: Idempotency"});

  const Card after = only_card(*engine, "outage you led");
  CHECK(after.id == before.id);
  CHECK(after.scheduling == progress);
  CHECK(engine->collection().review_log(before.id).size() == 1);
  CHECK(engine->collection().find_cards("", "Idempotency", 10).empty());

  SECTION("a card that comes back is active again, with its progress") {
    dir.write("behavioral.md", kDeck);
    const ImportReport back = engine->import_paths({file});
    CHECK(back.updated == 2);
    CHECK(back.suspended == 0);
    CHECK_FALSE(only_card(*engine, "Idempotency").suspended);
  }
}

TEST_CASE("importing the same file twice changes nothing", "[markdown]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto file = dir.write("behavioral.md", kDeck);
  engine->import_paths({file});
  const ImportReport again = engine->import_paths({file});
  CHECK(again.added == 0);
  CHECK(again.updated == 0);
  CHECK(again.unchanged == 3);
  CHECK(engine->collection().stats().cards == 3);
}

TEST_CASE("a broken deck names the file and line, and imports nothing", "[markdown]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto good = dir.write("a-good.md", kDeck);

  struct Case {
    const char* name;
    std::string text;
    int line;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"twice", "---\ndeck: D\n---\n## Q: One\nanswer: a\nanswer: b\n", 6, "'answer:' is given twice in this card (first at line 5)"},
      {"ids", "---\ndeck: D\n---\n## K: One\nid: same\n## K: Two\nid: same\n", 7, "the id 'same' is already used at line 5"},
      {"prompts", "---\ndeck: D\n---\n## K: Same prompt\nA\n## K: Same prompt\nB\n", 6, "duplicate card id 'same-prompt'"},
      {"unclosed", "---\ndeck: D\n## Q: One\n", 1, "never closed"},
      {"space-id", "---\ndeck: D\n---\n## Q: One\nid: two words\n", 5, "an id is one word"},
      {"no-prompt", "---\ndeck: D\n---\n## Q:\nanswer: a\n", 4, "no prompt"},
      {"cr-prompt", "---\ndeck: D\n---\n## S:\r \nanswer: a\n", 4, "no prompt"},  // found by fuzzing
      {"latin1", "---\ndeck: D\n---\n## K: Caf\xe9\n", 4, "not valid UTF-8"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto bad = dir.write(std::string(c.name) + ".md", c.text);
    try {
      engine->import_paths({good, bad});
      FAIL("the broken deck was imported");
    } catch (const ParseError& e) {
      CHECK(e.line() == c.line);
      CHECK_THAT(e.message(), Catch::Contains(c.message));
      CHECK_THAT(e.file(), Catch::EndsWith(std::string(c.name) + ".md"));
    }
    CHECK(engine->collection().stats().cards == 0);  // not even the good file
  }
}

TEST_CASE("a binary file is refused", "[markdown]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  CHECK_THROWS_WITH(engine->import_paths({dir.write("image.md", std::string("\x89PNG\r\n\x1a\n\0\0", 10))}),
                    Catch::Contains("holds binary data"));
}

TEST_CASE("a folder imports every deck in it, but not its README", "[markdown]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  dir.write("decks/one.md", "---\ndeck: One\n---\n## K: A\nB\n");
  dir.write("decks/sub/two.md", "---\ndeck: Two\n---\n## K: C\nD\n");
  dir.write("decks/README.md", "# About these decks\n## Q: Not a card\n");
  dir.write("decks/notes.txt", "not a deck");
  const ImportReport report = engine->import_paths({dir / "decks"});
  CHECK(engine->collection().deck_names() == std::vector<std::string>{"One", "Two"});
  // The note beside the decks is left out, and the user hears of it.
  REQUIRE(report.warnings.size() == 1);
  CHECK_THAT(report.warnings[0].file, Catch::EndsWith("notes.txt"));
  CHECK_THAT(report.warnings[0].message, Catch::StartsWith("left out:"));
}

TEST_CASE("the bundled decks import cleanly and hold what the README promises", "[markdown][decks]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const ImportReport report = engine->import_paths({std::filesystem::path(REHEARSE_SOURCE_DIR) / "decks"});
  CHECK(report.warnings.empty());
  std::map<std::string, int> by_deck;
  for (const auto& deck : engine->collection().decks()) by_deck[deck.name] = deck.cards;
  CHECK(by_deck["Behavioral questions (senior backend)"] >= 35);
  CHECK(by_deck["The STAR method"] >= 15);
  CHECK(by_deck["Backend concepts for strong answers"] >= 40);
  CHECK(by_deck["Questions to ask the interviewer"] >= 12);
  CHECK(by_deck["My story bank"] >= 9);

  // Every behavioural question has guidance, key points, pitfalls, follow-ups and themes; every theme a
  // question asks for has a story skeleton in the story bank.
  std::set<std::string> story_themes;
  for (const auto& card : engine->collection().find_cards("My story bank", "", 1000)) {
    CHECK(card.content.kind == CardKind::story);
    story_themes.insert(card.content.themes.begin(), card.content.themes.end());
  }
  for (const auto& card : engine->collection().find_cards("Behavioral questions (senior backend)", "", 1000)) {
    CAPTURE(card.content.prompt);
    CHECK_FALSE(card.content.answer.empty());
    CHECK(card.content.key_points.size() >= 3);
    CHECK_FALSE(card.content.pitfalls.empty());
    // A mock interview asks one or two of a question's own follow-ups after the answer.
    CHECK(card.content.follow_ups.size() >= 1);
    CHECK(card.content.follow_ups.size() <= 2);
    REQUIRE_FALSE(card.content.themes.empty());
    const bool covered = std::any_of(card.content.themes.begin(), card.content.themes.end(),
                                     [&](const std::string& theme) { return story_themes.count(theme) > 0; });
    CHECK(covered);
  }
}
