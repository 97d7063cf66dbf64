// Writing one of the user's own STAR stories, a step at a time, for any front end
// (Activity::story): the steps and what each asks, the star scorer's findings as the story grows
// and on the whole story, what is still missing, and saving it into the user's own deck file,
// decks/my-stories.md beside the collection, imported at once.
//
// A front end asks each step's question, hands the typed text to set(), shows findings(step),
// and at the end shows findings() and asks to confirm before save(). Nothing is written before
// save(). The draft keeps no UI: the wording of the questions is the SDK's, the layout the front
// end's.
//
// Threads: like the Engine it borrows, a draft is not thread-safe; a front end that serves
// requests on several threads serialises its use (web: the server's one mutex).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/card.h"
#include "rehearse/scorer.h"

namespace rehearse {

class Engine;

// One step of the walk-through.
struct StoryStep {
  std::string name;                   // "title", "situation", "task", "action", "result", "lesson", "themes"
  std::string question;               // what to ask, e.g. "Task: what you owned, in one sentence"
  std::string what;                   // the question without its label ("what you owned, in one sentence")
  bool required = false;              // a story cannot be saved without it
  std::vector<std::string> criteria;  // the STAR rubric's criteria that can be judged once it is written
};

// What the star scorer found on the draft: for one step only the criteria of that step, for the
// whole story every criterion with the score and its one-line summary.
struct StoryFindings {
  std::vector<Finding> findings;
  std::optional<double> score;      // the whole story only, 0-100
  std::string summary;              // the whole story only
  std::vector<std::string> errors;  // the scorer failed (it is then left out, not thrown)
  bool scorer_loaded = true;        // false: the star scorer plugin is not loaded, nothing is judged
};

// What save() wrote.
struct SavedStory {
  std::string id;                // the card's id, free in the collection ("story-checkout-outage-2")
  std::string title;
  std::string deck;              // "My stories"
  std::filesystem::path file;    // <collection dir>/decks/my-stories.md
  bool created_file = false;     // the file did not exist before
};

class REHEARSE_API StoryDraft {
 public:
  // The deck the user's stories go to.
  static constexpr const char* kDeck = "My stories";

  explicit StoryDraft(Engine& engine);

  // In the order they are asked: title, situation, task, action, result, lesson, themes.
  static const std::vector<StoryStep>& steps();
  // The step named `name`; throws rehearse::Error for an unknown one.
  static const StoryStep& step(std::string_view name);

  // The question for `name` as a front end asks it; for the themes, with the themes to pick from.
  std::string question(std::string_view name) const;

  // Sets a step's text (trimmed). The action is one action a line (list markers "- ", "* ",
  // "1. " dropped); the themes are a comma-separated list (lower-cased, duplicates dropped).
  void set(std::string_view name, const std::string& text);
  // The text of a step as it was set (the action one a line, the themes comma-separated).
  std::string text(std::string_view name) const;

  const std::string& title() const { return title_; }
  const Story& story() const { return story_; }
  const std::vector<std::string>& themes() const { return themes_; }
  // The story as a card (kind story), without an id until save() gives it one.
  CardContent card() const;

  // The star scorer's findings on the story so far, restricted to `name`'s criteria (empty for a
  // step that has none).
  StoryFindings findings(std::string_view name) const;
  // The star scorer's findings on the whole story, with its score.
  StoryFindings findings() const;

  // The required steps still empty, in step order.
  std::vector<std::string> missing() const;
  // "a story needs its action (what you did, ...)" for the first missing step; empty when none.
  std::string missing_message() const;

  // Themes to pick from: the essential themes' and every theme of the collection, sorted.
  std::vector<std::string> available_themes() const;

  // decks/my-stories.md beside the collection.
  std::filesystem::path file() const;

  // Writes the story into file() (created with its header on first use) whole or not at all, and
  // imports that file at once; when the import fails, the file is put back as it was and the
  // error is thrown. Throws rehearse::Error with missing_message() when a required step is
  // empty, and when the markdown source (which writes the entry) is not loaded.
  SavedStory save();

 private:
  Engine& engine_;
  std::string title_;
  Story story_;
  std::vector<std::string> themes_;
};

// The action lines of `text`: one a line, list markers dropped, empty lines skipped.
REHEARSE_API std::vector<std::string> story_action_lines(const std::string& text);
// The themes of a comma-separated list: trimmed, lower-cased, duplicates and empty items dropped.
REHEARSE_API std::vector<std::string> story_theme_list(const std::string& text);

}  // namespace rehearse
