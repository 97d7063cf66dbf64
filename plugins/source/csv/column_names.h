// Which column of a table holds what: the names a header row may give a column ("Question",
// "question_text", "Front", "A", "Back side"...) and the columns a user maps by hand with
// `rehearse import --columns question=2,answer=5,tags=-`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rehearse::csv {

// What a column holds. `ignored`: a column rehearse knows and leaves out (Anki's note type).
enum class Column { ignored, prompt, answer, key_points, pitfalls, tags, themes, deck, kind, type, id, situation, task,
                    action, result, lesson, follow_ups, notes };

// The column a header names, or nothing for a name rehearse does not know. Names are compared
// without case, spaces and punctuation ("Key Points", "key_points" and "KEY-POINTS" are one name),
// and a name decorated the way spreadsheets and exporters decorate them still counts: a note in
// brackets ("Answer (optional)"), a plural ("Questions"), a prefix such as "interview" or "card",
// and a suffix such as "text", "title", "side" or "field" ("question_text", "Back side").
std::optional<Column> column_named(std::string_view header);

// A mapping given by hand: which column (1 = the first) holds each role; 0 means that no column
// holds it, even one whose header names it.
struct ColumnChoice {
  Column role = Column::ignored;
  int number = 0;
};

struct ColumnMap {
  std::vector<ColumnChoice> choices;
  bool header_row = true;  // `header=no`: the first row is a row of cards, not names
};

// Reads "question=2,answer=5,tags=-": each role by any name a header may give it, then a column
// number from 1 or '-' for none; `header=no` says the file has no header row. On a mistake it
// returns nothing and sets `error` to what is wrong.
std::optional<ColumnMap> parse_column_map(std::string_view text, std::string& error);

}  // namespace rehearse::csv
