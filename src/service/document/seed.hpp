// Synthetic but realistic official documents in bulk (`egov seed documents`, CONTRACT.md), for
// benchmarks and search: incoming and outgoing, across the demo's document agencies that have
// a clerk and a leader and across the years asked, with Vietnamese subjects and bodies. Each
// one is made by the Documents service itself (registration, drafting and its actions) with a
// clock set to its instant, so numbers, search text and events are what officers would have
// produced; instants are in increasing order, so numbers follow the days.
#pragma once

#include <cstdint>
#include <functional>

#include "core/document/numbering.hpp"
#include "service/seal/signer.hpp"
#include "store/database.hpp"
#include "store/files/file_store.hpp"

namespace egov::service::document {

struct SeedOptions {
  std::int64_t count = 0;
  std::uint64_t seed = 1;
  int from_year = 2024;  // documents dated from 1 January of from_year …
  int to_year = 2026;    // … to 31 December of to_year
};

struct SeedResult {
  std::int64_t incoming = 0, outgoing = 0;
};

// Needs the demo world (its clerks and leaders). Throws std::runtime_error when no agency has
// both. `progress` is called every 1,000 documents with the total so far. Issued documents
// are sealed like any issue (`signers`; a PDF rendered with the QR of `public_base_url`).
SeedResult SeedDocuments(store::Database& db, store::FileStore& files,
                         const core::document::TypeCatalog& types, seal::SignerSource& signers,
                         const std::string& public_base_url, const SeedOptions& options,
                         const std::function<void(std::int64_t)>& progress = {});

}  // namespace egov::service::document
