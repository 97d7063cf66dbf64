// A mock interview: questions asked one at a time against the clock, the user's stories that fit
// each, follow-up questions after the answer, and a report at the end. Front ends drive it
// (`rehearse mock`, Activity::mock); it holds no UI.
//
//   MockInterview mock(engine, deck, options);
//   while (auto question = mock.next()) {
//     show question->card.content.prompt, question->stories;   (start the front end's timer)
//     read the answer, then ask each of question->follow_ups and read its answer;
//     CombinedScore score = mock.score(*question, answer.text, seconds);   (to show, and suggest)
//     mock.answer(*question, answer);   (committed before it returns)
//   }
//   MockReport report = mock.report();
//
// Every answered question is one review of its card, recorded through a ReviewSession like any
// other answer (buried siblings, leeches and the review log stay as a review leaves them), rated
// with the user's rating, or else the scorers' suggestion.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/card.h"
#include "rehearse/collection.h"
#include "rehearse/frontend.h"
#include "rehearse/scorer.h"

namespace rehearse {

class Engine;

// Follow-up questions any question on a theme can take, for questions whose deck gives none of
// their own. The themes are the deck themes of decks/README.md and the essential themes of
// story_bank.h; `general` serves a question whose themes have none.
struct ThemeFollowUps {
  std::string theme;
  std::vector<std::string> questions;
};
REHEARSE_API const std::vector<ThemeFollowUps>& generic_follow_ups();

// What to ask after an answer to `card`: its own follow-ups, else those of its first theme that
// has some, else general ones; at most `most`.
REHEARSE_API std::vector<std::string> follow_ups_for(const CardContent& card, size_t most = 2);

// One question of the interview, as next() gives it.
struct MockQuestion {
  int number = 0;  // 1 for the first question
  Card card;
  QuestionType type = QuestionType::behavioural;
  // Why it was picked: "due" (due for review), "weak" (forgotten, or scored low, last time) or
  // "new" / "practised" (neither: the rest, weakest first).
  std::string reason;
  std::vector<Collection::StoryBank::StoryCard> stories;  // the user's stories that fit its themes, best first
  std::vector<std::string> follow_ups;                    // at most two, asked after the answer
};

// What the user said to one question.
struct MockAnswer {
  std::string text;                             // the answer to the question; empty: passed
  std::vector<std::string> follow_up_answers;   // in the order of MockQuestion::follow_ups; may be fewer
  std::optional<Rating> rating;                 // the user's own rating; nothing: the scorers' suggestion
  std::int64_t taken_ms = 0;                    // from showing the question to the last answer
  std::optional<CombinedScore> score;           // score() of `text`, when the front end already ran it
};

// One question in the report.
struct MockResult {
  std::int64_t card_id = 0;
  std::string uid;
  std::string deck;
  std::string prompt;
  QuestionType type = QuestionType::behavioural;
  std::vector<std::string> themes;
  std::optional<double> score;         // 0-100, when the scorers gave one
  std::optional<Rating> suggestion;    // the scorers' suggested rating
  Rating rating = Rating::good;        // the rating recorded
  bool rated_by_user = false;          // false: the suggestion (or `again` for a passed question)
  bool passed = false;                 // no answer was given
  double seconds = 0;
  std::vector<std::string> follow_ups;
  int follow_ups_answered = 0;
  std::string summary;                 // what the scorers found, in a sentence or two
};

struct MockReport {
  std::vector<MockResult> questions;
  double seconds = 0;                  // time spent answering, all questions
  int minutes = 0;                     // the interview's length
  bool time_up = false;                // the minutes ran out before the questions did
  std::optional<double> mean_score;
  // Themes the questions asked about that none of the user's own stories covers (templates do not
  // count), and themes whose answers scored low (mean below 65, where the suggestion drops to
  // `hard`), each in lower case, in the order the questions asked them.
  std::vector<std::string> themes_without_story;
  std::vector<std::string> low_themes;
  // What to practise next, one concrete step a line: a command to run, naming cards by id.
  std::vector<std::string> practise;
};

class REHEARSE_API MockInterview {
 public:
  // How long an interview lasts when --minutes does not say.
  static constexpr int kDefaultMinutes = 20;
  static constexpr int kMaxMinutes = 240;
  // A theme whose answers score below this is one to practise (rating_for_score's `hard`).
  static constexpr double kLowScore = 65;

  // Picks the questions of `deck` and its sub-decks (all decks when empty): behavioural,
  // technical and design questions (not templates, not suspended), on one of `options.themes`
  // when given; those due first, then the weakest. Throws rehearse::Error, before anything is
  // recorded, for an unknown deck, minutes outside 1-kMaxMinutes, a theme no question has, or no
  // question to ask.
  MockInterview(Engine& engine, std::string deck, MockOptions options);
  ~MockInterview();
  MockInterview(const MockInterview&) = delete;
  MockInterview& operator=(const MockInterview&) = delete;

  // The next question, or nothing when every question was asked or the minutes are spent.
  std::optional<MockQuestion> next();

  // Runs the deck's scorers on an answer; never throws for a scorer's failure.
  CombinedScore score(const MockQuestion& question, const std::string& answer, double seconds) const;

  // Scores the answer (unless `answer.score` holds it) and records it as one review of the
  // question's card, committed before returning. Throws rehearse::Error when it cannot be
  // recorded; the question then does not count.
  MockResult answer(const MockQuestion& question, const MockAnswer& answer);

  // Answering time so far, and the interview's length, in ms.
  std::int64_t elapsed_ms() const;
  std::int64_t limit_ms() const;
  int questions_left() const;

  MockReport report() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rehearse
