#include "rehearse/clock.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>

#include "rehearse/errors.h"

namespace rehearse {

namespace {

// Seconds east of UTC in effect at Unix time `seconds`, in the local zone.
long utc_offset_at(std::time_t seconds) {
  std::tm local{};
  localtime_r(&seconds, &local);
  return local.tm_gmtoff;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
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

std::optional<std::int64_t> parse_iso8601(std::string_view text) {
  static const std::regex pattern(
      R"((\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(text.begin(), text.end(), m, pattern)) return std::nullopt;
  auto number = [&](int i) { return m[i].matched ? std::stoi(m[i].str()) : 0; };
  std::tm tm{};
  tm.tm_year = number(1) - 1900;
  tm.tm_mon = number(2) - 1;
  tm.tm_mday = number(3);
  tm.tm_hour = number(4);
  tm.tm_min = number(5);
  tm.tm_sec = number(6);
  if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
      tm.tm_sec > 60)
    return std::nullopt;
  std::int64_t millis = 0;
  if (m[7].matched) {
    std::string fraction = m[7].str();
    fraction.resize(3, '0');
    millis = std::stoi(fraction);
  }
  std::int64_t seconds;
  if (m[8].matched) {
    seconds = timegm(&tm);
    const std::string zone = m[8].str();
    if (zone != "Z") {
      const int sign = zone[0] == '-' ? -1 : 1;
      const int hours = std::stoi(zone.substr(1, 2));
      const int minutes = std::stoi(zone.substr(zone.size() - 2));
      seconds -= sign * (hours * 3600 + minutes * 60);
    }
  } else {
    tm.tm_isdst = -1;
    seconds = mktime(&tm);
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
