// A plugin that needs a newer minor API version than the host has.
#include "rehearse/plugin.h"

static void register_components(rehearse::Registry&) { throw "must never be called"; }

extern "C" REHEARSE_API const RehearsePluginDescriptor* rehearse_plugin_descriptor() {
  static const RehearsePluginDescriptor descriptor{REHEARSE_PLUGIN_API_MAJOR, REHEARSE_PLUGIN_API_MINOR + 1, "newer-minor",
                                                   "1.0.0", "scorer", "needs a newer API", register_components};
  return &descriptor;
}
