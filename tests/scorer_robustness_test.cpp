// Answers no deck author foresees: nothing at all, 50,000 words, binary garbage, and paragraphs in
// other languages, through each scorer of the default chain (keypoints, star, technical) as the
// engine runs it. Each must come back with a result that keeps the scorer invariants
// (fuzz/scorer_cases.h) or with an error that names the scorer: never a crash, never a hang. The
// scorer fuzzer (tests/fuzz/scorer_fuzzer.cpp) tries many more inputs; this is the part of it the
// suite always runs. Deliberately no timing assertions: a shared machine makes them flaky.
#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "fuzz/scorer_cases.h"
#include "rehearse/errors.h"
#include "rehearse/review_session.h"
#include "test_support.h"

using namespace rehearse;

namespace {

// About 50,000 words of answer-like text, varied enough to keep every rule busy: numbers, "I" and
// "we", negations, cue phrases, list markers, key-point words and blame, in long and short lines.
std::string fifty_thousand_words() {
  static const char* const sentences[] = {
      "At my last company our payments API started timing out during the evening peak.",
      "As the on-call lead I owned the mitigation and the root-cause fix.",
      "I rolled back the deploy first, because a rollback was faster than debugging a live system.",
      "We never ran a postmortem and there was no rollback plan.",
      "I used traces, metrics and dashboards to show that the retry loop exhausted the pool",
      "- posted status updates in the incident channel every 20 minutes",
      "Errors fell from 18% to under 0.5% within 12 minutes, and MTTR went from 90 to 15 minutes.",
      "It was their fault, honestly, the platform team blamed us.",
      "I considered failing over to another region but chose to fix the pool sizing instead.",
      "I learned to load test failure paths, not just steady state.",
      "Basically, um, you know, we kind of did a lot of stuff like that",
      "Idempotency keys, exponential backoff, jitter, circuit breakers, sagas, CQRS.",
  };
  std::mt19937 random(2026);
  std::string text;
  int words = 0;
  while (words < 50'000) {
    const std::string sentence = sentences[random() % std::size(sentences)];
    text += sentence;
    text += random() % 5 == 0 ? "\n" : " ";
    words += static_cast<int>(std::count(sentence.begin(), sentence.end(), ' ')) + 1;
  }
  return text;
}

std::string binary_garbage() {
  std::mt19937 random(7);
  std::string bytes(8192, '\0');
  for (auto& byte : bytes) byte = static_cast<char>(random() & 0xFF);
  // Truncated UTF-8 sequences at the end, where a reader looks one byte too far.
  bytes += "\xE2\x80";
  bytes += "\xC2";
  return bytes;
}

struct Input {
  std::string name;
  std::string text;
};

std::vector<Input> inputs() {
  return {
      {"an empty answer", ""},
      {"50,000 words", fifty_thousand_words()},
      {"binary garbage", binary_garbage()},
      {"a paragraph in Russian",
       "На прошлой работе наш платёжный API начал отвечать с таймаутами в вечерний пик, и около 18% заказов не проходили. "
       "Я был дежурным и отвечал за восстановление. Сначала я откатил релиз, потом по трассировкам нашёл причину: пул "
       "соединений был исчерпан. Через 12 минут ошибки упали ниже 0,5%."},
      {"a paragraph in Japanese",
       "前職では決済APIが夕方のピーク時にタイムアウトし、約18%の注文が失敗しました。私はオンコール担当として、まず一時間前の"
       "デプロイをロールバックしました。その後、トレースを使って接続プールの枯渇が原因だと突き止めました。"},
  };
}

}  // namespace

TEST_CASE("each scorer gives a result or an error naming it for empty, huge, binary and foreign answers", "[scoring][reliability]") {
  test::TempDir dir;
  auto engine = test::make_engine(dir);
  const auto cards = fuzz::scorer_cards();
  const auto answers = inputs();
  for (const char* name : {"keypoints", "star", "technical"}) {
    const Scorer* scorer = engine->registry().scorer(name);
    REQUIRE(scorer != nullptr);
    // Every card the scorer applies to, as a review runs it; and the first one it does not apply
    // to, as `rehearse score --scorer NAME` runs it.
    std::vector<std::pair<const CardContent*, bool>> runs;
    for (const auto& card : cards)
      if (scorer->applies_to(card)) runs.emplace_back(&card, true);
    REQUIRE_FALSE(runs.empty());
    for (const auto& card : cards) {
      if (scorer->applies_to(card)) continue;
      runs.emplace_back(&card, false);
      break;
    }
    for (const auto& answer : answers) {
      for (const auto& [card, applies] : runs) {
        for (const auto& attempt : fuzz::scorer_attempts(answer.text)) {
          INFO(fmt::format("{} on card {} ({}), {}", name, card->uid, applies ? "applies" : "named", answer.name));
          const CombinedScore combined = score_answer(*engine, {scorer}, *card, attempt, false);
          REQUIRE(combined.parts.size() + combined.errors.size() == 1);
          if (!combined.errors.empty()) {
            // A clear error: the engine names the scorer's plugin and says what failed.
            CHECK_THAT(combined.errors.front(), Catch::StartsWith(fmt::format("plugin '{}': ", name)));
            CHECK(combined.errors.front().size() > fmt::format("plugin '{}': ", name).size());
            continue;
          }
          const ScoreResult& result = combined.parts.front();
          CHECK(result.scorer == name);
          CHECK_FALSE(result.summary.empty());
          for (const auto& wrong : fuzz::result_violations(result, attempt.text)) FAIL_CHECK(wrong);
        }
      }
    }
  }
}

TEST_CASE("a pasted binary file gets no credit from any grading scorer, and the summary says it is not text", "[scoring][reliability]") {
  test::TempDir dir;
  auto engine = test::make_engine(dir);
  for (const char* name : {"keypoints", "star", "technical"}) {
    const Scorer* scorer = engine->registry().scorer(name);
    REQUIRE(scorer != nullptr);
    for (const auto& card : fuzz::scorer_cards()) {
      if (!scorer->applies_to(card)) continue;
      INFO(fmt::format("{} on card {}", name, card.uid));
      const CombinedScore combined = score_answer(*engine, {scorer}, card, Attempt{binary_garbage(), 60, {}}, false);
      REQUIRE(combined.parts.size() == 1);
      CHECK(combined.parts.front().score == 0.0);
      CHECK(combined.suggestion == Rating::again);
      CHECK_THAT(combined.parts.front().summary, Catch::Contains("not text"));
    }
  }
}

TEST_CASE("ungradable() refuses empty answers and binary data, never a typed answer with a stray odd byte", "[scoring]") {
  CHECK(ungradable(Attempt{"", 0, {}})->summary == "Nothing to score: the answer is empty.");
  CHECK(ungradable(Attempt{"  \n\t ... ", 0, {}}));
  CHECK_THAT(ungradable(Attempt{binary_garbage(), 0, {}})->summary, Catch::Contains("binary data"));
  CHECK_FALSE(ungradable(Attempt{"I rolled back the release.", 0, {}}));
  // Accents, typographic quotes and other scripts are text.
  CHECK_FALSE(ungradable(Attempt{"J\xE2\x80\x99" "ai annul\xC3\xA9 le d\xC3\xA9ploiement \xE2\x80\x94 caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC", 0, {}}));
  // One stray control character or mis-encoded byte in a typed paragraph is a slip, not a file.
  const std::string typed = "At my last job the checkout API timed out at peak, and I rolled the release back first. ";
  CHECK_FALSE(ungradable(Attempt{typed + "\x01" + typed + "\xE9" + typed, 0, {}}));
}
