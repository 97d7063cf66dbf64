#include "star_parts.h"

#include <algorithm>
#include <limits>
#include <map>

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
  if (!opens || text.next_char(i) != ':') return std::nullopt;
  if (word.end - word.begin == 1) {
    const auto it = letters.find(text.text()[word.begin]);  // upper case only: "a:" is not a label
    if (it != letters.end()) return it->second;
    return std::nullopt;
  }
  const auto it = labels.find(word.text);
  if (it != labels.end()) return it->second;
  return std::nullopt;
}

bool is_symbol(std::string_view word) { return word == "%" || word == "$" || word == "\xE2\x82\xAC" || word == "\xC2\xA3"; }

// How much each family of cues says about the part of the unit it occurs in. Task and lesson
// phrases are specific ("my role was", "I learned"), so they weigh more than a past-tense verb.
struct CueWeight {
  const rehearse::CueList& (*cues)();
  Part part;
  double weight;
};
constexpr CueWeight kCueWeights[] = {
    {cues::situation, Part::situation, 1.0}, {cues::task, Part::task, 1.2},       {cues::own_action, Part::action, 1.2},
    {cues::shared_action, Part::action, 0.6}, {cues::sequence, Part::action, 0.5}, {cues::result, Part::result, 1.0},
    {cues::measure, Part::result, 0.5},
    {cues::direction, Part::result, 0.4},    {cues::lesson, Part::lesson, 1.5},
};
constexpr double kMaxCue = 2.5;
// What it costs the labelling to go back to an earlier part of the story.
constexpr double kBackwardsCost = 0.6;

// A slight pull towards where each part usually stands (by the unit's middle, 0 to 1): context
// first, results last. Cues outweigh it.
double position_prior(Part part, double x) {
  switch (part) {
    case Part::situation: return x < 0.1 ? 0.8 : x < 0.25 ? 0.4 : 0.0;
    case Part::task: return x < 0.4 ? 0.15 : 0.0;
    case Part::action: return x > 0.15 && x < 0.85 ? 0.25 : 0.0;
    case Part::result: return x > 0.8 ? 0.5 : x > 0.6 ? 0.35 : 0.0;
    case Part::lesson: return 0.0;
  }
  return 0.0;
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
    const bool new_sentence = i == 0 || words[static_cast<std::size_t>(i)].sentence != words[static_cast<std::size_t>(i) - 1].sentence;
    if (new_sentence || label) units_.push_back(Unit{i, i, Part::situation, label, {}});
    ++units_.back().end_word;
    if (label) labelled_ = true;
    if (!is_symbol(words[static_cast<std::size_t>(i)].text)) ++total_;
  }
  auto unit_of = [&](int word) {
    const auto it = std::upper_bound(units_.begin(), units_.end(), word, [](int w, const Unit& u) { return w < u.first_word; });
    return static_cast<std::size_t>(it - units_.begin() - 1);
  };
  for (const auto& family : kCueWeights)
    for (const auto& hit : family.cues().find_all(text)) units_[unit_of(hit.first)].cues[index_of(family.part)] += family.weight;
  for (auto& unit : units_)
    for (auto& cue : unit.cues) cue = std::min(cue, kMaxCue);
  assign();
  for (const auto& unit : units_)
    for (int i = unit.first_word; i < unit.end_word; ++i)
      if (!is_symbol(words[static_cast<std::size_t>(i)].text)) ++words_[index_of(unit.part)];
}

void StarParts::assign() {
  if (units_.empty()) return;
  // A label holds until the next one; only the units before the first label are placed by cues,
  // and they cannot come later in STAR order than that label.
  std::size_t free_units = units_.size();
  int highest = kPartCount - 1;
  for (std::size_t u = 0; u < units_.size(); ++u) {
    if (units_[u].label) {
      free_units = std::min(free_units, u);
      if (free_units == u) highest = static_cast<int>(index_of(*units_[u].label));
    }
    if (free_units < units_.size()) units_[u].part = units_[u].label.value_or(units_[u == 0 ? 0 : u - 1].part);
  }
  if (free_units == 0) return;

  const double total = std::max(1, text_.spoken_word_count());
  const double minus_infinity = -std::numeric_limits<double>::infinity();
  // best[u][p]: the best total for units 0..u with unit u in part p; from[u][p]: unit u-1's part.
  std::vector<std::array<double, kPartCount>> best(free_units);
  std::vector<std::array<int, kPartCount>> from(free_units);
  for (std::size_t u = 0; u < free_units; ++u) {
    const Unit& unit = units_[u];
    const double middle = (unit.first_word + unit.end_word) / 2.0 / total;
    for (int p = 0; p < kPartCount; ++p) {
      const double gain = p > highest ? minus_infinity : unit.cues[static_cast<std::size_t>(p)] + position_prior(static_cast<Part>(p), middle);
      if (u == 0) {
        best[u][static_cast<std::size_t>(p)] = gain;
        continue;
      }
      double before = minus_infinity;
      int came_from = 0;
      for (int q = 0; q < kPartCount; ++q) {
        // Going back (an action after a result) is allowed, at a price: stories mostly run in
        // order, but a sentence of numbers in the middle must not drag the rest into the result.
        const double step = best[u - 1][static_cast<std::size_t>(q)] - (q > p ? kBackwardsCost : 0.0);
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
    if (best[free_units - 1][static_cast<std::size_t>(p)] > best[free_units - 1][static_cast<std::size_t>(part)]) part = p;
  for (std::size_t u = free_units; u-- > 0;) {
    units_[u].part = static_cast<Part>(part);
    part = from[u][static_cast<std::size_t>(part)];
  }
  // Position alone proves no result: when no sentence placed in the result says what changed, the
  // ending is the action carrying on (or the lesson), and the answer has no result.
  const bool result_shown = std::any_of(units_.begin(), units_.begin() + static_cast<long>(free_units), [](const Unit& unit) {
    return unit.part == Part::result && unit.cues[index_of(Part::result)] > 0;
  });
  if (!result_shown) {
    for (std::size_t u = 0; u < free_units; ++u) {
      if (units_[u].part != Part::result) continue;
      const bool reflective = units_[u].cues[index_of(Part::lesson)] > 0;
      units_[u].part = reflective ? Part::lesson : Part::action;
    }
  }
}

std::optional<int> StarParts::first_unit(Part part) const {
  for (std::size_t u = 0; u < units_.size(); ++u)
    if (units_[u].part == part) return static_cast<int>(u);
  return std::nullopt;
}

Part StarParts::part_of(int word) const {
  for (const auto& unit : units_)
    if (word >= unit.first_word && word < unit.end_word) return unit.part;
  return Part::situation;
}

}  // namespace star
