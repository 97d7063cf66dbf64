// The parts of a STAR answer: which words tell the situation, the task, the action, the result
// and the lesson.
//
// An answer is cut into units: its sentences, and a new unit wherever a label starts
// ("Situation:", "Result:", "S:" at the start of a line). Labelled units belong to their label.
// The others are placed by their cue phrases (cues.h) and a little by where they stand, keeping
// the parts in STAR order: a dynamic programme picks, among all in-order assignments, the one
// whose units best match the cues of their part. A part is present when a unit assigned to it is
// labelled for it or has one of its cues; position alone proves nothing, so a unit without a cue
// for the part the order gives it takes the part of its neighbour instead. The labels are what the
// rubric judges by: a part is present exactly when some sentence is labelled with it.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

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
  std::array<double, kPartCount> cues{};  // how strongly the unit's phrases point at each part
};

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

  const rehearse::AnswerText& text_;
  std::vector<Unit> units_;
  std::array<int, kPartCount> words_{};
  int total_ = 0;
  bool labelled_ = false;
};

}  // namespace star
