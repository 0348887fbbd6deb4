// The keys of the edXML exchange as configured (docs/exchange.md, "Keys"): the agencies'
// signing keys from `[exchange] keys_dir` and the certificates pinned per sender from
// `[exchange] trusted_dir`. Read once — by Load() when the server starts (a bad key stops
// it), else on first use — and immutable after. A folder that does not exist holds nothing:
// no agency can export, and no sender is pinned. Thread-safe.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string_view>

#include "exchange/signing_key.hpp"

namespace egov::service::document {

class ExchangeKeys {
 public:
  ExchangeKeys(std::filesystem::path keys_dir, std::filesystem::path trusted_dir);

  // Reads both folders now. Throws std::invalid_argument naming a file that is unusable (a
  // key without its certificate, a non-RSA or short key, a key and certificate that do not
  // match, a pinned file that is not a certificate).
  void Load();
  // The agency's signing key, or null when it has none.
  const exchange::SigningKey* Find(std::string_view organ_id);
  const exchange::TrustStore& trust();
  const std::filesystem::path& keys_dir() const { return keys_dir_; }
  const std::filesystem::path& trusted_dir() const { return trusted_dir_; }

 private:
  struct Loaded {
    exchange::SigningKeys keys;
    exchange::TrustStore trust;
  };
  const Loaded& Get();

  std::filesystem::path keys_dir_, trusted_dir_;
  std::mutex mutex_;
  std::optional<Loaded> loaded_;
};

}  // namespace egov::service::document
