#include "command_support.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "rehearse/engine.h"
#include "rehearse/errors.h"

namespace rehearse::app {

const std::vector<std::string> kGlobalOptions = {"--collection", "--plugin-path", "--now", "--help", "--version"};

using nlohmann::json;

std::vector<std::string> with_globals(std::vector<std::string> options) {
  options.insert(options.end(), kGlobalOptions.begin(), kGlobalOptions.end());
  return options;
}

std::optional<std::int64_t> fixed_now(const Arguments& args) {
  std::optional<std::string> text = args.value("--now");
  if (!text) {
    if (const char* env = std::getenv("REHEARSE_NOW"); env && *env) text = env;
  }
  if (!text) return std::nullopt;
  auto ms = parse_iso8601(*text);
  if (!ms) throw UsageError(fmt::format("'{}' is not an ISO 8601 date and time (like 2026-11-28T09:30)", *text));
  return ms;
}

std::filesystem::path collection_path(const Arguments& args) {
  if (auto path = args.value("--collection")) return *path;
  return Collection::default_path();
}

EngineConfig engine_config(const Arguments& args) {
  EngineConfig config;
  if (auto path = args.value("--collection")) config.collection = *path;
  for (const auto& dir : args.values("--plugin-path")) config.plugin_dirs.emplace_back(dir);
  config.now_ms = fixed_now(args);
  // A new collection starts with the bundled decks, so the first review has cards.
  if (auto decks = Engine::bundled_decks_dir(); !decks.empty()) config.starter_decks.push_back(decks);
  return config;
}

void print_json(const json& value) { std::cout << value.dump(2) << "\n"; }

json warnings_json(const std::vector<ParseWarning>& warnings) {
  json out = json::array();
  for (const auto& w : warnings) out.push_back({{"file", w.file}, {"line", w.line}, {"message", w.message}});
  return out;
}

void require_operands(const Arguments& args, size_t min, size_t max, const char* what) {
  if (args.operands().size() < min) throw UsageError(fmt::format("'{}' needs {}", args.command(), what));
  if (args.operands().size() > max)
    throw UsageError(fmt::format("'{}' takes {}; unexpected '{}'", args.command(), what, args.operands()[max]));
}

}  // namespace rehearse::app
