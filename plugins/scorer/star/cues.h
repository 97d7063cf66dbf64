// The cue phrases of a STAR answer, in the pattern language of rehearse/text.h (CueList). They are general
// English for telling a story about work, taken from what the interview guides ask each part to
// contain; they are meant for any answer, not tuned to particular ones.
#pragma once

#include "rehearse/text.h"

namespace star::cues {

// Setting the scene: "at my last company", "our checkout API was", "customers were seeing".
const rehearse::CueList& situation();
// One's own responsibility: "my role was", "I owned", "as the on-call engineer", "I needed to".
const rehearse::CueList& task();
// Something the speaker did: "I added", "I then rewrote"; "we moved" counts less (see weights).
const rehearse::CueList& own_action();
const rehearse::CueList& shared_action();
// Steps in a sequence: "First,", "Then", "To fix it".
const rehearse::CueList& sequence();
// What changed: "as a result", "from 2 s to 200 ms", "40%", "zero downtime".
const rehearse::CueList& result();
// A quantity of time, money or rate ("40 minutes", "$12k"): often a result, sometimes a step.
const rehearse::CueList& measure();
// Which way things moved, without a number: "reduced", "faster", "fewer".
const rehearse::CueList& direction();
// Looking back: "I learned", "in hindsight", "next time", "I now".
const rehearse::CueList& lesson();
// Weighing options: "instead of", "the tradeoff", "we considered", "rather than".
const rehearse::CueList& tradeoff();
// Pointing at others: "their fault", "dropped the ball", "incompetent".
const rehearse::CueList& blame();
// Saying one took part without saying what one did: "helped with", "worked on".
const rehearse::CueList& vague_contribution();
// Words that fill time and say nothing: "basically", "stuff", "and so on".
const rehearse::CueList& filler();

}  // namespace star::cues
