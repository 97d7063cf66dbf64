// A card's question type from the files that say it to the collection and back: `type:` in a
// Markdown deck (per card, and as the deck's default), a CSV column, the sections of a guide page,
// an Anki note's tags; kept across re-imports and through `rehearse export`; inferred from the
// wording wherever no file says.
#include <algorithm>
#include <map>
#include <set>

#include "anki_fixture.h"
#include "rehearse/errors.h"
#include "test_support.h"

using namespace rehearse;
using test::TempDir;

namespace {

const char* kTypedDeck = R"(---
deck: Typed
type: design
---
## Q: How do you keep a cache consistent with its database?
id: cache-consistency
answer: Invalidate on write.

## Q: What is a bloom filter?
id: bloom-filter
type: technical
answer: A set that may say yes wrongly, never no wrongly.

## Q: Your biggest rollout
id: rollout
type: Behavioral
themes: migration
answer: The payments cut-over.

## K: Idempotency
An operation that has the same effect when repeated.

## S: Checkout latency
situation: p99 tripled during a sale.
task: I owned checkout.
action:
- I rolled back the release.
result: p99 back to 180 ms.
)";

std::map<std::string, Card> by_uid(Engine& engine, const std::string& deck = "") {
  std::map<std::string, Card> cards;
  for (auto& card : engine.collection().find_cards(deck, "", 100'000)) cards[card.content.uid] = card;
  return cards;
}

std::string type_name(const std::optional<QuestionType>& type) { return type ? std::string(to_string(*type)) : "(none)"; }

using test::Program;

}  // namespace

TEST_CASE("type: in a deck sets a card's type; the front matter's is the default of its questions", "[markdown][types]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const ImportReport report = engine->import_paths({dir.write("typed.md", kTypedDeck)});
  CHECK(report.added == 5);
  CHECK(report.warnings.empty());
  auto cards = by_uid(*engine, "Typed");
  REQUIRE(cards.size() == 5);
  // The deck's default, though the wording alone would not say design.
  CHECK(type_name(cards["cache-consistency"].content.type) == "design");
  // A card's own type wins, in any case and either spelling.
  CHECK(type_name(cards["bloom-filter"].content.type) == "technical");
  CHECK(type_name(cards["rollout"].content.type) == "behavioural");
  // Key points and stories are not questions: the front matter leaves them to their kind.
  CHECK_FALSE(cards["idempotency"].content.type);
  CHECK(type_of(cards["idempotency"].content) == QuestionType::keypoint);
  CHECK_FALSE(cards["checkout-latency"].content.type);
  CHECK(type_of(cards["checkout-latency"].content) == QuestionType::story);

  // Without any type: the wording decides, when the card is read.
  engine->import_paths({dir.write("plain.md", "---\ndeck: Plain\n---\n## Q: How would you design a URL shortener?\nHash ids.\n"
                                              "## Q: What is idempotency?\nSame effect when repeated.\n")});
  for (const auto& [uid, card] : by_uid(*engine, "Plain")) {
    CAPTURE(uid);
    CHECK_FALSE(card.content.type);
  }
  CHECK(type_of(by_uid(*engine, "Plain")["how-would-you-design-a-url-shortener"].content) == QuestionType::design);
  CHECK(type_of(by_uid(*engine, "Plain")["what-is-idempotency"].content) == QuestionType::technical);
}

TEST_CASE("an unknown type names the file, the line and the types there are, and imports nothing", "[markdown][types]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto good = dir.write("a-good.md", kTypedDeck);
  struct Case {
    const char* name;
    std::string text;
    int line;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"card", "---\ndeck: D\n---\n## Q: One\nanswer: a\ntype: behavorial\n", 6, "'behavorial' is not a question type"},
      {"front-matter", "---\ndeck: D\ntype: interview\n---\n## Q: One\nanswer: a\n", 3, "'interview' is not a question type"},
      {"empty", "---\ndeck: D\n---\n## Q: One\ntype:\nanswer: a\n", 5, "'type:' is empty"},
      {"lines", "---\ndeck: D\n---\n## Q: One\ntype: design\nDraw the boxes first.\n", 5, "lines of text follow it"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto bad = dir.write(std::string(c.name) + ".md", c.text);
    try {
      engine->import_paths({good, bad});
      FAIL("the deck with a bad type was imported");
    } catch (const ParseError& e) {
      CHECK(e.line() == c.line);
      CHECK_THAT(e.message(), Catch::Contains(c.message));
      CHECK_THAT(e.message(), Catch::Contains(std::string(question_type_names())));
      CHECK(e.file() == bad.string());
    }
    CHECK(engine->collection().stats().cards == 0);  // not even the good file
  }
}

TEST_CASE("a CSV type column sets the type; kinds written there still read as kinds", "[sources][types]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const std::string csv = "question,answer,type\n"
                          "Your biggest rollout,The payments cut-over.,behavioral\n"
                          "Rate limiter for a public API,Token buckets per key.,system-design\n"
                          "What is a bloom filter?,A set that can be wrong one way.,\n"
                          "Idempotency,Same effect when repeated.,K\n"
                          "Checkout latency,p99 back to 180 ms.,story\n"
                          "Questions about on-call,How often are you paged?,question\n";
  engine->import_paths({dir.write("typed.csv", csv)});
  auto cards = by_uid(*engine, "typed");
  REQUIRE(cards.size() == 6);
  CHECK(type_name(cards["your-biggest-rollout"].content.type) == "behavioural");
  CHECK(type_name(cards["rate-limiter-for-a-public-api"].content.type) == "design");
  CHECK_FALSE(cards["what-is-a-bloom-filter"].content.type);
  CHECK(type_of(cards["what-is-a-bloom-filter"].content) == QuestionType::technical);
  CHECK(cards["idempotency"].content.kind == CardKind::keypoint);
  CHECK_FALSE(cards["idempotency"].content.type);
  CHECK(cards["checkout-latency"].content.kind == CardKind::story);
  CHECK_FALSE(cards["checkout-latency"].content.type);  // the kind says it already
  CHECK(cards["questions-about-on-call"].content.kind == CardKind::question);
  CHECK_FALSE(cards["questions-about-on-call"].content.type);

  // "Question type" names the column too, beside a kind column of its own.
  engine->import_paths({dir.write("tabs.tsv", "Front\tBack\tKind\tQuestion Type\n"
                                              "What would you ask about the roadmap?\tWhat ships next quarter.\tquestion\task\n"
                                              "Cache-aside\tRead through the cache.\tkeypoint\tkeypoint\n")});
  auto tabs = by_uid(*engine, "tabs");
  CHECK(type_name(tabs["what-would-you-ask-about-the-roadmap"].content.type) == "ask");
  CHECK(tabs["cache-aside"].content.kind == CardKind::keypoint);
  CHECK_FALSE(tabs["cache-aside"].content.type);

  SECTION("an unknown type names the file and row, and nothing is imported") {
    const int before = engine->collection().stats().cards;
    const auto bad = dir.write("bad.csv", "question,answer,type\nWhat is a queue?,A buffer.,technical\nWhy Kafka?,Replay.,vague\n");
    try {
      engine->import_paths({dir / "typed.csv", bad});
      FAIL("the file with a bad type was imported");
    } catch (const ParseError& e) {
      CHECK(e.file() == bad.string());
      CHECK(e.line() == 3);
      CHECK_THAT(e.message(), Catch::Contains("'vague'"));
      CHECK_THAT(e.message(), Catch::Contains(std::string(question_type_names())));
    }
    CHECK(engine->collection().stats().cards == before);
  }
}

TEST_CASE("a card's type is kept, changed and cleared by re-imports of its file, with its progress", "[markdown][types]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto file = dir.write("typed.md", kTypedDeck);
  engine->import_paths({file});
  const Card before = by_uid(*engine)["cache-consistency"];
  auto session = engine->start_review();
  session->answer(before, Rating::easy, {});
  const SchedulingState progress = engine->collection().card(before.id)->scheduling;
  REQUIRE(progress.state == CardState::review);

  // The answer edited: the type stays.
  std::string edited = kTypedDeck;
  edited.replace(edited.find("Invalidate on write."), 20, "Delete the key on write; a TTL bounds the rest.");
  dir.write("typed.md", edited);
  ImportReport report = engine->import_paths({file});
  CHECK(report.updated == 1);
  Card after = by_uid(*engine)["cache-consistency"];
  CHECK(after.id == before.id);
  CHECK(after.scheduling == progress);
  CHECK(type_name(after.content.type) == "design");

  // Only the type changed: that is an edit too.
  edited.replace(edited.find("type: design"), 12, "type: technical");
  dir.write("typed.md", edited);
  report = engine->import_paths({file});
  CHECK(report.updated == 1);
  CHECK(report.unchanged == 4);
  after = by_uid(*engine)["cache-consistency"];
  CHECK(type_name(after.content.type) == "technical");
  CHECK(after.scheduling == progress);

  // No type any more: the wording decides again.
  edited.erase(edited.find("type: technical\n"), 16);
  dir.write("typed.md", edited);
  report = engine->import_paths({file});
  CHECK(report.updated == 1);
  after = by_uid(*engine)["cache-consistency"];
  CHECK_FALSE(after.content.type);
  CHECK(after.scheduling == progress);
  CHECK(engine->import_paths({file}).updated == 0);
}

TEST_CASE("export writes the types a file gave, and the deck imports back the same", "[sources][types]") {
  Program program;
  const auto deck_file = program.dir.write("typed.md", kTypedDeck);
  REQUIRE(program.run({"import", deck_file.string()}).status == 0);
  const std::string exported_file = (program.dir / "exported.md").string();
  const auto exported = program.run({"export", "Typed", exported_file});
  REQUIRE(exported.status == 0);
  const std::string text = test::read_text(exported_file);
  CHECK_THAT(text, Catch::Contains("id: cache-consistency\ntype: design\n"));
  CHECK_THAT(text, Catch::Contains("id: bloom-filter\ntype: technical\n"));
  CHECK_THAT(text, Catch::Contains("id: rollout\ntype: behavioural\n"));
  CHECK_THAT(text, !Catch::Contains("type: keypoint"));  // inferred types stay inferred
  CHECK_THAT(text, !Catch::Contains("type: story"));

  // Into the same collection: nothing changes.
  const auto again = program.run({"import", exported_file});
  REQUIRE(again.status == 0);
  CHECK_THAT(again.out, Catch::Contains("0 added, 0 updated, 5 unchanged"));

  // Into a new collection: the same cards, type and all.
  TempDir fresh_dir;
  auto fresh = test::make_engine(fresh_dir);
  fresh->import_paths({exported_file});
  TempDir original_dir;
  auto original = test::make_engine(original_dir);
  original->import_paths({deck_file});
  auto expected = by_uid(*original, "Typed");
  auto actual = by_uid(*fresh, "Typed");
  REQUIRE(actual.size() == expected.size());
  for (auto& [uid, card] : actual) {
    CAPTURE(uid);
    CardContent a = card.content, b = expected[uid].content;
    a.line = b.line = 0;
    CHECK(a == b);
  }

  // A line of an answer that starts like the field is indented, so it stays part of the answer.
  const auto csv = program.dir.write("lines.csv", "question,answer\nWhat is a type system?,\"Rules.\ntype: a set of values\"\n");
  REQUIRE(program.run({"import", csv.string()}).status == 0);
  REQUIRE(program.run({"export", "lines", (program.dir / "lines.md").string()}).status == 0);
  CHECK_THAT(test::read_text(program.dir / "lines.md"), Catch::Contains("answer:\nRules.\n  type: a set of values\n"));
}

TEST_CASE("a guide page's section headings give its questions their type", "[sources][types]") {
  const std::string page = R"(# Backend interview questions

## Behavioral questions

### Your biggest rollout?
The payments cut-over, in three phases.

### Leadership

- How do you keep a team focused?

## System design

### A rate limiter for a public API?
Token buckets per key, in Redis.

## Technical questions

### Kafka or RabbitMQ?
Kafka keeps a log you can replay.

## Design patterns

### What is the strategy pattern?
Behaviour chosen at run time behind one interface.

## Questions to ask the interviewer

### How big is the team?
Eight engineers.

## Questions interviewers ask about caching

### Why cache at all?
To cut latency and load on the database.
)";
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("page.md", page)});
  std::map<std::string, std::string> types;
  for (const auto& card : engine->collection().find_cards("", "", 1000))
    if (card.content.kind == CardKind::question) types[card.content.prompt] = type_name(card.content.type);
  CHECK(types["Your biggest rollout?"] == "behavioural");
  CHECK(types["How do you keep a team focused?"] == "behavioural");  // a sub-section of its section
  CHECK(types["A rate limiter for a public API?"] == "design");
  CHECK(types["Kafka or RabbitMQ?"] == "technical");
  CHECK(types["What is the strategy pattern?"] == "(none)");  // "design patterns" asks for no design
  CHECK(types["How big is the team?"] == "ask");
  CHECK(types["Why cache at all?"] == "(none)");  // the interviewers ask these, not the candidate

  // A "# Heading" holds until the next one; a title in the front matter, for the whole page.
  engine->import_paths({dir.write("two.md", "# Behavioral rounds\n\n### Your proudest project?\nThe search rewrite.\n\n"
                                            "# Caching\n\n### Why cache at all?\nLess load.\n")});
  engine->import_paths({dir.write("titled.md", "---\ntitle: System design practice\n---\n# Warm-up\n\n"
                                               "### Sharding a users table?\nBy user id.\n")});
  CHECK(type_name(engine->collection().find_cards("Behavioral rounds", "proudest", 10).at(0).content.type) == "behavioural");
  CHECK(type_name(engine->collection().find_cards("Behavioral rounds", "cache at all", 10).at(0).content.type) == "(none)");
  CHECK(type_name(engine->collection().find_cards("System design practice", "Sharding", 10).at(0).content.type) == "design");

  // A plain-text page: a heading holds until the next one; the title for the whole page.
  const std::string text = "Behavioral Interview Questions\n\nLeadership\n\nYour proudest project?\nThe search rewrite.\n\n"
                           "Questions You Should Ask\n\nWhat does the on-call rotation look like?\nOne week in six.\n";
  engine->import_paths({dir.write("plain.txt", text)});
  std::map<std::string, std::string> plain;
  for (const auto& card : engine->collection().find_cards("Behavioral Interview Questions", "", 1000))
    plain[card.content.prompt] = type_name(card.content.type);
  CHECK(plain["Your proudest project?"] == "behavioural");
  CHECK(plain["What does the on-call rotation look like?"] == "ask");
}

TEST_CASE("an Anki note tagged with a type gets it; other notes are left to their wording", "[anki][types]") {
  test::AnkiPackageBuilder anki(test::AnkiPackageBuilder::Layout::legacy1);
  const auto basic = anki.note_type("Basic", {"Front", "Back"});
  anki.note(basic, "Interview", "g-rollout", {"Your biggest rollout", "The payments cut-over."}, "Behavioral senior");
  anki.note(basic, "Interview", "g-limiter", {"Rate limiter", "Token buckets."}, "interview::system-design");
  anki.note(basic, "Interview", "g-bloom", {"What is a bloom filter?", "A probabilistic set."}, "databases");
  anki.note(basic, "Interview", "g-mixed", {"Consistency models", "Strong, eventual."}, "design technical");
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("interview.apkg", anki.package())});
  auto cards = by_uid(*engine);
  CHECK(type_name(cards["g-rollout"].content.type) == "behavioural");
  CHECK(type_name(cards["g-limiter"].content.type) == "design");
  CHECK_FALSE(cards["g-bloom"].content.type);
  CHECK_FALSE(cards["g-mixed"].content.type);  // tags that disagree say nothing
}

TEST_CASE("the bundled decks: every behavioural question is behavioural, every question to ask is ask", "[markdown][decks][types]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({std::filesystem::path(REHEARSE_SOURCE_DIR) / "decks"});
  const std::map<std::string, QuestionType> whole_deck = {{"Behavioral questions (senior backend)", QuestionType::behavioural},
                                                          {"Questions to ask the interviewer", QuestionType::ask},
                                                          {"My story bank", QuestionType::story}};
  std::map<QuestionType, int> counts;
  for (const auto& card : engine->collection().find_cards("", "", 10'000)) {
    CAPTURE(card.deck, card.content.prompt);
    const QuestionType type = type_of(card.content);
    ++counts[type];
    if (const auto it = whole_deck.find(card.deck); it != whole_deck.end()) CHECK(to_string(type) == to_string(it->second));
    if (card.content.kind == CardKind::keypoint) CHECK(type == QuestionType::keypoint);
  }
  CHECK(counts[QuestionType::behavioural] >= 35);
  CHECK(counts[QuestionType::ask] >= 12);
}
