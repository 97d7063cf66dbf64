// What the sentence labeller knows about one unit of an answer (a sentence, or the text after a
// label): which cue phrases it holds, where it stands, how it opens, its tense and pronouns. The
// labeller scores each part as a weighted sum of these (weights in part_model.inc, learned from
// labelled answers by tools/train-star-parts), then picks the best sequence of parts.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "rehearse/text.h"

namespace star {

inline constexpr int kFeatureCount = 38;

using Features = std::array<double, kFeatureCount>;

// The names of the features, in order, for the trainer's report and the model file.
const std::array<std::string_view, kFeatureCount>& feature_names();

// The features of the unit of words [first, end), the `index`-th of `count` units.
Features unit_features(const rehearse::AnswerText& text, int first, int end, int index, int count);

}  // namespace star
