// The plugin API version and the export macro.
//
// Versioning rule: the major number changes when a change to any SDK header can break a plugin
// that was built against the previous headers (a changed signature, a reordered struct, a removed
// function). The minor number changes when something is only added. The host loads a plugin whose
// major equals its own and whose minor is not greater than its own; every other plugin is refused
// with a message naming the file and both versions.
#pragma once

#include <cstdint>

#define REHEARSE_PLUGIN_API_MAJOR 4
#define REHEARSE_PLUGIN_API_MINOR 4

#if defined(_WIN32)
#define REHEARSE_API __declspec(dllexport)
#else
#define REHEARSE_API __attribute__((visibility("default")))
#endif

namespace rehearse {

inline constexpr std::uint32_t kPluginApiMajor = REHEARSE_PLUGIN_API_MAJOR;
inline constexpr std::uint32_t kPluginApiMinor = REHEARSE_PLUGIN_API_MINOR;

// The version of rehearse itself (the program and the engine library).
REHEARSE_API const char* version_string();

}  // namespace rehearse
