// The demo's edXML exchange keys (docs/exchange.md, "Demo keys"): each document agency of the
// demo world gets an RSA exchange key with a self-signed certificate in `keys_dir`, and that
// certificate is pinned in `trusted_dir`, so that a document one demo agency exports imports
// at another as signed and pinned, out of the box. Existing keys are kept (never replaced);
// an agency without one gets one. Several processes provisioning the same folders at once
// (tests) are serialised by a lock file beside `keys_dir`.
#pragma once

#include <filesystem>

#include "store/database.hpp"

namespace egov::service::demo {

struct ExchangeKeysResult {
  int created = 0;  // keys made now
  int kept = 0;     // agencies that had one
};

// Needs LoadDemo first (the agencies).
ExchangeKeysResult ProvisionDemoExchangeKeys(store::Database& db,
                                             const std::filesystem::path& keys_dir,
                                             const std::filesystem::path& trusted_dir);

}  // namespace egov::service::demo
