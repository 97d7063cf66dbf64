#include "terminal_qr.h"

#include <qrencode.h>

#include <memory>

namespace rehearse::web {

std::string terminal_qr(const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                       &QRcode_free);
  if (!code) return {};
  const int width = code->width;
  constexpr int kQuiet = 2;  // modules of light margin on each side
  auto dark = [&](int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= width) return false;
    return (code->data[y * width + x] & 1) != 0;
  };
  std::string out;
  for (int y = -kQuiet; y < width + kQuiet; y += 2) {
    for (int x = -kQuiet; x < width + kQuiet; ++x) {
      const bool top_light = !dark(x, y);
      const bool bottom_light = y + 1 < width + kQuiet && !dark(x, y + 1);
      out += top_light && bottom_light ? "\u2588" : top_light ? "\u2580" : bottom_light ? "\u2584" : " ";
    }
    out += '\n';
  }
  return out;
}

}  // namespace rehearse::web
