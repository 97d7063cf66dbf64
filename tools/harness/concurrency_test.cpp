// rehearse-concurrency-test: several `rehearse review` sessions answer cards of one collection at
// the same moment, while an import rewrites a large deck, round after round. Afterwards:
//   - no session saw an error other than the note that a card was answered elsewhere (never
//     "database is locked"), and every session ended normally;
//   - every answer a session confirmed is in the review log, and nothing else is (no lost update);
//   - every card's review log chains, each answer starting from the state the previous one left,
//     so no card was answered twice from the same state.
//
//   rehearse-concurrency-test --program build/bin/rehearse [--processes 2] [--rounds 20] [--seed N]
#include <fmt/format.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "child_process.h"
#include "session.h"

namespace fs = std::filesystem;
using namespace rehearse::harness;

namespace {

// What the cli says when another process answered the card it showed; the session goes on.
constexpr const char* kAnsweredElsewhere = "was answered elsewhere";

struct Settings {
  std::string program;
  int processes = 2;
  int rounds = 20;
  int session_cards = 60;
  std::uint64_t seed = std::random_device{}();
  fs::path dir;
};

void write_file(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

int run(const Settings& s) {
  fmt::print("concurrency test: {} review sessions at once and an import, {} rounds, seed {}, in {}\n", s.processes, s.rounds,
             s.seed, s.dir.string());
  const fs::path collection = s.dir / "collection.db";
  CollectionAudit audit(collection);
  auto command = [&](int day, std::vector<std::string> args) {
    args.insert(args.begin(), {s.program, "--collection", collection.string(), "--now", day_time(day)});
    return args;
  };
  auto run_clean = [&](std::vector<std::string> args) {
    const ChildResult result = run_child(command(0, args), "");
    if (result.status != 0 || !messages_in(result.err).empty()) throw std::runtime_error(fmt::format("set-up failed: {}", result.err));
  };
  run_clean({"config", "set", "new_per_day", "100000"});
  run_clean({"config", "set", "reviews_per_day", "1000000"});
  write_file(s.dir / "review.md", markdown_deck("Concurrent review", 400, "1"));
  run_clean({"import", (s.dir / "review.md").string()});

  std::mt19937_64 rng(s.seed);
  int confirmed_total = 0, conflicts = 0, imports = 0;
  for (int round = 1; round <= s.rounds; ++round) {
    const int before = audit.reviews();
    // Each round the import changes every card of a large deck in one long write transaction.
    write_file(s.dir / "big.md", markdown_deck("Concurrent import", 1500, fmt::format("v{}", round)));
    std::vector<std::unique_ptr<Child>> sessions;
    for (int p = 0; p < s.processes; ++p) {
      const int first_rating = std::uniform_int_distribution<int>(1, 4)(rng);
      sessions.push_back(std::make_unique<Child>(command(round, {"review", "--frontend", "cli"}), session_script(s.session_cards, first_rating)));
    }
    Child import(command(round, {"import", (s.dir / "big.md").string()}), "");

    // Each child is pumped by a thread of its own, so that all run at once.
    std::vector<ChildResult> results(sessions.size());
    ChildResult imported;
    {
      std::vector<std::jthread> pumps;
      for (size_t p = 0; p < sessions.size(); ++p) pumps.emplace_back([&, p] { results[p] = sessions[p]->finish(); });
      pumps.emplace_back([&] { imported = import.finish(); });
    }
    int confirmed = 0;
    std::map<std::string, int> prompts;
    for (const ChildResult& result : results) {
      std::istringstream errors(messages_in(result.err));
      for (std::string line; std::getline(errors, line);) {
        if (line.find(kAnsweredElsewhere) != std::string::npos)
          ++conflicts;
        else
          throw std::runtime_error(fmt::format("round {}: a session reported: {}", round, line));
      }
      if (result.status != 0) throw std::runtime_error(fmt::format("round {}: a session ended with status {}", round, result.status));
      for (const auto& prompt : confirmed_prompts(result.out)) {
        ++prompts[prompt];
        ++confirmed;
      }
    }
    if (imported.status != 0 || !messages_in(imported.err).empty())
      throw std::runtime_error(fmt::format("round {}: the import failed: {}", round, imported.err));
    ++imports;

    const int added = audit.reviews() - before;
    if (added != confirmed)
      throw std::runtime_error(fmt::format("round {}: the sessions confirmed {} answers, the review log grew by {}", round, confirmed, added));
    auto logged = audit.answered_at(day_time_ms(round));
    for (const auto& [prompt, count] : prompts)
      if (logged[prompt] != count)
        throw std::runtime_error(fmt::format("round {}: \"{}\" confirmed {} times, logged {}", round, prompt, count, logged[prompt]));
    if (auto broken = audit.broken_chains(); !broken.empty())
      throw std::runtime_error(fmt::format("round {}: {}", round, broken.front()));
    if (auto problems = audit.integrity(); !problems.empty()) throw std::runtime_error(problems.front());
    if (audit.versions_in_deck("Concurrent import").size() != 1) throw std::runtime_error("the import was left half done");
    confirmed_total += confirmed;
  }
  fmt::print("concurrency test passed: {} rounds, {} answers confirmed and logged, {} cards answered elsewhere first "
             "(refused, the session went on), {} imports alongside, no lock error\n",
             s.rounds, confirmed_total, conflicts, imports);
  return 0;
}

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
      else if (arg == "--processes") settings.processes = std::stoi(value());
      else if (arg == "--rounds") settings.rounds = std::stoi(value());
      else if (arg == "--seed") settings.seed = std::stoull(value());
      else if (arg == "--dir") settings.dir = value(), keep = true;
      else throw std::invalid_argument("unknown argument " + arg);
    }
    if (settings.program.empty()) throw std::invalid_argument("--program PATH is required");
  } catch (const std::exception& e) {
    std::cerr << "rehearse-concurrency-test: " << e.what()
              << "\nusage: rehearse-concurrency-test --program PATH [--processes N] [--rounds N] [--seed N] [--dir DIR]\n";
    return 2;
  }
  if (settings.dir.empty()) {
    std::string pattern = (fs::temp_directory_path() / "rehearse-concurrency-XXXXXX").string();
    if (!mkdtemp(pattern.data())) return 2;
    settings.dir = pattern;
  }
  fs::create_directories(settings.dir);
  try {
    const int status = run(settings);
    if (!keep) fs::remove_all(settings.dir);
    return status;
  } catch (const std::exception& e) {
    std::cerr << "rehearse-concurrency-test: FAILED (seed " << settings.seed << "; the collection is kept in "
              << settings.dir.string() << "): " << e.what() << "\n";
    return 1;
  }
}
