// The `technical` scorer: answers that explain or compare a concept are graded on a definition,
// when to use it, its tradeoff and an example; system designs on requirements, a scale estimate,
// components, a data model, bottlenecks and tradeoffs. A short correct answer is a good answer:
// there is no length criterion and no story is expected.
#include <fmt/format.h>

#include <random>

#include "rehearse/review_session.h"
#include "test_support.h"

using namespace rehearse;

namespace {

// An engine with the built plugins, and the technical scorer from its registry.
struct Technical {
  test::TempDir dir;
  std::unique_ptr<Engine> engine = test::make_engine(dir);
  const Scorer* scorer = engine->registry().scorer("technical");

  Technical() { REQUIRE(scorer != nullptr); }

  static CardContent question(const std::string& prompt) {
    CardContent card;
    card.kind = CardKind::question;
    card.prompt = prompt;
    return card;
  }

  // Scores `answer` to `prompt` through the engine, as a review would.
  ScoreResult score(const std::string& prompt, const std::string& answer) const {
    return test::score_with(*engine, "technical", question(prompt), answer);
  }
};

using test::finding;

// A finding either shows where the answer meets it, or says what to add: never both, never neither.
void check_consistent(const ScoreResult& result, const std::string& answer) {
  for (const auto& f : result.findings) {
    INFO(f.criterion);
    if (f.met) {
      CHECK_FALSE(f.evidence.empty());
      CHECK(f.advice.empty());
      // The evidence quotes the answer (white space folded, possibly cut with "...").
      const std::string start = f.evidence.substr(0, std::min<std::size_t>(12, f.evidence.find("...")));
      CHECK_THAT(answer, Catch::Contains(start));
    } else {
      CHECK(f.evidence.empty());
      CHECK_FALSE(f.advice.empty());
    }
  }
}

const std::string kUrlShortener = "How would you design a URL shortener?";

const std::string kUrlDesign =
    "I'd clarify the requirements first: shorten a long URL, redirect quickly, and links never expire by default. "
    "Assume 100 million new links a month and 10 reads per write, so about 400 redirects per second on average. "
    "Clients hit stateless API servers behind a load balancer, with Redis as a cache in front of a key-value database. "
    "Each record is stored keyed by the short code, with the long URL and created_at as fields. "
    "The database becomes the bottleneck for popular links, so the cache absorbs hot keys and reads go to replicas. "
    "I'd pick random base62 codes over sequential IDs because they can't be guessed, at the cost of a collision check on insert.";

const std::string kIdempotency = "What is idempotency?";

const std::string kIdempotencyDefinition = "Idempotency means that doing an operation twice has the same effect as doing it once.";

}  // namespace

TEST_CASE("a short design of a URL shortener that covers every part of a design scores full marks", "[technical]") {
  Technical technical;
  const ScoreResult result = technical.score(kUrlShortener, kUrlDesign);
  CHECK(*result.score == Approx(100));
  CHECK(result.suggestion == Rating::easy);
  REQUIRE(result.findings.size() == 6);
  for (const auto* name : {"requirements", "scale estimate", "components", "data model", "bottlenecks", "tradeoffs"}) {
    INFO(name);
    CHECK(finding(result, name).met);
  }
  CHECK_THAT(finding(result, "requirements").evidence, Catch::Contains("requirements"));
  CHECK_THAT(finding(result, "scale estimate").evidence, Catch::Contains("100 million new links"));
  CHECK_THAT(finding(result, "data model").evidence, Catch::Contains("keyed by the short code"));
  CHECK_THAT(finding(result, "bottlenecks").evidence, Catch::Contains("becomes the bottleneck"));
  CHECK_THAT(result.summary, Catch::Contains("all 6 criteria met"));
  check_consistent(result, kUrlDesign);
}

TEST_CASE("a design without numbers or a tradeoff is told to add them", "[technical]") {
  Technical technical;
  const std::string answer =
      "Clients call an API service behind a load balancer, which writes each mapping to a database and keeps popular "
      "ones in a cache. The redirect path reads the cache first and falls back to the database.";
  const ScoreResult result = technical.score(kUrlShortener, answer);
  CHECK(finding(result, "components").met);
  CHECK_FALSE(finding(result, "scale estimate").met);
  CHECK_THAT(finding(result, "scale estimate").advice, Catch::Contains("requests per second"));
  CHECK_FALSE(finding(result, "tradeoffs").met);
  CHECK(*result.score < 65);
  CHECK_THAT(result.summary, Catch::Contains("add:") && Catch::Contains("scale estimate") && Catch::Contains("tradeoffs"));
  check_consistent(result, answer);
}

TEST_CASE("'What is idempotency?' answered with a definition, an example and a tradeoff", "[technical]") {
  Technical technical;
  const std::string answer = kIdempotencyDefinition +
                             " For example, a payment API stores an idempotency key with each charge, so a client that "
                             "retries after a timeout gets the first result back instead of a second charge. The cost is "
                             "that the server must keep those keys, say for 24 hours, and serialise two requests that "
                             "carry the same key.";
  const ScoreResult result = technical.score(kIdempotency, answer);
  REQUIRE(result.findings.size() == 4);
  CHECK(finding(result, "definition").met);
  CHECK_THAT(finding(result, "definition").evidence, Catch::Contains("Idempotency means"));
  CHECK(finding(result, "example").met);
  CHECK_THAT(finding(result, "example").evidence, Catch::Contains("For example"));
  CHECK(finding(result, "tradeoff").met);
  CHECK_THAT(finding(result, "tradeoff").evidence, Catch::Contains("The cost is"));
  // Nothing says when to use it: 35 + 25 + 20 of 100, and the advice says what to add.
  CHECK_FALSE(finding(result, "when to use it").met);
  CHECK_THAT(finding(result, "when to use it").advice, Catch::Contains("when you would reach for it"));
  CHECK(*result.score == Approx(80));
  CHECK(result.suggestion == Rating::good);
  check_consistent(result, answer);
}

TEST_CASE("a definition may open with a lead-in, spell out an acronym between commas, or say what to think of it as", "[technical]") {
  Technical t;
  for (const std::string& answer :
       {std::string("At its core a materialised view is a query whose result the database stores as a table."),
        std::string("MVCC, multi-version concurrency control, means the database keeps several versions of a row."),
        std::string("Think of the write-ahead log as a diary the database appends every change to before touching its pages.")}) {
    INFO(answer);
    const std::string question = answer.find("MVCC") != std::string::npos   ? "What is MVCC?"
                                 : answer.find("view") != std::string::npos ? "What is a materialised view?"
                                                                            : "What is a write-ahead log?";
    const ScoreResult result = t.score(question, answer);
    CHECK(finding(result, "definition").met);
    check_consistent(result, answer);
  }
}

TEST_CASE("a definition may say what the thing does (\"it wraps calls\"), and \"a bit array\" is a thing, not a hedge", "[technical]") {
  Technical t;
  const std::string breaker = "- it wraps calls to a dependency and counts failures\n- after N failures it opens and calls fail fast";
  CHECK(finding(t.score("Explain the circuit breaker pattern.", breaker), "definition").met);
  const std::string bloom = "A Bloom filter is a bit array plus a handful of hash functions: a key sets the bits it hashes to.";
  CHECK(finding(t.score("What is a Bloom filter?", bloom), "definition").met);
  // Hedges and verbs that say nothing still define nothing.
  CHECK_FALSE(finding(t.score("What is a Bloom filter?", "A Bloom filter is a bit slower than a hash set, and it depends on the data."),
                      "definition").met);
  CHECK_FALSE(finding(t.score("Explain the circuit breaker pattern.", "It depends on the library and the team you are in."),
                      "definition").met);
}

TEST_CASE("a small count in a design is not a scale estimate, and the designer's own chores are not requirements", "[technical]") {
  Technical t;
  const std::string answer =
      "If each redemption reads the count and writes it back, two requests can both see one coupon left. "
      "I'd use an atomic decrement in Redis, but then you have to reconcile against the database afterwards.";
  const ScoreResult result = t.score("Design a coupon redemption system for a flash sale.", answer);
  CHECK_FALSE(finding(result, "scale estimate").met);
  CHECK_FALSE(finding(result, "requirements").met);
  // Said as figures and as what the system must do, both count.
  const ScoreResult sized = t.score("Design a coupon redemption system for a flash sale.",
                                    "Redemptions must never exceed the stock. Expect 50,000 requests per second in the first minute.");
  CHECK(finding(sized, "scale estimate").met);
  CHECK(finding(sized, "requirements").met);
}

TEST_CASE("a short, correct explanation is not marked down for its length or for lacking a story", "[technical]") {
  Technical technical;
  const std::string answer =
      "A Bloom filter is a compact bit array that answers \"definitely not present\" or \"maybe present\". Use it when a "
      "miss is expensive, e.g. skipping disk reads for keys that aren't there; the catch is false positives.";
  const ScoreResult result = technical.score("What is a Bloom filter?", answer);
  CHECK(*result.score == Approx(100));
  CHECK(result.suggestion == Rating::easy);
  check_consistent(result, answer);
}

TEST_CASE("a tradeoff the answer denies is not credited", "[technical]") {
  Technical technical;
  const ScoreResult denied =
      technical.score(kIdempotency, kIdempotencyDefinition + " There is no tradeoff and no real downside: make every endpoint idempotent.");
  CHECK_FALSE(finding(denied, "tradeoff").met);
  CHECK(finding(denied, "tradeoff").evidence.empty());
  CHECK_FALSE(finding(denied, "tradeoff").advice.empty());

  const ScoreResult named =
      technical.score(kIdempotency, kIdempotencyDefinition + " The downside is that the server has to store every key it has seen.");
  CHECK(finding(named, "tradeoff").met);
  CHECK_THAT(finding(named, "tradeoff").evidence, Catch::Contains("The downside is"));
}

TEST_CASE("a story about using the concept is not a definition of it", "[technical]") {
  Technical technical;
  const std::string answer =
      "At my last company we moved to event sourcing for the orders team. It took about six months and a lot of people "
      "were involved, and in the end support were happier with it.";
  const ScoreResult result = technical.score("What is event sourcing?", answer);
  CHECK_FALSE(finding(result, "definition").met);
  CHECK(finding(result, "example").met);
  CHECK(*result.score < 40);
  check_consistent(result, answer);
}

TEST_CASE("an answer of a few words, or of the question's own words, scores 0 and says why", "[technical]") {
  Technical technical;
  const ScoreResult short_answer = technical.score(kIdempotency, "Retries are safe.");
  CHECK(*short_answer.score == Approx(0));
  CHECK(short_answer.suggestion == Rating::again);
  CHECK_THAT(short_answer.summary, Catch::Contains("Too short"));
  check_consistent(short_answer, "Retries are safe.");

  const ScoreResult echo = technical.score("What is a write-ahead log?", "A write-ahead log is a write-ahead log, a log that is written ahead.");
  CHECK(*echo.score == Approx(0));
  CHECK_THAT(echo.summary, Catch::Contains("only repeats the question"));
}

TEST_CASE("each sentence of the answer is one part, labelled with what it shows, at its place in the answer", "[technical]") {
  Technical technical;
  const std::string answer =
      "A Bloom filter is a compact bit array that answers whether a key might be in a set.\n"
      "Use it when a miss is expensive, such as a lookup on disk.\n"
      "The catch is false positives, and you cannot delete from it.\n"
      "I read about it last week.";
  const ScoreResult result = technical.score("What is a Bloom filter?", answer);
  REQUIRE(result.parts.size() == 4);
  CHECK(result.parts[0].part == "definition");
  CHECK(result.parts[1].part == "when to use it");
  CHECK(result.parts[2].part == "tradeoff");
  CHECK(result.parts[3].part == "other");
  for (const auto& part : result.parts) {
    INFO(part.text);
    REQUIRE(part.begin < part.end);
    REQUIRE(part.end <= answer.size());
    CHECK(answer.substr(part.begin, part.end - part.begin) == part.text);
  }
  CHECK(result.parts[3].text == "I read about it last week");
}

TEST_CASE("the technical scorer grades explanations and designs, never behavioural questions or stories", "[technical]") {
  Technical technical;
  CHECK(technical.scorer->applies_to(Technical::question(kIdempotency)));
  CHECK(technical.scorer->applies_to(Technical::question("Kafka or RabbitMQ: how do they differ?")));
  CHECK(technical.scorer->applies_to(Technical::question(kUrlShortener)));
  CHECK_FALSE(technical.scorer->applies_to(Technical::question("Tell me about a time you handled a production outage.")));
  CardContent typed = Technical::question("Caching");
  typed.type = QuestionType::behavioural;
  CHECK_FALSE(technical.scorer->applies_to(typed));
  typed.type = QuestionType::ask;
  CHECK_FALSE(technical.scorer->applies_to(typed));
  CardContent story;
  story.kind = CardKind::story;
  story.prompt = "Production incident I led";
  CHECK_FALSE(technical.scorer->applies_to(story));

  // In a review the engine skips it for a behavioural question.
  const CombinedScore combined = score_answer(*technical.engine, {technical.scorer},
                                              Technical::question("Tell me about a time you disagreed with your manager."),
                                              Attempt{"I disagreed with my manager about a release date and we settled it with data.", 0, {}});
  CHECK(combined.parts.empty());
  CHECK(combined.errors.empty());
}

TEST_CASE("empty, 50,000-word and binary-garbage answers return a result without crashing", "[technical]") {
  Technical technical;
  for (const auto& prompt : {kIdempotency, kUrlShortener}) {
    INFO(prompt);
    const ScoreResult empty = technical.score(prompt, "");
    CHECK(*empty.score == Approx(0));
    CHECK_THAT(empty.summary, Catch::Contains("empty"));
    CHECK(empty.parts.empty());

    std::string huge;
    const std::string sentence = "Idempotency means a retry has no extra effect, for example a second charge is refused, but keys cost storage. ";
    while (std::count(huge.begin(), huge.end(), ' ') < 50000) huge += sentence;
    const ScoreResult big = technical.score(prompt, huge);
    CHECK(*big.score >= 0);
    CHECK(*big.score <= 100);
    CHECK(big.parts.size() > 1000);

    std::mt19937 random(42);
    std::string garbage(20000, '\0');
    for (auto& c : garbage) c = static_cast<char>(random() & 0xFF);
    const ScoreResult binary = technical.score(prompt, garbage);
    CHECK(*binary.score >= 0);
    CHECK(*binary.score <= 100);
    for (const auto& part : binary.parts) CHECK(part.end <= garbage.size());
  }
}
