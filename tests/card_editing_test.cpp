// Editing a card: through the engine (what the web app does) and with `rehearse edit` (the user's
// $EDITOR on the card's Markdown). A card from the user's own Markdown deck is written back into
// that file, every other byte kept; any other card (a bundled deck, a CSV list) keeps the user's
// version in the collection, which re-imports leave alone until --reset. Progress stays either way.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "rehearse/errors.h"
#include "test_support.h"

using namespace rehearse;
using test::TempDir;

namespace {

const char* kDeck = R"(---
deck: Mine
tags: prep
type: technical
---

# My prep notes

Some notes that are not a card.

## Q: What is idempotency?
id: my-idempotency
answer:
The same effect however often it is applied.
key points:
- Safe to retry | retries

## Q: What is backpressure?
answer: Slowing producers down.

## Notes
Links I keep.
)";

// The card with the uid `uid`.
Card card_with_uid(Collection& collection, const std::string& uid) {
  const auto cards = collection.cards_with_uid(uid);
  REQUIRE(cards.size() == 1);
  return cards.front();
}

// Answers card `id` once, as a review does: the card then has progress to keep.
void answer_once(Engine& engine, std::int64_t id) {
  auto session = engine.start_review();
  const Card card = *engine.collection().card(id);
  session->answer(card, Rating::good, {});
}

// An $EDITOR for `rehearse edit`: a shell script that runs `command` on the file ("$1").
std::string editor_script(const TempDir& dir, const std::string& name, const std::string& command) {
  const auto path = dir.write(name, "#!/bin/sh\n" + command + "\n");
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path.string();
}

}  // namespace

TEST_CASE("an edit of a card from the user's Markdown deck replaces its block in the file and keeps its progress", "[edit]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto file = dir.write("mine.md", kDeck);
  engine->import_paths({file});
  Card card = card_with_uid(engine->collection(), "my-idempotency");
  answer_once(*engine, card.id);
  card = *engine->collection().card(card.id);
  REQUIRE(card.scheduling.reps == 1);

  CardContent edited = card.content;
  edited.prompt = "What does idempotent mean?";
  edited.answer = "Applying it twice has the effect of applying it once.";
  edited.key_points = {{"Safe to retry", {"retries", "at-least-once"}}};
  edited.pitfalls = {"Confusing it with commutativity"};
  edited.themes = {"reliability"};
  const Engine::CardEdit result = engine->edit_card(card.id, edited);
  CHECK(result.written_to_file);
  CHECK(result.file == std::filesystem::weakly_canonical(file).string());

  // The card's block is the new text; the front matter, the notes, the other cards are as they were.
  const std::string text = test::read_text(file);
  const std::string block = "## Q: What does idempotent mean?\nid: my-idempotency\nthemes: reliability\n"
                            "answer:\nApplying it twice has the effect of applying it once.\n"
                            "key points:\n- Safe to retry | retries, at-least-once\navoid:\n- Confusing it with commutativity\n";
  std::string expected = kDeck;
  const size_t begin = expected.find("## Q: What is idempotency?");
  const size_t end = expected.find("\n## Q: What is backpressure?");
  expected.replace(begin, end - begin, block);
  CHECK(text == expected);

  // Re-imported: the same card, with its progress and history, and the deck's tags as before.
  const Card after = *engine->collection().card(card.id);
  CHECK(after.content.prompt == "What does idempotent mean?");
  CHECK(after.content.key_points == edited.key_points);
  CHECK(after.content.pitfalls == edited.pitfalls);
  CHECK(after.content.themes == edited.themes);
  CHECK(after.content.tags == std::vector<std::string>{"prep"});
  CHECK(after.scheduling == card.scheduling);
  CHECK(engine->collection().review_log(card.id).size() == 1);
  CHECK_FALSE(engine->collection().has_user_version(card.id));
  CHECK(engine->collection().stats().cards == 2);

  // Importing the file again changes nothing.
  const ImportReport again = engine->import_paths({file});
  CHECK(again.updated == 0);
  CHECK(again.added == 0);
}

TEST_CASE("an edit of a card from a CSV list is the user's version: re-imports leave it, reset restores the source's", "[edit]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto file = dir.write("list.csv", "question,answer,deck\nWhat is a bulkhead?,Isolating failures,Lists\n");
  engine->import_paths({file});
  const Card card = card_with_uid(engine->collection(), "what-is-a-bulkhead");
  answer_once(*engine, card.id);
  const Card answered = *engine->collection().card(card.id);

  CardContent edited = answered.content;
  edited.answer = "Isolating pools so one failure cannot sink the ship.";
  edited.key_points = {{"Separate pools", {"partition"}}};
  const Engine::CardEdit result = engine->edit_card(card.id, edited);
  CHECK_FALSE(result.written_to_file);
  CHECK(test::read_text(file) == "question,answer,deck\nWhat is a bulkhead?,Isolating failures,Lists\n");
  CHECK(engine->collection().has_user_version(card.id));
  CHECK(engine->collection().card(card.id)->content.answer == edited.answer);

  // The source changes; a re-import keeps the user's text, and the card its progress.
  dir.write("list.csv", "question,answer,deck\nWhat is a bulkhead?,Isolating failures per pool,Lists\n");
  engine->import_paths({file});
  Card now = *engine->collection().card(card.id);
  CHECK(now.content.answer == edited.answer);
  CHECK(now.content.key_points == edited.key_points);
  CHECK(now.scheduling == answered.scheduling);

  // Reset: the source's latest text, same card, same progress.
  CHECK(engine->reset_card(card.id));
  now = *engine->collection().card(card.id);
  CHECK(now.content.answer == "Isolating failures per pool");
  CHECK(now.content.key_points.empty());
  CHECK(now.scheduling == answered.scheduling);
  CHECK_FALSE(engine->collection().has_user_version(card.id));
  CHECK_FALSE(engine->reset_card(card.id));
}

TEST_CASE("an edit keeps the card's identity: its id and kind cannot change, an unknown card is refused", "[edit]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto file = dir.write("mine.md", kDeck);
  engine->import_paths({file});
  const Card card = card_with_uid(engine->collection(), "my-idempotency");
  CardContent edited = card.content;
  edited.uid = "something-else";
  CHECK_THROWS_WITH(engine->edit_card(card.id, edited), Catch::Contains("stays so"));
  edited = card.content;
  edited.kind = CardKind::story;
  CHECK_THROWS_WITH(engine->edit_card(card.id, edited), Catch::Contains("stays one"));
  CHECK_THROWS_WITH(engine->edit_card(987654, card.content), Catch::Contains("there is no card 987654"));
  CHECK(test::read_text(file) == kDeck);
}

TEST_CASE("rehearse edit opens $EDITOR on the card's Markdown and writes the user's deck file", "[edit][program]") {
  TempDir dir;
  const std::string collection = (dir / "collection.db").string();
  const auto file = dir.write("mine.md", kDeck);
  auto run = [&](std::vector<std::string> args, std::vector<std::string> env = {}, const std::string& input = "") {
    args.insert(args.begin(), {"--collection", collection, "--now", "2026-03-02T08:00:00Z"});
    env.push_back("TMPDIR=" + dir.path().string());
    return test::run_program(args, input, env);
  };
  REQUIRE(run({"import", file.string()}).status == 0);

  // The editor sees the card as the deck format writes it, with its id.
  const std::string show = editor_script(dir, "show.sh", "cp \"$1\" \"" + (dir / "seen.md").string() + "\"");
  auto result = run({"edit", "my-idempotency"}, {"EDITOR=" + show});
  CHECK(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("No change"));
  CHECK_THAT(test::read_text(dir / "seen.md"), Catch::StartsWith("## Q: What is idempotency?\nid: my-idempotency\n"));

  // $VISUAL when $EDITOR is not set.
  const std::string edit = editor_script(dir, "edit.sh", "sed -i 's/The same effect however often it is applied./Once or twice: the same./' \"$1\"");
  result = run({"edit", "my-idempotency"}, {"VISUAL=" + edit, "EDITOR="});
  CHECK(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("mine.md"));
  std::string expected = kDeck;
  expected.replace(expected.find("The same effect however often it is applied."), 45, "Once or twice: the same.");
  // The block is rewritten by the deck writer: the other bytes of the file are as they were.
  const std::string text = test::read_text(file);
  CHECK(text.substr(0, text.find("## Q: What is idempotency?")) == expected.substr(0, expected.find("## Q: What is idempotency?")));
  CHECK(text.substr(text.find("\n## Q: What is backpressure?")) == expected.substr(expected.find("\n## Q: What is backpressure?")));
  CHECK_THAT(text, Catch::Contains("answer:\nOnce or twice: the same.\n"));

  // The card's number works too, as --json outputs give it.
  CHECK(run({"edit", "1"}, {"EDITOR=" + show}).status == 0);
}

TEST_CASE("rehearse edit: unreadable Markdown or an unknown card is an error naming where, and nothing changes", "[edit][program]") {
  TempDir dir;
  const std::string collection = (dir / "collection.db").string();
  const auto file = dir.write("mine.md", kDeck);
  auto run = [&](std::vector<std::string> args, std::vector<std::string> env = {}) {
    args.insert(args.begin(), {"--collection", collection, "--now", "2026-03-02T08:00:00Z"});
    env.push_back("TMPDIR=" + dir.path().string());
    return test::run_program(args, "", env);
  };
  REQUIRE(run({"import", file.string()}).status == 0);

  // A type that is not one: the error names the edited file and its line; not on a terminal, no reopening.
  const std::string bad = editor_script(dir, "bad.sh", "sed -i 's/^type: technical$/type: behaviorl/' \"$1\"");
  auto result = run({"edit", "my-idempotency"}, {"EDITOR=" + bad});
  CHECK(result.status == 1);
  CHECK_THAT(result.err, Catch::Matches("(.|\\n)*rehearse-edit-[0-9]+-[0-9]+\\.md:3: 'behaviorl' is not a question type(.|\\n)*"));
  CHECK_THAT(result.err, Catch::Contains("Nothing was changed"));
  CHECK_THAT(result.err, Catch::Contains("Your text is kept in"));
  CHECK(test::read_text(file) == kDeck);

  // Two cards where one was: refused, naming the line of the second.
  const std::string two = editor_script(dir, "two.sh", "printf '\\n## Q: Another\\nanswer: x\\n' >> \"$1\"");
  result = run({"edit", "my-idempotency"}, {"EDITOR=" + two});
  CHECK(result.status == 1);
  CHECK_THAT(result.err, Catch::Contains("exactly one card"));
  CHECK(test::read_text(file) == kDeck);

  // The id is the card's identity: changing it is refused.
  const std::string rename = editor_script(dir, "rename.sh", "sed -i 's/^id: my-idempotency$/id: other/' \"$1\"");
  result = run({"edit", "my-idempotency"}, {"EDITOR=" + rename});
  CHECK(result.status == 1);
  CHECK_THAT(result.err, Catch::Contains("'id:'"));

  // An editor that fails saves nothing.
  result = run({"edit", "my-idempotency"}, {"EDITOR=false"});
  CHECK(result.status == 1);
  CHECK_THAT(result.err, Catch::Contains("the editor (false) failed"));

  // An unknown card.
  result = run({"edit", "no-such-card"}, {"EDITOR=" + bad});
  CHECK(result.status == 1);
  CHECK_THAT(result.err, Catch::Contains("there is no card with the id 'no-such-card'"));
  CHECK(test::read_text(file) == kDeck);
}

TEST_CASE("rehearse edit of a bundled card keeps the user's version; export writes it; --reset goes back", "[edit][program]") {
  TempDir dir;
  const std::string collection = (dir / "collection.db").string();
  auto run = [&](std::vector<std::string> args, std::vector<std::string> env = {}) {
    args.insert(args.begin(), {"--collection", collection, "--now", "2026-03-02T08:00:00Z"});
    env.push_back("TMPDIR=" + dir.path().string());
    return test::run_program(args, "", env);
  };
  // A new collection starts with the bundled decks; a review shows each card's id.
  const auto review = run({"review", "--deck", "The STAR method"});
  const auto id_at = review.out.find("The STAR method · ");
  REQUIRE(id_at != std::string::npos);
  const size_t id_start = id_at + std::string("The STAR method · ").size();
  const std::string id = review.out.substr(id_start, review.out.find('\n', id_start) - id_start);

  // The bundled deck files are the repository's: they are never written.
  std::map<std::string, std::string> bundled;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(REHEARSE_SOURCE_DIR) + "/decks"))
    bundled[entry.path().string()] = test::read_text(entry.path());
  const std::string edit = editor_script(dir, "edit.sh", "sed -i '0,/^## /s/^## \\([QKS]\\): .*$/## \\1: My own wording of this card/' \"$1\"");
  auto result = run({"edit", id, "--deck", "The STAR method"}, {"EDITOR=" + edit});
  CHECK(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("your version"));
  for (const auto& [path, text] : bundled) CHECK(test::read_text(path) == text);

  // Export writes the user's version.
  result = run({"export", "The STAR method", "-"});
  CHECK_THAT(result.out, Catch::Contains(": My own wording of this card\nid: " + id + "\n"));

  // --reset: the bundled text again.
  result = run({"edit", id, "--deck", "The STAR method", "--reset"});
  CHECK(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("back to its source's text"));
  result = run({"export", "The STAR method", "-"});
  CHECK_THAT(result.out, !Catch::Contains("My own wording of this card"));
}

TEST_CASE("a write-back keeps a file's Windows line ends, its missing last newline and the deck it was imported into", "[edit]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const std::string deck = "## Q: First\r\nid: crlf-first\r\nanswer: one\r\n\r\n## Q: Last\r\nid: crlf-last\r\nanswer: two";
  const auto file = dir.write("windows.md", deck);
  ImportOptions options;
  options.deck = "Imported::Elsewhere";
  engine->import_paths({file}, options);
  const Card last = card_with_uid(engine->collection(), "crlf-last");
  CHECK(last.deck == "Imported::Elsewhere");

  CardContent edited = last.content;
  edited.answer = "two, edited";
  CHECK(engine->edit_card(last.id, edited).written_to_file);
  CHECK(test::read_text(file) == "## Q: First\r\nid: crlf-first\r\nanswer: one\r\n\r\n## Q: Last\r\nid: crlf-last\r\nanswer:\r\ntwo, edited");
  const Card after = *engine->collection().card(last.id);
  CHECK(after.deck == "Imported::Elsewhere");
  CHECK(after.content.answer == "two, edited");
  CHECK(engine->collection().stats().cards == 2);
}

TEST_CASE("a card without an id: keeps its identity when its prompt is edited: the file gets its id", "[edit]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto file = dir.write("mine.md", kDeck);
  engine->import_paths({file});
  const Card card = card_with_uid(engine->collection(), "what-is-backpressure");
  answer_once(*engine, card.id);
  const Card answered = *engine->collection().card(card.id);

  CardContent edited = answered.content;
  edited.prompt = "Explain backpressure";
  REQUIRE(engine->edit_card(card.id, edited).written_to_file);
  CHECK_THAT(test::read_text(file), Catch::Contains("## Q: Explain backpressure\nid: what-is-backpressure\nanswer:\nSlowing producers down.\n\n## Notes\n"));
  const Card after = *engine->collection().card(card.id);
  CHECK(after.content.prompt == "Explain backpressure");
  CHECK(after.scheduling == answered.scheduling);
  CHECK(engine->collection().stats().cards == 2);
}
