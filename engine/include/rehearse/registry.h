// The component registry: every source, scheduler, scorer and front end, by kind and by name.
//
// Plugins add components from their register function; the engine and the commands only ever ask
// the registry, never a concrete plugin. Components handed out by the registry are wrapped so that
// an exception thrown inside a plugin arrives as a PluginError that names the plugin.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/frontend.h"
#include "rehearse/scheduler.h"
#include "rehearse/scorer.h"
#include "rehearse/source.h"

namespace rehearse {

enum class ComponentKind { source, scheduler, scorer, frontend };

REHEARSE_API std::string_view to_string(ComponentKind kind);

struct ComponentInfo {
  ComponentKind kind;
  std::string name;
  std::string plugin;  // the plugin that registered it
  std::vector<OptionSpec> options;
};

class REHEARSE_API Registry {
 public:
  Registry();
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Called by plugins. A second component of the same kind and name is refused (rehearse::Error);
  // the first one registered stays.
  void add(std::unique_ptr<Source> source);
  void add(std::unique_ptr<Scheduler> scheduler);
  void add(std::unique_ptr<Scorer> scorer);
  void add(std::unique_ptr<Frontend> frontend);

  // Lookups return nullptr when there is no component of that name.
  const Source* source(std::string_view name) const;
  const Scheduler* scheduler(std::string_view name) const;
  const Scorer* scorer(std::string_view name) const;
  Frontend* frontend(std::string_view name) const;

  // In registration order.
  std::vector<const Source*> sources() const;
  std::vector<ComponentInfo> components() const;

  // The plugin that is registering now; the host sets it around each register call so that
  // components know whom to blame.
  void set_current_plugin(std::string name);
  // The API minor version the registering plugin was built with (since 3.1): the engine does not
  // call what a plugin built for an older minor version cannot have (Scheduler::fitter()). The
  // host sets it with the plugin; components added without a plugin get the engine's own.
  void set_current_api_minor(std::uint32_t minor);
  // Removes every component `plugin` registered; the host calls it when a plugin's register
  // function fails half way, so a refused plugin leaves nothing behind.
  void remove_plugin(const std::string& plugin);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rehearse
