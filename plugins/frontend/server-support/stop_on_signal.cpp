#include "stop_on_signal.h"

#include <pthread.h>

#include <chrono>
#include <utility>

namespace rehearse::server {

StopOnSignal::StopOnSignal(std::function<void()> stop) {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGINT);
  sigaddset(&signals_, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
  waiter_ = std::thread([this, stop = std::move(stop)] {
    int signal = 0;
    sigwait(&signals_, &signal);
    while (!finished_) {
      stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
}

StopOnSignal::~StopOnSignal() {
  finished_ = true;
  pthread_kill(waiter_.native_handle(), SIGTERM);
  waiter_.join();
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace rehearse::server
