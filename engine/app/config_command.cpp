#include <fmt/format.h>
#include <fmt/ranges.h>

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
      {"recordings_max_mb", "the most the recordings of spoken answers (recordings/ beside the collection) may take, in MB",
       recordings_max_mb_option()},
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

// The names a component setting lists ("keypoints, star" gives keypoints and star).
std::vector<std::string> listed_names(const std::string& value) {
  std::vector<std::string> names;
  size_t start = 0;
  while (start <= value.size()) {
    const size_t comma = std::min(value.find(',', start), value.size());
    std::string name = value.substr(start, comma - start);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    if (!name.empty()) names.push_back(std::move(name));
    start = comma + 1;
  }
  return names;
}

// A setting that names components (the scheduler, the scorers, the front end) must name loaded
// ones: a typo would otherwise be found only in the middle of a review. `--force` skips this, for
// a plugin that is not loaded now (another --plugin-path, a plugin being rebuilt).
void require_loaded(const Engine& engine, const std::string& key, const std::string& name, const std::string& value) {
  ComponentKind kind;
  if (name == "scheduler") kind = ComponentKind::scheduler;
  else if (name == "scorers") kind = ComponentKind::scorer;
  else if (name == "frontend") kind = ComponentKind::frontend;
  else return;
  std::vector<std::string> loaded;
  for (const auto& component : engine.registry().components())
    if (component.kind == kind) loaded.push_back(component.name);
  const std::vector<std::string> names = kind == ComponentKind::scorer ? listed_names(value) : std::vector<std::string>{value};
  if (names.empty()) throw Error(fmt::format("{}: name at least one scorer", key));
  for (const auto& wanted : names) {
    if (std::find(loaded.begin(), loaded.end(), wanted) != loaded.end()) continue;
    throw Error(fmt::format("{}: no {} named '{}' is loaded (loaded: {}); `rehearse plugins` shows what was refused and why, "
                            "and `--force` sets it anyway",
                            key, to_string(kind), wanted, loaded.empty() ? "none" : fmt::format("{}", fmt::join(loaded, ", "))));
  }
}

// Checks `key` = `value` against the engine's settings and the options components declare.
// `force`: a setting may name a component that is not loaded.
void validate_setting(const Engine& engine, const std::string& key, const std::string& value, bool force) {
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
    if (!force) require_loaded(engine, key, name, value);
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

// A setting as it applies now: its value, and where that value comes from ("default",
// "collection", or "deck <name>").
struct EffectiveSetting {
  std::string key;
  std::string value;
  std::string from;
  std::string help;
};

// The value a core setting has when nothing is stored: the declared default, or for the settings
// that name components, what the engine falls back to.
std::string default_value(const Engine& engine, const CoreSetting& setting) {
  const std::string_view name = setting.name;
  if (name == "scheduler") return engine.default_scheduler();
  if (name == "scorers") return std::string(Engine::kDefaultScorers);
  return setting.spec.default_value;
}

// Every setting with its effective value: the engine's, then each component's options, then the
// deck settings stored in the collection.
std::vector<EffectiveSetting> effective_settings(Engine& engine) {
  const auto stored = engine.collection().config_with_prefix("");
  auto effective = [&](const std::string& key, const std::string& fallback, const std::string& help) {
    auto it = stored.find(key);
    return it != stored.end() ? EffectiveSetting{key, it->second, "collection", help} : EffectiveSetting{key, fallback, "default", help};
  };
  std::vector<EffectiveSetting> settings;
  for (const auto& setting : core_settings()) settings.push_back(effective(setting.name, default_value(engine, setting), setting.help));
  for (const auto& component : engine.registry().components()) {
    for (const auto& spec : component.options) {
      const std::string key = fmt::format("{}.{}.{}", to_string(component.kind), component.name, spec.name);
      settings.push_back(effective(key, spec.default_value, spec.help));
    }
  }
  // What is stored but declared by nothing loaded (a plugin that is not loaded now) is still shown.
  for (const auto& entry : stored) {
    const std::string& key = entry.first;  // a named variable: clang 14 cannot capture a structured binding
    if (key.starts_with("deck.") ||
        std::any_of(settings.begin(), settings.end(), [&](const EffectiveSetting& s) { return s.key == key; }))
      continue;
    settings.push_back({key, entry.second, "collection", "(declared by no plugin that is loaded)"});
  }
  for (const auto& [key, value] : stored) {
    if (!key.starts_with("deck.")) continue;
    const std::string deck = deck_of(engine, key).value_or("");
    settings.push_back({key, value, "deck " + deck, "for the cards of this deck only"});
  }
  return settings;
}

// "deck.<deck>.<setting>" that the collection does not store: the value the deck gets from the
// collection or the default. Nothing for other keys.
std::optional<EffectiveSetting> deck_setting(const Engine& engine, const std::vector<EffectiveSetting>& settings,
                                             const std::string& key) {
  const auto deck = deck_of(engine, key);
  if (!deck) return std::nullopt;
  const std::string general = key.substr(5 + deck->size() + 1);  // "deck." + deck + "."
  for (const auto& setting : settings)
    if (setting.key == general) return EffectiveSetting{key, setting.value, setting.from, setting.help};
  return std::nullopt;
}

// The settings as a table whose columns fit the longest name and value. A value too long for a
// column (FSRS's 21 parameters) is cut short there; `config get` shows it whole.
void print_settings(const std::vector<EffectiveSetting>& settings) {
  constexpr size_t kWidestValue = 32;
  auto shown = [&](const std::string& value) {
    if (value.empty()) return std::string("-");  // an empty value would read as a missing column
    return value.size() <= kWidestValue ? value : value.substr(0, kWidestValue - 3) + "...";
  };
  size_t key_width = 7, value_width = 5, from_width = 4;
  bool cut = false;
  for (const auto& s : settings) {
    key_width = std::max(key_width, s.key.size());
    value_width = std::max(value_width, shown(s.value).size());
    from_width = std::max(from_width, s.from.size());
    cut = cut || s.value.size() > kWidestValue;
  }
  fmt::print("{:<{}}  {:<{}}  {:<{}}  {}\n", "setting", key_width, "value", value_width, "from", from_width, "what it does");
  for (const auto& s : settings)
    fmt::print("{:<{}}  {:<{}}  {:<{}}  {}\n", s.key, key_width, shown(s.value), value_width, s.from, from_width, s.help);
  if (cut) fmt::print("(`rehearse config get KEY` shows a value cut short with ...)\n");
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
  args.allow_only(with_globals({"--json", "--force"}));
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
    const std::vector<EffectiveSetting> settings = effective_settings(engine);
    if (args.flag("--json")) {
      json out = json::array();
      for (const auto& setting : settings)
        out.push_back({{"key", setting.key}, {"value", setting.value}, {"from", setting.from}, {"help", setting.help}});
      fmt::print("{}\n", out.dump(2));
      return 0;
    }
    print_settings(settings);
    return 0;
  }
  if (action == "get") {
    const std::vector<EffectiveSetting> settings = effective_settings(engine);
    auto it = std::find_if(settings.begin(), settings.end(), [&](const EffectiveSetting& s) { return s.key == ops[1]; });
    std::optional<EffectiveSetting> found;
    if (it != settings.end()) found = *it;
    else found = deck_setting(engine, settings, ops[1]);
    if (!found) throw Error(fmt::format("unknown setting '{}' (`rehearse config list` shows them)", ops[1]));
    if (args.flag("--json"))
      fmt::print("{}\n", json{{"key", found->key}, {"value", found->value}, {"from", found->from}}.dump(2));
    else
      fmt::print("{}\n", found->value);
    return 0;
  }
  if (action == "set") {
    validate_setting(engine, ops[1], ops[2], args.flag("--force"));
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
