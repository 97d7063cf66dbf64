// Two reviews of one collection at the same time (two windows, or the terminal and the browser):
// no answer is lost, none is recorded twice from the same state, and neither sees a lock error.
#include <fmt/format.h>

#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "rehearse/errors.h"
#include "test_support.h"

using namespace rehearse;
using test::TempDir;

namespace {

struct Tally {
  int saved = 0;
  int answered_elsewhere = 0;
  std::vector<std::string> errors;  // anything else: a failure
};

// Answers up to `attempts` cards of today's queue with its own engine, as a second process would.
Tally review(const TempDir& dir, int attempts, Rating rating) {
  Tally tally;
  try {
    auto engine = test::make_engine(dir);
    auto session = engine->start_review();
    for (int i = 0; i < attempts; ++i) {
      auto card = session->next();
      if (!card) break;
      try {
        session->answer(*card, rating, {});
        ++tally.saved;
      } catch (const Error& e) {
        if (std::string(e.what()).find("answered elsewhere") == std::string::npos) throw;
        ++tally.answered_elsewhere;  // refused; the session goes on with the next card
      }
    }
  } catch (const std::exception& e) {
    tally.errors.push_back(e.what());
  }
  return tally;
}

}  // namespace

TEST_CASE("two sessions answering the same collection at once lose nothing and answer no card twice", "[reliability]") {
  TempDir dir;
  {
    auto engine = test::make_engine(dir);
    std::string deck = "---\ndeck: Together\n---\n";
    for (int i = 1; i <= 40; ++i) deck += fmt::format("\n## Q: Shared question {}\nid: s{}\nanswer: a{}\n", i, i, i);
    engine->import_paths({dir.write("deck.md", deck)});
    engine->collection().set_config("new_per_day", "1000");
  }

  Tally first, second;
  {
    std::jthread a([&] { first = review(dir, 120, Rating::good); });
    std::jthread b([&] { second = review(dir, 120, Rating::hard); });
  }
  CHECK(first.errors.empty());
  CHECK(second.errors.empty());
  INFO("saved " << first.saved << " + " << second.saved << ", refused " << first.answered_elsewhere << " + "
                << second.answered_elsewhere);
  CHECK(first.saved + second.saved > 40);

  auto engine = test::make_engine(dir);
  Collection& collection = engine->collection();
  CHECK(collection.stats().reviews_total == first.saved + second.saved);
  // Each answer starts from the state the one before it left: none was given twice from one state.
  for (const auto& card : collection.find_cards("Together", "", 100)) {
    const auto log = collection.review_log(card.id);
    for (size_t i = 1; i < log.size(); ++i) {
      INFO(card.content.prompt << ", answer " << i);
      CHECK(log[i].before == log[i - 1].after);
    }
    if (!log.empty()) CHECK(card.scheduling == log.back().after);
  }
}

TEST_CASE("a piped session whose card was answered elsewhere says so and goes on to the next card", "[reliability][program]") {
  TempDir dir;
  const std::string collection = (dir / "collection.db").string();
  const std::vector<std::string> at = {"--collection", collection, "--now", "2026-03-02T08:00:00Z"};
  auto run = [&](std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), at.begin(), at.end());
    return test::run_program(args, input);
  };
  REQUIRE(run({"import", dir.write("two.md", "# Two\n\n## Q: First shared\nanswer: one\n\n## Q: Second shared\nanswer: two\n").string()})
              .status == 0);

  // A session shows "First shared" and waits at the rating...
  int to_child[2], from_child[2];
  REQUIRE(pipe(to_child) == 0);
  REQUIRE(pipe(from_child) == 0);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(to_child[0], STDIN_FILENO);
    dup2(from_child[1], STDOUT_FILENO);
    dup2(from_child[1], STDERR_FILENO);  // what the user sees, in the order they see it
    for (int fd : {to_child[0], to_child[1], from_child[0], from_child[1]}) close(fd);
    std::vector<std::string> args = {REHEARSE_TEST_PROGRAM};
    args.insert(args.end(), at.begin(), at.end());
    args.insert(args.end(), {"review", "--deck", "Two", "--frontend", "cli"});
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(REHEARSE_TEST_PROGRAM, argv.data());
    _exit(127);
  }
  close(to_child[0]);
  close(from_child[1]);
  auto send = [&](const std::string& text) { REQUIRE(write(to_child[1], text.data(), text.size()) == static_cast<ssize_t>(text.size())); };
  std::string shown;
  auto read_until = [&](const std::string& mark) {
    char buffer[4096];
    while (shown.find(mark) == std::string::npos) {
      const ssize_t n = read(from_child[0], buffer, sizeof buffer);
      REQUIRE(n > 0);
      shown.append(buffer, static_cast<size_t>(n));
    }
  };
  read_until("Question: First shared");
  send("\n");  // reveal
  read_until("Rating (");

  // ... while another window answers the same card.
  const auto other = run({"review", "--deck", "Two", "--frontend", "cli"}, "\n3\nq\n");
  REQUIRE(other.status == 0);
  CHECK_THAT(other.out, Catch::Contains("Question: First shared") && Catch::Contains("Saved: good"));

  // The late rating is refused, and the session goes on with the next card.
  send("3\n\n4\nq\n");
  close(to_child[1]);
  char buffer[4096];
  for (ssize_t n; (n = read(from_child[0], buffer, sizeof buffer)) > 0;) shown.append(buffer, static_cast<size_t>(n));
  close(from_child[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK_THAT(shown, Catch::Contains("answered elsewhere") && Catch::Contains("Question: Second shared") &&
                        Catch::Contains("Saved: easy"));

  auto engine = test::make_engine(dir, "2026-03-02T08:00:00Z");
  CHECK(engine->collection().stats().reviews_total == 2);  // one each, none twice
  for (const auto& card : engine->collection().find_cards("Two", "", 10)) CHECK(engine->collection().review_log(card.id).size() == 1);
}
