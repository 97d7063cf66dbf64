// The FSRS-6 memory model: how the stability, difficulty and retrievability of a memory change
// with each review.
//
// Pure arithmetic on doubles: no cards, steps, dates or options. The scheduler (fsrs_scheduler.h)
// turns it into due dates. The formulas are those of fsrs-rs, the implementation Anki uses, in
// double precision; ts-fsrs and py-fsrs compute the same numbers (ts-fsrs rounds intermediate
// values to 8 decimals, so it agrees to about 1e-8 relative).
//
//   R(t, S)  = (1 + factor * t / S) ^ -w20,   factor = 0.9 ^ (-1 / w20) - 1   (so R(S, S) = 0.9)
//   S0(G)    = w[G-1]
//   D0(G)    = w4 - e^(w5 (G - 1)) + 1
//   D'       = w7 D0(4) + (1 - w7) (D - w6 (G - 3) (10 - D) / 9)     (linear damping, mean reversion)
//   success  S' = S (1 + e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1) [w15 if Hard] [w16 if Easy])
//   lapse    S' = min(w11 D^-w12 ((S + 1)^w13 - 1) e^(w14 (1 - R)),  S / e^(w17 w18))
//   same day S' = S e^(w17 (G - 3 + w18)) S^-w19, never below S for Hard, Good and Easy
//
// G is the rating (1 again, 2 hard, 3 good, 4 easy), t whole days since the last review (0 for a
// review on the same day), S stability in days, D difficulty in [1, 10].
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace rehearse::fsrs {

inline constexpr std::size_t kParameterCount = 21;
using Parameters = std::array<double, kParameterCount>;

// The default parameters of FSRS-6 (fsrs-rs, ts-fsrs, py-fsrs and go-fsrs agree): the median of
// the parameters fitted to each of the 10,000 collections of the srs-benchmark.
inline constexpr Parameters kDefaultParameters = {0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
                                                  0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
                                                  1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

struct Range {
  double min;
  double max;
};

// The published bounds of each parameter: the ranges the optimizers clip them to (fsrs-rs
// parameter_clipper.rs, the same in py-fsrs and ts-fsrs). The optimizers keep w19 at 0.01 or more
// when they fit same-day reviews; 0 is what FSRS-5's 19 parameters become.
inline constexpr std::array<Range, kParameterCount> kParameterRanges = {{
    {0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100},  // w0-w3: initial stability per rating
    {1, 10},                                                  // w4: initial difficulty
    {0.001, 4},   {0.001, 4},   {0.001, 0.75},               // w5-w7: difficulty
    {0, 4.5},     {0, 0.8},     {0.001, 3.5},                // w8-w10: stability after a success
    {0.001, 5},   {0.001, 0.25}, {0.001, 0.9}, {0, 4},       // w11-w14: stability after a lapse
    {0, 1},       {1, 6},                                    // w15: hard penalty, w16: easy bonus
    {0, 2},       {0, 2},       {0, 0.8},                    // w17-w19: same-day reviews
    {0.1, 0.8},                                              // w20: decay of the forgetting curve
}};

// Checks a parameter list: 21 numbers, each within its published range. Returns what is wrong
// ("w17 is 2.5, outside its range 0 to 2"), or an empty string when the list is valid.
std::string check_parameters(const std::vector<double>& values);

inline constexpr double kMinStability = 0.001;
inline constexpr double kMaxStability = 36500;
inline constexpr double kMinDifficulty = 1;
inline constexpr double kMaxDifficulty = 10;

struct MemoryState {
  double stability = 0;   // days until retrievability falls to 90%
  double difficulty = 0;  // 1 (easiest) to 10
};

class Model {
 public:
  // `short_term`: same-day reviews change stability with the same-day formula (w17-w19). Without
  // it they use the long-term formulas at R = 1, and a lapse never raises stability (ts-fsrs's
  // enable_short_term = false). `relearning_steps`: with more than one, w17 and w18 are capped so
  // that the steps cannot compound stability after a lapse (fsrs-rs and ts-fsrs do the same).
  explicit Model(const Parameters& parameters = kDefaultParameters, bool short_term = true, int relearning_steps = 1);

  const Parameters& parameters() const { return w_; }

  // The probability of recall `elapsed_days` after a review that left `stability`.
  double retrievability(double elapsed_days, double stability) const;
  // The (unrounded) number of days after which retrievability falls to `desired_retention`.
  double interval(double stability, double desired_retention) const;
  // The same in two parts, for a caller that schedules many cards at one retention:
  // interval(s, r) == interval_at(s, retention_term(r)).
  double retention_term(double desired_retention) const;
  double interval_at(double stability, double retention_term) const;

  // The memory after the first rating of a new card.
  MemoryState initial(int rating) const;
  // The memory after rating a card `elapsed_days` (whole days; 0 = the same day) after its last
  // review. Out-of-range inputs are clamped first, as fsrs-rs does.
  MemoryState next(const MemoryState& memory, double elapsed_days, int rating) const;
  // The memory after each rating of the same review, index rating - 1: equal to next() for each,
  // at little more than the cost of one, since the ratings share the retrievability and the
  // growth of stability. Again's entry is left empty unless `with_again`. A scheduler that orders
  // its buttons needs several of them for every answer.
  std::array<MemoryState, 4> next_for_each_rating(const MemoryState& memory, double elapsed_days, bool with_again) const;

  // The memory of a card scheduled by SM-2 (ease factor, interval in days), assuming it was
  // recalled with probability `sm2_retention` at that interval (fsrs-rs memory_state_from_sm2);
  // used for cards that have no FSRS memory yet.
  MemoryState from_sm2(double ease, double interval_days, double sm2_retention) const;

  // The pieces of next(), exposed for tests against the reference values.
  double initial_difficulty(int rating) const;  // unclamped: D0(4) is the mean-reversion target
  double next_difficulty(double difficulty, int rating) const;
  double recall_stability(double difficulty, double stability, double retrievability, int rating) const;
  double forget_stability(double difficulty, double stability, double retrievability) const;
  double short_term_stability(double stability, int rating) const;

 private:
  Parameters w_;
  bool short_term_;
  double decay_;   // -w20
  double factor_;  // 0.9^(1/decay) - 1
  // Terms that depend on the parameters alone, computed once: a replay calls next() millions of
  // times, and exp and pow are most of its cost.
  double exp_w8_;              // e^w8
  double easy_difficulty_;     // D0(4), the mean-reversion target
  double lapse_cap_divisor_;   // e^(w17 * w18)
  std::array<MemoryState, 4> initial_;         // initial(G), index G - 1
  std::array<double, 4> short_term_growth_;    // e^(w17 (G - 3 + w18)), index G - 1

  // The parts of the stability formulas that do not depend on the rating.
  double recall_growth(double difficulty, double stability, double retrievability) const;
  double recall_stability_from(double stability, double growth, int rating) const;
  double short_term_stability_from(double stability, double damping, int rating) const;
};

}  // namespace rehearse::fsrs
