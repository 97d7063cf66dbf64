// Reading delimited text (CSV, TSV, Anki's text export) record by record, RFC 4180 style: fields in
// double quotes may hold the separator, line breaks and "" for a quote.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rehearse::csv {

struct Record {
  int line = 0;  // the line the record starts on, 1-based
  std::vector<std::string> fields;
};

class Reader {
 public:
  // `first_line` is the line number of text[0] in the file; `file` names it in errors.
  Reader(std::string_view text, char separator, std::string file, int first_line = 1);

  // Reads the next record; false at the end of the text. Throws ParseError naming the line for a
  // quote that is never closed or text right after a closing quote.
  bool next(Record& record);

 private:
  std::string_view text_;
  size_t pos_ = 0;
  char separator_;
  std::string file_;
  int line_;
};

// The separator a header line uses: tab, ';', '|' or ',' (the most frequent outside quotes;
// ',' when none occurs).
char guess_separator(std::string_view header_line);

}  // namespace rehearse::csv
