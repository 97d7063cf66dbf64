// The `cli` front end: a line-oriented review in the terminal, the same with piped input so that
// sessions can be scripted.
//
//   prompt -> typed answer (ends at an empty line; an empty first line just reveals)
//          -> model answer, key points, scorer findings -> rating (1-4 or again/hard/good/easy)
//
// At either prompt, `u` takes back the last answer and `q` (or end of input) ends the session.
// `rehearse mock` runs a mock interview here too (cli_mock.cpp).
#include <fmt/format.h>

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>

#include "rehearse/engine.h"
#include "rehearse/errors.h"
#include "rehearse/plugin.h"
#include "rehearse/story_draft.h"
#include "rehearse/text_layout.h"
#include "cli_mock.h"
#include "cli_text.h"

namespace {

using namespace rehearse;
using namespace rehearse::cli;
using SteadyClock = std::chrono::steady_clock;

void show_answer(std::ostream& out, const CardContent& card) {
  if (card.kind == CardKind::story || !card.story.empty()) {
    auto part = [&](const char* label, const std::string& text) {
      if (!text.empty()) out << wrap(text, fmt::format("  {:<10} ", label)) << "\n";
    };
    part("Situation", card.story.situation);
    part("Task", card.story.task);
    if (!card.story.actions.empty()) {
      out << "  Action\n";
      for (const auto& action : card.story.actions) out << wrap(action, "    - ") << "\n";
    }
    part("Result", card.story.result);
    part("Lesson", card.story.lesson);
  }
  if (!card.answer.empty()) out << wrap(card.answer, "  ") << "\n";
  if (!card.key_points.empty()) {
    out << "  Key points:\n";
    for (const auto& point : card.key_points) out << wrap(point.text, "    + ") << "\n";
  }
  if (!card.pitfalls.empty()) {
    out << "  Avoid:\n";
    for (const auto& pitfall : card.pitfalls) out << wrap(pitfall, "    - ") << "\n";
  }
  if (!card.themes.empty()) {
    std::string themes;
    for (const auto& theme : card.themes) themes += (themes.empty() ? "" : ", ") + theme;
    out << "  Themes: " << themes << "\n";
  }
}

// Lines up to an empty line or the end of input; nothing when the input has ended before any.
std::optional<std::string> read_block(std::istream& in) {
  std::string text, line;
  bool any = false;
  while (std::getline(in, line)) {
    any = true;
    if (line.find_first_not_of(" \t\r") == std::string::npos) break;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    text += (text.empty() ? "" : "\n") + line;
  }
  if (!any) return std::nullopt;
  return text;
}

// The star scorer's findings, one a line: met with the words that show it, unmet with advice.
void show_story_findings(std::ostream& out, const StoryFindings& found, bool whole) {
  for (const auto& error : found.errors) out << "  (the STAR rubric failed: " << error << ")\n";
  for (const auto& finding : found.findings) {
    if (finding.met)
      out << fmt::format("  ok       {}{}\n", finding.criterion, finding.evidence.empty() ? "" : ": \"" + finding.evidence + "\"");
    else
      out << fmt::format("  work on  {}: {}\n", finding.criterion, finding.advice);
  }
  if (whole && found.score) out << fmt::format("  STAR rubric: {:.0f}/100. {}\n", *found.score, found.summary);
}

// `rehearse story new`: the steps of a StoryDraft, each read up to an empty line, the findings
// after each step and on the whole story, then a `y` to write it. At a terminal an empty required
// step is asked again; piped input cannot answer again, so nothing is written.
int write_story(FrontendContext& context) {
  std::istream& in = context.in;
  std::ostream& out = context.out;
  const bool on_terminal = isatty(STDIN_FILENO) != 0;
  StoryDraft draft(context.engine);
  out << "A story of your own, step by step. End each step with an empty line.\n";
  for (const StoryStep& step : StoryDraft::steps()) {
    out << "\n" << draft.question(step.name) << "\n> " << std::flush;
    for (;;) {
      const std::optional<std::string> block = read_block(in);
      if (!block) {
        out << "\n";
        throw Error(fmt::format("the input ended before the {}; nothing was written", step.name));
      }
      draft.set(step.name, *block);
      if (!step.required || !draft.text(step.name).empty()) break;
      if (!on_terminal) throw Error(fmt::format("a story needs its {} ({}); nothing was written", step.name, step.what));
      out << fmt::format("A story needs its {}: {}.\n> ", step.name, step.what) << std::flush;
    }
    if (!step.criteria.empty()) show_story_findings(out, draft.findings(step.name), false);
  }

  out << "\nThe whole story, as the STAR rubric reads it:\n";
  show_story_findings(out, draft.findings(), true);
  if (draft.themes().empty()) out << "  note     no themes: `rehearse stories` cannot match it to questions until it has some.\n";

  out << fmt::format("\nAdd it to {}? (y/n) ", draft.file().string()) << std::flush;
  std::string answer;
  std::getline(in, answer);
  answer = trim(answer);
  if (answer != "y" && answer != "yes") {
    out << "\nNothing was written.\n";
    return 1;
  }
  const SavedStory saved = draft.save();
  out << fmt::format("\nAdded '{}' (id: {}) to {}, deck '{}'.\n", saved.title, saved.id, saved.file.string(), saved.deck);
  out << "`rehearse stories` shows which themes still have no story of yours.\n";
  return 0;
}

class CliFrontend final : public Frontend {
 public:
  std::string_view name() const override { return "cli"; }

  bool supports(Activity activity) const override {
    return activity == Activity::review || activity == Activity::story || activity == Activity::mock;
  }

  int run(FrontendContext& context) override {
    if (context.activity == Activity::mock) return run_mock_interview(context);
    if (context.activity == Activity::story) {
      // A refusal (an empty required step, input that ended) is the user's, not the plugin's.
      try {
        return write_story(context);
      } catch (const Error& e) {
        context.err << "rehearse: " << e.what() << "\n";
        return 1;
      }
    }
    std::istream& in = context.in;
    std::ostream& out = context.out;
    auto session = context.engine.start_review(context.deck.value_or(""));
    bool quit = false;
    while (!quit) {
      auto card = session->next();
      if (!card) break;
      const QueueCounts counts = session->counts();
      // The card's id names it for `rehearse edit ID` and `rehearse score --card ID`.
      out << fmt::format("\n[{} new · {} learning · {} review]  {} · {}\n", counts.new_cards, counts.learning, counts.review,
                         card->deck, card->content.uid);
      const char* kind = card->content.kind == CardKind::story ? "Story" : card->content.kind == CardKind::keypoint ? "Explain" : "Question";
      out << fmt::format("{}: {}\n", kind, card->content.prompt);
      if (card->content.kind == CardKind::story)
        out << "Tell it in STAR order: situation, task, action, result, and what you learned.\n";
      out << "Your answer (an empty line reveals; u = undo, q = quit):\n" << std::flush;

      const auto shown = SteadyClock::now();
      std::string typed, line;
      bool first = true;
      bool got_input = false;
      while (std::getline(in, line)) {
        got_input = true;
        const std::string command = trim(line);
        if (first && (command == "q" || command == "quit")) {
          quit = true;
          break;
        }
        if (first && (command == "u" || command == "undo")) {
          undo(*session, out);
          typed.clear();
          break;
        }
        if (command.empty()) break;
        typed += (typed.empty() ? "" : "\n") + line;
        first = false;
      }
      if (quit || !got_input) break;
      if (first && typed.empty() && trim(line) == "u") continue;
      if (first && typed.empty() && (trim(line) == "undo")) continue;

      const double seconds = std::chrono::duration<double>(SteadyClock::now() - shown).count();
      if (is_template(card->content))
        out << "\n--- Write your own version ---\n"
            << wrap("This is a template, not a model answer: tell a story of your own that fits it, and write it down with "
                    "`rehearse story new`.", "  ")
            << "\n";
      else
        out << "\n--- Answer ---\n";
      show_answer(out, card->content);
      CombinedScore score;
      if (!trim(typed).empty()) {
        // Whatever goes wrong in scoring, the typed answer stays, and so does the rating below.
        try {
          score = session->score(*card, Attempt{typed, seconds, {}});
        } catch (const std::exception& e) {
          score.errors.push_back(e.what());
        }
        if (!score.parts.empty() || !score.errors.empty()) {
          out << "\n--- Your answer ---\n";
          show_score(out, score);
        }
      }
      // The time taken to type is not a speaking time: the STAR scorer's "length" judges how long
      // the answer takes to say.
      if (rehearse::asks_for_a_story(card->content)) out << fmt::format("  Time: {:.0f} s to answer\n", seconds);

      const std::string suggestion = score.suggestion ? fmt::format("; Enter = {}", to_string(*score.suggestion)) : "";
      while (true) {
        out << fmt::format("Rating (1 again, 2 hard, 3 good, 4 easy{}; u undo, q quit): ", suggestion) << std::flush;
        if (!std::getline(in, line)) {
          quit = true;
          break;
        }
        const std::string answer = trim(line);
        if (answer == "q" || answer == "quit") {
          quit = true;
          break;
        }
        if (answer == "u" || answer == "undo") {
          undo(*session, out);
          break;
        }
        std::optional<Rating> rating = rating_from_string(answer);
        if (!rating && answer.empty() && score.suggestion) rating = score.suggestion;
        if (!rating) {
          out << "Please answer 1, 2, 3 or 4 (again, hard, good, easy).\n";
          continue;
        }
        const auto taken = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - shown).count();
        try {
          AnswerDetails details{taken, score.parts.empty() ? nullptr : &score, std::nullopt};
          const AnswerOutcome outcome = session->answer(*card, *rating, details);
          if (outcome.suspended)
            out << fmt::format("Saved: {}. This card is a leech: forgotten {} times, so it is tagged 'leech' and suspended.\n"
                               "Rewrite or split it in its deck file; importing the file again does not bring it back.\n",
                               to_string(*rating), outcome.after.lapses);
          else
            out << fmt::format("Saved: {}; next {}.\n", to_string(*rating), context.engine.clock().describe_until(outcome.after.due_ms));
          if (outcome.leech && !outcome.suspended)
            out << fmt::format("This card is a leech: forgotten {} times (tagged 'leech'). Consider rewriting or splitting it.\n",
                               outcome.after.lapses);
          if (outcome.buried_siblings > 0)
            out << fmt::format("{} related card{} from the same entry will wait until tomorrow.\n", outcome.buried_siblings,
                               outcome.buried_siblings == 1 ? "" : "s");
        } catch (const std::exception& e) {
          context.err << "rehearse: " << e.what() << "\n";
        }
        break;
      }
    }
    print_summary(*session, out);
    return 0;
  }

 private:
  static void undo(ReviewSession& session, std::ostream& out) {
    if (auto card = session.undo())
      out << fmt::format("Undone: the last answer (\"{}\") was taken back.\n", card->content.prompt);
    else
      out << "Nothing to undo.\n";
  }

  static void print_summary(const ReviewSession& session, std::ostream& out) {
    const SessionSummary& s = session.summary();
    const QueueCounts left = session.counts();
    if (s.answered == 0) {
      if (left.total() == 0)
        out << "\nNothing more to review today. Come back tomorrow, or import more cards.\n";
      else
        out << fmt::format("\nNo cards answered. Still due today: {} new, {} learning, {} review.\n", left.new_cards,
                           left.learning, left.review);
      return;
    }
    out << fmt::format("\nSession done: {} card{} in {:.1f} min (again {}, hard {}, good {}, easy {}).\n", s.answered,
                       s.answered == 1 ? "" : "s",
                       static_cast<double>(s.total_ms) / 60000.0, s.again, s.hard, s.good, s.easy);
    if (s.mean_score) out << fmt::format("Mean score of your typed answers: {:.0f}/100.\n", *s.mean_score);
    if (left.total() > 0)
      out << fmt::format("Still due today: {} new, {} learning, {} review.\n", left.new_cards, left.learning, left.review);
  }
};

void register_components(Registry& registry) { registry.add(std::make_unique<CliFrontend>()); }

}  // namespace

REHEARSE_PLUGIN("cli", "1.0.0", "frontend", "Line-oriented review in the terminal; works with piped input", register_components)
