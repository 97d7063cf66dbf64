#include "child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <sstream>
#include <cstring>
#include <stdexcept>

namespace rehearse::harness {

namespace {

using SteadyClock = std::chrono::steady_clock;

void make_pipe(int fds[2]) {
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
}

// The environment of a child: this process's, with LeakSanitizer's exit-time check turned off in
// sanitizer builds. A harness may kill a child at any moment, also during that check, which then
// prints a message of its own ("Unable to get registers from thread"); leaks are for the test
// suite to find, not for the harnesses that kill the program.
std::vector<std::string> child_environment() {
  std::vector<std::string> environment;
  bool asan_options = false;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string variable = *entry;
    if (variable.starts_with("ASAN_OPTIONS=")) {
      variable += ":detect_leaks=0";
      asan_options = true;
    }
    environment.push_back(std::move(variable));
  }
  if (!asan_options) environment.push_back("ASAN_OPTIONS=detect_leaks=0");
  return environment;
}

}  // namespace

Child::Child(const std::vector<std::string>& argv, const std::string& input) : input_(input), started_(SteadyClock::now()) {
  ::signal(SIGPIPE, SIG_IGN);  // a killed child closes its input early
  // Built before fork: the child may only exec.
  const std::vector<std::string> environment = child_environment();
  std::vector<char*> envp;
  for (const auto& variable : environment) envp.push_back(const_cast<char*>(variable.c_str()));
  envp.push_back(nullptr);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  int in[2], out[2], err[2];
  make_pipe(in);
  make_pipe(out);
  make_pipe(err);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid_ == 0) {
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(err[1], STDERR_FILENO);
    ::execve(args[0], args.data(), envp.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  in_ = in[1];
  out_ = out[0];
  err_ = err[0];
  ::fcntl(in_, F_SETFL, O_NONBLOCK);
  if (input_.empty()) {
    ::close(in_);
    in_ = -1;
  }
}

Child::~Child() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  for (int fd : {in_, out_, err_})
    if (fd >= 0) ::close(fd);
}

ChildResult Child::finish(std::optional<SteadyClock::time_point> kill_at, std::chrono::seconds limit) {
  ChildResult result;
  size_t written = 0;
  const auto give_up = started_ + limit;
  bool hanging = false;
  while (out_ >= 0 || err_ >= 0) {
    const auto now = SteadyClock::now();
    if (pid_ > 0 && !result.killed && ((kill_at && now >= *kill_at) || now >= give_up)) {
      ::kill(pid_, SIGKILL);
      result.killed = true;
      hanging = !(kill_at && now >= *kill_at);
    }
    std::vector<pollfd> fds;
    if (in_ >= 0) fds.push_back({in_, POLLOUT, 0});
    if (out_ >= 0) fds.push_back({out_, POLLIN, 0});
    if (err_ >= 0) fds.push_back({err_, POLLIN, 0});
    int wait_ms = 100;
    if (kill_at && !result.killed) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*kill_at - now).count();
      wait_ms = static_cast<int>(std::max<long long>(0, std::min<long long>(left, 100)));
      // Sub-millisecond kill times: poll without waiting and spin until the moment comes.
    }
    if (::poll(fds.data(), fds.size(), wait_ms) < 0 && errno != EINTR) throw std::runtime_error("poll failed");
    for (const auto& p : fds) {
      if (p.revents == 0) continue;
      if (p.fd == in_) {
        const ssize_t n = ::write(in_, input_.data() + written, input_.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        if (n < 0 && errno != EAGAIN) written = input_.size();  // the child is gone
        if (written == input_.size()) {
          ::close(in_);
          in_ = -1;
        }
        continue;
      }
      char buffer[65536];
      const ssize_t n = ::read(p.fd, buffer, sizeof buffer);
      std::string& sink = p.fd == out_ ? result.out : result.err;
      if (n > 0) {
        sink.append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EAGAIN) {
        ::close(p.fd);
        (p.fd == out_ ? out_ : err_) = -1;
      }
    }
  }
  if (in_ >= 0) {
    ::close(in_);
    in_ = -1;
  }
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.elapsed = SteadyClock::now() - started_;
  if (hanging) result.err += "\n(harness: killed after running longer than the limit)\n";
  return result;
}

ChildResult run_child(const std::vector<std::string>& argv, const std::string& input,
                      std::optional<std::chrono::microseconds> kill_after, std::chrono::seconds limit) {
  Child child(argv, input);
  std::optional<SteadyClock::time_point> kill_at;
  if (kill_after) kill_at = SteadyClock::now() + *kill_after;
  return child.finish(kill_at, limit);
}

std::string messages_in(const std::string& err) {
  std::istringstream lines(err);
  std::string messages;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.starts_with("reading ") || line.starts_with("importing: ")) continue;
    messages += line + "\n";
  }
  return messages;
}

}  // namespace rehearse::harness
