// The full-screen mock interview (`rehearse mock --frontend tui`): a question at a time with the
// interview's clock running, the user's stories that fit it, then each follow-up in turn, the
// scorers' findings and the rating, and the report at the end.
//
//   row 0        title bar: the question's number, and the interview's clock against its length
//   rows 1..     the page: the prompt, the stories, what is asked now and the answer box; or the
//                findings; or the report (scrolls)
//   row h-2      status: what just happened, errors from the engine
//   row h-1      the keys that work now
//
// MockInterview::answer commits each question's review before the next question is shown.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "answer_editor.h"
#include "page.h"
#include "rehearse/mock_interview.h"
#include "terminal.h"

namespace rehearse::tui {

class MockScreen {
 public:
  MockScreen(Terminal& terminal, MockInterview& mock);

  // Runs until the user leaves the report, quits, or a stop signal comes.
  void run();

 private:
  // answering: step 0 is the answer, step n the n-th follow-up.
  enum class Phase { answering, rating, finished };
  using SteadyClock = std::chrono::steady_clock;

  void next_question();
  void done_with_step();
  void record(std::optional<Rating> rating);
  void finish();
  void handle(const Key& key);
  void handle_answering(const Key& key);

  double seconds_on_question() const;
  void draw();
  Page build_page(int width, std::optional<std::pair<int, int>>& cursor);

  Terminal& terminal_;
  MockInterview& mock_;
  const Glyphs glyphs_;

  Phase phase_ = Phase::answering;
  bool quit_ = false;
  std::optional<MockQuestion> question_;
  std::size_t step_ = 0;
  MockAnswer answer_;
  std::optional<CombinedScore> score_;
  AnswerEditor editor_;
  SteadyClock::time_point shown_at_;
  std::optional<MockReport> report_;
  int scroll_ = 0;
  long drawn_second_ = -1;
  std::string message_;
};

}  // namespace rehearse::tui
