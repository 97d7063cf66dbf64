// The full-screen story writer (`rehearse story new --frontend tui`): the steps of a StoryDraft
// one at a time in the answer box, the STAR rubric's findings on the step just written, then the
// whole story with its findings and a y/n to add it to decks/my-stories.md, and the path written.
//
//   row 0        title bar: "Write a story", the step and how many there are
//   row 1        the step's name, and whether it is optional
//   rows 2..     the page: the question and the answer box, the findings on the step before
//                (or the whole story and its findings, or what was written) (scrolls)
//   row h-2      status: what to do now, or why a step cannot be left empty
//   row h-1      the keys that work now
//
// Nothing is written before the user says y; an error from the engine shows in the status row.
#pragma once

#include <optional>
#include <string>

#include "answer_editor.h"
#include "page.h"
#include "rehearse/story_draft.h"
#include "terminal.h"

namespace rehearse::tui {

class StoryScreen {
 public:
  StoryScreen(Terminal& terminal, StoryDraft& draft);

  // Runs until the story is saved and the user leaves, the user quits, or a stop signal comes.
  void run();
  // What was written, when it was.
  const std::optional<SavedStory>& saved() const { return saved_; }

 private:
  enum class Phase { writing, confirming, saved };

  struct Body {
    Page page;
    std::optional<std::pair<int, int>> cursor;
  };

  void handle(const Key& key);
  void handle_writing(const Key& key);
  void handle_confirming(const Key& key);
  bool handle_scroll(const Key& key);
  // Keeps the answer box's text in the draft.
  void keep();
  void next();
  void back();
  void go_to(std::size_t step);
  void save();
  void say(std::string text, bool error = false);
  int body_height() const;

  void draw();
  Body build_body(int width);
  void add_findings(Page& page, const std::string& heading, const StoryFindings& found) const;
  void add_story(Page& page) const;
  void draw_key_bar(int y, int width);

  Terminal& terminal_;
  StoryDraft& draft_;
  const Glyphs glyphs_;
  Phase phase_ = Phase::writing;
  std::size_t step_ = 0;
  AnswerEditor editor_;
  // The findings on the step just written, shown under the next question.
  std::optional<std::pair<std::string, StoryFindings>> last_;
  std::optional<StoryFindings> whole_;
  std::optional<SavedStory> saved_;
  bool quit_ = false;
  int scroll_ = 0;
  bool follow_cursor_ = true;
  std::string message_;
  bool message_is_error_ = false;
};

}  // namespace rehearse::tui
