#include "column_names.h"

#include <fmt/format.h>

#include <map>

#include "text_util.h"

namespace rehearse::csv {

namespace {

// Header names, in lower case with only letters and digits kept.
const std::map<std::string, Column, std::less<>>& known_names() {
  static const std::map<std::string, Column, std::less<>> names = {
      {"question", Column::prompt},     {"front", Column::prompt},        {"prompt", Column::prompt},
      {"q", Column::prompt},            {"term", Column::prompt},         {"title", Column::prompt},
      {"card", Column::prompt},         {"text", Column::prompt},         {"concept", Column::prompt},
      {"query", Column::prompt},
      {"answer", Column::answer},       {"back", Column::answer},         {"a", Column::answer},
      {"definition", Column::answer},   {"modelanswer", Column::answer},  {"sampleanswer", Column::answer},
      {"explanation", Column::answer},  {"response", Column::answer},     {"solution", Column::answer},
      {"exampleanswer", Column::answer}, {"reply", Column::answer},
      {"keypoints", Column::key_points}, {"points", Column::key_points},  {"keypoint", Column::key_points},
      {"mention", Column::key_points},  {"pitfalls", Column::pitfalls},   {"avoid", Column::pitfalls},
      {"mistakes", Column::pitfalls},   {"donts", Column::pitfalls},      {"tags", Column::tags},
      {"tag", Column::tags},            {"labels", Column::tags},         {"category", Column::tags},
      {"themes", Column::themes},       {"theme", Column::themes},        {"deck", Column::deck},
      {"deckname", Column::deck},       {"subdeck", Column::deck},        {"kind", Column::kind},
      {"cardtype", Column::kind},       {"type", Column::type},           {"questiontype", Column::type},
      {"id", Column::id},               {"uid", Column::id},              {"guid", Column::id},
      {"key", Column::id},              {"situation", Column::situation}, {"task", Column::task},
      {"action", Column::action},       {"actions", Column::action},      {"result", Column::result},
      {"results", Column::result},      {"outcome", Column::result},      {"lesson", Column::lesson},
      {"lessons", Column::lesson},      {"takeaway", Column::lesson},     {"notes", Column::notes},
      {"note", Column::notes},          {"extra", Column::notes},         {"backextra", Column::notes},
      {"hint", Column::notes},          {"comments", Column::notes},      {"notetype", Column::ignored},
      {"source", Column::ignored},
      {"followups", Column::follow_ups}, {"followup", Column::follow_ups}, {"followupquestions", Column::follow_ups},
  };
  return names;
}

// Words exporters put around a column's name: "interview question", "card front", "question_text",
// "back side", "answer field".
constexpr std::string_view kPrefixes[] = {"interview", "card", "the", "your", "my"};
constexpr std::string_view kSuffixes[] = {"text", "title", "body", "content", "contents", "field", "side", "html", "string",
                                          "value"};

std::optional<Column> lookup(std::string_view key) {
  const auto& names = known_names();
  if (const auto it = names.find(key); it != names.end()) return it->second;
  return std::nullopt;
}

// The name as it is looked up: "Answer (optional)" -> "answer", "question_text" -> "questiontext".
std::string key_of(std::string_view header) {
  const auto bracket = header.find_first_of("([");
  if (bracket != std::string_view::npos && bracket > 0) header = header.substr(0, bracket);
  std::string key;
  for (char c : text::lower(header))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) key += c;
  return key;
}

std::optional<Column> lookup_decorated(std::string_view key, bool prefix_removed = false) {
  if (key.empty()) return std::nullopt;
  if (auto column = lookup(key)) return column;
  for (std::string_view suffix : kSuffixes)
    if (key.size() > suffix.size() && key.ends_with(suffix))
      if (auto column = lookup(key.substr(0, key.size() - suffix.size()))) return column;
  if (key.size() > 3 && key.ends_with('s'))  // a plural: "Questions", "Answers"
    if (auto column = lookup(key.substr(0, key.size() - 1))) return column;
  if (!prefix_removed)
    for (std::string_view prefix : kPrefixes)
      if (key.size() > prefix.size() && key.starts_with(prefix))
        if (auto column = lookup_decorated(key.substr(prefix.size()), true)) return column;
  return std::nullopt;
}

}  // namespace

std::optional<Column> column_named(std::string_view header) { return lookup_decorated(key_of(text::trim(header))); }

std::optional<ColumnMap> parse_column_map(std::string_view text, std::string& error) {
  ColumnMap map;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    const std::string item = text::trim(text.substr(start, comma - start));
    start = comma + 1;
    if (item.empty()) continue;
    const auto equals = item.find('=');
    if (equals == std::string::npos) {
      error = fmt::format("'{}' needs '=': a column's role, '=', then its number from 1 or '-' for none (question=2,answer=5,tags=-)", item);
      return std::nullopt;
    }
    const std::string name = text::trim(item.substr(0, equals));
    const std::string value = text::trim(item.substr(equals + 1));
    if (text::lower(name) == "header") {
      const std::string flag = text::lower(value);
      if (flag != "yes" && flag != "no" && flag != "true" && flag != "false") {
        error = fmt::format("'header={}': header is yes (the first row names the columns) or no", value);
        return std::nullopt;
      }
      map.header_row = flag == "yes" || flag == "true";
      continue;
    }
    const auto role = column_named(name);
    if (!role || *role == Column::ignored) {
      error = fmt::format("'{}' is not a column rehearse reads (question, answer, key points, avoid, tags, themes, deck, "
                          "kind, type, id, situation, task, action, result, lesson, notes)",
                          name);
      return std::nullopt;
    }
    int number = 0;
    if (value != "-") {
      constexpr int kMaxColumn = 1000;  // as Anki's '#deck column:' headers
      const bool digits = !value.empty() && value.size() <= 4 &&
                          value.find_first_not_of("0123456789") == std::string::npos;
      number = digits ? std::stoi(value) : 0;
      if (number < 1 || number > kMaxColumn) {
        error = fmt::format("'{}={}': a column is given by its number, from 1 (the first) to {}, or '-' for none", name,
                            value, kMaxColumn);
        return std::nullopt;
      }
    }
    map.choices.push_back({*role, number});
  }
  return map;
}

}  // namespace rehearse::csv
