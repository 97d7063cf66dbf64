// The `technical` scorer: the rubric for answers that explain or compare a concept ("What is
// idempotency?", "Kafka or RabbitMQ?") and for system designs ("How would you design a URL
// shortener?"), the questions a STAR rubric must never grade. See rubric.h for the criteria and
// their weights, cues.h for the phrases it listens for.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "rehearse/plugin.h"
#include "rehearse/text.h"
#include "rubric.h"

namespace technical {

namespace {

class TechnicalScorer final : public rehearse::Scorer {
 public:
  std::string_view name() const override { return "technical"; }

  // Explanations, comparisons and designs; a story, a behavioural question or a question for the
  // interviewer has nothing to define or to scale.
  bool applies_to(const rehearse::CardContent& card) const override {
    const rehearse::QuestionType type = rehearse::type_of(card);
    return type == rehearse::QuestionType::technical || type == rehearse::QuestionType::design;
  }

  rehearse::ScoreResult score(const rehearse::CardContent& card, const rehearse::Attempt& attempt,
                              const rehearse::Options&) const override {
    // Run on a card it does not apply to (the user named the scorer), it grades the answer as an
    // explanation: the closer of its two rubrics to a question that is not a design.
    const bool design = rehearse::type_of(card) == rehearse::QuestionType::design;
    const Question question = Question::read(card.prompt);
    const rehearse::AnswerText text(attempt.text);
    rehearse::ScoreResult result;

    const auto refused = rehearse::ungradable(attempt);
    if (const std::string thin = refused ? refused->summary : too_thin(text, question, design); !thin.empty()) {
      const std::vector<Check> checks = unmet(design);
      for (const auto& check : checks) result.findings.push_back(check.finding);
      result.score = 0;
      result.suggestion = rehearse::rating_for_score(0);
      result.summary = thin;
      result.parts = sentence_parts(text, checks);
      return result;
    }

    const std::vector<Check> checks = design ? check_design(text, question) : check_technical(text, question);
    double score = 0;
    std::size_t met = 0;
    std::string missing;
    for (const auto& check : checks) {
      if (check.finding.met) {
        score += check.weight;
        ++met;
      } else {
        missing += (missing.empty() ? "" : ", ") + check.finding.criterion;
      }
      result.findings.push_back(check.finding);
    }
    result.score = std::clamp(score, 0.0, 100.0);
    result.suggestion = rehearse::rating_for_score(*result.score);
    const char* what = design ? "Design" : "Explanation";
    if (missing.empty())
      result.summary = fmt::format("{}: all {} criteria met.", what, checks.size());
    else
      result.summary = fmt::format("{}: {} of {} criteria met; add: {}.", what, met, checks.size(), missing);
    result.parts = sentence_parts(text, checks);
    return result;
  }
};

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<TechnicalScorer>()); }

}  // namespace

}  // namespace technical

REHEARSE_PLUGIN("technical", "1.0.0", "scorer",
                "Checks an explanation (definition, when to use it, tradeoff, example) or a system design (requirements, "
                "scale, components, data model, bottlenecks, tradeoffs)",
                technical::register_components)
