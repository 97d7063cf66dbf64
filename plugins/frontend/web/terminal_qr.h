// A QR code drawn in a terminal, so that a phone's camera can open the pairing address.
#pragma once

#include <string>

namespace rehearse::web {

// `text` as a QR code of Unicode half blocks (two modules a character cell, so it stays square),
// with the quiet zone a reader needs around it. Light modules are drawn, dark ones are left
// blank: on the usual dark terminal this reads as dark-on-light. Empty when `text` cannot be
// encoded (too long).
std::string terminal_qr(const std::string& text);

}  // namespace rehearse::web
