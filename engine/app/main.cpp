// rehearse: spaced repetition for engineering interviews. A thin command dispatcher over the
// engine library; each command lives in its own <name>_command.cpp.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "arguments.h"
#include "commands.h"
#include "rehearse/api.h"
#include "rehearse/errors.h"

namespace {

using rehearse::app::Arguments;

struct Command {
  const char* name;
  int (*run)(const Arguments&);
  std::vector<std::string> valued_options;  // options of this command that take a value
  const char* usage;
};

const std::vector<Command>& commands() {
  using namespace rehearse::app;
  static const std::vector<Command> list = {
      {"review", run_review, {"--deck", "--frontend", "--until"},
       "review [--deck NAME] [--frontend NAME] [--until DATE [--plan [--json]]]\n"
       "                                            review today's cards (the default); --until: work\n"
       "                                            towards an interview on DATE (--plan: only show the plan)"},
      {"forecast", run_forecast, {"--days"}, "forecast [--days N] [--json]              cards due on each of the next N days (30)"},
      {"simulate", run_simulate, {"--days", "--new-per-day", "--retention", "--seed", "--deck"},
       "simulate [--days N] [--new-per-day N] [--retention R] [--seed N] [--deck NAME] [--json]\n"
       "                                            the workload and recall of the next N days (30), and\n"
       "                                            what other desired retentions would cost"},
      {"serve", run_serve, {"--port", "--listen", "--cert", "--key"},
       "serve [--port N] [--listen ADDR [--cert FILE --key FILE]] [--deck NAME]\n"
       "                                            review, decks and statistics in the browser; beyond\n"
       "                                            loopback, devices pair with a one-time code first\n"
       "  serve devices [--json] | serve revoke ID  list or revoke the paired devices"},
      {"sync", run_sync, {"--enrol"},
       "sync [--json] | sync --enrol URL CODE | sync --status [--json]\n"
       "                                            push this device's reviews and edits to the sync server\n"
       "                                            and pull the other devices'; enrol once with a code"},
      {"sync-server", run_sync_server, {"--database", "--listen", "--port", "--cert", "--key"},
       "sync-server --database URL [--listen ADDR] [--port N] [--cert FILE --key FILE]\n"
       "                                            serve sync for many users on PostgreSQL\n"
       "  sync-server --database URL add-user NAME | enrol NAME | devices NAME [--json] | revoke TOKEN-ID"},
      {"import", run_import, {"--source", "--deck", "--columns"},
       "import PATH... [--source NAME] [--deck NAME] [--dry-run] [--with-history] [--columns MAP] [--json]\n"
       "                                            import decks from files or folders (Markdown decks,\n"
       "                                            guide pages, CSV/TSV, Anki packages); --dry-run says\n"
       "                                            what would change (--with-history: an Anki deck's reviews too;\n"
       "                                            --columns question=2,answer=5,tags=-: a table's columns by hand)"},
      {"export", run_export, {}, "export DECK FILE.md [--force]             write a deck as a Markdown deck file (- for stdout)"},
      {"edit", run_edit, {}, "edit CARD [--deck NAME] [--reset]         edit a card in $EDITOR (CARD: its id, as reviews show it,\n"
                             "                                            or its number); --reset: back to its source's text"},
      {"decks", run_decks, {}, "decks [--json]                            list decks with their due and new cards"},
      {"stats", run_stats, {}, "stats [--json]                            counts of cards and reviews"},
      {"backup", run_backup, {}, "backup [FILE] [--list] [--json]           copy the collection (default: into backups/ beside it)"},
      {"restore", run_restore, {}, "restore FILE                              replace the collection with a backup (backing it up first)"},
      {"check", run_check, {}, "check [--repair] [--json]                 look for damage and inconsistencies (and repair them)"},
      {"plugins", run_plugins, {"--check"}, "plugins [--json] [--check FILE]           list loaded and refused plugins"},
      {"score", run_score, {"--scorer", "--card", "--question", "--deck", "--seconds"},
       "score (--card ID | --question TEXT) [--scorer NAME] [--deck NAME] [--seconds N] [--json] < ANSWER\n"
       "                                            score one typed answer and say what it lacks"},
      {"stories", run_stories, {}, "stories [--json]                          your STAR stories against the themes questions ask for"},
      {"story", run_story, {"--deck", "--frontend", "--port"},
       "story new [--frontend NAME] | story edit ID\n"
       "                                            write a STAR story of your own, step by step, into\n"
       "                                            decks/my-stories.md beside the collection; edit one"},
      {"recordings", run_recordings, {}, "recordings [list | delete ID] [--json]    the spoken answers recorded in the web app; delete one"},
      {"mock", run_mock, {"--deck", "--frontend", "--minutes", "--themes"},
       "mock [--minutes N] [--deck NAME] [--themes A,B] [--frontend NAME] [--json]\n"
       "                                            a mock interview: due and weak questions against the\n"
       "                                            clock (20 min), follow-ups, and a report"},
      {"config", run_config, {}, "config [list | get KEY | set KEY VALUE | unset KEY]\n"
                                 "                                            show or change settings"},
      {"replay", run_replay, {"--scheduler"}, "replay FILE.csv [--scheduler fsrs|sm2] [--json]\n"
                                              "                                            run a review log through a scheduler"},
      {"optimize", run_optimize, {"--deck", "--revlog"},
       "optimize [--deck NAME] [--revlog FILE.csv] [--apply] [--json]\n"
       "                                            fit the scheduler's parameters (FSRS) to your reviews"},
      {"export-revlog", run_export_revlog, {}, "export-revlog FILE.csv                    write the review log as CSV"},
  };
  return list;
}

std::string usage() {
  std::string text = "usage: rehearse [OPTIONS] COMMAND [ARGS]\n\n"
                     "Spaced-repetition review of interview questions, key points and STAR stories.\n\nCommands:\n";
  for (const auto& command : commands()) text += fmt::format("  {}\n", command.usage);
  text += R"(
Options:
  --collection PATH   the collection file (default $REHEARSE_COLLECTION, else
                      $XDG_DATA_HOME/rehearse/collection.db)
  --plugin-path DIR   also load plugins from DIR (repeatable; also $REHEARSE_PLUGIN_PATH)
  --now DATETIME      act as if it were DATETIME (ISO 8601; also $REHEARSE_NOW)
  -h, --help          show this help
  -V, --version       show the version
)";
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace rehearse::app;
  std::vector<std::string> raw(argv + 1, argv + argc);
  std::vector<std::string> valued = {"--collection", "--plugin-path", "--now"};
  for (const auto& command : commands()) valued.insert(valued.end(), command.valued_options.begin(), command.valued_options.end());
  bool json_errors = false;
  try {
    const Arguments args(raw, valued, {"--plugin-path"});
    json_errors = args.flag("--json");
    if (args.flag("--version")) {
      fmt::print("rehearse {} (plugin API {}.{})\n", rehearse::version_string(), rehearse::kPluginApiMajor,
                 rehearse::kPluginApiMinor);
      return 0;
    }
    if (args.flag("--help") || args.command() == "help") {
      fmt::print("{}", usage());
      return 0;
    }
    const std::string name = args.command().empty() ? "review" : args.command();
    for (const auto& command : commands())
      if (name == command.name) return command.run(args);
    throw UsageError(fmt::format("unknown command '{}'", name));
  } catch (const UsageError& e) {
    fmt::print(stderr, "rehearse: {}\n\n{}", e.what(), usage());
    return 2;
  } catch (const rehearse::ParseError& e) {
    if (json_errors) {
      nlohmann::json error = {{"error", {{"file", e.file()}, {"line", e.line()}, {"message", e.message()}}}};
      std::cout << error.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    fmt::print(stderr, "rehearse: {}\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    if (json_errors) {
      nlohmann::json error = {{"error", {{"file", ""}, {"line", 0}, {"message", e.what()}}}};
      std::cout << error.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    fmt::print(stderr, "rehearse: {}\n", e.what());
    return 1;
  }
}
