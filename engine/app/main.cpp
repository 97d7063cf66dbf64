// rehearse: spaced repetition for engineering interviews. A thin command dispatcher over the
// engine library; see commands.cpp.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "rehearse/api.h"
#include "rehearse/errors.h"

namespace {

constexpr const char* kUsage = R"(usage: rehearse [OPTIONS] COMMAND [ARGS]

Spaced-repetition review of interview questions, key points and STAR stories.

Commands:
  review [--deck NAME] [--frontend NAME]   review today's cards (the default command)
  import PATH... [--source NAME] [--json]   import decks from files or folders
  decks [--json]                            list decks with their due and new cards
  stats [--json]                            counts of cards and reviews
  plugins [--json] [--check FILE]           list loaded and refused plugins
  config [list | get KEY | set KEY VALUE | unset KEY]
                                            show or change settings

Options:
  --collection PATH   the collection file (default $REHEARSE_COLLECTION, else
                      $XDG_DATA_HOME/rehearse/collection.db)
  --plugin-path DIR   also load plugins from DIR (repeatable; also $REHEARSE_PLUGIN_PATH)
  --now DATETIME      act as if it were DATETIME (ISO 8601; also $REHEARSE_NOW)
  -h, --help          show this help
  -V, --version       show the version
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace rehearse::app;
  std::vector<std::string> raw(argv + 1, argv + argc);
  bool json_errors = false;
  try {
    const Arguments args(raw, {"--collection", "--plugin-path", "--now", "--deck", "--frontend", "--source", "--check"},
                         {"--plugin-path"});
    json_errors = args.flag("--json");
    if (args.flag("--version")) {
      fmt::print("rehearse {} (plugin API {}.{})\n", rehearse::version_string(), rehearse::kPluginApiMajor,
                 rehearse::kPluginApiMinor);
      return 0;
    }
    if (args.flag("--help") || args.command() == "help") {
      fmt::print("{}", kUsage);
      return 0;
    }
    const std::string& command = args.command();
    if (command.empty() || command == "review") return run_review(args);
    if (command == "import") return run_import(args);
    if (command == "decks") return run_decks(args);
    if (command == "plugins") return run_plugins(args);
    if (command == "stats") return run_stats(args);
    if (command == "config") return run_config(args);
    throw UsageError(fmt::format("unknown command '{}'", command));
  } catch (const UsageError& e) {
    fmt::print(stderr, "rehearse: {}\n\n{}", e.what(), kUsage);
    return 2;
  } catch (const rehearse::ParseError& e) {
    if (json_errors) {
      nlohmann::json error = {{"error", {{"file", e.file()}, {"line", e.line()}, {"message", e.message()}}}};
      std::cout << error.dump(2) << "\n";
    }
    fmt::print(stderr, "rehearse: {}\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    if (json_errors) {
      nlohmann::json error = {{"error", {{"file", ""}, {"line", 0}, {"message", e.what()}}}};
      std::cout << error.dump(2) << "\n";
    }
    fmt::print(stderr, "rehearse: {}\n", e.what());
    return 1;
  }
}
