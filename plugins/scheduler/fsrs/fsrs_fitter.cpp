#include "fsrs_fitter.h"

#include <algorithm>
#include <sstream>

#include "fsrs_optimizer.h"
#include "fsrs_training_set.h"
#include "rehearse/errors.h"

namespace rehearse::fsrs {

FitReport FsrsFitter::fit(const std::vector<CardReviews>& cards, const Options& options, const FitProgress& progress) const {
  std::vector<CardLog> logs;
  logs.reserve(cards.size());
  for (const CardReviews& card : cards) {
    CardLog& log = logs.emplace_back();
    log.reviews.reserve(card.reviews.size());
    log.times_ms.reserve(card.reviews.size());
    for (const PastReview& review : card.reviews) {
      log.reviews.push_back({static_cast<int>(review.rating), review.elapsed_days});
      log.times_ms.push_back(review.reviewed_ms);
    }
  }
  const TrainingSet set = build_training_set(logs);

  const std::vector<double> values = options.get_number_list("parameters");
  if (std::string problem = check_parameters(values); !problem.empty()) throw Error("parameters: " + problem);
  Parameters current{};
  std::copy(values.begin(), values.end(), current.begin());

  const FitOutcome outcome = fit_parameters(set, [&](double done) {
    if (progress) progress(done);
  });
  const Evaluation before = evaluate(current, set), after = evaluate(outcome.parameters, set);

  FitReport report;
  report.reviews = set.items;
  report.parameters.assign(outcome.parameters.begin(), outcome.parameters.end());
  report.option = "parameters";
  // The parameters have four decimals: six significant digits show each exactly.
  std::ostringstream text;
  for (double value : outcome.parameters) text << (text.tellp() > 0 ? " " : "") << value;
  report.value = text.str();
  report.current = {before.log_loss, before.rmse_bins};
  report.fitted = {after.log_loss, after.rmse_bins};
  report.note = outcome.note;
  // The fit models same-day reviews with FSRS-6's same-day rule (fsrs-rs's default, and this
  // scheduler's); a user who turned it off is told rather than silently given parameters fitted
  // to another model.
  if (!options.get_bool("enable_short_term"))
    report.note += std::string(report.note.empty() ? "" : "; ") +
                   "enable_short_term is off, but the parameters were fitted with same-day reviews following FSRS-6's same-day rule";
  return report;
}

}  // namespace rehearse::fsrs
