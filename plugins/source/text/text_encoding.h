// Turning the bytes of a saved page into clean UTF-8 text.
//
// Pages copied from browsers and editors often went through a wrong decoding on the way: UTF-8
// bytes were read as Windows-1252 (or as Windows-874, the Thai code page some systems default
// to) and the resulting characters were saved again as UTF-8, so "•" became "â€¢" or "โ€ข".
// That is reversible: map each character back to the single byte it was decoded from and read
// those bytes as UTF-8 again.
#pragma once

#include <string>
#include <string_view>

namespace rehearse::text {

struct DecodedText {
  std::string text;
  int repaired = 0;        // characters restored from a wrong decoding
  int first_repaired_line = 0;
};

// Checks and cleans the bytes of a text file: strips a UTF-8 byte order mark, converts UTF-16
// (with a byte order mark) to UTF-8 and repairs text that was decoded with the wrong code page.
// Throws ParseError naming `file` (and the line, where there is one) for an empty file, binary
// data, or text in another encoding than UTF-8.
DecodedText decode_text_file(std::string_view bytes, const std::string& file);

// Reverses a Windows-1252 / Windows-874 mis-decoding where the text shows one, and leaves text
// alone that only uses those characters legitimately (French, Thai). `repaired` counts the
// characters restored.
std::string repair_misdecoded_utf8(std::string_view text, int& repaired, int* first_line = nullptr);

}  // namespace rehearse::text
