// The scorer interface: read the answer the user typed and say what a strong answer would have had.
//
// Called: after the user reveals a card, before they rate it, on the review thread. A scorer sees
// the card's content and the attempt, never the collection. It may throw; the engine turns the
// exception into a PluginError naming the plugin, reports it to the front end, and the user rates
// the card themselves. Results are checked: a score outside 0-100 or NaN, or a rating outside 1-4,
// is refused the same way.
//
// Ownership: the registry owns the Scorer until the process ends. `card`, `attempt` and `options`
// are borrowed for the length of the call; the ScoreResult returned belongs to the caller (the
// engine fills in ScoreResult::scorer itself).
//
// Threads: a front end that serves several people (the web app) serialises calls into the engine,
// so one Scorer is called by one thread at a time; it may be a different thread from one call to
// the next. score() and applies_to() are const: keep them free of mutable state, or guard it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/card.h"
#include "rehearse/options.h"
#include "rehearse/scheduling.h"

namespace rehearse {

struct Attempt {
  std::string text;      // what the user typed; may be empty (they only revealed)
  double seconds = 0;    // time from showing the prompt to revealing the answer (typing time)
  // How long the answer took to say, when it was spoken and recorded. Typing time is not a
  // speaking time: a scorer that judges length uses this, else the word count at a speaking pace.
  std::optional<double> spoken_seconds;
};

// One stretch of the answer and the part of it a segmenting scorer says it is ("situation",
// "action", "definition", ...), in text order. Byte offsets into Attempt::text: [begin, end).
struct AnswerPart {
  std::string part;
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// One criterion checked against the answer.
struct Finding {
  std::string criterion;  // e.g. "quantified result", "key point: idempotency"
  bool met = false;
  std::string evidence;   // words quoted from the answer; empty when nothing matched
  std::string advice;     // one sentence; what to do about it
};

struct ScoreResult {
  std::string scorer;                // filled by the engine with the scorer's name
  std::optional<double> score;       // 0-100; empty when this scorer does not grade
  std::optional<Rating> suggestion;  // the rating the score suggests
  std::vector<Finding> findings;
  std::string summary;               // one line
  std::vector<AnswerPart> parts;     // how the scorer read the answer, when it segments it
};

class REHEARSE_API Scorer {
 public:
  virtual ~Scorer();

  // The name users select it by, e.g. "self", "keypoints", "star".
  virtual std::string_view name() const = 0;

  virtual std::vector<OptionSpec> options() const { return {}; }

  // Whether this scorer has anything to say about `card` (a STAR rubric has nothing to say about
  // a definition): decide by type_of(card). The engine skips scorers that do not apply.
  virtual bool applies_to(const CardContent& card) const = 0;

  virtual ScoreResult score(const CardContent& card, const Attempt& attempt, const Options& options) const = 0;
};

// The result of a chain of scorers, combined by the engine: the mean of the scores given, and the
// suggestion that follows from it.
struct CombinedScore {
  std::vector<ScoreResult> parts;
  std::optional<double> score;
  std::optional<Rating> suggestion;
  std::vector<std::string> errors;  // scorers that failed, with the reason
};

// One paragraph on what the scorers found, for a front end or a script: each scorer's summary in
// chain order, then the scorers that failed.
REHEARSE_API std::string summary_of(const CombinedScore& score);

// The rating a 0-100 score suggests: below 40 again, below 65 hard, below 90 good, else easy.
REHEARSE_API Rating rating_for_score(double score);

// The result every grading scorer gives an answer there is nothing in to grade, or nullopt when
// there is something: an empty answer, and one that is not text at all (a pasted binary file, where
// more than 5% of the characters are bytes outside UTF-8 or control characters other than tabs
// and line breaks). Both get 0, "again", and a summary saying why. Built-in scorers start with it
// so that they agree on what they refuse and why. (API 4.3)
REHEARSE_API std::optional<ScoreResult> ungradable(const Attempt& attempt);

}  // namespace rehearse
