// Finds, checks and loads plugin libraries into the registry.
//
// A library is refused, with the reason, when it cannot be loaded, has no entry point, was built
// for another major API version (or a newer minor), has a malformed descriptor, or throws while
// registering; the others still load. Loaded libraries stay loaded for the life of the process.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/registry.h"

namespace rehearse {

struct LoadedPlugin {
  std::string name;
  std::string version;
  std::string kind;
  std::string description;
  unsigned api_major = 0, api_minor = 0;
  std::filesystem::path file;
};

struct RefusedPlugin {
  std::filesystem::path file;
  std::string reason;
};

class REHEARSE_API PluginHost {
 public:
  explicit PluginHost(Registry& registry);
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // Loads every plugin library (*.so) in `dir`, in name order. A missing folder is not an error.
  void load_directory(const std::filesystem::path& dir);
  // Loads one library; returns false (and records why) when it is refused.
  bool load_file(const std::filesystem::path& file);

  const std::vector<LoadedPlugin>& loaded() const;
  const std::vector<RefusedPlugin>& refused() const;

  // The folders searched by default: the plugins folder beside the executable
  // (<prefix>/lib/rehearse/plugins), then each folder in $REHEARSE_PLUGIN_PATH (':'-separated).
  static std::vector<std::filesystem::path> default_directories();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rehearse
