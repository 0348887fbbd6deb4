// QR codes for printed forms (the receipt's lookup-and-rating link), encoded with
// libqrencode. Pure; thread-safe (libqrencode is built thread-safe on Debian).
#pragma once

#include <string_view>
#include <vector>

namespace egov::render {

// A QR symbol: size × size modules, row-major, true = dark. The quiet zone (4 modules of
// white on every side) is not included; whoever draws the symbol keeps it clear.
struct QrMatrix {
  int size = 0;
  std::vector<bool> dark;
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x]; }
};

// Encodes `text` (bytes, typically a URL) with error correction level M and the smallest
// version that holds it. Throws std::invalid_argument if `text` is empty or longer than a
// version-40 M symbol holds (2331 bytes) — a programming error for the URLs Egov prints.
QrMatrix EncodeQr(std::string_view text);

}  // namespace egov::render
