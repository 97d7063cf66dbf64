// What `rehearse optimize` shows while it fits: a bar on a terminal that redraws itself, only once
// the fit has taken a moment (a short fit shows nothing), and nothing at all when standard error
// is not a terminal (a script or a pipe reads only the result).
#pragma once

#include <chrono>
#include <cstdio>

namespace rehearse::app {

class FitProgressBar {
 public:
  // `out`: where to draw (standard error); `terminal`: whether it is one. Nothing is drawn otherwise.
  FitProgressBar(std::FILE* out, bool terminal);
  ~FitProgressBar();
  FitProgressBar(const FitProgressBar&) = delete;
  FitProgressBar& operator=(const FitProgressBar&) = delete;

  // The share of the fit done, 0-1.
  void update(double done);
  // Clears the bar, so that what is printed next starts on a clean line.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;

  std::FILE* out_;
  bool terminal_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
  bool drawn_ = false;
};

}  // namespace rehearse::app
