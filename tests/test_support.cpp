#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "rehearse/review_session.h"

namespace rehearse::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "rehearse-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) FAIL("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(const std::string& name, const std::string& content) const {
  const fs::path file = path_ / name;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << content;
  return file;
}

std::int64_t at(const std::string& iso) {
  auto ms = parse_iso8601(iso);
  REQUIRE(ms);
  return *ms;
}

SQLite::Database open_database(const fs::path& file, int flags) {
  return SQLite::Database(file, flags, /*busyTimeoutMs=*/10'000);
}

std::unique_ptr<Engine> make_engine(const TempDir& dir, const std::string& now, std::vector<fs::path> extra_plugin_dirs) {
  EngineConfig config;
  config.collection = dir / "collection.db";
  config.load_default_plugin_dirs = false;
  config.plugin_dirs.emplace_back(REHEARSE_TEST_PLUGIN_DIR);
  for (auto& extra : extra_plugin_dirs) config.plugin_dirs.push_back(std::move(extra));
  config.now_ms = at(now);
  return std::make_unique<Engine>(config);
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

ProgramResult Program::run(std::vector<std::string> args, const std::string& input) const {
  args.insert(args.begin(), {"--collection", collection, "--now", now});
  return run_program(args, input);
}

nlohmann::json Program::run_json(std::vector<std::string> args) const {
  args.push_back("--json");
  const auto result = run(std::move(args));
  INFO(result.err);
  REQUIRE(result.status == 0);
  return nlohmann::json::parse(result.out);
}

ProgramResult run_program(const std::vector<std::string>& args, const std::string& input, const std::vector<std::string>& env) {
  TempDir io;
  const fs::path in = io.write("stdin", input), out = io / "stdout", err = io / "stderr";
  const pid_t pid = fork();
  if (pid == 0) {
    if (!freopen(in.c_str(), "r", stdin) || !freopen(out.c_str(), "w", stdout) || !freopen(err.c_str(), "w", stderr)) _exit(127);
    // Without --collection the program uses the default collection: one in the throwaway folder,
    // never the collection of the user running the tests.
    setenv("XDG_DATA_HOME", io.path().c_str(), 1);
    unsetenv("REHEARSE_COLLECTION");
    for (const auto& assignment : env) putenv(const_cast<char*>(assignment.c_str()));
    std::vector<char*> argv{const_cast<char*>(REHEARSE_TEST_PROGRAM)};
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(REHEARSE_TEST_PROGRAM, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), read_text(out), read_text(err)};
}

ScoreResult score_with(const Engine& engine, const std::string& scorer, const CardContent& card, const std::string& answer,
                       double seconds) {
  const Scorer* component = engine.registry().scorer(scorer);
  REQUIRE(component != nullptr);
  const CombinedScore combined = score_answer(engine, {component}, card, Attempt{answer, seconds, {}}, false);
  INFO(fmt::format("scoring errors: {}", combined.errors.empty() ? "none" : combined.errors.front()));
  REQUIRE(combined.errors.empty());
  REQUIRE(combined.parts.size() == 1);
  REQUIRE(combined.parts.front().score.has_value());
  return combined.parts.front();
}

const Finding& finding(const ScoreResult& result, std::string_view criterion) {
  for (const auto& f : result.findings)
    if (f.criterion == criterion) return f;
  FAIL(fmt::format("no finding named '{}'", criterion));
  throw std::logic_error("unreachable");
}

}  // namespace rehearse::test
