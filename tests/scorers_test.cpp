// Scoring rules that coach: the `keypoints` scorer (which key points an answer covers, which
// pitfalls it falls into) and the `star` rubric (parts, ownership, numbers, tradeoff, lesson,
// length, blame, filler), on answers to the bundled cards, and how the engine combines them.
#include <fmt/format.h>

#include <regex>

#include "rehearse/review_session.h"
#include "rehearse/story_bank.h"
#include "rehearse/text.h"
#include "test_support.h"

using namespace rehearse;
namespace fs = std::filesystem;

namespace {

const fs::path kDecks = fs::path(REHEARSE_SOURCE_DIR) / "decks";

// An engine on a fresh collection holding the bundled behavioural, concept and story decks.
struct BundledDecks {
  test::TempDir dir;
  std::unique_ptr<Engine> engine = test::make_engine(dir);

  BundledDecks() {
    engine->import_paths({kDecks / "behavioral-questions.md", kDecks / "backend-concepts.md", kDecks / "story-bank.md"});
  }

  CardContent card(const std::string& uid) const {
    const auto cards = engine->collection().cards_with_uid(uid);
    REQUIRE(cards.size() == 1);
    return cards.front().content;
  }

  ScoreResult score(const std::string& scorer, const CardContent& card, const std::string& answer, double seconds = 0) const {
    return test::score_with(*engine, scorer, card, answer, seconds);
  }
};

using test::finding;

bool has_finding(const ScoreResult& result, std::string_view prefix) {
  return std::any_of(result.findings.begin(), result.findings.end(), [&](const Finding& f) { return f.criterion.starts_with(prefix); });
}

// A strong answer to "Tell me about a time you handled a production outage": short context, one
// line of ownership, the action as the largest part in the first person, numbers in the result,
// an alternative weighed and a closing lesson.
const std::string kSituation =
    "At my last company our payments API, about 3,000 requests per second at peak, started timing out during the evening peak, "
    "and roughly 18% of checkouts were failing.\n";
const std::string kTask = "As the on-call lead I owned the mitigation, the updates to stakeholders and the root-cause fix.\n";
const std::string kAction =
    "I rolled back the deploy from an hour earlier first, because the error graph lined up with it and a rollback was faster and "
    "safer than debugging a live system.\n"
    "I then used traces and the database dashboards to show that a new retry loop had doubled connections and exhausted the pool.\n"
    "I posted status updates in the incident channel every 20 minutes for support and leadership.\n"
    "I fixed the pool sizing, added a saturation alert and ran a blameless postmortem with three action items.\n";
const std::string kResult =
    "Errors were back under 0.5% within 12 minutes, and the MTTR for this alert fell from about 90 to 15 minutes.\n";
const std::string kLesson = "I learned to load test failure paths, not just steady state, before a change ships.\n";
const std::string kStrongAnswer = kSituation + kTask + kAction + kResult + kLesson;

// "I" turned into "we", everywhere.
std::string in_we(const std::string& answer) { return std::regex_replace(answer, std::regex("\\bI\\b"), "we"); }

}  // namespace

// ---- keypoints --------------------------------------------------------------------------------

TEST_CASE("an answer covering every key point of a question scores 100 and quotes the words that matched", "[scorers]") {
  BundledDecks decks;
  const ScoreResult result = decks.score("keypoints", decks.card("production-outage"), kStrongAnswer);
  CHECK(*result.score == Approx(100));
  CHECK(result.suggestion == Rating::easy);
  for (const auto& f : result.findings) {
    INFO(f.criterion);
    CHECK(f.met);
    CHECK_FALSE(f.evidence.empty());
    CHECK_THAT(kStrongAnswer, Catch::Contains(f.evidence.substr(0, 12)));
  }
  CHECK_THAT(finding(result, "key point: Keep stakeholders updated on a cadence").evidence, Catch::Contains("status updates"));
}

TEST_CASE("key points count in other word forms, in another order and with a small typo", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  const ScoreResult result = decks.score("keypoints", card,
                                         "My first move was mitigating, and the root cause came after that.\n"
                                         "Every 20 minutes the stakeholdrs got an update from me, on a fixed cadence.");
  const Finding& mitigate = finding(result, "key point: Mitigate first, root cause second");
  CHECK(mitigate.met);
  CHECK_THAT(mitigate.evidence, Catch::Contains("mitigating"));
  const Finding& stakeholders = finding(result, "key point: Keep stakeholders updated on a cadence");
  CHECK(stakeholders.met);
  CHECK_FALSE(stakeholders.evidence.empty());
}

TEST_CASE("an alias after | counts as saying the key point", "[scorers]") {
  BundledDecks decks;
  const ScoreResult result =
      decks.score("keypoints", decks.card("production-outage"), "I went through the dashboards until the spike made sense.");
  const Finding& data = finding(result, "key point: Use data to find the cause");
  CHECK(data.met);
  CHECK(data.evidence == "dashboards");
}

TEST_CASE("stop words alone never make a key point count", "[scorers]") {
  BundledDecks decks;
  const ScoreResult result = decks.score("keypoints", decks.card("production-outage"), "I was on it, and we did all of that for them first.");
  CHECK(*result.score == Approx(0));
  CHECK(result.suggestion == Rating::again);
}

TEST_CASE("a key point left out is listed as missing, with advice that names it", "[scorers]") {
  BundledDecks decks;
  const ScoreResult result = decks.score("keypoints", decks.card("production-outage"),
                                         "I rolled back the release to stop the bleeding and then read the dashboards to find the cause.");
  const Finding& updates = finding(result, "key point: Keep stakeholders updated on a cadence");
  CHECK_FALSE(updates.met);
  CHECK(updates.evidence.empty());
  CHECK_THAT(updates.advice, Catch::Contains("Keep stakeholders updated on a cadence") && Catch::Contains("status updates"));
  CHECK_THAT(result.summary, Catch::Contains("Covered 2 of 5") && Catch::Contains("missing: Keep stakeholders updated"));
  CHECK(*result.score == Approx(40));
}

TEST_CASE("a longer key point mostly said earns half its credit and is quoted", "[scorers]") {
  BundledDecks decks;
  // "Keep stakeholders updated on a cadence" has four content words; two of them are here.
  const ScoreResult result = decks.score("keypoints", decks.card("production-outage"), "Once it calmed down I kept the stakeholders happy.");
  const Finding& updates = finding(result, "key point: Keep stakeholders updated on a cadence");
  CHECK_FALSE(updates.met);
  CHECK(updates.evidence == "kept the stakeholders");
  CHECK_THAT(updates.advice, Catch::StartsWith("Partly there"));
  CHECK(*result.score == Approx(10));
}

TEST_CASE("falling into a pitfall costs points and the finding quotes it", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("monolith-decomposition");
  const std::string answer =
      "Deploys of the monolith were blocked on each other, so I picked billing as a bounded context and moved its traffic "
      "gradually behind a facade, strangler fig style, accepting more network hops and more to operate.";
  const ScoreResult clean = decks.score("keypoints", card, answer);
  const ScoreResult fallen = decks.score("keypoints", card, answer + " Looking back, a big-bang rewrite would have been quicker.");
  CHECK_FALSE(has_finding(clean, "avoid:"));
  const Finding& pitfall = finding(fallen, "avoid: A big-bang rewrite");
  CHECK_FALSE(pitfall.met);
  CHECK_THAT(pitfall.evidence, Catch::Contains("big-bang rewrite"));
  CHECK(*fallen.score == Approx(*clean.score - 15));
  CHECK_THAT(fallen.summary, Catch::Contains("Fell into 1 pitfall"));
}

TEST_CASE("a pitfall the answer rejects is not held against it", "[scorers]") {
  BundledDecks decks;
  const ScoreResult result = decks.score("keypoints", decks.card("monolith-decomposition"),
                                         "Rather than a big-bang rewrite, I moved one bounded context at a time behind a facade.");
  CHECK_FALSE(has_finding(result, "avoid:"));
}

namespace {

// A question card with the given key points (deck format: "text | alias, alias").
CardContent card_with_points(std::initializer_list<std::pair<std::string, std::vector<std::string>>> points) {
  CardContent card;
  card.kind = CardKind::question;
  card.prompt = "How would you handle it?";
  for (const auto& [text, aliases] : points) card.key_points.push_back(KeyPoint{text, aliases});
  return card;
}

// Checks that every key point of `result` is met, or that none is, naming each one that is not.
void check_every_point(const ScoreResult& result, bool met) {
  for (const auto& f : result.findings) {
    INFO(f.criterion << " <- " << f.evidence);
    CHECK(f.met == met);
  }
}

}  // namespace

TEST_CASE("a point said only indirectly is not covered when the answer also says it outright inside a denial", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Postmortem with action items afterwards", {"retro", "post-incident review"}}});
  const ScoreResult denied = decks.score("keypoints", card,
                                         "I posted updates in the incident channel every twenty minutes. We said we'd do a proper "
                                         "postmortem, then quarter end happened and it never got written.");
  CHECK_FALSE(denied.findings.front().met);
  CHECK(denied.findings.front().advice.find("Said as not done") != std::string::npos);
  check_every_point(decks.score("keypoints", card,
                                "I posted updates in the incident channel every twenty minutes. Two days later we held the "
                                "postmortem and agreed five action items."),
                    true);
}

TEST_CASE("a point made of two ideas is said when both are, in plain words and close together", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Alternatives considered with trade-offs", {}}, {"Discussed the trade-offs", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I compared two other approaches before choosing. The downside of the queue was the extra "
                                "cost of running it."),
                    true);
  const ScoreResult one_idea = decks.score("keypoints", card, "I compared two other approaches and picked the queue.");
  CHECK_FALSE(finding(one_idea, "key point: Alternatives considered with trade-offs").met);
  const ScoreResult far_apart = decks.score("keypoints", card,
                                            "I compared two other approaches. We picked the queue. It shipped in May. The team "
                                            "liked it. The downside of the queue was the extra cost of running it.");
  CHECK_FALSE(finding(far_apart, "key point: Alternatives considered with trade-offs").met);
}

TEST_CASE("a point naming a thing and what it is for is said by the thing named in full", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Unique constraint to prevent duplicates", {}}, {"Heap dump for leaks", {}},
                                             {"Communicate changes to API consumers", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "Each key goes into a table with a unique constraint. When memory kept growing I took a "
                                         "heap dump and compared two of them. We made changes every week.");
  CHECK(finding(result, "key point: Unique constraint to prevent duplicates").met);
  CHECK(finding(result, "key point: Heap dump for leaks").met);
  // Everyday words name no thing of their own: "changes" is not telling the API's users.
  CHECK_FALSE(finding(result, "key point: Communicate changes to API consumers").met);
}

TEST_CASE("a key point said with other verbs and nouns of engineering English counts", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points(
      {{"Lower the TTL in advance", {}}, {"Headroom buffer", {}}, {"Monitor pool wait time", {}}, {"Reduce noise", {"fewer pages"}},
       {"Need for transactions", {}}, {"Evolving schema", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "A day before the move we dropped the TTL to a minute. We keep about a third spare. "
                                         "I chart the wait on the pool. Pages dropped to four a week. An order and its stock count "
                                         "change together, so I want real transactions. The schema keeps changing.");
  CHECK(finding(result, "key point: Need for transactions").met);
  CHECK(finding(result, "key point: Evolving schema").met);
  CHECK(finding(result, "key point: Lower the TTL in advance").met);
  CHECK(finding(result, "key point: Headroom buffer").met);
  CHECK(finding(result, "key point: Monitor pool wait time").met);
  CHECK(finding(result, "key point: Reduce noise").met);
  // The same words denied, or recited as a list, still say nothing.
  const ScoreResult denied = decks.score("keypoints", card, "We never dropped the TTL beforehand and kept no spare at all.");
  CHECK_FALSE(finding(denied, "key point: Lower the TTL in advance").met);
  CHECK_FALSE(finding(denied, "key point: Headroom buffer").met);
}

TEST_CASE("what should have been done, or was proposed and shelved, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Cap the page size", {}}, {"Consumer lag alert", {}}, {"Dead-letter queue", {}}, {"No runbook", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "We should have capped the page size. I could've added an alert on consumer lag. "
                                         "I proposed a dead-letter queue but it was shelved. If we had had a runbook it would have gone faster.");
  CHECK_FALSE(finding(result, "key point: Cap the page size").met);
  CHECK_FALSE(finding(result, "key point: Consumer lag alert").met);
  CHECK_FALSE(finding(result, "key point: Dead-letter queue").met);
  // A point that is itself a lack is said by the same words.
  CHECK(finding(result, "key point: No runbook").met);
  // Said plainly, each counts.
  const ScoreResult done = decks.score("keypoints", card, "I capped the page size, added an alert on consumer lag and a dead-letter queue.");
  CHECK(finding(done, "key point: Cap the page size").met);
  CHECK(finding(done, "key point: Consumer lag alert").met);
  CHECK(finding(done, "key point: Dead-letter queue").met);
}

TEST_CASE("what was ruled out, out of reach, lost to another option or only wished for in hindsight was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Sharding", {}}, {"Feature flags", {}}, {"Canary stage", {}}, {"Circuit breaker", {}},
                                             {"Keyset pagination", {}}, {"Read replica", {}}, {"Retry budget", {}}});
  const ScoreResult denied = decks.score("keypoints", card,
                                         "Sharding was ruled out early. Feature flags weren't an option for us. The canary stage got shelved. "
                                         "Looking back, I'd add a circuit breaker. I'd push for keyset pagination now; we just didn't do it then. "
                                         "I proposed a read replica but the team went with a bigger instance. "
                                         "We talked about a retry budget but moved on.");
  check_every_point(denied, false);
  const CardContent more = card_with_points({{"Load test", {}}, {"Alerting", {}}, {"Postmortem", {}}, {"No postmortem", {}}});
  const ScoreResult skipped = decks.score("keypoints", more,
                                          "The load test got skipped. Alerting wasn't part of the plan. The postmortem never happened.");
  CHECK_FALSE(finding(skipped, "key point: Load test").met);
  CHECK_FALSE(finding(skipped, "key point: Alerting").met);
  CHECK_FALSE(finding(skipped, "key point: Postmortem").met);
  CHECK(finding(skipped, "key point: No postmortem").met);
  // What the answer would do, said without looking back, is the answer.
  const ScoreResult planned = decks.score("keypoints", card, "I'd put a circuit breaker around the client and add a read replica for reports.");
  CHECK(finding(planned, "key point: Circuit breaker").met);
  CHECK(finding(planned, "key point: Read replica").met);
}

TEST_CASE("a thing denied through a pronoun, wished for in hindsight, lost to a big switch or not worth the work was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Automatic rollback", {}}, {"Load test", {}}, {"No load test", {}},
                                             {"Batched backfill", {}}, {"Add the column nullable", {}}, {"Strangler facade", {}},
                                             {"Change data capture", {"CDC"}}});
  const ScoreResult denied = decks.score("keypoints", card,
                                         "Automatic rollback was in the docs, we talked about it, never configured it. "
                                         "A load test was in the plan, then the sandbox was late. So it never happened. "
                                         "In hindsight I'd add the column nullable, backfill in batches and add the constraint afterwards. "
                                         "Someone proposed a strangler facade but we did one big switch instead. "
                                         "We kept the shared database because CDC felt like too much work.");
  CHECK_FALSE(finding(denied, "key point: Automatic rollback").met);
  CHECK_FALSE(finding(denied, "key point: Load test").met);
  CHECK(finding(denied, "key point: No load test").met);
  CHECK_FALSE(finding(denied, "key point: Batched backfill").met);
  CHECK_FALSE(finding(denied, "key point: Add the column nullable").met);
  CHECK_FALSE(finding(denied, "key point: Strangler facade").met);
  CHECK_FALSE(finding(denied, "key point: Change data capture").met);
  // What did happen still counts: a pronoun that is not denied, and a step after the hindsight.
  const ScoreResult done = decks.score("keypoints", card,
                                       "We configured automatic rollback and it never fired wrongly. A load test ran first and nobody "
                                       "noticed it. In hindsight I'd have started sooner, but we did backfill in batches. "
                                       "We moved traffic behind a strangler facade, and CDC kept the new store in step.");
  CHECK(finding(done, "key point: Automatic rollback").met);
  CHECK(finding(done, "key point: Load test").met);
  CHECK(finding(done, "key point: Batched backfill").met);
  CHECK(finding(done, "key point: Strangler facade").met);
  CHECK(finding(done, "key point: Change data capture").met);
}

TEST_CASE("how long something took is not how often it happens, backing out reverts, and a denial stops at where it happened", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Regular one-to-ones", {}}, {"No rollback plan", {}}, {"No runbook", {}}, {"Debrief", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "We never agreed what good looks like in six months. We had no plan for how to back out. "
                                         "There was nothing written down on how to restart it. I said no hire in the debrief.");
  CHECK_FALSE(finding(result, "key point: Regular one-to-ones").met);
  CHECK(finding(result, "key point: No rollback plan").met);
  CHECK(finding(result, "key point: No runbook").met);
  // Where the denied thing was missing is not denied with it.
  CHECK(finding(result, "key point: Debrief").met);
}

TEST_CASE("a suggestion dropped, an action item left in the backlog and an alert we didn't have were not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Shadow reads", {}}, {"Automated renewal", {}}, {"Time-to-full alert", {}}});
  const ScoreResult denied = decks.score("keypoints", card,
                                         "Someone suggested shadow reads and we dropped it for time. Afterwards, the action item to "
                                         "automate renewal sat in the backlog for two quarters. A time-to-full alert would have bought "
                                         "us hours. We didn't have one.");
  check_every_point(denied, false);
  const ScoreResult done = decks.score("keypoints", card,
                                       "We ran shadow reads for a week and kept them. I automated renewal with cert-manager. "
                                       "We added a time-to-full alert and it fired twice.");
  check_every_point(done, true);
}

TEST_CASE("work still on the roadmap or the list, an idea dropped and a proposal that lost were not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Runbooks", {}}, {"Per-service credentials", {}}, {"Online schema change tool", {"gh-ost"}}});
  const ScoreResult denied = decks.score("keypoints", card,
                                         "Runbooks were on the list too; we made a wiki page with titles and no content. Per-service "
                                         "credentials are still on the roadmap. We had talked about gh-ost, but the DBA said our binlog "
                                         "setup didn't support it, so we dropped the idea.");
  check_every_point(denied, false);
  const ScoreResult done = decks.score("keypoints", card,
                                       "I wrote runbooks for the top ten alerts. Each service got per-service credentials from Vault. "
                                       "We ran the change with gh-ost overnight.");
  check_every_point(done, true);
  // Dropping a table is not dropping the proposal.
  const CardContent tool = card_with_points({{"Online schema change tool", {"gh-ost"}}});
  check_every_point(decks.score("keypoints", tool, "I proposed gh-ost for the change, and once it was done we dropped the old table."),
                    true);
  // A list that is a data structure is not a plan.
  const CardContent lookup = card_with_points({{"Per-service credentials", {}}});
  const ScoreResult in_list = decks.score("keypoints", lookup,
                                          "Each caller presents per-service credentials, and the gateway checks the service is in the list.");
  CHECK(finding(in_list, "key point: Per-service credentials").met);
}

TEST_CASE("a proposal turned down later in its sentence was not done, though the sentence is wrapped before a capital", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Alerted on user-facing symptoms", {"SLO alerts"}}});
  // A line that ends in "of" is wrapped, whatever the next line starts with.
  check_every_point(decks.score("keypoints", card,
                                "I pushed for SLO-based alerts on latency instead of\nCPU alerts, we discussed it in two meetings "
                                "and then dropped it."),
                    false);
  check_every_point(
      decks.score("keypoints", card, "I pushed for SLO-based alerts on latency instead of\nCPU alerts, and we shipped them that month."),
      true);
}

TEST_CASE("a point about watching something is not met by the thing happening unwatched", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Watch replica lag", {"replication lag"}}});
  check_every_point(decks.score("keypoints", card,
                                "Nobody was watching; we found out when the read replicas were 40 minutes behind and the "
                                "dashboard showed stale numbers."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We were watching the replicas closely, and they were 40 minutes behind by midnight, so I paused the job."),
                    true);
  // An alias names what is watched; the answer must still say it was watched.
  const CardContent disk = card_with_points({{"Monitor free disk space", {"disk usage"}}});
  check_every_point(decks.score("keypoints", disk, "Disk usage on the primary reached 100% overnight and writes failed."), false);
  check_every_point(decks.score("keypoints", disk, "The disk usage graph showed the primary filling up, so I added a volume."), true);
}

TEST_CASE("a point that acts on alerts is about the alerts, not about watching", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Measure alert volume", {"pages per week"}}, {"Watch replica lag", {"replication lag"}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "Four of us on the rota took 35 pages per week, most at night. Replication lag hit 40 minutes "
                                         "during the import.");
  CHECK(finding(result, "key point: Measure alert volume").met);
  CHECK_FALSE(finding(result, "key point: Watch replica lag").met);
}

TEST_CASE("a point in everyday words is said by the lexicon's phrasings of its idea", "[scorers]") {
  BundledDecks decks;
  // All ordinary words: matched word for word, and through the ideas they name.
  const CardContent card = card_with_points({{"What I would do differently", {}}});
  check_every_point(decks.score("keypoints", card, "Next time I'd write the assumptions down on day one."), true);
  check_every_point(decks.score("keypoints", card, "It went well and the team was happy with the launch."), false);
}

TEST_CASE("non-goals are a thing of their own, where non-idempotent denies a property", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Goals and non-goals", {}}, {"Non-idempotent consumer", {}}});
  const ScoreResult said = decks.score("keypoints", card,
                                       "The doc lists the goals and what's explicitly not in scope. The consumer wasn't idempotent, "
                                       "so a redelivery charged twice.");
  check_every_point(said, true);
  // Having no goals is not having non-goals.
  const ScoreResult none = decks.score("keypoints", card, "There were no goals at all. The consumer was idempotent.");
  check_every_point(none, false);
}

TEST_CASE("a thing put first and denied after it was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Load shedding", {}}, {"Canary release", {}}});
  const ScoreResult denied = decks.score("keypoints", card,
                                         "Load shedding we do not do, because dropping requests is bad for customers. A canary "
                                         "release we never bothered with.");
  check_every_point(denied, false);
  const ScoreResult done = decks.score("keypoints", card,
                                       "Load shedding we do, at the edge, before any parsing. The canary release we did at 1% first.");
  check_every_point(done, true);
}

TEST_CASE("a plan for next time, a proposal that stayed a ticket and the data centre are not the point done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Talked to him privately", {}}, {"Surrogate keys for purging", {}}, {"Backed it with data", {"benchmark"}}});
  const ScoreResult denied = decks.score("keypoints", card,
                                         "Only later I learned that the contract with the data centre was ending. For purging, somebody "
                                         "proposed surrogate keys, but it stayed a ticket. Next time I talk to him privately first.");
  check_every_point(denied, false);
  const ScoreResult done = decks.score("keypoints", card,
                                       "I talked to him privately first. We tag pages with surrogate keys for purging. The benchmark "
                                       "numbers settled it: p99 went from 6 to 14 ms.");
  check_every_point(done, true);
}

TEST_CASE("a proposal turned down in a note of its own was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Expand and contract", {}}, {"Quarantine flaky tests", {}}, {"Canary release", {}},
                                             {"Automated certificate renewal", {"cert-manager"}}, {"Global load balancer", {"GSLB"}}});
  const ScoreResult denied = decks.score("keypoints", card,
                                         "- I suggested expand and contract. Rejected, too many releases.\n"
                                         "- A quarantine lane for flaky tests was proposed in a retro. Never built.\n"
                                         "- A canary release was in the plan. Dropped, the tooling was not ready.\n"
                                         "- cert-manager discussed, blocked by the PKI team.\n"
                                         "- GSLB bought in 2021, never configured.");
  check_every_point(denied, false);
  const ScoreResult done = decks.score("keypoints", card,
                                       "- I suggested expand and contract. Approved, and we shipped it in three releases.\n"
                                       "- We quarantine flaky tests in their own lane.\n"
                                       "- A canary release took 5% first. Dropped errors to zero before going wide.\n"
                                       "- cert-manager renews everything now.\n"
                                       "- GSLB in front of both regions since 2021.");
  check_every_point(done, true);
}

TEST_CASE("what was talked about, suggested or pitched and then left, vetoed or wished for was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Lock on miss", {}}, {"Online schema change tool", {"gh-ost"}}, {"Burn-rate alerts", {}},
                                             {"Serve stale while revalidating", {}}, {"Token bucket", {}},
                                             {"Temporary credentials", {}}, {"Secrets manager", {}}, {"Canary release", {}}});
  const ScoreResult denied = decks.score(
      "keypoints", card,
      "We talked about a lock on miss so only one request rebuilds each key, but it sat in the backlog. Someone had suggested "
      "gh-ost and we never got around to evaluating it. I pitched burn-rate alerts, leadership liked the deck, and then nothing "
      "happened. Serving stale data while revalidating got vetoed by the pricing team. Someone proposed a token bucket in the "
      "design review and it got shot down as overkill. Switching that service to temporary credentials instead of long-lived "
      "keys would've made the whole thing a non-event. Moving everything into a secrets manager had been in progress for a year "
      "and still isn't done. The rollout was supposed to be a canary release, but we ended up shipping to everyone at once.");
  check_every_point(denied, false);
  const ScoreResult done = decks.score(
      "keypoints", card,
      "We added a lock on miss so only one request rebuilds each key. We ran gh-ost for the column change. Burn-rate alerts page "
      "us now. We serve stale data while revalidating in the background. A token bucket per partner smooths the bursts. The "
      "service uses temporary credentials from its role. Everything lives in a secrets manager. Each release goes out as a "
      "canary release to 5% first.");
  check_every_point(done, true);
  // A "but" after another clause with its own subject is about that clause, not the proposal.
  const CardContent index_card = card_with_points({{"Added an index", {}}});
  check_every_point(decks.score("keypoints", index_card,
                                "The frontend team wanted page numbers, so I only added an index on created_at, which helped early "
                                "pages but not deep ones."),
                    true);
}

TEST_CASE("a thing discussed and decided against, put first and not done, or not possible was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Logical replication", {}}, {"Cache invalidation", {}}, {"Budget alerts", {}},
                                             {"Lock analysis", {}}, {"Quarantine job", {}}, {"Central counter in Redis", {}},
                                             {"Plan comparison", {}}, {"Blameless postmortem", {}}, {"Lag per partition", {}},
                                             {"Runbooks", {}}});
  const ScoreResult denied = decks.score(
      "keypoints", card,
      "Logical replication was discussed, but it was decided against it. Cache invalidation when a tariff changes we have not "
      "implemented until now. Budget alerts we also do not have. Lock analysis I did not look at. A separate quarantine job was "
      "rejected by our team lead. A central counter in Redis was proposed by me but is not approved yet. A plan comparison was not "
      "possible, because we never stored plans. A blameless postmortem was planned, postponed two times, and then it did not take "
      "place. Honestly, we did not look at the lag per partition. Runbooks for the remaining alerts are also missing.");
  check_every_point(denied, false);
  const ScoreResult done = decks.score(
      "keypoints", card,
      "We used logical replication for the cutover. Cache invalidation runs on every tariff change. Budget alerts go to the team "
      "channel. Lock analysis showed nothing waiting. The quarantine job holds the worst tests. A central counter in Redis is "
      "shared by the three instances. A plan comparison showed the regression. We held a blameless postmortem the next week. We "
      "charted the lag per partition. Runbooks are linked from every alert.");
  check_every_point(done, true);
}

TEST_CASE("understatement: what never quite made it, didn't survive, stayed a ticket or was so only in theory was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Dual writes", {}}, {"Online schema change tool", {"gh-ost"}}, {"Trace IDs in the logs", {}},
                                             {"Defined SLOs", {}}, {"Measure flaky tests", {}}, {"Probabilistic early refresh", {}},
                                             {"TTL jitter", {}}, {"Strangler fig migration", {}}, {"Owner per flaky test", {}}});
  const ScoreResult denied = decks.score(
      "keypoints", card,
      "In theory it was a strangler fig migration, route by route. In practice we moved every route over on one Tuesday. Dual "
      "writes were in the design doc and never quite made it into the code. Someone suggested gh-ost; that didn't survive contact "
      "with Postgres. Putting trace IDs in the logs was a ticket. It's still a ticket. Defined SLOs were going to come once the "
      "data settled. We never measured which tests were flaky; we had opinions. Probabilistic early refresh I have read the "
      "paper on. That's as far as it went. TTL jitter: not applicable for one key. An owner per flaky test? It's on the list.");
  check_every_point(denied, false);
  const ScoreResult done = decks.score(
      "keypoints", card,
      "It was a strangler fig migration, route by route, over six weeks. Dual writes ran for a fortnight. We ran gh-ost for the "
      "column change. Trace IDs in the logs made the hunt quick. We defined SLOs per journey. We measure flaky tests per week. "
      "Probabilistic early refresh keeps the hot key warm. TTL jitter spreads the expiries. Each flaky test gets an owner per "
      "flaky test on the board.");
  check_every_point(done, true);
}

TEST_CASE("a fate told after 'and then', 'neither has happened' and a sentence ending 'in theory' deny what came before", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Savings plans", {}}, {"Spot instances", {}}, {"Object lock", {}}, {"Secret scanning", {}},
                                             {"Cost tagging", {}}, {"Remaining-quota headers", {}}, {"Edge rate limiting", {}}});
  const ScoreResult denied = decks.score(
      "keypoints", card,
      "Savings plans were discussed at length and then parked. Spot instances were tried for a week and didn't survive contact "
      "with our retry logic. Object lock came up after a ransomware article, and then went quiet. Secret scanning in CI was "
      "agreed in the review. Neither has happened yet. We started with cost tagging, in theory. Remaining-quota headers: we "
      "never quite got round to them. Edge rate limiting is on the gateway team's roadmap.");
  check_every_point(denied, false);
  const ScoreResult done = decks.score(
      "keypoints", card,
      "Savings plans cover the steady base. Spot instances run the transcoding farm. Object lock protects the backup bucket. "
      "Secret scanning runs on every push. Cost tagging is enforced at creation. Remaining-quota headers go out on every "
      "response. Edge rate limiting sits in the gateway.");
  check_every_point(done, true);
}

TEST_CASE("a thing that is only an open ticket, or put first and never made, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Dead-letter queue", {"DLQ"}}, {"Benchmark or prototype", {}}});
  check_every_point(decks.score("keypoints", card,
                                "There's a DLQ ticket that's been open for a year. A benchmark or a small prototype we never made, it "
                                "was only arguing in meetings."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Poison messages go to a DLQ after five tries. We made a small benchmark prototype before "
                                "deciding."),
                    true);
}

TEST_CASE("chat-style denials: no apostrophes, arrows, 'never got built', 'on paper', 'then kinda died', 'nah'", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Expand and contract", {}}, {"Dual writes", {}}, {"Cost tagging per team", {}},
                                             {"Capacity planning", {}}, {"Game day", {}}, {"Runbooks", {}}, {"Postmortem", {}},
                                             {"Heap dump", {}}, {"Savings plans", {}}});
  const ScoreResult denied = decks.score(
      "keypoints", card,
      "plan on paper was expand and contract. dual writes never got built. cost tagging per team -> never landed. capacity "
      "planning never really happened. a game day was on the list, got binned when the sprint filled up. runbooks, nah. "
      "the postmortem got booked, moved twice, then kinda died. we didnt take a heap dump. savings plans were the "
      "obvious next step but finance wanted to hold off til next year.");
  check_every_point(denied, false);
  const ScoreResult done = decks.score(
      "keypoints", card,
      "did expand and contract over 3 releases. dual writes ran for a week. cost tagging per team is enforced in terraform. "
      "capacity planning from last year's peak. ran a game day in october. runbooks linked from every alert. postmortem the "
      "next day. took a heap dump and diffed it. savings plans cover the base load.");
  check_every_point(done, true);
  // What happened and then stopped is still what happened.
  const CardContent outage = card_with_points({{"Rolled back the deploy", {}}});
  check_every_point(decks.score("keypoints", outage,
                                "I rolled back the deploy and never made that mistake again. The old pod ran out of memory and died."),
                    true);
}

TEST_CASE("diplomatic denials: deemed too invasive, remained aspirational, regrettably not prioritised, floated and subsequently shelved", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"GTID wait before reads", {}}, {"Eject lagging replicas", {}}, {"Prune noisy alerts", {}},
                                             {"Follow-the-sun rotation", {}}, {"Blameless reviews", {}}, {"Circuit breaker", {}},
                                             {"Isolated thread pool", {}}, {"Load shedding", {}}, {"Debt register", {}},
                                             {"Director sponsorship", {}}});
  const ScoreResult denied = decks.score(
      "keypoints", card,
      "A GTID wait before reads was deemed too invasive and did not survive the design review. Ejecting lagging replicas "
      "remained aspirational. The proposal to prune noisy alerts was, regrettably, not prioritised by the business. A "
      "follow-the-sun rotation was floated and subsequently shelved. Blameless reviews were established in payments, but they "
      "were not carried over into ours. A circuit breaker library had been evaluated and approved, but adoption was not "
      "mandated. An isolated thread pool was something we wished for in hindsight. Load shedding was left as an aspiration. A "
      "debt register was proposed, and remained a proposal. Director sponsorship was not forthcoming.");
  check_every_point(denied, false);
  const ScoreResult done = decks.score(
      "keypoints", card,
      "Reads wait on the GTID before reads go to a replica. We eject lagging replicas from the pool. I pruned noisy alerts, "
      "about a third. A follow-the-sun rotation with Singapore covers nights. Blameless reviews follow every incident. A circuit "
      "breaker wraps the supplier client. Supplier calls run in an isolated thread pool. Load shedding rejects excess at the "
      "edge. The debt register is reviewed monthly. Director sponsorship came in the second quarter.");
  check_every_point(done, true);
}

TEST_CASE("a denial across an aside, of a thing we'd planned, or of a template that stayed empty", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Separate database", {}}, {"Domain modelling workshop", {}}, {"Runbook template", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The separate database, however, was never built. The domain modelling workshop we'd planned never "
                                "happened. The runbook template stayed empty."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The separate database, however, took a month to build. The domain modelling workshop we'd planned "
                                "happened in March. The runbook template is filled in for every alert."),
                    true);
}

TEST_CASE("a point named only to deny it is missing, quotes the denial and asks what happened since", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Invalidate on write", {"delete key", "evict"}}, {"Serve stale on errors", {}}});
  const ScoreResult result = decks.score("keypoints", card, "Invalidate on write: we never quite got round to it, it's on the list.");
  const Finding& denied = finding(result, "key point: Invalidate on write");
  CHECK_FALSE(denied.met);
  CHECK_THAT(denied.evidence, Catch::Contains("Invalidate on write"));
  CHECK_THAT(denied.advice, Catch::StartsWith("Said as not done"));
  // A point not named at all still asks to be added.
  const Finding& absent = finding(result, "key point: Serve stale on errors");
  CHECK(absent.evidence.empty());
  CHECK_THAT(absent.advice, Catch::StartsWith("Add it"));
}

TEST_CASE("a label denied after its colon was not there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Traffic switch between regions", {}}, {"Rollback plan", {}}});
  check_every_point(decks.score("keypoints", card, "Traffic switch between regions: there isn't one really. Rollback plan: none."), false);
  check_every_point(decks.score("keypoints", card, "Traffic switch between regions: a DNS flip. Rollback plan: redeploy the last image."), true);
}

TEST_CASE("a thing asked about and denied in the reply was not there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Connection pooling", {}}, {"Smoke tests after deploy", {}}, {"Query timeouts", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Connection pooling? Not on that service. Smoke tests after a deploy? Ha, nope. Did we have query "
                                "timeouts? We did not."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Connection pooling? PgBouncer, in front of every service. Smoke tests after a deploy? Every time. "
                                "Did we have query timeouts? Yes, five seconds."),
                    true);
}

TEST_CASE("a label denied after a comma or a dash, when the denial stands alone", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Integration tests", {}}, {"Flag cleanup", {}}, {"Certificate monitoring", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Integration tests, we had zero. Flag cleanup - nobody's job. Certificate monitoring, no."),
                    false);
  // A comma before "not" is a contrast, and the thing before it stands.
  check_every_point(decks.score("keypoints", card,
                                "Integration tests, not mocks, caught it. Flag cleanup, every Friday. Certificate monitoring, "
                                "with a page at 30 days."),
                    true);
}

TEST_CASE("a plan put off, dismissed or kept on paper was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points(
      {{"Rate limiting", {}}, {"Blameless postmortem", {}}, {"Secrets manager", {}}, {"Change freeze", {}}, {"Load testing", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Rate limiting on the public API was phase two. The blameless postmortem kept getting bumped. A "
                                "secrets manager was deemed overkill for a team of eight. The change freeze existed only in the "
                                "email. Load testing slid into the sprint after launch."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Rate limiting on the public API went live in phase one. The blameless postmortem was held on "
                                "Monday. A secrets manager holds every credential. The change freeze held for two weeks. Load "
                                "testing ran the week before launch."),
                    true);
}

TEST_CASE("what was only wished for, meant to happen or would have helped was not there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Distributed tracing", {}}, {"Rollback script", {}}, {"Feature flag", {}}, {"Sharding", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I'd love to tell you we had distributed tracing. There was meant to be a rollback script. A "
                                "feature flag would have been the sensible thing. We were gonna try sharding, like, all year."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We had distributed tracing across every service. The rollback script ran in two minutes. A "
                                "feature flag turned it off. We did the sharding by tenant."),
                    true);
}

TEST_CASE("a thing without which it would have gone worse was there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Circuit breaker", {}}, {"Synthetic monitoring", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Without the circuit breaker, the outage would have taken down checkout. Without synthetic "
                                "monitoring we would have found out on Monday."),
                    true);
  // Shipping without a thing that would have helped is still shipping without it.
  check_every_point(decks.score("keypoints", card,
                                "We shipped without a circuit breaker, which would have contained it. We ran without synthetic "
                                "monitoring."),
                    false);
}

TEST_CASE("what was disowned, asked for again and again or left waiting was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Blameless postmortem", {}}, {"On-call rotation", {}}, {"Connection draining", {}},
                                             {"Table partitioning", {}}, {"Dependency scanning", {}}, {"Cost dashboard", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I would not say we did a blameless postmortem. I kept saying we needed an on-call rotation. "
                                "Connection draining was off by default and nobody had turned it on. Table partitioning is "
                                "still waiting. Dependency scanning was, like, not a thing. The cost dashboard stayed as a "
                                "proposal."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "I would say we did a blameless postmortem. I kept the on-call rotation to one week in six. "
                                "Connection draining gave requests thirty seconds. Table partitioning went live by month. "
                                "Dependency scanning runs in CI. The cost dashboard went to every team lead."),
                    true);
}

TEST_CASE("a denial of doing only the thing, or of doing without it, keeps the thing", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Health check", {}}, {"Audit log", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We didn't just add a health check, we made it query the database. Without the audit log we'd "
                                "never have worked out who deleted the bucket."),
                    true);
}

TEST_CASE("a denial of leaving a thing out, or of what a customer noticed, keeps the thing", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Code freeze", {}}, {"Weekly one-on-ones", {}}, {"Down migration", {}},
                                             {"Database upgrade", {}}, {"Expand and contract", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We did not skip the code freeze. I never cancelled the weekly one-on-ones. No migration without "
                                "a down migration got merged. Not a single customer noticed the database upgrade. It shipped "
                                "with zero downtime using expand and contract."),
                    true);
}

TEST_CASE("what a system rejected or dropped, and the steps of a sequence, are not proposals turned down", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Config validation", {}}, {"Backpressure", {}}, {"Backfill", {}}, {"Feature flag", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Nobody got hurt by the bad push because the config validation step rejected it before it shipped. "
                                "The backpressure held the producers back and nothing got dropped, it just drained. We added the "
                                "column, ran the backfill, switched reads, then dropped the old one. The feature flag was meant "
                                "to be temporary and it is still in the code."),
                    true);
}

TEST_CASE("a thing fronted and denied by its auxiliary, let drop, or only drawn in a diagram was not there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Distributed tracing", {}}, {"Log aggregation", {}}, {"Mentoring programme", {}},
                                             {"Postmortem", {}}, {"Second region", {}}, {"Penetration testing", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Distributed tracing we were not having. Log aggregation we had not; we used SSH and grep. A "
                                "mentoring programme there never was. The postmortem got moved twice and nobody mentioned it "
                                "again. A second region was in the architecture diagram. Penetration testing was quoted, "
                                "budgeted and then quietly cut."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Distributed tracing we were having in every service. Log aggregation we had in Loki. A mentoring "
                                "programme ran all year. The postmortem was on Tuesday and nobody missed it. A second region took "
                                "the traffic in four minutes. Penetration testing found two bugs."),
                    true);
}

TEST_CASE("what people turned down, and what one would do if doing it again, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Service mesh", {}}, {"Reserved instances", {}}, {"Circuit breaker", {}},
                                             {"Acceptance criteria", {}}, {"Runbook", {}}, {"Dry run", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We turned down a service mesh. Finance said no to reserved instances. I'd have put a circuit "
                                "breaker in if I was doing it again. If I ran that project again I'd write acceptance criteria "
                                "first. A simple runbook and one dry run would have saved us six hours."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We turned on a service mesh. Finance bought reserved instances. I put a circuit breaker in. I "
                                "wrote acceptance criteria first. A simple runbook and one dry run saved us six hours."),
                    true);
}

TEST_CASE("a plan that stayed on paper, was filed away or came to nothing was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Read replica", {}}, {"Staging environment", {}}, {"Load test", {}},
                                             {"Chaos testing", {}}, {"SLOs", {}}, {"Knowledge sharing sessions", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The read replica stayed only in the Confluence page. The staging environment was put gently into "
                                "the backlog. A load test remained under consideration. Chaos testing got floated at a retro and "
                                "it quietly died. The team proposed SLOs, product said not this quarter and that was the end of "
                                "that. Knowledge sharing sessions got cancelled twice and we never spoke of them again."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The read replica took the reporting load. The staging environment mirrors production. A load "
                                "test ran at twice the peak. Chaos testing runs every Thursday. The team published SLOs for the "
                                "API. Knowledge sharing sessions run every other Friday."),
                    true);
}

TEST_CASE("a cleft or a denied belief or description keeps the thing it names", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Restore test", {}}, {"Health checks", {}}, {"Threat model", {}},
                                             {"Query plan analysis", {}}, {"Caching layer", {}}, {"Bridge call", {}}});
  check_every_point(decks.score("keypoints", card,
                                "It is not that we did not run a restore test; we ran one every month. It was not the health "
                                "checks that failed us. I didn't think the threat model was worth two days, and it saved us. "
                                "Nobody believed the query plan analysis was worth an afternoon; I did it anyway. I would not "
                                "describe the caching layer as a failure. The lack of a process did not stop them from running "
                                "a good bridge call."),
                    true);
  // Not thinking about a thing is not doing it.
  check_every_point(decks.score("keypoints", card_with_points({{"Run ANALYZE after the upgrade", {}}}),
                                "Nobody thought about running ANALYZE after the upgrade."),
                    false);
}

TEST_CASE("what went as meant or without which we could not have acted was there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Circuit breaker", {}}, {"Feature flag", {}}, {"Synthetic monitoring", {}},
                                             {"Smoke tests", {}}, {"Backfill job", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The circuit breaker tripped exactly like it was meant to. Without the feature flag we cannot "
                                "turn off the new checkout so fast. I'll be honest, without the synthetic monitoring we'd never "
                                "have known. Not a single deployment went out without the smoke tests passing. The migration "
                                "would've gone fine without the backfill job, but we ran the backfill job anyway."),
                    true);
}

TEST_CASE("Scots English and spoken replies deny a thing as plain English does", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Disk alerting", {}}, {"Code review", {}}, {"Smoke tests", {}}, {"On-call rotation", {}}});
  check_every_point(decks.score("keypoints", card,
                                "There was nae disk alerting. Code review wasnae a thing on that team. Smoke tests after deploy? "
                                "Ja, we meant to. On-call rotation? Och, no, it was whoever picked up the phone."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "There was disk alerting at 80%. Code review needed two approvals. Smoke tests after deploy? Ja, "
                                "every time. On-call rotation? Aye, six of us, a week each."),
                    true);
}

TEST_CASE("a proposal shelved by people or decided against and never heard of again was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Service mesh", {}}, {"Microservices split", {}}, {"Interview rubric", {}},
                                             {"Reserved instances", {}}, {"Page on checkout failures", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We shelved the service mesh after the proof of concept. We decided against the microservices "
                                "split. I put forward an interview rubric; the head of engineering said lovely idea and that was "
                                "the last anyone heard of it. Reserved instances we also considered, but finance did not want the "
                                "commitment. An alert to page on checkout failures, that one we did not have."),
                    false);
}

TEST_CASE("a proposal that never left the whiteboard or was set aside in a formal report was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Sharding", {}}, {"Take-home assignment", {}}, {"Feature freeze", {}}, {"Spot instances", {}},
                                             {"Cost allocation tags", {}}, {"Disaster recovery drill", {}}, {"Cloud migration", {}},
                                             {"Incident commander", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The sharding never left the whiteboard. The take-home assignment never made it out of the "
                                "proposal doc. A feature freeze was requested by operations and not granted. Moving batch work to "
                                "spot instances was recommended in good faith and deferred indefinitely. Cost allocation tags "
                                "were removed from scope. The disaster recovery drill, to put it diplomatically, remained an "
                                "aspiration. The read replica was overtaken by the cloud migration, which never happened either. "
                                "We all agreed to name an incident commander at every outage. Not once."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The sharding went live in March. The take-home assignment replaced the whiteboard round. A "
                                "feature freeze held for the holidays. Batch work runs on spot instances. Cost allocation tags are "
                                "on every resource. The disaster recovery drill runs every quarter. The cloud migration finished "
                                "in May. An incident commander runs every outage."),
                    true);
}

TEST_CASE("a proposal turned down by name or by a reply, or left while the old way went on, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Job scheduler", {}}, {"Pre-commit hooks", {}}, {"Composite index", {}},
                                             {"Take-home assignment", {}}, {"Outbox pattern", {}}, {"Blameless postmortems", {}},
                                             {"CloudTrail review", {}}, {"Queue-based scaling", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Queue-based scaling got rejected in review as overkill. "
                                "I proposed a proper job scheduler with retries. The proposal was politely rejected. The "
                                "pre-commit hooks that I proposed were rejected because they slow commits down. I proposed a "
                                "composite index; the DBA found it was not necessary. A take-home assignment was also suggested, "
                                "but some members worried it was not respectful. The outbox pattern I proposed, everybody agreed, "
                                "and then we kept publishing inside the transaction. I proposed blameless postmortems to my "
                                "manager and he said it was better to find who was responsible. So it stayed like that. Did we go "
                                "through the CloudTrail review for what the key did while it was public? Not really."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "I proposed a proper job scheduler with retries, and we moved every cron job onto it. The "
                                "pre-commit hooks that I proposed were adopted. I proposed a composite index and added it. A "
                                "take-home assignment was also suggested, and it replaced the whiteboard round. The outbox pattern "
                                "I proposed went live in May. Blameless postmortems follow every incident. The CloudTrail review "
                                "showed what the key did while it was public. Queue-based scaling replaced the CPU rule in May; "
                                "requests got rejected in the load balancer only past the queue limit."),
                    true);
}

TEST_CASE("a thing whose ticket is still open was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Circuit breakers", {}}, {"Cost alerts", {}}, {"Two-factor auth", {}},
                                             {"Secrets rotation", {}}, {"Cache warm-up", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Someone raised a ticket for circuit breakers on the payments client. As far as I know it's "
                                "still there, gently ageing in the backlog. There was a ticket for the cost alerts; it stayed "
                                "open for eighteen months. Security wanted two-factor auth on the admin panel. The ticket is "
                                "still open in Jira. Secrets rotation was a Jira ticket with zero assignees. A cache warm-up "
                                "was planned, but the ticket is still in the backlog."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Someone raised a ticket for circuit breakers on the payments client, and we closed it the "
                                "week after. Cost alerts page the team lead. Two-factor auth is on for every admin. Secrets "
                                "rotation runs nightly; the ticket for the dashboard is still open. A cache warm-up runs before "
                                "every deploy, and the problem is still there on cold starts."),
                    true);
}

TEST_CASE("a thing said to be still not there, left out after 'but', or not thought ever done was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Structured logging", {}}, {"Access logging", {}}, {"Disaster recovery drill", {}},
                                             {"Vulnerability scan", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Structured logging was still not there, so searching stayed painful. Encryption was enabled "
                                "for the buckets, but the access logging was not, so we could not show who downloaded what. A "
                                "disaster recovery drill, hmm, I don't think we ever did one. The vulnerability scan would have "
                                "found the old library. We did not have it in the pipeline."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Structured logging was there from day one. The access logging was on, but the alerting was "
                                "not. I don't think the disaster recovery drill was worth a whole day. The vulnerability scan "
                                "found the old library. We did not have time to patch it that week."),
                    true);
}

TEST_CASE("a point named and later denied outright is not met; a later denial of something done with it is", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Circuit breaker", {}}, {"Dead letter queue", {}}, {"Failover runbook", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We talked about a circuit breaker for months. In the end we never built the circuit breaker. "
                                "A dead letter queue came up in the retro, and there was still no dead letter queue when I left. "
                                "A failover runbook was on the agenda twice. The failover runbook never existed."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We added a circuit breaker on the payment client. Nobody tested the circuit breaker under "
                                "load. A dead letter queue holds failed messages; nobody watched the depth of the dead letter "
                                "queue. We wrote a failover runbook. The failover runbook was not needed that night."),
                    true);
}

TEST_CASE("a thing not available, deemed out of scope or left a maybe was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Deploy markers", {}}, {"Change data capture", {}}, {"Spot instances", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Deploy markers were not available on our dashboards then. Change data capture was considered and "
                                "deemed out of scope. Spot instances for the batch jobs stayed a maybe."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Deploy markers were available on every dashboard. Change data capture was considered and "
                                "deemed the safest option. Spot instances for the batch jobs stayed a big saving."),
                    true);
}

TEST_CASE("a topic followed by a comment that denies it with no object of its own was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Index on the orders table", {}}, {"Cost alerts", {}}, {"Design review", {}},
                                             {"Onboarding document", {}}, {"Dead letter queue", {}}, {"Staging environment", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Index on the orders table, nobody thought about it. Queries scanned the table, two seconds "
                                "each. Cost alerts on AWS, nobody set. Design review, for that service nobody did. Onboarding "
                                "document, for new members we had none. Dead letter queue, at that time the setup did not have. "
                                "Staging environment, the company said too expensive."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Index on the orders table, it never slowed the writes. Cost alerts on AWS, nobody missed a "
                                "single one. Design review, for that service everybody joined. Onboarding document, nobody "
                                "complained about it. Dead letter queue, it never filled up. Staging environment, the company "
                                "said it was worth every penny."),
                    true);
}

TEST_CASE("a thing there but not needed, not missing, made by someone else, or not the problem was done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Kill switch", {}}, {"Rollback step", {}}, {"Index on customer_id", {}},
                                             {"Retry budget", {}}, {"Unit tests", {}}, {"Dead letter queue", {}},
                                             {"Database backups", {}}, {"Terraform", {}}, {"Datadog", {}}, {"Throttling", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We never had to use the kill switch. The script had a rollback step that we never needed. The "
                                "index on customer_id was not missing; the planner was just not using it. I didn't write the "
                                "retry budget, to be clear, my senior did. The problem was not the unit tests, it was the "
                                "missing contract tests. The only reason we didn't lose any orders was the dead letter queue. "
                                "Database backups were existing, yes, but a restore test was never done. I wrote the Terraform, "
                                "and it would have been nice to have a plan review step. I'd suggested sampling the logs instead "
                                "of shipping every line to Datadog, and the lead said no. Throttling of the batch jobs we did; "
                                "moving them to a replica was right, but that one stayed on paper."),
                    true);
}

TEST_CASE("a plan left as a plan, a verdict with no subject, and a document gathering dust were not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Shard the users table", {}}, {"Encrypt the backups", {}}, {"Standups", {}},
                                             {"Mutual TLS", {}}, {"Rate limiting", {}}, {"Chaos testing", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The plan was always to shard the users table once we hit ten million rows. The plan was to "
                                "encrypt the backups in phase two, but phase two got deprioritised. Cancelled the standups "
                                "instead. Mutual TLS was on every diagram the architect drew. Never actually configured, mind. "
                                "I wrote up a proposal for rate limiting. It's still sitting in Confluence gathering dust. We "
                                "talked about chaos testing over beers. Yeah, that's about as far as it got."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The plan was to shard the users table by region, and we did it in March. We encrypt the backups "
                                "with a key per tenant. The standups moved to the afternoon. Mutual TLS is on between every pair "
                                "of services. Rate limiting protects the public API. Chaos testing runs every Thursday."),
                    true);
}

TEST_CASE("a thing aspired to, or called a concept or aspirational past a comment, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Runbooks", {}}, {"Staging environment", {}}, {"Code review", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Runbooks were something to which we aspired. The staging environment was, let's say, more of "
                                "a concept. Code review on that team was, I guess you'd say, aspirational."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Runbooks were something we kept current. The staging environment was, let's say, a copy of "
                                "production. Code review on that team was, I guess you'd say, thorough."),
                    true);
}

TEST_CASE("a proposal passed over for another way ('and then we bumped the limit instead') was not done; what was done meanwhile was", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Connection pooling", {}}, {"PgBouncer", {}}, {"Proof of concept", {}},
                                             {"Migration to Elasticsearch", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "I remember suggesting connection pooling, like PgBouncer or something, and everyone "
                                         "nodded, and then we just bumped max_connections instead. We discussed the migration to "
                                         "Elasticsearch, we made a proof of concept, and then we decided to tune the Postgres "
                                         "search instead.");
  CHECK_FALSE(finding(result, "key point: Connection pooling").met);
  CHECK_FALSE(finding(result, "key point: PgBouncer").met);
  CHECK_FALSE(finding(result, "key point: Migration to Elasticsearch").met);
  CHECK(finding(result, "key point: Proof of concept").met);
}

TEST_CASE("a thing agreed in principle, or agreed and then left while everyone went back to work, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"SLOs", {}}, {"Dead letter queue", {}}, {"Playbook", {}}, {"Encrypt the backups", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The SLOs were drafted, agreed in principle, and then left in a shared doc. A dead letter queue "
                                "was agreed in principle. We'd agreed, in principle, that every alert should link to a playbook. "
                                "Everybody agreed to encrypt the backups, and then everybody went back to shipping features."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The SLOs were drafted, agreed with product and published. A dead letter queue was agreed and "
                                "built in a week. Every alert links to a playbook. Everybody agreed to encrypt the backups, and "
                                "then we rolled it out across every bucket."),
                    true);
}

TEST_CASE("a thing talked about and then left is not done; talk about how to decide is not a denial", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Sharding the events table", {}}, {"Microservices", {}}, {"Discussed trade-offs", {}},
                                             {"Design review", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "We talked about sharding the events table for a year. Still one table, two billion rows. "
                                         "We discussed breaking the monolith into microservices; in the end we added a cache "
                                         "instead. We discussed the trade-offs, and in the end chose Kafka. Backpressure was "
                                         "discussed at length in design review. Shipped without it.");
  CHECK_FALSE(finding(result, "key point: Sharding the events table").met);
  CHECK_FALSE(finding(result, "key point: Microservices").met);
  CHECK(finding(result, "key point: Discussed trade-offs").met);
  CHECK(finding(result, "key point: Design review").met);
}

TEST_CASE("a thing wanted or thought about, and then in the end not done, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Sharding the orders table", {}}, {"Shadow traffic", {}}, {"Take-home exercise", {}},
                                             {"Design doc", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "We thought about sharding the orders table, and I even made a design doc. In the end we "
                                         "just bought a bigger instance. A shadow traffic setup I wanted so badly. In the end we "
                                         "flipped it live on a Tuesday. We wanted to add a take-home exercise, but in the end it was "
                                         "felt candidates would not do it.");
  CHECK_FALSE(finding(result, "key point: Sharding the orders table").met);
  CHECK_FALSE(finding(result, "key point: Shadow traffic").met);
  CHECK_FALSE(finding(result, "key point: Take-home exercise").met);
  CHECK(finding(result, "key point: Design doc").met);
}

TEST_CASE("a denial reaches its subject past a comment set off by commas or a relative clause", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"HTTP client timeout", {}}, {"Runbook", {}}, {"Latency dashboard", {}},
                                             {"Migration script", {}}, {"Savings plan", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The timeout on the HTTP client, it seems, was never configured. The runbook, as far as I "
                                "know, did not exist. The latency dashboard I promised was never built. The migration script "
                                "which we wrote was never run. The savings plan, which I had argued for, did not get past "
                                "finance."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The timeout on the HTTP client, it seems, was set to two seconds. The runbook, as far as I "
                                "know, was up to date. The latency dashboard I promised went live on Friday. The migration "
                                "script which we wrote ran overnight. The savings plan, which I had argued for, was signed "
                                "in May."),
                    true);
}

TEST_CASE("a plan that was a thing, not only something to do, and then went another way was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Strangler fig", {}}, {"Event bus", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The idea was a strangler fig, moving one route at a time, but management wanted a big-bang "
                                "cutover by Q3. The original plan was an event bus between the services, but in the end we "
                                "kept the REST calls."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The idea was a strangler fig, moving one route at a time, and the last route moved in May. "
                                "The original plan was an event bus between the services, and it went live in June."),
                    true);
}

TEST_CASE("a denied judgement of a thing, or a doubt about what it would have done, keeps the thing", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Alert tuning", {}}, {"Mentoring programme", {}}, {"Canary release", {}},
                                             {"Runbook", {}}, {"Restore from backup", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I wouldn't say the alert tuning was popular, but the pager went quiet. I wouldn't claim the "
                                "mentoring programme was a triumph, but it ran all year. I'm not sure the canary release would "
                                "have caught everything, but it caught the leak. I'm not certain the runbook was complete. "
                                "I'm not convinced the restore from backup was fast enough."),
                    true);
  // A hedged denial of having or doing it still denies it, and so does not knowing how to.
  check_every_point(decks.score("keypoints", card,
                                "I wouldn't say we did any alert tuning. I can't say the mentoring programme was ever started. "
                                "A canary release would have caught it. I'm not sure we ever had a runbook. Nobody knew how to "
                                "restore from backup."),
                    false);
}

TEST_CASE("a thing denied and then put right by name, or called the first thing changed, was done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Lifecycle policies", {}}, {"Audit logging", {}}, {"SLO dashboard", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Our buckets had no lifecycle policies, so old files piled up for years. I wrote the policies "
                                "that month. Audit logging was not enabled on the database. That was the first thing I changed "
                                "when I joined. The SLO dashboard was the last thing anyone looked at, not because it was "
                                "missing, it was right there."),
                    true);
  check_every_point(decks.score("keypoints", card,
                                "Our buckets had no lifecycle policies, so old files piled up for years. I wrote a postmortem "
                                "that month. Audit logging was not enabled on the database. Nobody asked why. The SLO dashboard "
                                "was missing, so we flew blind."),
                    false);
}

TEST_CASE("a denial denied keeps its thing; a pronoun after a semicolon refers to its own part", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Runbook", {}}, {"Error monitoring", {}}, {"Canary analysis", {}}, {"Nightly backups", {}},
                                             {"Spot instances", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "It's not like we didn't have a runbook; it was out of date. Nobody can say that we did not "
                                         "have error monitoring, we had three dashboards. There was no denying that the canary analysis "
                                         "slowed deploys. The nightly backups, we had them; a restore drill, on the other hand, "
                                         "nobody had ever done one. We moved batch work to spot instances; the savings plan, finance "
                                         "never signed it.");
  check_every_point(result, true);
  // Without a denial inside, "it's not like" denies.
  CHECK_FALSE(finding(decks.score("keypoints", card, "It's not like we had a runbook."), "key point: Runbook").met);
}

TEST_CASE("things listed and then had 'none of', or not running, were not there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Structured logging", {}}, {"Distributed tracing", {}}, {"Autovacuum", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Structured logging, distributed tracing, the whole observability dream... we had none of it. "
                                "Autovacuum was not running because someone had turned it off years ago."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Structured logging, distributed tracing, the whole observability dream... we had all of it. "
                                "Autovacuum was running every night."),
                    true);
}

TEST_CASE("a thing tried but never taken up, or called a project that never happened, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"OpenTelemetry", {}}, {"Incident runbook", {}}, {"Sharding", {}}});
  check_every_point(decks.score("keypoints", card,
                                "OpenTelemetry was piloted by a sister team but never came across to us. The incident runbook "
                                "was drafted but never finished. Sharding was a project that never happened."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "OpenTelemetry was piloted by a sister team and then rolled out to us. The incident runbook was "
                                "drafted and finished in a week. Sharding was a project that paid off."),
                    true);
}

TEST_CASE("a thing the answer cannot tell anything about was not measured", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Cache hit ratio", {}}, {"Consumer lag per partition", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The cache hit ratio I cannot tell you, there is no metric for it. Consumer lag per partition, "
                                "no idea."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The cache hit ratio I can tell you: 94%. Consumer lag per partition, we charted it."),
                    true);
}

TEST_CASE("a thing that remains aspirational or is still under consideration was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Per-team showback", {}}, {"Latency gate in CI", {}}, {"Load shedding", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Per-team showback remains aspirational. A latency gate in CI was proposed and is still under "
                                "consideration. Load shedding stays a wish."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Per-team showback remains in place. A latency gate in CI was proposed and is now enforced. Load "
                                "shedding stays on at peak."),
                    true);
}

TEST_CASE("a thing only promised, or set aside after being on the table, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Secret scanning", {}}, {"Restore runbook", {}}, {"Phased traffic cutover", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We said we'd add secret scanning after the incident. I promised to write the restore runbook. "
                                "A phased traffic cutover had been on the table at one point but was set aside."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We said we'd add secret scanning after the incident, and we did. I promised to write the "
                                "restore runbook and wrote it that night. A phased traffic cutover was on the table and went "
                                "ahead in May."),
                    true);
}

TEST_CASE("a thing left half built, almost ready, in discussion, forgotten or doubted to exist was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Failover rehearsal", {}}, {"Feature freeze", {}}, {"Distributed tracing", {}},
                                             {"Autoscaling", {}}, {"Blue-green deployment", {}}, {"Job scheduler", {}},
                                             {"Retention policy", {}}, {"Dead letter queue", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The failover plan was written; a failover rehearsal, that never happened. A feature freeze, did "
                                "it happen? Of course not. Distributed tracing is still in discussion. Autoscaling was almost "
                                "ready for a year. The blue-green deployment was half built. The job scheduler was quietly "
                                "forgotten. The retention policy, I do not think it exists. The design was approved, and the "
                                "dead letter queue nobody ever built."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The failover plan was written; a failover rehearsal, that ran in May. A feature freeze, did it "
                                "happen? Of course, for two weeks. Distributed tracing is live on every service. Autoscaling was "
                                "ready in a week. The blue-green deployment was fully built. The job scheduler was quietly "
                                "rolled out. The retention policy, I think it exists and works. The design was approved, and the "
                                "dead letter queue we built in a day."),
                    true);
}

TEST_CASE("a thing that never saw the light of day, was always the plan or only ever promised was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Postmortem", {}}, {"Onboarding automation", {}}, {"Restore drill", {}},
                                             {"Integration tests", {}}, {"Schema registry", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The postmortem was promised to the ops team and it never saw the light of day. Onboarding "
                                "automation was always the plan. We kept saying we would do a restore drill when things calmed "
                                "down. Integration tests were something we would definitely do next quarter. The schema "
                                "registry was always deferred."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The postmortem was promised to the ops team and it went out in two days. Onboarding automation "
                                "was always the first thing we built for a new partner. We kept saying we would do a restore "
                                "drill, and we did one every quarter. Integration tests were something we ran on every merge. "
                                "The schema registry was always consulted."),
                    true);
}

TEST_CASE("a thing agreed and then left for the old way, or called a dream after a filler, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Trunk-based development", {}}, {"Production-like staging", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The team agreed on trunk-based development in a workshop, everyone clapped, and the next Monday "
                                "we were back to long-lived branches. Production-like staging? Well, that one was a dream."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The team agreed on trunk-based development in a workshop, everyone clapped, and the next Monday "
                                "we merged to main twice. Production-like staging? Well, that one we built in March."),
                    true);
}

TEST_CASE("a label denied after a comma may open the part after a semicolon", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Liveness probes", {}}, {"Readiness probes", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "Liveness probes we had; readiness probes that checked the database, no, so the pods "
                                         "looked healthy while every request failed.");
  CHECK(finding(result, "key point: Liveness probes").met);
  CHECK_FALSE(finding(result, "key point: Readiness probes").met);
}

TEST_CASE("a perfect passive, an inverted denial, a refusal and time run out deny the thing", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Restore test", {}}, {"Failover drill", {}}, {"Read replica", {}},
                                             {"Feature flags", {}}, {"Postmortem", {}}, {"Composite index", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The restore test had never been run. At no point did we hold a failover drill. Finance "
                                "refused to fund the read replica. The team declined to adopt feature flags. We ran out of "
                                "time to write the postmortem, and ran out of budget before we could add the composite index."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The restore test had been run every month. At every release we held a failover drill. "
                                "Finance agreed to fund the read replica. The team was quick to adopt feature flags. We made "
                                "time to write the postmortem, and had budget left to add the composite index."),
                    true);
}

TEST_CASE("a thing that came too late, met reluctance or went nowhere was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Heap dump", {}}, {"Binlog access", {}}, {"Quarantine job", {}}, {"Version upgrade", {}}});
  check_every_point(decks.score("keypoints", card,
                                "By the time anyone thought to take a heap dump, the pod had restarted again. The DBA team "
                                "showed great reluctance to grant binlog access. Someone proposed a quarantine job; that went "
                                "nowhere. By the time we got round to the version upgrade, it was out of support."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "By the time the pod restarted, I had taken a heap dump. The DBA team showed no reluctance: "
                                "they granted binlog access the same day. Someone proposed a quarantine job and it went live "
                                "that week. By the time support ended, the version upgrade was done."),
                    true);
}

TEST_CASE("a proposal that went nowhere was not done, however long the sentence between", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Quarantine flaky tests", {"quarantine"}}});
  check_every_point(decks.score("keypoints", card,
                                "I pitched quarantining the worst flaky tests into a separate non-blocking job, got told no, "
                                "we'd lose coverage, so that went nowhere."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "I pitched quarantining the worst flaky tests into a separate non-blocking job, got a yes the "
                                "same day, and the red builds went away."),
                    true);
}

TEST_CASE("a pronoun in the next sentence that has been on the roadmap or did not happen denies the thing named before", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Symptom-based alerting", {}}, {"Distributed tracing", {}}, {"Canary release", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We wanted symptom-based alerting. It's been on the roadmap for two years. Distributed tracing? "
                                "It has been in the backlog since March. The canary release was the next step. It did not happen."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We built symptom-based alerting. It's been on every dashboard for two years. Distributed "
                                "tracing? It has been in production since March. The canary release was the next step. It did "
                                "not fail once."),
                    true);
}

TEST_CASE("a thing that stayed a heading, is still a draft or lived in the slides was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Threat model", {}}, {"Career ladder", {}}, {"Automated rollback", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I started the threat model, then the deadline moved up and it, um, stayed a heading. I wrote "
                                "up a career ladder for the team. It is still a draft, I believe. Automated rollback on failed "
                                "health checks? It was in the slides of the platform team."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "I started the threat model, then the deadline moved up and it, um, still got finished that "
                                "week. I wrote up a career ladder for the team. It is still in use, I believe. Automated "
                                "rollback on failed health checks? It was in the pipeline of the platform team."),
                    true);
}

TEST_CASE("a list answered by a bare none, a label Missing: and a cleft's complement after a comment were not there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Escalation path", {}}, {"Shared on-call calendar", {}}, {"SLOs", {}},
                                             {"Restore test", {}}, {"Kill switch", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "A shared on-call calendar, any kind of escalation path... none, zero, nada. Dashboards: "
                                         "plenty. SLOs: none. We had a migration plan and a rollback script. Missing: anyone "
                                         "running a restore test. The thing we didn't have, and I say this all the time now, was "
                                         "a kill switch.");
  check_every_point(result, false);
  CHECK(decks.score("keypoints", card_with_points({{"Dashboards", {}}}), "Dashboards: plenty. SLOs: none.").findings.front().met);
}

TEST_CASE("a condition told by inversion, a change left years in the backlog and a thing one had always meant to do were not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Log retention", {}}, {"Exponential backoff", {}}, {"Cache warming script", {}},
                                             {"Performance budgets", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Had we set up log retention properly, we could have traced the fraud. Exponential backoff in "
                                "the notifier was a two-line change that stayed two years in the backlog. The cache warming "
                                "script was something I'd always meant to write. Performance budgets were something I'd wanted "
                                "since I joined."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We had set up log retention properly, so we traced the fraud. Exponential backoff in the "
                                "notifier was a two-line change that stayed in production for two years. The cache warming "
                                "script was something I wrote in a day. Performance budgets were something I set up the week "
                                "I joined."),
                    true);
}

TEST_CASE("a plan told past a comment or in the pluperfect, a wish for next time and a proposal that was about it were not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Correlation IDs", {}}, {"Migration guide", {}}, {"Circuit breaker", {}},
                                             {"Contract testing", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The plan, I think, was to add correlation IDs across all the services, and we got as far as a "
                                "Jira epic. The plan had been to write a migration guide for the other teams; what they got "
                                "instead was a terse email. Next time, a circuit breaker in front of the shipping API. I wanted "
                                "contract testing with the mobile team, wrote an RFC, it got two emoji reactions and that's "
                                "about it."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The plan, I think, was to add correlation IDs across all the services, and we did it in two "
                                "sprints. The plan had been to write a migration guide for the other teams, and I wrote it "
                                "that week. This time, a circuit breaker in front of the shipping API saved us. I wanted "
                                "contract testing with the mobile team, wrote an RFC, and we ran the first tests in May."),
                    true);
}

TEST_CASE("a thing that never landed or shipped, a topic none of which was set, and a wish after a filler were not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Runbook", {}}, {"Retry budget", {}}, {"Query timeouts", {}}, {"Load test", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We spoke about a runbook in every retro for a year, and it just never landed. The retry "
                                "budget never shipped. Query timeouts, we didn't set any, so one report held a connection for "
                                "twenty minutes. The load test was, well, something we meant to do after launch."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We spoke about a runbook in every retro for a year, and it landed in March. The retry budget "
                                "shipped with the client. Query timeouts, we set them to two seconds. The load test was, well, "
                                "something we ran every Friday."),
                    true);
}

TEST_CASE("a message parked there is kept where it is put; a proposal parked is turned down", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Dead letter queue", {}}});
  check_every_point(decks.score("keypoints", card,
                                "For the Kafka consumers we put in a dead letter queue, so when a message failed three times it "
                                "was parked there instead of blocking the whole partition."),
                    true);
  check_every_point(decks.score("keypoints", card, "I proposed a dead letter queue for the Kafka consumers, and it was parked."), false);
}

TEST_CASE("a clause with a verb of its own before \", but\" is no topic its comment denies", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"OpenTelemetry", {}}});
  check_every_point(decks.score("keypoints", card, "The backend team adopted OpenTelemetry, but the mobile team didn't."), true);
  // A topic and its comment still deny it.
  check_every_point(decks.score("keypoints", card, "OpenTelemetry on the mobile apps, nobody set it up."), false);
}

TEST_CASE("a thing that never got off the ground, quietly disappeared or was the thing that didn't exist was not there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Calibration sessions", {}}, {"Sprint retro", {}}, {"On-call engineer", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The calibration sessions never got off the ground. We had a sprint retro every two weeks, "
                                "but after the reorg it just quietly disappeared from the calendar. The dashboards existed, "
                                "and the thing that didn't exist was an on-call engineer that weekend."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The calibration sessions got off the ground in May. We had a sprint retro every two weeks, "
                                "and after the reorg it just quietly moved to Mondays. The dashboards existed, and the thing "
                                "that saved us was an on-call engineer that weekend."),
                    true);
}

TEST_CASE("a thing judged too disruptive, or proposed and voted down, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Rewrite git history", {}}, {"Pre-commit secret scanning", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The commit is still there because rewriting git history on a shared repo was too disruptive. "
                                "Pre-commit secret scanning got proposed in the retro and voted down as friction."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The commit is gone because rewriting git history on a shared repo took an hour. Pre-commit "
                                "secret scanning got proposed in the retro and rolled out that week."),
                    true);
}

TEST_CASE("a remark set off by commas does not stand between a denial and its thing", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Chaos test", {}}, {"Second pair of eyes", {}}, {"Latency gate in CI", {}},
                                             {"API versioning strategy", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The chaos test was scheduled for Friday, so the chaos test is postponed and then, I think, "
                                "forgotten. A second pair of eyes on the change would, I think, have caught the wrong range. "
                                "A latency gate in CI was proposed and is, I believe, still under consideration. I had a "
                                "proposal for an API versioning strategy, and it got, um, parked."),
                    false);
  // One remark after another is read through as one.
  check_every_point(decks.score("keypoints", card_with_points({{"Load test", {}}}), "The load test, I think, like, never happened."),
                    false);
  const CardContent canary = card_with_points({{"Canary", {}}});
  check_every_point(decks.score("keypoints", canary,
                                "We didn't end up needing the rollback, like, the canary looked clean for an hour so we "
                                "promoted it."),
                    true);
}

TEST_CASE("a passive denied with \"even\" before its participle denies its subject", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Roll back the recent change", {"rollback", "revert deploy"}}});
  check_every_point(decks.score("keypoints", card, "There had been a deploy that evening, but rolling it back was never even considered."),
                    false);
  check_every_point(decks.score("keypoints", card, "There had been a deploy that evening, and rolling it back was the first thing I did."),
                    true);
}

TEST_CASE("\"both\" stands for the things named before it, as \"it\" does", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Game day", {}}});
  check_every_point(decks.score("keypoints", card, "A game day was on the calendar twice, and both got cancelled for launches."), false);
  check_every_point(decks.score("keypoints", card, "A game day was on the calendar twice, and both went ahead as planned."), true);
}

TEST_CASE("a postmortem's ideas are heard in plain words: nobody in trouble, no single cause, a SEV level declared", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Blameless framing focused on systems, not people", {"blameless"}},
                                             {"Multiple contributing factors rather than one root cause", {"contributing factors"}},
                                             {"Declare the incident and set severity early", {}}});
  check_every_point(decks.score("keypoints", card,
                                "This is an incident, I said, it's a SEV-2, and declaring early is cheap. At the review I said "
                                "out loud that nobody was getting in trouble. There wasn't one cause: the renewal job had been "
                                "failing silently for a month and the expiry alert went to a list nobody read."),
                    true);
  check_every_point(decks.score("keypoints", card,
                                "The certificate expired and logins failed for two hours. We renewed it by hand, wrote down the "
                                "timeline and moved on."),
                    false);
}

TEST_CASE("what was to be moved or replaced was there; only where it was to go was not reached", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Cron jobs", {}}, {"Job scheduler", {}}, {"Shell script", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "I proposed that we move the cron jobs to a job scheduler, but it was rejected. Nobody "
                                         "replaced the shell script with anything better.");
  CHECK(finding(result, "key point: Cron jobs").met);
  CHECK_FALSE(finding(result, "key point: Job scheduler").met);
  CHECK(finding(result, "key point: Shell script").met);
}

TEST_CASE("a thing denied and then put right or only judged was done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Dead letter queue", {}}, {"Incident review", {}}, {"Daily standup", {}}, {"Rollback plan", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We did not have a dead letter queue at first. After the second incident we added one. I would not "
                                "say the incident review was a success, but we held it within two days. I was not a fan of the "
                                "daily standup at first. Without the rollback plan we had written the day before, I think that "
                                "evening would have been much longer."),
                    true);
}

TEST_CASE("a thing wished for by a pronoun, dismissed as too much work or dropped by its speaker's grammar was not there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Queue depth alerting", {}}, {"Idempotency keys", {}}, {"Distributed tracing", {}},
                                             {"Cost alerts", {}}, {"Heap dump", {}}, {"Load test", {}}, {"Service mesh", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Queue depth alerting, yes, that would have been nice. Idempotency keys were judged a bit too "
                                "much work for the quarter. Distributed tracing also don't have, we only had logs. Cost alerts, "
                                "don't have lah. The heap dump the ops team promised, that one never arrived. The load test was "
                                "something we meant to do after launch. We rejected the proposal of a service mesh."),
                    false);
}

TEST_CASE("a list disowned at once was not there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Code owners", {}}, {"Branch protection", {}}});
  check_every_point(decks.score("keypoints", card, "Code owners, branch protection, none of that existed."), false);
  check_every_point(decks.score("keypoints", card, "Code owners, branch protection, none of that helped when the admin pushed."),
                    true);
  // "todo" is the answer's own word for work not started.
  check_every_point(decks.score("keypoints", card, "Code owners, branch protection: all still todo."), false);
  check_every_point(decks.score("keypoints", card, "Code owners, branch protection: all in place before the audit."), true);
}

TEST_CASE("a thing that stayed a todo or waits on the todo was not done", "[scorers]") {
  BundledDecks decks;
  // "todo" is the word an answer uses for work not started: a thing that stays one, or waits on one.
  const CardContent card = card_with_points({{"Rate limiting", {}}, {"Secret rotation", {}}});
  check_every_point(decks.score("keypoints", card, "Rate limiting stayed a todo. Secret rotation is still on the todo."), false);
  check_every_point(decks.score("keypoints", card, "Rate limiting stayed on by default. Secret rotation is on for every service."),
                    true);
}

TEST_CASE("a point met by some of its words is not met when the answer denies the word it left out", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Fencing the old primary", {"STONITH"}}});
  const ScoreResult denied = decks.score("keypoints", card,
                                         "I promoted the replica by hand. When the old primary came back after a reboot, two services "
                                         "started writing to it again, because we had no fencing at all.");
  check_every_point(denied, false);
  const ScoreResult done = decks.score("keypoints", card,
                                       "Before promoting the replica, the failover script fenced the old primary by cutting its "
                                       "network access through the cloud API.");
  check_every_point(done, true);
}

TEST_CASE("a point asking for a quantified result is met by the change given in numbers", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Quantified the savings", {}}, {"Quantified before and after", {}}});
  const ScoreResult numbers = decks.score("keypoints", card,
                                          "The monthly bill went from $41k to $26k. Builds got about 38% faster.");
  check_every_point(numbers, true);
  const ScoreResult vague = decks.score("keypoints", card, "We saved a lot of money, and builds got much faster.");
  check_every_point(vague, false);
}

TEST_CASE("a backfill in one statement is not the point's backfill in batches, though it meets the alias", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Backfill in small throttled batches", {"backfill"}}});
  check_every_point(decks.score("keypoints", card, "The backfill was a single UPDATE that ran for 3 hours."), false);
  check_every_point(decks.score("keypoints", card, "We did the backfill as one giant UPDATE at 2am."), false);
  check_every_point(decks.score("keypoints", card, "The backfill ran overnight, 5,000 rows at a time with a pause between."), true);
}

TEST_CASE("steps put in order are a plan, not a recited list of terms", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Rollback plan at each step", {"rollback"}}});
  check_every_point(decks.score("keypoints", card,
                                "- Plan: service by service, lowest risk first: reporting reads, then refunds, the core posting "
                                "path last.\n- Rollback: every phase was a flag flip back to MySQL; we used it twice."),
                    true);
  check_every_point(decks.score("keypoints", card,
                                "Migrations are about strangler fig, dual writes, feature flags, shadow traffic, checksums. Rollback too."),
                    false);
}

TEST_CASE("a point done by hand, failing or late is not the point done automatically, cleanly or early", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Automated traffic switch", {"scripted DNS switch"}},
                                             {"Replica promoted cleanly", {}},
                                             {"Raised the risk early", {}}});
  const ScoreResult opposite = decks.score("keypoints", card,
                                           "The DNS switch was manual, one person clicking in the console. Promoting the replica "
                                           "failed the first time. I raised the risk, but late.");
  check_every_point(opposite, false);
  const ScoreResult done = decks.score("keypoints", card,
                                       "A script did the DNS switch for the traffic; on the other hand, it needs a person to start it. "
                                       "We promoted the replica cleanly in four minutes. I raised the risk early, in the first planning meeting.");
  check_every_point(done, true);
}

TEST_CASE("an answer of slogans names key points without showing them, and gets half credit for each", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Flame graph", {}}, {"Circuit breaker", {}}, {"Tail latency", {}}});
  const ScoreResult slogans = decks.score("keypoints", card,
                                          "Performance is very important, so we follow best practices everywhere. I did a flame graph. "
                                          "We use a circuit breaker as a culture, and I always focus on tail latency.");
  for (const auto& f : slogans.findings) {
    INFO(f.criterion);
    CHECK_FALSE(f.met);
    CHECK_THAT(f.advice, Catch::StartsWith("Named, not shown"));
  }
  CHECK(*slogans.score == Approx(50));
  // Stock phrases of a recital count as slogans too: "basically", "as per", "by definition".
  const ScoreResult recital = decks.score("keypoints", card,
                                          "Performance is basically a flame graph, as per the usual playbook. A circuit breaker by "
                                          "definition fixes tail latency.");
  for (const auto& f : recital.findings) {
    INFO(f.criterion);
    CHECK_FALSE(f.met);
  }
  // A slogan-laden answer that does give the detail keeps the point.
  const ScoreResult shown = decks.score("keypoints", card,
                                        "Best practices are key, everywhere. The flame graph showed 40% of the time in JSON encoding.");
  CHECK(finding(shown, "key point: Flame graph").met);
  // One slogan is a turn of phrase, not an answer of slogans.
  const ScoreResult plain = decks.score("keypoints", card,
                                        "Following best practice, I took a flame graph of the slow endpoint and put a circuit breaker "
                                        "around the pricing client; tail latency was the number we watched.");
  check_every_point(plain, true);
}

TEST_CASE("in an answer of slogans, a number word that names a concept is no detail; a measure is", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Golden-signal dashboards", {"golden signals"}}, {"Reserved time for the debt", {"two sprints"}}});
  const ScoreResult named = decks.score("keypoints", card,
                                        "Observability is basically best practice: we follow the four golden signals on every dashboard.");
  CHECK_FALSE(finding(named, "key point: Golden-signal dashboards").met);
  const ScoreResult measured = decks.score("keypoints", card,
                                           "Debt is basically best practice for us: the product owner reserved two sprints per quarter "
                                           "for the debt.");
  CHECK(finding(measured, "key point: Reserved time for the debt").met);
}

TEST_CASE("a lack is said by a denial of its first word, whatever follows in the clause", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"No certificate inventory", {"no cert list"}}});
  check_every_point(decks.score("keypoints", card, "We had no list of which certs lived where, so the renewal was a hunt."), true);
  check_every_point(decks.score("keypoints", card, "We kept a list of every cert, with its owner and expiry date."), false);
}

TEST_CASE("small numbers meet their words, and people are persons", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Rotation too small", {"three-person rotation"}}});
  check_every_point(decks.score("keypoints", card, "We were 3 people covering nights for 40 services."), true);
  check_every_point(decks.score("keypoints", card, "We were 30 people covering nights for 40 services."), false);
}

TEST_CASE("a concept of the lexicon is covered by its everyday phrasing, and not by talk of something else", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points(
      {{"Request coalescing", {"single flight"}}, {"Monotonic clock for durations", {}}, {"Small share of traffic first", {}}});
  const ScoreResult said = decks.score("keypoints", card,
                                       "On a miss only one request goes to the database and the others wait for its result. "
                                       "Timeouts are measured on a clock that only moves forward, never the wall clock. "
                                       "We sent 5% of traffic to the new build for an hour.");
  check_every_point(said, true);
  const ScoreResult other = decks.score("keypoints", card,
                                        "On a miss every request goes to the database, and we log the wall-clock time of each one. "
                                        "Errors hit 5% of requests.");
  check_every_point(other, false);
}

TEST_CASE("core ideas are heard through their tools and plain phrasings", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Queue-based async sending", {}}, {"Distributed tracing", {}}, {"Centralised logs", {}},
                                             {"Infrastructure as code", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Callers drop an event onto a queue and get on with their day; a worker per channel picks it up. "
                                "We followed one request across all twelve services in Jaeger. Logs from every pod ship to Loki, "
                                "so we search them in one place. Every environment is defined in Terraform and changed through "
                                "pull requests."),
                    true);
  check_every_point(decks.score("keypoints", card,
                                "Callers send the email themselves and wait for it. We read each service's logs on its own box. "
                                "Every change to the servers was made by hand in the console."),
                    false);
}

TEST_CASE("a lexicon paraphrase does not cover a point whose own word the answer denies", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Request coalescing", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We had no request coalescing at all. On a miss only one request goes to the database at "
                                "first, and then the others pile on behind it."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "On a miss only one request goes to the database and the others wait for its result."),
                    true);
}

TEST_CASE("a rollout by percentages is heard in its steps and in staff going first", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Percentage rollouts", {}}, {"Gradual percentage rollout", {}}});
  check_every_point(decks.score("keypoints", card, "We turned it on for employees first, then 1%, 10%, 50%, watching errors at each step."),
                    true);
  check_every_point(decks.score("keypoints", card, "We turned it on for everyone at once; errors were at 1% before and 10% after."),
                    false);
}

TEST_CASE("the interviewer's ideas are heard in their multi-word phrasings", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Automatic rollback", {}}, {"Owned the mistake", {}}, {"Added alerting", {}},
                                             {"Lock contention", {}}, {"Graceful degradation", {}}});
  const ScoreResult said = decks.score("keypoints", card,
                                       "The pipeline rolls back by itself when the canary trips. I'm the one who got it wrong. "
                                       "Afterwards I set up an alert on the error rate. Sessions were waiting on locks. "
                                       "The page falls back to cached prices instead of failing.");
  check_every_point(said, true);
}

TEST_CASE("a double charge is the symptom of a consumer that was not idempotent, not a sign of idempotency", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Consumer was not idempotent", {}}, {"Idempotency key per payment", {"idempotency key"}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "Our consumer charged the card and then committed the offset. When a rebalance happened, "
                                         "about 40 customers got charged twice.");
  CHECK(finding(result, "key point: Consumer was not idempotent").met);
  CHECK_FALSE(finding(result, "key point: Idempotency key per payment").met);
}

TEST_CASE("a list of buzzwords wrapped over two lines is still a list, and names nothing", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Keychain", {}}, {"Interceptor", {}}});
  const ScoreResult listed = decks.score("keypoints", card,
                                         "OIDC, JWT, access token, refresh token, PKCE, scopes, expiry, rotation, interceptor,\n"
                                         "Keychain, Keystore. The access token is short-lived.");
  CHECK_FALSE(finding(listed, "key point: Keychain").met);
  CHECK_FALSE(finding(listed, "key point: Interceptor").met);
  const ScoreResult used = decks.score("keypoints", card, "The app keeps the refresh token in the Keychain.\nAn interceptor refreshes it on a 401.");
  CHECK(finding(used, "key point: Keychain").met);
  CHECK(finding(used, "key point: Interceptor").met);
}

TEST_CASE("terms defined one by one after their labels are no recital", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Postmortem required above a threshold", {"postmortem"}}});
  const ScoreResult defined = decks.score("keypoints", card,
                                          "SEV1: checkout is down for many customers; SEV2: a major feature is degraded; SEV3: limited "
                                          "impact; SEV4: internal only. SEV1 and SEV2 always get a written postmortem.");
  CHECK(finding(defined, "key point: Postmortem required above a threshold").met);
}

TEST_CASE("in an answer that recites buzzwords, one more word dropped elsewhere names nothing", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Leader holds a renewable lease", {"lease"}}, {"Sharding", {"shard key"}}});
  const ScoreResult stuffed = decks.score("keypoints", card,
                                          "Leader election: Raft, Paxos, ZooKeeper, etcd, quorum, fencing tokens, split brain. "
                                          "Kubernetes also has Lease objects. Sharding, obviously; we shard by tenant_id.");
  CHECK_FALSE(finding(stuffed, "key point: Leader holds a renewable lease").met);
  // A word the answer goes on to use is used, not dropped.
  CHECK(finding(stuffed, "key point: Sharding").met);
  // Without a recited list, the same word is an answer.
  const ScoreResult plain = decks.score("keypoints", card, "The scheduler that wins takes a lease in etcd and keeps renewing it.");
  CHECK(finding(plain, "key point: Leader holds a renewable lease").met);
}

TEST_CASE("in an answer that recites buzzwords, a short phrase dropped elsewhere names nothing; a list of numbers is no recital", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Route critical reads to the primary", {"read-your-writes"}}, {"Phased rollout", {"phases"}}});
  const ScoreResult stuffed = decks.score("keypoints", card,
                                          "It's all about the replicas, the primary, stale reads, lag, all of that. "
                                          "The fix usually is more replicas or read-your-writes.");
  CHECK_FALSE(finding(stuffed, "key point: Route critical reads to the primary").met);
  const ScoreResult planned = decks.score("keypoints", card,
                                          "We went in phases, moving 1%, 10%, 50% and finally 100% of reads. "
                                          "Checkout reads its own writes from the primary, read-your-writes.");
  CHECK(finding(planned, "key point: Phased rollout").met);
  CHECK(finding(planned, "key point: Route critical reads to the primary").met);
}

TEST_CASE("a verb and its particle say the noun written as one word, whatever the verb's tense", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Failover", {}}, {"Timeout", {}}, {"Lose updates", {}}, {"Cleanup", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "We failed over to the other region when the calls timed out. "
                                         "Keeping the later timestamp quietly throws away updates.");
  CHECK(finding(result, "key point: Failover").met);
  CHECK(finding(result, "key point: Timeout").met);
  CHECK(finding(result, "key point: Lose updates").met);
  CHECK_FALSE(finding(result, "key point: Cleanup").met);
  // Around its object as well.
  const CardContent flag = card_with_points({{"Disable the flag", {}}, {"Rollback", {}}});
  const ScoreResult around = decks.score("keypoints", flag, "I turned the flag off at once. Then we rolled the release back.");
  CHECK(finding(around, "key point: Disable the flag").met);
  CHECK(finding(around, "key point: Rollback").met);
}

TEST_CASE("most of a point's weight said together covers it; a missing qualifier does not", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Test both code paths", {}}, {"Roll back automatically", {}}});
  const ScoreResult result = decks.score("keypoints", card, "We test each path before merging. When it broke, I rolled it back by hand.");
  // Two of three everyday words, together in one sentence.
  CHECK(finding(result, "key point: Test both code paths").met);
  // "roll back" is one idea said with a particle; without "automatically" the point is not made.
  CHECK_FALSE(finding(result, "key point: Roll back automatically").met);
}

TEST_CASE("a covered point quotes the point's own words when the answer has them, before a paraphrase", "[scorers]") {
  BundledDecks decks;
  const ScoreResult result = decks.score("keypoints", decks.card("production-outage"),
                                         "I rolled back the deploy first because the errors lined up with it. "
                                         "Errors fell from 12% to 0.5% in 20 minutes.");
  CHECK(finding(result, "key point: Mitigate first, root cause second").met);
  CHECK_THAT(finding(result, "key point: Mitigate first, root cause second").evidence, Catch::Contains("rolled back"));
}

TEST_CASE("a point said in two steps, over a sentence and the next, counts", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Idempotency key per payment", {}}});
  const ScoreResult two_steps = decks.score("keypoints", card,
                                            "Every payment request carries a unique key. The server uses it to make retries idempotent.");
  CHECK(finding(two_steps, "key point: Idempotency key per payment").met);
  // Sentences further apart are separate statements.
  const ScoreResult apart = decks.score("keypoints", card,
                                        "Every payment request carries a unique key. We log each one. Later on, retries were made idempotent.");
  CHECK_FALSE(finding(apart, "key point: Idempotency key per payment").met);
}

TEST_CASE("a key-point card without key points is compared with the words of its model answer", "[scorers]") {
  BundledDecks decks;
  CardContent card;
  card.kind = CardKind::keypoint;
  card.prompt = "Cache-aside";
  card.answer = "The application reads the cache first; on a miss it reads the database, stores the value in the cache and returns it.\n"
                "Use when: read-heavy data where a short staleness window is acceptable.";
  const ScoreResult good = decks.score("keypoints", card,
                                       "The app looks in the cache first. On a miss it goes to the database, stores the value and returns it.");
  const ScoreResult unrelated = decks.score("keypoints", card, "It is a way of splitting a service into smaller services.");
  CHECK(finding(good, "key terms of the model answer").met);
  CHECK_THAT(finding(good, "key terms of the model answer").evidence, Catch::Contains("database"));
  CHECK(*good.score > 80);
  CHECK_FALSE(finding(unrelated, "key terms of the model answer").met);
  CHECK_THAT(finding(unrelated, "key terms of the model answer").advice, Catch::Contains("database"));
  CHECK(*unrelated.score < 20);
}

TEST_CASE("the keypoints scorer leaves story cards to the STAR rubric", "[scorers]") {
  BundledDecks decks;
  const Scorer* keypoints = decks.engine->registry().scorer("keypoints");
  const Scorer* star = decks.engine->registry().scorer("star");
  REQUIRE(keypoints != nullptr);
  REQUIRE(star != nullptr);
  CHECK(keypoints->applies_to(decks.card("production-outage")));
  CHECK(keypoints->applies_to(decks.card("cache-aside")));
  CHECK_FALSE(keypoints->applies_to(decks.card("story-production-incident")));
  CHECK(star->applies_to(decks.card("story-production-incident")));
  CHECK(star->applies_to(decks.card("production-outage")));
  CHECK_FALSE(star->applies_to(decks.card("cache-aside")));
}

// ---- star -------------------------------------------------------------------------------------

TEST_CASE("a strong STAR answer meets every criterion of the rubric", "[scorers]") {
  BundledDecks decks;
  const ScoreResult result = decks.score("star", decks.card("production-outage"), kStrongAnswer, 95);
  for (const auto& f : result.findings) {
    INFO(f.criterion << ": " << f.evidence << " / " << f.advice);
    CHECK(f.met);
  }
  CHECK(result.findings.size() == 10);
  CHECK(*result.score == Approx(100));
  CHECK_THAT(finding(result, "all four STAR parts").evidence,
             Catch::Contains("situation: At my last company") && Catch::Contains("task: As the on-call lead") &&
                 Catch::Contains("action: I rolled back") && Catch::Contains("result: Errors were back"));
  CHECK_THAT(finding(result, "quantified result").evidence, Catch::Contains("0.5%"));
  CHECK_THAT(finding(result, "tradeoff or alternative").evidence, Catch::Contains("safer than debugging"));
  CHECK_THAT(finding(result, "lesson at the end").evidence, Catch::Contains("I learned"));
  // Judged from the words at a speaking pace: typing for 95 s says nothing about speaking time.
  CHECK_THAT(finding(result, "length").evidence, Catch::Contains("spoken at 150 words a minute") && !Catch::Contains("you took"));
}

TEST_CASE("taking the numbers out of the result lowers the score through 'quantified result'", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  const std::string vague_result = "Errors went back to normal soon after, and recovery for this alert became much faster.\n";
  const ScoreResult strong = decks.score("star", card, kStrongAnswer);
  const ScoreResult weak = decks.score("star", card, kSituation + kTask + kAction + vague_result + kLesson);
  CHECK(*weak.score < *strong.score);
  const Finding& result = finding(weak, "quantified result");
  CHECK_FALSE(result.met);
  CHECK_FALSE(result.evidence.empty());  // a direction is there ("back to normal", "faster"), so half the credit
  CHECK_THAT(result.advice, Catch::Contains("by how much"));
  CHECK(*strong.score - *weak.score == Approx(10));
}

TEST_CASE("a measured change earns the whole 'quantified result', a bare count three quarters", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  const ScoreResult measured = decks.score("star", card, kSituation + kTask + kAction + "Errors fell from 18% to under 0.5% that evening.\n" + kLesson);
  const ScoreResult counted = decks.score("star", card, kSituation + kTask + kAction + "The new alert caught two more incidents that evening.\n" + kLesson);
  CHECK(finding(measured, "quantified result").met);
  CHECK_THAT(finding(measured, "quantified result").evidence, Catch::Contains("from 18% to"));
  // A number, but not a change: met, for a little less.
  CHECK(finding(counted, "quantified result").met);
  CHECK(*measured.score - *counted.score == Approx(5));
}

TEST_CASE("a failing answer still scores above a weaker copy of itself", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  // No result: capped at 35, "again". Taking the "I" out as well must still cost something.
  const ScoreResult no_result = decks.score("star", card, kSituation + kTask + kAction + kLesson);
  const ScoreResult no_result_in_we = decks.score("star", card, in_we(kSituation + kTask + kAction + kLesson));
  CHECK(*no_result.score <= 35);
  CHECK(*no_result_in_we.score < *no_result.score);
  CHECK(no_result.suggestion == Rating::again);
}

TEST_CASE("context beyond a sentence or two costs, however long the rest of the answer", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  const std::string context =
      "The company had grown quickly and the team had changed a lot over the previous year. "
      "There were many competing priorities at the time and everyone was stretched thin.\n";
  const std::string long_action = kAction + kAction;  // a longer answer leaves a smaller share to the context
  const ScoreResult brief = decks.score("star", card, kSituation + kTask + long_action + kResult + kLesson);
  const ScoreResult padded = decks.score("star", card, kSituation + context + kTask + long_action + kResult + kLesson);
  CHECK(*padded.score < *brief.score);
  CHECK_THAT(finding(padded, "situation and task kept short").evidence, Catch::Contains("spoken"));
}

TEST_CASE("an answer in 'we' throughout is flagged under ownership", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  const ScoreResult strong = decks.score("star", card, kStrongAnswer);
  const ScoreResult weak = decks.score("star", card, in_we(kStrongAnswer));
  CHECK(finding(strong, "ownership").met);
  const Finding& ownership = finding(weak, "ownership");
  CHECK_FALSE(ownership.met);
  CHECK_THAT(ownership.evidence, Catch::Contains("we rolled back"));
  CHECK_THAT(ownership.advice, Catch::Contains("\"we\" throughout"));
  CHECK(*weak.score <= *strong.score - 15);
}

TEST_CASE("'I think' and 'I heard' own no step: an answer whose only 'I' hedges has no ownership", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  const ScoreResult hedged = decks.score("star", card,
                                         "Our checkout started failing at peak. We rolled back the release, I think. I heard the "
                                         "database was the problem. I guess it was fixed in about an hour.");
  CHECK_FALSE(finding(hedged, "ownership").met);
  CHECK_THAT(finding(hedged, "ownership").evidence, Catch::Contains("We rolled back"));
}

TEST_CASE("some 'we' for shared work is fine, as long as 'I' carries the action", "[scorers]") {
  BundledDecks decks;
  const std::string answer = kSituation + kTask +
                             "I rolled back the deploy first, because a rollback was safer than debugging a live system.\n"
                             "We then split the investigation: I read the traces while we paged the database on-call.\n"
                             "I found that a new retry loop had doubled connections, and I fixed the pool sizing.\n" +
                             kResult + kLesson;
  const ScoreResult scored = decks.score("star", decks.card("production-outage"), answer);
  const Finding& ownership = finding(scored, "ownership");
  CHECK(ownership.met);
  CHECK(ownership.advice.empty());
}

TEST_CASE("notes that leave out the 'I' ('Reverted the config by hand') still own the action", "[scorers]") {
  BundledDecks decks;
  const std::string notes =
      "- Travel booking site, roughly 9,000 bookings an hour at peak.\n"
      "- Paged at 2am: checkout returning 500s for every user.\n"
      "- Primary on-call that week, so mitigation was mine.\n"
      "- Checked the deploy log first: no code release since the afternoon.\n"
      "- Found a config push at 1:40 that cut the payment client timeout from 10s to 1s.\n"
      "- Reverted the config by hand rather than waiting for the pipeline.\n"
      "- Error rate back under 1% in 15 minutes.\n";
  const ScoreResult result = decks.score("star", decks.card("production-outage"), notes);
  CHECK(finding(result, "ownership").met);
  CHECK_THAT(finding(result, "ownership").evidence, Catch::Contains("Checked the deploy log"));
}

TEST_CASE("cutting the action to one line fails 'action is the largest part'", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  const ScoreResult strong = decks.score("star", card, kStrongAnswer);
  const ScoreResult weak = decks.score("star", card, kSituation + kTask + "I rolled back the deploy.\n" + kResult + kLesson);
  CHECK(finding(strong, "action is the largest part").met);
  const Finding& action = finding(weak, "action is the largest part");
  CHECK_FALSE(action.met);
  CHECK_THAT(action.advice, Catch::Contains("half the answer on what you did"));
  CHECK(*weak.score < *strong.score);
}

TEST_CASE("doubling the situation fails 'situation and task kept short'", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  const std::string doubled_situation =
      kSituation +
      "The API had been written five years earlier by a team that had since moved on, it ran on twelve nodes in two regions, "
      "and it was the oldest service on our platform, with a shared database that four other teams also used.\n";
  const ScoreResult strong = decks.score("star", card, kStrongAnswer);
  const ScoreResult weak = decks.score("star", card, doubled_situation + kTask + kAction + kResult + kLesson);
  CHECK(finding(strong, "situation and task kept short").met);
  const Finding& setup = finding(weak, "situation and task kept short");
  CHECK_FALSE(setup.met);
  CHECK_THAT(setup.advice, Catch::Contains("Cut the context"));
  CHECK(*weak.score < *strong.score);
}

TEST_CASE("blaming another team is flagged under 'no blame', a blameless postmortem is not", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  CHECK(finding(decks.score("star", card, kStrongAnswer), "no blame").met);
  const std::string blaming = kSituation +
                              "It was really the platform team's fault: their change broke the connection pool and they never tested it.\n" +
                              kTask + kAction + kResult + kLesson;
  const ScoreResult result = decks.score("star", card, blaming);
  const Finding& blame = finding(result, "no blame");
  CHECK_FALSE(blame.met);
  CHECK_THAT(blame.evidence, Catch::Contains("fault") || Catch::Contains("their change broke"));
  CHECK_THAT(blame.advice, Catch::Contains("without pointing at people"));
}

TEST_CASE("a team that declined is not blamed; one that refused to help is", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  const std::string declined = "The one team that refused, I paired with them for an afternoon and we made the change together.\n";
  CHECK(finding(decks.score("star", card, kSituation + kTask + kAction + declined + kResult + kLesson), "no blame").met);
  const std::string blamed = "The platform team refused to help, so it dragged on.\n";
  CHECK_FALSE(finding(decks.score("star", card, kSituation + kTask + kAction + blamed + kResult + kLesson), "no blame").met);
}

TEST_CASE("suspecting a release or a network is not blame; blaming people is", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  const std::string lesson = "I learned to look at lock waits before blaming a release.\n";
  CHECK(finding(decks.score("star", card, kSituation + kTask + kAction + kResult + lesson), "no blame").met);
  const std::string suspected = "We blamed it on the network at first, but the traces showed the pool.\n";
  CHECK(finding(decks.score("star", card, kSituation + suspected + kTask + kAction + kResult + kLesson), "no blame").met);
  const std::string pointed = "Honestly, I blamed the DBAs for all of it.\n";
  CHECK_FALSE(finding(decks.score("star", card, kSituation + kTask + kAction + pointed + kResult + kLesson), "no blame").met);
  // A cause in someone else's system is context; a change made behind everyone's back is blame.
  const std::string cause = "The partner team joined the call because their API had no sandbox, and we found which change was to blame.\n";
  CHECK(finding(decks.score("star", card, kSituation + cause + kTask + kAction + kResult + kLesson), "no blame").met);
  const std::string behind = "The finance team had changed the file format without telling anyone, as usual.\n";
  CHECK_FALSE(finding(decks.score("star", card, kSituation + behind + kTask + kAction + kResult + kLesson), "no blame").met);
}

TEST_CASE("owning a mistake is not blame", "[scorers]") {
  BundledDecks decks;
  const ScoreResult result = decks.score("star", decks.card("production-mistake"),
                                         "It was my fault: I ran the migration without a dry run. I took the blame, restored the data "
                                         "within 5 hours and added a dry-run step that has since caught 2 similar mistakes.");
  CHECK(finding(result, "no blame").met);
}

TEST_CASE("'worked on' and 'helped with' with nothing concrete after them are vague filler", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  const ScoreResult vague = decks.score("star", card,
                                        "There was an outage and I helped with it. I worked on the issue with the team and basically "
                                        "things got better.");
  const Finding& filler = finding(vague, "no vague filler");
  CHECK_FALSE(filler.met);
  CHECK_THAT(filler.evidence, Catch::Contains("helped with it") && Catch::Contains("worked on the issue"));
  const ScoreResult concrete = decks.score("star", card, "I worked on the connection pool sizing and helped with the Postgres failover runbook.");
  CHECK(finding(concrete, "no vague filler").met);
}

TEST_CASE("a rambling answer fails 'length', saying how long it takes to say", "[scorers]") {
  BundledDecks decks;
  const std::string rambling = kSituation + kSituation + kTask + kAction + kAction + kAction + kResult + kLesson;
  const ScoreResult result = decks.score("star", decks.card("production-outage"), rambling, 200);
  const Finding& length = finding(result, "length");
  CHECK_FALSE(length.met);
  CHECK_THAT(length.evidence, Catch::Contains("target 60-90 s") && Catch::Contains("words"));
  CHECK_THAT(length.advice, Catch::Contains("150-225 words"));
  const ScoreResult short_result = decks.score("star", decks.card("production-outage"), "I rolled back the deploy.");
  const Finding& short_one = finding(short_result, "length");
  CHECK_FALSE(short_one.met);
  CHECK_THAT(short_one.advice, Catch::Contains("Too short"));
}

TEST_CASE("the length target comes from the star scorer's options", "[scorers]") {
  BundledDecks decks;
  const std::string long_answer = kSituation + kTask + kAction + kAction + kAction + kAction + kResult + kLesson;
  const CardContent card = decks.card("production-outage");
  CHECK_FALSE(finding(decks.score("star", card, long_answer), "length").met);
  decks.engine->collection().set_config("scorer.star.target_seconds", "150");
  const ScoreResult long_result = decks.score("star", card, long_answer);
  const Finding& length = finding(long_result, "length");
  CHECK(length.met);
  CHECK_THAT(length.evidence, Catch::Contains("target 100-150 s"));
}

TEST_CASE("a labelled answer (Situation:, Task:, Action:, Result:) is split at its labels", "[scorers]") {
  BundledDecks decks;
  const std::string labelled = "Situation: " + kSituation + "Task: " + kTask + "Action: " + kAction + "Result: " + kResult + kLesson;
  const ScoreResult result = decks.score("star", decks.card("production-outage"), labelled);
  const Finding& parts = finding(result, "all four STAR parts");
  CHECK(parts.met);
  CHECK_THAT(parts.evidence, Catch::Contains("task: Task: As the on-call lead") && Catch::Contains("result: Result: Errors"));
  const ScoreResult missing = decks.score("star", decks.card("production-outage"), "Situation: " + kSituation + "Action: " + kAction);
  CHECK_FALSE(finding(missing, "all four STAR parts").met);
  CHECK_THAT(finding(missing, "all four STAR parts").advice, Catch::Contains("what you owned") && Catch::Contains("what changed"));
}

TEST_CASE("labelling only the situation and task, or labels such as 'My role:' and 'What I did:', still finds the action", "[scorers]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  // In one paragraph: the action and result after "Task:" are told without labels.
  std::string one_block = "Situation: " + kSituation + "Task: " + kTask + kAction + kResult + kLesson;
  std::replace(one_block.begin(), one_block.end(), '\n', ' ');
  const ScoreResult partly = decks.score("star", card, one_block);
  CHECK(finding(partly, "all four STAR parts").met);
  CHECK(finding(partly, "action is the largest part").met);
  const std::string phrased = "The situation: " + kSituation + "My role: " + kTask + "What I did: " + kAction + "The outcome: " + kResult +
                              "What I learned: " + kLesson;
  const ScoreResult labelled = decks.score("star", card, phrased);
  CHECK_THAT(finding(labelled, "all four STAR parts").evidence, Catch::Contains("task: My role:") && Catch::Contains("action: What I did:"));
  CHECK(finding(labelled, "action is the largest part").met);
}

TEST_CASE("a story card told from memory is scored with the STAR rubric", "[scorers]") {
  BundledDecks decks;
  const std::string story =
      "Our search API's p99 rose from 250 ms to 2.1 s as the catalogue grew four times, and mobile users were abandoning searches. "
      "I was responsible for getting p99 back under 300 ms before the holiday peak. "
      "I broke the latency down with traces and found most of it in one filter query. "
      "I ruled out the cache and the network with two quick experiments. "
      "Instead of moving to a bigger database instance, I added a composite index and replaced a per-item lookup with one batched query. "
      "I rolled it out behind a flag to 10% of traffic, then to everyone, watching p99 and database CPU. "
      "p99 fell from 2.1 s to 220 ms and database CPU from 85% to 40%, and conversion rose about 3% over the peak. "
      "I now add a latency alert whenever a service's data is expected to grow.";
  const ScoreResult result = decks.score("star", decks.card("story-performance-scaling"), story);
  CHECK(*result.score >= 85);
  CHECK(result.suggestion >= Rating::good);
}

// ---- the engine's combination -----------------------------------------------------------------

TEST_CASE("the engine runs the deck's scorer chain and combines it: the mean score and the rating it suggests", "[scorers]") {
  BundledDecks decks;
  const auto cards = decks.engine->collection().cards_with_uid("production-outage");
  REQUIRE(cards.size() == 1);
  auto session = decks.engine->start_review();
  const std::string weak = in_we(kSituation + kTask + "I rolled back the deploy.\n" + kResult);
  const CombinedScore combined = session->score(cards.front(), Attempt{weak, 40, {}});
  REQUIRE(combined.parts.size() == 2);
  CHECK(combined.parts[0].scorer == "keypoints");
  CHECK(combined.parts[1].scorer == "star");
  CHECK(*combined.score == Approx((*combined.parts[0].score + *combined.parts[1].score) / 2));
  CHECK(combined.suggestion == rating_for_score(*combined.score));
  CHECK_THAT(summary_of(combined), Catch::Contains("key points") && Catch::Contains("work on:"));

  decks.engine->collection().set_config("deck.Behavioral questions (senior backend).scorers", "star");
  CHECK(session->score(cards.front(), Attempt{weak, 40, {}}).parts.size() == 1);
}

TEST_CASE("a story whose themes match a behavioural question is offered for it, most themes in common first", "[scorers]") {
  BundledDecks decks;
  // The bundled stories are templates, not the user's: only stories of one's own are offered.
  CHECK(stories_for(decks.engine->collection().story_bank(), decks.card("production-outage")).empty());
  decks.engine->import_paths({decks.dir.write("my-stories.md",
                                              "## S: Cache stampede I fixed\nthemes: performance, incident\nsituation: s\ntask: t\n"
                                              "action:\n- I did it\nresult: r\n\n"
                                              "## S: Region outage I led\nthemes: incident, reliability, communication\n"
                                              "situation: s\ntask: t\naction:\n- I led it\nresult: r\n\n"
                                              "## S: Hiring loop I redesigned\nthemes: leadership\nsituation: s\ntask: t\n"
                                              "action:\n- I changed it\nresult: r\n")});
  const Collection::StoryBank bank = decks.engine->collection().story_bank();
  const auto stories = stories_for(bank, decks.card("production-outage"));  // incident, reliability, communication
  REQUIRE(stories.size() == 2);
  CHECK(stories.front().prompt == "Region outage I led");
  for (const auto& story : stories) {
    const bool shares = std::any_of(story.themes.begin(), story.themes.end(), [](const std::string& theme) {
      return theme == "incident" || theme == "reliability" || theme == "communication";
    });
    CHECK(shares);
  }
  CHECK(stories_for(bank, decks.card("cache-aside")).empty());
}

TEST_CASE("a recorded answer's length is judged by how long it took to say, not by the notes typed after", "[scorers][spoken]") {
  BundledDecks decks;
  const CardContent card = decks.card("production-outage");
  const Scorer* star = decks.engine->registry().scorer("star");
  REQUIRE(star != nullptr);
  auto length_of = [&](const std::string& notes, std::optional<double> spoken) {
    const CombinedScore combined = score_answer(*decks.engine, {star}, card, Attempt{notes, 20, spoken}, false);
    REQUIRE(combined.parts.size() == 1);
    return finding(combined.parts.front(), "length");
  };
  // Short notes of a 75-second answer: the right length, although the notes alone are far too short.
  const Finding spoken = length_of("rollback, traces, pool sizing, 12 min, load test failure paths", 75.0);
  CHECK(spoken.met);
  CHECK_THAT(spoken.evidence, Catch::Contains("1 min 15 s spoken (target 60-90 s)"));
  CHECK_FALSE(length_of("rollback, traces, pool sizing, 12 min, load test failure paths", std::nullopt).met);
  // Long notes of a 30-second answer: too short, whatever the word count says.
  const Finding hurried = length_of(kStrongAnswer, 30.0);
  CHECK_FALSE(hurried.met);
  CHECK_THAT(hurried.evidence, Catch::Contains("30 s spoken"));
  CHECK(length_of(kStrongAnswer, std::nullopt).met);
}

TEST_CASE("the technical scorer gives a spoken answer's notes the same score as typed ones (it judges no length)", "[scorers][spoken]") {
  BundledDecks decks;
  const Scorer* technical = decks.engine->registry().scorer("technical");
  REQUIRE(technical != nullptr);
  CardContent question;
  question.kind = CardKind::question;
  question.prompt = "What is the difference between a process and a thread?";
  REQUIRE(technical->applies_to(question));
  const std::string notes = "A process has its own memory; threads share the memory of their process, so they are cheaper "
                            "to start but need locks. Use threads for shared state, processes for isolation, e.g. Chrome tabs.";
  const CombinedScore typed = score_answer(*decks.engine, {technical}, question, Attempt{notes, 40, std::nullopt}, false);
  const CombinedScore said = score_answer(*decks.engine, {technical}, question, Attempt{notes, 40, 5.0}, false);
  REQUIRE(typed.score.has_value());
  CHECK(*typed.score > 0);
  CHECK(said.score == typed.score);
}

TEST_CASE("a thing put first and denied before a semicolon, or that fell through and never took place, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Dead-letter topic", {}}, {"Review meeting", {}}});
  check_every_point(decks.score("keypoints", card,
                                "A dead-letter topic we do not have; it was discussed in two retrospectives. A review meeting "
                                "was scheduled for the next week, but it fell victim to the release freeze and never took place."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "A dead-letter topic we do have; it was added after two retrospectives. A review meeting was "
                                "scheduled for the next week, and it survived the release freeze and took place on Monday."),
                    true);
}

TEST_CASE("a cue pattern lets one determiner or light adverb stand between its words, and nothing else", "[scorers]") {
  const CueList cues = {"cache and the? database", "went down by # percent"};
  const auto hits = [&](const std::string& text) { return cues.find_all(AnswerText(text)).size(); };
  CHECK(hits("We update the cache and the database together.") == 1);
  CHECK(hits("We update the cache and also the database together.") == 1);
  CHECK(hits("The invoice went down by just 27 percent.") == 1);
  // Any other word between them says something else.
  CHECK(hits("We update the cache and never the database.") == 0);
  CHECK(hits("We update the cache and the old database together.") == 0);
  CHECK(hits("We update the cache and the and the database.") == 0);
}

TEST_CASE("a term used as a name, or in a sense the answer gives it, does not cover its point", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Saga with compensating actions", {"saga"}}, {"Idempotent consumers", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Saga is actually the name of our app store project. The consumers are idempotent in the "
                                "sense that they are stateless and can be scaled."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We ran the order flow as a saga: each step had a compensating action that undid it. The "
                                "consumers are idempotent: a redelivered event id is skipped."),
                    true);
}

TEST_CASE("a thing that opens the sentence before a dash, denied after it with no object, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Budget alerts", {}}});
  check_every_point(decks.score("keypoints", card, "And budget alerts for when the spend goes up \u2014 honestly we still don't have, every quarter someone asks."),
                    false);
  check_every_point(decks.score("keypoints", card, "And budget alerts for when the spend goes up \u2014 honestly we set them up in May, and they fired twice."),
                    true);
  // "At that time" is when, not a preposition left behind ("a canary we never bothered with").
  check_every_point(decks.score("keypoints", card, "Budget alerts for when the spend goes up \u2014 we didn't have at that time."), false);
}

TEST_CASE("a denial of doing that labels what follows its colon denies all of it", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Version column for optimistic locking", {}}, {"Kill switch", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Some things we discussed and didn't do: a version column for optimistic locking, which the "
                                "team rejected. What we never built: a kill switch."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Some things we discussed and did: a version column for optimistic locking, which the team "
                                "liked. What we built first: a kill switch."),
                    true);
}

TEST_CASE("a point about watching met by what is watched needs the watching said beside it", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Consumer lag monitoring", {}}});
  check_every_point(decks.score("keypoints", card, "The consumer lag we notice only when the business complains that the reports are stale."),
                    false);
  check_every_point(decks.score("keypoints", card, "The consumer lag has an alert at five minutes and a panel on the team dashboard."),
                    true);
}

TEST_CASE("an answer of interview cliches names its points without showing them", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Blameless postmortem", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Ownership is one of my core values. We did a blameless postmortem, with all the good stuff. "
                                "What matters is to learn."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We did a blameless postmortem two days later: 40 minutes, no names in the timeline, and six "
                                "action items with owners."),
                    true);
}

TEST_CASE("a review that turned to finger-pointing is no blameless one; blame denied keeps it", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Blameless postmortem", {"post-incident review"}}});
  check_every_point(decks.score("keypoints", card, "The post-incident review turned into a finger-pointing session, with the vendor blamed."), false);
  check_every_point(decks.score("keypoints", card, "The post-incident review was blameless: nobody was blamed, and we fixed the alert routing."), true);
}

TEST_CASE("a status page that stayed green the whole outage was not updated", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Status page", {}}});
  check_every_point(decks.score("keypoints", card, "The status page stayed a cheerful green the whole time we were down."), false);
  check_every_point(decks.score("keypoints", card, "The status page went amber within five minutes and stayed green once we recovered."), true);
}

TEST_CASE("a proposal that died in a meeting was not done; a system that died was there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Structured logging", {}}, {"Read replica", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Structured logging died in a planning meeting. I proposed a read replica and it quietly died."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Structured logging showed the slow calls. The read replica died at market open, and traffic "
                                "failed over to the primary."),
                    true);
}

TEST_CASE("a thing told only as proposed was not done; proposed and then taken up was", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Quarantine lane for flaky tests", {}}, {"Cost tagging by team", {}}, {"Rate limit", {}}});
  check_every_point(decks.score("keypoints", card,
                                "A quarantine lane for flaky tests was proposed in a retro. Cost tagging by team got suggested "
                                "too. It's in a doc. A rate limit was raised in two reviews."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "A quarantine lane for flaky tests was proposed in a retro, and we built it that sprint. Cost "
                                "tagging by team was suggested by finance. We rolled it out in May. The rate limit was raised "
                                "to 500 requests a second."),
                    true);
}

TEST_CASE("a thing scheduled again and again was never held, unless the answer says it took place", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Retrospective", {}}, {"Game day", {}}, {"Restore drill", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The retrospective was scheduled three times. I rolled back the deploy in six minutes. The "
                                "game day was rescheduled four times. Restore drill? We booked it twice, then gave up."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The retrospective was scheduled twice and finally happened in May. The game day was scheduled "
                                "for Friday and ran for two hours. The restore drill was booked once and took 40 minutes."),
                    true);
}

TEST_CASE("a thing talked about for years, or only rumoured, was not done; talked about and then built was", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Read replica", {}}, {"Chaos engineering", {}}, {"Load testing", {}}});
  check_every_point(decks.score("keypoints", card,
                                "There was talk of a read replica for the reports. We talked about chaos engineering at every "
                                "offsite. Load testing, we talk about it in every sprint planning."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "There was talk of a read replica for the reports, and we added it in March. We talked about "
                                "chaos engineering for two weeks and then ran our first game day. Load testing runs before "
                                "every release."),
                    true);
}

TEST_CASE("a thing the answer asks about itself was not done unless the reply grants it", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Change approval", {}}, {"Runbook for Kafka", {}}, {"Least privilege", {}},
                                             {"Idempotency keys", {}}, {"Distributed tracing", {}}, {"Design docs", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Change approval? Self-approved in the tool. Runbook for Kafka? Wiki page title exists, inside "
                                "is a TODO. Least privilege? Och, everybody had admin, including the intern. Idempotency keys? "
                                "We talked about it, yes. Distributed tracing? It was a little difficult for us, we grepped "
                                "logs. Design docs, what design docs? We kept it all in our heads."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Change approval? Yes, two reviewers on every change. Runbook for Kafka? We had one, rehearsed "
                                "twice a year. Least privilege? Of course, each service has its own role. Idempotency keys? "
                                "Every request. Distributed tracing? It was in every service by March. Design docs? We wrote "
                                "one per project."),
                    true);
}

TEST_CASE("a key point that says what must not happen, or what it is not, keeps its meaning", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Don't change field types", {}}, {"Specific behaviour, not personality", {}},
                                             {"Readers do not block writers", {}}, {"Bounded queues instead of unbounded buffers", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We changed the field types in place. I told him his personality was the problem and his "
                                "behaviour had to change. Here readers block writers all the time. We used unbounded buffers "
                                "everywhere."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We never change field types; we add new fields. I named the specific behaviour I had seen in "
                                "two reviews. Readers don't block writers, since each query reads its own snapshot. Bounded "
                                "queues between the stages reject work when they are full."),
                    true);
}

TEST_CASE("what was so in principle or by the official policy, and otherwise in practice, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"On-call rotation", {}}, {"Blameless postmortems", {}}, {"B-tree index", {}}});
  check_every_point(decks.score("keypoints", card,
                                "There was, in principle, an on-call rotation; in practice, it was whoever was awake. Blameless "
                                "postmortems was the official policy. In practice, the first question was who pressed the button."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "In theory a B-tree index lookup costs a few disk reads; in practice the top levels are cached. "
                                "The on-call rotation had six of us, a week each. Blameless postmortems were the official "
                                "policy, and we held one after every outage."),
                    true);
}

TEST_CASE("a document that held only the marker of an unwritten page was never written", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Kafka runbook", {}}, {"Threat model", {}}, {"Design doc", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The Kafka runbook was a Confluence page that said \"TODO: write this\". Our threat model was a "
                                "document with a title and the word TODO under it. Design doc? Most of it says TBD."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The Kafka runbook was a Confluence page with every step, rehearsed twice. We kept a todo list "
                                "from the threat model and closed it item by item. We did write a design doc; the rollout "
                                "section just said TBD until launch week."),
                    true);
}

TEST_CASE("a thing someone is still thinking about was not done; a job still running was", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Reserved instances", {}}, {"Dependency audit", {}}, {"API versioning strategy", {}},
                                             {"Load test", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The reserved instances I recommended, finance still thinking. A dependency audit was "
                                "pencilled in for March, and I believe it's still pencilled in somewhere. We're probably "
                                "still thinking about the API versioning strategy."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The reserved instances I recommended cut the bill by a third. The dependency audit found "
                                "four abandoned libraries. Our API versioning strategy puts the major version in the path. "
                                "The load test was still running when the sale started, and it found the bottleneck."),
                    true);
}

TEST_CASE("a thing put first and then asked for again and again was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Onboarding checklist", {}}, {"SLOs", {}}, {"Staging environment", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Onboarding checklist, I keep saying we need one. The SLOs were something my manager kept "
                                "bringing up in one-on-ones. Staging environment, I keep asking for it."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The onboarding checklist gets a new hire to a first deploy in two days. We defined SLOs for "
                                "checkout, and customers kept asking for more dashboards. The staging environment mirrors "
                                "production."),
                    true);
}

TEST_CASE("a thing only talked about was not done; talked about and then done was", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Chaos engineering", {}}, {"Alerting on error rate", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We only talked about chaos engineering at the offsite. Alerting on error rate was something "
                                "we only discussed in meetings."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We talked about chaos engineering at the offsite and ran the first game day in May. Alerting "
                                "on error rate was something we discussed and shipped that week."),
                    true);
}

TEST_CASE("what a sentence only wished for or planned did not happen when the next opens with \"Instead\"", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Shadow traffic test", {}}, {"Design review", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We had the idea of a shadow traffic test. Instead, we switched all traffic on Tuesday. I "
                                "would have liked a design review before we picked Mongo. Instead it was picked in a hackathon."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We had the idea of a shadow traffic test and ran it for a week. Instead of a big switch, we "
                                "moved traffic slowly. We held a design review before we picked Mongo."),
                    true);
}

TEST_CASE("a root cause analysis and an expiry are recognised in everyday words", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Root cause analysis", {}}, {"TTL-based expiry", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The next day we sat down and kept asking why the script could reach production, and traced it "
                                "back to a tool that defaults to the last context. Every cache entry receives a lifetime of "
                                "ten minutes."),
                    true);
  check_every_point(decks.score("keypoints", card,
                                "The next day we sat down and wrote the release notes. Every cache entry receives a version "
                                "number."),
                    false);
}

TEST_CASE("a thing asked for and met by an answer was refused; an answer of yes grants it", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Staging environment", {}}, {"Postmortem", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I asked for a staging environment for a year. The answer was always next quarter. The manager "
                                "asked for a postmortem; what he got was two lines in Slack."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "I asked for a staging environment and the answer was yes within a week. The manager asked for "
                                "a postmortem, and I wrote it the next day."),
                    true);
}

TEST_CASE("a proposal put off by the reply \"later\" or \"next quarter\" was not done; \"said later that day\" is a time", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Move the secrets into Vault", {}}, {"Reserved instances", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I suggested that we move the secrets into Vault. The team lead said \"later, later\". We "
                                "proposed reserved instances, and finance said wait next quarter."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "I suggested that we move the secrets into Vault, and the team lead said later that day it "
                                "was done. We proposed reserved instances, and finance signed them the next quarter."),
                    true);
}

TEST_CASE("what no one could tell was never found out; why a thing failed tells of a thing that was there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Assessed the blast radius", {}}, {"Hot partition", {}}, {"Restore tested", {}}});
  check_every_point(decks.score("keypoints", card,
                                "So we honestly cant say what the blast radius was. I can't tell you whether there was a hot "
                                "partition. Nobody knew if anyone had tested the restore."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We assessed the blast radius within the hour. I don't know why the hot partition formed. The "
                                "restore was tested every quarter."),
                    true);
}

TEST_CASE("a point that asks for a thing measured is said by that thing given in numbers", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Quantified remaining work", {}}, {"Measured customer impact", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I re-estimated the remaining tickets with the team: eleven weeks of work for eight weeks of "
                                "capacity. The customer impact was 40 thousand failed transfers over 35 minutes."),
                    true);
  check_every_point(decks.score("keypoints", card,
                                "I re-estimated the remaining tickets with the team, and it was a lot of work. In 2022 the "
                                "customers hit were many, and we could not count the failed transfers."),
                    false);
}

TEST_CASE("what one would do differently, or were one to do it again, was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Smoke test after each deploy", {}}, {"Load test", {}}, {"Feature flags", {}}});
  check_every_point(decks.score("keypoints", card,
                                "What I would do differently: a smoke test after each deploy. If I were planning it fresh, I'd "
                                "run a load test first. Were I to do it again, I would insist on feature flags."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We ran a smoke test after each deploy. The load test ran differently this time, against "
                                "production traffic. Feature flags guarded every change."),
                    true);
}

TEST_CASE("key points count in the verb or noun of their words: verify for verification, fail for failure", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Checksum verification", {}}, {"Nightly reconciliation job", {}}, {"Failure notification", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Each copy is checked: we verify the checksum of every file. A nightly job reconciles our "
                                "ledger with the bank's. When a transfer fails, we notify the owner."),
                    true);
  check_every_point(decks.score("keypoints", card, "We copied the files by hand, and nobody looked at them afterwards."), false);
}

TEST_CASE("a proposal, an offer or a wish answered with a no was not taken up", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Feature flag", {}}, {"Managed Elasticsearch", {}}, {"Gradual rollout", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I proposed a feature flag for the new ranking, and the product manager said no. The vendor "
                                "offered us managed Elasticsearch and we said no. My suggestion was a gradual rollout, region "
                                "by region. Management said no."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "I proposed a feature flag for the new ranking, and we shipped it behind one. We moved to "
                                "managed Elasticsearch. The gradual rollout went region by region, and nobody said no to it."),
                    true);
  // A question answered with a no proposed nothing.
  const ScoreResult question = decks.score("keypoints", card_with_points({{"New index on the orders table", {}}}),
                                           "I asked the DBA whether the new index on the orders table would lock it, and she said no.");
  check_every_point(question, true);
}

TEST_CASE("a thing followed by \"not really\" or \"not so much\" was not done; a thing that was not really the point was", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Follow-the-sun rotation", {}}, {"Integration tests", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The on-call pay got sorted. The follow-the-sun rotation we asked for, not so much. The "
                                "refactoring happened; the integration tests, not really."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The follow-the-sun rotation we asked for came in March. Integration tests, not really my "
                                "favourite work, run on every merge."),
                    true);
}

TEST_CASE("a thing still in progress or still being written is not done; one that was in progress then was under way", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Runbook", {}}, {"Disaster recovery plan", {}}, {"Threat model", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The runbook is still in progress. The disaster recovery plan is still being written, and "
                                "the threat model is still a draft."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The runbook was still in progress when the outage hit, so we followed its first steps. The "
                                "disaster recovery plan was written in May. The threat model covers every endpoint."),
                    true);
}

TEST_CASE("a thing only mentioned or discussed, in the passive, was not done; an outage discussed happened", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Secrets manager", {}}, {"Rate limiting", {}}, {"Outage review", {}}});
  check_every_point(decks.score("keypoints", card,
                                "A secrets manager was mentioned now and then, mostly as a joke. Rate limiting on the public "
                                "API was discussed after the first abuse incident."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "A secrets manager was discussed in the retro, and we rolled it out the next week. Rate "
                                "limiting was mentioned by the auditor, and we added it in May. The outage was discussed "
                                "at length in the outage review."),
                    true);
}

TEST_CASE("what one would have loved or liked to have was not there; liking what was there keeps it", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Capacity plan", {}}, {"Distributed tracing", {}}, {"Staging environment", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I'd have loved a proper capacity plan for Black Friday. Personally I would have loved to "
                                "have distributed tracing at that time. I would have liked a staging environment."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "I loved our capacity plan for Black Friday. The distributed tracing we had was something "
                                "everyone liked. The staging environment mirrored production."),
                    true);
}

TEST_CASE("a thing only promised was not done; promised and then got was", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Tech debt sprint", {}}, {"Disaster recovery test", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Tech debt sprints were promised every quarter, and every quarter a client deal ate them. We "
                                "promised the customer a disaster recovery test every year, but in three years it was done "
                                "zero times."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The tech debt sprint was promised, and we got it in May. We promised the customer a "
                                "disaster recovery test every year, and we ran it each spring."),
                    true);
}

TEST_CASE("a thing that got canned or ditched was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Terraform for the VPC", {}}, {"Service mesh", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The Terraform for the VPC got canned in the reorg. The service mesh was ditched after the spike."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The Terraform for the VPC replaced the clicks in the console. The service mesh took over "
                                "retries, and we ditched the retry library."),
                    true);
}

TEST_CASE("a point that asks for a remedy is not met by the trouble it names, only by the remedy", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Limit automatic retries", {}}, {"Reduce alert noise", {}}, {"Remove dead feature flags", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I added automatic retries, three per test. The alert noise was unbearable, two hundred pages "
                                "a week. Dead feature flags piled up in every service."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We capped automatic retries at one per test. I cut the alert noise in half by deleting "
                                "unactionable alerts. Every quarter we removed dead feature flags."),
                    true);
}

TEST_CASE("a denial after a list denies all its items; after a clause with a subject, only its own", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Runbooks", {}}, {"Alert routing", {}}, {"Escalation policy", {}}});
  check_every_point(decks.score("keypoints", card, "Runbooks, alert routing and an escalation policy did not exist."), false);
  check_every_point(decks.score("keypoints", card,
                                "We had runbooks for every service, we had alert routing by team, and the escalation policy "
                                "we wrote in May. Only the paging budget was missing."),
                    true);
  const ScoreResult result = decks.score("keypoints", card, "We had runbooks and alert routing, and an escalation policy was missing.");
  CHECK(finding(result, "key point: Runbooks").met);
  CHECK(finding(result, "key point: Alert routing").met);
  CHECK_FALSE(finding(result, "key point: Escalation policy").met);
}

TEST_CASE("a thing tried and then gone back from was given up; tried and stayed with was kept", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Serializable isolation", {}}, {"Service mesh", {}}, {"Trunk-based development", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Serializable isolation we tested for one week, then stayed on read committed. We piloted a "
                                "service mesh for a month, then went back to plain services. We tried trunk-based development, "
                                "but after two weeks the team went back to long-lived branches."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Serializable isolation we tested for one week and stayed with it. We piloted a service mesh "
                                "for a month, then went back to normal operations with it in place. We tried trunk-based "
                                "development and never went back."),
                    true);
}

TEST_CASE("the shorthand of chat and notes counts as the words it stands for", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Outbox row in the same transaction", {}}, {"Staging environment per service", {}}});
  check_every_point(decks.score("keypoints", card,
                                "we write the outbox row in the same tx as the payment. every svc gets its own staging env."),
                    true);
  check_every_point(decks.score("keypoints", card, "we write the payment first and publish after. staging is shared."), false);
}

TEST_CASE("a thing left for phase two or a later release was not done; one left for later and then added was", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Exponential backoff", {}}, {"Cache warming", {}}, {"Cache invalidation", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Exponential backoff, cache warming and cache invalidation were mentioned now and then, but "
                                "we left them for phase two."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The exponential backoff, however, was something we had left for phase two. We left cache "
                                "warming for v2. The cache invalidation on price change, that part we leave for the next "
                                "release."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The exponential backoff we left for later, and added it the week after. Cache warming runs "
                                "after every deploy. We left the office at six, and the cache invalidation ran on every price "
                                "change."),
                    true);
}

TEST_CASE("a thing closed as won't fix was not done, whether or not a ticket is named", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Pagination of the export", {}}, {"On-call handbook", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The pagination of the export was estimated, prioritised and finally closed as \"won't fix\". "
                                "The on-call handbook was carried over and eventually closed as obsolete."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The pagination of the export shipped in May, and the bug about it was closed as fixed. The "
                                "on-call handbook is read by every new hire."),
                    true);
}

TEST_CASE("a thing assumed to be there and met by a flat \"It wasn't.\" was not there; \"It didn't.\" denies what it did", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Network segmentation", {}}, {"Canary", {}}});
  check_every_point(decks.score("keypoints", card, "The assessor assumed network segmentation was there. It wasn't."), false);
  const ScoreResult canary = decks.score("keypoints", card, "We expected the canary to catch it. It didn't. The network segmentation held.");
  CHECK(finding(canary, "key point: Canary").met);
  CHECK(finding(canary, "key point: Network segmentation").met);
}

TEST_CASE("a proposal after which things stayed on the old way was not taken up; stayed with it, it was", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Moving to Kubernetes", {}}, {"Blue-green deployment", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I pitched moving to Kubernetes, and the senior engineer was right that we had four services, "
                                "so we stayed on plain EC2. The blue-green deployment I pitched was too expensive, so we stuck "
                                "with the in-place rolling deploy."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "I pitched moving to Kubernetes, and after the pilot we stayed with it. The blue-green "
                                "deployment I pitched went live in May, so we stuck with it."),
                    true);
}

TEST_CASE("a thing meant but slipped, still needed or on a to-do list was not done; a chore still done by hand was", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Queue alerting", {}}, {"Postmortem", {}}, {"Dead letter queue", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We meant to add queue alerting, but it slipped. The postmortem is on my to-do list. A dead "
                                "letter queue is something we still need to add."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We added queue alerting in May. The postmortem went out two days later. We still have to "
                                "replay the dead letter queue by hand every week."),
                    true);
}

TEST_CASE("another team's work is not the speaker's; what the speaker took up from it is", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Secret scanning", {}}, {"Contract tests", {}}, {"Lifecycle rules", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Another business unit had rolled out secret scanning with gitleaks. Contract tests were "
                                "something the payments team had adopted on their side; we relied on manual testing. S3 "
                                "lifecycle rules, someone from the data team did those on their buckets."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Another business unit had rolled out secret scanning, and we adopted it in our pipelines too. "
                                "The payments team helped us write contract tests for our own consumers. I worked with the "
                                "data team on their lifecycle rules for our buckets."),
                    true);
  check_every_point(decks.score("keypoints", card,
                                "Secret scanning was something the security team ran on their side; ours was still on the "
                                "roadmap, so I set it up in our pipeline. Contract tests were something the payments team "
                                "had on their side, and we adopted them in May. S3 lifecycle rules, the data team did those "
                                "on their buckets, and I wrote ours the same week."),
                    true);
}

TEST_CASE("a thing named as the goal or the plan and then denied after \"but\" was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Canary releases", {}}, {"Sharding", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Canary releases were the original plan, but we never got there. Sharding was the long-term "
                                "goal, but the DBA said no."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Canary releases were the plan, and we shipped the first one in May. Sharding was the goal, "
                                "but first we had to fix the schema; we sharded by customer in June."),
                    true);
}

TEST_CASE("a practice that lapsed and an idea that died were not kept; one still running was", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Weekly alert review", {}}, {"Blameless postmortems", {}}, {"Spot instances", {}}});
  check_every_point(decks.score("keypoints", card,
                                "A weekly alert review we did two times, then it fell asleep. We held blameless postmortems for "
                                "a month and then they fizzled out. We looked at moving batch jobs onto spot instances, but the "
                                "jobs weren't restartable, so that idea died."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The weekly alert review has run every Monday for two years. We hold blameless postmortems "
                                "after every SEV2. The batch jobs run on spot instances; when a node died, the job restarted."),
                    true);
}

TEST_CASE("a thing on the table, or scoped, and then denied or cut down after \"but\" was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Load shedding", {}}, {"Data reconciliation", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Load shedding was on the table, but nobody owned it. A data reconciliation was scoped, but "
                                "owing to the deadline it was reduced to a sign-off on sample reports."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Load shedding was on the table, and we shipped it in May. The data reconciliation was scoped "
                                "to two tables, but it found 40 mismatched rows."),
                    true);
}

TEST_CASE("a thing nobody found the time to make, or left sitting in a drafts folder, was not made", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Code style guide", {}}, {"Service mesh", {}}, {"Onboarding doc", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The juniors were asking for a code style guide, but we never found the time to write it. We "
                                "wrote a proposal for a service mesh. I think it is still sitting in somebody's Google Drive. "
                                "The onboarding doc I kept promising her is still sitting in my drafts."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "We never found the time to argue about formatting once the code style guide was in the repo. "
                                "The service mesh has carried all traffic since May. The onboarding doc sat in the wiki, and "
                                "every new hire used it in their first week."),
                    true);
}

TEST_CASE("a thing talked out of, shipped without, not called done or never spoken of again was not done", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Feature flag", {}}, {"Infrastructure as code", {}}, {"Service level agreement", {}},
                                             {"Tech debt Fridays", {}}, {"Canary release", {}}});
  check_every_point(decks.score("keypoints", card,
                                "My manager proposed a feature flag for the new checkout flow, and I talked him out of it. We "
                                "picked a tool for infrastructure as code, but I would not call it done. The partner promised "
                                "a service level agreement, and the contract was signed without it. Tech debt Fridays, that was "
                                "the plan, and then it was never spoken of again. A canary release was something we'd talked "
                                "about for months but never got around to."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The feature flag saved us: without it, I think the database dies. All our servers are "
                                "infrastructure as code, and I would call it done. The service level agreement, signed in May, "
                                "pays us credits. Tech debt Fridays run every month. The canary release was something we'd "
                                "talked about for months, and we shipped it in June."),
                    true);
}

TEST_CASE("a thing said to be not, left a slide in a deck, in the plans, or taken back after approval was not there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Alerting on replication lag", {}}, {"Secrets manager", {}}, {"Distributed tracing", {}},
                                             {"Interview rubric", {}}, {"Dedicated SRE hire", {}}, {"Platform team", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Monitoring was there. Alerting on the replication lag was not, so nobody saw it. The secrets "
                                "manager was basically a slide in the architecture deck. Distributed tracing was in the plans of "
                                "the infrastructure group for two years. I put forward an interview rubric; my director said "
                                "great idea, and that was the last anyone heard of it. A dedicated SRE hire was approved in "
                                "January, then the position was frozen in March. I drafted a proposal for a platform team, and "
                                "it remained a very popular document."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The lag dashboard was off, the alerting on replication lag was not. The secrets manager was a slide in the "
                                "deck, and we rolled it out in May. Distributed tracing covers all our services. The interview "
                                "rubric was approved in January, then we used it in every loop. A dedicated SRE hire joined in "
                                "March. The platform team runs the clusters."),
                    true);
}

TEST_CASE("a plan that remained talk, never ran, or left things where they were was not carried out", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Flyway migrations", {}}, {"Game day", {}}, {"Sessions in Redis", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We talked about Flyway migrations many times, but it remained talk. We booked a game day, but "
                                "the outage came first, so it never ran. There was a plan to move the sessions into Redis. Then "
                                "the lead left, and the sessions stayed where they were."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Flyway migrations run on every deploy; the talk remained friendly. The game day ran in May. "
                                "There was a plan to move the sessions into Redis, and we did it in June."),
                    true);
}

TEST_CASE("\"zero-\" joined to a word names a property that was there; \"zero\" before a noun denies it", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Zero-downtime reindex with alias swap", {}}, {"Zero-trust network", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We did a zero-downtime reindex with an alias swap every night. The office runs a zero-trust "
                                "network."),
                    true);
  check_every_point(decks.score("keypoints", card,
                                "A full reindex with an alias swap, which the ads team does for their own index, we never had. "
                                "A zero-trust network was on the roadmap for two years."),
                    false);
  const CardContent outage = card_with_points({{"Downtime during the migration", {}}});
  check_every_point(decks.score("keypoints", outage, "We had zero downtime during the migration."), false);
}

TEST_CASE("a thing put first and then never profiled, traced or tuned was not looked into", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Per-message processing time", {}}, {"Connection pool settings", {}}});
  check_every_point(decks.score("keypoints", card,
                                "Per-message processing time I never actually profiled either. The connection pool settings we "
                                "never tuned."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "Per-message processing time I profiled first: 40 ms in the JSON parser. The connection pool "
                                "settings we tuned to 20 per pod."),
                    true);
}

TEST_CASE("a limit set to infinite, a thing dropped in favour of another, and a notice that never went out were not there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Connection timeout", {}}, {"Take-home exercise", {}}, {"Deprecation notice", {}}});
  check_every_point(decks.score("keypoints", card,
                                "The connection timeout was set to infinite. The take-home exercise was dropped in favour of "
                                "live coding. The deprecation notice, it basically never went out."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "The connection timeout was set to two seconds. The take-home exercise replaced live coding. The "
                                "deprecation notice went out in May."),
                    true);
}

TEST_CASE("a pronoun's denial reaches a thing named at the start of a long sentence", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Game day", {}}});
  check_every_point(decks.score("keypoints", card,
                                "I'd organised a game day for the team, booked the room and everything, and then the outage "
                                "happened for real the day before, so it never ran."),
                    false);
  check_every_point(decks.score("keypoints", card,
                                "I'd organised a game day for the team, booked the room and everything, and then the outage "
                                "happened for real the day before, so it ran as a real drill."),
                    true);
}

TEST_CASE("a thing almost skipped, never needed but ready, or the reason things went well was there", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Schema review", {}}, {"Rollback script", {}}, {"Point-in-time recovery", {}}});
  check_every_point(decks.score("keypoints", card,
                                "We almost skipped the schema review because we were behind. We never needed the rollback "
                                "script, but it was ready and tested. The only reason it wasn't a disaster is that "
                                "point-in-time recovery was turned on."),
                    true);
  check_every_point(decks.score("keypoints", card,
                                "We skipped the schema review because we were behind. We never had a rollback script, but it "
                                "would have been nice. Point-in-time recovery was not turned on."),
                    false);
}

TEST_CASE("a document or estimate made for a proposal that was turned down was made all the same", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Design document", {}}, {"Event sourcing", {}}, {"Cost calculation", {}}});
  const ScoreResult result = decks.score("keypoints", card,
                                         "I wrote a design document for event sourcing, very detailed, but the architecture board "
                                         "rejected it. My lead wanted a read replica, and I prepared the cost calculation, but the "
                                         "budget was not approved.");
  CHECK(finding(result, "key point: Design document").met);
  CHECK_FALSE(finding(result, "key point: Event sourcing").met);
  CHECK(finding(result, "key point: Cost calculation").met);
}

TEST_CASE("a thing that came up in a meeting and was not taken up after was not done; the meeting was held", "[scorers]") {
  BundledDecks decks;
  const CardContent card = card_with_points({{"Chaos testing", {}}, {"Retro", {}}});
  const ScoreResult nodded = decks.score("keypoints", card, "Chaos testing came up in the retro. Everyone nodded. Moved on to the next item.");
  CHECK_FALSE(finding(nodded, "key point: Chaos testing").met);
  CHECK(finding(nodded, "key point: Retro").met);
  check_every_point(decks.score("keypoints", card, "Chaos testing came up in the retro, and we ran the first experiment that week."), true);
}
