// The technical rubric: what an interviewer listens for in an answer that explains or compares a
// concept, and in one that designs a system (scoring.md §5). Each criterion is checked on its own,
// with the words of the answer that show it and one sentence of advice when it is missing.
//
// Explain or compare (QuestionType::technical)      Design a system (QuestionType::design)
//   criterion        weight                           criterion         weight
//   definition         35                             requirements        15
//   when to use it     20                             scale estimate      15
//   tradeoff           25                             components          20
//   example            20                             data model          15
//                     ---                             bottlenecks         20
//                     100                             tradeoffs           15
//                                                                        ---
//                                                                        100
// A criterion is met or not: its whole weight or nothing. There is no length criterion: a short,
// correct answer is a good answer, and a technical answer needs no story. Only an answer too short
// to say anything (under eight words) or one that repeats the question's own words scores 0.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "rehearse/scorer.h"
#include "rehearse/text.h"

namespace technical {

// What the question asks about, read from its words: the content words that name its subject
// ("idempotency", "consistent hashing"), split into the things compared ("Kafka or RabbitMQ").
struct Question {
  std::unordered_set<std::string> concept_stems;              // every subject word, stemmed
  std::vector<std::unordered_set<std::string>> groups;        // one per thing compared
  std::unordered_set<std::string> all_stems;                  // every content word of the question
  bool comparison = false;    // two or more things compared
  bool how_it_works = false;  // "How does X work?": the mechanism is the definition

  static Question read(std::string_view prompt);
};

// Where a criterion shows in the answer: words [first, last], and how plainly (2 an explicit cue
// such as "for example", 1 an inference such as a number with a unit).
struct Hit {
  int first = 0;
  int last = 0;
  int strength = 1;
};

struct Check {
  rehearse::Finding finding;
  double weight = 0;
  std::vector<Hit> hits;  // empty when not met
};

// One check per criterion of the question's type, in the order of the table above.
std::vector<Check> check_technical(const rehearse::AnswerText& text, const Question& question);
std::vector<Check> check_design(const rehearse::AnswerText& text, const Question& question);

// The reason an answer is too thin to grade (fewer than eight words, or nothing but the question's
// own words), or an empty string when it can be graded.
std::string too_thin(const rehearse::AnswerText& text, const Question& question, bool design);

// The findings of an answer too thin to grade: every criterion unmet, with its advice.
std::vector<Check> unmet(bool design);

// One part per sentence: the criterion its words show most (by the strength of the hits that
// start in it), or "other".
std::vector<rehearse::AnswerPart> sentence_parts(const rehearse::AnswerText& text, const std::vector<Check>& checks);

}  // namespace technical
