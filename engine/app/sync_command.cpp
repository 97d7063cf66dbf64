// `rehearse sync-server` and `rehearse sync`: they run the front ends that carry sync
// (plugins/frontend/sync-server, plugins/frontend/sync-client) with the command's arguments, as
// `rehearse serve` runs the web front end. The engine only provides the changes and applies them.
#include <fmt/format.h>

#include <iostream>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

namespace {

int run_frontend(Engine& engine, const char* name, const char* missing, std::vector<std::string> frontend_args) {
  Frontend* frontend = engine.registry().frontend(name);
  if (frontend == nullptr) throw Error(missing);
  const Options options = engine.options_for(ComponentKind::frontend, frontend->name(), frontend->options());
  FrontendContext context{engine, std::nullopt, std::cin, std::cout, std::cerr, options, std::move(frontend_args), Activity::review, {}};
  return frontend->run(context);
}

}  // namespace

// `rehearse sync-server --database URL [--listen ADDR] [--port N] [--cert F --key F]`, and its
// account commands (add-user, enrol, devices, revoke).
int run_sync_server(const Arguments& args) {
  args.allow_only(with_globals({"--database", "--listen", "--port", "--cert", "--key", "--json"}));
  if (args.operands().size() > 2) throw UsageError("sync-server takes at most a command and a name (add-user NAME, enrol NAME, ...)");
  std::vector<std::string> frontend_args = args.operands();
  for (const char* option : {"--database", "--listen", "--port", "--cert", "--key"})
    if (auto value = args.value(option)) frontend_args.insert(frontend_args.end(), {option, *value});
  if (args.flag("--json")) frontend_args.push_back("--json");
  EngineConfig config = engine_config(args);
  config.starter_decks.clear();  // the server keeps nothing in the collection: no decks to give it
  Engine engine(config);
  return run_frontend(engine, "sync-server",
                      "the sync-server plugin is not loaded: it needs libpqxx (Debian's libpqxx-dev when building); "
                      "`rehearse plugins` lists what is loaded and why not",
                      std::move(frontend_args));
}

// `rehearse sync [--json]`, `rehearse sync --enrol URL CODE`, `rehearse sync --status [--json]`.
int run_sync(const Arguments& args) {
  args.allow_only(with_globals({"--enrol", "--status", "--json"}));
  std::vector<std::string> frontend_args;
  if (auto url = args.value("--enrol")) {
    require_operands(args, 1, 1, "--enrol URL takes the enrolment code the server gave");
    frontend_args = {"enrol", *url, args.operands()[0]};
  } else {
    require_operands(args, 0, 0, "no operands (--enrol URL CODE enrols this device)");
    frontend_args = {args.flag("--status") ? "status" : "sync"};
  }
  if (args.flag("--json")) frontend_args.push_back("--json");
  Engine engine(engine_config(args));
  return run_frontend(engine, "sync-client",
                      "the sync-client plugin is not loaded (`rehearse plugins` lists what is loaded and why not)", std::move(frontend_args));
}

void sync_after_review(Engine& engine) {
  Frontend* client = engine.registry().frontend("sync-client");
  if (client == nullptr || !engine.collection().config("sync.server")) return;
  const Options options = engine.options_for(ComponentKind::frontend, client->name(), client->options());
  if (!options.get_bool("after_review")) return;
  try {
    if (run_frontend(engine, "sync-client", "", {"sync"}) != 0)
      fmt::print(stderr, "rehearse: the sync after the review did not complete; `rehearse sync` tries again.\n");
  } catch (const std::exception& e) {
    // The answers are committed whatever happens here; the next sync sends them.
    fmt::print(stderr, "rehearse: the sync after the review failed (`rehearse sync` tries again): {}\n", e.what());
  }
}

}  // namespace rehearse::app
