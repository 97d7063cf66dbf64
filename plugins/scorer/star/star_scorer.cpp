// The `star` scorer: the STAR rubric for behavioural answers (questions with themes, and the
// user's own story cards). See rubric.h for the criteria and their weights, star_parts.h for how
// the parts of an answer are told apart.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "rehearse/plugin.h"
#include "rehearse/text.h"
#include "rubric.h"
#include "star_parts.h"

namespace star {

namespace {

using rehearse::OptionSpec;
using rehearse::OptionType;

OptionSpec integer_option(const char* name, const char* default_value, const char* help, double min, double max) {
  OptionSpec spec;
  spec.name = name;
  spec.type = OptionType::integer;
  spec.default_value = default_value;
  spec.help = help;
  spec.min = min;
  spec.max = max;
  return spec;
}

// A capped answer fails, but not all failures are equal: scores up to kCapKnee below the cap
// stand, and those above are squeezed into the last kCapKnee points under it rather than cut
// there, so a better answer still scores higher than a weaker copy of itself (the same answer
// with its numbers or its "I" taken out), while none passes the cap.
constexpr double kCapKnee = 10;

double capped(double score, double cap) {
  const double knee = cap - kCapKnee;
  if (cap >= 100 || score <= knee) return score;
  return knee + (score - knee) * kCapKnee / (100 - knee);
}

class StarScorer final : public rehearse::Scorer {
 public:
  std::string_view name() const override { return "star"; }

  std::vector<OptionSpec> options() const override {
    return {integer_option("target_seconds", "90",
                           "how long a spoken STAR answer should take at most, in seconds (under two thirds of it is too short)",
                           15, 900),
            integer_option("words_per_minute", "150", "speaking pace used to turn words into seconds", 60, 300)};
  }

  // A STAR rubric judges a story of one's own: behavioural questions and story cards, never an
  // explanation or a design.
  bool applies_to(const rehearse::CardContent& card) const override { return rehearse::asks_for_a_story(card); }

  rehearse::ScoreResult score(const rehearse::CardContent&, const rehearse::Attempt& attempt, const rehearse::Options& options) const override {
    // One number to set: interview guides give a window such as 60-90 seconds, whose lower end is
    // about two thirds of the upper.
    LengthTarget target;
    target.max_seconds = static_cast<double>(options.get_int("target_seconds"));
    target.min_seconds = std::round(target.max_seconds * 2 / 3);
    target.words_per_minute = static_cast<double>(options.get_int("words_per_minute"));

    if (auto refused = rehearse::ungradable(attempt)) return std::move(*refused);
    const rehearse::AnswerText text(attempt.text);
    rehearse::ScoreResult result;
    const StarParts parts(text);
    double score = 0, cap = 100;
    std::vector<std::string> to_work_on;
    for (auto& check : check_answer(text, parts, attempt, target)) {
      score += check.weight * check.credit;
      cap = std::min(cap, check.cap);
      if (!check.finding.met) to_work_on.push_back(check.finding.criterion);
      result.findings.push_back(std::move(check.finding));
    }
    result.score = capped(std::clamp(score, 0.0, 100.0), cap);
    for (const auto& unit : parts.units()) {
      const auto& first = text.words()[static_cast<std::size_t>(unit.first_word)];
      const auto& last = text.words()[static_cast<std::size_t>(unit.end_word - 1)];
      result.parts.push_back(rehearse::AnswerPart{std::string(part_name(unit.part)), text.text().substr(first.begin, last.end - first.begin),
                                                  first.begin, last.end});
    }
    result.suggestion = rehearse::rating_for_score(*result.score);
    const std::size_t met = result.findings.size() - to_work_on.size();
    if (to_work_on.empty()) {
      result.summary = fmt::format("A strong STAR answer: all {} criteria met.", result.findings.size());
    } else {
      std::string list;
      for (const auto& item : to_work_on) list += (list.empty() ? "" : ", ") + item;
      result.summary = fmt::format("STAR: {} of {} criteria met; work on: {}.", met, result.findings.size(), list);
    }
    return result;
  }
};

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<StarScorer>()); }

}  // namespace

}  // namespace star

REHEARSE_PLUGIN("star", "1.0.0", "scorer", "Checks a behavioural answer against the STAR rubric: parts, ownership, numbers, length",
                star::register_components)
