#include "csv_reader.h"

#include "rehearse/errors.h"

namespace rehearse::csv {

Reader::Reader(std::string_view text, char separator, std::string file, int first_line)
    : text_(text), separator_(separator), file_(std::move(file)), line_(first_line) {}

bool Reader::next(Record& record) {
  record.fields.clear();
  if (pos_ >= text_.size()) return false;
  record.line = line_;
  std::string field;
  while (true) {
    // One field: quoted or plain.
    field.clear();
    size_t p = pos_;
    while (p < text_.size() && text_[p] == ' ' && separator_ != ' ') ++p;  // spaces before an opening quote
    if (p < text_.size() && text_[p] == '"') {
      const int quote_line = line_;
      pos_ = p + 1;
      while (true) {
        const size_t quote = text_.find('"', pos_);
        if (quote == std::string_view::npos)
          throw ParseError(file_, quote_line, "a quoted field starts here and is never closed (a '\"' is missing)");
        for (size_t i = pos_; i < quote; ++i)
          if (text_[i] == '\n') ++line_;
        field.append(text_.substr(pos_, quote - pos_));
        pos_ = quote + 1;
        if (pos_ < text_.size() && text_[pos_] == '"') {  // "" inside quotes is one quote
          field += '"';
          ++pos_;
          continue;
        }
        break;
      }
      while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t') && text_[pos_] != separator_) ++pos_;
      if (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\n' && text_[pos_] != '\r')
        throw ParseError(file_, line_, "text follows the closing quote of a field; write a quote inside quotes as \"\"");
    } else {
      size_t end = pos_;
      while (end < text_.size() && text_[end] != separator_ && text_[end] != '\n') ++end;
      field.assign(text_.substr(pos_, end - pos_));
      if (!field.empty() && field.back() == '\r' && (end >= text_.size() || text_[end] == '\n')) field.pop_back();
      pos_ = end;
    }
    // Unquoted fields keep their spaces; the cards trim them.
    record.fields.push_back(field);
    if (pos_ < text_.size() && text_[pos_] == separator_) {
      ++pos_;
      continue;
    }
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    return true;
  }
}

char guess_separator(std::string_view header_line) {
  const char candidates[] = {'\t', ';', '|', ','};
  char best = ',';
  int best_count = 0;
  for (char candidate : candidates) {
    int count = 0;
    bool quoted = false;
    for (char c : header_line) {
      if (c == '"') quoted = !quoted;
      if (!quoted && c == candidate) ++count;
    }
    if (count > best_count) {
      best = candidate;
      best_count = count;
    }
  }
  return best;
}

}  // namespace rehearse::csv
