// The user's day in a zone with daylight saving time. The suite runs in UTC; these cases run
// again under TZ=America/New_York and TZ=Australia/Lord_Howe (a half-hour change) from
// tests/CMakeLists.txt, where the offsets change during the year.
#include <ctime>

#include "rehearse/clock.h"
#include "test_support.h"

using rehearse::Clock;

namespace {

constexpr std::int64_t kHour = 3'600'000;

// The definition of the user's day: the local date of the moment `day_start_hour` hours earlier
// on the wall clock, asked of the C library directly.
std::int64_t user_day(std::int64_t ms, int day_start_hour) {
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  const std::int64_t wall_ms = ms + static_cast<std::int64_t>(local.tm_gmtoff) * 1000 - day_start_hour * kHour;
  return wall_ms >= 0 ? wall_ms / 86'400'000 : -((-wall_ms + 86'399'999) / 86'400'000);
}

}  // namespace

TEST_CASE("a day number is the local date, before and after the clocks change", "[clock][zones]") {
  const Clock clock(std::nullopt, 4);
  // Every 10 minutes over two years, 2025 and 2026, so every change of offset is crossed.
  const std::int64_t from = 1'735'689'600'000, to = from + 2 * 365 * 24 * kHour;
  std::int64_t mismatches = 0;
  for (std::int64_t ms = from; ms < to; ms += kHour / 6)
    if (clock.day_number(ms) != user_day(ms, 4)) ++mismatches;
  CHECK(mismatches == 0);
}

TEST_CASE("a day starts at the configured hour of the local clock, also on the days the clocks change", "[clock][zones]") {
  const Clock clock(std::nullopt, 4);
  const std::int64_t first = clock.day_number(1'735'689'600'000);
  for (std::int64_t day = first; day < first + 730; ++day) {
    INFO("day " << day);
    const std::int64_t start = clock.day_start_ms(day);
    CHECK(clock.day_number(start) == day);
    CHECK(clock.day_number(start - 1) == day - 1);
  }
}

TEST_CASE("the zone these cases run in is the one asked for", "[.zones-active]") {
  // Run with TZ set to a zone with daylight saving time: if its data were missing, the C library
  // would quietly use UTC and the cases above would prove nothing.
  const std::time_t winter = 1'737'000'000, summer = 1'752'000'000;  // January and July 2025
  std::tm a{}, b{};
  localtime_r(&winter, &a);
  localtime_r(&summer, &b);
  CHECK(a.tm_gmtoff != b.tm_gmtoff);
}
