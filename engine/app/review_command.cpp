#include <fmt/format.h>

#include <iostream>
#include <unistd.h>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"
#include "study_days.h"

namespace rehearse::app {

using nlohmann::json;

int run_review(const Arguments& args) {
  args.allow_only(with_globals({"--deck", "--frontend", "--until", "--plan", "--json"}));
  require_operands(args, 0, 0, "no operands");
  if (!args.value("--until") && args.flag("--plan")) throw UsageError("--plan goes with --until DATE");
  if (args.flag("--json") && !args.flag("--plan")) throw UsageError("--json goes with --plan (a review session is not JSON)");
  Engine engine(engine_config(args));
  std::optional<std::int64_t> interview;
  if (auto until = args.value("--until")) {
    interview = interview_moment(*until, engine.clock());
    std::vector<Readiness> readiness;
    const StudyPlan plan = engine.plan_until(args.value("--deck").value_or(""), *interview, readiness);
    if (args.flag("--json")) {
      print_json(plan_json(plan, readiness, engine.clock()));
      return 0;
    }
    fmt::print("{}", describe_plan(plan, readiness, engine.clock()));
    if (args.flag("--plan")) return 0;
  }
  std::string name = args.value("--frontend").value_or(engine.collection().config("frontend").value_or("cli"));
  // Full-screen front ends need a terminal; scripts pipe into the line-oriented one.
  if (!args.value("--frontend") && !isatty(STDIN_FILENO)) name = "cli";
  Frontend* frontend = engine.registry().frontend(name);
  if (frontend == nullptr) throw Error(fmt::format("there is no front end named '{}' (`rehearse plugins` lists them)", name));
  if (!frontend->supports(Activity::review)) throw Error(fmt::format("the front end '{}' does not run reviews", name));
  const Options options = engine.options_for(ComponentKind::frontend, frontend->name(), frontend->options());
  FrontendContext context{engine, args.value("--deck"), std::cin, std::cout, std::cerr, options, {}, Activity::review, {}};
  if (context.deck) engine.start_review(*context.deck);  // checks the deck exists before the front end starts
  if (interview) engine.set_study_target(interview);
  const int status = frontend->run(context);
  if (status == 0) sync_after_review(engine);
  return status;
}

}  // namespace rehearse::app
