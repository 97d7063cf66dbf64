// The fsrs scheduler against ts-fsrs 5 (npm), the reference implementation of FSRS-6, with fuzz
// off and its defaults: 10,000 random review histories, replayed by `rehearse replay` and by
// tools/fsrs-reference/replay.mjs, compared after every review.
//
// Hidden from the default run (and from "[fsrs]"): it needs Node.js and ts-fsrs, which the CTest fixture
// fsrs_reference_install installs (tests/CMakeLists.txt) and passes in REHEARSE_NODE and
// REHEARSE_FSRS_REFERENCE.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "test_support.h"

using nlohmann::json;
using rehearse::kMsPerDay;
using rehearse::kMsPerMinute;

namespace {

struct Review {
  std::int64_t card_id;
  std::int64_t ms;
  int rating;
};

// Random histories: ratings weighted like real ones (but with many more lapses), gaps from a
// minute to eight years, a fifth of them within the day, at every time of day (so the 4 am
// rollover is crossed both ways).
std::vector<Review> random_histories(int cards, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const auto uniform = [&](std::int64_t low, std::int64_t high) { return std::uniform_int_distribution<std::int64_t>(low, high)(rng); };
  std::discrete_distribution<int> rating({20, 15, 50, 15});
  std::discrete_distribution<int> gap_kind({20, 10, 35, 25, 10});
  std::vector<Review> reviews;
  const std::int64_t first = rehearse::test::at("2015-01-01T00:00:00Z"), last = rehearse::test::at("2025-01-01T00:00:00Z");
  for (std::int64_t card = 1; card <= cards; ++card) {
    std::int64_t ms = uniform(first, last);
    const std::int64_t count = uniform(1, 40);
    for (std::int64_t i = 0; i < count; ++i) {
      reviews.push_back({card, ms, rating(rng) + 1});
      switch (gap_kind(rng)) {
        case 0: ms += uniform(1, 180) * kMsPerMinute; break;                               // minutes
        case 1: ms += uniform(180, 1439) * kMsPerMinute; break;                            // hours
        case 2: ms += uniform(1, 30) * kMsPerDay + uniform(-720, 720) * kMsPerMinute; break;   // days
        case 3: ms += uniform(31, 400) * kMsPerDay + uniform(-720, 720) * kMsPerMinute; break;  // months
        default: ms += uniform(365, 8 * 365) * kMsPerDay + uniform(0, 1439) * kMsPerMinute; break;  // years
      }
    }
  }
  // One log, in time order, as a tool exports it.
  std::stable_sort(reviews.begin(), reviews.end(), [](const Review& a, const Review& b) { return a.ms < b.ms; });
  return reviews;
}

std::vector<json> json_lines(std::istream& in) {
  std::vector<json> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(json::parse(line));
  return lines;
}

bool close(double a, double b, double relative) { return std::abs(a - b) <= relative * std::max(std::abs(a), std::abs(b)); }

}  // namespace

TEST_CASE("the fsrs scheduler matches ts-fsrs on 10,000 random review histories", "[.ts-fsrs]") {
  const char* node = std::getenv("REHEARSE_NODE");
  const char* reference = std::getenv("REHEARSE_FSRS_REFERENCE");
  if (!node || !reference) FAIL("REHEARSE_NODE and REHEARSE_FSRS_REFERENCE are not set; run this test through ctest");

  rehearse::test::TempDir dir;
  const auto reviews = random_histories(10'000, 20260110);
  std::string csv = "card_id,review_time,review_rating\n";
  for (const auto& r : reviews) csv += fmt::format("{},{},{}\n", r.card_id, r.ms, r.rating);
  const auto log = dir.write("histories.csv", csv);

  const auto ours = rehearse::test::run_program({"replay", log.string(), "--json"});
  REQUIRE(ours.status == 0);
  const auto theirs_file = dir / "ts-fsrs.jsonl";
  // rehearse counts days from 4 am (TZ=UTC here); the script shifts ts-fsrs's times to match.
  const std::string command = fmt::format("'{}' '{}' '{}' --day-start-hour 4 > '{}'", node, reference, log.string(), theirs_file.string());
  REQUIRE(std::system(command.c_str()) == 0);

  std::istringstream ours_in(ours.out);
  std::ifstream theirs_in(theirs_file);
  const auto a = json_lines(ours_in), b = json_lines(theirs_in);
  REQUIRE(a.size() == reviews.size());
  REQUIRE(b.size() == reviews.size());

  size_t interval_mismatches = 0, same_day = 0, lapses = 0;
  std::int64_t worst_interval_gap = 0;
  std::vector<std::string> problems;
  auto problem = [&](size_t i, const std::string& what) {
    if (problems.size() < 10) problems.push_back(fmt::format("review {} (card {}): {}\n  rehearse {}\n  ts-fsrs  {}", i, a[i]["card_id"].dump(), what, a[i].dump(), b[i].dump()));
  };
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i]["card_id"] != b[i]["card_id"] || a[i]["rating"] != b[i]["rating"]) problem(i, "not the same review");
    if (a[i]["state"] != b[i]["state"]) problem(i, "state");
    for (const char* field : {"stability", "difficulty"})
      if (!close(a[i][field].get<double>(), b[i][field].get<double>(), 1e-5)) problem(i, field);
    const json& ra = a[i]["retrievability"];
    const json& rb = b[i]["retrievability"];
    if (ra.is_null() != rb.is_null() || (!ra.is_null() && !close(ra.get<double>(), rb.get<double>(), 1e-5))) problem(i, "retrievability");
    const std::int64_t gap = std::abs(a[i]["interval_days"].get<std::int64_t>() - b[i]["interval_days"].get<std::int64_t>());
    interval_mismatches += gap != 0;
    worst_interval_gap = std::max(worst_interval_gap, gap);
    same_day += !ra.is_null() && ra.get<double>() == 1.0;
    lapses += a[i]["state"] == "relearning" && a[i]["rating"] == 1;
  }
  INFO(fmt::format("{} reviews; {} on the day of the previous one, {} lapses; intervals differ in {} (at most by {} day)", a.size(),
                   same_day, lapses, interval_mismatches, worst_interval_gap));
  for (const auto& p : problems) UNSCOPED_INFO(p);
  CHECK(problems.empty());
  CHECK(interval_mismatches * 1000 <= a.size());  // the same interval in at least 99.9% of reviews
  CHECK(worst_interval_gap <= 1);
  // The histories did exercise what they are meant to.
  CHECK(a.size() >= 100'000);
  CHECK(same_day * 10 >= a.size());
  CHECK(lapses * 20 >= a.size());
}
