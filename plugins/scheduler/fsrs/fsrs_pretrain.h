// Pretraining of the initial stabilities w0-w3 (fsrs-rs parameter_initialization.rs): for each
// first rating, the stability whose forgetting curve (at the default decay) best fits the recall
// of the cards' first later-day review, found by ternary search; then the four are put in order
// (Again <= Hard <= Good <= Easy, keeping the value backed by more reviews) and ratings never
// given first are filled in by fsrs-rs's power-law interpolation.
#pragma once

#include <array>
#include <map>

#include "fsrs_training_set.h"

namespace rehearse::fsrs {

// The pretrained w0-w3, or nothing found (`found` false) when no card has a pretraining item.
struct InitialStabilities {
  std::array<double, 4> values{};
  bool found = false;
};

InitialStabilities pretrain_initial_stabilities(const TrainingSet& set);

// Orders stabilities by rating and fills the missing ones (fsrs-rs smooth_and_fill).
// `stabilities` and `counts` are keyed by rating (1-4); counts say how many items back each.
// Returns nothing found when `stabilities` is empty.
InitialStabilities smooth_and_fill(std::map<int, double> stabilities, const std::map<int, double>& counts);

}  // namespace rehearse::fsrs
