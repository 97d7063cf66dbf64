// The one-time code that pairs a device with `rehearse serve --listen`, and the brake on guessing.
//
// The code comes from the kernel's CSRNG and is shown only in the terminal (as a URL and a QR
// code). Each code pairs one device; a new one replaces it at once. Wrong tries are counted per
// address: after kMaxFailures from one address within a minute, every try from it is refused,
// right or wrong, for a delay that doubles each time it hits the limit again. One device guessing
// therefore cannot keep the others from pairing. Many addresses guessing together still meet a
// ceiling: after kMaxFailuresEverywhere wrong tries a minute in all, pairing is locked for every
// address. No request thread ever sleeps: a refused try is answered at once with 429 and the
// seconds to wait.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <string>

namespace rehearse::web {

class PairingCode {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int kMaxFailures = 5;             // wrong tries a minute from one address
  static constexpr int kMaxFailuresEverywhere = 30;  // wrong tries a minute from all addresses together

  enum class Outcome { paired, wrong, locked };
  struct Attempt {
    Outcome outcome;
    int retry_after_seconds = 0;  // for `locked`
  };

  PairingCode();

  const std::string& code() const { return code_; }
  // Checks a try from `address` (the client's IP address); on `paired` the code is used up and
  // replaced by a new one.
  Attempt attempt(const std::string& given, const std::string& address, Clock::time_point now = Clock::now());
  // Wrong tries since the server started.
  int failures() const { return total_failures_; }

 private:
  // Wrong tries within the last minute, and the lock they earned.
  struct Brake {
    std::deque<Clock::time_point> recent;
    Clock::time_point locked_until{};
    std::chrono::seconds next_lock{30};

    // Counts a wrong try at `now`; true when it reaches `limit` and locks.
    bool count(Clock::time_point now, int limit);
  };

  // Forgets addresses with no wrong try in the last minute and no lock within the longest lock's
  // time, so that the table stays small.
  void forget_quiet_addresses(Clock::time_point now);

  std::string code_;
  std::map<std::string, Brake> by_address_;
  Brake everywhere_;
  int total_failures_ = 0;
};

}  // namespace rehearse::web
