// Runs a program with pipes for its standard streams, and kills it (SIGKILL) at a chosen moment.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace rehearse::harness {

struct ChildResult {
  int status = -1;       // exit status; 128 + signal when a signal ended it
  bool killed = false;   // this harness killed it
  std::string out;       // everything it wrote before it ended
  std::string err;
  std::chrono::duration<double> elapsed{};
};

// What a program wrote to standard error, less the progress lines of a long import ("reading
// FILE", "importing: N of M cards (P%)"): the messages a user would take for errors.
std::string messages_in(const std::string& err);

// Runs `argv` (argv[0] is the program's path) with `input` on its standard input, which is closed
// once written. With `kill_after`, sends SIGKILL when that much time has passed and the program
// still runs. A program still running after `limit` is killed too, and reported as hanging.
ChildResult run_child(const std::vector<std::string>& argv, const std::string& input,
                      std::optional<std::chrono::microseconds> kill_after = std::nullopt,
                      std::chrono::seconds limit = std::chrono::seconds(300));

// A program running in the background, for several at once.
class Child {
 public:
  Child(const std::vector<std::string>& argv, const std::string& input);
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Feeds input and reads output until the program ends; at `kill_at`, when given, it is killed.
  // Returns what it wrote.
  ChildResult finish(std::optional<std::chrono::steady_clock::time_point> kill_at = std::nullopt,
                     std::chrono::seconds limit = std::chrono::seconds(300));

 private:
  int pid_ = -1;
  int in_ = -1, out_ = -1, err_ = -1;
  std::string input_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace rehearse::harness
