// The ideas an interviewer listens for (alternatives weighed, a tradeoff named, the root cause
// found, people kept informed, an idempotency key, backoff, a rollback, alerting, ...), each with
// the common ways engineers say it without the term. A key point or alias made only of one idea's
// words ("Rejected alternatives", "Exponential backoff with jitter", "Rollback plan") is covered by
// any of its paraphrases: "I considered a bigger cache but chose to batch" weighs an alternative
// without using the word, and "the client waits longer each time, doubling" is backoff.
//
// The paraphrases are general English for the idea, never the wording of one answer: they are
// checked against answers nobody here has seen.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rehearse/text.h"

namespace keypoints {

struct Paraphrase {
  std::string idea;                // for messages and tests
  std::vector<std::string> names;  // stems that name the idea: a term needs one of them
  std::vector<std::string> words;  // other stems a term naming the idea may use ("plan", "first")
  const rehearse::CueList* cues;   // the ways of saying it
  // Ways of saying the idea was absent ("we found out from customers" is a lack of monitoring),
  // for a key point that is a lack; may be null. A negated cue says the lack as well.
  const rehearse::CueList* lack_cues = nullptr;
  // The cues carry a negation of their own ("we don't try more than once", "never tested it in
  // staging"), so a negation around them does not deny the idea.
  bool negation_in_cues = false;
  // Words that name the idea's absence ("unindexed", "unmonitored", "irreversible"): a term made
  // with one of them is a lack, though it has no "no" or "missing".
  std::vector<std::string> absent_names = {};
};

// The ideas, built once.
const std::vector<Paraphrase>& paraphrases();

// The ideas `term` names: those whose words hold all its content words, one of them naming the
// idea. Usually one; "Request coalescing" is a way out of a thundering herd and a concept of its own.
std::vector<const Paraphrase*> ideas_of(const rehearse::Term& term);

// Two ideas that together hold all of `term`'s content words, each naming one of them:
// "Alternatives considered with trade-offs" is the alternatives and the tradeoffs, "Blameless
// postmortem with action items" a blameless review and its action items.
std::vector<std::pair<const Paraphrase*, const Paraphrase*>> idea_pairs_of(const rehearse::Term& term);

// Whether `term` names the idea's absence: a lack ("no rollback plan") or a word like
// "irreversible".
bool names_absence(const Paraphrase& idea, const rehearse::Term& term);

// The first place the idea is said in the answer (outside a negation and a bare list; for a term
// that is a lack, where its absence is said), or nothing.
std::optional<rehearse::CueHit> find_idea(const Paraphrase& idea, const rehearse::AnswerIndex& index, bool lack = false);

}  // namespace keypoints
