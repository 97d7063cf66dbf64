#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <optional>
#include <utility>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

using nlohmann::json;

namespace {

// Settings that belong to the engine, with the check each value must pass.
struct CoreSetting {
  const char* name;
  const char* help;
  OptionSpec spec;
};

const std::vector<CoreSetting>& core_settings() {
  static const std::vector<CoreSetting> settings = {
      {"scheduler", "the scheduler for every deck (e.g. fsrs, sm2)", {"scheduler", OptionType::text, "", "", 0, 0}},
      {"scorers", "the scorers run on typed answers, in order (e.g. keypoints,star,technical)", {"scorers", OptionType::text, "", "", 0, 0}},
      {"frontend", "the default front end of `rehearse review`", {"frontend", OptionType::text, "cli", "", 0, 0}},
      {"new_per_day", "new cards per deck per day", {"new_per_day", OptionType::integer, "10", "", 0, 100000}},
      {"reviews_per_day", "reviews per deck per day", {"reviews_per_day", OptionType::integer, "200", "", 0, 1000000}},
      {"day_start_hour", "the local hour at which a new day starts", {"day_start_hour", OptionType::integer, "4", "", 0, 23}},
      {"keep_backups", "automatic backups kept in backups/ beside the collection (0: none)",
       {"keep_backups", OptionType::integer, "10", "", 0, 1000}},
      {"review_order", "order of today's reviews: due (by due day, then random), deck, retrievability, random",
       review_order_option()},
      {"new_mix", "new cards after the reviews, mixed among them, or before", new_mix_option()},
  };
  return settings;
}

// A deck preset of a scheduler option, "deck.<deck>.scheduler.<name>.<option>": the deck and the
// option's declaration, or nothing when `key` is not one.
std::optional<std::pair<std::string, OptionSpec>> deck_scheduler_option(const Engine& engine, const std::string& key) {
  if (!key.starts_with("deck.")) return std::nullopt;
  for (const auto& component : engine.registry().components()) {
    if (component.kind != ComponentKind::scheduler) continue;
    for (const auto& spec : component.options) {
      const std::string suffix = fmt::format(".scheduler.{}.{}", component.name, spec.name);
      if (key.size() > 5 + suffix.size() && key.ends_with(suffix)) return std::pair(key.substr(5, key.size() - 5 - suffix.size()), spec);
    }
  }
  return std::nullopt;
}

// The deck a "deck.<deck>.<setting>" key is about, or nothing for other keys.
std::optional<std::string> deck_of(const Engine& engine, const std::string& key) {
  if (auto option = deck_scheduler_option(engine, key)) return option->first;
  const auto dot = key.rfind('.');
  if (!key.starts_with("deck.") || dot <= 5) return std::nullopt;
  return key.substr(5, dot - 5);
}

// Checks `key` = `value` against the engine's settings and the options components declare.
void validate_setting(const Engine& engine, const std::string& key, const std::string& value) {
  if (auto option = deck_scheduler_option(engine, key)) {
    if (auto problem = validate_option(option->second, value); !problem.empty()) throw Error(fmt::format("{}: {}", key, problem));
    return;
  }
  std::string name = key;
  if (key.starts_with("deck.")) {
    const auto dot = key.rfind('.');
    if (dot <= 5) throw UsageError(fmt::format("'{}' should look like deck.<deck name>.<setting>", key));
    name = key.substr(dot + 1);
  }
  for (const auto& setting : core_settings()) {
    if (name != setting.name) continue;
    if (auto problem = validate_option(setting.spec, value); !problem.empty())
      throw Error(fmt::format("{}: {}", key, problem));
    if (name == "scheduler" && !engine.registry().scheduler(value))
      throw Error(fmt::format("{}: there is no scheduler named '{}'", key, value));
    if (name == "frontend" && !engine.registry().frontend(value))
      throw Error(fmt::format("{}: there is no front end named '{}'", key, value));
    return;
  }
  if (key.starts_with("deck.")) throw Error(fmt::format("'{}' is not a deck setting", name));
  for (const auto& component : engine.registry().components()) {
    const std::string prefix = fmt::format("{}.{}.", to_string(component.kind), component.name);
    if (!key.starts_with(prefix)) continue;
    const std::string option = key.substr(prefix.size());
    for (const auto& spec : component.options) {
      if (spec.name != option) continue;
      if (auto problem = validate_option(spec, value); !problem.empty()) throw Error(fmt::format("{}: {}", key, problem));
      return;
    }
    throw Error(fmt::format("{} {} has no option '{}'", to_string(component.kind), component.name, option));
  }
  throw Error(fmt::format("unknown setting '{}' (`rehearse config list` shows them)", key));
}

// Tells the user what switching schedulers did to their cards.
void report_switch(const Engine::SettingReport& report) {
  if (report.switched_decks.empty()) return;
  const size_t decks = report.switched_decks.size();
  fmt::print("{} now scheduled by {}; the state of {} card{} was recomputed from {} review log{} (no review is lost)\n",
             decks == 1 ? fmt::format("deck '{}' is", report.switched_decks.front()) : fmt::format("{} decks are", decks),
             report.scheduler, report.recomputed_cards, report.recomputed_cards == 1 ? "" : "s",
             report.recomputed_cards == 1 ? "its" : "their", report.recomputed_cards == 1 ? "" : "s");
}

}  // namespace

int run_config(const Arguments& args) {
  args.allow_only(with_globals({"--json"}));
  const auto& ops = args.operands();
  const std::string action = ops.empty() ? "list" : ops[0];
  // Wrong arguments are refused before the collection is opened (or created).
  if (action == "list") require_operands(args, 0, 1, "no more operands");
  else if (action == "get" || action == "unset") require_operands(args, 2, 2, "a KEY");
  else if (action == "set") require_operands(args, 3, 3, "a KEY and a VALUE");
  else throw UsageError(fmt::format("unknown config action '{}' (list, get, set, unset)", action));
  Engine engine(engine_config(args));
  Collection& collection = engine.collection();
  if (action == "list") {
    const auto stored = collection.config_with_prefix("");
    for (const auto& setting : core_settings()) {
      auto it = stored.find(setting.name);
      fmt::print("{:<34} {:<14} {}\n", setting.name, it != stored.end() ? it->second : "(" + setting.spec.default_value + ")", setting.help);
    }
    for (const auto& component : engine.registry().components()) {
      for (const auto& spec : component.options) {
        const std::string key = fmt::format("{}.{}.{}", to_string(component.kind), component.name, spec.name);
        auto it = stored.find(key);
        fmt::print("{:<34} {:<14} {}\n", key, it != stored.end() ? it->second : "(" + spec.default_value + ")", spec.help);
      }
    }
    for (const auto& [key, value] : stored)
      if (key.starts_with("deck.")) fmt::print("{:<34} {}\n", key, value);
    return 0;
  }
  if (action == "get") {
    auto value = collection.config(ops[1]);
    if (!value) return 1;
    fmt::print("{}\n", *value);
    return 0;
  }
  if (action == "set") {
    validate_setting(engine, ops[1], ops[2]);
    if (auto deck = deck_of(engine, ops[1])) {
      const auto names = collection.deck_names();
      if (std::find(names.begin(), names.end(), *deck) == names.end())
        fmt::print(stderr, "rehearse: note: there is no deck named '{}' yet; the setting applies once there is\n", *deck);
    }
    report_switch(engine.change_setting(ops[1], ops[2]));
    return 0;
  }
  if (action == "unset") {
    report_switch(engine.change_setting(ops[1], std::nullopt));
    return 0;
  }
  return 0;  // unreachable: the action was checked above
}

}  // namespace rehearse::app
