// The `keypoints` scorer: which of a card's key points the answer covers, and which of its
// pitfalls (`avoid:` lines) it falls into.
//
// A key point is covered when the words of its text, or of one of its aliases (after `|`), stand
// close together in the answer: compared by Snowball stem, in any order, forgiving a typo in a
// longer word, ignoring stop words, through a thesaurus of engineering English (rehearse/text.h);
// failing that, when most of the point's weight is said together, a term of the art weighing
// more than an everyday word (informative_match; README.md here says why). The score is the share
// of key points covered, a point partly said counting half, minus `pitfall_penalty` for each
// pitfall the answer falls into. A key-point card without key points is compared with the content words of its
// model answer instead.
//
// Pitfalls are found the same way, more strictly, and never where the answer negates them ("I
// did not blame the other team"). A pitfall that describes something missing ("No measured
// result", "Leaving out the impact") cannot be seen in words that are there, so it is not checked;
// the key points already ask for what is missing.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "paraphrases.h"
#include "rehearse/plugin.h"
#include "rehearse/text.h"

namespace keypoints {

namespace {

using rehearse::AnswerIndex;
using rehearse::AnswerText;
using rehearse::Strictness;
using rehearse::Term;
using rehearse::TermMatch;
using rehearse::CardContent;
using rehearse::CardKind;
using rehearse::Finding;
using rehearse::ScoreResult;

// A key-point card is explained well when its answer uses this share of the model answer's key
// terms; more is not needed for full marks.
constexpr double kTermsForFullMarks = 0.6;
// How many of the model answer's content words, in order of appearance, are its key terms: the
// definition comes first, the details after it.
constexpr std::size_t kKeyTerms = 12;
// The softer coverage rule (informative_match): what a term of the art weighs against an ordinary
// word, and the share of a point's weight an answer must say.
constexpr double kTechnicalWeight = 2.0;
constexpr double kInformativeShare = 2.0 / 3.0;
constexpr double kLightWeight = 0.5;

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

struct Pitfall {
  std::string text;
  std::vector<Term> variants;
};

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

// The text between the first pair of quotes ("..." or \u201C...\u201D), or nothing.
std::string quoted_phrase(std::string_view text) {
  for (auto [left, right] : {std::pair<std::string_view, std::string_view>{"\"", "\""}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}}) {
    const auto begin = text.find(left);
    if (begin == std::string_view::npos) continue;
    const auto end = text.find(right, begin + left.size());
    if (end != std::string_view::npos) return std::string(text.substr(begin + left.size(), end - begin - left.size()));
  }
  return {};
}

// The ways a pitfall can be said: a quoted phrase in it is looked for word for word; otherwise its
// words up to "with no" / "without" (what follows describes what is missing), and its aliases.
std::optional<Pitfall> pitfall_terms(const std::string& line) {
  static const std::unordered_set<std::string_view> absence = {"no", "not", "never", "without", "leaving", "ignoring", "skipping", "forgetting",
                                                                "failing", "missing", "lacking", "omitting", "neglecting"};
  const auto bar = line.find('|');
  Pitfall pitfall{trimmed(line.substr(0, bar)), {}};
  const AnswerText main(pitfall.text);
  if (main.words().empty()) return std::nullopt;

  if (const std::string quoted = quoted_phrase(pitfall.text); !quoted.empty()) {
    if (auto phrase = Term::phrase(quoted)) pitfall.variants.push_back(std::move(*phrase));
  } else if (!absence.count(main.words().front().text)) {
    std::size_t cut = pitfall.text.size();
    const auto& words = main.words();
    for (std::size_t i = 0; i < words.size(); ++i) {
      const bool with_no = words[i].text == "with" && i + 1 < words.size() && (words[i + 1].text == "no" || words[i + 1].text == "nothing");
      if (with_no || words[i].text == "without") {
        cut = words[i].begin;
        break;
      }
    }
    if (auto term = Term::parse(std::string_view(pitfall.text).substr(0, cut), Strictness::pitfall))
      pitfall.variants.push_back(std::move(*term));
  }
  if (bar != std::string::npos) {
    for (std::size_t start = bar + 1; start <= line.size();) {
      const auto comma = std::min(line.find(',', start), line.size());
      if (auto term = Term::parse(std::string_view(line).substr(start, comma - start), Strictness::pitfall))
        pitfall.variants.push_back(std::move(*term));
      start = comma + 1;
    }
  }
  if (pitfall.variants.empty()) return std::nullopt;
  return pitfall;
}

class KeypointsScorer final : public rehearse::Scorer {
 public:
  std::string_view name() const override { return "keypoints"; }

  std::vector<rehearse::OptionSpec> options() const override {
    rehearse::OptionSpec penalty;
    penalty.name = "pitfall_penalty";
    penalty.type = rehearse::OptionType::integer;
    penalty.default_value = "15";
    penalty.help = "points taken off the score for each pitfall the answer falls into";
    penalty.min = 0;
    penalty.max = 100;
    return {penalty};
  }

  bool applies_to(const CardContent& card) const override {
    if (card.kind == CardKind::story) return false;
    return !card.key_points.empty() || (card.kind == CardKind::keypoint && !card.answer.empty());
  }

  ScoreResult score(const CardContent& card, const rehearse::Attempt& attempt, const rehearse::Options& options) const override {
    if (auto refused = rehearse::ungradable(attempt)) return std::move(*refused);
    const AnswerText text(attempt.text);
    const AnswerIndex index(text);
    ScoreResult result;
    if (!card.key_points.empty()) {
      score_key_points(card, index, result);
    } else if (!card.answer.empty()) {
      score_terms(card, index, result);
    } else {
      result.summary = "This card has no key points or model answer to compare with.";
      return result;
    }
    const int pitfalls = check_pitfalls(card, index, result);
    if (pitfalls > 0 && result.score) {
      result.score = std::max(0.0, *result.score - static_cast<double>(pitfalls * options.get_int("pitfall_penalty")));
      result.summary += fmt::format(" Fell into {} pitfall{}.", pitfalls, pitfalls == 1 ? "" : "s");
    }
    if (result.score) result.suggestion = rehearse::rating_for_score(*result.score);
    return result;
  }

 private:
  static void score_key_points(const CardContent& card, const AnswerIndex& index, ScoreResult& result) {
    double credit = 0;
    int covered = 0, partly = 0;
    std::vector<std::string> missing;
    // A list of terms, not of numbers: "moving 1%, 10%, 50% and finally 100% of reads" is a plan.
    int listed = 0, listed_numbers = 0;
    for (int i = 0; i < static_cast<int>(index.text().words().size()); ++i) {
      const std::string& word = index.text().words()[static_cast<std::size_t>(i)].text;
      if (!index.listed(i) || rehearse::is_stop_word(word)) continue;
      ++listed;
      if (rehearse::is_quantity(word)) ++listed_numbers;
    }
    const bool recites_list = listed > 0 && 2 * listed_numbers < listed;
    const bool vague = talks_in_generalities(index.text());
    // Where each idea is said in the answer, looked up once: many points share an idea.
    std::unordered_map<const Paraphrase*, std::optional<rehearse::CueHit>> idea_hits;
    const auto idea_hit = [&](const Paraphrase& idea, bool lack) {
      if (lack) return find_idea(idea, index, true);
      auto it = idea_hits.find(&idea);
      if (it == idea_hits.end()) it = idea_hits.emplace(&idea, find_idea(idea, index)).first;
      return it->second;
    };
    for (const auto& point : card.key_points) {
      // The best of the point's ways of being said.
      const Term* best_term = nullptr;  // the way of saying the point that matched best, in `terms`
      TermMatch best;
      bool best_direct = false;  // found by its own words, not through a paraphrase or by weight
      std::vector<std::string> texts{point.text};
      texts.insert(texts.end(), point.aliases.begin(), point.aliases.end());
      if (const std::string head = purpose_head(point.text); !head.empty()) texts.push_back(head);
      // Each way of saying the point, parsed once: its text first, then its aliases.
      std::vector<std::optional<Term>> terms;
      for (const auto& text : texts) terms.push_back(Term::parse(text, Strictness::key_point));
      const std::optional<Term>& own = terms.front();
      const bool asks_watching = own && about_watching(*own);
      bool own_by_weight = false;
      for (const auto& parsed : terms) {
        if (!parsed) continue;
        const Term* term = &*parsed;
        TermMatch match = index.find(*term);
        // In an answer that recites a list of buzzwords, one more word dropped elsewhere is more
        // name-dropping ("Kubernetes also has Lease objects"): it needs another of the point's
        // words nearby.
        const auto name_dropped = [&](const TermMatch& m) {
          return recites_list && m.complete(*term) && m.last - m.first <= 2 && !supported(texts, m, index);
        };
        if (name_dropped(match)) match = TermMatch{};
        // Met by some of its words, and the answer denies one it left out: "the old primary" with
        // "we had no fencing at all" is not "Fencing the old primary".
        if (match.complete(*term) && match.found < static_cast<int>(term->stems.size()) && denies_what_is_left_out(*term, match, index))
          match = TermMatch{};
        const bool direct = match.complete(*term);
        if (!match.complete(*term)) {
          // "Rejected alternatives" is also said by "I considered X but chose Y".
          for (const Paraphrase* idea : ideas_of(*term)) {
            const bool lack = names_absence(*idea, *term);
            if (const auto hit = idea_hit(*idea, lack); hit && (lack || !asks_watching || watching_said(*hit, index))) {
              // A paraphrase of the idea is no match when the answer denies a word of this way of
              // saying the point that the paraphrase leaves out, as for a match by some of its
              // words: "we had no fencing at all" with "the old primary came back" is not "Fencing
              // the old primary".
              const TermMatch said{term->needed, hit->first, hit->last};
              if (!lack && denies_what_is_left_out(*term, said, index)) continue;
              match = said;
              break;
            }
          }
        }
        // "Alternatives considered with trade-offs" is two ideas: said when both are, in one
        // sentence or two in a row ("I compared two other approaches. The downside of ... was").
        if (!match.complete(*term) && !term->lack && !asks_watching) {
          const auto& words = index.text().words();
          const auto sentence_of = [&](const rehearse::CueHit& hit) { return words[static_cast<std::size_t>(hit.first)].sentence; };
          for (const auto& [one, other] : idea_pairs_of(*term)) {
            const auto first_hit = idea_hit(*one, false);
            if (!first_hit) continue;
            const auto second_hit = idea_hit(*other, false);
            if (!second_hit || std::abs(sentence_of(*first_hit) - sentence_of(*second_hit)) > 1) continue;
            match = TermMatch{term->needed, std::min(first_hit->first, second_hit->first), std::max(first_hit->last, second_hit->last)};
            break;
          }
        }
        if (!match.complete(*term) && term == &*own) {
          if (const auto measured = said_in_numbers(point.text, index)) match = TermMatch{term->needed, measured->first, measured->last};
        }
        if (!match.complete(*term)) {
          if (const auto soft = informative_match(*term, index)) {
            match = *soft;
            if (term == &*own) own_by_weight = true;
          }
        }
        if (name_dropped(match) || (match.complete(*term) && used_as_a_name(index.text(), match))) match = TermMatch{};
        // An alias of a point about watching names what is watched ("disk usage" for "Monitor free
        // disk space"); "disk usage reached 100% overnight" is that thing happening unwatched, so
        // the watching must be said beside it. So must it when the point's own words are met only
        // in part: "the consumer lag we notice only when the business complains" names the lag of
        // "Consumer lag monitoring", not the monitoring.
        const bool in_part = match.found < static_cast<int>(term->stems.size());
        if (asks_watching && !term->lack && (!about_watching(*term) || in_part) && match.complete(*term) &&
            !watching_said(rehearse::CueHit{match.first, match.last}, index))
          match = TermMatch{};
        // The best way: a complete one, then one said in the point's own words (the evidence a
        // user recognises: "rolled back" rather than "in 20 minutes"), then the most words.
        const bool complete = match.complete(*term), best_complete = best_term && best.complete(*best_term);
        const bool better = complete > best_complete || (complete == best_complete && direct > best_direct) ||
                            (complete == best_complete && direct == best_direct && match.found > best.found);
        if (!best_term || better) {
          best_term = term;
          best = match;
          best_direct = direct;
        }
      }
      // "Limit automatic retries" is not met by "we added automatic retries" (remedy_said).
      if (best_term && best_term == &*own && (best_direct || own_by_weight) && best.complete(*best_term) &&
          !remedy_said(point.text, best, index))
        best = TermMatch{};
      // The answer's last word on the point: "We talked about a circuit breaker for months. In
      // the end we never built the circuit breaker." A later outright denial of any way of saying
      // it undoes an earlier mention.
      if (best_term && best.complete(*best_term)) {
        for (const auto& parsed : terms)
          if (parsed && index.find_denied_after(*parsed, best.last).complete(*parsed)) {
            best = TermMatch{};
            break;
          }
      }
      // Said only indirectly (by a paraphrase or by weight) and also outright inside a denial,
      // most of its words denied: the denial is what the answer says of it ("we said we'd do a
      // proper postmortem ... it never got written", whatever "posted updates in the incident
      // channel" seems to say of "Postmortem with action items").
      if (best_term && best.complete(*best_term) && !best_direct && denied_mention(terms, index, true)) best = TermMatch{};
      Finding finding;
      finding.criterion = "key point: " + point.text;
      if (best_term && best.complete(*best_term) && contradicted(qualifiers(own, *best_term), index, best)) {
        // "The DNS switch was manual" names the switch and denies the point's "automated"; "the
        // backfill was a single UPDATE" meets the alias "backfill" and denies the point's "batches".
        missing.push_back(point.text);
        finding.evidence = index.text().quote(best.first, best.last, 80);
        finding.advice = fmt::format("The answer says the opposite of part of it: {}.", point.text);
      } else if (best_term && best.complete(*best_term) && vague && !concrete(index.text(), best)) {
        // An answer of slogans names the point but does not show it done.
        ++partly;
        credit += 0.5;
        finding.evidence = index.text().quote(best.first, best.last, 80);
        finding.advice = fmt::format("Named, not shown: say what you did about it, with a detail or a number: {}.", point.text);
      } else if (best_term && best.complete(*best_term)) {
        ++covered;
        credit += 1;
        finding.met = true;
        finding.evidence = index.text().quote(best.first, best.last, 80);
      } else if (best_term && best.found >= 2 && 2 * best.found >= best_term->needed) {
        // Most of a longer phrasing: half the credit, and say what would complete it.
        ++partly;
        credit += 0.5;
        finding.evidence = index.text().quote(best.first, best.last, 80);
        finding.advice = fmt::format("Partly there; say it outright: {}.", point.text);
      } else if (const auto denied = denied_mention(terms, index)) {
        // Named only to say it was not done: quote the denial, so the user sees it was read.
        missing.push_back(point.text);
        finding.evidence = index.text().quote(denied->first, denied->last, 80);
        finding.advice = fmt::format("Said as not done. If it was done later, say when; if not, say what you would do now: {}.", point.text);
      } else {
        missing.push_back(point.text);
        finding.advice = point.aliases.empty() ? fmt::format("Add it: {}.", point.text)
                                               : fmt::format("Add it: {} (e.g. {}).", point.text, join(point.aliases, ", "));
      }
      result.findings.push_back(std::move(finding));
    }
    const auto total = static_cast<double>(card.key_points.size());
    result.score = 100.0 * credit / total;
    result.summary = fmt::format("Covered {} of {} key points", covered, card.key_points.size());
    if (partly > 0) result.summary += fmt::format(", {} partly", partly);
    if (!missing.empty()) {
      std::vector<std::string> shown(missing.begin(), missing.begin() + static_cast<long>(std::min<std::size_t>(missing.size(), 3)));
      result.summary += "; missing: " + join(shown, "; ");
      if (missing.size() > shown.size()) result.summary += fmt::format(" and {} more", missing.size() - shown.size());
    }
    result.summary += ".";
  }

  // The word a point opens with, in lower case, and where the rest of the point starts: enough to
  // tell a point's form without reading it all as an answer.
  static std::pair<std::string, std::size_t> opening_word(std::string_view point) {
    std::size_t i = 0;
    while (i < point.size() && !std::isalpha(static_cast<unsigned char>(point[i]))) ++i;
    std::string word;
    for (; i < point.size() && std::isalpha(static_cast<unsigned char>(point[i])); ++i)
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(point[i])));
    return {word, i};
  }

  // A point that asks for a remedy ("Limit automatic retries", "Reduce alert noise", "Remove dead
  // flags", "Fix recurring causes") names the trouble in its other words, so "we added automatic
  // retries" or "the alert noise was unbearable" tells of the trouble, not of the remedy. Met by
  // its own words, such a point needs the remedy said beside them: its verb or a word of the same
  // sense, within a few words in the same sentence ("we capped the retries at two").
  static bool remedy_said(const std::string& point, const TermMatch& match, const AnswerIndex& index) {
    static const std::unordered_map<std::string, std::unordered_set<std::string>> remedies = [] {
      const std::vector<std::pair<const char*, std::vector<const char*>>> words = {
          {"limit", {"limit", "cap", "restrict", "bound", "max", "maximum", "throttle", "only", "most", "ceiling", "budget"}},
          {"cap", {"limit", "cap", "restrict", "bound", "max", "maximum", "throttle", "ceiling"}},
          {"reduce", {"reduce", "reduction", "cut", "lower", "shrink", "drop", "decrease", "halve", "trim", "fewer", "less", "down"}},
          {"minimise", {"minimise", "minimize", "reduce", "cut", "lower", "shrink", "fewer", "less", "small", "smaller"}},
          {"minimize", {"minimise", "minimize", "reduce", "cut", "lower", "shrink", "fewer", "less", "small", "smaller"}},
          {"remove", {"remove", "removal", "delete", "drop", "strip", "eliminate", "purge", "clean", "retire", "kill", "rid"}},
          {"delete", {"remove", "delete", "drop", "purge", "clean", "rid"}},
          {"eliminate", {"remove", "delete", "drop", "eliminate", "purge", "retire", "kill", "rid"}},
          {"avoid", {"avoid", "instead", "stop", "never", "without", "replace", "rather", "prevent"}},
          {"stop", {"stop", "prevent", "block", "avoid", "guard", "halt", "kill", "end"}},
          {"prevent", {"stop", "prevent", "block", "avoid", "guard", "protect"}},
          {"fix", {"fix", "resolve", "repair", "patch", "solve", "correct"}},
          {"disable", {"disable", "off", "switch", "remove"}},
          {"isolate", {"isolate", "isolation", "separate", "own", "dedicated", "per", "each", "split"}}};
      std::unordered_map<std::string, std::unordered_set<std::string>> stems;
      for (const auto& [verb, same] : words)
        for (const char* word : same) stems[rehearse::stem(verb)].insert(rehearse::stem(word));
      return stems;
    }();
    const auto it = remedies.find(rehearse::stem(opening_word(point).first));
    if (it == remedies.end()) return true;
    const auto& words = index.text().words();
    const int sentence = words[static_cast<std::size_t>(match.first)].sentence;
    constexpr int kNear = 4;
    for (int i = std::max(0, match.first - kNear); i < static_cast<int>(words.size()) && i <= match.last + kNear; ++i)
      if (words[static_cast<std::size_t>(i)].sentence == sentence && it->second.count(index.stem(i))) return true;
    return false;
  }

  // "Unique constraint to prevent duplicates", "Heap dump for leaks": a thing and what it is
  // for. The thing named in full says the point, its purpose going without saying. Empty when
  // the point is not of that form, or its thing is a single word or holds no term of the art.
  static std::string purpose_head(const std::string& text) {
    for (std::string_view joint : {" to ", " for "}) {
      const std::size_t at = text.find(joint);
      if (at == std::string::npos) continue;
      const std::string head = text.substr(0, at);
      const auto parsed = Term::parse(head, Strictness::key_point);
      // ("Communicate changes to clients": everyday words alone name no thing.)
      if (parsed && parsed->usable && parsed->stems.size() >= 2 &&
          std::find(parsed->technical.begin(), parsed->technical.end(), true) != parsed->technical.end())
        return head;
    }
    return {};
  }

  // "Quantified the cost of the debt", "Measured customer impact": a point that asks for a thing
  // measured is said by that thing given in numbers, its words and a quantity in one sentence
  // ("9 of the 40 incidents traced back to the debt's cost"), neither of them denied. A year is
  // no measurement. The words of what was measured, first to last, or nothing.
  static std::optional<rehearse::CueHit> said_in_numbers(const std::string& point, const AnswerIndex& index) {
    static const std::unordered_set<std::string_view> measuring = {"quantified", "quantify",  "quantifies", "quantifying", "measured",
                                                                   "measure",    "measures", "measuring", "measurable"};
    const auto [verb, rest] = opening_word(point);
    if (!measuring.count(verb)) return std::nullopt;
    const auto object = Term::parse(std::string_view(point).substr(rest), Strictness::key_point);
    if (!object || object->lack || object->stems.empty()) return std::nullopt;
    const auto& words = index.text().words();
    const int n = static_cast<int>(words.size());
    const auto is_year = [](std::string_view word) {
      return word.size() == 4 && (word.starts_with("19") || word.starts_with("20")) && rehearse::is_numeral(word);
    };
    // Sentence by sentence: every word of what was measured, and a quantity, none of them denied.
    for (int begin = 0; begin < n;) {
      int end = begin;
      while (end < n && words[static_cast<std::size_t>(end)].sentence == words[static_cast<std::size_t>(begin)].sentence) ++end;
      int first = n, last = -1, found = 0;
      bool quantity = false;
      for (const auto& stem : object->stems) {
        for (int i = begin; i < end; ++i)
          if (index.stem(i) == stem && !index.negation().negated(i) && !index.listed(i)) {
            ++found;
            first = std::min(first, i);
            last = std::max(last, i);
            break;
          }
      }
      for (int i = begin; i < end && !quantity; ++i) {
        const std::string& word = words[static_cast<std::size_t>(i)].text;
        quantity = rehearse::is_quantity(word) && !is_year(word) && !index.negation().negated(i);
      }
      if (quantity && found == static_cast<int>(object->stems.size())) return rehearse::CueHit{first, last};
      begin = end;
    }
    return std::nullopt;
  }

  // Whether the words of a match are used as a name, or in a sense the answer gives them, rather
  // than for the idea: "SAGA is the name of our project", "a dashboard called Guardrail", "the
  // consumers are idempotent in the sense that they are stateless".
  static bool used_as_a_name(const AnswerText& text, const TermMatch& match) {
    static const std::unordered_set<std::string_view> artefacts = {
        "project", "projects", "service", "team", "squad", "tool", "dashboard", "app", "application", "repo", "repository",
        "channel", "product", "company", "meeting", "bot", "script", "library", "module", "initiative", "program", "programme",
        "cluster", "server", "room", "document", "doc", "wiki", "page", "job", "codename", "nickname", "brand"};
    static const std::unordered_set<std::string_view> hedges = {"actually", "also", "just", "only", "really", "simply"};
    const auto& words = text.words();
    const int n = static_cast<int>(words.size());
    const auto w = [&](int i) -> std::string_view {
      return i >= 0 && i < n ? std::string_view(words[static_cast<std::size_t>(i)].text) : std::string_view();
    };
    const int sentence = words[static_cast<std::size_t>(match.last)].sentence;
    const auto same_sentence = [&](int i) { return i >= 0 && i < n && words[static_cast<std::size_t>(i)].sentence == sentence; };
    int after = match.last + 1;
    // "X in the sense that ...", "X in the sense of ..."
    if (w(after) == "in" && w(after + 1) == "the" && w(after + 2) == "sense" && (w(after + 3) == "that" || w(after + 3) == "of")) return true;
    // "X is actually also the name of ...", "X was the name we gave ..."
    if (w(after) == "is" || w(after) == "was" || w(after) == "are" || w(after) == "were") {
      ++after;
      while (hedges.count(w(after))) ++after;
      const bool a_name = w(after + 1) == "name" || w(after + 1) == "codename" || w(after + 1) == "nickname";
      if ((w(after) == "the" || w(after) == "a" || w(after) == "our") && a_name && same_sentence(after + 1))
        return true;
    }
    // "a dashboard called Guardrail", "the project, named Saga,"
    for (int i = match.first - 1; i >= match.first - 2 && same_sentence(i); --i)
      if ((w(i) == "called" || w(i) == "named" || w(i) == "nicknamed" || w(i) == "dubbed" || w(i) == "codenamed") &&
          (artefacts.count(w(i - 1)) || artefacts.count(w(i - 2))))
        return true;
    return false;
  }

  // The softer reading of a longer point: its words weighed by how much they say. A term of the
  // art (not ordinary English: "TTL", "compaction", "quota") weighs kTechnicalWeight, an ordinary
  // word one; the point is said when one sentence holds kInformativeShare of its weight, at least
  // two of its words, and a term of the art when it has one. "Roll back by pointing the record
  // back" is said by "switching the record back is the rollback" although "pointing" is not
  // there; "lease, TTL" alone never covers "renew the lease before the TTL runs out" because its
  // ordinary words carry weight too. Counting every word alike asks either too little of a point
  // made of technical terms or too much of one made of everyday words.
  static std::optional<TermMatch> informative_match(const Term& term, const AnswerIndex& index) {
    if (!term.usable || term.exact_phrase || term.stems.size() < 2) return std::nullopt;
    std::vector<double> weights;
    double total = 0;
    bool any_technical = false;
    for (std::size_t j = 0; j < term.stems.size(); ++j) {
      const bool technical = term.technical[j];
      weights.push_back(technical ? kTechnicalWeight : is_light_word(term.words[j]) ? kLightWeight : 1.0);
      total += weights.back();
      any_technical = any_technical || technical;
    }
    // A point is often said in two steps, so its words may run on into the next sentence.
    const TermMatch match = index.find_spread(term, weights);
    if (match.found < 2 || match.weight + 1e-9 < kInformativeShare * total) return std::nullopt;
    if (any_technical && match.weight < kTechnicalWeight + match.found - 1 - 1e-9) return std::nullopt;  // no term of the art among them
    if (denies_what_is_left_out(term, match, index)) return std::nullopt;
    return TermMatch{term.needed, match.first, match.last, match.weight};
  }

  // A way of saying the point (its text or an alias) that the answer says in full, but only inside
  // a negation: "we never set up alerting on it". With `mostly`, more than half of the content
  // words it is said in are denied, not only one of them.
  static std::optional<TermMatch> denied_mention(const std::vector<std::optional<Term>>& terms, const AnswerIndex& index,
                                                 bool mostly = false) {
    for (const auto& term : terms) {
      if (!term || !term->usable || term->lack) continue;
      const TermMatch anywhere = index.find_anywhere(*term);
      if (!anywhere.complete(*term)) continue;
      int content = 0, denied = 0;
      for (int i = anywhere.first; i <= anywhere.last; ++i) {
        if (!index.is_content(i)) continue;
        ++content;
        if (index.negation().negated(i)) ++denied;
      }
      if (mostly ? 2 * denied > content : denied > 0) return anywhere;
    }
    return std::nullopt;
  }

  // Whether the answer denies a word of the point that a soft match left out: "old primary" does
  // not say "Fencing the old primary" in an answer that says "we had no fencing at all".
  static bool denies_what_is_left_out(const Term& term, const TermMatch& match, const AnswerIndex& index) {
    const int count = static_cast<int>(index.text().words().size());
    for (std::size_t j = 0; j < term.stems.size(); ++j) {
      if (is_light_word(term.words[j])) continue;
      bool in_match = false, denied = false;
      for (int i = 0; i < count && !in_match; ++i) {
        if (index.stem(i) != term.stems[j]) continue;
        if (i >= match.first && i <= match.last) in_match = true;
        else if (index.negation().negated(i)) denied = true;
      }
      if (denied && !in_match) return true;
    }
    return false;
  }

  // Watching words: a point about watching something ("Watch replica lag", met through its alias
  // "replication lag") is not met by the thing happening ("the replicas were 40 minutes behind"):
  // the sentence that says it must say it was watched. (A point that is a lack, "Lack of
  // monitoring", is met by the lack: "we found out from customers".)
  static bool is_watching_word(std::string_view word) {
    static const std::unordered_set<std::string_view> watching = {
        "monitor", "monitored", "monitoring", "monitors", "watch", "watched", "watching", "watches", "track", "tracked",
        "tracking", "alert", "alerted", "alerting", "alerts", "alarm", "alarms", "graphed", "charted", "paged", "paging",
        "graph", "graphs"};
    return watching.count(word) > 0;
  }

  // Whether a point asks for watching: a watching word that is not the thing acted on ("Measure
  // alert volume", "Remove noisy alerts" are about the alerts, not about watching).
  static bool about_watching(const Term& point) {
    static const std::unordered_set<std::string_view> acting_on = {
        "measure", "measured", "count", "counted", "reduce", "reduced", "remove", "removed", "tune", "tuned", "cut", "delete",
        "deleted", "route", "routed", "move", "moved", "fix", "fixed", "silence", "silenced", "prune", "pruned", "review",
        "reviewed", "audit", "audited", "dedupe", "deduplicate", "group", "grouped", "own", "owned", "cap", "limit"};
    if (!point.words.empty() && acting_on.count(point.words.front())) return false;
    return std::any_of(point.words.begin(), point.words.end(), [](const std::string& w) { return is_watching_word(w); });
  }

  // Whether the sentence of `hit` says, outside a negation, that something was watched.
  static bool watching_said(const rehearse::CueHit& hit, const AnswerIndex& index) {
    const auto& words = index.text().words();
    const auto& span = index.text().sentences()[static_cast<std::size_t>(words[static_cast<std::size_t>(hit.first)].sentence)];
    for (int i = span.first_word; i < span.end_word; ++i)
      if (is_watching_word(words[static_cast<std::size_t>(i)].text) && !index.negation().negated(i) && !index.negation().is_trigger(i))
        return true;
    return false;
  }

  // The words that qualify the way a point was met, which the answer must not contradict: its
  // own and the point's (the alias "backfill" carries the point's "in small batches", the alias
  // "post-incident review" the point's "blameless").
  static std::vector<std::string> qualifiers(const std::optional<Term>& point, const Term& met) {
    std::vector<std::string> words = met.words;
    if (point) words.insert(words.end(), point->words.begin(), point->words.end());
    return words;
  }

  // Whether the sentences of a match say the opposite of a qualifier of the point: a point about
  // doing it automatically, cleanly or early, and an answer that did it by hand, failed or late.
  // The qualifier is often the word that makes the point ("Automated traffic switch"), and the
  // rest of the point is there to be matched.
  static bool contradicted(const std::vector<std::string>& point_words, const AnswerIndex& index, const TermMatch& match) {
    const AnswerText& text = index.text();
    struct Opposites {
      std::vector<std::string_view> point, answer;
    };
    static const std::vector<Opposites> kOpposites = {
        {{"automated", "automatic", "automatically", "auto", "scripted", "automate"},
         {"manual", "manually", "by hand", "clicking", "clicked"}},
        {{"cleanly", "successfully", "successful", "clean"}, {"failed", "broke", "errored"}},
        {{"early", "earlier", "upfront", "beforehand"}, {"late"}},
        {{"batch", "batches", "batched", "throttled", "incremental", "incrementally", "gradual", "gradually", "phased", "phases",
          "stages", "staged"},
         {"one shot", "one go", "at once", "big bang", "single update", "single statement", "single migration", "single pass",
          "one update", "giant update", "big update", "huge update", "single transaction", "one transaction", "one statement"}},
        {{"blameless", "blamefree"}, {"finger", "blamed", "blaming", "scapegoat", "scapegoated", "witch"}},
    };
    const auto& words = text.words();
    const auto [first, end] = sentence_words(text, match);
    for (const auto& pair : kOpposites) {
      const bool qualified = std::any_of(point_words.begin(), point_words.end(), [&](const std::string& w) {
        return std::find(pair.point.begin(), pair.point.end(), w) != pair.point.end();
      });
      if (!qualified) continue;
      for (std::size_t i = first; i < end; ++i) {
        // One word, or two ("by hand"; not "on the other hand").
        const std::string two = i > first ? words[i - 1].text + " " + words[i].text : std::string();
        // ("kept it blameless, nobody was blamed": an opposite denied is no contradiction.)
        for (std::string_view opposite : pair.answer)
          if ((opposite == words[i].text || opposite == two) && !index.negation().negated(static_cast<int>(i))) return true;
      }
    }
    return false;
  }

  // Whether the answer talks in slogans rather than about what happened: two or more of the
  // phrases that stand in for a specific ("best practice", "X is key", "the usual", "we believe
  // in", "everywhere", "data-driven"). Interview guides warn against exactly these; an answer
  // stuffed with key words leans on them, a real account rarely uses two.
  static bool talks_in_generalities(const AnswerText& text) {
    static const rehearse::CueList slogans = {
        "best practice|practices",
        "is|are the? key",
        "the key here|thing|point",
        "the usual",
        "standard patterns|practices|practice|stuff|approach",
        "industry standard",
        "as a culture",
        "we|i believe in",
        "everywhere",
        "very important",
        "self healing",
        "my|our approach is",
        "data driven",
        "cannot|can't happen",
        "is|are not possible",
        "the right|proper way",
        "bulletproof|synergy|synergies",
        "future proof",
        "basically",
        "as per",
        "all of it",
        "by definition",
        "the whole point",
        "we follow",
        "is a culture",
        "no need to",
        "handled|solved|taken automatically",
        "of course",
        "principles",
        "holistic|holistically",
        "out of the box",
        "by the book",
        "is|are all about",
        "a solved problem",
        "the modern standard",
        "core value|values",
        "one of my strengths|values",
        "what matters is|are",
        "all the good|usual|modern stuff|things",
        "the usual suspects",
        "standard|whole toolbox|toolkit",
    };
    return slogans.find_all(text).size() >= 2;
  }

  // Whether the sentences of a match hold a specific: a measure ("5 times", "from 900 to 2,400",
  // "two sprints a quarter", "latency halved"). A number word that counts things ("the three
  // pillars", "the four golden signals") names a concept; a slogan answer is full of them.
  static bool concrete(const AnswerText& text, const TermMatch& match) {
    static const std::unordered_set<std::string_view> units = {
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "sprint", "sprints", "quarter", "quarters", "percent", "times", "fold", "nines"};
    static const std::unordered_set<std::string_view> changes = {"halved", "twice", "doubled", "tripled", "quadrupled", "tenfold"};
    const auto& words = text.words();
    const auto [first, end] = sentence_words(text, match);
    for (std::size_t i = first; i < end; ++i) {
      const std::string& word = words[i].text;
      if (rehearse::is_numeral(word) || changes.count(word)) return true;
      if (rehearse::is_quantity(word) && i + 1 < end && units.count(words[i + 1].text)) return true;
    }
    return false;
  }

  // The words of the sentences a match stands in, [first, end) in text.words().
  static std::pair<std::size_t, std::size_t> sentence_words(const AnswerText& text, const TermMatch& match) {
    const auto& sentences = text.sentences();
    const auto& words = text.words();
    const auto& first = sentences[static_cast<std::size_t>(words[static_cast<std::size_t>(match.first)].sentence)];
    const auto& last = sentences[static_cast<std::size_t>(words[static_cast<std::size_t>(match.last)].sentence)];
    return {static_cast<std::size_t>(first.first_word), static_cast<std::size_t>(last.end_word)};
  }

  // Whether another word of the point (its text or an alias), or the same word again, stands in
  // the sentence of a match made by one word, or in the sentence before or after it, outside any
  // list: "Sharding, obviously; we shard by tenant_id" uses the word it names.
  static bool supported(const std::vector<std::string>& texts, const TermMatch& match, const AnswerIndex& index) {
    const auto& words = index.text().words();
    const int sentence = words[static_cast<std::size_t>(match.first)].sentence;
    std::unordered_set<std::string> others;
    for (const auto& text : texts) {
      const AnswerText parsed(text);
      for (const auto& word : parsed.words())
        if (!rehearse::is_stop_word(word.text)) others.insert(rehearse::stem(rehearse::spell_out(word.text)));
    }
    for (int i = 0; i < static_cast<int>(words.size()); ++i) {
      if ((i >= match.first && i <= match.last) || index.listed(i) || std::abs(words[static_cast<std::size_t>(i)].sentence - sentence) > 1) continue;
      if (others.count(index.stem(i))) return true;
    }
    return false;
  }

  // Words so general that they say almost nothing of a point on their own: the all-purpose verbs
  // and nouns of English and the particles of phrasal verbs ("roll back", "set up"). They weigh
  // kLightWeight, so that "breaking changes" does not say "a breaking change policy" and "rolled
  // it back" does not say "roll back automatically".
  static bool is_light_word(const std::string& word) {
    static const std::unordered_set<std::string> light = [] {
      std::unordered_set<std::string> stems;
      for (const char* w : {"back", "up", "out", "off", "down", "over", "away", "change", "make", "use", "get", "do", "have", "go",
                            "take", "put", "set", "keep", "give", "come", "let", "thing", "way", "work", "need", "want", "new",
                            "good", "bad", "big", "small", "lot", "kind", "sort", "case", "stuff", "something", "right", "well",
                            "able", "sure", "really", "just", "also", "still", "even", "both", "every", "each", "one", "all"})
        stems.insert(rehearse::stem(w));
      return stems;
    }();
    return light.count(rehearse::stem(word)) > 0;
  }

  // For a key-point card without key points: the model answer's first content words, which name
  // what the concept is, are the terms a good explanation uses. They end at the first labelled
  // line after the definition ("Use when:", "Tradeoff:"): those say where it applies, not what it is.
  static void score_terms(const CardContent& card, const AnswerIndex& index, ScoreResult& result) {
    const AnswerText model(card.answer);
    const AnswerText prompt(card.prompt);
    std::unordered_set<std::string> seen;
    for (const auto& word : prompt.words()) seen.insert(rehearse::stem(rehearse::spell_out(word.text)));  // naming the term explains nothing
    std::vector<int> labels = label_words(model);
    std::vector<std::string> found, missing;
    std::size_t terms = 0;
    for (std::size_t i = 0; i < model.words().size() && terms < kKeyTerms; ++i) {
      const std::string& word = model.words()[i].text;
      if (labels[i] && terms > 0) break;
      if (labels[i] || rehearse::is_stop_word(word) || word.size() < 3) continue;
      auto term = Term::parse(word, Strictness::key_point);
      if (!term || !seen.insert(term->stems.front()).second) continue;
      // Here the word comes from this card's own explanation, so even an ordinary one counts.
      term->usable = true;
      ++terms;
      const TermMatch match = index.find(*term);
      if (match.complete(*term))
        found.push_back(index.text().quote(match.first, match.last, 40));
      else
        missing.push_back(model.quote(static_cast<int>(i), static_cast<int>(i), 40));
    }
    if (terms == 0) {
      result.summary = "The model answer has no content words to compare with.";
      return;
    }
    const double wanted = std::ceil(kTermsForFullMarks * static_cast<double>(terms));
    result.score = std::min(100.0, 100.0 * static_cast<double>(found.size()) / wanted);
    Finding finding;
    finding.criterion = "key terms of the model answer";
    finding.met = static_cast<double>(found.size()) >= wanted;
    finding.evidence = join(found, ", ");
    if (!missing.empty()) finding.advice = fmt::format("Also use: {}.", join(missing, ", "));
    result.findings.push_back(std::move(finding));
    result.summary = fmt::format("Used {} of the model answer's {} key terms.", found.size(), terms);
  }

  // Marks the words of line labels like "Use when:" and "Tradeoff:" in a model answer: headings
  // of the deck's layout, not part of what the concept is.
  static std::vector<int> label_words(const AnswerText& text) {
    const auto& words = text.words();
    std::vector<int> label(words.size(), 0);
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i > 0 && words[i].line != words[i - 1].line) line_start = i;
      if (i - line_start < 3 && text.next_char(static_cast<int>(i)) == ':')
        for (std::size_t j = line_start; j <= i; ++j) label[j] = 1;
    }
    return label;
  }

  static int check_pitfalls(const CardContent& card, const AnswerIndex& index, ScoreResult& result) {
    int fallen = 0;
    for (const auto& line : card.pitfalls) {
      const auto pitfall = pitfall_terms(line);
      if (!pitfall) continue;
      for (const auto& variant : pitfall->variants) {
        const TermMatch match = index.find(variant);
        if (!match.complete(variant)) continue;
        ++fallen;
        result.findings.push_back(Finding{"avoid: " + pitfall->text, false, index.text().quote(match.first, match.last, 80),
                                          fmt::format("A strong answer avoids this: {}.", pitfall->text)});
        break;
      }
    }
    return fallen;
  }
};

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<KeypointsScorer>()); }

}  // namespace

}  // namespace keypoints

REHEARSE_PLUGIN("keypoints", "1.0.0", "scorer", "Checks which key points an answer covers and which pitfalls it falls into",
                keypoints::register_components)
