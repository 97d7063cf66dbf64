// A review session: today's queue, answering, scoring and undo, for any front end.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/card.h"
#include "rehearse/collection.h"
#include "rehearse/scorer.h"

namespace rehearse {

class Engine;

struct QueueCounts {
  int new_cards = 0;
  int learning = 0;
  int review = 0;
  int total() const { return new_cards + learning + review; }
};

struct SessionSummary {
  int answered = 0;
  int again = 0, hard = 0, good = 0, easy = 0;
  std::int64_t total_ms = 0;  // time spent answering
  std::optional<double> mean_score;
};

// What the user did with a card, besides the rating.
struct AnswerDetails {
  std::int64_t taken_ms = 0;
  const CombinedScore* score = nullptr;  // the scorers' result, when the card was scored
  // How long the answer took to say, when it was spoken and recorded (API 4.0): stored with the
  // review. The recording itself is kept by Collection::add_recording with the answer's log_id.
  std::optional<std::int64_t> spoken_ms;
};

struct AnswerOutcome {
  std::int64_t log_id = 0;
  SchedulingState after;
  // The card has lapsed too often: it is tagged "leech" (and suspended when `suspended`). A front
  // end tells the user, who may want to rewrite or split it.
  bool leech = false;
  bool suspended = false;
  int buried_siblings = 0;  // cards of the same group held back until tomorrow
};

// Runs `scorers`, in order, on one answer to `card` and combines their results: the mean of the
// scores given and the rating it suggests (when none gives a score, the first suggestion given).
// With `skip_inapplicable`, a scorer whose applies_to() says it has nothing to check on the card
// is left out; without it (the user named the scorer) every one runs. A scorer that fails goes to
// CombinedScore::errors: this never throws for a scorer's failure.
REHEARSE_API CombinedScore score_answer(const Engine& engine, const std::vector<const Scorer*>& scorers, const CardContent& card,
                                        const Attempt& attempt, bool skip_inapplicable = true);

class REHEARSE_API ReviewSession {
 public:
  // Use Engine::start_review(). `options` change today's queue (a study plan's).
  ReviewSession(Engine& engine, std::string deck, QueueOptions options = {});
  ~ReviewSession();
  ReviewSession(const ReviewSession&) = delete;
  ReviewSession& operator=(const ReviewSession&) = delete;

  // The card to show now, or nothing when today's work is done. Learning cards come back when
  // due, or up to the learn-ahead limit (20 minutes) early when nothing else is left.
  std::optional<Card> next();
  QueueCounts counts() const;

  // Runs the scorer chain configured for the card's deck and kind; never throws for a scorer's
  // failure (it goes to CombinedScore::errors).
  CombinedScore score(const Card& card, const Attempt& attempt) const;

  // Schedules and commits the answer before returning. Throws rehearse::Error when it cannot be
  // recorded (another process answered the card first, the scheduler failed); nothing is
  // recorded then.
  AnswerOutcome answer(const Card& card, Rating rating, const AnswerDetails& details);

  // Takes back the last answer of this session, with what it did besides (buried siblings, a
  // leech's tag and suspension). Returns the card, which next() shows again, or nothing when
  // there is nothing to undo.
  std::optional<Card> undo();
  bool can_undo() const;

  const SessionSummary& summary() const;
  const std::string& deck() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rehearse
