// The one-time code that pairs a device with `rehearse serve --listen`, and the brake on guessing.
//
// The code comes from the kernel's CSRNG and is shown only in the terminal (as a URL and a QR
// code). Each code pairs one device; a new one replaces it at once. Wrong tries are counted: after
// kMaxFailures within a minute every try is refused, right or wrong, for a delay that doubles each
// time the limit is hit again. No request thread ever sleeps: a refused try is answered at once
// with 429 and the seconds to wait.
#pragma once

#include <chrono>
#include <deque>
#include <string>

namespace rehearse::web {

class PairingCode {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int kMaxFailures = 5;  // wrong tries a minute before pairing is locked

  enum class Outcome { paired, wrong, locked };
  struct Attempt {
    Outcome outcome;
    int retry_after_seconds = 0;  // for `locked`
  };

  PairingCode();

  const std::string& code() const { return code_; }
  // Checks a try; on `paired` the code is used up and replaced by a new one.
  Attempt attempt(const std::string& given, Clock::time_point now = Clock::now());
  // Wrong tries since the server started.
  int failures() const { return total_failures_; }

 private:
  std::string code_;
  std::deque<Clock::time_point> recent_failures_;  // within the last minute
  Clock::time_point locked_until_{};
  std::chrono::seconds next_lock_{30};
  int total_failures_ = 0;
};

}  // namespace rehearse::web
