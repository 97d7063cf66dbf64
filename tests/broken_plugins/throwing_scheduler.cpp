// A scheduler that throws on every answer: the engine must report it by name and record nothing.
#include <memory>
#include <stdexcept>

#include "rehearse/plugin.h"

namespace {
class ThrowingScheduler final : public rehearse::Scheduler {
 public:
  std::string_view name() const override { return "throwing"; }
  rehearse::SchedulingState next(const rehearse::SchedulingState&, rehearse::Rating, const rehearse::ReviewContext&) const override {
    throw std::runtime_error("division by zero in interval");
  }
};

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<ThrowingScheduler>()); }
}  // namespace

REHEARSE_PLUGIN("throwing-scheduler", "1.0.0", "scheduler", "throws on every answer", register_components)
