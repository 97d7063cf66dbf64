#include "rehearse/clock.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "rehearse/errors.h"

namespace rehearse {

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Seconds east of UTC in effect at Unix time `seconds`, in the local zone.
long zone_offset_at(std::time_t seconds) {
  std::tm local{};
  localtime_r(&seconds, &local);
  return local.tm_gmtoff;
}

// The same, remembered by UTC day. A zone lookup costs more than everything else in a day number,
// and a replay of a million reviews needs two million day numbers. No zone of the tz database
// changes its offset twice within 24 hours, so where the offset is the same at both ends of a UTC
// day it held all day. Each thread keeps a table of recent days; what it keeps cannot go stale,
// since the C library reads the zone once per process.
long utc_offset_at(std::time_t seconds) {
  struct Day {
    std::int64_t number;
    long offset;
    bool known;
    bool whole_day;  // the offset held from the first second of the day to the last
  };
  constexpr std::int64_t kDays = 1024;
  thread_local std::array<Day, kDays> recent{};
  const std::int64_t number = floor_div(seconds, 86'400);
  Day& day = recent[static_cast<std::size_t>(number - floor_div(number, kDays) * kDays)];
  if (!day.known || day.number != number) {
    const long first = zone_offset_at(static_cast<std::time_t>(number * 86'400));
    day = {number, first, true, first == zone_offset_at(static_cast<std::time_t>(number * 86'400 + 86'399))};
  }
  return day.whole_day ? day.offset : zone_offset_at(seconds);
}

// The Unix time of a local wall-clock time given as if it were UTC, as mktime() finds it: a time
// that occurs twice (clocks turned back) is the earlier one, a time that does not occur (clocks
// turned forward) is read with the offset from before the change.
std::int64_t local_to_utc(std::int64_t wall_seconds) {
  const long before = utc_offset_at(static_cast<std::time_t>(wall_seconds - 86'400));
  const long after = utc_offset_at(static_cast<std::time_t>(wall_seconds + 86'400));
  const std::int64_t first = wall_seconds - before, second = wall_seconds - after;
  const bool first_valid = utc_offset_at(static_cast<std::time_t>(first)) == before;
  const bool second_valid = utc_offset_at(static_cast<std::time_t>(second)) == after;
  if (first_valid && second_valid) return std::min(first, second);
  if (second_valid) return second;
  return first;
}

}  // namespace

Clock::Clock(std::optional<std::int64_t> fixed_now_ms, int day_start_hour) : fixed_now_ms_(fixed_now_ms) {
  set_day_start_hour(day_start_hour);
}

void Clock::set_day_start_hour(int hour) {
  if (hour < 0 || hour > 23) throw Error(fmt::format("the day start hour must be 0-23, not {}", hour));
  day_start_hour_ = hour;
}

std::int64_t Clock::now_ms() const {
  if (fixed_now_ms_) return *fixed_now_ms_;
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::int64_t Clock::day_number(std::int64_t ms) const {
  const std::int64_t local_ms = ms + utc_offset_at(static_cast<std::time_t>(floor_div(ms, 1000))) * 1000;
  return floor_div(local_ms - day_start_hour_ * 3'600'000LL, 86'400'000LL);
}

std::int64_t Clock::day_start_ms(std::int64_t day) const {
  // Local midnight of the day plus the start hour, corrected for the zone offset then in effect.
  const std::int64_t naive = day * 86'400'000LL + day_start_hour_ * 3'600'000LL;
  std::int64_t guess = naive - utc_offset_at(static_cast<std::time_t>(naive / 1000)) * 1000;
  guess = naive - utc_offset_at(static_cast<std::time_t>(guess / 1000)) * 1000;
  return guess;
}

std::string Clock::describe_until(std::int64_t ms) const {
  const std::int64_t minutes = (ms - now_ms()) / 60'000;
  const std::int64_t days = day_number(ms) - today();
  if (minutes < 60) return fmt::format("in {} min", std::max<std::int64_t>(minutes, 1));
  if (days < 1) return fmt::format("in {} h", minutes / 60);
  return days == 1 ? "tomorrow" : fmt::format("in {} days", days);
}

std::optional<std::int64_t> parse_iso8601(std::string_view text) {
  // Hand-written rather than a regex: review logs hold millions of these. The grammar is
  //   YYYY-MM-DD [(T|' ')hh:mm[:ss[.fraction]]] [Z | (+|-)hh[:]mm]
  size_t at = 0;
  const auto digits = [&](size_t count) -> std::optional<int> {
    if (at + count > text.size()) return std::nullopt;
    int value = 0;
    for (size_t i = 0; i < count; ++i) {
      const char c = text[at + i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    at += count;
    return value;
  };
  const auto skip = [&](char c) {
    if (at < text.size() && text[at] == c) {
      ++at;
      return true;
    }
    return false;
  };
  std::tm tm{};
  auto year = digits(4);
  if (!year || !skip('-')) return std::nullopt;
  auto month = digits(2);
  if (!month || !skip('-')) return std::nullopt;
  auto day = digits(2);
  if (!day) return std::nullopt;
  tm.tm_year = *year - 1900;
  tm.tm_mon = *month - 1;
  tm.tm_mday = *day;
  std::int64_t millis = 0;
  if (skip('T') || skip(' ')) {
    auto hour = digits(2);
    if (!hour || !skip(':')) return std::nullopt;
    auto minute = digits(2);
    if (!minute) return std::nullopt;
    tm.tm_hour = *hour;
    tm.tm_min = *minute;
    if (skip(':')) {
      auto second = digits(2);
      if (!second) return std::nullopt;
      tm.tm_sec = *second;
      if (skip('.')) {
        const size_t first = at;
        while (at < text.size() && at - first < 9 && text[at] >= '0' && text[at] <= '9') ++at;
        if (at == first) return std::nullopt;
        for (size_t i = 0; i < 3; ++i) millis = millis * 10 + (first + i < at ? text[first + i] - '0' : 0);
      }
    }
  }
  std::optional<int> offset_seconds;
  if (skip('Z')) {
    offset_seconds = 0;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const int sign = text[at++] == '-' ? -1 : 1;
    auto hours = digits(2);
    if (!hours) return std::nullopt;
    skip(':');
    auto minutes = digits(2);
    if (!minutes) return std::nullopt;
    offset_seconds = sign * (*hours * 3600 + *minutes * 60);
  }
  if (at != text.size()) return std::nullopt;
  if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
      tm.tm_sec > 60)
    return std::nullopt;
  std::int64_t seconds = timegm(&tm);
  if (offset_seconds) {
    seconds -= *offset_seconds;
  } else {
    seconds = local_to_utc(seconds);
  }
  return seconds * 1000 + millis;
}

std::string format_local_time(std::int64_t ms) {
  const std::time_t seconds = static_cast<std::time_t>(floor_div(ms, 1000));
  std::tm local{};
  localtime_r(&seconds, &local);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &local);
  return buffer;
}

}  // namespace rehearse
