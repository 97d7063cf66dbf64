// rehearse-crash-test: kills `rehearse` (SIGKILL) at random moments of scripted review sessions
// and imports, and checks after each kill what a user relies on:
//   - the collection passes SQLite's integrity check, and so does every backup beside it;
//   - every answer the session had confirmed ("Saved: ...") is in the review log, and at most one
//     more (committed, its confirmation not yet written);
//   - an import is wholly there or wholly absent: a new deck has all its cards or none, and a
//     re-imported deck has every card of the old file or every card of the new one;
//   - `rehearse check` finds nothing to repair, and the program goes on working.
//
//   rehearse-crash-test --program build/bin/rehearse [--kills 300] [--seed N] [--dir DIR]
#include <fmt/format.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <stdexcept>

#include "child_process.h"
#include "rehearse/maintenance.h"
#include "session.h"

namespace fs = std::filesystem;
using namespace rehearse::harness;
using std::chrono::duration;
using std::chrono::microseconds;

namespace {

struct Settings {
  std::string program;
  int kills = 300;
  std::uint64_t seed = std::random_device{}();
  fs::path dir;
  int big_deck_cards = 2000;  // the deck re-imported whole
  int new_deck_cards = 150;   // each new deck imported
  int session_cards = 40;     // answers a review session gives
};

class Failure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

class CrashTest {
 public:
  explicit CrashTest(Settings settings) : s_(std::move(settings)), rng_(s_.seed), audit_(s_.dir / "collection.db") {}

  int run() {
    fmt::print("crash test: seed {}, {} kills, in {}\n", s_.seed, s_.kills, s_.dir.string());
    set_up();
    int attempts = 0;
    while (kills_ < s_.kills) {
      if (++attempts > s_.kills * 4) throw Failure("the program finished before almost every kill; nothing was tested");
      ++day_;
      const int scenario = std::uniform_int_distribution<int>(0, 9)(rng_);
      if (scenario < 5)
        review(true);
      else if (scenario < 8)
        reimport(true);
      else
        import_new_deck(true);
      check_backups();
      if (kills_ % 25 == 0 && last_checked_ != kills_) {
        check_command();
        last_checked_ = kills_;
      }
    }
    check_command();
    review(false);  // and it still works
    fmt::print("crash test passed: {} kills survived ({} in review sessions, {} in imports), {} runs finished before their kill;\n"
               "  {} confirmed answers all found in the review log; imports: {} committed, {} absent, none partial;\n"
               "  {} backups checked intact\n",
               kills_, review_kills_, import_kills_, finished_, confirmed_total_, imports_committed_, imports_absent_,
               checked_backups_.size());
    return 0;
  }

 private:
  std::vector<std::string> command(std::vector<std::string> args) const {
    args.insert(args.begin(), {s_.program, "--collection", (s_.dir / "collection.db").string(), "--now", day_time(day_)});
    return args;
  }

  ChildResult run_clean(std::vector<std::string> args, const std::string& input = "") {
    ChildResult result = run_child(command(std::move(args)), input);
    if (result.status != 0 || !messages_in(result.err).empty())
      throw Failure(fmt::format("`{}` failed (status {}):\n{}", fmt::join(command({}), " "), result.status, result.err));
    return result;
  }

  // Runs with a kill at a random moment within `expected` (plus a fifth, so some runs finish).
  ChildResult run_killed(std::vector<std::string> args, const std::string& input, duration<double> expected) {
    const auto delay = microseconds(static_cast<long long>(
        std::uniform_real_distribution<double>(0, expected.count() * 1.2)(rng_) * 1e6));
    ChildResult result = run_child(command(std::move(args)), input, delay);
    if (result.killed) {
      ++kills_;
    } else {
      ++finished_;
      if (result.status != 0) throw Failure(fmt::format("a run that was not killed failed (status {}):\n{}", result.status, result.err));
    }
    // Whatever it wrote to standard error before it died is an error a user would have seen.
    if (!messages_in(result.err).empty()) throw Failure(fmt::format("the program reported an error:\n{}", result.err));
    check_integrity();
    return result;
  }

  void set_up() {
    fs::create_directories(s_.dir);
    run_clean({"config", "set", "new_per_day", "100000"});
    run_clean({"config", "set", "reviews_per_day", "1000000"});
    write_file(s_.dir / "review.md", markdown_deck("Crash review", 300, "1"));
    run_clean({"import", (s_.dir / "review.md").string()});
    write_file(s_.dir / "big.md", markdown_deck("Crash import", s_.big_deck_cards, "v0"));
    run_clean({"import", (s_.dir / "big.md").string()});
    committed_version_ = "v0";

    // One run of each, not killed, tells how long they take.
    ++day_;
    review_time_ = review(false);
    ++day_;
    import_time_ = reimport(false);
    ++day_;
    new_deck_time_ = import_new_deck(false);
    fmt::print("  a review session takes {:.2f} s, a re-import of {} cards {:.2f} s, a new deck of {} cards {:.2f} s\n",
               review_time_.count(), s_.big_deck_cards, import_time_.count(), s_.new_deck_cards, new_deck_time_.count());
  }

  duration<double> review(bool kill) {
    const int before = audit_.reviews();
    const std::string script = session_script(s_.session_cards, 1 + day_ % 4);
    const ChildResult result = kill ? run_killed({"review", "--frontend", "cli"}, script, review_time_)
                                    : run_clean({"review", "--frontend", "cli"}, script);
    if (kill && result.killed) ++review_kills_;
    const std::vector<std::string> confirmed = confirmed_prompts(result.out);
    const int added = audit_.reviews() - before;
    const int unconfirmed = result.killed ? 1 : 0;  // committed, its "Saved:" not yet written
    if (added < static_cast<int>(confirmed.size()) || added > static_cast<int>(confirmed.size()) + unconfirmed)
      throw Failure(fmt::format("the session confirmed {} answers but the review log grew by {}", confirmed.size(), added));
    if (!kill && static_cast<int>(confirmed.size()) != s_.session_cards)
      throw Failure(fmt::format("a whole session confirmed {} answers of {}:\n{}", confirmed.size(), s_.session_cards, result.out));
    auto logged = audit_.answered_at(day_time_ms(day_));
    for (const auto& prompt : confirmed)
      if (logged[prompt]-- <= 0) throw Failure(fmt::format("the confirmed answer to \"{}\" is not in the review log", prompt));
    if (auto broken = audit_.broken_chains(); !broken.empty()) throw Failure("review log out of step: " + broken.front());
    confirmed_total_ += static_cast<int>(confirmed.size());
    return result.elapsed;
  }

  duration<double> reimport(bool kill) {
    const std::string version = fmt::format("v{}", day_);
    write_file(s_.dir / "big.md", markdown_deck("Crash import", s_.big_deck_cards, version));
    const std::vector<std::string> args = {"import", (s_.dir / "big.md").string()};
    const ChildResult result = kill ? run_killed(args, "", import_time_) : run_clean(args);
    if (kill && result.killed) ++import_kills_;
    const auto versions = audit_.versions_in_deck("Crash import");
    if (versions.size() != 1)
      throw Failure(fmt::format("a re-import was left half done: the deck has cards of {} versions", versions.size()));
    // "version v12." -> "v12"
    const std::string found = versions.front().substr(8, versions.front().find('.') - 8);
    if (found == version) {
      ++imports_committed_;
      committed_version_ = version;
    } else if (found == committed_version_ && result.killed) {
      ++imports_absent_;
    } else {
      throw Failure(fmt::format("after importing {} the deck has {} (before: {})", version, versions.front(), committed_version_));
    }
    if (audit_.cards_in_deck("Crash import") != s_.big_deck_cards) throw Failure("the re-imported deck lost or gained cards");
    return result.elapsed;
  }

  duration<double> import_new_deck(bool kill) {
    const std::string deck = fmt::format("Crash new {}", day_);
    const fs::path file = s_.dir / fmt::format("new-{}.md", day_);
    write_file(file, markdown_deck(deck, s_.new_deck_cards, "1"));
    const ChildResult result = kill ? run_killed({"import", file.string()}, "", new_deck_time_) : run_clean({"import", file.string()});
    if (kill && result.killed) ++import_kills_;
    const int cards = audit_.cards_in_deck(deck);
    if (cards == s_.new_deck_cards)
      ++imports_committed_;
    else if (cards == 0 && result.killed)
      ++imports_absent_;
    else
      throw Failure(fmt::format("the new deck '{}' has {} of its {} cards", deck, cards, s_.new_deck_cards));
    fs::remove(file);
    return result.elapsed;
  }

  void check_integrity() {
    if (auto problems = audit_.integrity(); !problems.empty())
      throw Failure(fmt::format("the integrity check failed after a kill: {}", problems.front()));
  }

  // Every backup is whole: a backup killed half way leaves only its temporary file, which the next
  // backup removes.
  void check_backups() {
    const fs::path folder = rehearse::backup_folder(s_.dir / "collection.db");
    std::set<std::string> partial;  // by the process that wrote them
    for (const auto& entry : fs::directory_iterator(folder)) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with(".")) {
        if (const auto mark = name.find(".partial-"); mark != std::string::npos)
          partial.insert(name.substr(mark + 9, name.find_first_not_of("0123456789", mark + 9) - (mark + 9)));
        continue;
      }
      if (checked_backups_.count(name)) continue;
      if (auto problem = rehearse::collection_file_problem(entry.path()); !problem.empty())
        throw Failure(fmt::format("backup {}: {}", name, problem));
      checked_backups_.insert(name);
    }
    if (partial.size() > 1) throw Failure(fmt::format("temporary backup files of {} processes pile up in {}", partial.size(), folder.string()));
  }

  void check_command() {
    const ChildResult result = run_clean({"check", "--json"});
    if (result.out.find("\"findings\": []") == std::string::npos)
      throw Failure("`rehearse check` found inconsistencies:\n" + result.out);
  }

  Settings s_;
  std::mt19937_64 rng_;
  CollectionAudit audit_;
  int day_ = 0;
  duration<double> review_time_{}, import_time_{}, new_deck_time_{};
  std::string committed_version_;
  int kills_ = 0, review_kills_ = 0, import_kills_ = 0, finished_ = 0, last_checked_ = -1;
  int confirmed_total_ = 0, imports_committed_ = 0, imports_absent_ = 0;
  std::set<std::string> checked_backups_;
};

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  bool keep = false;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      auto value = [&]() -> std::string {
        if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
        return argv[++i];
      };
      if (arg == "--program") settings.program = value();
      else if (arg == "--kills") settings.kills = std::stoi(value());
      else if (arg == "--seed") settings.seed = std::stoull(value());
      else if (arg == "--dir") settings.dir = value(), keep = true;
      else if (arg == "--big-deck") settings.big_deck_cards = std::stoi(value());
      else throw std::invalid_argument("unknown argument " + arg);
    }
    if (settings.program.empty()) throw std::invalid_argument("--program PATH is required");
  } catch (const std::exception& e) {
    std::cerr << "rehearse-crash-test: " << e.what()
              << "\nusage: rehearse-crash-test --program PATH [--kills N] [--seed N] [--dir DIR] [--big-deck CARDS]\n";
    return 2;
  }
  if (settings.dir.empty()) {
    std::string pattern = (fs::temp_directory_path() / "rehearse-crash-XXXXXX").string();
    if (!mkdtemp(pattern.data())) return 2;
    settings.dir = pattern;
  }
  const fs::path dir = settings.dir;
  const auto seed = settings.seed;
  try {
    const int status = CrashTest(std::move(settings)).run();
    if (!keep) fs::remove_all(dir);
    return status;
  } catch (const std::exception& e) {
    std::cerr << "rehearse-crash-test: FAILED (seed " << seed << "; the collection is kept in " << dir.string() << "): " << e.what() << "\n";
    return 1;
  }
}
