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

// The whole number the option `option` gives, from `low` to `high`, or `fallback` when it is not
// given. Otherwise UsageError: "--days: 'x' is not a number of days from 1 to 36500", with `what`
// naming the value.
long whole_number_option(const Arguments& args, const std::string& option, long fallback, long low, long high, const char* what);

// Throws UsageError unless the command has between `min` and `max` operands.
void require_operands(const Arguments& args, size_t min, size_t max, const char* what);

// The card `id` names, as users see cards named: a row id (digits, as `decks`/`--json` outputs
// give it) or the `id:` its deck file gives it, in `deck` when set. Throws rehearse::Error naming
// the decks when the id is in several, and suggesting cards when it is in none.
Card find_card(const Collection& collection, const std::string& id, const std::optional<std::string>& deck);

// The writer of rehearse's own deck format (the markdown source plugin). Throws rehearse::Error
// when that plugin is not loaded.
const CardWriter& markdown_writer(const Engine& engine);

}  // namespace rehearse::app
