// The labelled answers of tests/data/scorer-eval (the formats are in its README), read into
// memory. A file that does not follow its format is an error naming the file and line.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace eval {

// One sentence of a behavioural answer with the STAR parts it may be labelled ("S", "R/L").
struct LabelledSentence {
  std::vector<std::string> parts;  // "situation", "task", "action", "result", "lesson"
  std::string text;
  bool paragraph_before = false;  // an empty line came before it
};

struct BehaviouralAnswer {
  std::string id, question, layout, quality;
  std::vector<LabelledSentence> sentences;
};

struct TechnicalAnswer {
  std::string id, question, type, quality, answer;
  std::vector<std::string> criteria;  // the criteria the answer meets, as the file names them
};

struct PointJudgement {
  bool covered = false;
  std::string point;  // in the deck format: "text | alias, alias"
};

struct KeypointAnswer {
  std::string id, question, kind, answer;
  std::vector<PointJudgement> points;
};

// A passage of an answer and the things it names, each labelled done (or in place) or not done.
struct TermJudgement {
  bool done = false;
  std::string term;  // as it occurs in the text, word for word
  int line = 0;      // where the judgement is written, for messages
};

struct DenialPassage {
  std::string id, text;
  std::vector<TermJudgement> terms;
};

struct TypedQuestion {
  std::string type, question;
};

struct Weakening {
  std::vector<std::string> padding, blame;
};

std::vector<BehaviouralAnswer> read_behavioural(const std::filesystem::path& file);
std::vector<TechnicalAnswer> read_technical(const std::filesystem::path& file);
std::vector<KeypointAnswer> read_keypoints(const std::filesystem::path& file);
std::vector<DenialPassage> read_denials(const std::filesystem::path& file);
std::vector<TypedQuestion> read_question_types(const std::filesystem::path& file);
Weakening read_weakening(const std::filesystem::path& file);

// The answer as the user would have typed it, in its layout ("paragraphs", "one-paragraph",
// "bullets"); `run_together` joins every sentence into one paragraph whatever the layout.
// `offsets` receives each sentence's [begin, end) byte range in the text.
std::string assemble(const BehaviouralAnswer& answer, bool run_together, std::vector<std::pair<std::size_t, std::size_t>>& offsets);

}  // namespace eval
