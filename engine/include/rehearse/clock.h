// The one clock everything reads, and the user's days.
//
// "Now" is the system time unless fixed (--now, REHEARSE_NOW), which makes a command reproducible
// for tests and simulations. A user's day does not end at midnight: like Anki, it rolls over at a
// configurable local hour (4 am by default), so a late-night session counts for the evening.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rehearse/api.h"

namespace rehearse {

class REHEARSE_API Clock {
 public:
  // A clock reading the system time, with days starting at `day_start_hour` local time.
  explicit Clock(std::optional<std::int64_t> fixed_now_ms = std::nullopt, int day_start_hour = 4);

  std::int64_t now_ms() const;
  bool is_fixed() const { return fixed_now_ms_.has_value(); }

  int day_start_hour() const { return day_start_hour_; }
  void set_day_start_hour(int hour);

  // The user's day number containing `ms` (days since 1970-01-01 in local time, after shifting by
  // the day-start hour). Two moments are on the same day when their day numbers are equal.
  std::int64_t day_number(std::int64_t ms) const;
  std::int64_t today() const { return day_number(now_ms()); }
  // The first millisecond of day `day` (local time, at the day-start hour).
  std::int64_t day_start_ms(std::int64_t day) const;

  // When `ms` comes, as a front end tells the user a card comes back: "in 10 min" (at least 1),
  // "in 3 h" later today, "tomorrow", "in 12 days", counted in the user's days. (Since 2.1.)
  std::string describe_until(std::int64_t ms) const;

 private:
  std::optional<std::int64_t> fixed_now_ms_;
  int day_start_hour_;
};

// Parses an ISO 8601 date-time: "2026-11-28", "2026-11-28T09:30", "2026-11-28T09:30:15",
// optionally with fractional seconds and "Z" or "+hh:mm"; without a zone it is local time.
// Returns Unix ms, or nothing when `text` is not such a date.
REHEARSE_API std::optional<std::int64_t> parse_iso8601(std::string_view text);

// Formats Unix ms as local "YYYY-MM-DD HH:MM".
REHEARSE_API std::string format_local_time(std::int64_t ms);

}  // namespace rehearse
