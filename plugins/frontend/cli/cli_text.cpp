#include "cli_text.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "rehearse/text_layout.h"

namespace rehearse::cli {

namespace {

// The width to wrap text at: the terminal's, or 80 columns when output is not a terminal.
int output_width() {
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 40) return size.ws_col;
  return 80;
}

// Display width of UTF-8 text, counting one column per code point (good enough for prose).
size_t columns(std::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

}  // namespace

std::string wrap(const std::string& text, const std::string& first, std::string rest) {
  if (rest == "\x01") rest = std::string(columns(first), ' ');
  const size_t width = static_cast<size_t>(output_width()) - 1;
  std::string out;
  bool first_line = true;
  for (const DisplayLine& line : reflow_lines(text)) {
    if (!first_line) out += '\n';
    std::string current = first_line ? first : rest;
    first_line = false;
    if (!line.wrappable) {
      out += line.text.empty() ? std::string() : current + line.text;
      continue;
    }
    // A list item ("- ", "1. ") continues under its text, not under its marker; a nested item
    // keeps its indentation.
    const size_t lead = std::min(line.text.find_first_not_of(' '), line.text.size());
    current += line.text.substr(0, lead);
    const std::string hang = rest + std::string(line.hang, ' ');
    size_t used = columns(current);
    bool start = true;
    std::istringstream words(line.text);
    for (std::string word; words >> word;) {
      if (!start && used + 1 + columns(word) > width) {
        out += current;
        out += '\n';
        current = hang;
        used = columns(current);
        start = true;
      }
      if (!start) {
        current += ' ';
        ++used;
      }
      current += word;
      used += columns(word);
      start = false;
    }
    out += current;
  }
  return out;
}

void show_score(std::ostream& out, const CombinedScore& score) {
  for (const auto& part : score.parts) {
    if (part.findings.empty() && part.summary.empty()) continue;
    if (part.score)
      out << fmt::format("  [{}] {:.0f}/100  {}\n", part.scorer, *part.score, part.summary);
    else if (!part.summary.empty())
      out << fmt::format("  [{}] {}\n", part.scorer, part.summary);
    for (const auto& finding : part.findings) {
      out << fmt::format("    {} {}", finding.met ? "ok " : "-- ", finding.criterion);
      if (!finding.evidence.empty()) out << fmt::format(": \"{}\"", finding.evidence);
      out << "\n";
      if (!finding.met && !finding.advice.empty()) out << wrap(finding.advice, "       ") << "\n";
    }
  }
  for (const auto& error : score.errors) out << "  (scoring failed: " << error << ")\n";
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace rehearse::cli
