#include "star_parts.h"

#include <algorithm>
#include <limits>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "cues.h"

namespace star {

namespace {

using rehearse::AnswerText;

constexpr std::size_t index_of(Part part) { return static_cast<std::size_t>(part); }

// Words that label a part when they open a line or a sentence and a colon follows them.
std::optional<Part> label_part(const AnswerText& text, int i) {
  static const std::map<std::string_view, Part> labels = {
      {"situation", Part::situation}, {"context", Part::situation},   {"background", Part::situation},
      {"task", Part::task},           {"role", Part::task},           {"responsibility", Part::task},
      {"goal", Part::task},           {"action", Part::action},       {"actions", Part::action},
      {"result", Part::result},       {"results", Part::result},      {"outcome", Part::result},
      {"impact", Part::result},       {"lesson", Part::lesson},       {"lessons", Part::lesson},
      {"learned", Part::lesson},      {"learnings", Part::lesson},    {"reflection", Part::lesson},
      {"takeaway", Part::lesson},     {"takeaways", Part::lesson}};
  static const std::map<char, Part> letters = {
      {'S', Part::situation}, {'T', Part::task}, {'A', Part::action}, {'R', Part::result}, {'L', Part::lesson}};
  const auto& words = text.words();
  const auto& word = words[static_cast<std::size_t>(i)];
  const bool opens = i == 0 || words[static_cast<std::size_t>(i) - 1].line != word.line ||
                     text.sentences()[static_cast<std::size_t>(word.sentence)].first_word == i;
  if (!opens) return std::nullopt;
  // "My role:", "What I did:", "The outcome:": a short phrase naming a part.
  static const std::vector<std::pair<std::vector<std::string_view>, Part>> phrases = {
      {{"the", "situation"}, Part::situation}, {{"the", "context"}, Part::situation},   {{"the", "problem"}, Part::situation},
      {{"the", "challenge"}, Part::situation}, {{"my", "role"}, Part::task},            {{"my", "task"}, Part::task},
      {{"the", "task"}, Part::task},           {{"the", "goal"}, Part::task},           {{"my", "goal"}, Part::task},
      {{"what", "i", "did"}, Part::action},    {{"what", "we", "did"}, Part::action},   {{"my", "actions"}, Part::action},
      {{"the", "action"}, Part::action},       {{"the", "actions"}, Part::action},      {{"the", "result"}, Part::result},
      {{"the", "results"}, Part::result},      {{"the", "outcome"}, Part::result},      {{"the", "impact"}, Part::result},
      {{"what", "i", "learned"}, Part::lesson}, {{"what", "i", "learnt"}, Part::lesson}, {{"lessons", "learned"}, Part::lesson},
      {{"lesson", "learned"}, Part::lesson},   {{"key", "takeaway"}, Part::lesson},     {{"my", "takeaway"}, Part::lesson},
      {{"the", "lesson"}, Part::lesson},       {{"the", "takeaway"}, Part::lesson}};
  for (const auto& [phrase, part] : phrases) {
    const int last = i + static_cast<int>(phrase.size()) - 1;
    if (last >= static_cast<int>(words.size()) || text.next_char(last) != ':') continue;
    bool same = true;
    for (std::size_t k = 0; k < phrase.size() && same; ++k) same = words[static_cast<std::size_t>(i) + k].text == phrase[k];
    if (same) return part;
  }
  if (text.next_char(i) != ':') return std::nullopt;
  if (word.end - word.begin == 1) {
    const auto it = letters.find(text.text()[word.begin]);  // upper case only: "a:" is not a label
    if (it != letters.end()) return it->second;
    return std::nullopt;
  }
  const auto it = labels.find(word.text);
  if (it != labels.end()) return it->second;
  return std::nullopt;
}

// A sentence that names its part in its opening words, without a colon: "The outcome was that we
// restored payments in 38 minutes" is the result wherever it stands, even first; "That taught me
// ..." and "The lesson I took ..." are the lesson; "I was responsible for ..." and "My goal was
// ..." are the task, even before the situation.
std::optional<Part> opener_part(const AnswerText& text, int i) {
  static const rehearse::CueList result_openers = {"^ the|end|net|final result|outcome|effect|impact was|is|were",
                                                   "^ so? long story short", "^ so? in the end", "^ so? the headline|upshot|bottom is|was|line"};
  static const rehearse::CueList lesson_openers = {"^ that|this|it taught me", "^ the|my|a lesson|takeaway", "^ what i learned|learnt|took",
                                                   "^ the|my? biggest|main|big|key|real|one thing|lesson|takeaway i learned|learnt|took",
                                                   "^ learned|learnt"};
  static const rehearse::CueList task_openers = {"^ i was responsible|accountable|tasked", "^ i was asked|assigned to",
                                                 "^ my|our|the task|job|role|goal|responsibility|mandate|remit was|is",
                                                 "^ my|our|the task|job|role|goal|responsibility|mandate|remit on|in|for|at _? _? _? was|is"};
  const auto& sentence = text.sentences()[static_cast<std::size_t>(text.words()[static_cast<std::size_t>(i)].sentence)];
  if (sentence.first_word != i) return std::nullopt;
  const int end = std::min(sentence.end_word, i + 6);
  for (const auto& hit : result_openers.find_all(text, i, end))
    if (hit.first == i) return Part::result;
  for (const auto& hit : lesson_openers.find_all(text, i, end))
    if (hit.first == i) return Part::lesson;
  for (const auto& hit : task_openers.find_all(text, i, end))
    if (hit.first == i) return Part::task;
  return std::nullopt;
}

bool is_symbol(std::string_view word) { return word == "%" || word == "$" || word == "\xE2\x82\xAC" || word == "\xC2\xA3"; }

// A word's weight for each part (see unit_tokens).
struct WordWeight {
  std::string_view token;
  double weight[kPartCount];
};

// The learned weights: kEmission[part][feature], kWordWeights, kTransition[from][to] and
// kStart[part], log scores. tools/train-star-parts writes them from the labelled answers.
#include "part_model.inc"

const double* word_weights(const std::string& token) {
  static const std::unordered_map<std::string_view, const double*> table = [] {
    std::unordered_map<std::string_view, const double*> map;
    for (const auto& entry : kWordWeights) map.emplace(entry.token, entry.weight);
    return map;
  }();
  const auto it = table.find(token);
  return it == table.end() ? nullptr : it->second;
}

}  // namespace

std::string_view part_name(Part part) {
  switch (part) {
    case Part::situation: return "situation";
    case Part::task: return "task";
    case Part::action: return "action";
    case Part::result: return "result";
    case Part::lesson: return "lesson";
  }
  return "?";
}

StarParts::StarParts(const AnswerText& text) : text_(text) {
  const auto& words = text.words();
  for (int i = 0; i < static_cast<int>(words.size()); ++i) {
    const auto label = label_part(text, i);
    const auto opener = label ? std::nullopt : opener_part(text, i);
    const bool new_sentence = i == 0 || words[static_cast<std::size_t>(i)].sentence != words[static_cast<std::size_t>(i) - 1].sentence;
    // Two clauses joined by a semicolon often tell two parts: "I rolled the config back; errors
    // fell from 30% to under 1%".
    const bool new_clause = i > 0 && text.next_char(i - 1) == ';';
    if (new_sentence || new_clause || label) units_.push_back(Unit{i, i, Part::situation, label ? label : opener, {}, {}});
    ++units_.back().end_word;
    if (label) labelled_ = true;
    if (!is_symbol(words[static_cast<std::size_t>(i)].text)) ++total_;
  }
  for (std::size_t u = 0; u < units_.size(); ++u) {
    units_[u].features = unit_features(text, units_[u].first_word, units_[u].end_word, static_cast<int>(u), static_cast<int>(units_.size()));
    units_[u].tokens = unit_tokens(text, units_[u].first_word, units_[u].end_word);
  }
  assign();
  for (const auto& unit : units_)
    for (int i = unit.first_word; i < unit.end_word; ++i)
      if (!is_symbol(words[static_cast<std::size_t>(i)].text)) ++words_[index_of(unit.part)];
}

void StarParts::assign() {
  if (units_.empty()) return;
  // A label ("Situation:", "What I did:") fixes the part of its own sentence. The sentences after
  // it are placed by the model, with the labelled ones fixed around them: an answer that labels
  // only its situation and task goes on to tell the action unlabelled, and after "Action: I
  // rolled back." the model keeps "Then I traced it." in the action because it reads as one.
  std::vector<std::optional<Part>> fixed(units_.size());
  for (std::size_t u = 0; u < units_.size(); ++u) fixed[u] = units_[u].label;

  const double minus_infinity = -std::numeric_limits<double>::infinity();
  // Viterbi over the parts: best[u][p] is the best total for units 0..u with unit u in part p,
  // from[u][p] the part of unit u-1 it came from. The emission says how much a unit looks like
  // each part (a labelled unit is its label); the transition how likely one part follows another
  // (stories mostly run in order, but going back, as an action after a first result, is allowed
  // at a price).
  const std::size_t count = units_.size();
  std::vector<std::array<double, kPartCount>> best(count);
  std::vector<std::array<int, kPartCount>> from(count);
  for (std::size_t u = 0; u < count; ++u) {
    std::array<double, kPartCount> emission{};
    if (fixed[u]) {
      emission.fill(minus_infinity);
      emission[index_of(*fixed[u])] = 0;
    } else {
      emission = part_scores(units_[u].features, units_[u].tokens);
    }
    for (int p = 0; p < kPartCount; ++p) {
      const double gain = emission[static_cast<std::size_t>(p)];
      if (u == 0) {
        best[u][static_cast<std::size_t>(p)] = gain + kStart[p];
        continue;
      }
      double before = minus_infinity;
      int came_from = 0;
      for (int q = 0; q < kPartCount; ++q) {
        const double step = best[u - 1][static_cast<std::size_t>(q)] + kTransition[q][p];
        if (step > before) {
          before = step;
          came_from = q;
        }
      }
      best[u][static_cast<std::size_t>(p)] = before + gain;
      from[u][static_cast<std::size_t>(p)] = came_from;
    }
  }
  int part = 0;
  for (int p = 1; p < kPartCount; ++p)
    if (best[count - 1][static_cast<std::size_t>(p)] > best[count - 1][static_cast<std::size_t>(part)]) part = p;
  for (std::size_t u = count; u-- > 0;) {
    units_[u].part = static_cast<Part>(part);
    part = from[u][static_cast<std::size_t>(part)];
  }
  // Position alone proves no result: when no sentence placed in the result says what changed (a
  // result, a measure or a direction, a number, or trouble gone: "no errors since", "zero keys",
  // "hasn't happened again"), the ending is the action carrying on, or the lesson. Labelled
  // results stay: the user said so.
  auto says_what_changed = [&](const Unit& unit) {
    if (unit.features[kResultCue] + unit.features[kDirectionCue] > 0) return true;
    // "I rolled it out to 5% of hosts", "we ran a postmortem with three action items": a step
    // with a number in it, not an outcome.
    const auto& words = text_.words();
    for (int i = unit.first_word; i + 1 < unit.end_word && i < unit.first_word + 4; ++i) {
      const std::string& subject = words[static_cast<std::size_t>(i)].text;
      if ((subject == "i" || subject == "we") && rehearse::is_past_action(words[static_cast<std::size_t>(i) + 1].text)) return false;
    }
    if (unit.features[kMeasureCue] > 0) return true;
    for (int i = unit.first_word; i < unit.end_word; ++i) {
      const std::string& word = text_.words()[static_cast<std::size_t>(i)].text;
      if (rehearse::is_quantity(word) || word == "no" || word == "never" || word == "nobody" || word.ends_with("n't")) return true;
    }
    return false;
  };
  const bool result_shown = std::any_of(units_.begin(), units_.end(), [&](const Unit& unit) {
    return unit.part == Part::result && (says_what_changed(unit) || unit.label);
  });
  if (!result_shown) {
    for (std::size_t u = 0; u < count; ++u) {
      if (units_[u].part != Part::result || fixed[u]) continue;
      units_[u].part = units_[u].features[kLessonCue] > 0 ? Part::lesson : Part::action;
    }
  }
  // Which units open with what was done, as notes do ("Rolled back first"): found once, for both
  // passes below.
  std::vector<bool> noted(units_.size());
  for (std::size_t u = 0; u < units_.size(); ++u) noted[u] = opens_with_a_step(units_[u]);
  place_notes(noted);
  place_units_without_an_actor(fixed, noted);
  place_beliefs();
}

// An action needs an actor: a sentence placed in the action that tells no step of the user's or
// the team's ("people were annoyed", "the API was late", "audit passed on Friday"), has no "I" or
// "we" in it and does not open with what was done, as notes do, is what the story stood in, or
// what came of it after the last step.
void StarParts::place_units_without_an_actor(const std::vector<std::optional<Part>>& fixed, const std::vector<bool>& noted) {
  // A sentence that says how things were or are ("he was defensive", "Finance has a team").
  const auto states = [&](const Unit& unit) {
    for (int i = unit.first_word; i < unit.end_word; ++i) {
      const std::string& word = text_.words()[static_cast<std::size_t>(i)].text;
      if (word == "was" || word == "were" || word == "is" || word == "are" || word == "has" || word == "had" || word == "have") return true;
    }
    return false;
  };
  // Where the user's steps begin and end. The units this loop moves tell no step, so both stay
  // where they are while it runs.
  const int count = static_cast<int>(units_.size());
  int first_own_step = count, last_step = -1;
  for (int u = 0; u < count; ++u) {
    const Unit& unit = units_[static_cast<std::size_t>(u)];
    const bool noted_step = noted[static_cast<std::size_t>(u)];
    if (first_own_step == count && (unit.features[kOwnActionCue] > 0 || noted_step)) first_own_step = u;
    if (unit.part == Part::action && (unit.features[kOwnActionCue] + unit.features[kSharedActionCue] > 0 || noted_step)) last_step = u;
  }
  for (int u = 0; u < count; ++u) {
    Unit& unit = units_[static_cast<std::size_t>(u)];
    if (fixed[static_cast<std::size_t>(u)] || unit.part != Part::action) continue;
    if (unit.features[kOwnActionCue] + unit.features[kSharedActionCue] + unit.features[kSequenceCue] > 0) continue;
    if (unit.features[kHasI] + unit.features[kHasWe] > 0 || noted[static_cast<std::size_t>(u)]) continue;
    // What came of it stands after the last step; a finding among the steps ("most of the
    // losses came from new accounts") is still the action.
    const bool after_the_steps = u > last_step;
    // How things stood, told before any step of the user's, is the situation going on; once the
    // steps have begun, "the culprit was a per-request object" is a finding, part of the action.
    const bool before_the_steps = u <= first_own_step;
    if (unit.features[kResultCue] + unit.features[kDirectionCue] > 0) {
      if (after_the_steps) unit.part = Part::result;
    } else if (unit.features[kSituationCue] > 0 || (states(unit) && before_the_steps)) {
      unit.part = Part::situation;
    } else if (after_the_steps && !before_the_steps) {
      // Told after the last step, without anyone acting: "Audit passed on Friday".
      unit.part = Part::result;
    }
  }
}

// Whether a unit opens with what was done, the note-taker's "I" left out: "Rolled back first",
// "Then profiled it", "Asked two juniors to tell me".
bool StarParts::opens_with_a_step(const Unit& unit) const {
  static const std::unordered_set<std::string_view> lead_ins = {"then", "first", "also", "and",      "so",
                                                                "finally", "next", "later", "afterwards"};
  // Past forms is_past_action() leaves out because after "I" they may be a state ("I asked to
  // join") open a note as a step: "Asked two juniors", "Did the reviews on a call".
  static const std::unordered_set<std::string_view> steps = {"asked", "did", "called", "used"};
  const auto word = [&](int i) -> const std::string& { return text_.words()[static_cast<std::size_t>(i)].text; };
  int i = unit.first_word;
  // A timeline's notes open with the time: "21:45, promoted the replica".
  while (i < unit.end_word && (lead_ins.count(word(i)) || rehearse::is_numeral(word(i)))) ++i;
  return i < unit.end_word && (rehearse::is_past_action(word(i)) || steps.count(word(i)) > 0);
}

// Notes leave out the "I": a unit that opens with what was done is a step of the action, unless it
// says what came of it ("Cut label generation from 4 s to 300 ms" is the result).
void StarParts::place_notes(const std::vector<bool>& noted) {
  for (std::size_t u = 0; u < units_.size(); ++u) {
    Unit& unit = units_[u];
    if (unit.label || unit.part == Part::action || !noted[u]) continue;
    if (unit.features[kResultCue] + unit.features[kDirectionCue] > 0) continue;
    unit.part = Part::action;
  }
}

// Whether a unit speaks in the present only: no past tense, no past participle. A story's steps
// are told in the past; "in tech everything changes fast" is a general truth.
bool StarParts::in_the_present(const Unit& unit) const {
  static const std::unordered_set<std::string_view> past = {"was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't", "been",
                                                            "came", "became", "fell", "rose", "grew", "saw", "knew", "thought", "felt",
                                                            "heard", "said", "seemed", "used", "needed", "wanted", "learned", "learnt",
                                                            "lost", "paid", "sold", "hit", "read", "meant"};
  for (int i = unit.first_word; i < unit.end_word; ++i) {
    const std::string& word = text_.words()[static_cast<std::size_t>(i)].text;
    if (past.count(word) || rehearse::is_past_action(word)) return false;
  }
  return true;
}

// A belief is not a step: "I think learning is a skill", "I believe a bad hire costs more than a
// slow one, so I would lean towards caution", "on-call health is very important". A unit in the
// present, with no step cue, that opens by saying what the user thinks or says what matters is
// what the user takes from the story, wherever it stands. One that speaks of anyone as "you"
// ("you have to be curious") is that after a step, and before any step how things stood.
void StarParts::place_beliefs() {
  static const std::unordered_set<std::string_view> lead_ins = {"so",     "and",    "but",       "honestly",   "anyway",
                                                                "also",   "really", "basically", "personally", "generally"};
  static const std::unordered_set<std::string_view> stances = {"think", "believe", "feel", "guess", "reckon", "suppose"};
  const auto& words = text_.words();
  const auto opens_with_a_belief = [&](const Unit& unit) {
    int i = unit.first_word;
    while (i < unit.end_word && lead_ins.count(words[static_cast<std::size_t>(i)].text)) ++i;
    return i + 1 < unit.end_word && (words[static_cast<std::size_t>(i)].text == "i" || words[static_cast<std::size_t>(i)].text == "we") &&
           stances.count(words[static_cast<std::size_t>(i) + 1].text) > 0;
  };
  // "You have to be curious", "if you don't learn you are stuck": a maxim, the generic "you".
  const auto speaks_to_anyone = [&](const Unit& unit) {
    for (int i = unit.first_word; i < unit.end_word; ++i)
      if (words[static_cast<std::size_t>(i)].text == "you") return true;
    return false;
  };
  static const std::unordered_set<std::string_view> values = {"important", "crucial", "essential", "vital", "matters"};
  const auto values_something = [&](const Unit& unit) {
    for (int i = unit.first_word; i < unit.end_word; ++i)
      if (values.count(words[static_cast<std::size_t>(i)].text)) return true;
    return false;
  };
  bool told_after_a_step = false;  // some unit before this one is an action
  for (Unit& unit : units_) {
    const bool candidate = !unit.label && unit.part != Part::lesson && in_the_present(unit) &&
                           unit.features[kOwnActionCue] + unit.features[kSharedActionCue] + unit.features[kSequenceCue] == 0;
    if (candidate && (opens_with_a_belief(unit) || values_something(unit))) {
      unit.part = Part::lesson;
    } else if (candidate && (unit.part == Part::action || unit.part == Part::result) && speaks_to_anyone(unit)) {
      unit.part = told_after_a_step ? Part::lesson : Part::situation;
    }
    told_after_a_step = told_after_a_step || unit.part == Part::action;
  }
}

std::array<double, kPartCount> part_scores(const Features& features, const std::vector<std::string>& tokens) {
  std::array<double, kPartCount> score{};
  for (int p = 0; p < kPartCount; ++p)
    for (int k = 0; k < kFeatureCount; ++k) score[static_cast<std::size_t>(p)] += kEmission[p][k] * features[static_cast<std::size_t>(k)];
  for (const auto& token : tokens)
    if (const double* weight = word_weights(token))
      for (int p = 0; p < kPartCount; ++p) score[static_cast<std::size_t>(p)] += weight[p];
  // Log-probabilities: each unit's scores compete among themselves.
  const double top = *std::max_element(score.begin(), score.end());
  double sum = 0;
  for (double s : score) sum += std::exp(s - top);
  for (double& s : score) s -= top + std::log(sum);
  return score;
}

std::optional<int> StarParts::first_unit(Part part) const {
  for (std::size_t u = 0; u < units_.size(); ++u)
    if (units_[u].part == part) return static_cast<int>(u);
  return std::nullopt;
}

Part StarParts::part_of(int word) const {
  // Units are in text order and cover every word: the last one starting at or before `word`.
  const auto it = std::upper_bound(units_.begin(), units_.end(), word, [](int w, const Unit& unit) { return w < unit.first_word; });
  if (it == units_.begin()) return Part::situation;
  return std::prev(it)->part;
}

}  // namespace star
