// What `rehearse import` shows while it works: a progress bar on a terminal, plain lines
// otherwise, and only for imports that take more than a moment. It also keeps what each card
// went through, for the dry run's list and the JSON report.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "rehearse/collection.h"

namespace rehearse::app {

class ImportProgress final : public ImportObserver {
 public:
  // `out` receives the progress (standard error); `terminal`: draw a bar that redraws itself.
  // `keep_changes`: remember each card's change for changes().
  ImportProgress(std::FILE* out, bool terminal, bool keep_changes);

  void reading(const std::string& file, size_t index, size_t count) override;
  void applying(size_t done, size_t total) override;
  void changed(Change change, const std::string& deck, const std::string& prompt) override;

  // Clears the bar, so that what is printed next starts on a clean line.
  void finish();

  struct CardChange {
    Change change;
    std::string card;  // "deck: prompt"
  };
  const std::vector<CardChange>& changes() const { return changes_; }

 private:
  using Clock = std::chrono::steady_clock;

  bool time_to_show();
  void draw(const std::string& line);

  std::FILE* out_;
  bool terminal_;
  bool keep_changes_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
  bool drawn_ = false;
  int last_percent_step_ = -1;  // plain lines: the last 10% step printed
  std::vector<CardChange> changes_;
};

}  // namespace rehearse::app
