// A question's follow-ups (`follow-ups:` in a deck, a column in a CSV list): what a mock interview
// asks after the answer. They must survive everything a card's text goes through: an import, a
// re-import, an export and an edit.
#include <filesystem>

#include "test_support.h"

using namespace rehearse;
using test::TempDir;

namespace {

const char* kDeck = R"(---
deck: Mine
---

## Q: Tell me about a time you cut a service's costs
id: cut-costs
themes: ownership, tradeoff
answer: How the saving was found, what it cost, what it saved.
follow-ups:
- How did you measure the saving?
- What did you give up for it?

## Q: What is idempotency?
answer: The same effect however often it is applied.
)";

Card card_with_uid(Collection& collection, const std::string& uid) {
  const auto cards = collection.cards_with_uid(uid);
  REQUIRE(cards.size() == 1);
  return cards.front();
}

const std::vector<std::string> kFollowUps = {"How did you measure the saving?", "What did you give up for it?"};

}  // namespace

TEST_CASE("a deck's follow-ups import, survive a re-import and an export, and a card without them has none", "[follow-ups]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto file = dir.write("mine.md", kDeck);
  engine->import_paths({file});
  const Card card = card_with_uid(engine->collection(), "cut-costs");
  CHECK(card.content.follow_ups == kFollowUps);
  CHECK(card_with_uid(engine->collection(), "what-is-idempotency").content.follow_ups.empty());

  // Importing the same file again changes nothing; changing a follow-up updates the card in place.
  CHECK(engine->import_paths({file}).updated == 0);
  std::string changed = kDeck;
  changed.replace(changed.find("What did you give up for it?"), 28, "What would you do differently?");
  dir.write("mine.md", changed);
  const ImportReport report = engine->import_paths({file});
  CHECK(report.updated == 1);
  CHECK(engine->collection().card(card.id)->content.follow_ups ==
        std::vector<std::string>{"How did you measure the saving?", "What would you do differently?"});

  // The Markdown writer writes them back, and the written deck reads the same.
  const CardWriter* writer = engine->card_writer("markdown");
  REQUIRE(writer != nullptr);
  const std::string block = writer->write_card(card.content);
  CHECK(block.find("follow-ups:\n- How did you measure the saving?\n- What did you give up for it?\n") != std::string::npos);
}

TEST_CASE("an edit changes a card's follow-ups: in the user's deck file, or as the user's version kept over re-imports",
          "[follow-ups][edit]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto deck = dir.write("mine.md", kDeck);
  const auto list = dir.write("list.csv", "question,answer,follow up questions,deck\n"
                                          "Tell me about a hard bug,How it was found,\"How long did it take?\nWho helped?\",Lists\n");
  engine->import_paths({deck, list});

  // The user's Markdown deck: the file is rewritten and imported again.
  Card card = card_with_uid(engine->collection(), "cut-costs");
  CardContent edited = card.content;
  edited.follow_ups = {"What did the other option cost?"};
  CHECK(engine->edit_card(card.id, edited).written_to_file);
  CHECK(test::read_text(deck).find("follow-ups:\n- What did the other option cost?\n") != std::string::npos);
  CHECK(engine->collection().card(card.id)->content.follow_ups == edited.follow_ups);

  // A CSV list: read from its column, then kept as the user's version, which a re-import leaves.
  Card bug = card_with_uid(engine->collection(), "tell-me-about-a-hard-bug");
  CHECK(bug.content.follow_ups == std::vector<std::string>{"How long did it take?", "Who helped?"});
  CardContent mine = bug.content;
  mine.follow_ups = {"What would you check first next time?"};
  CHECK_FALSE(engine->edit_card(bug.id, mine).written_to_file);
  dir.write("list.csv", "question,answer,follow-ups,deck\nTell me about a hard bug,How it was found,Who found it?,Lists\n");
  engine->import_paths({list});
  CHECK(engine->collection().card(bug.id)->content.follow_ups == mine.follow_ups);
  // Reset: the source's latest follow-ups.
  CHECK(engine->reset_card(bug.id));
  CHECK(engine->collection().card(bug.id)->content.follow_ups == std::vector<std::string>{"Who found it?"});
}
