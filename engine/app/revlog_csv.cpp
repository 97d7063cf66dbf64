#include "revlog_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <unordered_map>

#include "parallel.h"
#include "rehearse/clock.h"
#include "rehearse/errors.h"

namespace rehearse::app {

namespace {

enum Column { card_id, review_time, review_rating, review_duration, kColumns };
constexpr std::string_view kColumnNames[kColumns] = {"card_id", "review_time", "review_rating", "review_duration"};
constexpr std::string_view kLayout = "card_id,review_time,review_rating[,review_duration]";

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  return text;
}

// Splits into `fields`, reused from line to line: a log has millions of lines.
void split_fields(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  while (true) {
    const auto comma = line.find(',');
    fields.push_back(trim(line.substr(0, comma)));
    if (comma == std::string_view::npos) return;
    line.remove_prefix(comma + 1);
  }
}

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Where each column is: from the header line when there is one, else the standard order.
struct Layout {
  int index[kColumns] = {0, 1, 2, 3};
  size_t required_fields = 3;
};

std::optional<Layout> layout_from_header(const std::vector<std::string_view>& fields, const std::string& file, int line) {
  if (fields.empty() || whole_number(fields[0])) return std::nullopt;  // a row of data, not names
  Layout layout;
  std::fill(std::begin(layout.index), std::end(layout.index), -1);
  for (size_t i = 0; i < fields.size(); ++i) {
    std::string name(fields[i]);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (int column = 0; column < kColumns; ++column)
      if (name == kColumnNames[column]) layout.index[column] = static_cast<int>(i);
  }
  if (std::all_of(std::begin(layout.index), std::end(layout.index), [](int index) { return index < 0; }))
    return std::nullopt;  // names no column: a malformed row rather than a header
  layout.required_fields = 0;
  for (int column = card_id; column <= review_rating; ++column) {
    if (layout.index[column] < 0)
      throw ParseError(file, line, fmt::format("the header names no {} column (the layout is {})", kColumnNames[column], kLayout));
    layout.required_fields = std::max(layout.required_fields, static_cast<size_t>(layout.index[column]) + 1);
  }
  return layout;
}

RevlogRow read_row(const std::vector<std::string_view>& fields, const Layout& layout, const std::string& file, int line) {
  if (fields.size() < layout.required_fields)
    throw ParseError(file, line, fmt::format("expected {}, found {} field{}", kLayout, fields.size(), fields.size() == 1 ? "" : "s"));
  const auto field = [&](Column column) { return fields[static_cast<size_t>(layout.index[column])]; };
  RevlogRow row;
  row.line = line;

  const auto id = whole_number(field(card_id));
  if (!id) throw ParseError(file, line, fmt::format("card_id '{}' is not a whole number", field(card_id)));
  row.card_id = *id;

  const std::string_view time = field(review_time);
  const auto ms = all_digits(time) ? whole_number(time) : parse_iso8601(time);
  if (!ms)
    throw ParseError(file, line,
                     fmt::format("review_time '{}' is neither Unix milliseconds nor an ISO 8601 date and time", time));
  // Unix milliseconds are never negative here, so a review log written back must not hold one.
  if (*ms < 0) throw ParseError(file, line, fmt::format("review_time '{}' is before 1970", time));
  row.reviewed_ms = *ms;

  const std::string_view rating = field(review_rating);
  const auto parsed = rating_from_string(rating);
  if (!parsed)
    throw ParseError(file, line, fmt::format("review_rating '{}' is not 1 (again), 2 (hard), 3 (good) or 4 (easy)", rating));
  row.rating = *parsed;

  const int duration_index = layout.index[review_duration];
  if (duration_index >= 0 && static_cast<size_t>(duration_index) < fields.size() && !fields[static_cast<size_t>(duration_index)].empty()) {
    const std::string_view text = fields[static_cast<size_t>(duration_index)];
    const auto duration = all_digits(text) ? whole_number(text) : std::nullopt;
    if (!duration) throw ParseError(file, line, fmt::format("review_duration '{}' is not a number of milliseconds", text));
    row.duration_ms = *duration;
  }
  return row;
}

// A run of whole lines of a log, read on a thread of its own. Lines are numbered from 1 within
// the piece until the pieces before it have been counted.
struct Piece {
  std::string_view text;
  std::vector<RevlogRow> rows;
  int lines = 0;
  std::optional<ParseError> error;  // the first malformed row, numbered within the piece
};

void read_piece(Piece& piece, const Layout& layout, const std::string& file) {
  std::vector<std::string_view> fields;
  std::string_view text = piece.text;
  piece.rows.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  try {
    while (!text.empty()) {
      ++piece.lines;
      const auto newline = text.find('\n');
      const std::string_view content = text.substr(0, newline);
      text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
      if (trim(content).empty()) continue;
      split_fields(content, fields);
      piece.rows.push_back(read_row(fields, layout, file, piece.lines));
    }
  } catch (const ParseError& e) {
    piece.error = e;
  }
}

// Cuts `text` into about `count` runs of whole lines.
std::vector<Piece> cut_into_pieces(std::string_view text, size_t count) {
  std::vector<Piece> pieces;
  while (!text.empty()) {
    size_t end = pieces.size() + 1 >= count ? text.size() : text.size() / (count - pieces.size());
    if (const auto newline = text.find('\n', end == 0 ? 0 : end - 1); newline != std::string_view::npos && end < text.size())
      end = newline + 1;
    else
      end = text.size();
    pieces.push_back({text.substr(0, end), {}, 0, std::nullopt});
    text.remove_prefix(end);
  }
  return pieces;
}

}  // namespace

RevlogRows read_revlog_csv(std::string_view text, const std::string& file) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte order mark

  // The layout: from the first line that is not blank when it names the columns.
  Layout layout;
  int lines_before = 0;  // the lines of `text` already read
  while (!text.empty()) {
    const auto newline = text.find('\n');
    const std::string_view content = text.substr(0, newline);
    const size_t taken = newline == std::string_view::npos ? text.size() : newline + 1;
    if (trim(content).empty()) {
      text.remove_prefix(taken);
      ++lines_before;
      continue;
    }
    std::vector<std::string_view> fields;
    split_fields(content, fields);
    if (auto header = layout_from_header(fields, file, lines_before + 1)) {
      layout = *header;
      text.remove_prefix(taken);
      ++lines_before;
    }
    break;
  }

  // The rows, read in pieces at once (a log can hold millions).
  std::vector<Piece> pieces = cut_into_pieces(text, text.size() < (1 << 20) ? 1 : worker_count());
  in_parallel(pieces.size(), [&](size_t i) { read_piece(pieces[i], layout, file); });
  // The pieces in order, their rows numbered as lines of the file, each card's reviews checked to
  // be in time order. Whichever problem comes first in the file is the one reported: the rows of
  // a piece are checked before its malformed row is.
  RevlogRows rows;
  struct Last {
    std::int64_t ms;
    int line;
  };
  std::unordered_map<std::int64_t, Last> last_review;  // per card
  for (Piece& piece : pieces) {
    for (RevlogRow& row : piece.rows) {
      row.line += lines_before;
      auto [it, first] = last_review.try_emplace(row.card_id, Last{row.reviewed_ms, row.line});
      if (first) continue;
      if (row.reviewed_ms < it->second.ms)
        throw ParseError(file, row.line,
                         fmt::format("card {} was reviewed later than this at line {}; the reviews of a card must be in time order",
                                     row.card_id, it->second.line));
      it->second = {row.reviewed_ms, row.line};
    }
    if (piece.error) throw ParseError(file, piece.error->line() + lines_before, piece.error->message());
    lines_before += piece.lines;
    rows.pieces.push_back(std::move(piece.rows));
  }
  return rows;
}

size_t RevlogRows::size() const {
  size_t total = 0;
  for (const auto& piece : pieces) total += piece.size();
  return total;
}

std::string revlog_csv_header() { return "card_id,review_time,review_rating,review_duration\n"; }

std::string revlog_csv_line(const RevlogRow& row) {
  return fmt::format("{},{},{},{}\n", row.card_id, row.reviewed_ms, static_cast<int>(row.rating), row.duration_ms);
}

}  // namespace rehearse::app
