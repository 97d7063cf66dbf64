// A page: what the review screen shows in its body, laid out as screen lines for one width, so
// that it can be scrolled and redrawn at any size without knowing about curses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rehearse::tui {

// What a piece of text is, not how it looks: the terminal decides (with or without colour).
enum class Style {
  normal,
  dim,        // hints and secondary text
  strong,     // the prompt
  heading,    // section titles: "Model answer", "Key points"
  label,      // S, T, A, R labels, the card kind
  typed,      // the user's own answer
  frame,      // the bar beside the answer box
  good,       // a criterion met, a time within the target
  bad,        // a criterion missed, an error
  warn,       // over time
  bar,        // the title bar and the key bar
  bar_key,    // a key named in the key bar
  bar_new,    // the queue counts in the title bar
  bar_learning,
  bar_review,
  suggested,  // the suggested rating in the key bar
};

struct Span {
  std::wstring text;
  Style style = Style::normal;
};

using Line = std::vector<Span>;

// Characters for decorations: box drawing and ticks in a UTF-8 locale, ASCII otherwise.
struct Glyphs {
  std::wstring frame, bullet, check, cross, dot, dash, ellipsis, more_below, more_above;

  static Glyphs for_locale(bool unicode);
};

// One key of a key bar: " Tab" in the key's style, then " label ". A suggested key (the rating
// the scorers suggest) stands out.
Line key_bar_item(const std::wstring& key, const std::wstring& label, bool suggested = false);
// How many columns `line` takes.
int line_width(const Line& line);
// A key bar of `width` columns: the first keys matter most, so the last ones that do not fit are
// left out.
Line key_bar(const std::vector<Line>& items, int width);

class Page {
 public:
  explicit Page(int width);

  int width() const { return width_; }
  const std::vector<Line>& lines() const { return lines_; }
  int size() const { return static_cast<int>(lines_.size()); }

  // An empty line; several in a row, or one at the top, count as one.
  void blank();
  // `text` (UTF-8, may hold several lines) wrapped to the width. `lead` comes before its first
  // row; the rows after it are indented by the width of `lead`, so lists and labels hang.
  void text(std::string_view text, Style style, std::wstring_view lead = {}, Style lead_style = Style::normal);
  // A line as it is, cut at the width.
  void line(Line line);

 private:
  int width_;
  std::vector<Line> lines_;
};

}  // namespace rehearse::tui
