// The demo's official documents (docs/documents.md, "Demo"): a few incoming and outgoing
// documents of UBND huyện Trà Bồng in every stage, so that each demo account of document work
// finds something to do — `lanhdao` one to direct and one to approve, `chuyenvien.tnmt` one to
// handle, `vanthu` one to issue, `vanthu.traso` one arrived from the district to register —
// and a secret one. Made by the Documents service itself with a DemoClock in the two days
// before `clock`'s time. Loaded once (a marker in `settings`).
#pragma once

#include "core/clock.hpp"
#include "core/document/numbering.hpp"
#include "service/seal/signer.hpp"
#include "store/database.hpp"
#include "store/files/file_store.hpp"

namespace egov::service::demo {

struct DocumentsResult {
  bool already_loaded = false;
  int created = 0;
};

// Needs LoadDemo first and a pool of at least 2 connections. The issued document is sealed
// with `signers` (a PDF rendered with the QR of `public_base_url`/xac-thuc/{token}).
DocumentsResult LoadDemoDocuments(store::Database& db, store::FileStore& files,
                                  const core::document::TypeCatalog& types,
                                  const core::Clock& clock, seal::SignerSource& signers,
                                  const std::string& public_base_url);

}  // namespace egov::service::demo
