#include "commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "rehearse/engine.h"
#include "rehearse/errors.h"

namespace rehearse::app {

const std::vector<std::string> kGlobalOptions = {"--collection", "--plugin-path", "--now", "--help", "--version"};

namespace {

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

}  // namespace

int run_review(const Arguments& args) {
  args.allow_only(with_globals({"--deck", "--frontend"}));
  require_operands(args, 0, 0, "no operands");
  Engine engine(engine_config(args));
  std::string name = args.value("--frontend").value_or(engine.collection().config("frontend").value_or("cli"));
  // Full-screen front ends need a terminal; scripts pipe into the line-oriented one.
  if (!args.value("--frontend") && !isatty(STDIN_FILENO)) name = "cli";
  Frontend* frontend = engine.registry().frontend(name);
  if (frontend == nullptr) throw Error(fmt::format("there is no front end named '{}' (`rehearse plugins` lists them)", name));
  const Options options = engine.options_for(ComponentKind::frontend, frontend->name(), frontend->options());
  FrontendContext context{engine, args.value("--deck"), std::cin, std::cout, std::cerr, options, {}};
  if (context.deck) engine.start_review(*context.deck);  // checks the deck exists before the front end starts
  return frontend->run(context);
}

int run_import(const Arguments& args) {
  args.allow_only(with_globals({"--source", "--json"}));
  require_operands(args, 1, SIZE_MAX, "at least one file or folder");
  Engine engine(engine_config(args));
  std::vector<std::filesystem::path> paths(args.operands().begin(), args.operands().end());
  const ImportReport report = engine.import_paths(paths, args.value("--source").value_or(""));
  if (args.flag("--json")) {
    print_json({{"added", report.added},
                {"updated", report.updated},
                {"suspended", report.suspended},
                {"unchanged", report.unchanged},
                {"gone", report.gone},
                {"warnings", warnings_json(report.warnings)}});
    return 0;
  }
  fmt::print("{} added, {} updated, {} unchanged, {} suspended (gone from their file)\n", report.added, report.updated,
             report.unchanged, report.suspended);
  for (const auto& gone : report.gone) fmt::print("  suspended: {}\n", gone);
  for (const auto& w : report.warnings) fmt::print(stderr, "warning: {}:{}: {}\n", w.file, w.line, w.message);
  return 0;
}

int run_decks(const Arguments& args) {
  args.allow_only(with_globals({"--json"}));
  require_operands(args, 0, 0, "no operands");
  Engine engine(engine_config(args));
  const auto decks = engine.collection().decks();
  if (args.flag("--json")) {
    json out = json::array();
    for (const auto& d : decks)
      out.push_back({{"name", d.name}, {"cards", d.cards}, {"due", d.due}, {"new", d.new_cards}, {"suspended", d.suspended}});
    print_json(out);
    return 0;
  }
  if (decks.empty()) {
    fmt::print("No decks yet. Import one with: rehearse import FILE.md\n");
    return 0;
  }
  size_t width = 4;
  for (const auto& d : decks) width = std::max(width, d.name.size());
  fmt::print("{:<{}}  {:>5}  {:>4}  {:>4}\n", "Deck", width, "Cards", "Due", "New");
  for (const auto& d : decks) fmt::print("{:<{}}  {:>5}  {:>4}  {:>4}\n", d.name, width, d.cards, d.due, d.new_cards);
  return 0;
}

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
    for (const auto& p : host.loaded())
      fmt::print("{:<10} {:<10} {:<8} {}\n           {}\n", p.kind, p.name, p.version, p.description, p.file.string());
    for (const auto& r : host.refused()) fmt::print("refused    {}: {}\n", r.file.string(), r.reason);
    if (host.loaded().empty() && host.refused().empty()) fmt::print("No plugins found.\n");
  }
  return args.value("--check") && !host.refused().empty() ? 1 : 0;
}

int run_stats(const Arguments& args) {
  args.allow_only(with_globals({"--json"}));
  require_operands(args, 0, 0, "no operands");
  Engine engine(engine_config(args));
  const CollectionStats s = engine.collection().stats();
  if (args.flag("--json")) {
    print_json({{"cards", s.cards},
                {"cards_by_kind", {{"question", s.questions}, {"keypoint", s.keypoints}, {"story", s.stories}}},
                {"due_today", s.due_today},
                {"new_today", s.new_today},
                {"reviews_total", s.reviews_total},
                {"reviews_today", s.reviews_today}});
    return 0;
  }
  fmt::print("Cards:    {} ({} questions, {} key points, {} stories)\n", s.cards, s.questions, s.keypoints, s.stories);
  fmt::print("Today:    {} due, {} new\n", s.due_today, s.new_today);
  fmt::print("Reviews:  {} today, {} in all\n", s.reviews_today, s.reviews_total);
  return 0;
}

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
      {"scorers", "the scorers run on typed answers, in order (e.g. keypoints,star)", {"scorers", OptionType::text, "", "", 0, 0}},
      {"frontend", "the default front end of `rehearse review`", {"frontend", OptionType::text, "cli", "", 0, 0}},
      {"new_per_day", "new cards per deck per day", {"new_per_day", OptionType::integer, "10", "", 0, 100000}},
      {"reviews_per_day", "reviews per deck per day", {"reviews_per_day", OptionType::integer, "200", "", 0, 1000000}},
      {"day_start_hour", "the local hour at which a new day starts", {"day_start_hour", OptionType::integer, "4", "", 0, 23}},
  };
  return settings;
}

// Checks `key` = `value` against the engine's settings and the options components declare.
void validate_setting(const Engine& engine, const std::string& key, const std::string& value) {
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

}  // namespace

int run_config(const Arguments& args) {
  args.allow_only(with_globals({"--json"}));
  Engine engine(engine_config(args));
  Collection& collection = engine.collection();
  const auto& ops = args.operands();
  const std::string action = ops.empty() ? "list" : ops[0];
  if (action == "list") {
    require_operands(args, 0, 1, "no more operands");
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
    require_operands(args, 2, 2, "a KEY");
    auto value = collection.config(ops[1]);
    if (!value) return 1;
    fmt::print("{}\n", *value);
    return 0;
  }
  if (action == "set") {
    require_operands(args, 3, 3, "a KEY and a VALUE");
    validate_setting(engine, ops[1], ops[2]);
    collection.set_config(ops[1], ops[2]);
    return 0;
  }
  if (action == "unset") {
    require_operands(args, 2, 2, "a KEY");
    collection.unset_config(ops[1]);
    return 0;
  }
  throw UsageError(fmt::format("unknown config action '{}' (list, get, set, unset)", action));
}

}  // namespace rehearse::app
