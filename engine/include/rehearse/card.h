// The card model: what a deck holds, independent of any file format or scheduler.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/scheduling.h"

namespace rehearse {

// question: a prompt with a model answer, key points to mention and pitfalls to avoid.
// keypoint: a concept or term a strong answer uses.
// story:    one of the user's own STAR stories, tagged with the themes it can answer.
enum class CardKind { question, keypoint, story };

REHEARSE_API std::string_view to_string(CardKind kind);
// Accepts "question", "keypoint", "story" (and the one-letter deck markers Q, K, S).
REHEARSE_API std::optional<CardKind> card_kind_from_string(std::string_view text);

// What a card asks for, which decides how an answer to it is judged: a STAR rubric fits a story of
// one's own, not a definition. It is a field of its own beside the kind: a question card may ask
// for a story (behavioural), an explanation (technical), a design, or be one to ask the interviewer.
//   behavioural  a past experience: "Tell me about a time...", "Describe a situation..."
//   technical    explain or compare: "What is idempotency?", "Kafka or RabbitMQ?"
//   design       design a system: "How would you design a URL shortener?"
//   ask          a question the candidate asks the interviewer
//   keypoint     a key-point card: a term or concept to explain
//   story        a story card: one of the user's own STAR stories
enum class QuestionType { behavioural, technical, design, ask, keypoint, story };

REHEARSE_API std::string_view to_string(QuestionType type);
// Accepts the names above (and "behavioral", "explain", "compare", "system-design", "to-ask").
REHEARSE_API std::optional<QuestionType> question_type_from_string(std::string_view text);
// The names question_type_from_string accepts as the canonical ones, for messages.
REHEARSE_API std::string_view question_type_names();

// One thing a strong answer mentions. `aliases` are other ways of saying it that count too.
struct KeyPoint {
  std::string text;
  std::vector<std::string> aliases;

  bool operator==(const KeyPoint&) const = default;
};

// Reads a key point as decks write it: "point | alias, other alias". The aliases are separated by
// commas only (an alias is often several words: "signal upstream | flow control, back-pressure");
// each is trimmed, and quotes around one are dropped. Every source reads key points with this, so
// a point means the same in a Markdown deck, a CSV list and a page. (Plugin API 3.1.)
REHEARSE_API KeyPoint parse_key_point(std::string_view written);

// The parts of a STAR story. `actions` are the steps, in order.
struct Story {
  std::string situation;
  std::string task;
  std::vector<std::string> actions;
  std::string result;
  std::string lesson;

  bool empty() const { return situation.empty() && task.empty() && actions.empty() && result.empty() && lesson.empty(); }
  bool operator==(const Story&) const = default;
};

// What a source plugin reads from a file: the text of one card. Scheduling state is never here.
struct CardContent {
  // Identity within its deck. Sources set it from an explicit id or derive it from the prompt;
  // a card keeps its progress across re-imports as long as its uid stays the same.
  std::string uid;
  CardKind kind = CardKind::question;
  // What the card asks for, when its file says (a deck's `type:`). Empty means "as the wording
  // suggests": read it with type_of(), which infers it then, so that a better rule reaches cards
  // imported before it.
  std::optional<QuestionType> type;
  std::string prompt;
  std::string answer;
  std::vector<KeyPoint> key_points;
  std::vector<std::string> pitfalls;  // things a good answer avoids
  std::vector<std::string> themes;    // e.g. incident, migration, mentoring
  std::vector<std::string> tags;
  Story story;                        // filled for story cards (and questions with a model STAR answer)
  // Cards of one deck with the same non-empty group came from the same entry of a source (a
  // question and the key-point cards made from it): siblings, not shown on the same day.
  std::string group;
  // Questions an interviewer asks after the answer ("What would you do differently?"), for mock
  // interviews; the deck's `follow-ups:` list.
  std::vector<std::string> follow_ups;
  int line = 0;                       // where the card starts in its file, for messages

  bool operator==(const CardContent&) const = default;
};

// A card as the collection holds it.
struct Card {
  std::int64_t id = 0;  // row id in the collection
  std::string deck;
  CardContent content;
  SchedulingState scheduling;
  bool suspended = false;
};

// The type a card's own words suggest, for cards whose deck does not say (the rule is documented
// in decks/README.md): a key-point card is `keypoint`, a story card `story`; a question is
// `design` when it asks to design, build or scale a system, `behavioural` when it asks about the
// speaker's past ("tell me about a time", "describe a situation", "how did you"), `ask` when it
// asks the interviewer about their team or company ("your team", "the role"), `technical` when
// it asks what something is, how it works or how two things compare; a question that matches none
// is `behavioural` when it has themes (themes tie it to stories), else `technical`.
REHEARSE_API QuestionType infer_question_type(CardKind kind, std::string_view prompt, bool has_themes = false);

// The parts of a card its user may edit (rehearse edit, the web app): the prompt, answer, key
// points, pitfalls, themes, STAR parts and follow-ups (4.0). Copies them from `from` into `to` (API 3.1). The rest
// (uid, kind, type, tags, group) is the card's source's to say.
REHEARSE_API void copy_editable_text(const CardContent& from, CardContent& to);

// The card's type: the one its source gave, else the one its words suggest.
REHEARSE_API QuestionType type_of(const CardContent& card);

// Whether the card is answered with a story of one's own, told aloud in STAR form: a behavioural
// question or a story card. Front ends time such answers; the STAR rubric grades them.
REHEARSE_API bool asks_for_a_story(const CardContent& card);

// Whether the card is a template to write one's own version of (`template: true` in a deck, kept
// as the tag "template"): its text is guidance, never a model answer, and a template story is not
// one of the user's own stories.
inline constexpr std::string_view kTemplateTag = "template";
REHEARSE_API bool is_template(const CardContent& card);

// Derives a stable uid from a prompt: lower case ASCII letters and digits, words joined by '-',
// at most 80 characters. Non-ASCII letters are kept as they are.
REHEARSE_API std::string slugify(std::string_view prompt);

}  // namespace rehearse
