// What the sentence labeller knows about one unit of an answer (a sentence, or the text after a
// label): which cue phrases it holds, where it stands, how it opens, its tense and pronouns. The
// labeller scores each part as a weighted sum of these (weights in part_model.inc, learned from
// labelled answers by tools/train-star-parts), then picks the best sequence of parts.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/text.h"

namespace star {

inline constexpr int kFeatureCount = 39;

using Features = std::array<double, kFeatureCount>;

// The names of the features, in order, for the trainer's report and the model file.
const std::array<std::string_view, kFeatureCount>& feature_names();

// The features of the unit of words [first, end), the `index`-th of `count` units.
Features unit_features(const rehearse::AnswerText& text, int first, int end, int index, int count);

// The unit's words, for the labeller's word weights: "w:" and each distinct word's stem ("w:#" for
// a quantity), and "^:" and the stem of the word it opens with. Cue phrases generalise across
// wordings; these let the labeller learn the everyday words of each part ("was", "would",
// "adopted", "afterwards") from the labelled answers.
std::vector<std::string> unit_tokens(const rehearse::AnswerText& text, int first, int end);

}  // namespace star
