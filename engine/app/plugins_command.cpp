#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

using nlohmann::json;

int run_plugins(const Arguments& args) {
  args.allow_only(with_globals({"--json", "--check"}));
  require_operands(args, 0, 0, "no operands");
  Registry registry;
  PluginHost host(registry);
  if (auto file = args.value("--check")) {
    host.load_file(*file);
  } else {
    for (const auto& dir : PluginHost::default_directories()) host.load_directory(dir);
    for (const auto& dir : args.values("--plugin-path")) host.load_directory(dir);
  }
  const auto components = registry.components();
  auto components_of = [&](const std::string& plugin) {
    json list = json::array();
    for (const auto& c : components) {
      if (c.plugin != plugin) continue;
      json options = json::array();
      for (const auto& o : c.options)
        options.push_back({{"name", o.name}, {"type", to_string(o.type)}, {"default", o.default_value}, {"help", o.help}});
      list.push_back({{"kind", to_string(c.kind)}, {"name", c.name}, {"options", options}});
    }
    return list;
  };
  if (args.flag("--json")) {
    json loaded = json::array(), refused = json::array();
    for (const auto& p : host.loaded())
      loaded.push_back({{"name", p.name},
                        {"kind", p.kind},
                        {"version", p.version},
                        {"description", p.description},
                        {"api", fmt::format("{}.{}", p.api_major, p.api_minor)},
                        {"file", p.file.string()},
                        {"components", components_of(p.name)}});
    for (const auto& r : host.refused()) refused.push_back({{"file", r.file.string()}, {"reason", r.reason}});
    print_json({{"loaded", loaded}, {"refused", refused}});
  } else {
    // Columns as wide as their longest entry, so that a long plugin name keeps the table straight.
    size_t kind_width = 8, name_width = 4, version_width = 7;
    for (const auto& p : host.loaded()) {
      kind_width = std::max(kind_width, p.kind.size());
      name_width = std::max(name_width, p.name.size());
      version_width = std::max(version_width, p.version.size());
    }
    for (const auto& p : host.loaded())
      fmt::print("{:<{}} {:<{}} {:<{}} {}\n{:{}}{}\n", p.kind, kind_width, p.name, name_width, p.version, version_width, p.description,
                 "", kind_width + 1, p.file.string());
    for (const auto& r : host.refused()) fmt::print("refused    {}: {}\n", r.file.string(), r.reason);
    if (host.loaded().empty() && host.refused().empty()) fmt::print("No plugins found.\n");
  }
  return args.value("--check") && !host.refused().empty() ? 1 : 0;
}

}  // namespace rehearse::app
