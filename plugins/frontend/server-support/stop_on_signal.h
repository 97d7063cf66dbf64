// Ctrl-C and SIGTERM stop a server cleanly: for the life of a StopOnSignal they are blocked in
// every thread (a server's workers, started after it, inherit the mask) and taken by one thread
// that waits for them and calls `stop`. The signal may come before the server has started
// listening, when an httplib server's stop() does nothing, so the waiter repeats it until the
// StopOnSignal goes.
#pragma once

#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

namespace rehearse::server {

class StopOnSignal {
 public:
  explicit StopOnSignal(std::function<void()> stop);
  // Ends the waiting thread (by a signal only it can take) and restores the signal mask.
  ~StopOnSignal();
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

 private:
  sigset_t signals_{};
  sigset_t previous_{};
  std::atomic<bool> finished_ = false;
  std::thread waiter_;
};

}  // namespace rehearse::server
