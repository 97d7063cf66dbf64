// Text as the terminal sees it: wide characters, their width in columns, and word wrapping.
//
// Card text and the collection are UTF-8; curses works in wide characters (UCS-4 on Linux). The
// conversion here does not depend on the locale, so a card reads the same whatever LANG says;
// only the width of a character (wcwidth) comes from the locale.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rehearse::tui {

// Decodes UTF-8; a byte that does not start a valid sequence becomes U+FFFD. Tabs become a space
// and other control characters (but '\n') are dropped, so that every character has a width.
std::wstring to_wide(std::string_view utf8);
std::string to_utf8(std::wstring_view text);

// Columns `c` takes on screen: 0 for combining marks, 2 for CJK and other wide characters.
int char_width(wchar_t c);
int text_width(std::wstring_view text);

// `text` cut to at most `width` columns, ending in `ellipsis` when something was cut.
std::wstring fit(std::wstring_view text, int width, std::wstring_view ellipsis);

// One screen row of wrapped text: the characters [begin, end) of the text.
struct Row {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Splits `text` into rows of at most `width` columns: at each '\n' (which belongs to no row), and
// after the last space that fits; a word longer than a row (or text without spaces, like Chinese
// or Japanese) is broken between characters. A space that overflows a row stays at its end, out
// of sight, so the next row starts with a word. Text without characters is one empty row.
std::vector<Row> wrap_rows(std::wstring_view text, int width);

}  // namespace rehearse::tui
