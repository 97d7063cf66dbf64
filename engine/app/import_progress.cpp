#include "import_progress.h"

#include <fmt/format.h>

#include <filesystem>

namespace rehearse::app {

namespace {

// Quicker imports show nothing; a bar that flashes for a split second only distracts.
constexpr auto kMoment = std::chrono::milliseconds(400);
constexpr auto kRedraw = std::chrono::milliseconds(80);
constexpr int kBarWidth = 30;

}  // namespace

ImportProgress::ImportProgress(std::FILE* out, bool terminal, bool keep_changes)
    : out_(out), terminal_(terminal), keep_changes_(keep_changes) {}

bool ImportProgress::time_to_show() { return Clock::now() - start_ >= kMoment; }

void ImportProgress::draw(const std::string& line) {
  if (terminal_) {
    fmt::print(out_, "\r\033[K{}", line);
  } else {
    fmt::print(out_, "{}\n", line);
  }
  std::fflush(out_);
  drawn_ = true;
  last_draw_ = Clock::now();
}

void ImportProgress::reading(const std::string& file, size_t index, size_t count) {
  if (!time_to_show()) return;
  const std::string name = std::filesystem::path(file).filename().string();
  draw(count > 1 ? fmt::format("reading {} ({} of {})", name, index + 1, count) : fmt::format("reading {}", name));
}

void ImportProgress::applying(size_t done, size_t total) {
  if (total == 0 || !time_to_show()) return;
  const int percent = static_cast<int>(done * 100 / total);
  if (terminal_) {
    if (done != total && Clock::now() - last_draw_ < kRedraw) return;
    const int filled = percent * kBarWidth / 100;
    draw(fmt::format("importing [{}{}] {:3}% {}/{} cards", std::string(static_cast<size_t>(filled), '#'),
                     std::string(static_cast<size_t>(kBarWidth - filled), '-'), percent, done, total));
  } else if (percent / 10 != last_percent_step_) {
    last_percent_step_ = percent / 10;
    draw(fmt::format("importing: {} of {} cards ({}%)", done, total, percent));
  }
}

void ImportProgress::changed(Change change, const std::string& deck, const std::string& prompt) {
  if (keep_changes_) changes_.push_back({change, deck + ": " + prompt});
}

void ImportProgress::finish() {
  if (terminal_ && drawn_) {
    fmt::print(out_, "\r\033[K");
    std::fflush(out_);
  }
  drawn_ = false;
}

}  // namespace rehearse::app
