// The fsrs scheduler's parameter fitter (`rehearse optimize`): the SDK's ParameterFitter over the
// FSRS optimizer (fsrs_optimizer.h). It turns the engine's review logs into FSRS items, fits, and
// compares the fitted parameters with the current ones on the same items.
#pragma once

#include "rehearse/scheduler.h"

namespace rehearse::fsrs {

class FsrsFitter final : public ParameterFitter {
 public:
  FitReport fit(const std::vector<CardReviews>& cards, const Options& options, const FitProgress& progress) const override;
};

}  // namespace rehearse::fsrs
