// Importing Anki packages as a user exported them: the three layouts Anki writes, notes turned
// into cards, progress kept across re-imports, review history on request, broken packages refused.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "anki_fixture.h"
#include "rehearse/errors.h"
#include "test_support.h"

using namespace rehearse;
using test::AnkiPackageBuilder;
using test::TempDir;
using Layout = AnkiPackageBuilder::Layout;

namespace {

Card card_with_uid(Engine& engine, const std::string& uid) {
  for (const auto& card : engine.collection().find_cards("", "", 1000))
    if (card.content.uid == uid) return card;
  FAIL("no card with uid " << uid);
  return {};
}

std::vector<std::string> sorted(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  return items;
}

// An interview deck as people keep them in Anki: a Basic type, a type of their own with more
// fields, HTML from Anki's editor, tags, nested decks and a card sitting in a filtered deck.
AnkiPackageBuilder interview_deck(Layout layout) {
  AnkiPackageBuilder anki(layout);
  const auto basic = anki.note_type("Basic", {"Front", "Back"});
  const auto custom = anki.note_type("Interview question", {"Question", "Answer", "Key points", "Pitfalls", "Source"});
  anki.note(basic, "Interview::System design", "g-cap", {"What is the <b>CAP</b> theorem?",
            "<div>Consistency, availability,</div><div>partition tolerance&nbsp;&mdash; pick two&#33;</div>[sound:cap.mp3]"},
            "distributed theory");
  const auto idempotency = anki.note(basic, "Interview::APIs", "g-idem",
                                     {"Idempotency", "Same request twice &rarr; same effect<br>e.g. PUT &amp; DELETE"});
  anki.move_to_filtered(idempotency.front(), "Cram before Friday");
  anki.note(custom, "Interview::APIs", "g-retry",
            {"How do you make retries safe?", "Idempotency keys stored with the result.",
             "<ul><li>dedup key per request</li><li>store the response</li></ul>", "Retrying non-idempotent POSTs",
             "Mock with <i>Sam</i>"},
            "apis");
  return anki;
}

void check_interview_deck(Engine& engine) {
  CHECK(sorted(engine.collection().deck_names()) == std::vector<std::string>{"Interview::APIs", "Interview::System design"});

  const Card cap = card_with_uid(engine, "g-cap");
  CHECK(cap.deck == "Interview::System design");
  CHECK(cap.content.kind == CardKind::question);
  CHECK(cap.content.prompt == "What is the CAP theorem?");
  CHECK(cap.content.answer == "Consistency, availability,\npartition tolerance \u2014 pick two!");
  CHECK(cap.content.tags == std::vector<std::string>{"distributed", "theory"});

  // The card was in a filtered deck: it comes home.
  const Card idempotency = card_with_uid(engine, "g-idem");
  CHECK(idempotency.deck == "Interview::APIs");
  CHECK(idempotency.content.answer == "Same request twice \u2192 same effect\ne.g. PUT & DELETE");

  const Card retry = card_with_uid(engine, "g-retry");
  CHECK(retry.content.prompt == "How do you make retries safe?");
  CHECK(retry.content.answer == "Idempotency keys stored with the result.\n\nSource: Mock with Sam");
  REQUIRE(retry.content.key_points.size() == 2);
  CHECK(retry.content.key_points[0].text == "dedup key per request");
  CHECK(retry.content.key_points[1].text == "store the response");
  CHECK(retry.content.pitfalls == std::vector<std::string>{"Retrying non-idempotent POSTs"});
  CHECK(retry.content.tags == std::vector<std::string>{"apis"});
}

// A cloze note: one card per deletion, with hints, like Anki's own cards of it.
AnkiPackageBuilder cloze_deck(Layout layout) {
  AnkiPackageBuilder anki(layout);
  const auto cloze = anki.note_type("Cloze", {"Text", "Back Extra"}, true);
  anki.note(cloze, "Interview::Distributed", "g-consensus",
            {"{{c1::Raft}} elects a leader; {{c2::Paxos::protocol}} came first.", "<i>Both are consensus protocols.</i>"});
  return anki;
}

std::string must_fail(Engine& engine, const std::vector<std::filesystem::path>& paths, const ImportOptions& options = {}) {
  try {
    engine.import_paths(paths, options);
  } catch (const ParseError& e) {
    return e.what();
  }
  FAIL("the import did not fail");
  return {};
}

}  // namespace

TEST_CASE("a package from an older Anki or another tool imports its notes as cards", "[anki]") {
  TempDir dir;
  const auto file = dir.write("interview.apkg", interview_deck(Layout::legacy1).package());
  auto engine = test::make_engine(dir);
  const ImportReport report = engine->import_paths({file});
  CHECK(report.added == 3);
  check_interview_deck(*engine);
}

TEST_CASE("a package from Anki 2.1.50 and later is read from the collection its meta names", "[anki]") {
  for (Layout layout : {Layout::legacy2, Layout::latest}) {
    TempDir dir;
    const auto file = dir.write("interview.apkg", interview_deck(layout).package());
    auto engine = test::make_engine(dir);
    CHECK(engine->import_paths({file}).added == 3);
    // Not the dummy collection.anki2 that tells old versions of Anki to update.
    CHECK(engine->collection().find_cards("", "newer version of Anki", 10).empty());
    check_interview_deck(*engine);
  }
}

TEST_CASE("a cloze note becomes one card per deletion, with its hint", "[anki]") {
  for (Layout layout : {Layout::legacy1, Layout::latest}) {
    TempDir dir;
    const auto file = dir.write("cloze.apkg", cloze_deck(layout).package());
    auto engine = test::make_engine(dir);
    CHECK(engine->import_paths({file}).added == 2);

    const Card first = card_with_uid(*engine, "g-consensus");
    CHECK(first.deck == "Interview::Distributed");
    CHECK(first.content.prompt == "[...] elects a leader; Paxos came first.");
    CHECK(first.content.answer == "Raft elects a leader; Paxos came first.\n\nBoth are consensus protocols.");
    const Card second = card_with_uid(*engine, "g-consensus#c2");
    CHECK(second.content.prompt == "Raft elects a leader; [protocol] came first.");
    CHECK(second.content.answer == first.content.answer);
    // Siblings: not shown on the same day.
    CHECK(!first.content.group.empty());
    CHECK(first.content.group == second.content.group);
  }
}

TEST_CASE("Anki's HTML becomes the text a reader of the card sees", "[anki]") {
  AnkiPackageBuilder anki(Layout::latest);
  const auto basic = anki.note_type("Basic", {"Front", "Back"});
  anki.note(basic, "Default", "g-html",
            {"<div>Name&nbsp;the  <span style=\"color: red\">three</span>\n states</div><div><br></div><div>of a "
             "circuit breaker</div>",
             "<ol><li>closed</li><li>open&#x2014;fail fast</li><li>half-open</li></ol><style>.x{}</style>"
             "<table><tr><td>p99</td><td>180&nbsp;ms</td></tr></table><img src=\"breaker.png\"><!-- note to self -->"
             "[sound:breaker.mp3]&unknown; 3 &lt; 5"});
  anki.media("breaker.png", "not really a png");
  TempDir dir;
  const auto file = dir.write("html.apkg", anki.package());
  auto engine = test::make_engine(dir);
  const ImportReport report = engine->import_paths({file});
  const Card card = card_with_uid(*engine, "g-html");
  CHECK(card.content.prompt == "Name the three states\n\nof a circuit breaker");
  CHECK(card.content.answer == "1. closed\n2. open\u2014fail fast\n3. half-open\np99 | 180 ms\n[image: breaker.png] &unknown; 3 < 5");
  // Media are not imported, and the user hears of it.
  REQUIRE(report.warnings.size() == 1);
  CHECK(report.warnings[0].message.find("1 media file") != std::string::npos);
}

TEST_CASE("a note whose question is only white space, written as character references, is skipped", "[anki]") {
  AnkiPackageBuilder anki(Layout::latest);
  const auto basic = anki.note_type("Basic", {"Front", "Back"});
  anki.note(basic, "Default", "g-blank", {"&#13;&#9; <br>&#10;", "An answer without a question"});
  anki.note(basic, "Default", "g-queue", {"What is a queue?", "A buffer"});
  TempDir dir;
  const auto file = dir.write("blank.apkg", anki.package());
  auto engine = test::make_engine(dir);
  const ImportReport report = engine->import_paths({file});
  CHECK(report.added == 1);
  REQUIRE(report.warnings.size() == 1);
  CHECK_THAT(report.warnings[0].message, Catch::Contains("the field the question comes from is empty"));
}

TEST_CASE("importing a newer export of a deck updates its cards in place and keeps their progress", "[anki]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto file = dir.write("interview.apkg", interview_deck(Layout::latest).package());
  engine->import_paths({file});

  auto session = engine->start_review("Interview::System design");
  auto card = session->next();
  REQUIRE(card);
  REQUIRE(card->content.uid == "g-cap");
  session->answer(*card, Rating::good, {});
  const SchedulingState progress = card_with_uid(*engine, "g-cap").scheduling;
  REQUIRE(progress.reps == 1);

  // The next export: one note edited, one added, two deleted.
  AnkiPackageBuilder edited(Layout::latest);
  const auto type = edited.note_type("Basic", {"Front", "Back"});
  edited.note(type, "Interview::System design", "g-cap", {"What is the CAP theorem?", "Pick two of C, A and P."});
  edited.note(type, "Interview::System design", "g-pacelc", {"What does PACELC add?", "Latency versus consistency."});
  dir.write("interview.apkg", edited.package());

  const ImportReport report = engine->import_paths({file});
  CHECK(report.added == 1);
  CHECK(report.updated == 1);
  CHECK(report.suspended == 2);  // the notes the newer export no longer has
  const Card updated = card_with_uid(*engine, "g-cap");
  CHECK(updated.content.answer == "Pick two of C, A and P.");
  CHECK(updated.scheduling == progress);
  CHECK(engine->collection().review_log(updated.id).size() == 1);

  // Importing the same package again changes nothing.
  const ImportReport again = engine->import_paths({file});
  CHECK(again.added == 0);
  CHECK(again.updated == 0);
  CHECK(again.unchanged == 2);
}

TEST_CASE("importing with --with-history brings Anki's answers along and replays them through the scheduler", "[anki]") {
  AnkiPackageBuilder anki(Layout::latest);
  const auto basic = anki.note_type("Basic", {"Front", "Back"});
  const auto card = anki.note(basic, "Interview", "g-lsm", {"What is an LSM tree?", "Memtable, SSTables, compaction."}).front();
  anki.note(basic, "Interview", "g-btree", {"What is a B-tree?", "A balanced search tree."});
  const std::int64_t day = kMsPerDay;
  const std::int64_t t0 = test::at("2025-11-01T10:00:00Z");
  anki.review(card, t0 - 40 * day, 3, 0);             // before "Forget": another life of the card
  anki.review(card, t0 - 35 * day, 0, 4, 0, 0);       // Forget (reset to new)
  anki.review(card, t0, 1, 0, 0, 12000);              // learning: again
  anki.review(card, t0 + 600'000, 3, 0, 0, 7000);     // learning: good
  anki.review(card, t0 + day, 3, 1, 2500, 5000);      // review: good
  anki.review(card, t0 + 3 * day, 0, 4, 2500, 0);     // set due date by hand
  anki.review(card, t0 + 4 * day, 0, 5, 2500, 0);     // rescheduled
  anki.review(card, t0 + 5 * day, 3, 3, 0, 4000);     // cram that left the schedule alone
  anki.review(card, t0 + 9 * day, 2, 1, 2350, 9000);  // review: hard
  anki.review(card, t0 + 20 * day, 4, 1, 2500, 3000); // review: easy
  TempDir dir;
  const auto file = dir.write("history.apkg", anki.package());

  SECTION("with the option") {
    auto engine = test::make_engine(dir);
    ImportOptions options;
    options.source_options["with_history"] = "true";
    const ImportReport report = engine->import_paths({file}, options);
    CHECK(report.history == 5);
    const Card lsm = card_with_uid(*engine, "g-lsm");
    const auto log = engine->collection().review_log(lsm.id);
    REQUIRE(log.size() == 5);
    const std::vector<std::pair<std::int64_t, Rating>> expected = {
        {t0, Rating::again}, {t0 + 600'000, Rating::good}, {t0 + day, Rating::good},
        {t0 + 9 * day, Rating::hard}, {t0 + 20 * day, Rating::easy}};
    for (size_t i = 0; i < log.size(); ++i) {
      CHECK(log[i].reviewed_ms == expected[i].first);
      CHECK(log[i].rating == expected[i].second);
    }
    CHECK(log[0].taken_ms == 12000);
    CHECK(log[4].taken_ms == 3000);
    // The card's state is where the scheduler's replay of those answers left it.
    CHECK(lsm.scheduling.reps == 5);
    CHECK(lsm.scheduling.last_review_ms == t0 + 20 * day);
    CHECK(lsm.scheduling.state == CardState::review);
    CHECK(lsm.scheduling.due_ms > t0 + 20 * day);
    // A card Anki never showed stays new.
    CHECK(card_with_uid(*engine, "g-btree").scheduling.state == CardState::new_card);
  }

  SECTION("without it, every card starts new") {
    auto engine = test::make_engine(dir);
    const ImportReport report = engine->import_paths({file});
    CHECK(report.history == 0);
    const Card lsm = card_with_uid(*engine, "g-lsm");
    CHECK(lsm.scheduling.state == CardState::new_card);
    CHECK(engine->collection().review_log(lsm.id).empty());
  }
}

TEST_CASE("a note with several cards imports every card, as siblings, each with its own history", "[anki]") {
  for (Layout layout : {Layout::legacy1, Layout::latest}) {
    INFO(static_cast<int>(layout));
    AnkiPackageBuilder anki(layout);
    const auto reversed = anki.note_type("Basic (and reversed card)", {"Front", "Back"}, false,
                                         {{"Card 1", "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"},
                                          {"Card 2", "{{Back}}", "{{FrontSide}}\n\n<hr id=\"answer\">\n\n{{Front}}"}});
    // A type of one's own: three directions, one with a section shown only when a field has text.
    const auto three = anki.note_type(
        "Term three ways", {"Term", "Definition", "Example"}, false,
        {{"Define", "Define: {{Term}}", "{{FrontSide}}<hr id=answer>{{Definition}}"},
         {"Name", "Which term? {{Definition}}", "{{FrontSide}}<hr id=answer>{{Term}}"},
         {"Example", "{{#Example}}An example of {{Term}}?{{/Example}}{{^Example}}(none){{/Example}} {{type:Term}}",
          "{{FrontSide}}<hr id=answer>{{Example}}{{#Tags}} ({{Tags}}){{/Tags}}"}});
    const auto cards = anki.note(reversed, "Interview", "g-wal", {"What is a write-ahead log?", "A log written before the data."});
    const auto terms = anki.note(three, "Interview", "g-bulkhead", {"Bulkhead", "Isolating failures per pool", "<b>Separate</b> thread pools"});
    REQUIRE(cards.size() == 2);
    REQUIRE(terms.size() == 3);
    const std::int64_t t0 = test::at("2025-11-01T10:00:00Z");
    anki.review(cards[0], t0, 3, 0, 0);
    anki.review(cards[0], t0 + kMsPerDay, 3, 1);
    anki.review(cards[1], t0 + 60'000, 1, 0, 0);
    anki.review(cards[1], t0 + 600'000, 3, 0, 0);
    anki.review(cards[1], t0 + 2 * kMsPerDay, 4, 1);
    anki.review(terms[2], t0 + 1'000, 3, 0, 0);
    anki.review(9'999, t0 + 2'000, 3, 1);  // a card deleted in Anki: the log keeps its reviews
    TempDir dir;
    const auto file = dir.write("reversed.apkg", anki.package());
    auto engine = test::make_engine(dir);
    ImportOptions options;
    options.source_options["with_history"] = "true";
    const ImportReport report = engine->import_paths({file}, options);
    CHECK(report.added == 5);
    CHECK(report.history == 6);

    // The first card keeps the identity it always had, the note's guid, and so its progress.
    const Card forward = card_with_uid(*engine, "g-wal");
    CHECK(forward.content.prompt == "What is a write-ahead log?");
    CHECK(forward.content.answer == "A log written before the data.");
    const Card backward = card_with_uid(*engine, "g-wal#card2");
    CHECK(backward.content.prompt == "A log written before the data.");
    CHECK(backward.content.answer == "What is a write-ahead log?");
    CHECK(!forward.content.group.empty());
    CHECK(forward.content.group == backward.content.group);
    CHECK(engine->collection().review_log(forward.id).size() == 2);
    CHECK(engine->collection().review_log(backward.id).size() == 3);

    const Card named = card_with_uid(*engine, "g-bulkhead#card2");
    CHECK(named.content.prompt == "Which term? Isolating failures per pool");
    CHECK(named.content.answer == "Bulkhead");
    const Card example = card_with_uid(*engine, "g-bulkhead#card3");
    CHECK(example.content.prompt == "An example of Bulkhead?");
    CHECK(example.content.answer == "Separate thread pools");
    CHECK(example.content.group == card_with_uid(*engine, "g-bulkhead").content.group);
    CHECK(example.content.group != forward.content.group);
    CHECK(engine->collection().review_log(example.id).size() == 1);

    // What did not come along is said.
    REQUIRE(report.warnings.size() == 1);
    CHECK_THAT(report.warnings[0].message, Catch::Contains("1 past review of cards deleted in Anki"));
  }
}

TEST_CASE("a card whose template the package lacks is skipped, and the warnings say so and count its reviews", "[anki]") {
  AnkiPackageBuilder anki(Layout::latest);
  const auto basic = anki.note_type("Basic", {"Front", "Back"});
  const auto first = anki.note(basic, "Interview", "g-raft", {"What does Raft elect?", "A leader."}).front();
  const auto orphan = anki.sibling(first, 1);  // Basic has one template: what card 2 shows is unknown
  const std::int64_t t0 = test::at("2025-11-01T10:00:00Z");
  anki.review(first, t0, 3, 0, 0);
  anki.review(orphan, t0 + 1'000, 3, 0, 0);
  anki.review(orphan, t0 + kMsPerDay, 4, 1);
  TempDir dir;
  const auto file = dir.write("orphan.apkg", anki.package());
  auto engine = test::make_engine(dir);
  ImportOptions options;
  options.source_options["with_history"] = "true";
  const ImportReport report = engine->import_paths({file}, options);
  CHECK(report.added == 1);
  CHECK(report.history == 1);
  std::vector<std::string> messages;
  for (const auto& warning : report.warnings) messages.push_back(warning.message);
  REQUIRE(messages.size() == 2);
  CHECK_THAT(messages[0], Catch::StartsWith("1 card was skipped: the note type has no template for the card"));
  CHECK_THAT(messages[1], Catch::StartsWith("2 past reviews of skipped cards were left out"));
}

TEST_CASE("a package is recognised by its content, whatever its name", "[anki]") {
  TempDir dir;
  const auto file = dir.write("export (1).zip", interview_deck(Layout::legacy1).package());
  auto engine = test::make_engine(dir);
  CHECK(engine->import_paths({file}).added == 3);
}

TEST_CASE("a broken package is refused with what is wrong, and nothing is imported", "[anki]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const std::string good = interview_deck(Layout::latest).package();
  const auto good_file = dir.write("good.apkg", good);

  struct Broken {
    std::string name;
    std::string bytes;
    std::string says;
  };
  const std::string database = interview_deck(Layout::legacy1).database();
  const std::vector<Broken> cases = {
      {"truncated.apkg", good.substr(0, good.size() / 2), "cut short"},
      {"empty.apkg", "", "not a zip archive"},
      {"garbage.apkg", std::string(3000, '\x07') + "\x01\xff binary", "not a zip archive"},
      {"no-collection.apkg", AnkiPackageBuilder::zip({{"notes.txt", "hello"}, {"media", "{}"}}),
       "without an Anki collection"},
      {"not-sqlite.apkg", AnkiPackageBuilder::zip({{"collection.anki2", std::string(4096, 'x')}}), "cannot be read"},
      {"damaged-db.apkg", AnkiPackageBuilder::zip({{"collection.anki2", database.substr(0, database.size() / 3)}}),
       "cannot be read"},
      {"not-anki.apkg", AnkiPackageBuilder::zip({{"collection.anki2", test::read_text(dir / "collection.db")}}),
       "not an Anki collection"},
      {"bad-zstd.apkg", AnkiPackageBuilder::zip({{"meta", "\x08\x03"}, {"collection.anki21b", "\x28\xb5\x2f\xfd garbage"}}),
       "cannot be decompressed"},
      {"missing.apkg", AnkiPackageBuilder::zip({{"meta", "\x08\x03"}, {"collection.anki2", database}}), "is missing"},
      {"future.colpkg", AnkiPackageBuilder::zip({{"meta", "\x08\x04"}, {"collection.anki21c", "?"}, {"collection.anki2", database}}),
       "newer Anki"},
  };
  for (const auto& broken : cases) {
    INFO(broken.name);
    const auto file = dir.write(broken.name, broken.bytes);
    ImportOptions options;
    options.source = "anki";  // an empty or garbage file is not recognised as a package on its own
    const std::string message = must_fail(*engine, {good_file, file}, options);
    CHECK(message.find(file.string()) != std::string::npos);
    CHECK(message.find(broken.says) != std::string::npos);
    CHECK(engine->collection().stats().cards == 0);
  }
}

TEST_CASE("the import command takes --with-history and reports the reviews it brought", "[anki]") {
  AnkiPackageBuilder anki(Layout::legacy2);
  const auto basic = anki.note_type("Basic", {"Front", "Back"});
  const auto card = anki.note(basic, "Interview", "g-cli", {"What is back pressure?", "Slowing producers down."}).front();
  anki.review(card, test::at("2025-12-01T08:00:00Z"), 3, 0);
  anki.review(card, test::at("2025-12-02T08:00:00Z"), 3, 1);
  TempDir dir;
  const auto file = dir.write("deck.apkg", anki.package());
  const std::string collection = "--collection=" + (dir / "c.db").string();

  const auto imported = test::run_program({collection, "import", file.string(), "--with-history"});
  INFO(imported.err);
  CHECK(imported.status == 0);
  CHECK(imported.out.find("1 added") != std::string::npos);
  CHECK(imported.out.find("2 past reviews brought along") != std::string::npos);

  const auto broken = test::run_program({collection, "import", dir.write("broken.apkg", "PK\x03\x04 cut").string()});
  CHECK(broken.status == 1);
  CHECK(broken.err.find("broken.apkg") != std::string::npos);
}

// ctest runs this one (as anki_apkg_export_package) after anki_reference_install has installed
// anki-apkg-export into the build tree; it passes the folder in REHEARSE_ANKI_REFERENCE.
TEST_CASE("a package written by another tool (anki-apkg-export on npm) imports with the same notes", "[.anki-apkg-export]") {
  const char* reference = std::getenv("REHEARSE_ANKI_REFERENCE");
  if (!reference) FAIL("REHEARSE_ANKI_REFERENCE is not set; run this test through ctest");
  const std::filesystem::path tool = reference;
  REQUIRE(std::filesystem::exists(tool / "node_modules" / "anki-apkg-export"));

  const nlohmann::json deck = {
      {"deck", "Interview prep::Behavioral"},
      {"notes",
       {{{"front", "Tell me about a time you <b>disagreed</b> with your manager."},
         {"back", "Situation, task, action, result.<br>Keep it <i>blameless</i>."},
         {"tags", {"behavioral", "conflict"}}},
        {{"front", "Why do you want to leave?"}, {"back", "Growth &amp; scope &mdash; never salary alone."}, {"tags", nlohmann::json::array()}},
        {{"front", "Your biggest failure?"}, {"back", "A missed deadline; what I changed after."}, {"tags", {"failure"}}}}}};
  TempDir dir;
  const auto notes = dir.write("notes.json", deck.dump());
  const auto file = dir / "written-by-npm.apkg";
  const std::string command = fmt::format("node '{}' '{}' '{}' 2>/dev/null", (tool / "write_apkg.js").string(), notes.string(), file.string());
  REQUIRE(std::system(command.c_str()) == 0);

  auto engine = test::make_engine(dir);
  CHECK(engine->import_paths({file}).added == 3);
  CHECK(engine->collection().deck_names() == std::vector<std::string>{"Interview prep::Behavioral"});
  const auto cards = engine->collection().find_cards("Interview prep::Behavioral", "", 10);
  REQUIRE(cards.size() == 3);
  std::map<std::string, Card> by_prompt;
  for (const auto& card : cards) by_prompt[card.content.prompt] = card;
  const Card& disagree = by_prompt.at("Tell me about a time you disagreed with your manager.");
  CHECK(disagree.content.answer == "Situation, task, action, result.\nKeep it blameless.");
  CHECK(disagree.content.tags == std::vector<std::string>{"behavioral", "conflict"});
  CHECK(by_prompt.at("Why do you want to leave?").content.answer == "Growth & scope \u2014 never salary alone.");
  CHECK(by_prompt.at("Why do you want to leave?").content.tags.empty());
  CHECK(by_prompt.at("Your biggest failure?").content.tags == std::vector<std::string>{"failure"});
  // The tool's guid is the card's uid: a re-export of the same notes updates them.
  CHECK(disagree.content.uid.size() == 40);
}

// Not a check: writes the seed corpus of the anki fuzz target (tests/fuzz/anki/), packages of
// each layout from the same builders as the tests above. Run it when the builder learns a layout:
//   REHEARSE_FUZZ_SEEDS=tests/fuzz/anki build/bin/rehearse_tests "[.write-fuzz-seeds]"
TEST_CASE("writes the seed corpus of the anki fuzz target", "[.write-fuzz-seeds]") {
  const char* folder = std::getenv("REHEARSE_FUZZ_SEEDS");
  REQUIRE(folder != nullptr);
  const auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(std::filesystem::path(folder) / name, std::ios::binary) << bytes;
  };
  const std::pair<Layout, std::string> layouts[] = {{Layout::legacy1, "anki2"}, {Layout::legacy2, "anki21"}, {Layout::latest, "anki21b"}};
  for (const auto& [layout, name] : layouts) {
    AnkiPackageBuilder with_history = interview_deck(layout);
    const auto basic = with_history.note_type("Definition", {"Term", "Meaning"});
    const auto mttr = with_history.note(basic, "Interview::Operations", "g-mttr", {"MTTR", "Mean time to recovery"}).front();
    with_history.review(mttr, 1'700'000'000'000, 3, 0);
    with_history.review(mttr, 1'700'086'400'000, 1);
    write(fmt::format("interview-{}.apkg", name), with_history.package());
    write(fmt::format("cloze-{}.apkg", name), cloze_deck(layout).package());
  }
}
