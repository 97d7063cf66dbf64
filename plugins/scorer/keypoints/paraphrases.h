// The ideas an interviewer listens for in any answer (alternatives weighed, a tradeoff named, the
// root cause found, people kept informed), each with the common ways of saying it. A key point
// made only of such an idea's words ("Rejected alternatives", "Tradeoffs", "Root cause") is
// covered by any of its paraphrases: "I considered a bigger cache but chose to batch" weighs an
// alternative without using the word.
#pragma once

#include <string>
#include <vector>

#include "rehearse/text.h"

namespace keypoints {

struct Paraphrase {
  const char* idea;                 // for messages and tests
  std::vector<std::string> stems;   // the words that name the idea (stemmed)
  const rehearse::CueList* cues;    // the ways of saying it
};

// The ideas, built once.
const std::vector<Paraphrase>& paraphrases();

// The idea `term` names, when all its content words are words of one idea; else nullptr.
const Paraphrase* idea_of(const rehearse::Term& term);

// The first place the idea is said in the answer outside a negation, or nothing.
std::optional<rehearse::CueHit> find_idea(const Paraphrase& idea, const rehearse::AnswerIndex& index);

}  // namespace keypoints
