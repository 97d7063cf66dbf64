#include <fmt/format.h>

#include <charconv>
#include <iostream>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

// `rehearse serve`: runs the `web` front end, a local web app, until Ctrl-C.
int run_serve(const Arguments& args) {
  args.allow_only(with_globals({"--port", "--listen", "--deck"}));
  require_operands(args, 0, 0, "no operands");
  std::vector<std::string> frontend_args;
  if (auto port = args.value("--port")) {
    int number = -1;
    const auto [end, error] = std::from_chars(port->data(), port->data() + port->size(), number);
    if (error != std::errc() || end != port->data() + port->size() || number < 0 || number > 65535)
      throw UsageError(fmt::format("--port needs a port number 0-65535 (0 picks a free one), not '{}'", *port));
    frontend_args.insert(frontend_args.end(), {"--port", *port});
  }
  if (auto address = args.value("--listen")) frontend_args.insert(frontend_args.end(), {"--listen", *address});

  Engine engine(engine_config(args));
  Frontend* web = engine.registry().frontend("web");
  if (web == nullptr) throw Error("the web front end is not loaded (`rehearse plugins` lists what is, and why not)");
  const Options options = engine.options_for(ComponentKind::frontend, web->name(), web->options());
  FrontendContext context{engine, args.value("--deck"), std::cin, std::cout, std::cerr, options, frontend_args};
  if (context.deck) engine.start_review(*context.deck);  // checks the deck exists before the server starts
  return web->run(context);
}

}  // namespace rehearse::app
