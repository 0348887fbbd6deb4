// QR encoding through libqrencode (see qr.hpp).
#include "render/qr.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace egov::render {

QrMatrix EncodeQr(std::string_view text) {
  if (text.empty()) throw std::invalid_argument("EncodeQr: empty text");
  constexpr std::size_t kMaxBytes = 2331;  // version 40, level M, byte mode
  // QRcode_encodeData takes a length, so embedded NUL bytes are encoded as they are.
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      text.size() > kMaxBytes
          ? nullptr
          : QRcode_encodeData(static_cast<int>(text.size()),
                              reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) {
    throw std::invalid_argument("EncodeQr: " + std::to_string(text.size()) +
                                " bytes do not fit a QR symbol at level M");
  }
  QrMatrix qr;
  qr.size = code->width;
  qr.dark.resize(static_cast<std::size_t>(qr.size) * qr.size);
  for (std::size_t i = 0; i < qr.dark.size(); ++i) qr.dark[i] = (code->data[i] & 1) != 0;
  return qr;
}

}  // namespace egov::render
