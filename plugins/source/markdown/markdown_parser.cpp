#include "markdown_parser.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <vector>

#include "rehearse/errors.h"
#include "rehearse/text.h"

namespace rehearse::markdown {

namespace {

// A stray carriage return (a file edited on two systems) or form feed is white space too: a
// heading "## Q: \r" has no prompt, however it looks in an editor.
constexpr std::string_view kBlank = " \t\r\f\v";

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(kBlank);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kBlank);
  return std::string(text.substr(first, last - first + 1));
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Splits "a, b, c" (or "[a, b, c]", as YAML front matter writes lists) into trimmed items.
std::vector<std::string> split_list(std::string_view text) {
  std::string body = trim(text);
  if (body.size() >= 2 && body.front() == '[' && body.back() == ']') body = body.substr(1, body.size() - 2);
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= body.size()) {
    const size_t comma = body.find(',', start);
    std::string item = trim(std::string_view(body).substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (item.size() >= 2 && (item.front() == '"' || item.front() == '\'') && item.back() == item.front())
      item = item.substr(1, item.size() - 2);
    if (!item.empty()) items.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

// The question type a `type:` names (front matter or card); an unknown name is an error at `line`
// that lists the names there are.
QuestionType question_type_at(const std::string& value, const std::string& file, int line) {
  if (auto type = question_type_from_string(value)) return *type;
  const std::string names(question_type_names());
  if (value.empty()) throw ParseError(file, line, "'type:' is empty; give one of " + names);
  if (value.find('\n') != std::string::npos)
    throw ParseError(file, line, "'type:' takes one word (one of " + names + "), but lines of text follow it; "
                                 "write the answer above the card's fields or under 'answer:'");
  throw ParseError(file, line, "'" + value + "' is not a question type; 'type:' is one of " + names);
}

// Returns the line number (1-based) of the first invalid UTF-8 sequence, or 0.
int invalid_utf8_line(std::string_view text) {
  int line = 1;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '\n') ++line;
    const size_t length = rehearse::utf8_sequence_length(text, i);
    if (length == 0) return line;
    i += length;
  }
  return 0;
}

enum class Field { id, type, themes, tags, group, template_card, answer, key_points, avoid, situation, task, action, result, lesson,
                   follow_ups };

const std::map<std::string, Field>& field_labels() {
  static const std::map<std::string, Field> labels = {
      {"id", Field::id},           {"themes", Field::themes},         {"tags", Field::tags},
      {"group", Field::group},     {"type", Field::type},             {"template", Field::template_card},
      {"answer", Field::answer},   {"key points", Field::key_points}, {"avoid", Field::avoid},
      {"situation", Field::situation}, {"task", Field::task},         {"action", Field::action},
      {"actions", Field::action},  {"result", Field::result},         {"lesson", Field::lesson},
      {"follow-ups", Field::follow_ups}, {"follow ups", Field::follow_ups},
  };
  return labels;
}


// A field label starts a line (column 0), lower case, followed by ':'.
std::optional<std::pair<Field, std::string>> match_label(const std::string& line) {
  const auto colon = line.find(':');
  if (colon == std::string::npos || colon == 0 || line[0] == ' ' || line[0] == '\t') return std::nullopt;
  auto it = field_labels().find(line.substr(0, colon));
  if (it == field_labels().end()) return std::nullopt;
  return std::make_pair(it->second, trim(std::string_view(line).substr(colon + 1)));
}

// "- item", "* item", "+ item" or "1. item" / "1) item": the item's text.
std::optional<std::string> match_list_item(const std::string& line) {
  const std::string t = trim(line);
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') return trim(std::string_view(t).substr(2));
  size_t digits = 0;
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
  if (digits > 0 && digits + 1 < t.size() && (t[digits] == '.' || t[digits] == ')') && t[digits + 1] == ' ')
    return trim(std::string_view(t).substr(digits + 2));
  return std::nullopt;
}

struct FieldValue {
  int line = 0;
  std::vector<std::string> lines;  // raw lines after the label (the label's own text first)
};

struct PendingCard {
  CardKind kind = CardKind::question;
  std::string prompt;
  int line = 0;
  std::vector<std::string> loose_lines;  // text before any label: the answer
  std::map<Field, FieldValue> fields;
  std::optional<Field> current;
};

std::string join_text(const std::vector<std::string>& lines) {
  size_t first = 0, last = lines.size();
  while (first < last && trim(lines[first]).empty()) ++first;
  while (last > first && trim(lines[last - 1]).empty()) --last;
  std::string out;
  for (size_t i = first; i < last; ++i) {
    if (i > first) out += '\n';
    // Keep indentation out of stored text; it only marks continuation in the file.
    std::string line = lines[i];
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    out += line;
  }
  return out;
}

std::vector<std::string> list_items(const FieldValue& value, const std::string& file) {
  std::vector<std::string> items;
  int line = value.line;
  for (const auto& raw : value.lines) {
    if (auto item = match_list_item(raw)) {
      items.push_back(*item);
    } else if (!trim(raw).empty()) {
      if (items.empty() || (raw[0] != ' ' && raw[0] != '\t' && line != value.line))
        items.push_back(trim(raw));  // a plain line is an item of its own
      else
        items.back() += " " + trim(raw);  // an indented line continues the item above
    }
    ++line;
  }
  (void)file;
  return items;
}

class DeckParser {
 public:
  DeckParser(std::string_view text, std::string file, std::string default_deck)
      : text_(text), file_(std::move(file)), deck_name_(std::move(default_deck)) {}

  ParseResult parse() {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
    if (text_.find('\0') != std::string_view::npos)
      throw ParseError(file_, 0, "is a binary file, not a Markdown deck");
    if (int line = invalid_utf8_line(text_)) throw ParseError(file_, line, "is not valid UTF-8 text");
    split_lines();
    size_t i = parse_front_matter();
    bool in_fence = false;
    for (; i < lines_.size(); ++i) {
      const std::string& line = lines_[i];
      const int number = static_cast<int>(i) + 1;
      if (trim(line).starts_with("```") || trim(line).starts_with("~~~")) in_fence = !in_fence;
      if (!in_fence && line.starts_with("## ")) {
        finish_card();
        start_heading(line, number);
        continue;
      }
      if (!in_fence && line.starts_with("# ") && !saw_deck_name_ && !card_ && cards_.empty()) {
        deck_name_ = trim(std::string_view(line).substr(2));
        saw_deck_name_ = true;
        continue;
      }
      if (card_) add_line(line, number, in_fence);
    }
    finish_card();

    ParseResult result;
    result.warnings = std::move(warnings_);
    if (cards_.empty()) {
      result.warnings.push_back({file_, 0, "has no cards (cards start with '## Q: ', '## K: ' or '## S: ')"});
      return result;
    }
    if (deck_name_.empty()) throw ParseError(file_, 1, "the deck has no name (add 'deck: NAME' to the front matter)");
    result.decks.push_back({deck_name_, deck_tags_, std::move(cards_)});
    return result;
  }

 private:
  void split_lines() {
    size_t start = 0;
    while (start <= text_.size()) {
      size_t end = text_.find('\n', start);
      std::string line(text_.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(std::move(line));
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
  }

  size_t parse_front_matter() {
    if (lines_.empty() || trim(lines_[0]) != "---") return 0;
    for (size_t i = 1; i < lines_.size(); ++i) {
      const std::string line = trim(lines_[i]);
      if (line == "---" || line == "...") return i + 1;
      if (line.empty() || line[0] == '#') continue;
      const auto colon = line.find(':');
      if (colon == std::string::npos)
        throw ParseError(file_, static_cast<int>(i) + 1, fmt_expected("'key: value' in the front matter", line));
      const std::string key = lower(trim(std::string_view(line).substr(0, colon)));
      std::string value = trim(std::string_view(line).substr(colon + 1));
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
        value = value.substr(1, value.size() - 2);
      if (key == "deck" || (key == "title" && !saw_deck_name_)) {
        if (value.empty()) throw ParseError(file_, static_cast<int>(i) + 1, "the deck name is empty");
        deck_name_ = value;
        saw_deck_name_ = true;
      } else if (key == "tags") {
        deck_tags_ = split_list(value);
      } else if (key == "type") {
        // The type of the deck's questions, unless a card says otherwise.
        deck_type_ = question_type_at(value, file_, static_cast<int>(i) + 1);
      }
    }
    throw ParseError(file_, 1, "the front matter starting here is never closed with '---'");
  }

  static std::string fmt_expected(const std::string& what, const std::string& got) {
    return "expected " + what + ", found '" + (got.size() > 60 ? got.substr(0, 60) + "..." : got) + "'";
  }

  void start_heading(const std::string& line, int number) {
    const std::string heading = trim(std::string_view(line).substr(3));
    // "Q: prompt", "K: term", "S: title" (the marker in either case).
    if (heading.size() >= 2 && heading[1] == ':') {
      if (auto kind = card_kind_from_string(std::string(1, heading[0]))) {
        const std::string prompt = trim(std::string_view(heading).substr(2));
        if (prompt.empty()) throw ParseError(file_, number, "the card has no prompt after the marker");
        card_ = PendingCard{};
        card_->kind = *kind;
        card_->prompt = prompt;
        card_->line = number;
        return;
      }
    }
    // Any other second-level heading is a section of the file, not a card.
    card_.reset();
  }

  void add_line(const std::string& line, int number, bool in_fence) {
    PendingCard& card = *card_;
    if (!in_fence) {
      if (auto label = match_label(line)) {
        auto [field, rest] = *label;
        if (auto it = card.fields.find(field); it != card.fields.end())
          throw ParseError(file_, number, "'" + line.substr(0, line.find(':')) + ":' is given twice in this card (first at line " +
                                              std::to_string(it->second.line) + ")");
        FieldValue value;
        value.line = number;
        if (!rest.empty()) value.lines.push_back(rest);
        card.fields.emplace(field, std::move(value));
        card.current = field;
        return;
      }
    }
    if (card.current)
      card.fields[*card.current].lines.push_back(line);
    else
      card.loose_lines.push_back(line);
  }

  std::string text_of(const PendingCard& card, Field field) const {
    auto it = card.fields.find(field);
    return it == card.fields.end() ? std::string() : join_text(it->second.lines);
  }

  std::vector<std::string> items_of(const PendingCard& card, Field field) const {
    auto it = card.fields.find(field);
    return it == card.fields.end() ? std::vector<std::string>() : list_items(it->second, file_);
  }

  void finish_card() {
    if (!card_) return;
    const PendingCard& pending = *card_;
    CardContent card;
    card.kind = pending.kind;
    card.prompt = pending.prompt;
    card.line = pending.line;
    if (auto it = pending.fields.find(Field::id); it != pending.fields.end()) {
      card.uid = join_text(it->second.lines);
      if (card.uid.empty() || card.uid.find_first_of(" \t\n") != std::string::npos)
        throw ParseError(file_, it->second.line, "an id is one word without spaces, like 'production-outage'");
      if (auto seen = ids_.find(card.uid); seen != ids_.end())
        throw ParseError(file_, it->second.line, "the id '" + card.uid + "' is already used at line " + std::to_string(seen->second));
      ids_.emplace(card.uid, it->second.line);
    }
    std::string answer = join_text(pending.loose_lines);
    const std::string labelled = text_of(pending, Field::answer);
    if (!labelled.empty()) answer = answer.empty() ? labelled : answer + "\n" + labelled;
    card.answer = answer;
    for (const auto& theme : split_list(text_of(pending, Field::themes))) card.themes.push_back(lower(theme));
    card.tags = split_list(text_of(pending, Field::tags));
    card.group = text_of(pending, Field::group);
    if (auto it = pending.fields.find(Field::template_card); it != pending.fields.end()) {
      const std::string value = lower(join_text(it->second.lines));
      if (value != "true" && value != "false" && value != "yes" && value != "no")
        throw ParseError(file_, it->second.line, "template: is true or false (a template is guidance for writing your own version)");
      const bool marked = std::find(card.tags.begin(), card.tags.end(), kTemplateTag) != card.tags.end();
      if ((value == "true" || value == "yes") && !marked) card.tags.emplace_back(kTemplateTag);
    }
    if (auto it = pending.fields.find(Field::type); it != pending.fields.end())
      card.type = question_type_at(join_text(it->second.lines), file_, it->second.line);
    else if (card.kind == CardKind::question)
      card.type = deck_type_;  // key points and stories are what they are, whatever the questions ask
    for (const auto& item : items_of(pending, Field::key_points)) {
      KeyPoint point = parse_key_point(item);
      if (!point.text.empty()) card.key_points.push_back(std::move(point));
    }
    card.pitfalls = items_of(pending, Field::avoid);
    card.follow_ups = items_of(pending, Field::follow_ups);
    card.story.situation = text_of(pending, Field::situation);
    card.story.task = text_of(pending, Field::task);
    card.story.actions = items_of(pending, Field::action);
    card.story.result = text_of(pending, Field::result);
    card.story.lesson = text_of(pending, Field::lesson);

    if (card.kind == CardKind::story) {
      std::vector<std::string> missing;
      if (card.story.situation.empty()) missing.push_back("situation");
      if (card.story.task.empty()) missing.push_back("task");
      if (card.story.actions.empty()) missing.push_back("action");
      if (card.story.result.empty()) missing.push_back("result");
      if (!missing.empty()) {
        std::string list;
        for (const auto& part : missing) list += (list.empty() ? "" : ", ") + part;
        warnings_.push_back({file_, card.line, "the story '" + card.prompt + "' has no " + list});
      }
    } else if (card.answer.empty() && card.key_points.empty() && card.story.empty()) {
      warnings_.push_back({file_, card.line, "the card '" + card.prompt + "' has no answer and no key points"});
    }
    cards_.push_back(std::move(card));
    card_.reset();
  }

  std::string_view text_;
  std::string file_;
  std::string deck_name_;
  bool saw_deck_name_ = false;
  std::vector<std::string> deck_tags_;
  std::optional<QuestionType> deck_type_;  // the front matter's `type:`
  std::vector<std::string> lines_;
  std::optional<PendingCard> card_;
  std::vector<CardContent> cards_;
  std::map<std::string, int> ids_;
  std::vector<ParseWarning> warnings_;
};

}  // namespace

ParseResult parse_deck(std::string_view text, const std::string& file, const std::string& default_deck) {
  return DeckParser(text, file, default_deck).parse();
}

}  // namespace rehearse::markdown
