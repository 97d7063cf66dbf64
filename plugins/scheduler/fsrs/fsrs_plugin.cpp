// The plugin's entry point: registers the `fsrs` scheduler.
#include <memory>

#include "fsrs_scheduler.h"
#include "rehearse/plugin.h"

namespace {

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<rehearse::fsrs::FsrsScheduler>()); }

}  // namespace

REHEARSE_PLUGIN("fsrs", "1.0.0", "scheduler", "FSRS-6, the Free Spaced Repetition Scheduler, with Anki's learning steps",
                register_components)
