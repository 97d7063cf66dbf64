#include "pairing_code.h"

#include <algorithm>

#include "access_control.h"

namespace rehearse::web {

namespace {
// 10 hex digits (40 bits): short enough to type from the terminal, far too many to guess at five
// tries a minute.
constexpr size_t kCodeBytes = 5;
constexpr std::chrono::seconds kMaxLock{3600};
}  // namespace

PairingCode::PairingCode() : code_(random_hex(kCodeBytes)) {}

PairingCode::Attempt PairingCode::attempt(const std::string& given, Clock::time_point now) {
  auto seconds_left = [&] {
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(locked_until_ - now).count());
  };
  if (now < locked_until_) return {Outcome::locked, seconds_left()};
  if (constant_time_equal(given, code_)) {
    code_ = random_hex(kCodeBytes);
    recent_failures_.clear();
    return {Outcome::paired};
  }
  ++total_failures_;
  while (!recent_failures_.empty() && now - recent_failures_.front() >= std::chrono::minutes(1)) recent_failures_.pop_front();
  recent_failures_.push_back(now);
  if (static_cast<int>(recent_failures_.size()) >= kMaxFailures) {
    locked_until_ = now + next_lock_;
    next_lock_ = std::min(next_lock_ * 2, kMaxLock);
    recent_failures_.clear();
    return {Outcome::locked, seconds_left()};
  }
  return {Outcome::wrong};
}

}  // namespace rehearse::web
