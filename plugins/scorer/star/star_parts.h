// The parts of a STAR answer: which words tell the situation, the task, the action, the result
// and the lesson.
//
// An answer is cut into units: its sentences, their clauses after a semicolon ("I rolled it back;
// errors fell to 1%" tells an action and a result), and a new unit wherever a label starts
// ("Situation:", "Result:", "S:", "My role:", "What I did:" at the start of a line or sentence).
// Labelled units belong to their label. The others, before, between and after them, are placed
// by a small model learned from labelled answers: each unit's features
// (part_features.h: its cue phrases, position, opening, tense, pronouns) give a score for each
// part, and the Viterbi algorithm picks the most likely sequence of parts, with learned odds of
// one part following another (mostly in STAR order, going back allowed at a price). A few rules
// then correct what the model cannot see: position alone proves no result (a result without any
// sentence saying what changed is relabelled), a sentence in which nobody acts is no action, and
// neither is a belief told in the present ("I think learning is a skill"). The labels are what
// the rubric judges by: a part is present exactly when some sentence is labelled with it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "part_features.h"
#include "rehearse/text.h"

namespace star {

enum class Part { situation = 0, task, action, result, lesson };
inline constexpr int kPartCount = 5;

std::string_view part_name(Part part);

struct Unit {
  int first_word = 0;  // [first_word, end_word)
  int end_word = 0;
  Part part = Part::situation;
  std::optional<Part> label;
  Features features{};  // what the labeller knows about it (part_features.h)
  std::vector<std::string> tokens;  // its words, for the labeller's word weights (unit_tokens)
};

// Which features are the cue families the rubric and the labeller's rules ask about, and which
// say "I" or "we" (part_features.cpp, feature_names()).
inline constexpr std::size_t kSituationCue = 1, kOwnActionCue = 3, kSharedActionCue = 4, kSequenceCue = 5;
inline constexpr std::size_t kResultCue = 6, kMeasureCue = 7, kDirectionCue = 8, kLessonCue = 9;
inline constexpr std::size_t kHasI = 20, kHasWe = 21;

// How much a unit with `features` and `tokens` looks like each part, as log-probabilities.
std::array<double, kPartCount> part_scores(const Features& features, const std::vector<std::string>& tokens);

class StarParts {
 public:
  explicit StarParts(const rehearse::AnswerText& text);

  const std::vector<Unit>& units() const { return units_; }
  // Spoken words assigned to `part`.
  int words(Part part) const { return words_[static_cast<std::size_t>(part)]; }
  int total_words() const { return total_; }
  bool present(Part part) const { return words(part) > 0; }
  // The first unit labelled `part`.
  std::optional<int> first_unit(Part part) const;
  // The part word `word` was labelled.
  Part part_of(int word) const;
  bool labelled() const { return labelled_; }

 private:
  void assign();
  void place_units_without_an_actor(const std::vector<std::optional<Part>>& fixed, const std::vector<bool>& noted);
  void place_beliefs();
  void place_notes(const std::vector<bool>& noted);
  bool opens_with_a_step(const Unit& unit) const;
  bool in_the_present(const Unit& unit) const;

  const rehearse::AnswerText& text_;
  std::vector<Unit> units_;
  std::array<int, kPartCount> words_{};
  int total_ = 0;
  bool labelled_ = false;
};

}  // namespace star
