#include "fit_progress_bar.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace rehearse::app {

namespace {

constexpr auto kQuiet = std::chrono::milliseconds(300);     // a fit shorter than this shows nothing
constexpr auto kRedraw = std::chrono::milliseconds(100);    // at most ten redraws a second
constexpr int kWidth = 30;

}  // namespace

FitProgressBar::FitProgressBar(std::FILE* out, bool terminal) : out_(out), terminal_(terminal) {}

FitProgressBar::~FitProgressBar() { finish(); }

void FitProgressBar::update(double done) {
  if (!terminal_) return;
  const auto now = Clock::now();
  if (now - start_ < kQuiet || (drawn_ && now - last_draw_ < kRedraw)) return;
  last_draw_ = now;
  drawn_ = true;
  const int filled = static_cast<int>(std::clamp(done, 0.0, 1.0) * kWidth);
  fmt::print(out_, "\r\x1b[Kfitting [{}{}] {:3.0f}%", std::string(static_cast<size_t>(filled), '#'),
             std::string(static_cast<size_t>(kWidth - filled), ' '), std::clamp(done, 0.0, 1.0) * 100);
  std::fflush(out_);
}

void FitProgressBar::finish() {
  if (!drawn_) return;
  fmt::print(out_, "\r\x1b[K");
  std::fflush(out_);
  drawn_ = false;
}

}  // namespace rehearse::app
