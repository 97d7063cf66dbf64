// A libFuzzer target for one source plugin, compiled together with the plugin's own sources (see
// CMakeLists.txt): REHEARSE_FUZZ_SOURCE names the source, REHEARSE_FUZZ_EXTENSION the kind of file
// it is given. Whatever the bytes, the source must read them or refuse them with a ParseError. A
// crash, a sanitizer report, any other exception, or a result the engine refuses is a bug.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "rehearse/errors.h"
#include "rehearse/plugin.h"

extern "C" const RehearsePluginDescriptor* rehearse_plugin_descriptor();

namespace {

// The source as the engine sees it: registered through the plugin's entry point, behind the
// registry's guard (which turns what the engine cannot accept into a PluginError).
const rehearse::Source& source() {
  static rehearse::Registry registry;
  static const rehearse::Source* found = [] {
    const RehearsePluginDescriptor* plugin = rehearse_plugin_descriptor();
    registry.set_current_plugin(plugin->name);
    plugin->register_components(registry);
    const rehearse::Source* s = registry.source(REHEARSE_FUZZ_SOURCE);
    if (s == nullptr) {
      std::fprintf(stderr, "the plugin registers no source named %s\n", REHEARSE_FUZZ_SOURCE);
      std::abort();
    }
    return s;
  }();
  return *found;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const rehearse::Source& s = source();
  const std::filesystem::path path = "fuzz." REHEARSE_FUZZ_EXTENSION;
  try {
    s.accepts(path, bytes.substr(0, 4096));
    const rehearse::Options options(s.options(), {});
    s.parse(path, bytes, options);
  } catch (const rehearse::ParseError&) {
    // Refused with the file and line: what bad input should get.
  } catch (const std::exception& e) {
    std::fprintf(stderr, "not a ParseError: %s\n", e.what());
    std::abort();
  }
  return 0;
}
