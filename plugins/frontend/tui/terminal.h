// The terminal, taken over for a full-screen session with curses (ncursesw), and given back as it
// was: when the object goes away (also while an exception unwinds), and when the process is asked
// to stop by SIGINT, SIGTERM or SIGHUP, which end the key loop instead of the process.
//
// Only this file's source includes curses: its macros (clear, erase, move, timeout...) would
// collide with names elsewhere.
#pragma once

#include <optional>
#include <string_view>

#include "page.h"

namespace rehearse::tui {

enum class KeyCode {
  text,       // a character to type: Key::ch
  ctrl,       // Ctrl and a letter: Key::ch is the letter, lower case
  enter,
  tab,
  backspace,
  delete_forward,
  escape,
  left,
  right,
  up,
  down,
  home,
  end,
  page_up,
  page_down,
  help,       // F1
  resize,     // the terminal changed size
};

struct Key {
  KeyCode code = KeyCode::text;
  wchar_t ch = 0;

  bool is_text(wchar_t c) const { return code == KeyCode::text && ch == c; }
  bool is_ctrl(wchar_t letter) const { return code == KeyCode::ctrl && ch == letter; }
};

// The keys that scroll a page, as in less: up/k and down/j a line, PgUp/b and PgDn/Space a page of
// `page_rows`, Home/g and End/G to either end (End overshoots; drawing stops it at the end).
// Moves `scroll` and returns true for one of them, else false.
bool scroll_for_key(const Key& key, int page_rows, int& scroll);

class Terminal {
 public:
  // Takes over standard input and output. Throws rehearse::Error when they are not a terminal or
  // the terminal type is unknown. Without `color`, text is told apart by bold, underline, reverse
  // and dim only (for NO_COLOR).
  explicit Terminal(bool color);
  ~Terminal();
  // Throws rehearse::Error, as the constructor would, when there is no terminal to take over.
  static void check_available();
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;

  int rows() const;
  int cols() const;
  // Whether the locale is UTF-8, so that box drawing and other non-ASCII characters show.
  bool unicode() const { return unicode_; }

  // Waits up to `timeout_ms` for a key; nothing when the time passed or a signal came.
  std::optional<Key> read_key(int timeout_ms);
  // The signal that asked the program to stop (SIGINT, SIGTERM, SIGHUP), or 0.
  static int stop_signal();

  // Drawing goes to a back buffer; present() shows it.
  void begin_frame();
  // Draws `line` at row `y` from column `x`, cut at the right edge. `fill` paints the rest of the
  // row in that style (for bars).
  void draw(int y, int x, const Line& line, std::optional<Style> fill = std::nullopt);
  // Where the cursor shows after present(); without a call it is hidden.
  void place_cursor(int y, int x);
  void present();
  // When the terminal is smaller than `min_cols` x `min_rows`, shows only how big it must be and
  // returns true: a screen draws nothing else then.
  bool shown_too_small(int min_cols, int min_rows);

 private:
  bool unicode_ = false;
  bool color_ = false;
  std::optional<std::pair<int, int>> cursor_;
};

}  // namespace rehearse::tui
