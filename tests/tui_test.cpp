// The full-screen front end, driven as a user drives it: `rehearse review --frontend tui` runs in
// a detached tmux session of a real size; the test types keys, reads the screen, and then checks
// the collection. Every wait polls the screen until the expected text shows, or fails with the
// last screen after a generous timeout.
#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <regex>
#include <sstream>
#include <thread>

#include "rehearse/errors.h"
#include "test_support.h"

using namespace rehearse;
namespace fs = std::filesystem;

namespace {

constexpr auto kPatience = std::chrono::seconds(30);
const std::string kNow = "2026-01-10T09:00:00Z";

// Runs a program found on PATH and returns what it wrote to standard output.
std::string run_tool(const std::vector<std::string>& args) {
  int out[2];
  REQUIRE(pipe(out) == 0);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  INFO(args[0] << " " << args[1] << " ...");
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  return text;
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }

// One program in a tmux window of its own server (its socket is in `dir`, so tests running at
// the same time do not meet). When the program ends, the shell around it prints the terminal's
// modes and then the program's exit status, and the pane stays for the test to read.
class TmuxSession {
 public:
  TmuxSession(const test::TempDir& dir, const std::vector<std::string>& rehearse_args, const std::vector<std::string>& env = {},
              int width = 80, int height = 24)
      : socket_((dir / "tmux.sock").string()) {
    const fs::path config = dir.write("tmux.conf",
                                      "set -g default-terminal screen-256color\n"
                                      "set -g status off\n"
                                      "set -g remain-on-exit on\n");
    std::string command = "env LANG=C.UTF-8 LC_ALL=C.UTF-8";
    for (const auto& assignment : env) command += " " + quoted(assignment);
    command += " " + quoted(REHEARSE_TEST_PROGRAM);
    for (const auto& arg : rehearse_args) command += " " + quoted(arg);
    command += "; status=$?; stty -a; echo \"[exited with status $status]\"";
    tmux({"-f", config.string(), "new-session", "-d", "-s", "review", "-x", std::to_string(width), "-y", std::to_string(height),
          command});
  }

  ~TmuxSession() {
    const pid_t pid = fork();
    if (pid == 0) {
      freopen("/dev/null", "w", stderr);  // the server is gone already when the program ended
      execlp("tmux", "tmux", "-S", socket_.c_str(), "kill-server", static_cast<char*>(nullptr));
      _exit(127);
    }
    waitpid(pid, nullptr, 0);
  }

  std::string tmux(std::vector<std::string> args) const {
    args.insert(args.begin(), {"tmux", "-u", "-S", socket_});
    return run_tool(args);
  }

  // Keys by tmux's names: "Tab", "Enter", "C-d", "BSpace", "Left", "NPage".
  void keys(const std::vector<std::string>& names) const {
    std::vector<std::string> args = {"send-keys", "-t", "review"};
    args.insert(args.end(), names.begin(), names.end());
    tmux(args);
  }

  void type(const std::string& text) const { tmux({"send-keys", "-t", "review", "-l", text}); }

  // The screen as text; with `attributes`, with the escape sequences for colours and bold.
  std::string screen(bool attributes = false) const {
    std::vector<std::string> args = {"capture-pane", "-p", "-J", "-t", "review"};
    if (attributes) args.push_back("-e");
    return tmux(args);
  }

  // Everything the pane showed on its main screen, scrolled-off lines too: what the program
  // printed after it left the full screen, and the shell's lines after that.
  std::string transcript() const { return tmux({"capture-pane", "-p", "-J", "-S", "-", "-t", "review"}); }

  std::string format(const std::string& format) const {
    std::string value = tmux({"display-message", "-p", "-t", "review", format});
    while (!value.empty() && value.back() == '\n') value.pop_back();
    return value;
  }

  // Polls until the screen contains `text`; returns that screen.
  std::string wait_for(const std::string& text) const {
    return wait_until([&](const std::string& s) { return s.find(text) != std::string::npos; }, "'" + text + "'");
  }

  // Waits for every one of `texts` at once: a frame reaches tmux in pieces, so one text of it on
  // the screen does not mean the rest of the frame has arrived.
  std::string wait_for_all(const std::vector<std::string>& texts) const {
    std::string what;
    for (const auto& text : texts) what += (what.empty() ? "'" : ", '") + text + "'";
    return wait_until(
        [&](const std::string& s) {
          return std::all_of(texts.begin(), texts.end(), [&](const std::string& text) { return s.find(text) != std::string::npos; });
        },
        what);
  }

  template <typename Predicate>
  std::string wait_until(Predicate ready, const std::string& what) const {
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    std::string last;
    while (std::chrono::steady_clock::now() < deadline) {
      const std::string now = screen();
      // Ready, and the same on two looks in a row: a frame that was still arriving has landed.
      if (ready(now) && now == last) return now;
      last = now;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling, not timing
    }
    FAIL("the screen never showed " << what << "; it shows:\n" << last);
    return last;
  }

  void resize(int width, int height) const {
    tmux({"resize-window", "-t", "review", "-x", std::to_string(width), "-y", std::to_string(height)});
  }

  // The rehearse process: the child of the shell that tmux started.
  pid_t program_pid() const {
    const std::string shell = format("#{pane_pid}");
    const std::string children = test::read_text(fmt::format("/proc/{0}/task/{0}/children", shell));
    const pid_t pid = static_cast<pid_t>(std::atol(children.c_str()));
    REQUIRE(pid > 0);
    return pid;
  }

 private:
  std::string socket_;
};

// Columns of a line of narrow characters: its UTF-8 sequences.
std::size_t columns(const std::string& line) {
  return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::vector<std::string> screen_lines(const std::string& screen) {
  std::vector<std::string> lines;
  std::istringstream in(screen);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The terminal's modes as `stty -a` printed them after the program ended: canonical input, echo
// and signals on again means the program gave the terminal back.
void check_terminal_restored(const std::string& screen) {
  for (const char* mode : {"icanon", "echo", "isig"}) {
    INFO(screen);
    CHECK(std::regex_search(screen, std::regex(std::string("(^|[\\s;])") + mode + "([\\s;]|$)")));
  }
}

// A collection in `dir` with the deck `text` imported (and the bundled decks, as for a new user).
fs::path collection_with(const test::TempDir& dir, const std::string& text) {
  const fs::path db = dir / "collection.db";
  const fs::path deck = dir.write("deck.md", text);
  const auto result = test::run_program({"--collection", db.string(), "--now", kNow, "import", deck.string()});
  INFO(result.err);
  REQUIRE(result.status == 0);
  return db;
}

std::vector<std::string> review_args(const fs::path& db, const std::string& deck) {
  return {"--collection", db.string(), "--now", kNow, "review", "--frontend", "tui", "--deck", deck};
}

int reviews_total(const fs::path& db) {
  const auto result = test::run_program({"--collection", db.string(), "--now", kNow, "stats", "--json"});
  REQUIRE(result.status == 0);
  const std::smatch match = [&] {
    std::smatch m;
    std::regex_search(result.out, m, std::regex("\"reviews_total\": (\\d+)"));
    return m;
  }();
  REQUIRE(match.size() == 2);
  return std::stoi(match[1]);
}

const std::string kDeck = R"(---
deck: TUI test
---
## Q: Tell me about a time you handled a production outage
id: outage
themes: incident, reliability
answer:
Mitigate first, then find the root cause.
key points:
- Mitigate first | rollback
- Keep stakeholders updated
avoid:
- Blaming another team

## K: Idempotency
An operation that has the same effect when it is applied twice.
id: idempotency
)";

}  // namespace

TEST_CASE("tui: without a terminal it refuses with a clear message", "[tui]") {
  test::TempDir dir;
  const auto result = test::run_program({"--collection", (dir / "c.db").string(), "review", "--frontend", "tui"}, "3\n");
  CHECK(result.status != 0);
  CHECK_THAT(result.err, Catch::Contains("needs a terminal"));
  CHECK_THAT(result.err, Catch::Contains("--frontend cli"));
}

TEST_CASE("tui: a review at 80x24 - type, reveal, rate, undo, help, summary; every answer is saved", "[tui]") {
  test::TempDir dir;
  const fs::path db = collection_with(dir, kDeck);
  TmuxSession tmux(dir, review_args(db, "TUI test"));

  std::string screen = tmux.wait_for("Tell me about a time you handled a production outage");
  CHECK_THAT(screen, Catch::Contains("TUI test"));
  CHECK_THAT(screen, Catch::Contains("2 new"));
  CHECK_THAT(screen, Catch::Contains("Question"));
  CHECK_THAT(screen, Catch::Contains("target 1:00"));  // a behavioural question is timed
  CHECK_THAT(screen, Catch::Contains("Your answer"));
  CHECK_THAT(screen, Catch::Contains("Tab show answer"));
  CHECK(screen_lines(screen).size() == 24);
  tmux.wait_for("0:01");  // the timer runs

  tmux.type("We rolled back first");
  tmux.keys({"Enter"});
  tmux.type("then paged the database team");
  tmux.wait_for("then paged the database team");
  tmux.keys({"Tab"});
  screen = tmux.wait_for("Model answer");
  CHECK_THAT(screen, Catch::Contains("Mitigate first, then find the root cause."));
  CHECK_THAT(screen, Catch::Contains("Key points"));
  CHECK_THAT(screen, Catch::Contains("Keep stakeholders updated"));
  CHECK_THAT(screen, Catch::Contains("Blaming another team"));
  CHECK_THAT(screen, Catch::Contains("We rolled back first"));
  CHECK_THAT(screen, Catch::Contains("answered in 0:"));
  CHECK_THAT(screen, Catch::Contains("1 Again"));

  tmux.keys({"?"});
  tmux.wait_for("When the answer is shown");
  tmux.keys({"x"});
  tmux.wait_for("Model answer");

  tmux.keys({"4"});
  screen = tmux.wait_for("Idempotency");
  CHECK_THAT(screen, Catch::Contains("Saved: Easy"));
  CHECK_THAT(screen, Catch::Contains("Key point"));
  CHECK_THAT(screen, !Catch::Contains("target 1:00"));  // not a behavioural card
  CHECK(reviews_total(db) == 1);  // committed before the next card showed

  tmux.keys({"C-z"});  // undo while the answer box has the keys
  screen = tmux.wait_for("Took back your last answer");
  CHECK_THAT(screen, Catch::Contains("Tell me about a time you handled a production outage"));
  CHECK(reviews_total(db) == 0);

  tmux.keys({"Tab"});
  tmux.wait_for("(nothing typed)");
  tmux.keys({"Enter"});  // Good: the card is learning and comes back within the session
  tmux.wait_for("Idempotency");
  tmux.keys({"C-d"});
  tmux.wait_for("An operation that has the same effect");
  tmux.keys({"4"});
  screen = tmux.wait_for("Tell me about a time you handled a production outage");
  CHECK_THAT(screen, Catch::Contains("learning"));
  tmux.keys({"Tab"});
  tmux.wait_for("Model answer");
  tmux.keys({"3"});
  screen = tmux.wait_for("Session done");
  CHECK_THAT(screen, Catch::Contains("3 cards"));
  CHECK_THAT(screen, Catch::Contains("Again 0, Hard 0, Good 2, Easy 1"));
  CHECK_THAT(screen, !Catch::Contains("waiting"));  // no sync server: nothing about sync

  tmux.keys({"q"});
  tmux.wait_for("[exited with status 0]");
  screen = tmux.transcript();
  CHECK_THAT(screen, Catch::Contains("Session done: 3 cards"));
  check_terminal_restored(screen);
  CHECK(tmux.format("#{alternate_on}") == "0");

  CHECK(reviews_total(db) == 3);
  auto engine = test::make_engine(dir, kNow);
  const auto cards = engine->collection().find_cards("TUI test", "", 10);
  REQUIRE(cards.size() == 2);
  for (const Card& card : cards) {
    const auto log = engine->collection().review_log(card.id);
    if (card.content.uid == "outage") {
      REQUIRE(log.size() == 2);
      CHECK(log[0].rating == Rating::good);
      CHECK(log[1].rating == Rating::good);
    } else {
      REQUIRE(log.size() == 1);
      CHECK(log[0].rating == Rating::easy);
    }
    for (const auto& entry : log) CHECK(entry.taken_ms > 0);
  }
}

TEST_CASE("tui: UTF-8 text in cards and in the answer box, with cursor movement and backspace", "[tui]") {
  test::TempDir dir;
  const std::string cjk = "写穿缓存在写入时同时更新缓存和数据库，读取时总能命中最新的数据，代价是每次写入都更慢。";
  const fs::path db = collection_with(dir, "---\ndeck: Unicode\n---\n## Q: Qu'est-ce qu'un cache « write-through » ? 写穿缓存是什么\n"
                                           "answer:\n" + cjk + "\nkey points:\n- Cohérence immédiate | cohérent\n");
  TmuxSession tmux(dir, review_args(db, "Unicode"));
  tmux.wait_for("Qu'est-ce qu'un cache « write-through » ? 写穿缓存是什么");

  tmux.type("Réponse : 数据X");
  tmux.wait_for("Réponse : 数据X");
  tmux.keys({"BSpace"});
  tmux.type("一致");
  tmux.wait_for("Réponse : 数据一致");
  tmux.keys({"Home"});
  tmux.type("» ");
  tmux.keys({"End", "Left", "Left"});
  tmux.type("的");
  std::string screen = tmux.wait_for("» Réponse : 数据的一致");
  CHECK_THAT(screen, !Catch::Contains("数据X"));

  tmux.keys({"Tab"});
  screen = tmux.wait_for("Model answer");
  CHECK_THAT(screen, Catch::Contains("Cohérence immédiate"));
  // The answer is wider than the screen: its rows, put back together, are the whole sentence.
  const auto lines = screen_lines(screen);
  auto row = std::find_if(lines.begin(), lines.end(), [](const std::string& line) { return line.find("写穿缓存在") != std::string::npos; });
  std::string rows;
  for (; row != lines.end() && row->find_first_not_of(' ') != std::string::npos; ++row) rows += row->substr(row->find_first_not_of(' '));
  CHECK(rows == cjk);
  tmux.keys({"4"});
  tmux.wait_for("Session done");
  tmux.keys({"q"});
  tmux.wait_for("[exited with status 0]");
  CHECK(reviews_total(db) == 1);
}

TEST_CASE("tui: the screen follows the terminal from 80x24 to 60x20 and back, keeping the typed answer", "[tui]") {
  test::TempDir dir;
  const std::string prompt = "Walk me through how you would design a rate limiter for a public API";
  const fs::path db = collection_with(dir, "---\ndeck: Resize\n---\n## Q: " + prompt + "\nanswer:\nA token bucket per key.\n");
  TmuxSession tmux(dir, review_args(db, "Resize"));
  tmux.wait_for(prompt);
  tmux.type("token bucket");
  tmux.wait_for("token bucket");

  tmux.resize(60, 20);
  std::string screen = tmux.wait_until(
      [](const std::string& s) {
        const auto lines = screen_lines(s);
        return lines.size() == 20 && lines.back().find("Tab show answer") != std::string::npos;
      },
      "the key bar on row 20");
  CHECK_THAT(screen, !Catch::Contains(prompt));  // wrapped at 60 columns
  CHECK_THAT(screen, Catch::Contains("Walk me through how you would design a rate limiter for a"));
  CHECK_THAT(screen, Catch::Contains("token bucket"));
  for (const auto& line : screen_lines(screen)) CHECK(columns(line) <= 60);

  tmux.resize(80, 24);
  screen = tmux.wait_until(
      [&](const std::string& s) { return screen_lines(s).size() == 24 && s.find(prompt) != std::string::npos; },
      "the prompt on one row of 80 columns");
  CHECK_THAT(screen, Catch::Contains("token bucket"));
  tmux.type(" per key");
  tmux.wait_for("token bucket per key");
  tmux.keys({"Tab"});
  tmux.wait_for("A token bucket per key.");
  tmux.keys({"C-c"});
  screen = tmux.wait_for("[exited with status 0]");
  check_terminal_restored(screen);
  CHECK(reviews_total(db) == 0);
}

TEST_CASE("tui: a long answer scrolls", "[tui]") {
  test::TempDir dir;
  std::string answer;
  for (int i = 1; i <= 40; ++i) answer += fmt::format("- Step {} of the answer.\n", i);  // a list keeps its lines
  const fs::path db = collection_with(dir, "---\ndeck: Long\n---\n## Q: Explain the whole thing\nanswer:\n" + answer);
  TmuxSession tmux(dir, review_args(db, "Long"));
  tmux.wait_for("Explain the whole thing");
  tmux.keys({"Tab"});
  std::string screen = tmux.wait_for("Step 1 of the answer.");
  CHECK_THAT(screen, !Catch::Contains("Step 40 of the answer."));
  CHECK_THAT(screen, Catch::Contains("more: PgDn"));
  tmux.keys({"NPage"});
  screen = tmux.wait_for("Step 25 of the answer.");
  CHECK_THAT(screen, !Catch::Contains("Step 1 of the answer."));
  tmux.keys({"End"});
  screen = tmux.wait_for("Step 40 of the answer.");
  CHECK_THAT(screen, Catch::Contains("more: PgUp"));
  tmux.keys({"Home"});
  tmux.wait_for("Step 1 of the answer.");
  tmux.keys({"q"});
  tmux.wait_for("[exited with status 0]");
}

TEST_CASE("tui: NO_COLOR turns colour off, not the highlighting", "[tui]") {
  test::TempDir dir;
  const fs::path db = collection_with(dir, kDeck);
  const std::regex colour("\x1b\\[[0-9;]*(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)(;[0-9;]*)?m");
  const std::regex reverse("\x1b\\[[0-9;]*7[;m]");
  for (const bool no_color : {false, true}) {
    CAPTURE(no_color);
    test::TempDir run;
    TmuxSession tmux(run, review_args(db, "TUI test"), no_color ? std::vector<std::string>{"NO_COLOR=1"} : std::vector<std::string>{});
    tmux.wait_for("Tab show answer");
    const std::string screen = tmux.screen(true);
    CHECK(std::regex_search(screen, colour) == !no_color);
    if (no_color) CHECK(std::regex_search(screen, reverse));  // the bars still stand out
    tmux.keys({"C-q"});
    tmux.wait_for("[exited with status 0]");
  }
}

TEST_CASE("tui: engine errors show in the status row and the review goes on", "[tui]") {
  test::TempDir dir;
  const fs::path db = collection_with(dir, kDeck);
  const std::string broken = REHEARSE_TEST_BROKEN_PLUGIN_DIR;
  for (const auto& [key, value] : {std::pair{"scheduler", "throwing"}, std::pair{"scorers", "bad"}}) {
    const auto set = test::run_program({"--collection", db.string(), "--plugin-path", broken, "config", "set", key, value});
    INFO(set.err);
    REQUIRE(set.status == 0);
  }
  std::vector<std::string> args = review_args(db, "TUI test");
  args.insert(args.begin(), {"--plugin-path", broken});
  TmuxSession tmux(dir, args);
  tmux.wait_for("Tell me about a time you handled a production outage");
  tmux.type("We rolled back");
  tmux.keys({"Tab"});
  std::string screen = tmux.wait_for("Scoring failed");
  CHECK_THAT(screen, Catch::Contains("bad"));
  tmux.keys({"3"});
  screen = tmux.wait_for("Not saved");
  // The whole error shows: a long one wraps onto more status rows.
  CHECK_THAT(screen, Catch::Contains("plugin 'throwing-scheduler'"));
  CHECK_THAT(screen, Catch::Contains("interval"));
  CHECK_THAT(screen, Catch::Contains("Model answer"));  // the same card, still to rate
  tmux.keys({"q"});
  screen = tmux.wait_for("[exited with status 0]");
  check_terminal_restored(screen);
  CHECK(reviews_total(db) == 0);
}

TEST_CASE("tui: on a device with a sync server, the summary says how much waits for the next sync", "[tui][sync]") {
  test::TempDir dir;
  const fs::path db = collection_with(dir, kDeck);
  {
    auto engine = test::make_engine(dir, kNow);
    Collection& collection = engine->collection();
    // As `rehearse sync --enrol` leaves it; nothing is sent to the server during a review.
    collection.write([&] { collection.set_config("sync.server", "http://127.0.0.1:9"); });
  }
  TmuxSession tmux(dir, review_args(db, "TUI test"));
  tmux.wait_for("Tell me about a time you handled a production outage");
  tmux.keys({"Tab"});
  tmux.wait_for("Model answer");
  tmux.keys({"4"});
  tmux.wait_for("Idempotency");
  tmux.keys({"Tab"});
  tmux.wait_for("An operation that has the same effect");
  tmux.keys({"4"});
  const std::string screen = tmux.wait_for("Session done");

  auto engine = test::make_engine(dir, kNow);
  const SyncState sync = engine->collection().sync_state();
  CHECK(sync.waiting_reviews == 2);  // the two answers of this session
  CHECK_THAT(screen, Catch::Contains(fmt::format("Sync        {} waiting, not synced yet", sync.waiting_reviews + sync.waiting_cards + sync.waiting_settings)));
  tmux.keys({"q"});
  tmux.wait_for("[exited with status 0]");
}

TEST_CASE("tui: SIGTERM ends the review, gives the terminal back and keeps the answers", "[tui]") {
  test::TempDir dir;
  const fs::path db = collection_with(dir, kDeck);
  TmuxSession tmux(dir, review_args(db, "TUI test"));
  tmux.wait_for("Tell me about a time you handled a production outage");
  tmux.keys({"Tab"});
  tmux.wait_for("Model answer");
  tmux.keys({"4"});
  tmux.wait_for("Idempotency");
  REQUIRE(kill(tmux.program_pid(), SIGTERM) == 0);
  tmux.wait_for(fmt::format("[exited with status {}]", 128 + SIGTERM));
  const std::string screen = tmux.transcript();
  CHECK_THAT(screen, Catch::Contains("Session done: 1 card"));
  check_terminal_restored(screen);
  CHECK(tmux.format("#{alternate_on}") == "0");
  CHECK(reviews_total(db) == 1);
}

TEST_CASE("tui: the timer aims at the length the STAR scorer is set to judge by", "[tui]") {
  test::TempDir dir;
  const fs::path db = collection_with(dir, kDeck);
  REQUIRE(test::run_program({"--collection", db.string(), "config", "set", "scorer.star.target_seconds", "120"}).status == 0);
  TmuxSession tmux(dir, review_args(db, "TUI test"));
  const std::string screen = tmux.wait_for("Tell me about a time you handled a production outage");
  CHECK_THAT(screen, Catch::Contains("target 1:20"));
  CHECK_THAT(screen, Catch::Contains("2:00"));
}

TEST_CASE("tui: a mock interview - the clock, follow-ups one at a time, a rating and the report; the answer is saved",
          "[tui][mock]") {
  test::TempDir dir;
  const fs::path db = collection_with(dir, kDeck);
  TmuxSession tmux(dir, {"--collection", db.string(), "--now", kNow, "mock", "--frontend", "tui", "--deck", "TUI test",
                         "--minutes", "5"});

  std::string screen = tmux.wait_for("Tell me about a time you handled a production outage");
  CHECK_THAT(screen, Catch::Contains("question 1"));
  CHECK_THAT(screen, Catch::Contains("No story of yours fits its themes (incident, reliability)"));
  tmux.wait_for("0:01 of 5:00");  // the interview's clock runs while the user types

  tmux.type("We rolled back first");
  tmux.keys({"Tab"});
  // The question has no follow-ups of its own: those of its first theme, one at a time.
  tmux.wait_for("Follow-up: How did you know the fix had worked?");
  tmux.type("Errors fell to zero");
  tmux.keys({"Tab"});
  tmux.wait_for("Follow-up: What changed afterwards");
  tmux.type("An alert");
  tmux.keys({"Tab"});
  tmux.wait_for("Score:");
  CHECK(reviews_total(db) == 0);  // nothing is recorded before the rating
  tmux.keys({"3"});

  screen = tmux.wait_for_all({"Mock interview report", "Saved: good (your rating)", "1 question in", "Practise next"});
  CHECK(reviews_total(db) == 1);

  tmux.keys({"Enter"});
  tmux.wait_for("[exited with status 0]");
  screen = tmux.transcript();
  CHECK_THAT(screen, Catch::Contains("Mock interview: 1 question answered"));
  check_terminal_restored(screen);
}

TEST_CASE("tui: story new walks the steps in the answer box, with the findings after each, and writes the story", "[tui][story]") {
  test::TempDir dir;
  const fs::path db = collection_with(dir, kDeck);
  TmuxSession tmux(dir, {"--collection", db.string(), "--now", kNow, "story", "new", "--frontend", "tui"}, {}, 80, 30);

  std::string screen = tmux.wait_for("Title: a few words");
  CHECK_THAT(screen, Catch::Contains("Write a story"));
  CHECK_THAT(screen, Catch::Contains("step 1 of 7"));
  tmux.type("Checkout outage I led");
  tmux.keys({"Tab"});
  tmux.wait_for("Situation: the system");
  tmux.keys({"Tab"});  // a required step cannot be left empty
  tmux.wait_for("A story needs its situation");
  tmux.type("Our checkout API at 3k requests per second failed during a regional failover; 18% of orders failed.");
  tmux.keys({"Tab"});
  tmux.wait_for("Task: what you owned");
  tmux.keys({"C-b"});  // back: the situation is still there
  tmux.wait_for("18% of orders failed");
  tmux.keys({"Tab"});
  tmux.wait_for("Task: what you owned");
  tmux.type("As on-call lead I owned mitigation and the root-cause fix.");
  tmux.keys({"Tab"});
  tmux.wait_for("Action: what you did");
  tmux.type("* I rolled back the deploy after the error graph lined up with it.");
  tmux.keys({"Enter"});
  tmux.type("1. I traced it to a connection pool exhausted by the failover, instead of scaling the database.");
  tmux.keys({"Tab"});
  screen = tmux.wait_for("The STAR rubric on your action");
  CHECK_THAT(screen, Catch::Contains("Result: what changed"));
  CHECK_THAT(screen, Catch::Contains("ownership"));
  CHECK_THAT(screen, !Catch::Contains("quantified result"));  // judged once the result is written
  tmux.type("Errors fell from 18% to under 0.5% within 12 minutes.");
  tmux.keys({"Tab"});
  screen = tmux.wait_for("The STAR rubric on your result");
  CHECK_THAT(screen, Catch::Contains("quantified result"));
  tmux.type("I now load test failover paths before a release.");
  tmux.keys({"Tab"});
  tmux.wait_for("Themes: the questions");
  tmux.type("Incident, reliability");
  tmux.keys({"Tab"});
  screen = tmux.wait_for_all({"The whole story, as the STAR rubric reads it", "Add it to"});
  CHECK_THAT(screen, Catch::Contains("/100"));
  CHECK_FALSE(fs::exists(dir / "decks" / "my-stories.md"));  // nothing written before y

  tmux.keys({"y"});
  screen = tmux.wait_for("Added to your stories");
  CHECK_THAT(screen, Catch::Contains("my-stories.md"));
  CHECK_THAT(screen, Catch::Contains("story-checkout-outage-i-led"));
  tmux.keys({"Enter"});
  tmux.wait_for("[exited with status 0]");
  screen = tmux.transcript();
  CHECK_THAT(screen, Catch::Contains("Added 'Checkout outage I led'"));
  check_terminal_restored(screen);

  const std::string file = test::read_text(dir / "decks" / "my-stories.md");
  CHECK_THAT(file, Catch::Contains("## S: Checkout outage I led"));
  CHECK_THAT(file, Catch::Contains("- I traced it to a connection pool"));
  CHECK_THAT(file, Catch::Contains("themes: incident, reliability"));
  const auto stories = test::run_program({"--collection", db.string(), "--now", kNow, "stories", "--json"});
  REQUIRE(stories.status == 0);
  CHECK_THAT(stories.out, Catch::Contains("Checkout outage I led"));
}

TEST_CASE("tui: story new quit before y writes nothing", "[tui][story]") {
  test::TempDir dir;
  const fs::path db = collection_with(dir, kDeck);
  TmuxSession tmux(dir, {"--collection", db.string(), "--now", kNow, "story", "new", "--frontend", "tui"});
  tmux.wait_for("Title: a few words");
  tmux.type("Half a story");
  tmux.keys({"C-q"});
  tmux.wait_for("[exited with status 1]");
  CHECK_THAT(tmux.transcript(), Catch::Contains("Nothing was written."));
  CHECK_FALSE(fs::exists(dir / "decks" / "my-stories.md"));
}
