// `rehearse story new`: writes one of the user's own STAR stories, a step at a time (title,
// situation, task, action, result, lesson, themes), with the STAR rubric's findings as it grows,
// in a front end (Activity::story; the walk itself is rehearse::StoryDraft). The story goes into
// the user's own deck file, decks/my-stories.md beside the collection, plain Markdown they own,
// and is imported at once. `rehearse story edit ID` opens one in $EDITOR.
//
// Piped (the cli front end), each step is read up to an empty line, as review answers are, and a
// last `y` confirms.
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"
#include "rehearse/frontend.h"

namespace rehearse::app {

namespace fs = std::filesystem;

namespace {

// `rehearse story new [--frontend NAME]`: the walk-through runs in a front end that supports
// Activity::story, chosen as `rehearse review` chooses: --frontend, else the configured
// `frontend` at a terminal, and cli when standard input is piped.
int story_new(const Arguments& args) {
  Engine engine(engine_config(args));
  std::string name = args.value("--frontend").value_or(engine.collection().config("frontend").value_or("cli"));
  if (!args.value("--frontend") && !isatty(STDIN_FILENO)) name = "cli";
  Frontend* frontend = engine.registry().frontend(name);
  if (frontend == nullptr) throw Error(fmt::format("there is no front end named '{}' (`rehearse plugins` lists them)", name));
  if (!frontend->supports(Activity::story))
    throw Error(fmt::format("the front end '{}' cannot write a story; try `rehearse story new --frontend cli`", name));
  std::vector<std::string> frontend_args;
  if (auto port = args.value("--port")) {
    if (frontend->name() != "web") throw UsageError("--port goes with --frontend web");
    frontend_args.insert(frontend_args.end(), {"--port", *port});
  }
  const Options options = engine.options_for(ComponentKind::frontend, frontend->name(), frontend->options());
  FrontendContext context{engine, std::nullopt, std::cin, std::cout, std::cerr, options, frontend_args, Activity::story, {}};
  return frontend->run(context);
}

}  // namespace

int run_story(const Arguments& args) {
  args.allow_only(with_globals({"--deck", "--frontend", "--port"}));
  const auto& ops = args.operands();
  if (ops.empty()) throw UsageError("'story' needs an action: story new, or story edit ID");
  if (ops[0] == "new") {
    require_operands(args, 1, 1, "only 'new'");
    return story_new(args);
  }
  if (ops[0] == "edit") {
    require_operands(args, 2, 2, "'edit' and a story's id (as `rehearse stories` lists it)");
    return edit_card_in_editor(args, ops[1], true);
  }
  throw UsageError(fmt::format("unknown story action '{}' (new, edit)", ops[0]));
}

}  // namespace rehearse::app
