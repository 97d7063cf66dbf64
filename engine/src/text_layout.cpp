#include "rehearse/text_layout.h"

#include <cctype>

namespace rehearse {

namespace {

size_t indentation(std::string_view line) {
  size_t columns = 0;
  for (char c : line) {
    if (c == ' ') ++columns;
    else if (c == '\t') columns += 4 - columns % 4;
    else break;
  }
  return columns;
}

std::string_view trim_start(std::string_view line) {
  const size_t start = line.find_first_not_of(" \t");
  return start == std::string_view::npos ? std::string_view() : line.substr(start);
}

bool is_fence(std::string_view trimmed) { return trimmed.starts_with("```") || trimmed.starts_with("~~~"); }

// The width of the list marker `trimmed` starts with ("- " is 2, "10. " is 4), or 0 when it is
// not a list item.
size_t list_marker_width(std::string_view trimmed) {
  if (trimmed.size() >= 2 && (trimmed[0] == '-' || trimmed[0] == '*' || trimmed[0] == '+') && trimmed[1] == ' ') return 2;
  size_t digits = 0;
  while (digits < trimmed.size() && digits < 9 && std::isdigit(static_cast<unsigned char>(trimmed[digits]))) ++digits;
  const bool numbered = digits > 0 && digits + 1 < trimmed.size() && (trimmed[digits] == '.' || trimmed[digits] == ')') &&
                        trimmed[digits + 1] == ' ';
  return numbered ? digits + 2 : 0;
}

bool is_list_item(std::string_view trimmed) { return list_marker_width(trimmed) > 0; }

bool ends_in_hard_break(std::string_view line) { return line.ends_with("  ") || line.ends_with("\\"); }

}  // namespace

std::vector<DisplayLine> reflow_lines(std::string_view text) {
  std::vector<DisplayLine> lines;
  if (text.empty()) return lines;
  bool in_fence = false;
  bool joinable = false;  // the last line is a paragraph or list item the next line may continue
  bool after_blank = true;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    const bool last = end == text.size();
    start = end + 1;
    if (last && line.empty() && !lines.empty()) break;  // a final newline adds no line

    const std::string_view trimmed = trim_start(line);
    if (in_fence || is_fence(trimmed)) {
      if (is_fence(trimmed)) in_fence = !in_fence;
      lines.push_back({std::string(line), false});
      joinable = false;
      after_blank = false;
    } else if (trimmed.empty()) {
      lines.push_back({"", false});
      joinable = false;
      after_blank = true;
    } else if (indentation(line) >= 4 && (after_blank || (!lines.empty() && !lines.back().wrappable))) {
      lines.push_back({std::string(line), false});
      joinable = false;
      after_blank = false;
    } else if (trimmed.starts_with('|')) {
      lines.push_back({std::string(line), false});
      joinable = false;
      after_blank = false;
    } else if (joinable && !is_list_item(trimmed) && !trimmed.starts_with('#')) {
      std::string& previous = lines.back().text;
      while (!previous.empty() && (previous.back() == ' ' || previous.back() == '\t')) previous.pop_back();
      previous += ' ';
      previous += trimmed;
      joinable = !ends_in_hard_break(line);
    } else {
      const size_t marker = list_marker_width(trimmed);
      lines.push_back({std::string(line), true, marker > 0 ? indentation(line) + marker : 0});
      joinable = !trimmed.starts_with('#') && !ends_in_hard_break(line);
      after_blank = false;
    }
  }
  // A hard break's own marker is not shown.
  for (auto& line : lines) {
    if (!line.wrappable) continue;
    if (line.text.ends_with('\\')) line.text.pop_back();
    while (!line.text.empty() && line.text.back() == ' ') line.text.pop_back();
  }
  return lines;
}

std::string reflow(std::string_view text) {
  std::string out;
  for (const auto& line : reflow_lines(text)) {
    out += line.text;
    out += '\n';
  }
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace rehearse
