// The STAR rubric: each criterion the interview guides name, checked on its own, with the words of
// the answer that show it and one sentence of advice.
//
// Criterion (finding name)          weight  full credit when
//   all four STAR parts               10    situation, task, action and result each label a sentence
//   action is the largest part        15    the action is the biggest part and at least 35% of it
//   situation and task kept short      5    together at most 35% of the answer and 35 s spoken
//   ownership                         15    "I" at least as often as "we" in the action
//   quantified result                 20    a measured change in the result (another number: three
//                                           quarters; a direction alone: half)
//   tradeoff or alternative           10    an option weighed, or what was chosen instead
//   lesson at the end                 10    a lesson or reflection in the last part (earlier: half)
//   length                             5    60-90 s spoken (configurable), in a soft band
//   no blame                           5    no finger pointed at others
//   no vague filler                    5    no "helped with" / "worked on" without anything concrete
//                                    ---
//                                    100
// Partial credit between the ends is described with each check in rubric.cpp.
//
// The weights follow what an interviewer listens for: what you did and what came of it weigh most,
// the length least (a long strong answer beats a short empty one). Some failures outweigh
// everything else, because an interviewer hears nothing past them: an answer without an action or
// without a result fails (capped at 35, "again"); one in "we" throughout (no contribution of one's
// own) or one that blames others is capped at 60, "hard", however good the rest is. The cap bends
// the score down to it rather than cutting it off (star_scorer.cpp, capped()), so a better
// failing answer still scores above a worse one.
#pragma once

#include <vector>

#include "rehearse/scorer.h"
#include "rehearse/text.h"
#include "star_parts.h"

namespace star {

// How long a spoken answer should take. An answer is judged by its spoken duration when it was
// recorded (Attempt::spoken_seconds), else by its word count at the speaking pace; never by the
// time spent typing it.
struct LengthTarget {
  double words_per_minute = 150;
  double min_seconds = 60;
  double max_seconds = 90;
};

struct Check {
  rehearse::Finding finding;
  double weight = 0;  // points out of 100
  double credit = 0;  // 0 to 1: the share of the weight earned
  double cap = 100;   // the most the whole answer can score, given this check's outcome
};

inline constexpr double kDisqualifiedCap = 60;
inline constexpr double kFailedCap = 35;

std::vector<Check> check_answer(const rehearse::AnswerText& text, const StarParts& parts, const rehearse::Attempt& attempt,
                                const LengthTarget& target);

}  // namespace star
