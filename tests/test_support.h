// Shared helpers for the test suite: temporary folders, engines on throwaway collections, and
// running the real `rehearse` program.
#pragma once

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rehearse/engine.h"
#include "rehearse/scorer.h"

namespace rehearse::test {

// A fresh folder under /tmp, removed with everything in it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Writes `content` to `name` inside the folder and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

// Unix ms of an ISO 8601 time (UTC when the test environment sets TZ=UTC); fails the test if bad.
std::int64_t at(const std::string& iso);

// A connection of the test's own to a collection file, waiting for locks as the engine's own
// connections do. Opening an engine on an existing collection starts the day's backup on a thread
// of its own, and while that thread's connection closes it briefly holds a lock that makes a new
// connection without a busy timeout fail with "database is locked".
SQLite::Database open_database(const std::filesystem::path& file, int flags = SQLite::OPEN_READONLY);

// An engine with the built plugins on a collection in `dir`, with "now" fixed at `now`.
std::unique_ptr<Engine> make_engine(const TempDir& dir, const std::string& now = "2026-01-10T09:00:00Z",
                                    std::vector<std::filesystem::path> extra_plugin_dirs = {});

struct ProgramResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs the built `rehearse` with `args`, feeding `input` on standard input.
ProgramResult run_program(const std::vector<std::string>& args, const std::string& input = "",
                          const std::vector<std::string>& env = {});

// The built `rehearse` on a collection of its own in a fresh folder, at a fixed time: each run
// gets `--collection` and `--now`.
struct Program {
  TempDir dir;
  std::string collection = (dir / "collection.db").string();
  std::string now = "2026-03-02T08:00:00Z";

  ProgramResult run(std::vector<std::string> args, const std::string& input = "") const;
  // Runs with --json, requires exit status 0, and parses what it printed.
  nlohmann::json run_json(std::vector<std::string> args) const;
};

std::string read_text(const std::filesystem::path& path);

// Scores `answer` to `card` with the one scorer named `scorer`, through the engine as a review
// does; fails the test when the scorer is not loaded, fails, or gives no score.
ScoreResult score_with(const Engine& engine, const std::string& scorer, const CardContent& card, const std::string& answer,
                       double seconds = 0);

// The finding named `criterion`; fails the test when there is none.
const Finding& finding(const ScoreResult& result, std::string_view criterion);

}  // namespace rehearse::test
