// Importing what users already have: interview-guide pages (the seed pages and pages in other
// layouts), CSV and TSV lists, Anki's text export; re-imports that keep progress; broken input
// that changes nothing; the import and export commands.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "rehearse/errors.h"
#include "test_support.h"

using namespace rehearse;
using nlohmann::json;
using test::TempDir;

namespace {

// The interview pages rehearse was designed from. They are kept beside the repository, not in it,
// so the cases that import them are tagged [.seeds] and run only where tests/CMakeLists.txt
// finds them.
const std::filesystem::path kSeeds = REHEARSE_SEEDS_DIR;

std::vector<Card> all_cards(Engine& engine, const std::string& deck = "") {
  auto cards = engine.collection().find_cards(deck, "", 1'000'000);
  std::sort(cards.begin(), cards.end(), [](const Card& a, const Card& b) { return a.id < b.id; });
  return cards;
}

std::vector<Card> of_kind(const std::vector<Card>& cards, CardKind kind) {
  std::vector<Card> out;
  for (const auto& card : cards)
    if (card.content.kind == kind) out.push_back(card);
  return out;
}

const Card& with_prompt(const std::vector<Card>& cards, const std::string& prompt) {
  const auto it = std::find_if(cards.begin(), cards.end(), [&](const Card& c) { return c.content.prompt == prompt; });
  if (it == cards.end()) FAIL("no card with the prompt '" << prompt << "'");
  return *it;
}

bool has_warning(const ImportReport& report, const std::string& text) {
  return std::any_of(report.warnings.begin(), report.warnings.end(),
                     [&](const ParseWarning& w) { return w.message.find(text) != std::string::npos; });
}

std::vector<std::string> texts(const std::vector<KeyPoint>& points) {
  std::vector<std::string> out;
  for (const auto& point : points) out.push_back(point.text);
  return out;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// The first source that accepts a file, as the engine chooses.
std::string chosen_source(Engine& engine, const std::string& name, const std::string& head) {
  for (const Source* source : engine.registry().sources())
    if (source->accepts(name, head)) return std::string(source->name());
  return "";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The seed pages

TEST_CASE("a saved page of STAR examples imports every story with its parts", "[sources][.seeds]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const ImportReport report = engine->import_paths({kSeeds / "000_867887955d2d67ef.txt"});
  const auto cards = all_cards(*engine);
  const auto stories = of_kind(cards, CardKind::story);
  REQUIRE(stories.size() == 8);
  for (const char* title : {"Leading a Critical Microservice Migration", "Resolving Latency Spikes in Critical Microservice",
                            "Streamlining Cross-Team API Integration for a Critical Feature",
                            "Collaborative Refactoring of a Critical Legacy Service",
                            "Resolving Architectural Disagreement on Microservices Migration",
                            "Optimizing Critical Microservice Performance Under Tight Deadlines",
                            "Adapting to a Critical Technology Stack Migration",
                            "Pioneering a Real-time Anomaly Detection System for Microservices"}) {
    const Card& story = with_prompt(stories, title);
    CHECK_FALSE(story.content.story.situation.empty());
    CHECK_FALSE(story.content.story.task.empty());
    CHECK(story.content.story.actions.size() == 8);
    CHECK_FALSE(story.content.story.result.empty());
    CHECK_FALSE(story.content.story.lesson.empty());
    CHECK(story.content.key_points.size() >= 4);
    CHECK(story.content.pitfalls.size() >= 4);
    CHECK_FALSE(story.content.themes.empty());
  }
  const Card& migration = with_prompt(stories, "Leading a Critical Microservice Migration");
  CHECK(migration.deck == "STAR Method for Senior Software Engineer, Backend Interviews");
  CHECK(migration.content.story.actions.front() ==
        "Conducted detailed architectural analysis of the existing 'Order Processing' module within the monolith.");
  // The result keeps its metrics, one a line.
  CHECK_THAT(migration.content.story.result, Catch::Contains("Reduced average order processing latency by 40% (from 250ms to 150ms)."));
  CHECK(migration.content.story.lesson.starts_with("This experience reinforced the importance of clear communication"));
  CHECK(migration.content.key_points.size() == 6);
  CHECK(migration.content.key_points.front().text == "Strategic thinking and architectural design skills");
  CHECK(migration.content.pitfalls.back() == "Blaming others for initial architectural issues");
  CHECK(contains(migration.content.themes, "leadership"));
  CHECK(contains(migration.content.themes, "migration"));
  CHECK(contains(with_prompt(stories, "Resolving Architectural Disagreement on Microservices Migration").content.themes, "disagreement"));

  // "What is the STAR Method?" with the method's four parts, and the tips as key points.
  const auto questions = of_kind(cards, CardKind::question);
  REQUIRE(questions.size() == 1);
  CHECK(questions[0].content.prompt == "What is the STAR Method?");
  CHECK(questions[0].content.story.task == "Explain what your responsibility was in that situation.");
  const auto terms = of_kind(cards, CardKind::keypoint);
  REQUIRE(terms.size() == 4);
  CHECK(with_prompt(terms, "Be specific").content.answer == "Use concrete numbers, dates, and details to make your story memorable.");
  // The blank template is not a story.
  CHECK(has_warning(report, "'Your STAR Answer Template' is a blank STAR template"));
}

TEST_CASE("an article imports its FAQ questions and its example story, not its prose", "[sources][.seeds]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({kSeeds / "001_726a92504554c5f2.txt"});
  const auto cards = all_cards(*engine);
  const auto questions = of_kind(cards, CardKind::question);
  REQUIRE(questions.size() == 5);
  CHECK(questions[0].content.prompt == "How Technical Should A STAR Answer Be?");
  CHECK(questions[0].content.answer.starts_with("Technical enough to prove real understanding"));
  CHECK(questions[4].content.prompt == "What Makes A Backend STAR Answer Stand Out?");
  const auto stories = of_kind(cards, CardKind::story);
  REQUIRE(stories.size() == 1);
  const Story& story = stories[0].content.story;
  CHECK(stories[0].content.prompt == "Production Latency Incident");
  CHECK(story.situation.starts_with("Our team owned a backend service that handled order creation"));
  CHECK(story.task.starts_with("I was the primary backend engineer"));
  CHECK(story.actions.size() == 3);
  CHECK(story.result.starts_with("We reduced p95 latency by around 45%"));
  CHECK(texts(stories[0].content.key_points) ==
        std::vector<std::string>{"the Situation is short but meaningful", "the Task shows ownership",
                                 "the Action demonstrates debugging, tradeoff thinking, and risk management",
                                 "the Result includes measurable improvement and follow-through"});
  CHECK(of_kind(cards, CardKind::keypoint).empty());
}

TEST_CASE("a Markdown Q&A page imports questions with STAR answers, questions to ask and tips", "[sources][.seeds]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const ImportReport report = engine->import_paths({kSeeds / "002_42a667abbd9bbe73.txt"});
  const auto cards = all_cards(*engine);
  const auto questions = of_kind(cards, CardKind::question);
  REQUIRE(questions.size() == 25);
  int with_star = 0;
  for (const auto& q : questions) {
    if (q.content.story.empty()) continue;
    ++with_star;
    CHECK(q.content.key_points.size() == 4);
    CHECK_FALSE(q.content.story.result.empty());
  }
  CHECK(with_star == 13);
  const Card& first = questions[0];
  CHECK(first.deck == "Behavioral Questions for Senior Backend Engineers");
  CHECK(first.content.prompt == "Describe a time when you had to make a critical architectural decision under pressure");
  CHECK(first.content.answer == "Framework: STAR (Situation, Task, Action, Result)");
  // The page's quotes around the sample answer are typography, not text.
  CHECK(first.content.story.situation.starts_with("During a major product launch"));
  REQUIRE(first.content.story.actions.size() == 4);
  CHECK(first.content.story.actions.front() ==
        "I conducted a rapid performance analysis and identified that our monolithic database was the primary bottleneck");
  CHECK(first.content.story.actions.back() == "Set up monitoring and alerting to track performance metrics in real-time");
  CHECK(first.content.key_points[0].text == "Data-driven decision making");
  CHECK(contains(first.content.tags, "behavioral"));
  CHECK(contains(first.content.tags, "technical-decisions"));
  CHECK(contains(with_prompt(questions, "Describe a situation where you had to mentor a junior developer who was struggling")
                     .content.themes,
                 "mentoring"));

  // The twelve questions to ask the interviewer have no answers on the page, and say so once.
  const Card& ask = with_prompt(questions, "What metrics does the team use to measure success?");
  CHECK(ask.content.answer.empty());
  CHECK(has_warning(report, "12 questions have no answer on the page"));

  const auto tips = of_kind(cards, CardKind::keypoint);
  REQUIRE(tips.size() == 17);
  CHECK(with_prompt(tips, "Vague Answers").content.answer == "Avoid generic responses without specific examples");
}

TEST_CASE("a page saved with the wrong encoding is repaired and its unnamed entries still import", "[sources][.seeds]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const ImportReport report = engine->import_paths({kSeeds / "003_0b0531298516c4b5.txt"});
  CHECK(has_warning(report, "repaired"));
  const auto cards = all_cards(*engine);
  // Nothing of the wrong decoding is left anywhere.
  for (const auto& card : cards) {
    const std::string all = card.content.prompt + card.content.answer + card.content.story.situation + card.content.story.result;
    CHECK(all.find("\xE0\xB9\x82\xE2\x82\xAC") == std::string::npos);  // "โ€"
    CHECK(all.find("\xC3\xA2\xE2\x82\xAC") == std::string::npos);      // "â€"
  }
  const auto questions = of_kind(cards, CardKind::question);
  REQUIRE(questions.size() == 15);
  // The page shows no question text: each entry imports, and the warnings say which need one.
  for (int n = 1; n <= 15; ++n) CHECK(has_warning(report, "entry " + std::to_string(n) + " has no question text"));
  const auto untitled = std::find_if(report.warnings.begin(), report.warnings.end(),
                                     [](const ParseWarning& w) { return w.message.starts_with("entry 1 "); });
  REQUIRE(untitled != report.warnings.end());
  CHECK(untitled->line == 7);

  const Card& first = questions[0];
  CHECK(first.content.uid == "question-1");
  CHECK(first.content.answer.starts_with("Framework: Employ the Strangler Fig pattern"));
  CHECK_THAT(first.content.answer, Catch::Contains("- My approach would leverage the Strangler Fig pattern"));
  // "Key Points to Mention" lost its list markup on the page; the items are found again.
  CHECK(texts(first.content.key_points) ==
        std::vector<std::string>{"Strangler Fig Pattern", "API Gateway", "Bounded Context", "Incremental Refactoring",
                                 "Data Migration/Synchronization Strategies", "Observability", "Rollback Strategy",
                                 "Feature Toggles/Canary Releases", "Database per Service Pattern", "Idempotency"});
  CHECK(first.content.key_points[2].aliases == std::vector<std::string>{"DDD"});
  CHECK(first.content.pitfalls.size() == 5);
  CHECK(first.content.story.situation.starts_with("Our legacy e-commerce monolith"));
  // The page labels the result "Task" a second time; it is the result.
  CHECK(first.content.story.result.starts_with("The new checkout service reduced average transaction time by 300ms"));

  // The terms of an entry are key-point cards, siblings of its question.
  const auto terms = of_kind(cards, CardKind::keypoint);
  const Card& strangler = with_prompt(terms, "Strangler Fig Pattern");
  CHECK(strangler.content.group == first.content.group);
  CHECK_FALSE(first.content.group.empty());
  CHECK(strangler.content.answer == "Employ the Strangler Fig pattern with a phased, risk-mitigated approach.");
  for (const char* name : {"gRPC", "RabbitMQ", "ClickHouse", "CockroachDB", "Change Data Capture (CDC)", "Chrome DevTools"})
    CHECK_NOTHROW(with_prompt(terms, name));
}

TEST_CASE("question pages import each question with why it is asked, advice and a STAR answer", "[sources][.seeds]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({kSeeds / "004_a40fb0ed9554ea31.txt"});
  const auto cards = all_cards(*engine);
  REQUIRE(cards.size() == 15);
  for (const auto& card : cards) {
    CHECK(card.content.kind == CardKind::question);
    CHECK(card.deck == "Back-end Software Engineer Interview Questions");
    CHECK_FALSE(card.content.story.situation.empty());
    CHECK_FALSE(card.content.story.task.empty());
    CHECK(card.content.story.actions.size() == 1);
    CHECK_FALSE(card.content.story.result.empty());
    CHECK_THAT(card.content.answer, Catch::Contains("Dos and don'ts: "));
    CHECK_THAT(card.content.answer, !Catch::Contains("Share your feedback"));
  }
  const Card& migrations = with_prompt(cards, "How do you manage schema migrations in a production database?");
  CHECK(migrations.content.answer.starts_with("Handling schema migrations in production is a complex task."));
  CHECK(migrations.content.story.actions[0].starts_with("I employed a version control system for database schema using Liquibase."));
  CHECK(with_prompt(cards, "Can you describe a complex data model you have designed and implemented? What considerations did "
                           "you have in mind while designing it?")
            .content.story.result.starts_with("The implemented data model"));
}

// ---------------------------------------------------------------------------------------------
// Pages in other layouts

TEST_CASE("a question list from a public repository: front matter, details, links and licence", "[sources]") {
  const std::string page = R"(---
title: Backend Interview Questions
tags: [backend, interview]
layout: page
---

# Backend Interview Questions

[![License: MIT](https://img.shields.io/badge/License-MIT-yellow.svg)](LICENSE)
A curated list of questions. Star the repo if it helps!

## Table of Contents

- [Databases](#databases)
- [What is a deadlock?](#what-is-a-deadlock)

## Databases

1. What is a database index and when does it hurt?
   An index is a separate sorted structure that lets the database find rows without a full scan.
   It slows down writes, because every insert and update must maintain it.
2. Explain the difference between optimistic and pessimistic locking.

<details>
<summary>Answer</summary>

Optimistic locking checks a version number at write time and retries on conflict;
pessimistic locking takes a lock before reading.

**Key points**
- version column | row version, compare-and-set
- retry on conflict
</details>

3. **What is the N+1 query problem?**
   - Key points: lazy loading, batching, joins

## Caching

<details>
<summary>What is a cache stampede and how do you prevent it?</summary>

When a hot key expires, many requests miss at once and all hit the database.

</details>

### How does write-behind caching work

Writes go to the cache first and are flushed to the database asynchronously.

#### Follow-up questions
- What happens if the cache node dies before flushing?

## Glossary

- **Idempotency**: an operation that has the same effect when repeated.
- **Backpressure** - a consumer signals a producer to slow down.

## Contributing

Pull requests welcome. Please read CONTRIBUTING.md first.
- What is not a question here?

## License

MIT (c) Someone
)";
  TempDir dir;
  auto engine = test::make_engine(dir);
  const ImportReport report = engine->import_paths({dir.write("interview-questions.md", page)});
  CHECK(report.added == 7);
  const auto cards = all_cards(*engine);
  const auto questions = of_kind(cards, CardKind::question);
  REQUIRE(questions.size() == 5);
  CHECK(questions[0].deck == "Backend Interview Questions");
  CHECK(contains(questions[0].content.tags, "backend"));
  CHECK(questions[0].content.answer ==
        "An index is a separate sorted structure that lets the database find rows without a full scan. It slows down "
        "writes, because every insert and update must maintain it.");
  // An answer hidden in <details>, with its key points and their aliases.
  const Card& locking = with_prompt(questions, "Explain the difference between optimistic and pessimistic locking.");
  CHECK(locking.content.answer.starts_with("Optimistic locking checks a version number"));
  REQUIRE(locking.content.key_points.size() == 2);
  CHECK(locking.content.key_points[0] == KeyPoint{"version column", {"row version", "compare-and-set"}});
  CHECK(texts(with_prompt(questions, "What is the N+1 query problem?").content.key_points) ==
        std::vector<std::string>{"lazy loading", "batching", "joins"});
  CHECK(with_prompt(questions, "What is a cache stampede and how do you prevent it?").content.answer ==
        "When a hot key expires, many requests miss at once and all hit the database.");
  CHECK_THAT(with_prompt(questions, "How does write-behind caching work").content.answer,
             Catch::Contains("Follow-up questions:\n- What happens if the cache node dies before flushing?"));
  const auto terms = of_kind(cards, CardKind::keypoint);
  REQUIRE(terms.size() == 2);
  CHECK(with_prompt(terms, "Backpressure").content.answer == "a consumer signals a producer to slow down");
  // Links, contents, contributing and licence are not cards.
  for (const auto& card : cards) {
    CHECK(card.content.prompt != "What is not a question here?");
    CHECK(card.content.prompt != "What is a deadlock?");
  }
}

TEST_CASE("plain-text pages: Q/A pairs, a numbered list and an inline STAR story", "[sources]") {
  const std::string page =
      "Interview Prep Notes\n"
      "\n"
      "Q: How do you keep a migration reversible?\n"
      "A: Expand and contract: add the new column, backfill, switch reads, then drop the old one.\n"
      "Key points: expand and contract; backfill; feature flag\n"
      "\n"
      "Question: Why use idempotency keys?\n"
      "Answer: Clients retry; the key lets the server recognise a request it already handled.\n"
      "Common mistakes: Relying on the client never retrying.\n"
      "\n"
      "Quick questions\n"
      "\n"
      "1) What is a write-ahead log?\n"
      "2) What is MVCC?\n"
      "\n"
      "My Stories\n"
      "\n"
      "Story: Cutting checkout latency\n"
      "Situation: Checkout p99 tripled during a sale.\n"
      "Task: I owned the checkout service.\n"
      "Actions:\n"
      "- I rolled back the release.\n"
      "- I added the missing index online.\n"
      "Result: p99 back to 180 ms within 40 minutes.\n"
      "Lesson: We now load-test schema changes.\n";
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("notes.txt", page)});
  const auto cards = all_cards(*engine);
  const auto questions = of_kind(cards, CardKind::question);
  REQUIRE(questions.size() == 4);
  const Card& reversible = with_prompt(questions, "How do you keep a migration reversible?");
  CHECK(reversible.content.answer == "Expand and contract: add the new column, backfill, switch reads, then drop the old one.");
  CHECK(texts(reversible.content.key_points) == std::vector<std::string>{"expand and contract", "backfill", "feature flag"});
  const Card& keys = with_prompt(questions, "Why use idempotency keys?");
  CHECK(keys.content.pitfalls == std::vector<std::string>{"Relying on the client never retrying"});
  CHECK_NOTHROW(with_prompt(questions, "What is MVCC?"));
  const auto stories = of_kind(cards, CardKind::story);
  REQUIRE(stories.size() == 1);
  CHECK(stories[0].content.prompt == "Cutting checkout latency");
  CHECK(stories[0].content.story.actions == std::vector<std::string>{"I rolled back the release.", "I added the missing index online."});
  CHECK(stories[0].content.story.lesson == "We now load-test schema changes.");
  CHECK(contains(stories[0].content.themes, "performance"));
}

TEST_CASE("an HTML page imports like the Markdown it shows", "[sources]") {
  const std::string page = R"(<!DOCTYPE html>
<html><head><title>System design questions</title><script>var x = "<h2>not this</h2>";</script></head>
<body><nav><ul><li><a href="/">Home</a></li></ul></nav>
<h1>System design questions</h1>
<h2>How would you design a rate limiter?</h2>
<p>Use a token bucket per client, kept in Redis so every instance shares it.</p>
<h3>Key points</h3>
<ul><li>Token bucket or sliding window</li><li>Shared state &amp; atomic updates</li></ul>
<h2>What is consistent hashing?</h2>
<details><summary>Show answer</summary><p>Keys and nodes share one hash ring, so adding a node moves few keys.</p></details>
<footer>&copy; 2024 Example. All rights reserved.</footer>
</body></html>)";
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("design.html", page)});
  const auto cards = all_cards(*engine);
  REQUIRE(cards.size() == 2);
  CHECK(cards[0].deck == "System design questions");
  CHECK(cards[0].content.prompt == "How would you design a rate limiter?");
  CHECK(cards[0].content.answer == "Use a token bucket per client, kept in Redis so every instance shares it.");
  CHECK(texts(cards[0].content.key_points) == std::vector<std::string>{"Token bucket or sliding window", "Shared state & atomic updates"});
  CHECK(cards[1].content.answer == "Keys and nodes share one hash ring, so adding a node moves few keys.");
}

TEST_CASE("an HTML page imports as a browser shows it: every HTML5 reference, and its error recovery", "[sources]") {
  // Written the way pages are: references HTML5 defines that few readers know, one without its ';'
  // (browsers read "&amp" as "&"), paragraphs never closed, formatting misnested, a list whose
  // items are never closed, and lists nested far deeper than any page means to.
  std::string page = "<!doctype html><html><head><title>Caching &amp; queues</title></head><body>\n"
                     "<h2>When is cache-aside &rightarrow; read-through better?</h2>\n"
                     "<p>When reads dominate &hearts; and misses are cheap. It takes R&ampD time.\n"
                     "<h2>What is a dead-letter queue?</h2>\n"
                     "<p>A queue for messages that <b>failed <i>too often</b> to process</i>.\n"
                     "<h3>Key points</h3><ul><li>poison messages<li>retry limits &amp; alerts</ul>\n"
                     "<h2>Links</h2>";
  for (int i = 0; i < 5000; ++i) page += "<div><ul><li>";
  page += "deep</body></html>";
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("saved.html", page)});
  const auto cards = all_cards(*engine);
  REQUIRE(cards.size() == 2);
  CHECK(cards[0].deck == "Caching & queues");
  CHECK(cards[0].content.prompt == "When is cache-aside \u2192 read-through better?");
  CHECK(cards[0].content.answer == "When reads dominate \u2665 and misses are cheap. It takes R&D time.");
  CHECK(cards[1].content.answer == "A queue for messages that failed too often to process.");
  CHECK(texts(cards[1].content.key_points) == std::vector<std::string>{"poison messages", "retry limits & alerts"});
}

TEST_CASE("text mis-decoded as Windows-1252 is repaired; French and Thai text is left alone", "[sources]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  // "It’s • “fine” — really?" saved after a Windows-1252 round trip.
  const std::string mojibake = "It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s \xC3\xA2\xE2\x82\xAC\xC2\xA2 \xC3\xA2\xE2\x82\xAC\xC5\x93"
                               "fine\xC3\xA2\xE2\x82\xAC\xC2\x9D \xC3\xA2\xE2\x82\xAC\xE2\x80\x9D really?";
  const ImportReport report = engine->import_paths({dir.write("garbled.txt", mojibake + "\nYes, it is.\n")});
  CHECK(has_warning(report, "repaired"));
  CHECK(all_cards(*engine)[0].content.prompt == "It\xE2\x80\x99s \xE2\x80\xA2 \xE2\x80\x9C" "fine\xE2\x80\x9D \xE2\x80\x94 really?");

  TempDir other;
  auto clean = test::make_engine(other);
  const std::string french = "Qu'est-ce qu'un caf\xC3\xA9 \xC3\xA0 Paris \xC3\xA9t\xC3\xA9?\nUn caf\xC3\xA9 tr\xC3\xA8s \xC3\xA0 la mode.\n";
  const std::string thai = "\xE0\xB9\x80\xE0\xB8\x81\xE0\xB8\xA1\xE0\xB8\x84\xE0\xB8\xB7\xE0\xB8\xAD\xE0\xB8\xAD\xE0\xB8\xB0\xE0\xB9\x84\xE0\xB8\xA3?\n"
                           "\xE0\xB9\x80\xE0\xB8\x81\xE0\xB8\xA1\xE0\xB8\x84\xE0\xB8\xA7\xE0\xB8\xB2\xE0\xB8\xA1\xE0\xB8\xA3\xE0\xB8\xB9\xE0\xB9\x89\n";
  const ImportReport untouched = clean->import_paths({other.write("fr.txt", french), other.write("th.txt", thai)});
  CHECK_FALSE(has_warning(untouched, "repaired"));
  const auto cards = all_cards(*clean);
  REQUIRE(cards.size() == 2);
  CHECK(cards[0].content.prompt == "Qu'est-ce qu'un caf\xC3\xA9 \xC3\xA0 Paris \xC3\xA9t\xC3\xA9?");
  CHECK(cards[1].content.answer == "\xE0\xB9\x80\xE0\xB8\x81\xE0\xB8\xA1\xE0\xB8\x84\xE0\xB8\xA7\xE0\xB8\xB2\xE0\xB8\xA1\xE0\xB8\xA3\xE0\xB8\xB9\xE0\xB9\x89");
}

TEST_CASE("each file goes to the source that reads it; native decks stay with the markdown source", "[sources]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  CHECK(chosen_source(*engine, "deck.md", "---\ndeck: Mine\n---\n\n## Q: What is a queue?\nanswer: A buffer.\n") == "markdown");
  CHECK(chosen_source(*engine, "page.md", "# Questions\n\n### What is a queue?\nA buffer.\n") == "guide");
  CHECK(chosen_source(*engine, "page.txt", "Interview questions\n\nWhat is a queue?\n") == "guide");
  CHECK(chosen_source(*engine, "page.html", "<html><body><h2>What?</h2></body></html>") == "guide");
  CHECK(chosen_source(*engine, "cards.csv", "question,answer\nq,a\n") == "csv");
  CHECK(chosen_source(*engine, "cards.tsv", "front\tback\nq\ta\n") == "csv");
  CHECK(chosen_source(*engine, "anki export.txt", "#separator:tab\n#html:true\nfront\tback\n") == "csv");
  CHECK(chosen_source(*engine, "list.txt", "Question\tAnswer\nq\ta\n") == "csv");

  // Imported for real, a native deck keeps its explicit ids.
  engine->import_paths({dir.write("mine.md", "---\ndeck: Mine\n---\n\n## Q: What is a queue?\nid: queue\nanswer: A buffer.\n")});
  CHECK(all_cards(*engine, "Mine").at(0).content.uid == "queue");
}

// ---------------------------------------------------------------------------------------------
// CSV, TSV and Anki's text export

TEST_CASE("a CSV with quoted newlines, escaped quotes, a BOM, CRLF and no final newline", "[sources]") {
  const std::string csv = "\xEF\xBB\xBF" "Question,Answer,Key Points,Tags,Themes,Deck\r\n"
                          "\"What is idempotency?\",\"Same effect when repeated.\r\nSafe to retry.\",\"same effect | repeat; retries\",api backend,Reliability,Concepts\r\n"
                          "Explain CAP,\"Pick two under a \"\"partition\"\".\",,,,Concepts\r\n"
                          "\"Tell me about an outage\",\"Mitigate first.\",,behavioral,\"incident, communication\",Behavioral";
  TempDir dir;
  auto engine = test::make_engine(dir);
  const ImportReport report = engine->import_paths({dir.write("cards.csv", csv)});
  CHECK(report.added == 3);
  CHECK(report.warnings.empty());
  const auto concepts = all_cards(*engine, "Concepts");
  REQUIRE(concepts.size() == 2);
  CHECK(concepts[0].content.answer == "Same effect when repeated.\nSafe to retry.");
  CHECK(concepts[0].content.key_points == std::vector<KeyPoint>{{"same effect", {"repeat"}}, {"retries", {}}});
  CHECK(concepts[0].content.tags == std::vector<std::string>{"api", "backend"});
  CHECK(concepts[0].content.themes == std::vector<std::string>{"reliability"});
  CHECK(concepts[0].content.line == 2);
  CHECK(concepts[1].content.answer == "Pick two under a \"partition\".");
  CHECK(concepts[1].content.line == 4);
  const auto behavioral = all_cards(*engine, "Behavioral");
  REQUIRE(behavioral.size() == 1);
  CHECK(behavioral[0].content.themes == std::vector<std::string>{"incident", "communication"});
}

TEST_CASE("TSV with liberal header names, kinds and story columns", "[sources]") {
  const std::string tsv = "Front\tBack\tType\tSituation\tTask\tActions\tResult\tID\n"
                          "Idempotency\tSame effect when repeated.\tK\t\t\t\t\tidem\n"
                          "Checkout latency\t\tstory\tp99 tripled.\tI owned checkout.\tRolled back; Added the index\tp99 back to 180 ms.\t\n";
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("mixed.tsv", tsv)});
  const auto cards = all_cards(*engine, "mixed");
  REQUIRE(cards.size() == 2);
  CHECK(cards[0].content.kind == CardKind::keypoint);
  CHECK(cards[0].content.uid == "idem");
  CHECK(cards[1].content.kind == CardKind::story);
  CHECK(cards[1].content.story.actions == std::vector<std::string>{"Rolled back", "Added the index"});
  CHECK(cards[1].content.story.result == "p99 back to 180 ms.");
}

TEST_CASE("Anki's text export: separator, html, tags, deck and column headers", "[sources]") {
  const std::string export_file = "#separator:tab\n#html:true\n#tags:anki imported\n#deck:From Anki\n#columns:Front\tBack\tTags\n"
                                  "What is a <b>WAL</b>?\tLog first,<br>then apply &amp; checkpoint.\tdb storage\n";
  const std::string positional = "#separator:Semicolon\n#html:false\n#deck column:3\n"
                                 "What is MVCC?;Readers see a snapshot <not locks>;Databases::Internals\n";
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("anki export.txt", export_file), dir.write("positional.txt", positional)});
  const auto from_anki = all_cards(*engine, "From Anki");
  REQUIRE(from_anki.size() == 1);
  CHECK(from_anki[0].content.prompt == "What is a WAL?");
  CHECK(from_anki[0].content.answer == "Log first,\nthen apply & checkpoint.");
  CHECK(from_anki[0].content.tags == std::vector<std::string>{"db", "storage", "anki", "imported"});
  const auto internals = all_cards(*engine, "Databases::Internals");
  REQUIRE(internals.size() == 1);
  CHECK(internals[0].content.answer == "Readers see a snapshot <not locks>");
}

// ---------------------------------------------------------------------------------------------
// Re-imports and broken input

TEST_CASE("re-importing an edited page updates cards in place and keeps their progress", "[sources]") {
  const std::string page = "Questions\n\nWhat is a queue?\nA buffer between producers and consumers.\n\n"
                           "What is a topic?\nA named stream of messages.\n";
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto file = dir.write("questions.txt", page);
  CHECK(engine->import_paths({file}).added == 2);
  Card queue = with_prompt(all_cards(*engine), "What is a queue?");
  SchedulingState reviewed = queue.scheduling;
  reviewed.state = CardState::review;
  reviewed.reps = 3;
  reviewed.interval_days = 9;
  engine->collection().set_scheduling(queue.id, reviewed);

  dir.write("questions.txt", "Questions\n\nWhat is a queue?\nA buffer that decouples producers from consumers.\n\n"
                             "What is a topic?\nA named stream of messages.\n");
  const ImportReport again = engine->import_paths({file});
  CHECK(again.added == 0);
  CHECK(again.updated == 1);
  CHECK(again.unchanged == 1);
  const auto cards = all_cards(*engine);
  REQUIRE(cards.size() == 2);
  const Card& after = with_prompt(cards, "What is a queue?");
  CHECK(after.id == queue.id);
  CHECK(after.content.answer == "A buffer that decouples producers from consumers.");
  CHECK(after.scheduling.reps == 3);
  CHECK(after.scheduling.interval_days == 9);

  // The same file once more changes nothing.
  const ImportReport third = engine->import_paths({file});
  CHECK(third.added == 0);
  CHECK(third.updated == 0);
  CHECK(third.unchanged == 2);
}

TEST_CASE("broken input gives a clear error and leaves the collection unchanged", "[sources]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("good.csv", "question,answer\nWhat is a queue?,A buffer.\n")});
  const int before = engine->collection().stats().cards;

  struct Case {
    std::string name, content, expected;
    int line;
  };
  const std::vector<Case> cases = {
      {"empty.txt", "", "is empty", 0},
      {"blank.md", "\n  \n", "is empty", 0},
      {"garbage.txt", std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0\x03\0>\0", 16), "binary data", 0},
      {"latin1.txt", "What is a caf\xE9?\nA place.\n", "is not UTF-8 text (byte 0xE9", 1},
      {"no-prompt.csv", "answer,tags\nA buffer.,queues\n", "no column holds the prompt", 1},
      {"too-many.csv", "question,answer\nWhat is a queue?,A buffer.\nWhat is a topic?,A stream,extra\n", "has 3 fields", 3},
      {"open-quote.csv", "question,answer\n\"What is a queue?,A buffer.\nWhat is a topic?,A stream\n", "never closed", 2},
      {"huge-column.txt", "#separator:tab\n#deck column:766666666\nWhat is a queue?\tA buffer.\tQueues\n",
       "'#deck column:' needs a column number from 1 (the first) to 1000, not '766666666'", 2},
      {"column-word.txt", "#separator:tab\n#tags column:3rd\nWhat is a queue?\tA buffer.\tqueues\n", "not '3rd'", 2},
      {"no-questions.txt", "Just a note to myself about groceries.\n", "no interview questions", 0},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const auto file = dir.write(c.name, c.content);
    try {
      // With a good file beside it: an import is all or nothing.
      engine->import_paths({dir / "good.csv", file});
      FAIL("no error for " << c.name);
    } catch (const ParseError& e) {
      CHECK(e.file() == file.string());
      CHECK(e.line() == c.line);
      CHECK_THAT(e.message(), Catch::Contains(c.expected));
    }
    CHECK(engine->collection().stats().cards == before);
  }
}

// ---------------------------------------------------------------------------------------------
// The import and export commands

namespace {

using test::Program;

}  // namespace

TEST_CASE("import --dry-run lists what would change and changes nothing; --deck and --source choose", "[sources]") {
  Program program;
  const auto page = program.dir.write("page.md", "# Caching\n\n### What is cache-aside?\nRead the cache, fall back to the database.\n\n"
                                                 "### What is write-through?\nWrite both synchronously.\n");
  const auto dry = program.run({"import", "--dry-run", page.string()});
  REQUIRE(dry.status == 0);
  CHECK_THAT(dry.out, Catch::Contains("Dry run, nothing was changed. The import would add 2, update 0"));
  CHECK_THAT(dry.out, Catch::Contains("  add      Caching: What is cache-aside?"));
  CHECK_THAT(program.run({"decks"}).out, !Catch::Contains("Caching"));

  const auto real = program.run({"import", "--deck", "Interview::Caching", "--json", page.string()});
  REQUIRE(real.status == 0);
  const json report = json::parse(real.out);
  CHECK(report["added"] == 2);
  CHECK(report["added_cards"][0] == "Interview::Caching: What is cache-aside?");
  CHECK_THAT(program.run({"decks"}).out, Catch::Contains("Interview::Caching"));

  // A CSV named .txt still reads as a guide page when forced to.
  const auto forced = program.dir.write("forced.txt", "question,answer\nWhat is a queue?,A buffer.\n");
  const auto as_csv = program.run({"import", "--json", forced.string()});
  CHECK(json::parse(as_csv.out)["added_cards"][0] == "forced: What is a queue?");
  // Forced to read it as a guide page, where it holds no question the guide source can find.
  const auto as_guide = program.run({"import", "--source", "guide", "--dry-run", "--json", forced.string()});
  CHECK(as_guide.status == 1);
  CHECK(json::parse(as_guide.out)["error"]["file"] == forced.string());

  const auto broken = program.run({"import", program.dir.write("empty.txt", "").string()});
  CHECK(broken.status == 1);
  CHECK_THAT(broken.err, Catch::Contains("empty.txt: is empty"));
}

TEST_CASE("export writes a deck that imports back to the same cards", "[sources][.seeds]") {
  Program program;
  REQUIRE(program.run({"import", (kSeeds / "002_42a667abbd9bbe73.txt").string()}).status == 0);
  REQUIRE(program.run({"import", (kSeeds / "003_0b0531298516c4b5.txt").string()}).status == 0);
  const std::string deck_file = (program.dir / "exported.md").string();
  for (const char* deck : {"Behavioral Questions for Senior Backend Engineers", "Senior Fullstack Developer Interview Questions"}) {
    INFO(deck);
    const auto exported = program.run({"export", deck, deck_file, "--force"});
    REQUIRE(exported.status == 0);
    CHECK_THAT(exported.out, Catch::Contains("wrote"));

    // Into the same collection: the cards move to the new file, nothing is added or changed.
    const auto again = program.run({"import", "--json", deck_file});
    REQUIRE(again.status == 0);
    const json report = json::parse(again.out);
    CHECK(report["added"] == 0);
    CHECK(report["updated"] == 0);
    CHECK(report["unchanged"].get<int>() > 10);

    // Into a new collection: the same cards, field by field.
    TempDir fresh_dir;
    auto fresh = test::make_engine(fresh_dir);
    fresh->import_paths({deck_file});
    EngineConfig config;
    config.collection = program.collection;
    config.load_default_plugin_dirs = false;
    config.plugin_dirs.emplace_back(REHEARSE_TEST_PLUGIN_DIR);
    Engine original(config);
    auto expected = all_cards(original, deck);
    auto actual = all_cards(*fresh, deck);
    REQUIRE(actual.size() == expected.size());
    for (size_t i = 0; i < actual.size(); ++i) {
      CardContent a = actual[i].content, b = expected[i].content;
      a.line = b.line = 0;
      CHECK(a == b);
    }
  }
  CHECK(program.run({"export", "Behavioral Questions for Senior Backend Engineers", deck_file}).status == 1);
  CHECK(program.run({"export", "No such deck", (program.dir / "x.md").string()}).status == 1);
}

// ---------------------------------------------------------------------------------------------
// Tables as people have them: aliases, lists without answers, header spellings, --columns

TEST_CASE("a key point's aliases are separated by commas, as in a deck: an alias may be several words", "[sources]") {
  Program program;
  const auto csv = program.dir.write("flow.csv", "question,answer,key points\n"
                                                 "What is back-pressure?,Slowing producers down.,\"signal upstream | flow control, "
                                                 "back-pressure; bounded queues | bounded buffer\"\n");
  REQUIRE(program.run({"import", csv.string()}).status == 0);
  const auto exported = program.run({"export", "flow", "-"});
  REQUIRE(exported.status == 0);
  CHECK_THAT(exported.out, Catch::Contains("- signal upstream | flow control, back-pressure\n"));
  CHECK_THAT(exported.out, Catch::Contains("- bounded queues | bounded buffer\n"));

  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({csv});
  const auto cards = all_cards(*engine, "flow");
  REQUIRE(cards.size() == 1);
  CHECK(cards[0].content.key_points ==
        std::vector<KeyPoint>{{"signal upstream", {"flow control", "back-pressure"}}, {"bounded queues", {"bounded buffer"}}});
}

TEST_CASE("a list of questions without answers imports as questions to rehearse from", "[sources]") {
  // A list saved from a question bank: no answer column, and columns rehearse has no use for.
  const std::string csv = "question_text,image_source,delay_seconds\n"
                          "Tell me about a time you disagreed with your manager,,30\n"
                          "How would you design a rate limiter?,limiter.png,45\n";
  TempDir dir;
  auto engine = test::make_engine(dir);
  const ImportReport report = engine->import_paths({dir.write("bank.csv", csv)});
  CHECK(report.added == 2);
  const auto cards = all_cards(*engine, "bank");
  REQUIRE(cards.size() == 2);
  CHECK(cards[0].content.prompt == "Tell me about a time you disagreed with your manager");
  CHECK(cards[0].content.answer.empty());
  CHECK(type_of(cards[1].content) == QuestionType::design);
  CHECK(has_warning(report, "columns 'image_source', 'delay_seconds' are not one rehearse reads; ignored"));
  CHECK(has_warning(report, "no column holds answers"));
}

TEST_CASE("header names are recognised however they are spelled", "[sources]") {
  struct Case {
    std::string header, prompt_column, answer_column;
  };
  // Each header names the prompt and the answer in a way spreadsheets and exporters write them.
  const std::vector<Case> cases = {
      {"Q,A", "Q", "A"},
      {"Question Text;Answer Text", "Question Text", "Answer Text"},
      {"FRONT|BACK SIDE", "FRONT", "BACK SIDE"},
      {"Prompt\tModel-Answer", "Prompt", "Model-Answer"},
      {"Interview Question,Sample answer (optional)", "Interview Question", "Sample answer (optional)"},
      {"Questions,Answers", "Questions", "Answers"},
      {"front_html,back_html", "front_html", "back_html"},
  };
  for (const auto& c : cases) {
    INFO(c.header);
    const char separator = c.header.find(';') != std::string::npos   ? ';'
                           : c.header.find('|') != std::string::npos ? '|'
                           : c.header.find('\t') != std::string::npos ? '\t'
                                                                       : ',';
    TempDir dir;
    auto engine = test::make_engine(dir);
    const ImportReport report =
        engine->import_paths({dir.write("spelled.csv", c.header + "\nWhat is a queue?" + separator + "A buffer.\n")});
    REQUIRE(report.added == 1);
    CHECK(report.warnings.empty());
    const auto cards = all_cards(*engine);
    CHECK(cards[0].content.prompt == "What is a queue?");
    CHECK(cards[0].content.answer == "A buffer.");
  }
}

TEST_CASE("import --columns maps a table's columns by hand", "[sources]") {
  Program program;
  // Headers in another language: nothing rehearse knows.
  const auto german = program.dir.write("fragen.csv", "Nr,Frage,Thema,Kommentar,Antwort\n"
                                                      "1,Was ist ein Index?,db,leicht,Eine sortierte Struktur.\n"
                                                      "2,Was ist MVCC?,db,,Schnappschuesse.\n");
  const auto refused = program.run({"import", german.string()});
  CHECK(refused.status == 1);
  CHECK_THAT(refused.err, Catch::Contains("--columns"));
  const auto mapped = program.run({"import", "--json", "--columns", "question=2,answer=5,tags=3", german.string()});
  REQUIRE(mapped.status == 0);
  const json report = json::parse(mapped.out);
  CHECK(report["added"] == 2);
  CHECK(report["added_cards"][0] == "fragen: Was ist ein Index?");

  TempDir dir;
  auto engine = test::make_engine(dir);
  ImportOptions options;
  // '-' takes a role away from the column whose header names it; header=no: no header row.
  options.source_options["columns"] = "q=1,a=2,tags=-,header=no";
  engine->import_paths({dir.write("plain.csv", "What is a queue?,A buffer.,queues\nWhat is a topic?,A stream.,streams\n")}, options);
  const auto cards = all_cards(*engine, "plain");
  REQUIRE(cards.size() == 2);
  CHECK(cards[0].content.answer == "A buffer.");
  CHECK(cards[0].content.tags.empty());

  // Mistakes are refused before anything is read, naming what is wrong.
  const auto bad_role = program.run({"import", "--columns", "questoin=2", german.string()});
  CHECK(bad_role.status != 0);
  CHECK_THAT(bad_role.err, Catch::Contains("'questoin' is not a column rehearse reads"));
  const auto bad_number = program.run({"import", "--columns", "question=0", german.string()});
  CHECK(bad_number.status != 0);
  CHECK_THAT(bad_number.err, Catch::Contains("from 1 (the first)"));
  const auto too_far = program.run({"import", "--columns", "question=9", german.string()});
  CHECK(too_far.status == 1);
  CHECK_THAT(too_far.err, Catch::Contains("fragen.csv:1: --columns gives column 9 a role, but the first row has 5 columns"));
  CHECK_THAT(program.run({"decks"}).out, Catch::Contains("fragen"));
}

// ---------------------------------------------------------------------------------------------
// Notes as people keep them

TEST_CASE("a notes file: a fence never closed, prompts without question marks, headings as themes", "[sources]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  const auto notes = std::filesystem::path(REHEARSE_SOURCE_DIR) / "tests/data/notes/behavioural-prep.md";
  const ImportReport report = engine->import_paths({notes});
  const auto cards = all_cards(*engine);
  std::vector<std::string> prompts;
  for (const auto& card : cards) prompts.push_back(card.content.prompt);
  CHECK(prompts == std::vector<std::string>{"Tell me about a time when you disagreed with your manager",
                                            "Describe a time when you had to push back on a deadline",
                                            "Tell me about a time when you were wrong",
                                            "Give me an example of a mistake you made in production",
                                            "Walk me through a project you led from start to finish",
                                            "Have you ever mentored a junior engineer"});
  for (const auto& card : cards) {
    INFO(card.content.prompt);
    CHECK(type_of(card.content) == QuestionType::behavioural);
  }
  // The headings they sit under are their themes.
  CHECK(contains(with_prompt(cards, "Tell me about a time when you disagreed with your manager").content.themes, "disagreement"));
  CHECK(contains(with_prompt(cards, "Tell me about a time when you were wrong").content.themes, "failure"));
  CHECK(contains(with_prompt(cards, "Walk me through a project you led from start to finish").content.themes, "leadership"));
  CHECK_THAT(with_prompt(cards, "Give me an example of a mistake you made in production").content.answer,
             Catch::Contains("the cache flush"));
  // What was guessed is said, with the lines to check.
  CHECK(has_warning(report, "a code fence (```) opened here is never closed"));
  CHECK(has_warning(report, "6 lines without a question mark were read as questions"));
}

TEST_CASE("prose that starts like a prompt stays prose", "[sources]") {
  // Published pages explain prompts in sentences; those are not questions of their own.
  const std::string page = "# Behavioural interviews\n\n"
                           "## Tell me about yourself\n\n"
                           "Describe your situation briefly. Then say what you did and what came of it.\n"
                           "Tell me about a time is how many questions start, and it asks for a story.\n\n"
                           "## What is the STAR method?\n\nSituation, task, action, result.\n";
  TempDir dir;
  auto engine = test::make_engine(dir);
  ImportOptions as_guide;
  as_guide.source = "guide";
  const ImportReport report = engine->import_paths({dir.write("guide.md", page)}, as_guide);
  const auto cards = all_cards(*engine);
  REQUIRE(cards.size() == 2);
  CHECK(!has_warning(report, "without a question mark"));
}
