#include "terminal.h"

#include <fmt/format.h>
#include <langinfo.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstdlib>
#include <string>

#include "rehearse/errors.h"
#include "wide_text.h"

// Last: curses defines macros with common names.
#include <ncursesw/curses.h>

namespace rehearse::tui {

namespace {

volatile std::sig_atomic_t stop_signal_received = 0;

extern "C" void on_stop_signal(int signal) { stop_signal_received = signal; }

constexpr std::array<int, 3> kStopSignals = {SIGINT, SIGTERM, SIGHUP};

// The handlers that were there before, put back when the terminal is given back.
std::array<struct sigaction, kStopSignals.size()> previous_handlers;

void install_stop_handlers() {
  stop_signal_received = 0;
  for (std::size_t i = 0; i < kStopSignals.size(); ++i) {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a waiting read returns, and the key loop sees the signal
    sigaction(kStopSignals[i], &action, &previous_handlers[i]);
    // A signal the parent chose to ignore (nohup) stays ignored.
    if (previous_handlers[i].sa_handler == SIG_IGN) sigaction(kStopSignals[i], &previous_handlers[i], nullptr);
  }
}

void restore_stop_handlers() {
  for (std::size_t i = 0; i < kStopSignals.size(); ++i) sigaction(kStopSignals[i], &previous_handlers[i], nullptr);
}

SCREEN* screen = nullptr;

enum Pair : short { heading = 1, label, frame, good, bad, warn, bar, bar_new, bar_learning, bar_review, suggested };

void init_pairs() {
  start_color();
  use_default_colors();
  init_pair(heading, COLOR_CYAN, -1);
  init_pair(label, COLOR_YELLOW, -1);
  init_pair(frame, COLOR_CYAN, -1);
  init_pair(good, COLOR_GREEN, -1);
  init_pair(bad, COLOR_RED, -1);
  init_pair(warn, COLOR_YELLOW, -1);
  init_pair(bar, COLOR_BLACK, COLOR_WHITE);
  init_pair(bar_new, COLOR_BLUE, COLOR_WHITE);
  init_pair(bar_learning, COLOR_RED, COLOR_WHITE);
  init_pair(bar_review, COLOR_GREEN, COLOR_WHITE);
  init_pair(suggested, COLOR_WHITE, COLOR_BLUE);
}

struct Look {
  attr_t attrs;
  short pair;
};

Look look_for(Style style, bool color) {
  if (!color) {
    switch (style) {
      case Style::normal: case Style::typed: return {A_NORMAL, 0};
      case Style::dim: case Style::frame: return {A_DIM, 0};
      case Style::strong: case Style::good: case Style::bad: return {A_BOLD, 0};
      case Style::heading: return {A_BOLD | A_UNDERLINE, 0};
      case Style::label: return {A_BOLD, 0};
      case Style::warn: return {A_BOLD | A_UNDERLINE, 0};
      case Style::bar: return {A_REVERSE, 0};
      case Style::bar_key: case Style::bar_new: case Style::bar_learning: case Style::bar_review: return {A_REVERSE | A_BOLD, 0};
      case Style::suggested: return {A_BOLD | A_UNDERLINE, 0};
    }
    return {A_NORMAL, 0};
  }
  switch (style) {
    case Style::normal: case Style::typed: return {A_NORMAL, 0};
    case Style::dim: return {A_DIM, 0};
    case Style::strong: return {A_BOLD, 0};
    case Style::heading: return {A_BOLD, Pair::heading};
    case Style::label: return {A_BOLD, Pair::label};
    case Style::frame: return {A_NORMAL, Pair::frame};
    case Style::good: return {A_BOLD, Pair::good};
    case Style::bad: return {A_BOLD, Pair::bad};
    case Style::warn: return {A_BOLD, Pair::warn};
    case Style::bar: return {A_NORMAL, Pair::bar};
    case Style::bar_key: return {A_BOLD, Pair::bar};
    case Style::bar_new: return {A_BOLD, Pair::bar_new};
    case Style::bar_learning: return {A_BOLD, Pair::bar_learning};
    case Style::bar_review: return {A_BOLD, Pair::bar_review};
    case Style::suggested: return {A_BOLD, Pair::suggested};
  }
  return {A_NORMAL, 0};
}

std::optional<Key> key_for_code(wint_t code) {
  switch (code) {
    case KEY_RESIZE: return Key{KeyCode::resize};
    case KEY_ENTER: return Key{KeyCode::enter};
    case KEY_BACKSPACE: return Key{KeyCode::backspace};
    case KEY_DC: return Key{KeyCode::delete_forward};
    case KEY_LEFT: return Key{KeyCode::left};
    case KEY_RIGHT: return Key{KeyCode::right};
    case KEY_UP: return Key{KeyCode::up};
    case KEY_DOWN: return Key{KeyCode::down};
    case KEY_HOME: return Key{KeyCode::home};
    case KEY_END: return Key{KeyCode::end};
    case KEY_PPAGE: return Key{KeyCode::page_up};
    case KEY_NPAGE: return Key{KeyCode::page_down};
    case KEY_F(1): return Key{KeyCode::help};
    default: return std::nullopt;  // keys the review has no use for
  }
}

std::optional<Key> key_for_char(wint_t c) {
  switch (c) {
    case L'\t': return Key{KeyCode::tab};
    case L'\r': case L'\n': return Key{KeyCode::enter};
    case 0x7F: case 0x08: return Key{KeyCode::backspace};
    case 0x1B: return Key{KeyCode::escape};
    default: break;
  }
  if (c >= 1 && c <= 26) return Key{KeyCode::ctrl, static_cast<wchar_t>(L'a' + c - 1)};
  if (c < 0x20) return std::nullopt;
  return Key{KeyCode::text, static_cast<wchar_t>(c)};
}

}  // namespace

void Terminal::check_available() {
  if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
    throw Error("the tui front end needs a terminal, and standard input or output is not one "
                "(use --frontend cli for piped input and scripts)");
  const char* term = std::getenv("TERM");
  if (term == nullptr || *term == '\0') throw Error("the tui front end needs TERM to name the terminal type, and it is not set");
}

Terminal::Terminal(bool color) {
  check_available();
  const char* term = std::getenv("TERM");
  unicode_ = std::string_view(nl_langinfo(CODESET)) == "UTF-8";

  install_stop_handlers();
  screen = newterm(nullptr, stdout, stdin);
  if (screen == nullptr) {
    restore_stop_handlers();
    throw Error(fmt::format("the tui front end cannot drive a terminal of type '{}' (no terminfo entry)", term));
  }
  set_term(screen);
  raw();  // Ctrl-C, Ctrl-Z, Ctrl-Q and Ctrl-S arrive as keys
  noecho();
  nonl();
  keypad(stdscr, TRUE);
  set_escdelay(25);  // Esc alone is rare here; do not make arrow keys wait for it
  if (color && has_colors()) {
    init_pairs();
    color_ = true;
  }
  curs_set(0);
}

Terminal::~Terminal() {
  curs_set(1);
  endwin();
  delscreen(screen);
  screen = nullptr;
  restore_stop_handlers();
}

int Terminal::rows() const { return getmaxy(stdscr); }
int Terminal::cols() const { return getmaxx(stdscr); }

int Terminal::stop_signal() { return stop_signal_received; }

std::optional<Key> Terminal::read_key(int timeout_ms) {
  wtimeout(stdscr, timeout_ms);
  wint_t code = 0;
  const int kind = wget_wch(stdscr, &code);
  if (kind == ERR) return std::nullopt;
  return kind == KEY_CODE_YES ? key_for_code(code) : key_for_char(code);
}

void Terminal::begin_frame() {
  werase(stdscr);
  cursor_.reset();
}

void Terminal::draw(int y, int x, const Line& line, std::optional<Style> fill) {
  const int width = cols();
  if (y < 0 || y >= rows()) return;
  int column = x;
  bool cut = false;
  for (const Span& span : line) {
    const Look look = look_for(span.style, color_);
    wattr_set(stdscr, look.attrs, look.pair, nullptr);
    const int start = column;
    std::wstring visible;
    for (wchar_t c : span.text) {
      if (column + char_width(c) > width) {
        cut = true;
        break;
      }
      visible += c;
      column += char_width(c);
    }
    if (!visible.empty()) mvwaddnwstr(stdscr, y, start, visible.c_str(), static_cast<int>(visible.size()));
    if (cut) break;
  }
  if (fill && column < width) {
    const Look look = look_for(*fill, color_);
    wattr_set(stdscr, look.attrs, look.pair, nullptr);
    const std::wstring spaces(width - column, L' ');
    mvwaddnwstr(stdscr, y, column, spaces.c_str(), static_cast<int>(spaces.size()));
  }
  wattr_set(stdscr, A_NORMAL, 0, nullptr);
}

void Terminal::place_cursor(int y, int x) { cursor_ = std::make_pair(y, x); }

bool scroll_for_key(const Key& key, int page_rows, int& scroll) {
  if (key.code == KeyCode::up || key.is_text(L'k')) scroll -= 1;
  else if (key.code == KeyCode::down || key.is_text(L'j')) scroll += 1;
  else if (key.code == KeyCode::page_up || key.is_text(L'b')) scroll -= page_rows;
  else if (key.code == KeyCode::page_down || key.is_text(L' ')) scroll += page_rows;
  else if (key.code == KeyCode::home || key.is_text(L'g')) scroll = 0;
  else if (key.code == KeyCode::end || key.is_text(L'G')) scroll = 1 << 20;
  else return false;
  return true;
}

bool Terminal::shown_too_small(int min_cols, int min_rows) {
  if (cols() >= min_cols && rows() >= min_rows) return false;
  draw(0, 0, {{to_wide(fmt::format("Make the terminal at least {}x{}.", min_cols, min_rows)), Style::strong}});
  present();
  return true;
}

void Terminal::present() {
  if (cursor_) {
    wmove(stdscr, cursor_->first, cursor_->second);
    curs_set(1);
  } else {
    curs_set(0);
  }
  wrefresh(stdscr);
}

}  // namespace rehearse::tui
