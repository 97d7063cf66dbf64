// What the commands share: building an engine from the global options, JSON output, argument
// checks.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "arguments.h"
#include "rehearse/engine.h"

namespace rehearse::app {

// Options every command accepts.
extern const std::vector<std::string> kGlobalOptions;

// `options` plus the global ones, for Arguments::allow_only.
std::vector<std::string> with_globals(std::vector<std::string> options);

// "Now" from --now or $REHEARSE_NOW; nothing when neither is set. Throws UsageError when bad.
std::optional<std::int64_t> fixed_now(const Arguments& args);

// The collection file the global options name (--collection, else Collection::default_path()).
std::filesystem::path collection_path(const Arguments& args);

// The engine configuration from the global options (collection, plugin folders, now). A new
// collection starts with the bundled decks.
EngineConfig engine_config(const Arguments& args);

void print_json(const nlohmann::json& value);
nlohmann::json warnings_json(const std::vector<ParseWarning>& warnings);

// Throws UsageError unless the command has between `min` and `max` operands.
void require_operands(const Arguments& args, size_t min, size_t max, const char* what);

// One card in the Markdown deck format (decks/README.md), with its `id:`, as `export` writes it.
void write_card(std::ostream& out, const CardContent& card);

}  // namespace rehearse::app
