// The full-screen review: one card at a time, from the prompt and the typed answer to the model
// answer, the scorers' findings and the rating, then the next card; a summary at the end.
//
//   row 0        title bar: deck, and the new / learning / review cards left
//   row 1        the card's kind and state, and the answer timer
//   rows 2..     the page: prompt and answer box, or the answer and findings (scrolls)
//   row h-2      status: what just happened, errors from the engine (up to 3 rows), more to scroll
//   row h-1      the keys that work now
//
// Every rating is committed by ReviewSession::answer before the next card is shown. An error from
// the engine (a failing plugin, a busy collection) goes to the status row; the card stays.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "answer_editor.h"
#include "page.h"
#include "rehearse/engine.h"
#include "terminal.h"

namespace rehearse::tui {

// The spoken-answer target for behavioural questions and stories, in seconds.
struct TimeTarget {
  int min_seconds = 60;
  int max_seconds = 90;
};

class ReviewScreen {
 public:
  // `collection` tells the summary where this device stands with its sync server.
  ReviewScreen(Terminal& terminal, ReviewSession& session, const Collection& collection, const Clock& clock,
               TimeTarget target, Card first);

  // Runs until the user quits or a stop signal comes.
  void run();

 private:
  enum class Phase { answering, revealed, finished };
  using SteadyClock = std::chrono::steady_clock;

  // What the body shows, and where the answer box's cursor is on it (page line, column).
  struct Body {
    Page page;
    std::optional<std::pair<int, int>> cursor;
  };

  void show(Card card);
  void show_next();
  void reveal();
  void rate(Rating rating);
  void undo();
  void refresh_counts();
  void say(std::string text, bool error = false);

  void handle(const Key& key);
  void handle_answering(const Key& key);
  void handle_revealed(const Key& key);
  void handle_finished(const Key& key);
  // Scrolling keys of a read-only page; false when `key` is not one.
  bool handle_scroll(const Key& key);

  double seconds_shown() const;
  int body_height() const;

  void draw();
  void draw_title_bar(int width);
  void draw_card_line(int width);
  // The status: the last message (an error may take several rows), else what to do now.
  std::vector<Line> status_lines(int width) const;
  void draw_key_bar(int y, int width);
  Body build_body(int width);
  void add_prompt(Page& page) const;
  void add_answer_box(Body& body, bool editing);
  void add_model_answer(Page& page) const;
  void add_findings(Page& page) const;
  void add_summary(Page& page) const;
  void add_help(Page& page) const;
  Line timer_spans() const;

  Terminal& terminal_;
  ReviewSession& session_;
  const Collection& collection_;
  const Clock& clock_;
  const TimeTarget target_;
  const Glyphs glyphs_;

  Phase phase_ = Phase::answering;
  bool help_ = false;
  bool quit_ = false;
  std::optional<Card> card_;
  QueueCounts counts_;

  AnswerEditor editor_;
  SteadyClock::time_point shown_at_;
  std::optional<double> answer_seconds_;  // set when the answer is revealed
  std::optional<CombinedScore> score_;    // set when a typed answer was scored

  int scroll_ = 0;
  int help_scroll_ = 0;
  bool follow_cursor_ = true;  // keep the answer box's cursor in view (until the user scrolls away)
  long drawn_second_ = -1;

  std::string message_;
  bool message_is_error_ = false;
};

}  // namespace rehearse::tui
