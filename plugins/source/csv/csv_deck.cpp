#include "csv_deck.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "column_names.h"
#include "csv_reader.h"
#include "html_text.h"
#include "rehearse/errors.h"
#include "text_encoding.h"
#include "text_util.h"

namespace rehearse::csv {

namespace {

// Anki's text-export file headers, "#key:value" lines at the top.
struct FileHeaders {
  std::optional<char> separator;
  std::optional<bool> html;
  std::vector<std::string> tags;
  std::optional<std::string> columns;
  std::string deck;
  int deck_column = 0, tags_column = 0, guid_column = 0, notetype_column = 0;  // 1-based, 0: none
  int lines = 0;  // how many lines they take
  bool any = false;
};

std::optional<char> separator_named(const std::string& value) {
  const std::string name = text::lower(value);
  if (name == "tab" || name == "\\t") return '\t';
  if (name == "comma") return ',';
  if (name == "semicolon") return ';';
  if (name == "pipe") return '|';
  if (name == "space") return ' ';
  if (name == "colon") return ':';
  if (value.size() == 1) return value[0];
  return std::nullopt;
}

// Tags and themes: separated by spaces or commas.
std::vector<std::string> word_cell(const std::string& cell, bool lower_case) {
  std::string words = lower_case ? text::lower(cell) : cell;
  std::replace(words.begin(), words.end(), ',', ' ');
  std::replace(words.begin(), words.end(), '\n', ' ');
  std::vector<std::string> out;
  size_t start = 0;
  while (start < words.size()) {
    size_t space = words.find(' ', start);
    if (space == std::string::npos) space = words.size();
    if (space > start) out.push_back(words.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

FileHeaders read_headers(std::string_view text, const std::string& file, std::vector<ParseWarning>& warnings) {
  FileHeaders headers;
  size_t pos = 0;
  while (pos < text.size() && text[pos] == '#') {
    const size_t end = text.find('\n', pos);
    std::string line = text::trim(text.substr(pos + 1, end == std::string_view::npos ? std::string_view::npos : end - pos - 1));
    const int number = headers.lines + 1;
    const auto colon = line.find(':');
    if (colon == std::string::npos) break;  // a row whose first field starts with '#'
    const std::string key = text::lower(text::trim(line.substr(0, colon)));
    const std::string value = text::trim(line.substr(colon + 1));
    auto column_number = [&](int& into) {
      // Digits only, and a number a table can have: the rows' cells are looked up by it.
      constexpr int kMaxColumn = 1000;
      const bool digits = !value.empty() && value.size() <= 4 &&
                          std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
      into = digits ? std::stoi(value) : 0;
      if (into < 1 || into > kMaxColumn)
        throw ParseError(file, number, fmt::format("'#{}:' needs a column number from 1 (the first) to {}, not '{}'", key, kMaxColumn, value));
    };
    if (key == "separator") {
      headers.separator = separator_named(value);
      if (!headers.separator)
        throw ParseError(file, number, fmt::format("'#separator:{}' is not a separator (Tab, Comma, Semicolon, Pipe, Space or one character)", value));
    } else if (key == "html") {
      headers.html = text::lower(value) == "true";
    } else if (key == "tags") {
      headers.tags = word_cell(value, false);
    } else if (key == "columns") {
      headers.columns = value;
    } else if (key == "deck") {
      headers.deck = value;
    } else if (key == "deck column") {
      column_number(headers.deck_column);
    } else if (key == "tags column") {
      column_number(headers.tags_column);
    } else if (key == "guid column") {
      column_number(headers.guid_column);
    } else if (key == "notetype column") {
      column_number(headers.notetype_column);
    } else if (key != "notetype" && key != "if matches") {
      warnings.push_back({file, number, fmt::format("the header '#{}:' is not one rehearse knows; it was ignored", key)});
    }
    headers.any = true;
    ++headers.lines;
    if (end == std::string_view::npos) {
      pos = text.size();
      break;
    }
    pos = end + 1;
  }
  return headers;
}

// A cell holding a list: one item a line, or "a; b; c" on one line. List markers are dropped.
std::vector<std::string> list_cell(const std::string& cell) {
  std::vector<std::string> items;
  std::vector<std::string> lines = text::split_lines(cell);
  if (lines.size() == 1) {
    lines.clear();
    size_t start = 0;
    while (start <= cell.size()) {
      size_t semicolon = cell.find(';', start);
      if (semicolon == std::string::npos) semicolon = cell.size();
      lines.push_back(cell.substr(start, semicolon - start));
      start = semicolon + 1;
    }
  }
  for (auto& line : lines) {
    std::string item = text::trim(line);
    if (item.starts_with("- ") || item.starts_with("* ") || item.starts_with("\xE2\x80\xA2")) item = text::trim(item.substr(item[0] == '\xE2' ? 3 : 2));
    if (!item.empty()) items.push_back(std::move(item));
  }
  return items;
}

class Table {
 public:
  Table(std::string_view bytes, const std::filesystem::path& path, const ColumnMap* by_hand)
      : file_(path.string()), path_(path), by_hand_(by_hand) {
    decoded_ = text::decode_text_file(bytes, file_);
    if (decoded_.repaired > 0)
      warnings_.push_back({file_, decoded_.first_repaired_line,
                           fmt::format("repaired {} characters saved with the wrong encoding", decoded_.repaired)});
  }

  ParseResult parse() {
    std::string_view text = decoded_.text;
    headers_ = read_headers(text, file_, warnings_);
    size_t body = 0;
    for (int i = 0; i < headers_.lines; ++i) body = text.find('\n', body) + 1;
    text.remove_prefix(std::min(body, text.size()));
    const int first_line = headers_.lines + 1;
    const size_t first_end = text.find('\n');
    const char separator = headers_.separator ? *headers_.separator
                           : (path_.extension() == ".tsv" || path_.extension() == ".tab")
                               ? '\t'
                               : guess_separator(text.substr(0, first_end));
    Reader reader(text, separator, file_, first_line);
    Record record;
    if (headers_.columns) {
      Reader column_reader(*headers_.columns, separator, file_, first_line - 1);
      Record names;
      column_reader.next(names);
      map_columns(names, true);
    } else if (by_hand_ && !by_hand_->header_row) {
      if (!reader.next(record)) throw ParseError(file_, first_line, "has no rows");
      map_columns_by_hand_only(record);
      rows_.push_back(record);
    } else {
      if (!reader.next(record)) throw ParseError(file_, first_line, "has headers but no rows");
      if (!map_columns(record, false)) rows_.push_back(record);  // no header row: Anki's positional export
    }
    while (reader.next(record)) rows_.push_back(record);
    return build();
  }

 private:
  // Maps the header names to columns; false when `names` is not a header row but data (allowed
  // only after Anki's headers, which imply the columns).
  bool map_columns(const Record& names, bool declared) {
    columns_.clear();
    int known = 0;
    for (const auto& name : names.fields) {
      auto column = column_named(name);
      if (column) ++known;
      columns_.push_back(column.value_or(Column::ignored));
    }
    header_line_ = names.line;
    if (known == 0 && !declared) {
      if (headers_.any) {
        // Anki's own export: the note's fields in order, first the front, then the back.
        columns_.assign(names.fields.size(), Column::ignored);
        size_t next = 0;
        for (Column role : {Column::prompt, Column::answer}) {
          while (next < columns_.size() && special_column(static_cast<int>(next) + 1)) ++next;
          if (next < columns_.size()) columns_[next++] = role;
        }
        apply_special_columns();
        header_line_ = 0;
        apply_by_hand(names);
        return false;
      }
      // A header row of names rehearse does not know is still a header row when the user maps the
      // columns by hand.
      if (!by_hand_)
        throw ParseError(file_, names.line,
                         fmt::format("the first row must name the columns: a question column ('question', 'front', "
                                     "'prompt', 'Q'...) and, if the file has answers, an answer column ('answer', "
                                     "'back', 'A'...); it has {} (or map them by hand: --columns question=1,answer=2)",
                                     describe(names.fields)));
    }
    apply_special_columns();
    apply_by_hand(names);
    require_prompt_column(names);
    std::vector<std::string> unknown;
    for (size_t i = 0; i < names.fields.size(); ++i)
      if (columns_[i] == Column::ignored && !column_named(names.fields[i]) && !text::trim(names.fields[i]).empty())
        unknown.push_back(text::trim(names.fields[i]));
    if (!unknown.empty())
      warnings_.push_back({file_, names.line,
                           fmt::format("column{} {} {} not one rehearse reads; ignored", unknown.size() == 1 ? "" : "s",
                                       describe(unknown), unknown.size() == 1 ? "is" : "are")});
    return true;
  }

  // A file without a header row whose columns the user mapped by hand (--columns ...,header=no).
  void map_columns_by_hand_only(const Record& first_row) {
    columns_.assign(first_row.fields.size(), Column::ignored);
    header_line_ = 0;
    apply_special_columns();
    apply_by_hand(first_row);
    require_prompt_column(first_row);
  }

  // --columns: each role the user names moves to the column they give (or to none), over what the
  // header row said.
  void apply_by_hand(const Record& first) {
    if (!by_hand_) return;
    for (const auto& choice : by_hand_->choices) {
      std::replace(columns_.begin(), columns_.end(), choice.role, Column::ignored);
      if (choice.number == 0) continue;
      if (static_cast<size_t>(choice.number) > columns_.size())
        throw ParseError(file_, first.line,
                         fmt::format("--columns gives column {} a role, but the first row has {} column{}", choice.number,
                                     columns_.size(), columns_.size() == 1 ? "" : "s"));
      columns_[static_cast<size_t>(choice.number) - 1] = choice.role;
    }
  }

  void require_prompt_column(const Record& names) {
    if (std::find(columns_.begin(), columns_.end(), Column::prompt) == columns_.end())
      throw ParseError(file_, names.line,
                       fmt::format("no column holds the prompt; name one 'question', 'front' or 'prompt', or map it by "
                                   "hand with --columns question=N (the columns are {})",
                                   describe(names.fields)));
    // A list of questions without answers is a deck to rehearse from: say so once, in case the
    // answers are in a column whose name was not recognised.
    if (std::none_of(columns_.begin(), columns_.end(), [](Column c) {
          return c == Column::answer || c == Column::notes || c == Column::situation || c == Column::action;
        }))
      warnings_.push_back({file_, names.line,
                           "no column holds answers, so the cards are questions without a model answer (if one "
                           "column holds them, map it by hand: --columns answer=N)"});
  }

  bool special_column(int number) const {
    return number == headers_.deck_column || number == headers_.tags_column || number == headers_.guid_column ||
           number == headers_.notetype_column;
  }

  void apply_special_columns() {
    auto set = [&](int number, Column column) {
      if (number <= 0) return;
      if (static_cast<size_t>(number) > columns_.size()) columns_.resize(static_cast<size_t>(number), Column::ignored);
      columns_[static_cast<size_t>(number) - 1] = column;
    };
    set(headers_.deck_column, Column::deck);
    set(headers_.tags_column, Column::tags);
    set(headers_.guid_column, Column::id);
    set(headers_.notetype_column, Column::ignored);
  }

  static std::string describe(const std::vector<std::string>& names) {
    std::vector<std::string> quoted;
    for (const auto& name : names) quoted.push_back("'" + text::trim(name) + "'");
    return quoted.empty() ? "none" : text::join(quoted, ", ");
  }

  std::string cell(const std::string& raw) const {
    std::string value = raw;
    value.erase(std::remove(value.begin(), value.end(), '\r'), value.end());
    const bool html = headers_.html.value_or(text::looks_like_html(value));
    if (html) value = text::html_to_text(value);
    return text::trim(value);
  }

  ParseResult build() {
    ParseResult result;
    std::map<std::string, size_t> deck_index;
    const std::string default_deck = headers_.deck.empty() ? path_.stem().string() : headers_.deck;
    int skipped = 0;
    for (const auto& row : rows_) {
      if (std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return text::trim(f).empty(); }))
        continue;
      if (row.fields.size() > columns_.size())
        throw ParseError(file_, row.line,
                         fmt::format("the row has {} fields but {} {} columns; put a field that contains the "
                                     "separator in double quotes",
                                     row.fields.size(), header_line_ ? "the header names" : "the file has",
                                     columns_.size()));
      CardContent card;
      card.line = row.line;
      std::string deck = default_deck;
      bool kind_given = false;
      std::optional<QuestionType> type;
      std::optional<CardKind> kind_from_type;
      std::vector<std::string> notes;
      for (size_t i = 0; i < row.fields.size(); ++i) {
        const std::string value = cell(row.fields[i]);
        if (value.empty()) continue;
        switch (columns_[i]) {
          case Column::prompt: card.prompt = text::collapse_spaces(value); break;
          case Column::answer: card.answer = value; break;
          case Column::key_points:
            // "point | alias, other alias", as a deck writes it: an alias may be several words.
            for (const auto& item : list_cell(value)) card.key_points.push_back(parse_key_point(item));
            break;
          case Column::pitfalls: card.pitfalls = list_cell(value); break;
          case Column::follow_ups: card.follow_ups = list_cell(value); break;
          case Column::tags:
            for (auto& tag : word_cell(value, false)) card.tags.push_back(std::move(tag));
            break;
          case Column::themes: card.themes = word_cell(value, true); break;
          case Column::deck: deck = value; break;
          case Column::kind: {
            const auto kind = card_kind_from_string(text::lower(value));
            if (!kind) throw ParseError(file_, row.line, fmt::format("the kind '{}' is not question, keypoint or story", value));
            card.kind = *kind;
            kind_given = true;
            break;
          }
          case Column::type:
            // Before question types a "type" column held the kind, and files like that still
            // import: "question", "Q", "K" and "S" are kinds, and "keypoint" and "story" are both.
            type = question_type_from_string(value);
            kind_from_type = card_kind_from_string(value);
            if (!type && !kind_from_type)
              throw ParseError(file_, row.line,
                               fmt::format("the type '{}' is not one of {}", value, question_type_names()));
            break;
          case Column::id: card.uid = value; break;
          case Column::situation: card.story.situation = value; break;
          case Column::task: card.story.task = value; break;
          case Column::action: card.story.actions = list_cell(value); break;
          case Column::result: card.story.result = value; break;
          case Column::lesson: card.story.lesson = value; break;
          case Column::notes: notes.push_back(value); break;
          case Column::ignored: break;
        }
      }
      if (card.prompt.empty()) {
        ++skipped;
        warnings_.push_back({file_, row.line, "the row has no prompt; skipped"});
        continue;
      }
      for (const auto& note : notes) card.answer += (card.answer.empty() ? "" : "\n") + note;
      if (kind_from_type && !kind_given) {
        card.kind = *kind_from_type;
        kind_given = true;
      }
      // A key-point card of type keypoint, a story of type story: the kind says so already.
      const bool said_by_kind = (type == QuestionType::keypoint && card.kind == CardKind::keypoint) ||
                                (type == QuestionType::story && card.kind == CardKind::story);
      if (type && !said_by_kind) card.type = type;
      // A row with the parts of a story and no kind is a story.
      if (!kind_given && !card.story.situation.empty() && !card.story.actions.empty() && card.answer.empty())
        card.kind = CardKind::story;
      auto [it, added] = deck_index.emplace(deck, result.decks.size());
      if (added) result.decks.push_back({deck, headers_.tags, {}});
      result.decks[it->second].cards.push_back(std::move(card));
    }
    if (result.decks.empty())
      throw ParseError(file_, header_line_ ? header_line_ : 1,
                       skipped > 0 ? "no row has a prompt" : "has no rows below the header");
    result.warnings = std::move(warnings_);
    return result;
  }

  std::string file_;
  std::filesystem::path path_;
  const ColumnMap* by_hand_;  // --columns, or null
  text::DecodedText decoded_;
  FileHeaders headers_;
  std::vector<Column> columns_;
  int header_line_ = 0;
  std::vector<Record> rows_;
  std::vector<ParseWarning> warnings_;
};

}  // namespace

ParseResult parse_table(std::string_view bytes, const std::filesystem::path& path, const ColumnMap* by_hand) {
  return Table(bytes, path, by_hand).parse();
}

bool looks_like_table(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  for (const char* header : {"#separator:", "#html:", "#columns:", "#deck:", "#tags:", "#notetype", "#guid column:"})
    if (text::starts_with_ci(head, header)) return true;
  const size_t end = head.find('\n');
  const std::string_view first = head.substr(0, end);
  const char separator = guess_separator(first);
  bool prompt = false;
  int fields = 0;
  size_t start = 0;
  while (start <= first.size()) {
    size_t next = first.find(separator, start);
    if (next == std::string_view::npos) next = first.size();
    std::string name = text::trim(first.substr(start, next - start));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    if (column_named(name) == Column::prompt) prompt = true;
    ++fields;
    start = next + 1;
  }
  return prompt && fields >= 2;
}

}  // namespace rehearse::csv
