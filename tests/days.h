// Helpers for tests of the day of reviews: a collection whose clock moves, and decks and card
// states made to order.
#pragma once

#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "test_support.h"

namespace rehearse::test {

// A collection whose "now" moves: each move reopens it, as the next run of the program would.
class Days {
 public:
  explicit Days(const std::string& now = "2026-01-10T09:00:00Z") { at(now); }

  Engine& at(const std::string& now) {
    engine_.reset();
    engine_ = test::make_engine(dir_, now);
    return *engine_;
  }
  Engine& engine() { return *engine_; }
  Collection& collection() { return engine_->collection(); }

  void import(const std::string& file, const std::string& text) { engine_->import_paths({dir_.write(file, text)}); }
  void set(const std::string& key, const std::string& value) { collection().set_config(key, value); }

  std::int64_t id(const std::string& uid) {
    for (const auto& card : collection().find_cards("", "", 100000))
      if (card.content.uid == uid) return card.id;
    FAIL("no card " << uid);
    return 0;
  }
  Card card(const std::string& uid) { return *collection().card(id(uid)); }
  void set_state(const std::string& uid, const SchedulingState& state) { collection().set_scheduling(id(uid), state); }

  std::int64_t now() const { return engine_->clock().now_ms(); }
  std::string collection_path() const { return (dir_ / "collection.db").string(); }

 private:
  test::TempDir dir_;
  std::unique_ptr<Engine> engine_;
};

// A deck of `count` questions with ids <prefix>1, <prefix>2, ...; with `group_size`, each run of
// that many cards shares a group.
inline std::string deck(const std::string& name, int count, const std::string& prefix, int group_size = 0) {
  std::string text = fmt::format("---\ndeck: {}\n---\n", name);
  for (int i = 1; i <= count; ++i) {
    text += fmt::format("\n## Q: {} question {}\nid: {}{}\nanswer: the answer to {}{}\n", name, i, prefix, i, prefix, i);
    if (group_size > 0) text += fmt::format("group: {}-g{}\n", prefix, (i - 1) / group_size + 1);
  }
  return text;
}

inline SchedulingState review_due(std::int64_t due_ms, int lapses = 0) {
  SchedulingState s;
  s.state = CardState::review;
  s.due_ms = due_ms;
  s.interval_days = 10;
  s.ease = 2.5;
  s.stability = 10;
  s.difficulty = 5;
  s.reps = 5 + lapses;
  s.lapses = lapses;
  s.last_review_ms = due_ms - 10 * kMsPerDay;
  return s;
}

inline SchedulingState learning(std::int64_t last_review_ms, std::int64_t due_ms) {
  SchedulingState s;
  s.state = CardState::learning;
  s.due_ms = due_ms;
  s.ease = 2.5;
  s.step = 1;
  s.reps = 1;
  s.last_review_ms = last_review_ms;
  return s;
}

// The row ids of the cards with these uids, in the same order.
inline std::vector<std::int64_t> ids(Days& days, const std::vector<std::string>& uids) {
  std::vector<std::int64_t> out;
  for (const auto& uid : uids) out.push_back(days.id(uid));
  return out;
}

}  // namespace rehearse::test
