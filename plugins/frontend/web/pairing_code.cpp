#include "pairing_code.h"

#include <algorithm>

#include "access_control.h"

namespace rehearse::web {

namespace {
// 10 hex digits (40 bits): short enough to type from the terminal, far too many to guess at the
// tries a minute the brakes allow.
constexpr size_t kCodeBytes = 5;
constexpr std::chrono::seconds kMaxLock{3600};

int seconds_until(PairingCode::Clock::time_point when, PairingCode::Clock::time_point now) {
  return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(when - now).count());
}
}  // namespace

bool PairingCode::Brake::count(Clock::time_point now, int limit) {
  while (!recent.empty() && now - recent.front() >= std::chrono::minutes(1)) recent.pop_front();
  recent.push_back(now);
  if (static_cast<int>(recent.size()) < limit) return false;
  locked_until = now + next_lock;
  next_lock = std::min(next_lock * 2, kMaxLock);
  recent.clear();
  return true;
}

PairingCode::PairingCode() : code_(random_hex(kCodeBytes)) {}

void PairingCode::forget_quiet_addresses(Clock::time_point now) {
  // An address that was locked is remembered for as long as the longest lock, so that its next
  // lock is longer still.
  std::erase_if(by_address_, [&](const auto& entry) {
    const Brake& brake = entry.second;
    const bool quiet = brake.recent.empty() || now - brake.recent.back() >= std::chrono::minutes(1);
    const bool never_locked = brake.locked_until == Clock::time_point{};
    return quiet && (never_locked || now - brake.locked_until >= kMaxLock);
  });
}

PairingCode::Attempt PairingCode::attempt(const std::string& given, const std::string& address, Clock::time_point now) {
  forget_quiet_addresses(now);
  Brake& brake = by_address_[address];
  const Clock::time_point locked_until = std::max(brake.locked_until, everywhere_.locked_until);
  if (now < locked_until) return {Outcome::locked, seconds_until(locked_until, now)};
  if (constant_time_equal(given, code_)) {
    code_ = random_hex(kCodeBytes);
    by_address_.erase(address);
    return {Outcome::paired};
  }
  ++total_failures_;
  const bool address_locked = brake.count(now, kMaxFailures);
  const bool all_locked = everywhere_.count(now, kMaxFailuresEverywhere);
  if (address_locked || all_locked)
    return {Outcome::locked, seconds_until(std::max(brake.locked_until, everywhere_.locked_until), now)};
  return {Outcome::wrong};
}

}  // namespace rehearse::web
