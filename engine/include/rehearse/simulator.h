// What the coming days hold: a Monte Carlo simulation of the collection's cards, as fsrs-rs's
// simulator runs it (`rehearse simulate`, the statistics page's retention chart).
//
// Each simulated day, the cards due are answered and new cards are learned. Whether a card is
// recalled is drawn with the probability its deck's scheduler gives (Scheduler::retrievability;
// a scheduler without a memory model is taken to hold the 90% recall it aims for at each due
// date), the rating is drawn from the user's own proportions of ratings, and the scheduler gives
// the next state. Every answer costs the time the user takes for that kind of answer, from the
// review log. Only the SDK is used, so any scheduler plugin can be simulated.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/card.h"
#include "rehearse/scheduling.h"

namespace rehearse {

class Engine;
class Collection;

// What an answer costs and how the user rates, by the kind of answer. Indexed by Rating - 1.
struct REHEARSE_API AnswerHabits {
  // Seconds per answer: to a new card and its learning steps, to a review card, to a relearning
  // step. The defaults are fsrs-rs's (SimulatorConfig::default).
  std::array<double, 4> learning_seconds = {19.58, 18.79, 13.78, 10.71};
  std::array<double, 4> review_seconds = {19.38, 17.59, 12.38, 8.94};
  std::array<double, 4> relearning_seconds = {16.44, 15.25, 12.32, 8.03};
  // The first rating of a new card: again, hard, good, easy.
  std::array<double, 4> first_rating = {0.24, 0.094, 0.495, 0.171};
  // The rating of a recalled card: hard, good, easy.
  std::array<double, 3> recalled_rating = {0.224, 0.631, 0.145};
  int answers_measured = 0;  // answers of the review log these come from (0: all defaults)

  // The user's habits from the review log: the mean time of each kind of answer (answers over 20
  // minutes or without a time are left out, as fsrs-rs does) and the share of each rating. A kind
  // of answer with fewer than `min_answers` answers in the log keeps its default.
  static AnswerHabits from_log(const Collection& collection, int min_answers = 10);
};

struct REHEARSE_API SimulationOptions {
  int days = 365;
  int new_per_day = 10;                 // new cards learned a day, all decks together
  std::optional<double> retention;      // desired retention for every scheduler that has one; else each deck's
  std::uint64_t seed = 1;               // the same seed, the same simulation
  bool recall_every_day = true;         // the expected recall of each day (else only the last day's)
};

struct REHEARSE_API SimulatedDay {
  int reviews = 0;         // answers to cards learned before, relearning steps included
  int new_cards = 0;       // cards learned that day
  double seconds = 0;      // time spent answering, learning steps included
  double memorized = 0;    // sum of the probability of recall of every card studied so far
  int studied = 0;         // cards studied so far (not new)
  double recall() const { return studied > 0 ? memorized / studied : 0; }  // expected share recalled
};

struct REHEARSE_API SimulationResult {
  double retention = 0;  // the desired retention simulated (the lowest of the decks' when not set)
  std::vector<SimulatedDay> days;
  int cards = 0;         // cards simulated
  int new_left = 0;      // new cards still not learned at the end

  double total_seconds() const;
  int total_reviews() const;
  double minutes_per_day() const;
  double final_recall() const { return days.empty() ? 0 : days.back().recall(); }
};

// One card as the simulation starts it.
struct SimulatedCard {
  std::int64_t card_id = 0;
  std::string deck;
  SchedulingState state;
};

class REHEARSE_API Simulator {
 public:
  // Simulates `cards` (new ones are learned in the order given) with the schedulers and settings
  // of their decks in `engine`, starting now by the engine's clock.
  Simulator(const Engine& engine, std::vector<SimulatedCard> cards, AnswerHabits habits);

  // The cards of `deck` and its sub-decks (all when empty) that are not suspended, new cards in
  // the order the daily queue learns them, and the user's habits from the review log.
  static Simulator of_collection(Engine& engine, const std::string& deck = {});

  // Throws rehearse::Error for options out of range (days 1-36500, new cards 0-10000, retention
  // 0.5-0.99), naming the option.
  SimulationResult run(const SimulationOptions& options) const;

  // run() for each desired retention, with the same seed: how daily work and recall trade off.
  std::vector<SimulationResult> compare_retentions(const std::vector<double>& retentions, SimulationOptions options) const;

  // The desired retentions `simulate` and the statistics page compare: 0.70 to 0.97.
  static const std::vector<double>& retentions_to_compare();

  const AnswerHabits& habits() const { return habits_; }
  size_t cards() const { return cards_.size(); }

 private:
  const Engine& engine_;
  std::vector<SimulatedCard> cards_;
  AnswerHabits habits_;
};

}  // namespace rehearse
