// Mock interviews: which questions are asked and in what order, the stories and follow-ups offered
// with each, how answers are recorded, the clock, and the report. Through the SDK here (what every
// front end drives) and through `rehearse mock` with piped input.
#include <nlohmann/json.hpp>

#include "rehearse/errors.h"
#include "rehearse/mock_interview.h"
#include "test_support.h"

using namespace rehearse;
using nlohmann::json;
using test::Program;
using test::TempDir;

namespace {

const char* kDeck = R"(---
deck: Mock
---
## Q: Tell me about a time you handled a production outage
id: mock-outage
type: behavioural
themes: incident, reliability
answer: Mitigate first, then find the cause, then make sure it cannot happen again.
key points:
- Mitigate first | rollback, roll back
- Find the root cause | root cause
follow-ups:
- How did you know the fix had worked?
- What changed afterwards?

## Q: Tell me about a conflict with a teammate
id: mock-conflict
type: behavioural
themes: disagreement
answer: Listen, find the shared goal, agree on a way to decide.
key points:
- Shared goal | common goal

## Q: What is idempotency?
id: mock-idempotency
type: technical
answer: Applying it more than once has the effect of applying it once.
key points:
- Safe to retry | retry, retries

## Q: What could you ask about on-call?
id: mock-ask
type: ask
answer: How often people are paged.

## S: Checkout outage
id: story-checkout
themes: incident, reliability
situation: Checkout failed for a fifth of users during a sale.
task: I was on call for checkout.
action:
- I rolled back the release.
result: Checkout recovered in twelve minutes.

## S: Template incident
id: story-template
template: true
themes: disagreement
situation: [what happened]
task: [your part]
action:
- [a step]
result: [what changed]
)";

std::vector<std::string> uids_in_order(MockInterview& mock) {
  std::vector<std::string> uids;
  while (auto question = mock.next()) uids.push_back(question->card.content.uid);
  return uids;
}

// The review log of the card `uid`.
std::vector<ReviewLogEntry> log_of(Collection& collection, const std::string& uid) {
  const auto cards = collection.cards_with_uid(uid);
  REQUIRE(cards.size() == 1);
  return collection.review_log(cards.front().id);
}

}  // namespace

TEST_CASE("a mock interview asks behavioural, technical and design questions, due ones first, then the weakest",
          "[mock]") {
  TempDir dir;
  {
    auto engine = test::make_engine(dir, "2026-01-10T09:00:00Z");
    engine->import_paths({dir.write("mock.md", kDeck)});
    // Without history: every question in deck order; a question to ask the interviewer is no
    // interview question, and stories are not questions.
    MockInterview mock(*engine, "Mock", {});
    CHECK(uids_in_order(mock) == std::vector<std::string>{"mock-outage", "mock-conflict", "mock-idempotency"});
    // Practised yesterday: idempotency well, the conflict forgotten.
    auto session = engine->start_review("Mock");
    session->answer(engine->collection().cards_with_uid("mock-idempotency").front(), Rating::easy, {});
    session->answer(engine->collection().cards_with_uid("mock-conflict").front(), Rating::again, {});
  }
  // Two days later the forgotten card is due; the one rated easy is not, and is asked last.
  auto engine = test::make_engine(dir, "2026-01-12T09:00:00Z");
  MockInterview mock(*engine, "Mock", {});
  auto first = mock.next();
  REQUIRE(first);
  CHECK(first->card.content.uid == "mock-conflict");
  CHECK(first->reason == "due");
  CHECK(uids_in_order(mock) == std::vector<std::string>{"mock-outage", "mock-idempotency"});

  SECTION("--themes keeps the questions on those themes; a theme of the essential list finds its synonyms") {
    MockInterview on_theme(*engine, "Mock", MockOptions{std::nullopt, {"Incident"}, false});
    CHECK(uids_in_order(on_theme) == std::vector<std::string>{"mock-outage"});
    MockInterview conflict(*engine, "Mock", MockOptions{std::nullopt, {"conflict"}, false});
    CHECK(uids_in_order(conflict) == std::vector<std::string>{"mock-conflict"});
  }
}

TEST_CASE("each question comes with the user's own stories for its themes and at most two follow-ups", "[mock]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("mock.md", kDeck)});
  MockInterview mock(*engine, "Mock", {});

  const auto outage = mock.next();
  REQUIRE(outage);
  REQUIRE(outage->stories.size() == 1);
  CHECK(outage->stories.front().prompt == "Checkout outage");
  CHECK(outage->follow_ups == std::vector<std::string>{"How did you know the fix had worked?", "What changed afterwards?"});

  // No follow-ups of its own: the generic ones of its theme. The template story is not the user's.
  const auto conflict = mock.next();
  REQUIRE(conflict);
  CHECK(conflict->stories.empty());
  std::vector<std::string> generic;
  for (const auto& entry : generic_follow_ups())
    if (entry.theme == "disagreement") generic = entry.questions;
  REQUIRE_FALSE(generic.empty());
  CHECK(conflict->follow_ups == std::vector<std::string>(generic.begin(), generic.begin() + std::min<size_t>(2, generic.size())));

  // No themes: the general follow-ups.
  const auto technical = mock.next();
  REQUIRE(technical);
  CHECK(technical->follow_ups.size() == 2);
  CHECK(technical->follow_ups == follow_ups_for(CardContent{}));

  // Every generic list is a short list of questions.
  for (const auto& entry : generic_follow_ups()) {
    CAPTURE(entry.theme);
    CHECK(entry.questions.size() >= 1);
    for (const auto& question : entry.questions) CHECK(question.ends_with("?"));
  }
}

TEST_CASE("an answer is scored and recorded at once, rated by the user or else by the suggestion; the report says what to practise",
          "[mock]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("mock.md", kDeck)});
  MockInterview mock(*engine, "Mock", {});

  const auto outage = mock.next();
  REQUIRE(outage);
  MockAnswer given;
  given.text = "We had an outage. I decided to roll back first, then found the root cause in the logs; errors fell to zero in ten minutes.";
  given.follow_up_answers = {"The error rate went back to normal.", ""};
  given.taken_ms = 90'000;
  const MockResult first = mock.answer(*outage, given);
  CHECK_FALSE(first.rated_by_user);
  REQUIRE(first.suggestion);
  CHECK(first.rating == *first.suggestion);
  CHECK(first.follow_ups_answered == 1);
  CHECK(first.seconds == 90);
  // Committed: the review log holds it, with the scorers' result.
  auto log = log_of(engine->collection(), "mock-outage");
  REQUIRE(log.size() == 1);
  CHECK(log.front().rating == first.rating);
  CHECK(log.front().suggestion == first.suggestion);
  CHECK(log.front().taken_ms == 90'000);

  const auto conflict = mock.next();
  REQUIRE(conflict);
  MockAnswer passed;  // nothing said: `again`
  passed.taken_ms = 5'000;
  const MockResult second = mock.answer(*conflict, passed);
  CHECK(second.passed);
  CHECK(second.rating == Rating::again);

  const auto technical = mock.next();
  REQUIRE(technical);
  MockAnswer rated;
  rated.text = "It is safe to retry.";
  rated.rating = Rating::hard;
  rated.taken_ms = 20'000;
  CHECK(mock.answer(*technical, rated).rating == Rating::hard);
  CHECK(log_of(engine->collection(), "mock-idempotency").front().rating == Rating::hard);

  const MockReport report = mock.report();
  REQUIRE(report.questions.size() == 3);
  CHECK(report.seconds == 115);
  CHECK(report.minutes == MockInterview::kDefaultMinutes);
  CHECK_FALSE(report.time_up);
  // The conflict question asked for a story the user does not have, and was passed.
  CHECK(report.themes_without_story == std::vector<std::string>{"disagreement"});
  CHECK(std::find(report.low_themes.begin(), report.low_themes.end(), "disagreement") != report.low_themes.end());
  const auto mentions = [&](const std::string& text) {
    return std::any_of(report.practise.begin(), report.practise.end(),
                       [&](const std::string& step) { return step.find(text) != std::string::npos; });
  };
  CHECK(mentions("rehearse story new"));
  CHECK(mentions("rehearse score --card mock-conflict"));
  // Another round on the themes that scored low, the passed one among them.
  const auto round = std::find_if(report.practise.begin(), report.practise.end(),
                                  [](const std::string& step) { return step.find("rehearse mock --themes ") != std::string::npos; });
  REQUIRE(round != report.practise.end());
  CHECK_THAT(round->substr(round->find("--themes ")), Catch::Contains("disagreement"));
}

TEST_CASE("a mock interview stops offering questions once its minutes are spent", "[mock]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("mock.md", kDeck)});
  MockInterview mock(*engine, "Mock", MockOptions{2, {}, false});
  CHECK(mock.limit_ms() == 2 * 60'000);
  const auto first = mock.next();
  REQUIRE(first);
  MockAnswer slow;
  slow.text = "A long answer.";
  slow.taken_ms = 2 * 60'000;
  mock.answer(*first, slow);
  CHECK_FALSE(mock.next());
  const MockReport report = mock.report();
  CHECK(report.time_up);
  CHECK(report.questions.size() == 1);
}

TEST_CASE("a mock interview refuses bad minutes, unknown themes and decks before recording anything", "[mock][bad-input]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("mock.md", kDeck)});
  CHECK_THROWS_WITH(MockInterview(*engine, "Mock", MockOptions{0, {}, false}), Catch::Contains("from 1 to 240 minutes"));
  CHECK_THROWS_WITH(MockInterview(*engine, "Mock", MockOptions{std::nullopt, {"astrology"}, false}),
                    Catch::Contains("no question of deck 'Mock' has the theme 'astrology'") && Catch::Contains("incident"));
  CHECK_THROWS_WITH(MockInterview(*engine, "Nope", {}), Catch::Contains("no deck named 'Nope'"));
  CHECK(engine->collection().stats().reviews_total == 0);
}

// ---- `rehearse mock` with piped input ----------------------------------------------------------

namespace {

// Imports the test deck into the program's collection, besides the bundled decks.
void import_mock_deck(const Program& program) {
  const auto deck = program.dir.write("mock.md", kDeck);
  const auto imported = program.run({"import", deck.string()});
  INFO(imported.err);
  REQUIRE(imported.status == 0);
}

// The review log of card `uid` in the program's collection.
std::vector<ReviewLogEntry> program_log(const Program& program, const std::string& uid) {
  EngineConfig config;
  config.collection = program.collection;
  config.load_default_plugin_dirs = false;
  config.plugin_dirs.emplace_back(REHEARSE_TEST_PLUGIN_DIR);
  config.now_ms = test::at(program.now);
  Engine engine(config);
  return log_of(engine.collection(), uid);
}

}  // namespace

TEST_CASE("rehearse mock: a piped interview with follow-up answers and rating lines ends with the report", "[mock][program]") {
  const Program program;
  import_mock_deck(program);
  const std::string input =
      "We had an outage at checkout. I rolled back first, then found the root cause in the logs.\n\n"
      "The error rate went back to normal within minutes.\n\n"
      "We added an alert and a test.\n\n"
      "3\n"
      "I talked it through with my teammate and we agreed on a shared goal.\n\n"
      "We work well together now.\n\n"
      "I would have talked to them sooner.\n\n"
      "1\n";
  const auto result = program.run({"mock", "--deck", "Mock"}, input);
  INFO(result.err);
  REQUIRE(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("Q: Tell me about a time you handled a production outage"));
  CHECK_THAT(result.out, Catch::Contains("Stories of yours that fit:"));
  CHECK_THAT(result.out, Catch::Contains("Checkout outage (incident, reliability)"));
  CHECK_THAT(result.out, Catch::Contains("Follow-up: How did you know the fix had worked?"));
  CHECK_THAT(result.out, Catch::Contains("Follow-up: What changed afterwards?"));
  CHECK_THAT(result.out, Catch::Contains("No story of yours fits its themes (disagreement)"));
  CHECK_THAT(result.out, Catch::Contains("Saved: good (your rating)"));
  CHECK_THAT(result.out, Catch::Contains("Saved: again (your rating)"));
  // The end of input ends the interview before the third question is answered; the report follows.
  CHECK_THAT(result.out, Catch::Contains("=== Mock interview report ===\n2 questions in"));
  CHECK_THAT(result.out, Catch::Contains("Themes with no story of yours: disagreement."));
  CHECK_THAT(result.out, Catch::Contains("rehearse score --card mock-conflict"));

  CHECK(program_log(program, "mock-outage").front().rating == Rating::good);
  CHECK(program_log(program, "mock-conflict").front().rating == Rating::again);
  CHECK(program_log(program, "mock-idempotency").empty());
}

TEST_CASE("rehearse mock: without rating lines each answer takes the scorers' suggestion", "[mock][program]") {
  const Program program;
  import_mock_deck(program);
  const std::string input =
      "I rolled back first and found the root cause.\n\nIt recovered.\n\nAn alert.\n\n"
      "We found a shared goal.\n\nFine now.\n\nSooner.\n\n"
      "It is safe to retry.\n\n";
  const auto result = program.run({"mock", "--deck", "Mock"}, input);
  INFO(result.err);
  REQUIRE(result.status == 0);
  CHECK_THAT(result.out, Catch::Contains("3 questions in"));
  for (const std::string uid : {"mock-outage", "mock-conflict", "mock-idempotency"}) {
    CAPTURE(uid);
    const auto log = program_log(program, uid);
    REQUIRE(log.size() == 1);
    REQUIRE(log.front().suggestion);
    CHECK(log.front().rating == *log.front().suggestion);
  }
}

TEST_CASE("rehearse mock: q ends the interview early; the question answered counts, the one not started does not",
          "[mock][program]") {
  const Program program;
  import_mock_deck(program);
  SECTION("q at a follow-up: the answer is recorded, and the report printed") {
    const auto result = program.run({"mock", "--deck", "Mock"}, "I rolled back first.\n\nq\nnever read\n");
    REQUIRE(result.status == 0);
    CHECK_THAT(result.out, Catch::Contains("1 question in"));
    CHECK(program_log(program, "mock-outage").size() == 1);
    CHECK(program_log(program, "mock-conflict").empty());
  }
  SECTION("q before any answer: nothing recorded") {
    const auto result = program.run({"mock", "--deck", "Mock"}, "q\n");
    REQUIRE(result.status == 0);
    CHECK_THAT(result.out, Catch::Contains("No question answered."));
    CHECK(program.run_json({"stats"})["reviews_total"] == 0);
  }
}

TEST_CASE("rehearse mock --json prints only the report, in the shape the README documents", "[mock][program]") {
  const Program program;
  import_mock_deck(program);
  const auto result = program.run({"mock", "--deck", "Mock", "--minutes", "15", "--json"},
                                  "I rolled back first and found the root cause.\n\nIt recovered.\n\nAn alert.\n\n4\n\n");
  INFO(result.err);
  REQUIRE(result.status == 0);
  const json report = json::parse(result.out);  // nothing but the report on standard output
  CHECK_THAT(result.err, Catch::Contains("Q: Tell me about a time you handled a production outage"));
  CHECK(report["minutes"] == 15);
  CHECK(report["time_up"] == false);
  CHECK(report["seconds"].is_number());
  CHECK(report["mean_score"].is_number());
  REQUIRE(report["questions"].size() == 2);
  const json& first = report["questions"][0];
  CHECK(first["id"] == "mock-outage");
  CHECK(first["deck"] == "Mock");
  CHECK(first["prompt"] == "Tell me about a time you handled a production outage");
  CHECK(first["type"] == "behavioural");
  CHECK(first["themes"] == json::array({"incident", "reliability"}));
  CHECK(first["score"].is_number());
  CHECK(first["suggestion"].is_string());
  CHECK(first["rating"] == "easy");
  CHECK(first["rated_by"] == "user");
  CHECK(first["seconds"].is_number());
  CHECK(first["follow_ups"] == json::array({"How did you know the fix had worked?", "What changed afterwards?"}));
  CHECK(first["follow_ups_answered"] == 2);
  CHECK(first["summary"].is_string());
  CHECK(first["card_id"].is_number_integer());
  // The second question was passed (an empty answer): `again`, no score.
  const json& second = report["questions"][1];
  CHECK(second["rated_by"] == "passed");
  CHECK(second["rating"] == "again");
  CHECK(second["score"].is_null());
  CHECK(report["themes_without_story"] == json::array({"disagreement"}));
  CHECK(std::find(report["low_themes"].begin(), report["low_themes"].end(), "disagreement") != report["low_themes"].end());
  CHECK(report["practise"].is_array());
  CHECK_FALSE(report["practise"].empty());
}

TEST_CASE("rehearse mock refuses bad --minutes and --themes with a clear message and records nothing", "[mock][program][bad-input]") {
  const Program program;
  import_mock_deck(program);
  for (const std::string minutes : {"0", "abc", "-5", "241", "2.5"}) {
    CAPTURE(minutes);
    const auto result = program.run({"mock", "--minutes", minutes}, "An answer.\n\n");
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Contains("--minutes: '" + minutes + "' is not a number of minutes from 1 to 240"));
  }
  const auto empty_theme = program.run({"mock", "--themes", "incident,,failure"}, "An answer.\n\n");
  CHECK(empty_theme.status == 2);
  CHECK_THAT(empty_theme.err, Catch::Contains("--themes: 'incident,,failure' has an empty theme"));
  const auto unknown = program.run({"mock", "--deck", "Mock", "--themes", "astrology"}, "An answer.\n\n");
  CHECK(unknown.status == 1);
  CHECK_THAT(unknown.err, Catch::Contains("no question of deck 'Mock' has the theme 'astrology'; the themes are:"));
  const auto review_only = program.run({"mock", "--frontend", "web"}, "An answer.\n\n");
  CHECK(review_only.status == 1);
  CHECK_THAT(review_only.err, Catch::Contains("the front end 'web' cannot run a mock interview; use --frontend cli"));
  const auto no_deck = program.run({"mock", "--deck", "Nope"}, "An answer.\n\n");
  CHECK(no_deck.status == 1);
  CHECK_THAT(no_deck.err, Catch::Contains("there is no deck named 'Nope'"));
  CHECK(program.run_json({"stats"})["reviews_total"] == 0);
}
