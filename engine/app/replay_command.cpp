// `rehearse replay FILE.csv`: runs a review log through a scheduler and shows the state after
// each review, without any collection. It is how a log from another tool is checked against
// rehearse's schedulers (and rehearse's against other FSRS implementations).
#include <fmt/compile.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <iterator>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"
#include "revlog_csv.h"

namespace rehearse::app {

namespace {

constexpr std::string_view kDefaultScheduler = "fsrs";

std::string read_input(const std::string& file) {
  std::ostringstream content;
  if (file == "-") {
    content << std::cin.rdbuf();
    return content.str();
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ParseError(file, 0, "cannot be read");
  content << in.rdbuf();
  return content.str();
}

using Buffer = fmt::memory_buffer;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

// Appends "2026-01-10T09:00:00Z", with milliseconds when there are any. (The calendar arithmetic
// is Howard Hinnant's civil_from_days; gmtime and a format string per line would dominate a
// replay of a long log.)
void append_utc_iso8601(Buffer& out, std::int64_t ms) {
  const std::int64_t days = floor_div(ms, kMsPerDay);
  const std::int64_t in_day = ms - days * kMsPerDay;
  const std::int64_t z = days + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2);
  const std::int64_t seconds = in_day / 1000, millis = in_day % 1000;
  const auto digits = [&](std::int64_t value, int count) {
    char text[8];
    for (int i = count - 1; i >= 0; --i, value /= 10) text[i] = static_cast<char>('0' + value % 10);
    out.append(text, text + count);
  };
  if (year < 0 || year > 9999) {
    fmt::format_to(std::back_inserter(out), "{}", year);
  } else {
    digits(year, 4);
  }
  out.push_back('-');
  digits(month, 2);
  out.push_back('-');
  digits(day, 2);
  out.push_back('T');
  digits(seconds / 3600, 2);
  out.push_back(':');
  digits(seconds / 60 % 60, 2);
  out.push_back(':');
  digits(seconds % 60, 2);
  if (millis != 0) {
    out.push_back('.');
    digits(millis, 3);
  }
  out.push_back('Z');
}

// A memory quantity of the state, or nothing for a scheduler without a memory model.
std::optional<double> memory_value(double value) { return value > 0 ? std::optional(value) : std::nullopt; }

void append_json_number(Buffer& out, std::optional<double> value) {
  if (value)
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), *value);
  else
    out.append(std::string_view("null"));
}

// Table cells, padded by hand: fmt's padding measures the display width of every character.
void append_left(Buffer& out, std::string_view text, size_t width) {
  out.append(text);
  for (size_t i = text.size(); i < width; ++i) out.push_back(' ');
}

void append_right(Buffer& out, std::string_view text, size_t width) {
  for (size_t i = text.size(); i < width; ++i) out.push_back(' ');
  out.append(text);
}

// Right-aligned in `width`, with four decimals, or "-" for nothing.
void append_text_number(Buffer& out, std::optional<double> value, size_t width) {
  if (!value) return append_right(out, "-", width);
  const long long scaled = std::llround(*value * 10'000);
  char text[48];
  const auto end = fmt::format_to(text, FMT_COMPILE("{}.{:04}"), scaled / 10'000, scaled % 10'000);
  append_right(out, std::string_view(text, static_cast<size_t>(end - text)), width);
}

}  // namespace

int run_replay(const Arguments& args) {
  args.allow_only(with_globals({"--scheduler", "--json"}));
  require_operands(args, 1, 1, "a review log (FILE.csv, or - for standard input)");
  const std::string file = args.operands()[0];
  const bool json = args.flag("--json");

  // Everything is read and checked before anything is printed.
  const std::vector<RevlogRow> rows = read_revlog_csv(read_input(file), file);

  Registry registry;
  PluginHost host(registry);
  for (const auto& dir : PluginHost::default_directories()) host.load_directory(dir);
  for (const auto& dir : args.values("--plugin-path")) host.load_directory(dir);
  const std::string name = args.value("--scheduler").value_or(std::string(kDefaultScheduler));
  const Scheduler* scheduler = registry.scheduler(name);
  if (!scheduler) throw Error(fmt::format("there is no scheduler named '{}' (`rehearse plugins` lists them)", name));

  // The scheduler's defaults, without fuzz: other FSRS tools show unfuzzed intervals, and a
  // replay is for comparing.
  std::map<std::string, std::string> values;
  for (const auto& spec : scheduler->options())
    if (spec.name == "fuzz" && spec.type == OptionType::boolean) values["fuzz"] = "false";
  const Options options(scheduler->options(), values);
  // Days roll over at 4 am local time, as in a new collection (TZ chooses the zone).
  const Clock clock;

  std::unordered_map<std::int64_t, SchedulingState> states;
  Buffer out;
  if (!json)
    fmt::format_to(std::back_inserter(out), "{:<12} {:<24} {:<6} {:<10} {:>10} {:>10} {:>14} {:>9}\n", "card_id", "time", "rating",
                   "state", "stability", "difficulty", "retrievability", "interval");
  for (const RevlogRow& row : rows) {
    SchedulingState& state = states[row.card_id];
    SchedulingState after;
    std::optional<double> retrievability;
    try {
      const ReviewContext ctx = make_review_context(clock, state, row.card_id, row.reviewed_ms, options);
      retrievability = scheduler->retrievability(state, ctx);
      after = scheduler->next(state, row.rating, ctx);
    } catch (const std::exception& e) {
      throw Error(fmt::format("{}:{}: {}", file, row.line, e.what()));
    }
    // Whole days until due: 0 for a learning step.
    const std::int64_t interval = (after.due_ms - row.reviewed_ms) / kMsPerDay;
    const auto to = std::back_inserter(out);
    if (json) {
      fmt::format_to(to, FMT_COMPILE(R"({{"card_id": {}, "time": ")"), row.card_id);
      append_utc_iso8601(out, row.reviewed_ms);
      fmt::format_to(to, FMT_COMPILE(R"(", "rating": {}, "state": "{}", "stability": )"), static_cast<int>(row.rating),
                     to_string(after.state));
      append_json_number(out, memory_value(after.stability));
      out.append(std::string_view(R"(, "difficulty": )"));
      append_json_number(out, memory_value(after.difficulty));
      out.append(std::string_view(R"(, "retrievability": )"));
      append_json_number(out, retrievability);
      fmt::format_to(to, FMT_COMPILE(", \"interval_days\": {}}}\n"), interval);
    } else {
      append_left(out, fmt::format_int(row.card_id).str(), 13);
      const size_t time_start = out.size();
      append_utc_iso8601(out, row.reviewed_ms);
      for (size_t width = out.size() - time_start; width < 25; ++width) out.push_back(' ');
      append_left(out, to_string(row.rating), 7);
      append_left(out, to_string(after.state), 11);
      append_text_number(out, memory_value(after.stability), 10);
      out.push_back(' ');
      append_text_number(out, memory_value(after.difficulty), 10);
      out.push_back(' ');
      append_text_number(out, retrievability, 14);
      out.push_back(' ');
      append_right(out, fmt::format_int(interval).str(), 8);
      out.append(std::string_view("d\n"));
    }
    state = after;
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace rehearse::app
