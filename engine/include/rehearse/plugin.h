// What a plugin exports: one extern "C" function returning its descriptor.
//
//   #include <rehearse/plugin.h>
//
//   static void register_components(rehearse::Registry& registry) {
//     registry.add(std::make_unique<MyScorer>());
//   }
//   REHEARSE_PLUGIN("my-scorer", "1.0.0", "scorer", "Checks that an answer names a metric", register_components)
//
// The host reads the descriptor before anything else: a plugin built for another major API
// version is refused without calling register_components. The strings must live as long as the
// library (string literals do). Libraries are never unloaded.
#pragma once

#include <cstdint>

#include "rehearse/api.h"
#include "rehearse/registry.h"

extern "C" {

struct RehearsePluginDescriptor {
  std::uint32_t api_major;  // REHEARSE_PLUGIN_API_MAJOR the plugin was built with
  std::uint32_t api_minor;  // REHEARSE_PLUGIN_API_MINOR the plugin was built with
  const char* name;         // unique among plugins, e.g. "sm2"
  const char* version;      // the plugin's own version, e.g. "1.2.0"
  const char* kind;         // "source", "scheduler", "scorer" or "frontend"
  const char* description;  // one line
  void (*register_components)(rehearse::Registry& registry);
};

}  // extern "C"

// The name of the entry point the host looks up.
#define REHEARSE_PLUGIN_ENTRY_POINT "rehearse_plugin_descriptor"

#define REHEARSE_PLUGIN(NAME, VERSION, KIND, DESCRIPTION, REGISTER_FN)                          \
  extern "C" REHEARSE_API const RehearsePluginDescriptor* rehearse_plugin_descriptor() {       \
    static const RehearsePluginDescriptor descriptor{REHEARSE_PLUGIN_API_MAJOR,                 \
                                                     REHEARSE_PLUGIN_API_MINOR, NAME, VERSION,  \
                                                     KIND, DESCRIPTION, REGISTER_FN};           \
    return &descriptor;                                                                         \
  }
