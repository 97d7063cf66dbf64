#include "text_util.h"

#include <algorithm>

namespace rehearse::text {

namespace {

bool is_space_at(std::string_view text, size_t pos, size_t& width) {
  const char c = text[pos];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
    width = 1;
    return true;
  }
  if (c == '\xC2' && pos + 1 < text.size() && text[pos + 1] == '\xA0') {  // U+00A0
    width = 2;
    return true;
  }
  return false;
}

}  // namespace

std::string trim(std::string_view text) {
  size_t first = 0, width = 0;
  while (first < text.size() && is_space_at(text, first, width)) first += width;
  size_t last = text.size();
  while (last > first) {
    if (last >= first + 2 && text[last - 2] == '\xC2' && text[last - 1] == '\xA0') {
      last -= 2;
    } else if (is_space_at(text, last - 1, width) && width == 1) {
      --last;
    } else {
      break;
    }
  }
  return std::string(text.substr(first, last - first));
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) return false;
  return true;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    if (is_space_at(text, i, width)) {
      pending = !out.empty();
      i += width;
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += text[i++];
  }
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find('\n', start);
    std::string line(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

char32_t next_code_point(std::string_view text, size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  const size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 1) {
    ++pos;
    return lead;
  }
  if (length == 0 || pos + length > text.size()) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    const auto c = static_cast<unsigned char>(text[pos + k]);
    if ((c & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  const char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < minimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int first_invalid_utf8_line(std::string_view text, unsigned char* bad_byte) {
  int line = 1;
  for (size_t pos = 0; pos < text.size();) {
    if (text[pos] == '\n') ++line;
    const size_t at = pos;
    // U+FFFD written in the text itself is fine; one made up by the decoder is not.
    if (next_code_point(text, pos) == 0xFFFD && pos == at + 1) {
      if (bad_byte) *bad_byte = static_cast<unsigned char>(text[at]);
      return line;
    }
  }
  return 0;
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_alnum(char c) { return is_ascii_upper(c) || is_ascii_lower(c) || (c >= '0' && c <= '9'); }

}  // namespace rehearse::text
