// The fixed cards every scorer input is scored against, and what a scorer's result must satisfy
// whatever the answer. Shared by the scorer fuzzer (scorer_fuzzer.cpp) and the test that replays
// its corpus (tests/fuzz_corpus_test.cpp), so that both judge an input the same way.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/card.h"
#include "rehearse/scorer.h"

namespace rehearse::fuzz {

// One card of each shape the scorers treat differently: a behavioural question with key points
// and pitfalls (keypoints, star), a design question (technical's design rubric), a comparison
// with key points (technical's explain rubric, keypoints), a story card (star) and a
// key-point card with only a model answer (keypoints' model-answer terms).
inline std::vector<CardContent> scorer_cards() {
  std::vector<CardContent> cards;

  CardContent behavioural;
  behavioural.uid = "production-outage";
  behavioural.type = QuestionType::behavioural;
  behavioural.prompt = "Tell me about a time you handled a production outage";
  behavioural.answer = "S: the service, its traffic, what users saw.\nT: your role.\nA: mitigate first, then find the cause.\nR: time to recover.";
  behavioural.themes = {"incident", "reliability"};
  behavioural.key_points = {{"Mitigate first, root cause second", {"rollback", "restore service", "stop the bleeding"}},
                            {"Use data to find the cause", {"metrics", "dashboards", "traces", "logs"}},
                            {"Keep stakeholders updated on a cadence", {"status updates", "incident channel"}},
                            {"Quantify impact and recovery time", {"MTTR", "minutes", "error rate"}},
                            {"No rollback plan", {}},
                            {"Blameless postmortem with follow-up actions", {"postmortem", "action items"}}};
  behavioural.pitfalls = {"Blaming the person or team whose change broke it | blamed, their fault",
                          "A hero story with no prevention afterwards", "Saying \"we\" for everything",
                          "Leaving out the customer or business impact"};
  cards.push_back(behavioural);

  CardContent design;
  design.uid = "url-shortener";
  design.type = QuestionType::design;
  design.prompt = "How would you design a URL shortener?";
  design.answer = "Requirements, a scale estimate, the write and read paths, the data model, the bottlenecks and tradeoffs.";
  cards.push_back(design);

  CardContent technical;
  technical.uid = "idempotency-payments";
  technical.type = QuestionType::technical;
  technical.prompt = "Idempotency keys or exactly-once delivery: how does each work for a payment API?";
  technical.key_points = {{"Repeating has the same effect as once", {"same effect", "safe to retry"}},
                          {"Idempotency key", {"dedupe key", "request id"}}};
  technical.pitfalls = {"Claiming exactly-once delivery"};
  cards.push_back(technical);

  CardContent story;
  story.uid = "story-production-incident";
  story.kind = CardKind::story;
  story.prompt = "Production incident I led";
  story.themes = {"incident", "ownership"};
  story.story.situation = "Our payments API started timing out during a regional failover.";
  story.story.task = "As on-call lead I owned mitigation.";
  story.story.actions = {"I rolled back the deploy.", "I posted updates every 20 minutes."};
  story.story.result = "Errors back under 0.5% within 12 minutes.";
  story.story.lesson = "I now load test failover paths.";
  cards.push_back(story);

  CardContent keypoint;
  keypoint.uid = "idempotency";
  keypoint.kind = CardKind::keypoint;
  keypoint.prompt = "Idempotency";
  keypoint.answer =
      "An operation is idempotent if doing it several times has the same effect as doing it once.\n"
      "Use when: anything that can be retried.\nTradeoff: needs storage for deduplication.";
  cards.push_back(keypoint);

  return cards;
}

// The attempts made of one input: as typed, and as if spoken, with the duration taken from the
// first byte (0-255 s: from nothing through the 60-90 s band to far too long).
inline std::vector<Attempt> scorer_attempts(const std::string& text) {
  std::vector<Attempt> attempts;
  attempts.push_back(Attempt{text, 0, std::nullopt});
  const double first = text.empty() ? 0.0 : static_cast<double>(static_cast<unsigned char>(text.front()));
  attempts.push_back(Attempt{text, first, first});
  return attempts;
}

// What a scorer's result must be whatever the answer: a score, when given, within 0-100; a rating,
// when given, one of the four; advice only for what was not met; every part a stretch of the
// answer, [begin, end) within it, with its text. Returns what is wrong, one line each.
inline std::vector<std::string> result_violations(const ScoreResult& result, std::string_view text) {
  std::vector<std::string> wrong;
  if (result.score && (std::isnan(*result.score) || *result.score < 0 || *result.score > 100))
    wrong.push_back("score out of 0-100: " + std::to_string(*result.score));
  if (result.suggestion && (static_cast<int>(*result.suggestion) < 1 || static_cast<int>(*result.suggestion) > 4))
    wrong.push_back("rating out of 1-4: " + std::to_string(static_cast<int>(*result.suggestion)));
  for (const auto& finding : result.findings)
    if (finding.met && !finding.advice.empty())
      wrong.push_back("finding '" + finding.criterion + "' is met but gives advice: " + finding.advice);
  for (const auto& part : result.parts) {
    const std::string where = "part '" + part.part + "' [" + std::to_string(part.begin) + ", " + std::to_string(part.end) + ")";
    if (part.begin > part.end || part.end > text.size())
      wrong.push_back(where + " is not within the answer of " + std::to_string(text.size()) + " bytes");
    else if (part.text != text.substr(part.begin, part.end - part.begin))
      wrong.push_back(where + " has text other than the answer's there: '" + part.text + "'");
  }
  return wrong;
}

}  // namespace rehearse::fuzz
