// A collection written by an older rehearse opens, migrates and keeps everything.
//
// tests/data/collection-v1.db was made by rehearse with schema version 1 (before burying, leeches
// and undoable side effects): the deck below imported, then five answers on 2025-06-01.
//   ## Q: What is idempotency?       id: idempotency    good, good: a review card due 2025-06-02
//   ## Q: What is backpressure?      id: backpressure   good: in its 10-minute step
//   ## K: Strangler Fig pattern      id: strangler-fig  again, good: in its 10-minute step
//
// tests/data/collection-v4.db was made by rehearse with schema version 4 (before question types)
// from kPrepV4 below, deck "Prep" with no `type:` anywhere, then three answers on 2025-06-01 at
// 09:05 (FSRS): disagreement good, url-shortener good, team-week again.
#include <filesystem>

#include "days.h"

using namespace rehearse;

namespace {

const char* kPrepV4 = R"(---
deck: Prep
---
## Q: Tell me about a time you disagreed with your manager
id: disagreement
themes: disagreement
answer: Listen first, then bring data.

## Q: How would you design a URL shortener?
id: url-shortener
answer: Hash ids, a key-value store, a cache in front.

## Q: What does a typical week look like for your team?
id: team-week
answer: Ask about meetings, on-call and focus time.

## Q: What is idempotency?
id: idempotency
answer: The same effect when repeated.

## K: Strangler Fig pattern
Replace a legacy system piece by piece behind a facade.
id: strangler-fig

## S: Checkout latency
id: checkout
themes: incident
situation: p99 tripled during a sale.
task: I owned checkout.
action:
- I rolled back the release.
result: p99 back to 180 ms in 40 minutes.
)";

}  // namespace

TEST_CASE("a version-1 collection opens, migrates and keeps its cards and reviews", "[day]") {
  test::TempDir dir;
  std::filesystem::copy_file(std::string(REHEARSE_SOURCE_DIR) + "/tests/data/collection-v1.db", dir / "collection.db");
  auto engine = test::make_engine(dir, "2025-06-02T09:00:00Z");
  Collection& collection = engine->collection();
  CHECK(collection.schema_version() == Collection::latest_schema_version());
  CHECK(Collection::latest_schema_version() >= 2);

  std::map<std::string, Card> cards;
  for (auto& card : collection.find_cards("", "", 10)) cards[card.content.uid] = card;
  REQUIRE(cards.size() == 3);
  CHECK(cards["idempotency"].scheduling.state == CardState::review);
  CHECK(cards["idempotency"].deck == "Prep::Concepts");
  CHECK(cards["idempotency"].content.tags.empty());
  // Cards from before question types have none, and are read by their wording.
  CHECK_FALSE(cards["idempotency"].content.type);
  CHECK(type_of(cards["idempotency"].content) == QuestionType::technical);
  CHECK(type_of(cards["strangler-fig"].content) == QuestionType::keypoint);
  CHECK(collection.review_log(cards["idempotency"].id).size() == 2);
  CHECK(collection.review_log(cards["strangler-fig"].id).size() == 2);
  CHECK(collection.stats().reviews_total == 5);

  // The day goes on as before: yesterday's learning steps, then today's review.
  const auto queue = collection.queue("", 0);
  CHECK(queue.learning.size() == 2);
  CHECK(queue.review == std::vector<std::int64_t>{cards["idempotency"].id});

  // And what the new schema adds works on the old cards: an answer with its side effects, undone.
  collection.set_scheduling(cards["idempotency"].id, test::review_due(engine->clock().now_ms() - kMsPerDay, 7));
  auto session = engine->start_review();
  const Card review = *collection.card(cards["idempotency"].id);
  const AnswerOutcome outcome = session->answer(review, Rating::again, {});
  CHECK(outcome.suspended);
  CHECK(collection.card(review.id)->suspended);
  REQUIRE(session->undo());
  CHECK_FALSE(collection.card(review.id)->suspended);
  CHECK(collection.card(review.id)->scheduling == review.scheduling);
}

TEST_CASE("a version-4 collection migrates: its cards have no type and are read by their wording", "[day][types]") {
  test::TempDir dir;
  std::filesystem::copy_file(std::string(REHEARSE_SOURCE_DIR) + "/tests/data/collection-v4.db", dir / "collection.db");
  auto engine = test::make_engine(dir, "2025-06-02T09:00:00Z");
  Collection& collection = engine->collection();
  CHECK(collection.schema_version() == Collection::latest_schema_version());
  CHECK(Collection::latest_schema_version() >= 5);

  std::map<std::string, Card> cards;
  for (auto& card : collection.find_cards("", "", 100)) cards[card.content.uid] = card;
  REQUIRE(cards.size() == 6);
  for (const auto& [uid, card] : cards) {
    CAPTURE(uid);
    CHECK_FALSE(card.content.type);
    CHECK(type_of(card.content) == infer_question_type(card.content.kind, card.content.prompt, !card.content.themes.empty()));
  }
  CHECK(type_of(cards["disagreement"].content) == QuestionType::behavioural);
  CHECK(type_of(cards["url-shortener"].content) == QuestionType::design);
  CHECK(type_of(cards["idempotency"].content) == QuestionType::technical);
  CHECK(type_of(cards["strangler-fig"].content) == QuestionType::keypoint);
  CHECK(type_of(cards["checkout"].content) == QuestionType::story);
  CHECK(collection.stats().reviews_total == 3);
  CHECK(cards["disagreement"].scheduling.reps == 1);

  // The same file again changes no card: no type in the file is no type in the collection.
  const auto file = dir.write("prep.md", kPrepV4);
  ImportReport report = engine->import_paths({file});
  CHECK(report.added == 0);
  CHECK(report.updated == 0);
  CHECK(report.unchanged == 6);

  // A type given now is kept, with the card's progress.
  std::string typed = kPrepV4;
  typed.replace(typed.find("id: team-week\n"), 14, "id: team-week\ntype: ask\n");
  dir.write("prep.md", typed);
  report = engine->import_paths({file});
  CHECK(report.updated == 1);
  const Card team_week = *collection.card(cards["team-week"].id);
  CHECK(team_week.content.type == QuestionType::ask);
  CHECK(team_week.scheduling == cards["team-week"].scheduling);
  CHECK(collection.review_log(team_week.id).size() == 1);
}

TEST_CASE("a version-4 collection migrates to where cards keep the user's version, with their progress", "[day][edit]") {
  test::TempDir dir;
  std::filesystem::copy_file(std::string(REHEARSE_SOURCE_DIR) + "/tests/data/collection-v4.db", dir / "collection.db");
  auto engine = test::make_engine(dir, "2025-06-02T09:00:00Z");
  Collection& collection = engine->collection();
  CHECK(collection.schema_version() == Collection::latest_schema_version());
  CHECK(Collection::latest_schema_version() >= 6);

  const std::vector<Card> found = collection.cards_with_uid("disagreement");
  REQUIRE(found.size() == 1);
  const Card before = found.front();
  CHECK_FALSE(collection.has_user_version(before.id));

  // The file it came from is not on this machine: the edit is kept as the user's version.
  CardContent edited = before.content;
  edited.answer = "Listen first, then bring data, then commit.";
  const Engine::CardEdit result = engine->edit_card(before.id, edited);
  CHECK_FALSE(result.written_to_file);
  CHECK(collection.has_user_version(before.id));
  Card after = *collection.card(before.id);
  CHECK(after.content.answer == edited.answer);
  CHECK(after.scheduling == before.scheduling);
  CHECK(collection.review_log(before.id).size() == 1);

  // The deck imported again from a file: the user's text stays; reset brings the file's back.
  const auto file = dir.write("prep.md", kPrepV4);
  engine->import_paths({file});
  CHECK(collection.card(before.id)->content.answer == edited.answer);
  REQUIRE(engine->reset_card(before.id));
  after = *collection.card(before.id);
  CHECK(after.content.answer == "Listen first, then bring data.");
  CHECK(after.scheduling == before.scheduling);
}
