// Coaching a user can trust: each case is advice the scorers once gave that contradicted its own
// evidence, and what they say now. The answers are scored as `rehearse score` scores them.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "rehearse/review_session.h"
#include "test_support.h"

using namespace rehearse;
namespace fs = std::filesystem;

namespace {

const fs::path kDecks = fs::path(REHEARSE_SOURCE_DIR) / "decks";

CardContent behavioural_question(const std::string& prompt) {
  CardContent card;
  card.prompt = prompt;
  card.type = QuestionType::behavioural;
  return card;
}

// The part the scorer gave the sentence that opens with `opening`; empty when no sentence does,
// so that a check of a sentence the scorer split differently fails rather than passes unseen.
std::string part_opening(const ScoreResult& result, std::string_view opening) {
  for (const auto& part : result.parts)
    if (part.text.starts_with(opening)) return part.part;
  return "";
}

struct Coach {
  test::TempDir dir;
  std::unique_ptr<Engine> engine = test::make_engine(dir);

  Coach() { engine->import_paths({kDecks / "behavioral-questions.md"}); }

  CardContent card(const std::string& uid) const {
    const auto cards = engine->collection().cards_with_uid(uid);
    REQUIRE(cards.size() == 1);
    return cards.front().content;
  }

  ScoreResult score(const std::string& scorer, const CardContent& card, const std::string& answer, double seconds = 0) const {
    return test::score_with(*engine, scorer, card, answer, seconds);
  }
  // The STAR rubric's verdict on an answer to a behavioural question.
  ScoreResult star(const std::string& question, const std::string& answer) const {
    return score("star", behavioural_question(question), answer);
  }
};

using test::finding;


// A strong outage answer: short context, the action as its largest part, numbers in the result.
const std::string kContext =
    "Last spring our checkout service started timing out during a flash sale, and about a fifth of payments failed. "
    "I was the on-call engineer, so stabilising it was mine.";
const std::string kActions[] = {
    "I rolled back the morning's release first, because it was the only change that day and a rollback was safer than debugging live.",
    "I then traced the slow requests to a query that had lost its index in a migration the week before.",
    "I considered adding a bigger database instance, but chose to rebuild the index concurrently instead, because it fixed the cause.",
    "I posted updates in the incident channel every fifteen minutes so support could answer customers.",
    "After the fix I added a check to our migration tooling that fails when an index disappears.",
};
const std::string kResult = "We restored service in 12 minutes, and checkout errors fell from 20% to under 0.5%.";
const std::string kLesson = "Since then I review every migration for dropped indexes before it ships.";

std::string strong_answer() {
  std::string answer = kContext;
  for (const auto& action : kActions) answer += " " + action;
  return answer + " " + kResult + " " + kLesson;
}

}  // namespace

TEST_CASE("an ordinary word never meets a key point through an alias that merely contains it", "[coaching]") {
  Coach coach;
  const ScoreResult lunch = coach.score("keypoints", coach.card("risky-migration"), "We went to lunch.");
  CHECK_FALSE(finding(lunch, "key point: Success and abort criteria defined up front").met);

  const ScoreResult peak = coach.score("keypoints", coach.card("database-bottleneck"), "Traffic at peak was about twice the usual load.");
  CHECK_FALSE(finding(peak, "key point: Apply the change safely on a live database").met);
  // The alias as a whole phrase still counts.
  const ScoreResult off_peak = coach.score("keypoints", coach.card("database-bottleneck"), "I built the new index off-peak, at 3 am.");
  CHECK(finding(off_peak, "key point: Apply the change safely on a live database").met);
}

TEST_CASE("a point that names a lack is covered by saying the thing was not there", "[coaching]") {
  Coach coach;
  const ScoreResult result =
      coach.score("keypoints", coach.card("database-bottleneck"), "The orders table had no index on customer_id, so every lookup scanned it.");
  const Finding& cause = finding(result, "key point: Name the root cause precisely");
  CHECK(cause.met);
  CHECK_THAT(cause.evidence, Catch::Contains("index"));
}

TEST_CASE("weighing another option counts as naming a rejected alternative, in other words", "[coaching]") {
  Coach coach;
  const ScoreResult result = coach.score("keypoints", coach.card("latency-reduction"),
                                         "I considered a bigger cache for the catalogue, but chose to batch the price lookups instead, "
                                         "because the cache would have hidden the N+1 pattern rather than removed it.");
  CHECK(finding(result, "key point: Explain the fix and the rejected alternatives").met);
}

TEST_CASE("a negated mention does not cover a key point", "[coaching]") {
  Coach coach;
  const ScoreResult result = coach.score("keypoints", coach.card("production-outage"),
                                         "We never ran a postmortem, and nobody followed up on action items.");
  CHECK_FALSE(finding(result, "key point: Blameless postmortem with follow-up actions").met);
}

TEST_CASE("the quantified result is quoted from the part labelled result, and the shares agree with it", "[coaching]") {
  Coach coach;
  const ScoreResult result = coach.score("star", behavioural_question("Tell me about a time you handled a production outage"), strong_answer());
  const Finding& quantified = finding(result, "quantified result");
  REQUIRE(quantified.met);
  CHECK(quantified.advice.empty());
  // The sentence quoted is one the scorer labelled result, and the result's share is not 0%.
  bool quoted_from_result = false;
  for (const auto& part : result.parts)
    if ((part.part == "result" || part.part == "lesson") && part.text.find(quantified.evidence.substr(0, 20)) != std::string::npos)
      quoted_from_result = true;
  CHECK(quoted_from_result);
  CHECK_THAT(finding(result, "action is the largest part").evidence, !Catch::Contains("result and lesson 0%"));
}

TEST_CASE("a result joined to the action by a semicolon is read as the result", "[coaching]") {
  Coach coach;
  const std::string answer =
      "Last March our payments API started failing about 30% of requests right after a config push. I was on call, so I "
      "declared the incident and took the commander role. The error graphs lined up with the push to the minute, so I rolled "
      "the config back before we knew the root cause; errors fell from 30% to under 1% in six minutes. I posted updates in "
      "the incident channel every 15 minutes. Afterwards I ran a blameless postmortem and added validation to config pushes.";
  const ScoreResult result = coach.star("Tell me about a time you handled a production outage", answer);
  CHECK(finding(result, "all four STAR parts").met);
  const Finding& quantified = finding(result, "quantified result");
  CHECK(quantified.met);
  CHECK_THAT(quantified.evidence, Catch::Contains("fell from 30%"));
}

TEST_CASE("a sentence that opens by naming its part is that part, even told first", "[coaching]") {
  Coach coach;
  const std::string answer =
      "The outcome was that we restored card payments within 38 minutes, and no customer was double-charged. Our ledger "
      "database ran out of disk at 2 a.m. I was on call, so I led the response. I moved the write-ahead logs to a larger "
      "volume and replayed the queued payments. That taught me to alert on disk growth rate, not only on the disk being full.";
  const ScoreResult result = coach.star("Tell me about a time you handled a production outage", answer);
  CHECK(part_opening(result, "The outcome was") == "result");
  CHECK(part_opening(result, "That taught me") == "lesson");
  const ScoreResult ended = coach.star("Tell me about a time you pushed back",
                                       "In the end we launched the new quote form two weeks later than product wanted, but without "
                                       "the duplicate policies problem. The product owner wanted it before the summer campaign, and "
                                       "he asked us to skip the duplicate check. The previous year, a similar shortcut created around "
                                       "300 duplicated policies. I prepared one page with last year's numbers and proposed two "
                                       "options. The director chose the second option. The biggest thing I learned is that numbers "
                                       "from our own history persuade.");
  CHECK(part_opening(ended, "In the end") == "result");
  CHECK(part_opening(ended, "The biggest thing I learned") == "lesson");
  // A deadline on the user is the task, even told first.
  const ScoreResult deadline = coach.star("Tell me about a tight deadline",
                                          "I had two weeks to integrate a new carrier, or we lost the contract with our biggest "
                                          "retail client. Their old carrier had gone bust and parcels were piling up in the depot. I "
                                          "read the carrier's API docs and built the label and tracking calls first. We went live two "
                                          "days early and kept the contract.");
  CHECK(part_opening(deadline, "I had two weeks") == "task");
  // Notes name the lesson by its verb: "Learned ...".
  const ScoreResult noted = coach.star("Tell me about a time you recovered lost data",
                                       "Learned to alert on absence the hard way. A config change pointed the event writer at a test "
                                       "bucket for three days. Wrote a script to replay the carriers' webhooks. Audit passed on "
                                       "Friday with complete history.");
  CHECK(part_opening(noted, "Learned") == "lesson");
}

TEST_CASE("a sentence in which nobody acts is not the action", "[coaching]") {
  Coach coach;
  const std::string answer =
      "Our dashboard project was due in six weeks. I was the only backend engineer on it. I built the API in the first two "
      "weeks and wired up the export. The data team's feed was late and the charts library was unstable. Eventually it "
      "shipped a month late.";
  const ScoreResult result = coach.star("Tell me about a time you missed a deadline", answer);
  CHECK(part_opening(result, "The data team") == "situation");
  CHECK(part_opening(result, "I built") == "action");
  // How things stood, before any step of the user's, is the situation going on; once the steps
  // have begun, "the culprit was ..." is what the steps found.
  const std::string story =
      "An engineer on my team kept getting his friend to approve his pull requests unread. People were pretty annoyed and it "
      "came up in a few retros. He was also defensive about it. Eventually I talked to him one to one and proposed paired "
      "reviews. I traced three incidents to unread reviews. The culprit was a config change nobody had read. Bugs from his "
      "changes fell to zero within a month.";
  const ScoreResult told = coach.star("Tell me about a conflict with a colleague", story);
  CHECK(part_opening(told, "People were") == "situation");
  CHECK(part_opening(told, "He was also") == "situation");
  const std::string culprit = part_opening(told, "The culprit");
  CHECK((culprit == "action" || culprit == "result"));
}

TEST_CASE("a belief told in the present is not a step", "[coaching]") {
  Coach coach;
  const std::string answer =
      "When I moved to the search team I knew nothing about Elasticsearch. So I read the docs and asked a lot of questions. I "
      "think learning a new system is mostly about asking questions early. You have to be humble about it.";
  const ScoreResult result = coach.star("Tell me about a time you learned something new", answer);
  CHECK(part_opening(result, "So I read") == "action");
  CHECK(part_opening(result, "I think") == "lesson");
  CHECK(part_opening(result, "You have") == "lesson");
  // A belief or a value, wherever it stands, is what the user takes from the story.
  const ScoreResult opinions = coach.star("Tell me about a time you improved on-call",
                                          "On-call health is very important for a team. Pages were waking two of us every night. I "
                                          "deleted the alerts nobody acted on and moved the rest to business hours. Pages fell to one "
                                          "a week.");
  CHECK(part_opening(opinions, "On-call health") == "lesson");
  CHECK(part_opening(opinions, "I deleted") == "action");
  // Told in the past, what the user thinks happened is still the story.
  const ScoreResult told = coach.star("Tell me about a time you learned something new",
                                      "I joined the search team knowing nothing about Elasticsearch. I read the docs and asked "
                                      "a lot of questions. I think I got productive within two weeks.");
  CHECK(part_opening(told, "I think") != "lesson");
  CHECK_FALSE(part_opening(told, "I think").empty());
}

TEST_CASE("a closing sentence labelled lesson meets 'lesson at the end', whatever its words", "[coaching]") {
  Coach coach;
  const ScoreResult result = coach.star("Tell me about a time you handled a production outage",
                                        "Our checkout API started timing out during a Friday sale. I was on call, so it was mine. "
                                        "Checked the deploys first: nothing new since Tuesday. Found the connection pool maxed out by "
                                        "a reporting job. Killed the job and moved it to the read replica. Errors fell from 18% to "
                                        "under 1% in ten minutes. Putting every batch job behind its own pool limit is what stops "
                                        "this coming back.");
  REQUIRE(part_opening(result, "Putting every batch job") == "lesson");
  const Finding& lesson = finding(result, "lesson at the end");
  CHECK(lesson.met);
  CHECK(lesson.advice.empty());
  CHECK_THAT(lesson.evidence, Catch::Contains("Putting every batch job"));
}

TEST_CASE("notes that leave out the 'I' are steps of the action, unless they say what came of them", "[coaching]") {
  Coach coach;
  const ScoreResult result = coach.star("Tell me about a performance problem you solved",
                                        "Label printing at the warehouse took four seconds a parcel and the queues at the printers "
                                        "grew every afternoon. Profiled it first, and most of the time went on rendering a PDF in a "
                                        "headless browser. Asked the carrier for their raw label format. Built a template renderer "
                                        "in Go instead. Cut label generation from 4 seconds to 300 ms per parcel.");
  for (const char* step : {"Profiled", "Asked", "Built"}) CHECK(part_opening(result, step) == "action");
  CHECK(part_opening(result, "Cut label") == "result");
  // After the last step, a sentence in which nobody acts is what came of it.
  const ScoreResult recovered = coach.star("Tell me about a time you recovered lost data",
                                           "A config change pointed the event writer at a test bucket for three days. Wrote a script "
                                           "to replay the carriers' webhooks through our ingestion. 21:45, filled the last gaps from the "
                                           "handheld scans. Audit passed on Friday with complete history. The config is now "
                                           "validated on deploy. Learned to alert when a stream goes quiet.");
  CHECK(part_opening(recovered, "Wrote") == "action");
  CHECK(part_opening(recovered, "21:45") == "action");
  CHECK(part_opening(recovered, "Audit passed") == "result");
}

TEST_CASE("every sentence of an answer is labelled, in order, whether typed as paragraphs or as bullets", "[coaching]") {
  Coach coach;
  std::string bullets = "- " + kContext + "\n";
  for (const auto& action : kActions) bullets += "- " + action + "\n";
  bullets += "- " + kResult + "\n- " + kLesson + "\n";
  const CardContent card = behavioural_question("Tell me about a time you handled a production outage");
  for (const std::string& answer : {strong_answer(), bullets}) {
    const ScoreResult result = coach.score("star", card, answer);
    REQUIRE(result.parts.size() >= 8);
    CHECK(result.parts.front().part == "situation");
    // The closing reflection belongs to the ending: the result or the lesson.
    CHECK((result.parts.back().part == "lesson" || result.parts.back().part == "result"));
    std::size_t end = 0;
    for (const auto& part : result.parts) {
      CHECK(part.begin >= end);
      CHECK(answer.substr(part.begin, part.end - part.begin) == part.text);
      end = part.end;
    }
  }
}

TEST_CASE("blaming another team fails 'no blame'", "[coaching]") {
  Coach coach;
  const ScoreResult result = coach.score("star", behavioural_question("Tell me about a time you handled a production outage"),
                                         strong_answer() + " The other team's code was really bad.");
  const Finding& blame = finding(result, "no blame");
  CHECK_FALSE(blame.met);
  CHECK_THAT(blame.evidence, Catch::Contains("code was really bad"));
  CHECK(*result.score <= 60);
}

TEST_CASE("a design question is graded by the technical rubric, never by the STAR rubric", "[coaching]") {
  CardContent card;
  card.prompt = "How would you design a URL shortener?";
  CHECK(type_of(card) == QuestionType::design);
  Coach coach;
  const Scorer* star = coach.engine->registry().scorer("star");
  const Scorer* technical = coach.engine->registry().scorer("technical");
  REQUIRE(star != nullptr);
  REQUIRE(technical != nullptr);
  CHECK_FALSE(star->applies_to(card));
  CHECK(technical->applies_to(card));
  CHECK(infer_question_type(CardKind::question, "Tell me about a time you disagreed with your manager") == QuestionType::behavioural);
  CHECK(infer_question_type(CardKind::question, "What is idempotency?") == QuestionType::technical);
}

TEST_CASE("a strong answer scores above the same answer with its action cut to one sentence", "[coaching]") {
  Coach coach;
  const CardContent card = behavioural_question("Tell me about a time you handled a production outage");
  const double full = *coach.score("star", card, strong_answer()).score;
  const double cut = *coach.score("star", card, kContext + " " + kActions[0] + " " + kResult + " " + kLesson).score;
  CHECK(full > cut);
}

TEST_CASE("an answer without an action or a result fails, whatever its length", "[coaching]") {
  Coach coach;
  const CardContent card = behavioural_question("Tell me about a time you handled a production outage");
  std::string no_result = kContext;
  for (const auto& action : kActions) no_result += " " + action;
  const ScoreResult result = coach.score("star", card, no_result);
  CHECK(*result.score < 40);
  CHECK(result.suggestion == Rating::again);
}

TEST_CASE("length is judged by the words at a speaking pace or the recorded duration, never by the typing time", "[coaching]") {
  Coach coach;
  const CardContent card = behavioural_question("Tell me about a time you handled a production outage");
  const ScoreResult typed = coach.score("star", card, strong_answer(), 7);
  const Finding& length = finding(typed, "length");
  CHECK(length.met);
  CHECK(length.advice.empty());
  CHECK_THAT(length.evidence, !Catch::Contains("you took") && Catch::Contains("words"));

  const Scorer* star = coach.engine->registry().scorer("star");
  const CombinedScore spoken = score_answer(*coach.engine, {star}, card, Attempt{strong_answer(), 400, 240.0}, false);
  REQUIRE(spoken.parts.size() == 1);
  const Finding& too_long = finding(spoken.parts.front(), "length");
  CHECK_FALSE(too_long.met);
  CHECK_THAT(too_long.evidence, Catch::Contains("4 min 0 s spoken"));
}

TEST_CASE("advice is given only for criteria that were not met", "[coaching]") {
  Coach coach;
  for (const std::string& answer : {strong_answer(), std::string("We fixed it."), kContext}) {
    const ScoreResult result = coach.star("Tell me about a time you handled a production outage", answer);
    for (const auto& f : result.findings) {
      INFO(f.criterion);
      if (f.met) CHECK(f.advice.empty());
    }
  }
}

TEST_CASE("rehearse score infers the question's type and shows the labelled parts in --json", "[coaching][program]") {
  test::TempDir dir;
  const auto run = [&](const std::string& question, const std::string& answer) {
    return test::run_program({"--collection", (dir / "c.db").string(), "score", "--question", question, "--json"}, answer);
  };
  const auto behavioural = nlohmann::json::parse(run("Tell me about a time you handled a production outage", strong_answer()).out);
  CHECK(behavioural["type"] == "behavioural");
  bool star_parts = false;
  for (const auto& scorer : behavioural["scorers"])
    if (scorer["scorer"] == "star") star_parts = scorer.contains("parts") && scorer["parts"].front()["part"] == "situation";
  CHECK(star_parts);

  const auto design = nlohmann::json::parse(
      run("How would you design a URL shortener?",
          "Requirements first: create short links and redirect fast, reads far outnumber writes. Say 100M new links a month, about 40 "
          "writes/s and 4k reads/s. An API service writes to a key-value store keyed by the short code, with a cache in front for "
          "redirects; the code is a base62 counter. The hot path is the redirect, so the cache takes most of the load. I'd pick a 302 "
          "over a 301 so we keep analytics, at the cost of more requests.")
          .out);
  CHECK(design["type"] == "design");
  for (const auto& scorer : design["scorers"]) CHECK(scorer["scorer"] != "star");
}
