#include "wide_text.h"

#include <cwchar>

namespace rehearse::tui {

namespace {

constexpr wchar_t kReplacement = 0xFFFD;

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Decodes the sequence starting at `i`; moves `i` past it.
char32_t decode_one(std::string_view s, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  int length = 0;
  char32_t code = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code = lead & 0x07;
  } else {
    ++i;
    return kReplacement;
  }
  if (i + length > s.size()) {
    ++i;
    return kReplacement;
  }
  for (int k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(s[i + k]);
    if (!is_continuation(byte)) {
      ++i;
      return kReplacement;
    }
    code = (code << 6) | (byte & 0x3F);
  }
  // Overlong forms, surrogates and values past Unicode are not characters.
  static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += length;
  return code;
}

}  // namespace

std::wstring to_wide(std::string_view utf8) {
  std::wstring out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t code = decode_one(utf8, i);
    if (code == U'\t')
      out += L' ';
    else if (code == U'\n' || (code >= 0x20 && code != 0x7F && !(code >= 0x80 && code < 0xA0)))
      out += static_cast<wchar_t>(code);
  }
  return out;
}

std::string to_utf8(std::wstring_view text) {
  std::string out;
  out.reserve(text.size());
  for (wchar_t wc : text) {
    auto c = static_cast<char32_t>(wc);
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacement;
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

int char_width(wchar_t c) {
  const int width = ::wcwidth(c);
  // A character the locale does not know still takes a cell when curses prints it.
  return width < 0 ? 1 : width;
}

int text_width(std::wstring_view text) {
  int width = 0;
  for (wchar_t c : text) width += char_width(c);
  return width;
}

std::wstring fit(std::wstring_view text, int width, std::wstring_view ellipsis) {
  if (text_width(text) <= width) return std::wstring(text);
  const int room = width - text_width(ellipsis);
  if (room < 0) return {};
  std::wstring out;
  int used = 0;
  for (wchar_t c : text) {
    if (used + char_width(c) > room) break;
    out += c;
    used += char_width(c);
  }
  return out + std::wstring(ellipsis);
}

std::vector<Row> wrap_rows(std::wstring_view text, int width) {
  if (width < 1) width = 1;
  std::vector<Row> rows;
  std::size_t line_start = 0;
  while (true) {
    const std::size_t newline = text.find(L'\n', line_start);
    const std::size_t line_end = newline == std::wstring_view::npos ? text.size() : newline;
    std::size_t row_begin = line_start;
    std::size_t after_space = std::wstring_view::npos;  // where the row can end, after its last space
    int column = 0;
    for (std::size_t i = line_start; i < line_end;) {
      const wchar_t c = text[i];
      const int w = char_width(c);
      if (column + w > width && i > row_begin) {
        if (c == L' ') {
          rows.push_back({row_begin, i + 1});
          row_begin = i + 1;
          column = 0;
          after_space = std::wstring_view::npos;
          ++i;
          continue;
        }
        const std::size_t end = after_space != std::wstring_view::npos ? after_space : i;
        rows.push_back({row_begin, end});
        row_begin = end;
        column = text_width(text.substr(row_begin, i - row_begin));
        after_space = std::wstring_view::npos;
        continue;  // look at the same character again on the new row
      }
      column += w;
      if (c == L' ') after_space = i + 1;
      ++i;
    }
    rows.push_back({row_begin, line_end});
    if (newline == std::wstring_view::npos) break;
    line_start = newline + 1;
  }
  return rows;
}

}  // namespace rehearse::tui
