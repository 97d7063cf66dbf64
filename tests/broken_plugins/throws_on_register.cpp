// A plugin whose register function registers one component and then throws: it must be refused
// and leave nothing registered.
#include <memory>
#include <stdexcept>

#include "rehearse/plugin.h"

namespace {
class HalfScorer final : public rehearse::Scorer {
 public:
  std::string_view name() const override { return "half"; }
  bool applies_to(const rehearse::CardContent&) const override { return true; }
  rehearse::ScoreResult score(const rehearse::CardContent&, const rehearse::Attempt&, const rehearse::Options&) const override {
    return {};
  }
};

void register_components(rehearse::Registry& registry) {
  registry.add(std::make_unique<HalfScorer>());
  throw std::runtime_error("cannot find my configuration file");
}
}  // namespace

REHEARSE_PLUGIN("throws-on-register", "1.0.0", "scorer", "fails while registering", register_components)
