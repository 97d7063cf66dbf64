#include <fmt/format.h>

#include <iostream>
#include <unistd.h>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

using nlohmann::json;

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

}  // namespace rehearse::app
