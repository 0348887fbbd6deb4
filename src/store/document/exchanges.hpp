// SQL for the documents received by edXML (migration 0017, docs/exchange.md "Import"): how
// each package was signed and its identity. Functions never commit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace egov::store::document {

struct ExchangeRecord {
  std::int64_t document_id = 0;
  std::int64_t agency_id = 0;  // the importing agency
  std::string package_sha256;
  std::string edxml_document_id;
  bool signed_ = false;
  bool pinned = false;
  std::string certificate_subject, certificate_sha256;
  std::int64_t imported_at = 0;
  std::string imported_by;
};

// Throws UniqueViolation when the agency already imported a package with this SHA-256.
void InsertExchange(WriteTransaction& tx, const ExchangeRecord& record);
std::optional<ExchangeRecord> FindExchange(Session& session, std::int64_t document_id);
// The document the agency registered from a package with this SHA-256, if any.
std::optional<std::int64_t> FindImportedPackage(Session& session, std::int64_t agency_id,
                                                const std::string& package_sha256);

}  // namespace egov::store::document
