// Small text helpers shared by the source plugins: trimming, ASCII case folding, UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rehearse::text {

// Trims spaces, tabs, carriage returns and no-break spaces (U+00A0) from both ends.
std::string trim(std::string_view text);
std::string lower(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
// Collapses every run of white space into one space and trims.
std::string collapse_spaces(std::string_view text);
std::vector<std::string> split_lines(std::string_view text);
// Joins `items` with `separator`.
std::string join(const std::vector<std::string>& items, std::string_view separator);

// Decodes one UTF-8 sequence at `pos` (advancing it); invalid bytes come back as U+FFFD, one byte each.
char32_t next_code_point(std::string_view text, size_t& pos);
void append_utf8(std::string& out, char32_t code_point);
// The 1-based line of the first byte that is not valid UTF-8, or 0 when all of it is.
int first_invalid_utf8_line(std::string_view text, unsigned char* bad_byte = nullptr);

bool is_ascii_upper(char c);
bool is_ascii_lower(char c);
bool is_ascii_alnum(char c);

}  // namespace rehearse::text
