// A plugin built for a future major API version: the host must refuse it without calling it.
#include "rehearse/plugin.h"

static void register_components(rehearse::Registry&) { throw "must never be called"; }

extern "C" REHEARSE_API const RehearsePluginDescriptor* rehearse_plugin_descriptor() {
  static const RehearsePluginDescriptor descriptor{REHEARSE_PLUGIN_API_MAJOR + 1, 0, "wrong-major", "1.0.0", "scorer",
                                                   "built for another API", register_components};
  return &descriptor;
}
