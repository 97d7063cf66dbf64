// `rehearse mock`: a mock interview, run by a front end that supports Activity::mock.
#include <fmt/format.h>

#include <iostream>
#include <unistd.h>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"
#include "rehearse/mock_interview.h"

namespace rehearse::app {

namespace {

// "--themes incident, conflict" -> {"incident", "conflict"}; an empty item is a slip worth saying.
std::vector<std::string> themes_option(const std::string& text) {
  std::vector<std::string> themes;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    std::string theme = text.substr(start, comma - start);
    theme.erase(0, theme.find_first_not_of(" \t"));
    theme.erase(theme.find_last_not_of(" \t") + 1);
    if (theme.empty()) throw UsageError(fmt::format("--themes: '{}' has an empty theme; give themes separated by commas", text));
    themes.push_back(std::move(theme));
    start = comma + 1;
  }
  return themes;
}

}  // namespace

int run_mock(const Arguments& args) {
  args.allow_only(with_globals({"--deck", "--frontend", "--minutes", "--themes", "--json"}));
  require_operands(args, 0, 0, "no operands");
  MockOptions mock;
  if (args.value("--minutes"))
    mock.minutes = static_cast<int>(whole_number_option(args, "--minutes", MockInterview::kDefaultMinutes, 1,
                                                        MockInterview::kMaxMinutes, "a number of minutes"));
  if (auto themes = args.value("--themes")) mock.themes = themes_option(*themes);
  mock.json = args.flag("--json");

  Engine engine(engine_config(args));
  const std::optional<std::string> deck = args.value("--deck");
  // The deck, the themes and the questions are checked before the front end starts: a mock
  // interview that cannot run says why and records nothing.
  const MockInterview check(engine, deck.value_or(""), mock);

  std::string name = args.value("--frontend").value_or(engine.collection().config("frontend").value_or("cli"));
  // As for a review: full-screen front ends need a terminal; scripts pipe into the line-oriented one.
  if (!args.value("--frontend") && !isatty(STDIN_FILENO)) name = "cli";
  // The report as JSON is the line-oriented front end's (its conversation goes to standard error).
  if (!args.value("--frontend") && mock.json) name = "cli";
  Frontend* frontend = engine.registry().frontend(name);
  if (frontend == nullptr) throw Error(fmt::format("there is no front end named '{}' (`rehearse plugins` lists them)", name));
  if (!frontend->supports(Activity::mock)) {
    if (args.value("--frontend"))
      throw Error(fmt::format("the front end '{}' cannot run a mock interview; use --frontend cli", name));
    // The configured front end is for reviews; the line-oriented one runs every activity.
    frontend = engine.registry().frontend("cli");
    if (frontend == nullptr || !frontend->supports(Activity::mock))
      throw Error(fmt::format("the front end '{}' cannot run a mock interview, and the cli front end is not loaded", name));
    std::cerr << fmt::format("rehearse: the front end '{}' cannot run a mock interview; using the line-oriented one (cli)\n", name);
  }
  const Options options = engine.options_for(ComponentKind::frontend, frontend->name(), frontend->options());
  FrontendContext context{engine, deck, std::cin, std::cout, std::cerr, options, {}, Activity::mock, mock};
  return frontend->run(context);
}

}  // namespace rehearse::app
