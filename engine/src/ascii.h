// Lower case for ASCII letters only, the way the engine compares themes, ids and keywords: other
// bytes (UTF-8 sequences included) are left as they are, whatever the locale.
#pragma once

#include <string>
#include <string_view>

namespace rehearse {

inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace rehearse
