#include "page.h"

#include <algorithm>

#include "wide_text.h"

namespace rehearse::tui {

Glyphs Glyphs::for_locale(bool unicode) {
  if (unicode) return {L"\u2502 ", L"\u2022 ", L"\u2713", L"\u2717", L" \u00b7 ", L"\u2013", L"\u2026", L"\u2193", L"\u2191"};
  return {L"| ", L"* ", L"+", L"x", L" - ", L"-", L"...", L"v", L"^"};
}

Page::Page(int width) : width_(std::max(width, 1)) {}

void Page::blank() {
  if (lines_.empty() || lines_.back().empty()) return;
  lines_.emplace_back();
}

void Page::text(std::string_view text, Style style, std::wstring_view lead, Style lead_style) {
  const std::wstring wide = to_wide(text);
  const int indent = std::min(text_width(lead), width_ - 1);
  const std::wstring hanging(indent, L' ');
  bool first = true;
  for (const Row& row : wrap_rows(wide, width_ - indent)) {
    Line out;
    out.push_back({first ? std::wstring(lead) : hanging, first ? lead_style : Style::normal});
    out.push_back({wide.substr(row.begin, row.end - row.begin), style});
    lines_.push_back(std::move(out));
    first = false;
  }
}

void Page::line(Line line) { lines_.push_back(std::move(line)); }

Line key_bar_item(const std::wstring& key, const std::wstring& label, bool suggested) {
  return {{L" " + key, suggested ? Style::suggested : Style::bar_key}, {L" " + label + L" ", Style::bar}};
}

int line_width(const Line& line) {
  int width = 0;
  for (const auto& span : line) width += text_width(span.text);
  return width;
}

Line key_bar(const std::vector<Line>& items, int width) {
  Line bar;
  int used = 0;
  for (const Line& item : items) {
    if (used + line_width(item) > width) break;
    used += line_width(item);
    bar.insert(bar.end(), item.begin(), item.end());
  }
  return bar;
}

}  // namespace rehearse::tui
