// The answer box: multi-line text the user types, with a cursor that moves over wrapped rows the
// way it does in any text editor.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "page.h"
#include "terminal.h"
#include "wide_text.h"

namespace rehearse::tui {

class AnswerEditor {
 public:
  const std::wstring& text() const { return text_; }
  std::string utf8() const { return to_utf8(text_); }
  // True when nothing but white space was typed.
  bool blank() const;
  void clear();
  // Replaces the text; the cursor goes to its end.
  void set_text(std::wstring text);

  // The width the text is wrapped to; up, down, home and end move over rows of this width.
  void set_width(int width);

  void insert(wchar_t c);
  void backspace();
  void delete_forward();
  void delete_word_before();
  void left();
  void right();
  void up();
  void down();
  void home();
  void end();

  // Applies an editing key (text, Enter, Backspace, Delete, the arrows, Home, End, Ctrl-A, Ctrl-E,
  // Ctrl-W), as every screen with an answer box does. False when `key` is not one: the screen
  // decides what it means.
  bool edit(const Key& key);

  struct Layout {
    std::vector<Row> rows;
    int cursor_row = 0;
    int cursor_column = 0;
  };
  Layout layout() const;

  // Adds the box to `page`: its rows (at least `min_rows`) in `style`, each behind the `frame`
  // glyph, wrapped to what is left of the page's width. Returns where the cursor stands on the
  // page (line, column).
  std::pair<int, int> add_to(Page& page, const std::wstring& frame, int min_rows, Style style);

 private:
  std::vector<Row> rows() const;
  std::size_t row_of_cursor(const std::vector<Row>& rows) const;
  // The last position of `row` the cursor can take without showing on the row below.
  std::size_t last_position(const std::vector<Row>& rows, std::size_t row) const;
  void move_to_row(std::ptrdiff_t delta);

  std::wstring text_;
  std::size_t cursor_ = 0;
  int width_ = 40;
  // The column a run of up and down moves aims for, so passing a short row does not lose it.
  std::optional<int> goal_column_;
};

}  // namespace rehearse::tui
