// A scorer that returns a score out of range: the engine must refuse the result and name it.
#include <limits>
#include <memory>

#include "rehearse/plugin.h"

namespace {
class BadScorer final : public rehearse::Scorer {
 public:
  std::string_view name() const override { return "bad"; }
  bool applies_to(const rehearse::CardContent&) const override { return true; }
  rehearse::ScoreResult score(const rehearse::CardContent&, const rehearse::Attempt& attempt, const rehearse::Options&) const override {
    rehearse::ScoreResult result;
    result.score = attempt.text == "nan" ? std::numeric_limits<double>::quiet_NaN() : 250.0;
    return result;
  }
};

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<BadScorer>()); }
}  // namespace

REHEARSE_PLUGIN("bad-scorer", "1.0.0", "scorer", "returns impossible scores", register_components)
