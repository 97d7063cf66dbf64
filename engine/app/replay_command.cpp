// `rehearse replay FILE.csv`: runs a review log through a scheduler and shows the state after
// each review, without any collection. It is how a log from another tool is checked against
// rehearse's schedulers (and rehearse's against other FSRS implementations).
#include <fcntl.h>
#include <fmt/compile.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <barrier>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "command_support.h"
#include "commands.h"
#include "parallel.h"
#include "rehearse/errors.h"
#include "revlog_csv.h"

namespace rehearse::app {

namespace {

constexpr std::string_view kDefaultScheduler = "fsrs";

// The bytes of a review log: a regular file is mapped rather than copied (a log can be tens of
// megabytes); standard input, a pipe or a device is read into memory.
class Input {
 public:
  explicit Input(const std::string& file) {
    if (file == "-") {
      read_stream(std::cin);
      return;
    }
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat status {};
    if (fd < 0 || ::fstat(fd, &status) != 0 || S_ISDIR(status.st_mode)) {
      if (fd >= 0) ::close(fd);
      throw ParseError(file, 0, "cannot be read");
    }
    if (S_ISREG(status.st_mode) && status.st_size > 0) {
      size_ = static_cast<size_t>(status.st_size);
      mapping_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      ::close(fd);
      if (mapping_ == MAP_FAILED) throw ParseError(file, 0, "cannot be read");
      text_ = std::string_view(static_cast<const char*>(mapping_), size_);
      return;
    }
    ::close(fd);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ParseError(file, 0, "cannot be read");
    read_stream(in);
  }
  ~Input() {
    if (mapping_) ::munmap(mapping_, size_);
  }
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;

  std::string_view text() const { return text_; }

 private:
  void read_stream(std::istream& in) {
    std::ostringstream content;
    content << in.rdbuf();
    copy_ = content.str();
    text_ = copy_;
  }

  void* mapping_ = nullptr;
  size_t size_ = 0;
  std::string copy_;
  std::string_view text_;
};

using Buffer = fmt::memory_buffer;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

// Writes "2026-01-10T09:00:00Z", with milliseconds when there are any, at `at` (at most 32
// characters); returns the end. (The calendar arithmetic is Howard Hinnant's civil_from_days;
// gmtime and a format string per line would dominate a replay of a long log.)
char* write_utc_iso8601(char* at, std::int64_t ms) {
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
    for (int i = count - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
    at += count;
  };
  if (year < 0 || year > 9999) {
    at = fmt::format_to(at, FMT_COMPILE("{}"), year);
  } else {
    digits(year, 4);
  }
  *at++ = '-';
  digits(month, 2);
  *at++ = '-';
  digits(day, 2);
  *at++ = 'T';
  digits(seconds / 3600, 2);
  *at++ = ':';
  digits(seconds / 60 % 60, 2);
  *at++ = ':';
  digits(seconds % 60, 2);
  if (millis != 0) {
    *at++ = '.';
    digits(millis, 3);
  }
  *at++ = 'Z';
  return at;
}

void append_utc_iso8601(Buffer& out, std::int64_t ms) {
  char text[32];
  out.append(text, write_utc_iso8601(text, ms));
}

// A memory quantity of the state, or nothing for a scheduler without a memory model.
std::optional<double> memory_value(double value) { return value > 0 ? std::optional(value) : std::nullopt; }

void append_json_number(Buffer& out, std::optional<double> value) {
  if (value)
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), *value);
  else
    out.append(std::string_view("null"));
}

// One line of the table, written into a fixed array and appended to the output at once: writing
// a million lines cell by cell into a growing buffer would cost more than the scheduling.
class TableLine {
 public:
  void left(std::string_view text, size_t width) {
    const char* start = at_;
    write(text);
    pad(start, width);
  }

  void right(std::string_view text, size_t width) {
    for (size_t i = text.size(); i < width; ++i) *at_++ = ' ';
    write(text);
  }

  void left_time(std::int64_t ms, size_t width) {
    const char* start = at_;
    at_ = write_utc_iso8601(at_, ms);
    pad(start, width);
  }

  void right_integer(std::int64_t value, size_t width) {
    const fmt::format_int digits(value);
    right(std::string_view(digits.data(), digits.size()), width);
  }

  // Four decimals, or "-" for nothing.
  void right_decimal(std::optional<double> value, size_t width) {
    if (!value || !std::isfinite(*value) || std::abs(*value) >= 1e14) return right(value ? fmt::format("{}", *value) : "-", width);
    // Half away from zero, as std::llround, without a library call per number.
    const double scaled_value = *value * 10'000;
    const long long scaled = static_cast<long long>(scaled_value < 0 ? scaled_value - 0.5 : scaled_value + 0.5);
    const unsigned long long magnitude = static_cast<unsigned long long>(scaled < 0 ? -scaled : scaled);
    char text[24];
    char* end = text + sizeof text;
    char* first = end;
    for (int i = 0; i < 4; ++i) *--first = static_cast<char>('0' + (magnitude / pow10(i)) % 10);
    *--first = '.';
    unsigned long long whole = magnitude / 10'000;
    do {
      *--first = static_cast<char>('0' + whole % 10);
      whole /= 10;
    } while (whole != 0);
    if (scaled < 0) *--first = '-';
    right(std::string_view(first, static_cast<size_t>(end - first)), width);
  }

  void text(std::string_view text) { write(text); }

  std::string_view view() const { return {line_, static_cast<size_t>(at_ - line_)}; }

 private:
  static unsigned long long pow10(int exponent) {
    constexpr unsigned long long powers[] = {1, 10, 100, 1000};
    return powers[exponent];
  }

  void write(std::string_view text) {
    std::memcpy(at_, text.data(), text.size());
    at_ += text.size();
  }

  void pad(const char* start, size_t width) {
    for (size_t i = static_cast<size_t>(at_ - start); i < width; ++i) *at_++ = ' ';
  }

  char line_[256];  // a line's cells are at most about 150 characters
  char* at_ = line_;
};

// What one review left, as printed.
struct Replayed {
  SchedulingState after;
  std::optional<double> retrievability;
};

void append_row(Buffer& out, const RevlogRow& row, const Replayed& replayed, bool json) {
  const SchedulingState& after = replayed.after;
  // Whole days until due: 0 for a learning step.
  const std::int64_t interval = (after.due_ms - row.reviewed_ms) / kMsPerDay;
  if (json) {
    const auto to = std::back_inserter(out);
    fmt::format_to(to, FMT_COMPILE(R"({{"card_id": {}, "time": ")"), row.card_id);
    append_utc_iso8601(out, row.reviewed_ms);
    fmt::format_to(to, FMT_COMPILE(R"(", "rating": {}, "state": "{}", "stability": )"), static_cast<int>(row.rating),
                   to_string(after.state));
    append_json_number(out, memory_value(after.stability));
    out.append(std::string_view(R"(, "difficulty": )"));
    append_json_number(out, memory_value(after.difficulty));
    out.append(std::string_view(R"(, "retrievability": )"));
    append_json_number(out, replayed.retrievability);
    fmt::format_to(to, FMT_COMPILE(", \"interval_days\": {}}}\n"), interval);
    return;
  }
  TableLine line;
  const fmt::format_int card_id(row.card_id);
  line.left(std::string_view(card_id.data(), card_id.size()), 13);
  line.left_time(row.reviewed_ms, 25);
  line.left(to_string(row.rating), 7);
  line.left(to_string(after.state), 11);
  line.right_decimal(memory_value(after.stability), 10);
  line.text(" ");
  line.right_decimal(memory_value(after.difficulty), 10);
  line.text(" ");
  line.right_decimal(replayed.retrievability, 14);
  line.text(" ");
  line.right_integer(interval, 8);
  line.text("d\n");
  out.append(line.view());
}

// One thread's share of a replay. A card's reviews depend on each other and on nothing else, so
// the cards are dealt out among threads by id, each thread with its own Options (scheduler.h
// allows a replay to call a scheduler from several threads this way).
struct Lane {
  explicit Lane(Options lane_options) : options(std::move(lane_options)) {}

  Options options;
  std::unordered_map<std::int64_t, SchedulingState> states;  // of this lane's cards
  std::optional<std::pair<int, std::string>> failure;        // the line of the row that failed, and why
  Buffer out;
};

}  // namespace

int run_replay(const Arguments& args) {
  args.allow_only(with_globals({"--scheduler", "--json"}));
  require_operands(args, 1, 1, "a review log (FILE.csv, or - for standard input)");
  const std::string file = args.operands()[0];
  const bool json = args.flag("--json");

  // Everything is read and checked before anything is printed.
  const RevlogRows log = read_revlog_csv(Input(file).text(), file);

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
  // Days roll over at 4 am local time, as in a new collection (TZ chooses the zone).
  const Clock clock;

  const size_t lane_count = worker_count();
  std::vector<Lane> lanes;
  lanes.reserve(lane_count);
  for (size_t i = 0; i < lane_count; ++i) lanes.emplace_back(Options(scheduler->options(), values));
  constexpr size_t kBlock = 1 << 16;  // rows replayed, formatted and written at a time
  std::vector<Replayed> block(std::min(kBlock, log.size()));

  if (!json)
    fmt::print("{:<12} {:<24} {:<6} {:<10} {:>10} {:>10} {:>14} {:>9}\n", "card_id", "time", "rating", "state", "stability",
               "difficulty", "retrievability", "interval");
  // Every lane goes through the blocks in step with the others: replay its cards, wait for all,
  // format its slice, wait, and the first lane writes the slices in order.
  std::barrier step(static_cast<std::ptrdiff_t>(lanes.size()));
  in_parallel(lanes.size(), [&](size_t index) {
    Lane& lane = lanes[index];
    for (const std::vector<RevlogRow>& rows : log.pieces) {
      for (size_t begin = 0; begin < rows.size(); begin += kBlock) {
        const size_t end = std::min(rows.size(), begin + kBlock);
        for (size_t i = begin; i < end && !lane.failure; ++i) {
          const RevlogRow& row = rows[i];
          if (static_cast<std::uint64_t>(row.card_id) % lanes.size() != index) continue;
          SchedulingState& state = lane.states[row.card_id];
          try {
            const ReviewContext ctx = make_review_context(clock, state, row.card_id, row.reviewed_ms, lane.options);
            Replayed& replayed = block[i - begin];
            replayed.retrievability = scheduler->retrievability(state, ctx);
            replayed.after = scheduler->next(state, row.rating, ctx);
            state = replayed.after;
          } catch (const std::exception& e) {
            lane.failure = {row.line, e.what()};
          }
        }
        step.arrive_and_wait();
        if (std::any_of(lanes.begin(), lanes.end(), [](const Lane& other) { return other.failure.has_value(); })) return;
        const size_t slice = (end - begin + lanes.size() - 1) / lanes.size();
        const size_t first = std::min(end, begin + index * slice), last = std::min(end, first + slice);
        for (size_t i = first; i < last; ++i) append_row(lane.out, rows[i], block[i - begin], json);
        step.arrive_and_wait();
        if (index == 0) {
          for (Lane& each : lanes) {
            std::fwrite(each.out.data(), 1, each.out.size(), stdout);
            each.out.clear();
          }
        }
        step.arrive_and_wait();
      }
    }
  });
  // The first row in the file that failed: every lane got as far as its own first failure.
  const Lane* failed = nullptr;
  for (const Lane& lane : lanes)
    if (lane.failure && (!failed || lane.failure->first < failed->failure->first)) failed = &lane;
  if (failed) throw Error(fmt::format("{}:{}: {}", file, failed->failure->first, failed->failure->second));
  return 0;
}

}  // namespace rehearse::app
