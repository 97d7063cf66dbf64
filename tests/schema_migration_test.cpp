// A collection written by an older rehearse opens, migrates and keeps everything.
//
// tests/data/collection-v1.db was made by rehearse with schema version 1 (before burying, leeches
// and undoable side effects): the deck below imported, then five answers on 2025-06-01.
//   ## Q: What is idempotency?       id: idempotency    good, good: a review card due 2025-06-02
//   ## Q: What is backpressure?      id: backpressure   good: in its 10-minute step
//   ## K: Strangler Fig pattern      id: strangler-fig  again, good: in its 10-minute step
#include <filesystem>

#include "days.h"

using namespace rehearse;

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
