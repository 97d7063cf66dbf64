// The SDK's optional parameter fitter (Scheduler::fitter(), API 3.1) as the engine hands it out:
// asked only of plugins built for 3.1 or later, guarded like every call into a plugin, its report
// checked.
#include <cmath>
#include <memory>

#include "rehearse/errors.h"
#include "rehearse/registry.h"
#include "test_support.h"

using namespace rehearse;

namespace {

class Fitter final : public ParameterFitter {
 public:
  explicit Fitter(bool fail, double loss = 0.5) : fail_(fail), loss_(loss) {}
  FitReport fit(const std::vector<CardReviews>& cards, const Options&, const FitProgress& progress) const override {
    if (fail_) throw std::runtime_error("the log is too strange");
    if (progress) progress(1.0);
    FitReport report;
    report.reviews = cards.size();
    report.option = "parameters";
    report.value = "1 2";
    report.parameters = {1, 2};
    report.current = {0.6, 0.1};
    report.fitted = {loss_, 0.05};
    return report;
  }

 private:
  bool fail_;
  double loss_;
};

class FittingScheduler final : public Scheduler {
 public:
  FittingScheduler(std::string name, bool fail, double loss = 0.5) : name_(std::move(name)), fitter_(fail, loss) {}
  std::string_view name() const override { return name_; }
  SchedulingState next(const SchedulingState& current, Rating, const ReviewContext& ctx) const override {
    SchedulingState next = current;
    next.due_ms = ctx.now_ms;
    next.last_review_ms = ctx.now_ms;
    return next;
  }
  const ParameterFitter* fitter() const override { return &fitter_; }

 private:
  std::string name_;
  Fitter fitter_;
};

}  // namespace

TEST_CASE("a scheduler's parameter fitter reaches the engine through the plugin's guard", "[plugins][optimize]") {
  Registry registry;
  registry.set_current_plugin("fitting-plugin");
  registry.add(std::make_unique<FittingScheduler>("fits", false));

  const ParameterFitter* fitter = registry.scheduler("fits")->fitter();
  REQUIRE(fitter != nullptr);
  double done = 0;
  const FitReport report = fitter->fit({{1, {}}, {2, {}}}, Options(), [&](double share) { done = share; });
  CHECK(report.reviews == 2);
  CHECK(done == 1.0);
}

TEST_CASE("a fitter that throws or reports a loss that is not a number is named in the error", "[plugins][optimize]") {
  Registry registry;
  registry.set_current_plugin("strange-plugin");
  registry.add(std::make_unique<FittingScheduler>("throws", true));
  registry.add(std::make_unique<FittingScheduler>("nan", false, std::nan("")));
  try {
    registry.scheduler("throws")->fitter()->fit({}, Options(), {});
    FAIL("no error");
  } catch (const PluginError& e) {
    CHECK_THAT(e.what(), Catch::Contains("strange-plugin") && Catch::Contains("the log is too strange"));
  }
  CHECK_THROWS_AS(registry.scheduler("nan")->fitter()->fit({}, Options(), {}), PluginError);
}
