#include "rehearse/plugin_host.h"

#include <dlfcn.h>
#include <fmt/format.h>

#include <algorithm>
#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>
#include <cstdlib>
#include <mutex>

#include "rehearse/errors.h"
#include "rehearse/plugin.h"

namespace rehearse {

namespace {

namespace fs = std::filesystem;

// Every library ever loaded, kept for the life of the process: objects, vtables and exception
// types from a plugin must never outlive its code. Deliberately never destroyed. Shared by every
// PluginHost, so two engines opened on two threads (a web server and its tests) take turns.
void keep_resident(const boost::dll::shared_library& library) {
  static auto* libraries = new std::vector<boost::dll::shared_library>();
  static std::mutex guard;
  const std::lock_guard lock(guard);
  libraries->push_back(library);
}

bool is_kind(const char* kind) {
  if (kind == nullptr) return false;
  for (const char* known : {"source", "scheduler", "scorer", "frontend"})
    if (std::strcmp(kind, known) == 0) return true;
  return false;
}

bool is_plugin_file(const fs::path& path) {
  return path.extension() == ".so" && fs::is_regular_file(path);
}

}  // namespace

struct PluginHost::Impl {
  Registry& registry;
  std::vector<LoadedPlugin> loaded;
  std::vector<RefusedPlugin> refused;
  std::vector<fs::path> seen;  // canonical paths already tried

  bool refuse(const fs::path& file, std::string reason) {
    refused.push_back({file, std::move(reason)});
    return false;
  }
};

PluginHost::PluginHost(Registry& registry) : impl_(std::make_unique<Impl>(Impl{registry, {}, {}, {}})) {}
PluginHost::~PluginHost() = default;

const std::vector<LoadedPlugin>& PluginHost::loaded() const { return impl_->loaded; }
const std::vector<RefusedPlugin>& PluginHost::refused() const { return impl_->refused; }

void PluginHost::load_directory(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (is_plugin_file(entry.path())) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) load_file(file);
}

bool PluginHost::load_file(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return impl_->refuse(file, "no such file");
  const fs::path canonical = fs::weakly_canonical(file, ec);
  if (std::find(impl_->seen.begin(), impl_->seen.end(), canonical) != impl_->seen.end()) return true;
  impl_->seen.push_back(canonical);

  // RTLD_NOW: a missing symbol refuses the plugin here instead of crashing at its first call.
  // RTLD_NODELETE: the code stays mapped even if a shared_library handle were ever closed.
  const auto mode = static_cast<boost::dll::load_mode::type>(RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  boost::dll::shared_library library;
  try {
    library.load(fs::absolute(file), mode);
  } catch (const std::exception& e) {
    // Boost wraps dlerror's text: "... (dlerror system message: FILE: REASON): SYSTEM ERROR".
    // The reason is what helps; the file is named by the refusal already.
    std::string reason = e.what();
    if (const auto start = reason.find("dlerror system message: "); start != std::string::npos) {
      reason.erase(0, start + 24);
      if (const auto end = reason.rfind("): "); end != std::string::npos) reason.erase(end);
      const std::string prefix = fs::absolute(file).string() + ": ";
      if (reason.starts_with(prefix)) reason.erase(0, prefix.size());
    }
    return impl_->refuse(file, fmt::format("cannot be loaded: {}", reason));
  }
  if (!library.has(REHEARSE_PLUGIN_ENTRY_POINT))
    return impl_->refuse(file, fmt::format("is not a rehearse plugin: it has no entry point '{}'", REHEARSE_PLUGIN_ENTRY_POINT));

  using Entry = const RehearsePluginDescriptor*();
  const RehearsePluginDescriptor* descriptor = nullptr;
  try {
    descriptor = library.get<Entry>(REHEARSE_PLUGIN_ENTRY_POINT)();
  } catch (const std::exception& e) {
    return impl_->refuse(file, fmt::format("its entry point threw: {}", e.what()));
  } catch (...) {
    return impl_->refuse(file, "its entry point threw an unknown exception");
  }
  keep_resident(library);

  if (descriptor == nullptr) return impl_->refuse(file, "its entry point returned no descriptor");
  if (descriptor->api_major != kPluginApiMajor || descriptor->api_minor > kPluginApiMinor)
    return impl_->refuse(file, fmt::format("was built for plugin API {}.{}; this rehearse supports {}.{} "
                                           "(the major versions must match, and the plugin's minor may not be newer)",
                                           descriptor->api_major, descriptor->api_minor, kPluginApiMajor, kPluginApiMinor));
  if (descriptor->name == nullptr || *descriptor->name == '\0')
    return impl_->refuse(file, "its descriptor has no name");
  if (!is_kind(descriptor->kind))
    return impl_->refuse(file, fmt::format("its descriptor has kind '{}'; expected source, scheduler, scorer or frontend",
                                           descriptor->kind ? descriptor->kind : ""));
  if (descriptor->register_components == nullptr)
    return impl_->refuse(file, "its descriptor has no register function");
  const std::string name = descriptor->name;
  for (const auto& other : impl_->loaded) {
    if (other.name == name)
      return impl_->refuse(file, fmt::format("a plugin named '{}' is already loaded from {}", name, other.file.string()));
  }

  impl_->registry.set_current_plugin(name);
  impl_->registry.set_current_api_minor(descriptor->api_minor);
  try {
    descriptor->register_components(impl_->registry);
  } catch (const std::exception& e) {
    impl_->registry.remove_plugin(name);
    impl_->registry.set_current_plugin("(engine)");
  impl_->registry.set_current_api_minor(kPluginApiMinor);
    return impl_->refuse(file, fmt::format("plugin '{}' failed to register its components: {}", name, e.what()));
  } catch (...) {
    impl_->registry.remove_plugin(name);
    impl_->registry.set_current_plugin("(engine)");
  impl_->registry.set_current_api_minor(kPluginApiMinor);
    return impl_->refuse(file, fmt::format("plugin '{}' failed to register its components: unknown exception", name));
  }
  impl_->registry.set_current_plugin("(engine)");
  impl_->registry.set_current_api_minor(kPluginApiMinor);

  impl_->loaded.push_back({name, descriptor->version ? descriptor->version : "", descriptor->kind,
                           descriptor->description ? descriptor->description : "", descriptor->api_major,
                           descriptor->api_minor, file});
  return true;
}

std::vector<fs::path> PluginHost::default_directories() {
  std::vector<fs::path> dirs;
  std::error_code ec;
  const fs::path program = boost::dll::program_location(ec);
  if (!ec) dirs.push_back(program.parent_path().parent_path() / REHEARSE_PLUGIN_SUBDIR);
  if (const char* extra = std::getenv("REHEARSE_PLUGIN_PATH")) {
    std::string_view rest(extra);
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const auto part = rest.substr(0, colon);
      if (!part.empty()) dirs.emplace_back(part);
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  return dirs;
}

}  // namespace rehearse
