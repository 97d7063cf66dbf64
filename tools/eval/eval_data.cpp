#include "eval_data.h"

#include <fmt/format.h>

#include <fstream>
#include <functional>
#include <map>
#include <stdexcept>

namespace eval {

namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

struct Line {
  int number;
  std::string text;
};

// The records of a file: the lines after each "=== ID", comments left out.
struct Record {
  std::string id;
  int line = 0;
  std::vector<Line> lines;
};

std::vector<Record> read_records(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot be read", file.string()));
  std::vector<Record> records;
  std::string text;
  for (int number = 1; std::getline(in, text); ++number) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.starts_with("#")) continue;
    if (text.starts_with("=== ")) {
      records.push_back(Record{trim(text.substr(4)), number, {}});
      continue;
    }
    if (records.empty()) {
      if (!trim(text).empty()) throw std::runtime_error(fmt::format("{}:{}: text before the first '=== ID' line", file.string(), number));
      continue;
    }
    records.back().lines.push_back(Line{number, text});
  }
  return records;
}

[[noreturn]] void fail(const fs::path& file, int line, const std::string& what) {
  throw std::runtime_error(fmt::format("{}:{}: {}", file.string(), line, what));
}

// "key: value" at the start of a line, for the keys given.
bool field(const Line& line, std::string_view key, std::string& value) {
  if (!line.text.starts_with(key) || line.text.size() <= key.size() || line.text[key.size()] != ':') return false;
  value = trim(line.text.substr(key.size() + 1));
  return true;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = std::min(text.find(',', start), text.size());
    if (std::string item = trim(text.substr(start, comma - start)); !item.empty()) items.push_back(item);
    start = comma + 1;
  }
  return items;
}

void require(const fs::path& file, const Record& record, const std::string& value, const char* name) {
  if (value.empty()) fail(file, record.line, fmt::format("record '{}' has no '{}:' line", record.id, name));
}

}  // namespace

std::vector<BehaviouralAnswer> read_behavioural(const fs::path& file) {
  static const std::map<char, std::string> parts = {
      {'S', "situation"}, {'T', "task"}, {'A', "action"}, {'R', "result"}, {'L', "lesson"}};
  std::vector<BehaviouralAnswer> answers;
  for (const Record& record : read_records(file)) {
    BehaviouralAnswer answer;
    answer.id = record.id;
    bool blank = false;
    for (const Line& line : record.lines) {
      if (trim(line.text).empty()) {
        blank = true;
        continue;
      }
      if (field(line, "question", answer.question) || field(line, "layout", answer.layout) || field(line, "quality", answer.quality))
        continue;
      const auto colon = line.text.find(": ");
      if (colon == std::string::npos || colon == 0 || colon > 3) fail(file, line.number, "expected 'S: sentence' (labels S, T, A, R, L)");
      LabelledSentence sentence;
      for (std::size_t i = 0; i < colon; i += 2) {
        const auto it = parts.find(line.text[i]);
        if (it == parts.end() || (i + 1 < colon && line.text[i + 1] != '/'))
          fail(file, line.number, fmt::format("'{}' is not a label (S, T, A, R, L, or two joined by '/')", line.text.substr(0, colon)));
        sentence.parts.push_back(it->second);
      }
      sentence.text = trim(line.text.substr(colon + 2));
      sentence.paragraph_before = blank && !answer.sentences.empty();
      blank = false;
      answer.sentences.push_back(std::move(sentence));
    }
    require(file, record, answer.question, "question");
    require(file, record, answer.layout, "layout");
    require(file, record, answer.quality, "quality");
    if (answer.layout != "paragraphs" && answer.layout != "one-paragraph" && answer.layout != "bullets")
      fail(file, record.line, fmt::format("record '{}': layout '{}' is not paragraphs, one-paragraph or bullets", record.id, answer.layout));
    if (answer.sentences.empty()) fail(file, record.line, fmt::format("record '{}' has no sentences", record.id));
    answers.push_back(std::move(answer));
  }
  return answers;
}

std::vector<TechnicalAnswer> read_technical(const fs::path& file) {
  std::vector<TechnicalAnswer> answers;
  for (const Record& record : read_records(file)) {
    TechnicalAnswer answer;
    answer.id = record.id;
    bool in_answer = false;
    std::string criteria;
    for (const Line& line : record.lines) {
      if (in_answer) {
        answer.answer += line.text + "\n";
        continue;
      }
      std::string ignored;
      if (field(line, "question", answer.question) || field(line, "type", answer.type) || field(line, "quality", answer.quality)) continue;
      if (field(line, "criteria", criteria)) {
        answer.criteria = split_list(criteria);
        continue;
      }
      if (field(line, "answer", ignored)) {
        in_answer = true;
        if (!ignored.empty()) answer.answer += ignored + "\n";
        continue;
      }
      if (!trim(line.text).empty()) fail(file, line.number, "expected question:, type:, quality:, criteria: or answer:");
    }
    require(file, record, answer.question, "question");
    require(file, record, answer.type, "type");
    if (trim(answer.answer).empty()) fail(file, record.line, fmt::format("record '{}' has no answer", record.id));
    answers.push_back(std::move(answer));
  }
  return answers;
}

std::vector<KeypointAnswer> read_keypoints(const fs::path& file) {
  std::vector<KeypointAnswer> answers;
  for (const Record& record : read_records(file)) {
    KeypointAnswer answer;
    answer.id = record.id;
    enum { header, text, points } where = header;
    for (const Line& line : record.lines) {
      std::string value;
      if (where == header) {
        if (field(line, "question", answer.question) || field(line, "kind", answer.kind)) continue;
        if (field(line, "answer", value)) {
          where = text;
          if (!value.empty()) answer.answer += value + "\n";
          continue;
        }
        if (!trim(line.text).empty()) fail(file, line.number, "expected question:, kind: or answer:");
        continue;
      }
      if (where == text) {
        if (field(line, "points", value)) {
          where = points;
          continue;
        }
        answer.answer += line.text + "\n";
        continue;
      }
      const std::string item = trim(line.text);
      if (item.empty()) continue;
      if ((item[0] != '+' && item[0] != '-') || item.size() < 3) fail(file, line.number, "a judgement is '+ point' or '- point'");
      answer.points.push_back(PointJudgement{item[0] == '+', trim(item.substr(1))});
    }
    require(file, record, answer.question, "question");
    if (answer.points.empty()) fail(file, record.line, fmt::format("record '{}' has no points", record.id));
    answers.push_back(std::move(answer));
  }
  return answers;
}

std::vector<DenialPassage> read_denials(const fs::path& file) {
  std::vector<DenialPassage> passages;
  for (const Record& record : read_records(file)) {
    DenialPassage passage;
    passage.id = record.id;
    for (const Line& line : record.lines) {
      if (field(line, "text", passage.text)) continue;
      const std::string item = trim(line.text);
      if (item.empty()) continue;
      if ((item[0] != '+' && item[0] != '-') || item.size() < 3) fail(file, line.number, "expected text:, '+ term' or '- term'");
      passage.terms.push_back(TermJudgement{item[0] == '+', trim(item.substr(1)), line.number});
    }
    require(file, record, passage.text, "text");
    if (passage.terms.empty()) fail(file, record.line, fmt::format("record '{}' has no terms", record.id));
    passages.push_back(std::move(passage));
  }
  return passages;
}

std::vector<TypedQuestion> read_question_types(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot be read", file.string()));
  std::vector<TypedQuestion> questions;
  std::string text;
  for (int number = 1; std::getline(in, text); ++number) {
    if (text.starts_with("#") || trim(text).empty()) continue;
    const auto tab = text.find('\t');
    if (tab == std::string::npos) fail(file, number, "expected TYPE<tab>QUESTION");
    questions.push_back(TypedQuestion{trim(text.substr(0, tab)), trim(text.substr(tab + 1))});
  }
  return questions;
}

Weakening read_weakening(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot be read", file.string()));
  Weakening weakening;
  std::string text;
  for (int number = 1; std::getline(in, text); ++number) {
    if (text.starts_with("#") || trim(text).empty()) continue;
    if (text.starts_with("padding: "))
      weakening.padding.push_back(trim(text.substr(9)));
    else if (text.starts_with("blame: "))
      weakening.blame.push_back(trim(text.substr(7)));
    else
      fail(file, number, "expected 'padding: SENTENCE' or 'blame: SENTENCE'");
  }
  if (weakening.padding.empty() || weakening.blame.empty()) fail(file, 1, "needs padding: and blame: sentences");
  return weakening;
}

std::string assemble(const BehaviouralAnswer& answer, bool run_together, std::vector<std::pair<std::size_t, std::size_t>>& offsets) {
  std::string text;
  offsets.clear();
  const std::string layout = run_together ? "one-paragraph" : answer.layout;
  for (const auto& sentence : answer.sentences) {
    if (!text.empty()) {
      if (layout == "bullets")
        text += "\n";
      else if (layout == "paragraphs" && sentence.paragraph_before)
        text += "\n\n";
      else
        text += " ";
    }
    if (layout == "bullets") text += "- ";
    offsets.emplace_back(text.size(), text.size() + sentence.text.size());
    text += sentence.text;
  }
  return text;
}

}  // namespace eval
