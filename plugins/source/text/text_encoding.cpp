#include "text_encoding.h"

#include <fmt/format.h>

#include <unordered_map>
#include <vector>

#include "rehearse/errors.h"
#include "text_util.h"

namespace rehearse::text {

namespace {

// Windows-1252 bytes 0x80-0x9F (0 where the code page leaves the byte undefined).
constexpr char32_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

// The character each byte 0x80-0xFF decodes to in Windows-1252 or Windows-874, mapped back to
// the byte. The two code pages agree where they overlap (the euro sign, quotes, dashes, the
// no-break space), so one table serves both. Decoders that keep undefined bytes turn them into
// the C1 control of the same number, which maps back too.
const std::unordered_map<char32_t, unsigned char>& byte_of() {
  static const std::unordered_map<char32_t, unsigned char> table = [] {
    std::unordered_map<char32_t, unsigned char> t;
    for (unsigned b = 0x80; b <= 0x9F; ++b) {
      t[b] = static_cast<unsigned char>(b);
      if (kWindows1252High[b - 0x80] != 0) t[kWindows1252High[b - 0x80]] = static_cast<unsigned char>(b);
    }
    for (unsigned b = 0xA0; b <= 0xFF; ++b) t[b] = static_cast<unsigned char>(b);  // Latin-1 half of 1252
    for (unsigned b = 0xA1; b <= 0xDA; ++b) t[0x0E01 + (b - 0xA1)] = static_cast<unsigned char>(b);  // Thai
    for (unsigned b = 0xDF; b <= 0xFB; ++b) t[0x0E3F + (b - 0xDF)] = static_cast<unsigned char>(b);
    return t;
  }();
  return table;
}

size_t sequence_length(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

struct Repair {
  std::string text;
  int good = 0;  // sequences restored
  int bad = 0;   // would-be lead bytes that start no valid sequence
  int first_line = 0;
};

Repair try_repair(std::string_view text) {
  Repair out;
  out.text.reserve(text.size());
  const auto& table = byte_of();
  int line = 1;
  size_t pos = 0;
  std::vector<char32_t> run;
  std::vector<unsigned char> bytes;
  while (pos < text.size()) {
    size_t at = pos;
    char32_t cp = next_code_point(text, pos);
    auto it = cp >= 0x80 ? table.find(cp) : table.end();
    if (it == table.end()) {
      if (cp == '\n') ++line;
      out.text.append(text.substr(at, pos - at));
      continue;
    }
    // A run of characters that each stand for one high byte.
    run.clear();
    bytes.clear();
    while (true) {
      run.push_back(cp);
      bytes.push_back(it->second);
      if (pos >= text.size()) break;
      at = pos;
      cp = next_code_point(text, pos);
      it = cp >= 0x80 ? table.find(cp) : table.end();
      if (it == table.end()) {
        pos = at;
        break;
      }
    }
    for (size_t i = 0; i < bytes.size();) {
      const size_t length = sequence_length(bytes[i]);
      if (length > 1 && i + length <= bytes.size()) {
        const std::string candidate(bytes.begin() + static_cast<std::ptrdiff_t>(i),
                                    bytes.begin() + static_cast<std::ptrdiff_t>(i + length));
        size_t p = 0;
        const char32_t decoded = next_code_point(candidate, p);
        if (p == length && decoded != 0xFFFD) {
          append_utf8(out.text, decoded);
          ++out.good;
          if (out.first_line == 0) out.first_line = line;
          i += length;
          continue;
        }
      }
      if (length > 1) ++out.bad;
      append_utf8(out.text, run[i]);
      ++i;
    }
  }
  return out;
}

std::string utf16_to_utf8(std::string_view bytes, bool little_endian, const std::string& file) {
  std::string out;
  auto unit = [&](size_t i) {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char32_t>(little_endian ? (a | (b << 8)) : ((a << 8) | b));
  };
  int line = 1;
  for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const char32_t low = i + 3 < bytes.size() ? unit(i + 2) : 0;
      if (low < 0xDC00 || low > 0xDFFF) throw ParseError(file, line, "is UTF-16 text with a broken surrogate pair");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      throw ParseError(file, line, "is UTF-16 text with a broken surrogate pair");
    }
    if (cp == '\n') ++line;
    append_utf8(out, cp);
  }
  return out;
}

}  // namespace

std::string repair_misdecoded_utf8(std::string_view text, int& repaired, int* first_line) {
  repaired = 0;
  std::string current(text);
  // Text mis-decoded twice needs two rounds; each round must be clearly right to be kept.
  for (int round = 0; round < 2; ++round) {
    Repair attempt = try_repair(current);
    if (attempt.good == 0 || attempt.bad * 10 > attempt.good) break;
    repaired += attempt.good;
    if (first_line && round == 0) *first_line = attempt.first_line;
    current = std::move(attempt.text);
  }
  return current;
}

DecodedText decode_text_file(std::string_view bytes, const std::string& file) {
  DecodedText out;
  std::string utf8;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    utf8 = utf16_to_utf8(bytes, bytes[0] == '\xFF', file);
    bytes = utf8;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (trim(bytes).empty()) throw ParseError(file, 0, "is empty");
  // Text has no NUL bytes and few control characters; anything else is some binary format.
  int controls = 0;
  const size_t sample = std::min<size_t>(bytes.size(), 65536);
  for (size_t i = 0; i < sample; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) throw ParseError(file, 0, "holds binary data, not text (is it the right file?)");
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (controls * 100 > static_cast<int>(sample)) throw ParseError(file, 0, "holds binary data, not text (is it the right file?)");
  unsigned char bad = 0;
  if (int line = first_invalid_utf8_line(bytes, &bad))
    throw ParseError(file, line,
                     fmt::format("is not UTF-8 text (byte 0x{:02X} on this line); save it as UTF-8 and import it again", bad));
  out.text = repair_misdecoded_utf8(bytes, out.repaired, &out.first_repaired_line);
  return out;
}

}  // namespace rehearse::text
