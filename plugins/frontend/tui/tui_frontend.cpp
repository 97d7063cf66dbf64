// The `tui` front end: a full-screen review in the terminal (see review_screen.h for the screen),
// and the full-screen story writer of `rehearse story new` (story_screen.h).
//
// The terminal is always given back as it was: when the review ends, when an exception leaves
// it, and on SIGINT, SIGTERM or SIGHUP, which end the review as `q` does (every answer the user
// rated is already saved) and make the program exit with 128 + the signal's number.
#include <fmt/format.h>

#include <clocale>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <ostream>

#include "mock_screen.h"
#include "rehearse/engine.h"
#include "rehearse/errors.h"
#include "rehearse/mock_interview.h"
#include "rehearse/plugin.h"
#include "rehearse/story_draft.h"
#include "review_screen.h"
#include "story_screen.h"
#include "terminal.h"

namespace {

using namespace rehearse;

// NO_COLOR (https://no-color.org): present and not empty means no colour.
bool color_wanted() {
  const char* no_color = std::getenv("NO_COLOR");
  return no_color == nullptr || *no_color == '\0';
}

void print_summary(std::ostream& out, const ReviewSession& session) {
  const SessionSummary& s = session.summary();
  if (s.answered == 0) {
    out << "No cards answered.\n";
    return;
  }
  out << fmt::format("Session done: {} card{} in {:.1f} min (again {}, hard {}, good {}, easy {}).\n", s.answered,
                     s.answered == 1 ? "" : "s", static_cast<double>(s.total_ms) / 60000.0, s.again, s.hard, s.good, s.easy);
  if (s.mean_score) out << fmt::format("Mean score of your typed answers: {:.0f}/100.\n", *s.mean_score);
}

// How long a spoken answer should take: the window the STAR scorer judges by (its
// target_seconds, of which two thirds is the shortest), so the timer and the score agree; 60-90 s
// when that scorer is not loaded.
tui::TimeTarget spoken_target(const Engine& engine) {
  tui::TimeTarget target;
  if (const Scorer* star = engine.registry().scorer("star")) {
    target.max_seconds = static_cast<int>(engine.options_for(ComponentKind::scorer, "star", star->options()).get_int("target_seconds"));
    target.min_seconds = static_cast<int>(std::lround(target.max_seconds * 2.0 / 3.0));
  }
  return target;
}

int write_story(FrontendContext& context);

class TuiFrontend final : public Frontend {
 public:
  std::string_view name() const override { return "tui"; }

  bool supports(Activity activity) const override {
    return activity == Activity::review || activity == Activity::story || activity == Activity::mock;
  }

  int run(FrontendContext& context) override {
    tui::Terminal::check_available();
    // Characters and their widths follow the user's locale; numbers stay in the C locale, which
    // the rest of the program parses and prints them in.
    std::setlocale(LC_ALL, "");
    std::setlocale(LC_NUMERIC, "C");
    if (context.activity == Activity::mock) return run_mock(context);
    if (context.activity == Activity::story) return write_story(context);

    auto session = context.engine.start_review(context.deck.value_or(""));
    std::optional<Card> first = session->next();
    if (!first) {
      context.out << "Nothing to review now. Come back tomorrow, or import more cards with `rehearse import`.\n";
      return 0;
    }
    const tui::TimeTarget target = spoken_target(context.engine);
    int signal = 0;
    {
      tui::Terminal terminal(color_wanted());
      tui::ReviewScreen screen(terminal, *session, context.engine.collection(), context.engine.clock(), target, std::move(*first));
      screen.run();
      signal = tui::Terminal::stop_signal();
    }
    print_summary(context.out, *session);
    return signal == 0 ? 0 : 128 + signal;
  }

 private:
  static int run_mock(FrontendContext& context) {
    if (context.mock.json) throw Error("the full-screen front end prints no JSON; use --frontend cli with --json");
    MockInterview mock(context.engine, context.deck.value_or(""), context.mock);
    int signal = 0;
    {
      tui::Terminal terminal(color_wanted());
      tui::MockScreen screen(terminal, mock);
      screen.run();
      signal = tui::Terminal::stop_signal();
    }
    // The report stays on the terminal after the screen goes: the steps to practise are commands.
    const MockReport report = mock.report();
    context.out << fmt::format("Mock interview: {} question{} answered", report.questions.size(), report.questions.size() == 1 ? "" : "s");
    if (report.mean_score) context.out << fmt::format(", mean score {:.0f}/100", *report.mean_score);
    context.out << ".\n";
    for (const auto& step : report.practise) context.out << "  - " << step << "\n";
    return signal == 0 ? 0 : 128 + signal;
  }
};

// `rehearse story new --frontend tui`: the story screen; what was written is said again once the
// terminal is given back. Exit status 0 when a story was written, 1 when not.
int write_story(FrontendContext& context) {
  StoryDraft draft(context.engine);
  std::optional<SavedStory> saved;
  int signal = 0;
  {
    tui::Terminal terminal(color_wanted());
    tui::StoryScreen screen(terminal, draft);
    screen.run();
    saved = screen.saved();
    signal = tui::Terminal::stop_signal();
  }
  if (!saved) {
    context.out << "Nothing was written.\n";
    return signal == 0 ? 1 : 128 + signal;
  }
  context.out << fmt::format("Added '{}' (id: {}) to {}, deck '{}'.\n", saved->title, saved->id, saved->file.string(), saved->deck);
  return signal == 0 ? 0 : 128 + signal;
}

void register_components(Registry& registry) { registry.add(std::make_unique<TuiFrontend>()); }

}  // namespace

REHEARSE_PLUGIN("tui", "1.0.0", "frontend", "Full-screen review in the terminal: typed answers, timer, findings; writing a story", register_components)
