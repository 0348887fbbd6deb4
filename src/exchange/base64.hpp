// Base64 (RFC 4648, standard alphabet, padded) for the edXML attachment bodies. Decoding skips
// XML whitespace (peers wrap the text at 76 columns) and refuses anything else that is not of
// the alphabet, bad padding and a truncated final group. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace egov::exchange {

std::string Base64Encode(std::string_view bytes);
// nullopt when `text` is not base64.
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace egov::exchange
