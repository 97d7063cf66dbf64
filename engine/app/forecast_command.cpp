#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"
#include "study_days.h"

namespace rehearse::app {

using nlohmann::json;

namespace {
constexpr int kDefaultDays = 30;
constexpr int kMaxDays = 36500;
constexpr int kBarWidth = 40;
}  // namespace

int run_forecast(const Arguments& args) {
  args.allow_only(with_globals({"--days", "--json"}));
  require_operands(args, 0, 0, "no operands");
  const int days = static_cast<int>(whole_number_option(args, "--days", kDefaultDays, 1, kMaxDays, "a number of days"));
  Engine engine(engine_config(args));
  const std::vector<int> due = engine.collection().due_forecast(days);
  const std::int64_t today = engine.clock().today();
  const int total = std::accumulate(due.begin(), due.end(), 0);

  if (args.flag("--json")) {
    json out = json::array();
    for (int i = 0; i < days; ++i) out.push_back({{"date", format_day(today + i)}, {"due", due[static_cast<size_t>(i)]}});
    print_json({{"days", out}, {"total", total}});
    return 0;
  }
  fmt::print("Learning and review cards due each day (today includes those overdue; new cards come on top):\n");
  const int most = std::max(1, *std::max_element(due.begin(), due.end()));
  for (int i = 0; i < days; ++i) {
    const int count = due[static_cast<size_t>(i)];
    const int bar = count == 0 ? 0 : std::max(1, count * kBarWidth / most);
    fmt::print("  {} {}{}  {:>5}  {}\n", weekday(today + i), format_day(today + i), i == 0 ? " today" : "      ", count,
               std::string(static_cast<size_t>(bar), '#'));
  }
  fmt::print("{} due in the next {} days.\n", total, days);
  return 0;
}

}  // namespace rehearse::app
