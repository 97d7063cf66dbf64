// rehearse_bench: the benchmark suite. Generates its data reproducibly from a seed, measures each
// figure, and prints it beside its target as a table and as JSON.
//
//   rehearse_bench [--quick] [--only SECTION] [--seed N] [--work DIR] [--json FILE]
//
// --quick uses smaller collections and prints no targets: the targets are for the full run's sizes,
// so a quick figure beside one would say nothing. --only runs one section: scheduler, replay,
// queue, answer, import, startup, memory, score, optimize or simulate.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "collection_generator.h"
#include "learner_simulator.h"
#include "rehearse/engine.h"
#include "rehearse/maintenance.h"
#include "rehearse/review_session.h"
#include "rehearse/simulator.h"
#include "rehearse/text.h"

namespace fs = std::filesystem;
using namespace rehearse;
using Seconds = std::chrono::duration<double>;
using SteadyClock = std::chrono::steady_clock;

namespace {

struct Figure {
  std::string name;
  double value;
  std::string unit;
  std::string target;  // as text, e.g. "< 50 ms"
  std::optional<bool> met;
};

std::vector<Figure> figures;
bool quick_run = false;  // set once from --quick, before any figure is measured

void report(std::string name, double value, std::string unit, std::string target = "", std::optional<bool> met = {}) {
  if (quick_run) {
    target.clear();
    met.reset();
  }
  fmt::print("  {:<58} {:>12.3f} {:<8} {:<12} {}\n", name, value, unit, target, !met ? "" : *met ? "ok" : "MISSED");
  std::fflush(stdout);
  figures.push_back({std::move(name), value, std::move(unit), std::move(target), met});
}

// Removes an SQLite database file with its WAL and shared-memory files.
void remove_database(const fs::path& file) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
}

// An engine's configuration for a benchmark collection: the built plugins only, the clock fixed.
EngineConfig bench_config(const fs::path& collection, std::int64_t now_ms) {
  EngineConfig config;
  config.collection = collection;
  config.load_default_plugin_dirs = false;
  config.plugin_dirs = {REHEARSE_BENCH_PLUGIN_DIR};
  config.now_ms = now_ms;
  return config;
}

double elapsed(SteadyClock::time_point since) { return Seconds(SteadyClock::now() - since).count(); }

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<size_t>(p * static_cast<double>(values.size())))];
}

// Runs a program; returns wall seconds and peak RSS (KiB) of the child.
struct RunResult {
  int status;
  double seconds;
  long max_rss_kib;
};
RunResult run(const std::vector<std::string>& args, const std::string& input = "", const std::string& output = "/dev/null") {
  const std::string in_path = fs::temp_directory_path() / fmt::format("rehearse-bench-in-{}", getpid());
  std::ofstream(in_path) << input;
  std::fflush(stdout);  // or the child's freopen writes our buffered output a second time
  const auto start = SteadyClock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (!freopen(in_path.c_str(), "r", stdin) || !freopen(output.c_str(), "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(127);
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  const double seconds = elapsed(start);
  fs::remove(in_path);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, seconds, usage.ru_maxrss};
}

bool drop_page_cache() {
  sync();
  std::ofstream drop("/proc/sys/vm/drop_caches");
  if (!drop) return false;
  drop << "3\n";
  return static_cast<bool>(drop);
}

// 1. Scheduler throughput through the registry, as the engine calls it (guarded).
void bench_schedulers(const Registry& registry) {
  fmt::print("\nScheduler: next-state computations per second (one core, best of 9 rounds)\n");
  for (const char* name : {"fsrs", "sm2"}) {
    const Scheduler* scheduler = registry.scheduler(name);
    if (!scheduler) {
      fmt::print("  {} is not loaded; skipped\n", name);
      continue;
    }
    const Options options(scheduler->options(), {{"fuzz", "false"}});
    std::mt19937_64 random(7);
    constexpr int kInputs = 1 << 16;
    std::vector<Rating> ratings(kInputs);
    std::vector<int> gaps(kInputs);
    for (int i = 0; i < kInputs; ++i) {
      const double u = std::uniform_real_distribution<double>(0, 1)(random);
      ratings[static_cast<size_t>(i)] = u < 0.1 ? Rating::again : u < 0.2 ? Rating::hard : u < 0.9 ? Rating::good : Rating::easy;
      gaps[static_cast<size_t>(i)] = static_cast<int>(std::uniform_int_distribution<int>(0, 60)(random));
    }
    // The best of several rounds: on a shared machine a round is slowed by whatever else runs,
    // never sped up, so the fastest round is the one that measures the code.
    constexpr long kCallsPerRound = 1'000'000;
    std::vector<double> rounds;
    SchedulingState state;
    std::int64_t now = 1'700'000'000'000;
    ReviewContext ctx;
    ctx.options = &options;
    for (int round = 0; round < 9; ++round) {
      const auto start = SteadyClock::now();
      for (long i = 0; i < kCallsPerRound; ++i) {
        const size_t k = static_cast<size_t>(i) & (kInputs - 1);
        if ((i & 31) == 0) state = SchedulingState{};  // a new card now and then keeps every branch busy
        now += gaps[k] * kMsPerDay / 4 + kMsPerMinute;
        ctx.now_ms = now;
        ctx.elapsed_days = state.last_review_ms == 0 ? 0 : static_cast<int>((now - state.last_review_ms) / kMsPerDay);
        state = scheduler->next(state, ratings[k], ctx);
      }
      rounds.push_back(static_cast<double>(kCallsPerRound) / elapsed(start));
    }
    const double per_second = *std::max_element(rounds.begin(), rounds.end());
    if (std::string(name) == "fsrs")
      report("FSRS next states per second", per_second / 1e6, "M/s", ">= 10 M/s", per_second >= 10e6);
    else
      report("SM-2 next states per second", per_second / 1e6, "M/s");
  }
}

// 2. `rehearse replay` of 1,000,000 reviews, beside ts-fsrs on the same reviews.
void bench_replay(const fs::path& work, const fs::path& source_dir, bool quick) {
  fmt::print("\nReplay of a review log (best of 3 runs each)\n");
  const long reviews = quick ? 100'000 : 1'000'000;
  const fs::path csv = work / fmt::format("revlog-{}.csv", reviews);
  if (!fs::exists(csv)) {
    std::ofstream out(csv);
    out << "card_id,review_time,review_rating,review_duration\n";
    std::mt19937_64 random(11);
    const long cards = reviews / 20;
    for (long card = 1; card <= cards; ++card) {
      std::int64_t t = 1'600'000'000'000 + static_cast<std::int64_t>(card) * 1000;
      for (int r = 0; r < 20; ++r) {
        const double u = std::uniform_real_distribution<double>(0, 1)(random);
        const int rating = u < 0.12 ? 1 : u < 0.2 ? 2 : u < 0.92 ? 3 : 4;
        out << card << ',' << t << ',' << rating << ',' << 8000 << '\n';
        t += r < 2 ? 10 * kMsPerMinute : static_cast<std::int64_t>(std::uniform_real_distribution<double>(0.5, 40)(random) * kMsPerDay);
      }
    }
  }
  // The best of three runs of each program, for the same reason as the scheduler's best round.
  const auto best_of_three = [](const std::vector<std::string>& args) {
    RunResult best = run(args);
    for (int i = 1; i < 3 && best.status == 0; ++i) {
      const RunResult again = run(args);
      if (again.status != 0 || again.seconds < best.seconds) best = again;
    }
    return best;
  };
  const RunResult ours = best_of_three({REHEARSE_BENCH_PROGRAM, "replay", csv.string(), "--scheduler", "fsrs"});
  if (ours.status != 0) {
    fmt::print("  `rehearse replay` failed or is not available (exit {}); skipped\n", ours.status);
    return;
  }
  report(fmt::format("rehearse replay, {} reviews", reviews), ours.seconds, "s", quick ? "" : "< 2 s",
         quick ? std::optional<bool>() : ours.seconds < 2.0);
  const fs::path reference = source_dir / "tools" / "fsrs-reference";
  fs::path script;
  for (const char* name : {"replay.mjs", "replay.js"})
    if (fs::exists(reference / name)) script = reference / name;
  if (script.empty() || !fs::exists(reference / "node_modules")) {
    fmt::print("  ts-fsrs reference not installed (npm ci --prefix {}); ratio skipped\n", reference.string());
    return;
  }
  const RunResult theirs = best_of_three({"node", script.string(), csv.string()});
  if (theirs.status != 0) {
    fmt::print("  ts-fsrs replay failed (exit {}); ratio skipped\n", theirs.status);
    return;
  }
  report("ts-fsrs replay of the same reviews (Node.js)", theirs.seconds, "s");
  report("speed-up over ts-fsrs", theirs.seconds / ours.seconds, "x", ">= 50x", theirs.seconds / ours.seconds >= 50);
}

// 2b. `rehearse optimize` on 12,000 reviews of a simulated learner, beside fsrs-rs's own optimizer
// (computeParameters of its napi binding, tools/fsrs-binding) on the same reviews.
void bench_optimize(const fs::path& work, const fs::path& source_dir) {
  fmt::print("\nFitting FSRS parameters to 12,000 reviews (best of 3 runs each)\n");
  tools::LearnerProfile profile;
  profile.days = 365;
  profile.seed = 12;
  auto reviews = tools::simulate_learner(profile);
  reviews.resize(std::min<size_t>(reviews.size(), 12'000));  // the first 12,000: a prefix in time order is a log too
  const fs::path csv = work / "optimize-12000.csv", items = work / "optimize-12000-items.json";
  std::ofstream(csv) << tools::to_revlog_csv(reviews);
  std::ofstream(items) << tools::to_fsrs_items_json(reviews);

  // The whole program: loading the plugins, reading the CSV, building the items, fitting, and
  // evaluating both parameter sets.
  RunResult ours = run({REHEARSE_BENCH_PROGRAM, "optimize", "--revlog", csv.string(), "--json"});
  for (int i = 1; i < 3 && ours.status == 0; ++i) {
    const RunResult again = run({REHEARSE_BENCH_PROGRAM, "optimize", "--revlog", csv.string(), "--json"});
    if (again.status != 0 || again.seconds < ours.seconds) ours = again;
  }
  if (ours.status != 0) {
    fmt::print("  `rehearse optimize` failed (exit {}); skipped\n", ours.status);
    return;
  }
  report("rehearse optimize, 12,000 reviews (the whole program)", ours.seconds * 1000, "ms", "< 300 ms", ours.seconds < 0.3);

  // fsrs-rs's time is its computeParameters call alone, as fit.mjs measures it in the process
  // (without starting Node.js or building its items).
  const fs::path binding = source_dir / "tools" / "fsrs-binding";
  if (!fs::exists(binding / "node_modules" / "@open-spaced-repetition" / "binding")) {
    fmt::print("  fsrs-rs's binding is not installed (npm install --prefix {}); comparison skipped\n", binding.string());
    return;
  }
  double theirs = 0;
  for (int i = 0; i < 3; ++i) {
    const fs::path out = work / "optimize-fsrs-rs.json";
    const RunResult result = run({"node", (binding / "fit.mjs").string(), items.string()}, "", out.string());
    if (result.status != 0) {
      fmt::print("  fsrs-rs's computeParameters failed (exit {}; it needs Node.js 20); comparison skipped\n", result.status);
      return;
    }
    std::ifstream in(out);
    const double seconds = nlohmann::json::parse(in)["fsrs_rs"]["seconds"].get<double>();
    theirs = i == 0 ? seconds : std::min(theirs, seconds);
  }
  report("fsrs-rs computeParameters, the same reviews (the call alone)", theirs * 1000, "ms");
  report("speed-up over fsrs-rs", theirs / ours.seconds, "x", "> 1x", theirs > ours.seconds);
}

// 3. Opening the collection and building today's queue.
std::map<std::int64_t, fs::path> bench_queue(const fs::path& work, const std::vector<std::int64_t>& sizes, std::int64_t now_ms,
                                             std::uint64_t seed) {
  fmt::print("\nOpening the collection and building today's queue (10,000 due)\n");
  std::map<std::int64_t, fs::path> collections;
  std::map<std::int64_t, double> warm_by_size;
  const bool can_drop = drop_page_cache();
  for (const std::int64_t n : sizes) {
    const fs::path path = work / fmt::format("collection-{}-seed{}.db", n, seed);
    if (!fs::exists(path)) {
      const auto start = SteadyClock::now();
      bench::generate_collection(path, {n, 100, std::min<std::int64_t>(10'000, n / 2), now_ms, seed});
      fmt::print("  (generated {} cards in {:.1f} s)\n", n, elapsed(start));
    }
    collections[n] = path;
    Clock clock(now_ms);
    auto open_and_queue = [&] {
      const auto start = SteadyClock::now();
      Collection collection(path, clock);
      const auto queue = collection.queue("", 0);
      const double seconds = elapsed(start);
      return std::make_pair(seconds, queue.review.size() + queue.learning.size() + queue.new_cards.size());
    };
    // The first opening of a day backs the collection up (VACUUM INTO), once a day as Anki does,
    // on a thread of its own: the opening is timed, and the backup until the collection closes.
    // The cold figure is an ordinary opening with the cache dropped.
    {
      fs::remove_all(backup_folder(path));  // a run earlier today would have made today's backup already
      const auto start = SteadyClock::now();
      double opened = 0;
      {
        Collection first(path, clock);
        const auto queue = first.queue("", 0);
        opened = elapsed(start);
      }
      report(fmt::format("first open + queue of the day, {} cards", n), opened * 1e3, "ms");
      report(fmt::format("its daily backup, in the background, {} cards", n), elapsed(start) * 1e3, "ms");
    }
    if (can_drop) {
      drop_page_cache();
      const auto [cold, count] = open_and_queue();
      report(fmt::format("cold open + queue, {} cards ({} in queue)", n, count), cold * 1e3, "ms", n == 1'000'000 ? "< 300 ms" : "",
             n == 1'000'000 ? std::optional<bool>(cold < 0.3) : std::nullopt);
    }
    std::vector<double> warm;
    for (int i = 0; i < 7; ++i) warm.push_back(open_and_queue().first);
    const double median = percentile(warm, 0.5);
    warm_by_size[n] = median;
    report(fmt::format("warm open + queue, {} cards", n), median * 1e3, "ms", n == 1'000'000 ? "< 50 ms" : "",
           n == 1'000'000 ? std::optional<bool>(median < 0.05) : std::nullopt);
  }
  if (warm_by_size.count(100'000) && warm_by_size.count(1'000'000)) {
    const double ratio = warm_by_size[1'000'000] / warm_by_size[100'000];
    report("queue cost, 1,000,000 vs 100,000 cards", ratio, "x", "<= 2x", ratio <= 2.0);
  }
  if (!can_drop) fmt::print("  (cold figures skipped: cannot drop the page cache without root)\n");
  return collections;
}

// 4. Answering a card: from rating to committed.
void bench_answers(const fs::path& collection_path, std::int64_t now_ms) {
  fmt::print("\nAnswering: latency from rating to committed (synchronous=FULL, WAL)\n");
  const fs::path copy = collection_path.parent_path() / "answers.db";
  remove_database(copy);  // and what an interrupted run left beside it
  fs::copy_file(collection_path, copy, fs::copy_options::overwrite_existing);
  const EngineConfig config = bench_config(copy, now_ms);
  Engine engine(config);
  engine.collection().set_config("reviews_per_day", "100000");
  auto session = engine.start_review();
  // The cards come from one reading of today's queue: session->next() builds the queue afresh each
  // time (another process may have answered), which is not what is measured here.
  const auto queue = engine.collection().queue("", 0);
  std::vector<std::int64_t> due = queue.review;
  due.insert(due.end(), queue.new_cards.begin(), queue.new_cards.end());
  std::vector<double> latencies;
  for (size_t i = 0; i < due.size() && i < 10'000; ++i) {
    auto card = engine.collection().card(due[i]);
    if (!card) continue;
    const auto start = SteadyClock::now();
    session->answer(*card, i % 10 == 0 ? Rating::again : Rating::good, {});
    latencies.push_back(elapsed(start) * 1e3);
  }
  report(fmt::format("answer p50 ({} answers)", latencies.size()), percentile(latencies, 0.5), "ms");
  const double p99 = percentile(latencies, 0.99);
  report("answer p99", p99, "ms", "< 5 ms", p99 < 5.0);
  remove_database(copy);
}

// 5. Import: a 100,000-card CSV and a 10,000-card Markdown deck, first and unchanged again.
void bench_import(const fs::path& work, bool quick) {
  fmt::print("\nImport\n");
  const long csv_cards = quick ? 10'000 : 100'000;
  const fs::path csv = work / fmt::format("cards-{}.csv", csv_cards);
  const fs::path markdown = work / "deck-10000.md";
  if (!fs::exists(csv)) {
    std::ofstream out(csv);
    out << "prompt,answer,key points,tags,deck\n";
    for (long i = 0; i < csv_cards; ++i)
      out << "\"What is idempotency, case " << i << "?\",\"Same effect when repeated, \"\"safely\"\".\",\"retry safe|idempotent\",backend,Deck "
          << i % 100 << "\n";
  }
  if (!fs::exists(markdown)) {
    std::ofstream out(markdown);
    out << "---\ndeck: Big Markdown deck\n---\n";
    for (int i = 0; i < 10'000; ++i)
      out << "## Q: Tell me about situation " << i << "\nthemes: incident\nanswer:\nStabilise, then fix the cause.\nkey points:\n- Stabilise | mitigate\n\n";
  }
  auto import_twice = [&](const fs::path& file, const std::string& label, const std::string& first_target, double first_limit,
                          const std::string& again_target, double again_limit) {
    const fs::path db = work / "import.db";
    remove_database(db);
    run({REHEARSE_BENCH_PROGRAM, "--collection", db.string(), "stats"});  // create it (with the bundled decks) first
    const RunResult first = run({REHEARSE_BENCH_PROGRAM, "--collection", db.string(), "import", file.string()});
    if (first.status != 0) {
      fmt::print("  import of {} failed (exit {}); skipped\n", file.filename().string(), first.status);
      return;
    }
    const RunResult again = run({REHEARSE_BENCH_PROGRAM, "--collection", db.string(), "import", file.string()});
    report(label + ", first import", first.seconds, "s", first_target, first_target.empty() ? std::nullopt : std::optional<bool>(first.seconds < first_limit));
    report(label + ", unchanged re-import", again.seconds, "s", again_target,
           again_target.empty() ? std::nullopt : std::optional<bool>(again.seconds < again_limit));
  };
  import_twice(csv, fmt::format("CSV, {} cards", csv_cards), quick ? "" : "< 3 s", 3.0, "", 0);
  import_twice(markdown, "Markdown, 10,000 cards", "", 0, "< 0.5 s", 0.5);
}

// 6. Start-up.
void bench_startup() {
  fmt::print("\nStart-up\n");
  for (const auto& args : std::vector<std::vector<std::string>>{{REHEARSE_BENCH_PROGRAM, "--version"}, {REHEARSE_BENCH_PROGRAM, "plugins"}}) {
    std::vector<double> times;
    for (int i = 0; i < 30; ++i) times.push_back(run(args).seconds * 1e3);
    const double median = percentile(times, 0.5);
    report(fmt::format("rehearse {} (median of 30)", args[1]), median, "ms", "< 30 ms", median < 30);
  }
}

std::string iso_utc(std::int64_t ms) {
  const std::time_t seconds = ms / 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

// 9. `rehearse simulate`: a year of a 10,000-card collection, in process (one simulation) and as
// the command runs it (that simulation and the eight of its retention table, plus start-up).
void bench_simulate(const fs::path& work, std::int64_t now_ms, std::uint64_t seed) {
  fmt::print("\nSimulating a year of 10,000 cards (FSRS)\n");
  const fs::path source = work / fmt::format("collection-10000-seed{}.db", seed);
  if (!fs::exists(source)) bench::generate_collection(source, {10'000, 100, 5'000, now_ms, seed});
  // A copy in a folder of its own, so that the backup its first opening makes goes with it.
  const fs::path folder = work / "simulate";
  fs::remove_all(folder);
  fs::create_directories(folder);
  const fs::path path = folder / "collection.db";
  fs::copy_file(source, path);
  const EngineConfig config = bench_config(path, now_ms);
  {
    Engine engine(config);
    engine.collection().set_config("scheduler", "fsrs");  // the generated states are FSRS's
    const Simulator simulator = Simulator::of_collection(engine);
    SimulationOptions options;
    options.days = 365;
    options.new_per_day = 10;
    std::vector<double> times;
    int reviews = 0;
    for (int round = 0; round < 3; ++round) {
      const auto start = SteadyClock::now();
      reviews = simulator.run(options).total_reviews();
      times.push_back(elapsed(start));
    }
    const double best = *std::min_element(times.begin(), times.end());
    report(fmt::format("simulate 365 days of 10,000 cards ({} reviews), best of 3", reviews), best, "s", "< 1 s", best < 1.0);
  }
  std::vector<double> times;
  for (int round = 0; round < 3; ++round)
    times.push_back(run({REHEARSE_BENCH_PROGRAM, "--collection", path.string(), "--plugin-path", REHEARSE_BENCH_PLUGIN_DIR, "--now",
                         iso_utc(now_ms), "simulate", "--days", "365", "--json"})
                        .seconds);
  report("`rehearse simulate --days 365` with its 8-retention table, best of 3", *std::min_element(times.begin(), times.end()), "s");
  fs::remove_all(folder);
}

// 7. Peak memory of a review session on the largest collection.
void bench_memory(const fs::path& collection_path, std::int64_t now_ms, std::int64_t cards) {
  fmt::print("\nMemory\n");
  const fs::path copy = collection_path.parent_path() / "memory.db";
  remove_database(copy);
  fs::copy_file(collection_path, copy, fs::copy_options::overwrite_existing);
  std::string session;
  for (int i = 0; i < 50; ++i) session += "\n3\n";
  session += "q\n";
  const RunResult measured =
      run({REHEARSE_BENCH_PROGRAM, "--collection", copy.string(), "--now", iso_utc(now_ms), "review", "--frontend", "cli"}, session);
  report(fmt::format("review session peak RSS, {} cards", cards), static_cast<double>(measured.max_rss_kib) / 1024.0, "MB",
         cards == 1'000'000 ? "< 100 MB" : "", cards == 1'000'000 ? std::optional<bool>(measured.max_rss_kib < 100 * 1024) : std::nullopt);
  remove_database(copy);
}

// 8. Scoring one answer: the default scorer chain (keypoints, star, technical), as a review runs it
// once the answer is revealed. A STAR answer to a bundled behavioural card (keypoints and star
// apply), and a design answer to a design question with key points (keypoints and technical
// apply; the bundled decks have no design question, so it comes from a deck written here).
const char* const kBenchStarAnswer =
    "Last spring our checkout service, about 3,000 requests per second at peak, started timing out during a flash sale, and roughly 18% of orders were failing.\n"
    "As the on-call lead I owned the mitigation, the updates to stakeholders and the root-cause fix.\n"
    "\n"
    "I rolled back the morning's release first, because the error graph lined up with it and a rollback was faster and safer than debugging a live system.\n"
    "When the errors did not drop, I used traces and the database dashboards to show that a new retry loop had doubled the connections and exhausted the pool.\n"
    "I considered failing over to the other region, but chose to cap the retries with a feature flag, since a failover would have cost us ten minutes of cold caches.\n"
    "I posted status updates in the incident channel every 20 minutes, so support and leadership knew what customers saw and when we expected a fix.\n"
    "After the peak I fixed the pool sizing, added a saturation alert and a runbook entry, and ran a blameless postmortem with three action items that we shipped within two weeks.\n"
    "\n"
    "Errors were back under 0.5% within 12 minutes, we lost about 40,000 dollars of orders instead of an evening's worth, and the MTTR for this alert fell from about 90 to 15 minutes.\n"
    "I learned to load test failure paths, not just steady state, and I now ask for a retry budget in every design review.\n";
const char* const kBenchDesignAnswer =
    "I would start with the requirements: create a short link for a long URL, redirect quickly, support custom aliases and expiry, and keep links working for years. Reads dominate, maybe 100 redirects for every new link.\n"
    "For scale, say 100 million new links a month: that is about 40 writes per second and 4,000 redirects per second on average, perhaps 20,000 at peak, and roughly 5 TB of data over five years at 500 bytes a row.\n"
    "The components are a stateless API service behind a load balancer, an ID generator that hands each node a range of counters, a key-value store such as DynamoDB or Cassandra for the mappings, and a Redis cache in front of it for hot links, with analytics events going to Kafka.\n"
    "The data model is one table keyed by the short code, holding the long URL, the owner, created_at and expires_at, plus a secondary index by owner for the dashboard.\n"
    "The bottleneck is the redirect path and a few viral links, so I would cache aggressively, put a CDN in front, and watch for hot keys; the ID generator must not be a single point of failure.\n"
    "The main tradeoff is base62 of a counter, which is short but guessable, versus a hash of the URL, which avoids coordination at the cost of handling collisions.\n";
const char* const kBenchDesignDeck =
    "---\ndeck: Bench system design\n---\n"
    "## Q: How would you design a URL shortener?\n"
    "id: url-shortener\n"
    "answer:\nRequirements and scale first, then the components, the data model, the bottlenecks and the tradeoffs.\n"
    "key points:\n"
    "- Clarify the requirements | functional requirements, read-heavy, custom aliases\n"
    "- Estimate the scale | writes per second, redirects per second, storage\n"
    "- Generate unique short codes | base62, counter, ID generator\n"
    "- Cache the hot redirects | cache, CDN, Redis, hot keys\n"
    "- Weigh the tradeoffs | tradeoff, collisions, guessable\n"
    "avoid:\n"
    "- Jumping to the database schema before the requirements\n";

void bench_scoring(const fs::path& work, const fs::path& source_dir, std::int64_t now_ms) {
  constexpr int kRounds = 500;
  fmt::print("\nScoring one answer with the default chain (keypoints, star, technical): median and best of {}\n", kRounds);
  const fs::path db = work / "scoring.db";
  remove_database(db);
  const EngineConfig config = bench_config(db, now_ms);
  Engine engine(config);
  engine.import_paths({source_dir / "decks" / "behavioral-questions.md"});
  engine.import_bytes("bench-design.md", kBenchDesignDeck);
  auto session = engine.start_review();
  const auto card_of = [&](const std::string& uid) -> std::optional<Card> {
    const auto cards = engine.collection().cards_with_uid(uid);
    if (cards.size() != 1) return std::nullopt;
    return cards.front();
  };
  const auto words = [](const std::string& text) { return AnswerText(text).spoken_word_count(); };
  struct Case {
    std::string label, uid, answer;
  };
  for (const Case& c : {Case{"STAR", "production-outage", kBenchStarAnswer}, Case{"design", "url-shortener", kBenchDesignAnswer}}) {
    const auto card = card_of(c.uid);
    if (!card) {
      fmt::print("  the card '{}' is not there; skipped\n", c.uid);
      continue;
    }
    const Attempt attempt{c.answer, 75, std::nullopt};
    const CombinedScore first = session->score(*card, attempt);
    if (!first.errors.empty() || first.parts.empty()) {
      fmt::print("  scoring the {} answer failed ({}); skipped\n", c.label, first.errors.empty() ? "no scorer applies" : first.errors.front());
      continue;
    }
    std::string chain;
    for (const auto& part : first.parts) chain += (chain.empty() ? "" : ", ") + part.scorer;
    fmt::print("  ({} answer to '{}': {} apply)\n", c.label, card->content.prompt, chain);
    for (int i = 0; i < 20; ++i) session->score(*card, attempt);  // warm the caches and the scorers' lazy tables
    std::vector<double> times;
    std::size_t parts = 0;
    for (int i = 0; i < kRounds; ++i) {
      const auto start = SteadyClock::now();
      const CombinedScore result = session->score(*card, attempt);
      times.push_back(elapsed(start) * 1e3);
      parts += result.parts.size();
    }
    if (parts != first.parts.size() * kRounds) fmt::print("  (some rounds of the {} answer ran fewer scorers)\n", c.label);
    const double median = percentile(times, 0.5);
    report(fmt::format("score one {} answer, {} words, median", c.label, words(c.answer)), median, "ms", "< 5 ms", median < 5.0);
    report(fmt::format("score one {} answer, best", c.label), *std::min_element(times.begin(), times.end()), "ms");
  }
  session.reset();
  remove_database(db);
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  std::string only;
  std::uint64_t seed = 42;
  fs::path work = fs::temp_directory_path() / "rehearse-bench";
  fs::path json_file;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--quick") quick = true;
    else if (arg == "--only" && i + 1 < argc) only = argv[++i];
    else if (arg == "--seed" && i + 1 < argc) seed = std::stoull(argv[++i]);
    else if (arg == "--work" && i + 1 < argc) work = argv[++i];
    else if (arg == "--json" && i + 1 < argc) json_file = argv[++i];
    else {
      fmt::print(stderr, "usage: rehearse_bench [--quick] [--only SECTION] [--seed N] [--work DIR] [--json FILE]\n");
      return 2;
    }
  }
  const std::vector<std::string> sections = {"scheduler", "replay", "optimize", "queue",  "answer",
                                              "import",    "startup", "memory",   "score", "simulate"};
  if (!only.empty() && std::find(sections.begin(), sections.end(), only) == sections.end()) {
    fmt::print(stderr, "rehearse_bench: no section '{}'; the sections are {}\n", only, fmt::join(sections, ", "));
    return 2;
  }
  const auto wanted = [&](const std::string& section) { return only.empty() || only == section; };
  quick_run = quick;
  fs::create_directories(work);
  const std::int64_t now_ms = *parse_iso8601("2026-06-01T09:00:00Z");

  fmt::print("rehearse {} benchmark ({} run), data in {}\n", version_string(), quick ? "quick" : "full", work.string());
  fmt::print("  {:<58} {:>12} {:<8} {:<12}\n", "figure", "value", "unit", "target");
  Registry registry;
  PluginHost host(registry);
  host.load_directory(REHEARSE_BENCH_PLUGIN_DIR);

  if (wanted("scheduler")) bench_schedulers(registry);
  if (wanted("replay")) bench_replay(work, REHEARSE_BENCH_SOURCE_DIR, quick);
  if (wanted("optimize")) bench_optimize(work, REHEARSE_BENCH_SOURCE_DIR);
  const std::int64_t answer_size = quick ? 10'000 : 100'000;
  std::vector<std::int64_t> sizes = quick ? std::vector<std::int64_t>{10'000, 100'000} : std::vector<std::int64_t>{10'000, 100'000, 1'000'000};
  if (only == "answer") sizes = {answer_size};
  if (only == "memory") sizes = {sizes.back()};
  if (wanted("queue") || wanted("answer") || wanted("memory")) {
    const auto collections = bench_queue(work, sizes, now_ms, seed);
    if (wanted("answer")) bench_answers(collections.at(answer_size), now_ms);
    if (wanted("memory")) bench_memory(collections.rbegin()->second, now_ms, collections.rbegin()->first);
  }
  if (wanted("import")) bench_import(work, quick);
  if (wanted("startup")) bench_startup();
  if (wanted("score")) bench_scoring(work, REHEARSE_BENCH_SOURCE_DIR, now_ms);
  if (wanted("simulate")) bench_simulate(work, now_ms, seed);

  if (!json_file.empty()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : figures) {
      nlohmann::json row = {{"name", f.name}, {"value", f.value}, {"unit", f.unit}, {"target", f.target}};
      if (f.met) row["met"] = *f.met;
      out.push_back(row);
    }
    std::ofstream(json_file) << out.dump(2) << "\n";
  }
  const long missed = std::count_if(figures.begin(), figures.end(), [](const Figure& f) { return f.met && !*f.met; });
  if (quick)
    fmt::print("\n{} figures; a quick run has no targets (tools/bench/run without --quick checks them)\n", figures.size());
  else
    fmt::print("\n{} figures, {} targets missed\n", figures.size(), missed);
  return 0;
}
