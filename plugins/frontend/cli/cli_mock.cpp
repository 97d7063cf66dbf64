#include "cli_mock.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli_text.h"
#include "rehearse/engine.h"
#include "rehearse/mock_interview.h"

namespace rehearse::cli {

namespace {

using SteadyClock = std::chrono::steady_clock;

// Lines of the user's input, with one line put back: a line read where a rating could come that
// is no rating is the first line of the next answer.
class Lines {
 public:
  explicit Lines(std::istream& in) : in_(in) {}
  bool next(std::string& line) {
    if (pending_) {
      line = std::move(*pending_);
      pending_.reset();
      return true;
    }
    return static_cast<bool>(std::getline(in_, line));
  }
  void put_back(std::string line) { pending_ = std::move(line); }

 private:
  std::istream& in_;
  std::optional<std::string> pending_;
};

bool is_quit(const std::string& line) {
  const std::string command = trim(line);
  return command == "q" || command == "quit";
}

// Reads one answer: lines up to an empty line. Sets `quit` when the user typed `q` as its first
// line or the input ended before anything was typed; `ended` when the input ended.
std::string read_answer(Lines& lines, bool& quit, bool& ended) {
  std::string typed, line;
  bool first = true;
  while (true) {
    if (!lines.next(line)) {
      ended = true;
      if (typed.empty()) quit = true;
      break;
    }
    if (first && is_quit(line)) {
      quit = true;
      break;
    }
    if (trim(line).empty()) break;
    typed += (typed.empty() ? "" : "\n") + line;
    first = false;
  }
  return typed;
}

std::string clock_text(double seconds) {
  const auto whole = static_cast<long>(seconds + 0.5);
  return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : ", ") + word;
  return text;
}

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(std::round(*value * 10) / 10) : nlohmann::json(nullptr);
}

// The report as `rehearse mock --json` prints it (README.md, "Mock interviews").
nlohmann::json report_json(const MockReport& report) {
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& q : report.questions) {
    questions.push_back({{"card_id", q.card_id},
                         {"id", q.uid},
                         {"deck", q.deck},
                         {"prompt", q.prompt},
                         {"type", std::string(to_string(q.type))},
                         {"themes", q.themes},
                         {"score", optional_number(q.score)},
                         {"suggestion", q.suggestion ? nlohmann::json(std::string(to_string(*q.suggestion))) : nlohmann::json(nullptr)},
                         {"rating", std::string(to_string(q.rating))},
                         {"rated_by", q.rated_by_user ? "user" : q.passed ? "passed" : "suggestion"},
                         {"seconds", std::round(q.seconds * 10) / 10},
                         {"follow_ups", q.follow_ups},
                         {"follow_ups_answered", q.follow_ups_answered},
                         {"summary", q.summary}});
  }
  return {{"minutes", report.minutes},
          {"seconds", std::round(report.seconds * 10) / 10},
          {"time_up", report.time_up},
          {"mean_score", optional_number(report.mean_score)},
          {"questions", questions},
          {"themes_without_story", report.themes_without_story},
          {"low_themes", report.low_themes},
          {"practise", report.practise}};
}

void print_report(std::ostream& out, const MockReport& report) {
  out << "\n=== Mock interview report ===\n";
  if (report.questions.empty()) {
    out << "No question answered.\n";
    return;
  }
  out << fmt::format("{} question{} in {} ({} min allowed{}).\n", report.questions.size(), report.questions.size() == 1 ? "" : "s",
                     clock_text(report.seconds), report.minutes, report.time_up ? "; time ran out" : "");
  for (size_t i = 0; i < report.questions.size(); ++i) {
    const MockResult& q = report.questions[i];
    const std::string score = q.passed ? "passed" : q.score ? fmt::format("{:.0f}/100", *q.score) : "no score";
    const std::string rating = fmt::format("{} ({})", to_string(q.rating), q.rated_by_user ? "yours" : q.passed ? "passed" : "suggested");
    out << wrap(fmt::format("{} [{}]", q.prompt, q.uid), fmt::format("{:>2}. ", i + 1)) << "\n";
    out << fmt::format("    {} · {} · {}\n", score, rating, clock_text(q.seconds));
  }
  if (report.mean_score) out << fmt::format("Mean score: {:.0f}/100.\n", *report.mean_score);
  if (!report.themes_without_story.empty())
    out << wrap("Themes with no story of yours: " + joined(report.themes_without_story) + ".", "") << "\n";
  if (!report.low_themes.empty()) out << wrap("Themes that scored low: " + joined(report.low_themes) + ".", "") << "\n";
  out << "Practise next:\n";
  for (const auto& step : report.practise) out << wrap(step, "  - ") << "\n";
}

}  // namespace

int run_mock_interview(FrontendContext& context) {
  const MockOptions& options = context.mock;
  // With --json, standard output holds only the report; the conversation goes to standard error.
  std::ostream& talk = options.json ? context.err : context.out;
  const bool at_terminal = isatty(STDOUT_FILENO) != 0 && isatty(STDIN_FILENO) != 0;
  MockInterview mock(context.engine, context.deck.value_or(""), options);
  Lines lines(context.in);

  const auto minutes = static_cast<double>(mock.limit_ms()) / 60000.0;
  talk << fmt::format("Mock interview: {:.0f} minutes, up to {} questions. Answer as you would aloud; an empty line ends an "
                      "answer, q ends the interview.\n",
                      minutes, mock.questions_left());
  // The interview's clock, between the steps: the line-oriented front end cannot redraw while
  // the user types, so it shows the time each time it speaks.
  auto timer = [&](std::int64_t extra_ms) {
    if (!at_terminal) return;
    const double elapsed = static_cast<double>(mock.elapsed_ms() + extra_ms) / 1000.0;
    talk << fmt::format("[{} elapsed of {}:00]\n", clock_text(elapsed), static_cast<long>(minutes));
  };

  bool quit = false;
  while (!quit) {
    const auto question = mock.next();
    if (!question) break;
    const CardContent& card = question->card.content;
    talk << fmt::format("\nQuestion {} ({} · {} · {})\n", question->number, to_string(question->type), question->card.deck, card.uid);
    timer(0);
    talk << wrap(card.prompt, "Q: ") << "\n";
    if (!question->stories.empty()) {
      talk << "Stories of yours that fit:\n";
      for (size_t i = 0; i < question->stories.size() && i < 3; ++i)
        talk << wrap(fmt::format("{} ({})", question->stories[i].prompt, joined(question->stories[i].themes)), "  - ") << "\n";
    } else if (question->type == QuestionType::behavioural && !card.themes.empty()) {
      talk << wrap(fmt::format("No story of yours fits its themes ({}): answer with the closest experience you have.",
                               joined(card.themes)), "")
           << "\n";
    }
    talk << "Your answer (an empty line ends it; q ends the interview):\n" << std::flush;

    const auto shown = SteadyClock::now();
    bool ended = false;
    MockAnswer answer;
    answer.text = read_answer(lines, quit, ended);
    if (quit) break;  // nothing was said to this question: it does not count
    // A passed question gets no follow-ups: there is nothing to follow up on.
    for (const auto& follow_up : question->follow_ups) {
      if (ended || quit || trim(answer.text).empty()) break;
      const auto so_far = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - shown).count();
      timer(so_far);
      talk << wrap(follow_up, "Follow-up: ") << "\n" << std::flush;
      bool follow_up_quit = false;
      answer.follow_up_answers.push_back(read_answer(lines, follow_up_quit, ended));
      quit = follow_up_quit && !ended;  // `q` ends the interview; the end of input does too, below
    }
    answer.taken_ms = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - shown).count();
    const double seconds = static_cast<double>(answer.taken_ms) / 1000.0;

    if (!trim(answer.text).empty()) {
      answer.score = mock.score(*question, answer.text, seconds);
      talk << "\n--- Your answer ---\n";
      show_score(talk, *answer.score);
    }
    if (!quit && !ended) {
      // What Enter records: MockInterview::answer's choice when the user gives no rating.
      std::string offer = "; Enter = good";
      if (trim(answer.text).empty())
        offer = "; Enter = again (passed)";
      else if (answer.score && answer.score->suggestion)
        offer = fmt::format("; Enter = {}", to_string(*answer.score->suggestion));
      while (true) {
        talk << fmt::format("Rating (1 again, 2 hard, 3 good, 4 easy{}; q ends): ", offer) << std::flush;
        std::string line;
        if (!lines.next(line)) {
          ended = true;
          break;
        }
        const std::string typed = trim(line);
        if (typed.empty()) break;
        if (is_quit(typed)) {
          quit = true;
          break;
        }
        if (auto rating = rating_from_string(typed)) {
          answer.rating = rating;
          break;
        }
        // At a terminal a slip is asked again; piped, the line is the next answer and this
        // question takes the suggestion.
        if (at_terminal) {
          talk << "Please answer 1, 2, 3 or 4 (again, hard, good, easy), or Enter for the suggestion.\n";
          continue;
        }
        lines.put_back(line);
        break;
      }
    }
    talk << "\n";
    try {
      const MockResult result = mock.answer(*question, answer);
      talk << fmt::format("Saved: {} ({}); {} on this question.\n", to_string(result.rating),
                          result.rated_by_user ? "your rating" : result.passed ? "passed" : "the scorers' suggestion",
                          clock_text(result.seconds));
    } catch (const std::exception& e) {
      context.err << "rehearse: " << e.what() << "\n";
    }
    if (ended) break;
  }
  if (!quit && mock.questions_left() > 0 && mock.elapsed_ms() >= mock.limit_ms()) talk << "\nTime is up.\n";

  const MockReport report = mock.report();
  if (options.json)
    context.out << report_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  else
    print_report(context.out, report);
  return 0;
}

}  // namespace rehearse::cli
