#include "paraphrases.h"

#include <algorithm>

namespace keypoints {

namespace {

std::vector<std::string> stems_of(std::initializer_list<const char*> words) {
  std::vector<std::string> out;
  for (const char* word : words) out.push_back(rehearse::stem(word));
  return out;
}

}  // namespace

const std::vector<Paraphrase>& paraphrases() {
  static const rehearse::CueList alternatives = {
      "i|we considered|weighed|evaluated|compared|explored|debated|prototyped|benchmarked",
      "i|we looked at|into",
      "instead of",
      "rather than",
      "as opposed to",
      "in favour|favor of",
      "other|another|second|third option|options|approach|approaches|alternative|alternatives|route|idea",
      "the|an|one|two|three alternative|alternatives|options",
      "chose|picked|preferred|took|went|opted _? _? _? over",
      "ruled|rule out",
      "rejected|decided against|discarded|dropped the idea",
      "could|might have _ _?",
      "versus|vs",
  };
  static const rehearse::CueList tradeoffs = {
      "tradeoff|tradeoffs|trade off|offs",
      "the|a|one|its|their downside|downsides|drawback|drawbacks|catch|price|cons",
      "at the cost|expense|price of",
      "in exchange for",
      "pros and cons",
      "cost|costs|costing us|me|them|more|extra",
      "gave|give up",
      "more _ _? but less|slower|fewer|harder|riskier",
      "cheaper|simpler|safer|faster|slower|riskier|easier|harder but",
  };
  static const rehearse::CueList root_cause = {
      "root cause|causes",
      "caused by",
      "the cause|culprit|trigger",
      "traced|tracked|narrowed _ _? _? to|down",
      "turned out",
      "came down to",
      "was due to",
      "because of a|an|the",
  };
  static const rehearse::CueList informed = {
      "kept|keep|keeping _ _? posted|informed|updated|aligned|in the loop",
      "status update|updates|page|channel|email|emails",
      "posted|sent|gave|shared updates|update|a|an|regular|hourly",
      "every # minutes|hours",
      "updated|briefed|informed|told the|our|my _? stakeholders|leadership|support|customers|team|managers|manager|product",
  };
  static const std::vector<Paraphrase> all = {
      {"alternatives", stems_of({"alternative", "alternatives", "option", "options", "rejected", "reject", "considered", "weighed",
                                 "choice", "choices", "explain", "discuss", "mention", "compare", "other"}),
       &alternatives},
      {"tradeoffs", stems_of({"tradeoff", "tradeoffs", "trade-off", "downside", "drawback", "cost", "costs", "price", "explain",
                              "discuss", "mention", "name"}),
       &tradeoffs},
      {"root cause", stems_of({"root", "cause", "find", "identify", "identified", "found", "actual", "real", "underlying"}),
       &root_cause},
      {"stakeholders informed", stems_of({"stakeholder", "stakeholders", "communicate", "communication", "informed", "inform",
                                          "update", "updates", "updated", "keep", "status", "regular", "cadence"}),
       &informed},
  };
  return all;
}

const Paraphrase* idea_of(const rehearse::Term& term) {
  if (term.exact_phrase || term.lack || term.stems.empty()) return nullptr;
  for (const auto& idea : paraphrases()) {
    const bool all_in = std::all_of(term.stems.begin(), term.stems.end(), [&](const std::string& s) {
      return std::find(idea.stems.begin(), idea.stems.end(), s) != idea.stems.end();
    });
    // The idea's defining word must be there: "explain" alone is no idea.
    if (all_in && std::find(idea.stems.begin(), idea.stems.begin() + 1, term.stems.front()) != idea.stems.end() + 1) {
      const bool names_it = std::any_of(term.stems.begin(), term.stems.end(), [&](const std::string& s) {
        static const std::vector<std::string> generic = stems_of({"explain", "discuss", "mention", "name", "find", "identify",
                                                                  "identified", "found", "keep", "regular", "other", "actual",
                                                                  "real", "underlying"});
        return std::find(generic.begin(), generic.end(), s) == generic.end();
      });
      if (names_it) return &idea;
    }
  }
  return nullptr;
}

std::optional<rehearse::CueHit> find_idea(const Paraphrase& idea, const rehearse::AnswerIndex& index) {
  for (const auto& hit : idea.cues->find_all(index.text()))
    if (!index.negation().negated(hit.first)) return hit;
  return std::nullopt;
}

}  // namespace keypoints
