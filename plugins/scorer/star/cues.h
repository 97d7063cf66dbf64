// The cue phrases of a STAR answer, in the pattern language of phrases.h. They are general
// English for telling a story about work, taken from what the interview guides ask each part to
// contain; they are meant for any answer, not tuned to particular ones.
#pragma once

#include "phrases.h"

namespace star::cues {

// Setting the scene: "at my last company", "our checkout API was", "customers were seeing".
const PhraseList& situation();
// One's own responsibility: "my role was", "I owned", "as the on-call engineer", "I needed to".
const PhraseList& task();
// Something the speaker did: "I added", "I then rewrote"; "we moved" counts less (see weights).
const PhraseList& own_action();
const PhraseList& shared_action();
// Steps in a sequence: "First,", "Then", "To fix it".
const PhraseList& sequence();
// What changed: "as a result", "from 2 s to 200 ms", "40%", "zero downtime".
const PhraseList& result();
// Which way things moved, without a number: "reduced", "faster", "fewer".
const PhraseList& direction();
// Looking back: "I learned", "in hindsight", "next time", "I now".
const PhraseList& lesson();
// Weighing options: "instead of", "the tradeoff", "we considered", "rather than".
const PhraseList& tradeoff();
// Pointing at others: "their fault", "dropped the ball", "incompetent".
const PhraseList& blame();
// Saying one took part without saying what one did: "helped with", "worked on".
const PhraseList& vague_contribution();
// Words that fill time and say nothing: "basically", "stuff", "and so on".
const PhraseList& filler();

}  // namespace star::cues
