// Review logs in the CSV layout of the FSRS tools (fsrs-rs, fsrs-optimizer, the srs-benchmark):
//
//   card_id,review_time,review_rating[,review_duration]
//
// review_time is Unix milliseconds or ISO 8601 (without a zone: local time), review_rating 1-4
// (again, hard, good, easy), review_duration milliseconds. A first line naming the columns may
// list them in any order, with others (review_state, ...) that are ignored; without it the
// columns are in the order above.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/scheduling.h"

namespace rehearse::app {

struct RevlogRow {
  std::int64_t card_id = 0;
  std::int64_t reviewed_ms = 0;
  std::int64_t duration_ms = 0;
  Rating rating = Rating::good;
  int line = 0;  // where the row is in its file
};

// A review log as read: its rows in file order, in the pieces that were read on separate threads
// (a log can hold millions of rows; joining the pieces would copy them all once more).
struct RevlogRows {
  std::vector<std::vector<RevlogRow>> pieces;

  size_t size() const;
  template <class Visit>
  void for_each(Visit&& visit) const {
    for (const auto& piece : pieces)
      for (const auto& row : piece) visit(row);
  }
};

// Reads a whole review log. Every row must be well formed, and the reviews of each card in time
// order; otherwise throws ParseError naming `file`, the line and what is wrong.
RevlogRows read_revlog_csv(std::string_view text, const std::string& file);

// The header line and one row, each ending in a newline.
std::string revlog_csv_header();
std::string revlog_csv_line(const RevlogRow& row);

}  // namespace rehearse::app
