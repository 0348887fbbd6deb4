// SQL for the documents received by edXML (see exchanges.hpp).
#include "store/document/exchanges.hpp"

#include <soci/soci.h>

#include "store/errors.hpp"
#include "store/query.hpp"

namespace egov::store::document {

namespace {

// The statements of this file, by what they do.
constexpr const char* kInsertExchange =
    "INSERT INTO document_exchanges (document_id, agency_id, package_sha256, edxml_document_id, "
    "signed, pinned, certificate_subject, certificate_sha256, imported_at, imported_by) "
    "VALUES (:document_id, :agency_id, :package_sha256, :edxml_document_id, :signed, :pinned, "
    ":certificate_subject, :certificate_sha256, :imported_at, :imported_by)";
constexpr const char* kSelectExchange =
    "SELECT document_id, agency_id, package_sha256, edxml_document_id, signed, pinned, "
    "certificate_subject, certificate_sha256, imported_at, imported_by FROM document_exchanges "
    "WHERE document_id = :document_id";
constexpr const char* kSelectImportedPackage =
    "SELECT document_id FROM document_exchanges WHERE agency_id = :agency_id AND "
    "package_sha256 = :package_sha256";

struct ExchangeRow {
  long long document_id = 0, agency_id = 0, imported_at = 0;
  int signed_ = 0, pinned = 0;
  std::string package_sha256, edxml_document_id, certificate_subject, certificate_sha256,
      imported_by;
  void Bind(Columns& c) {
    c("document_id", document_id);
    c("agency_id", agency_id);
    c("package_sha256", package_sha256);
    c("edxml_document_id", edxml_document_id);
    c("signed", signed_);
    c("pinned", pinned);
    c("certificate_subject", certificate_subject);
    c("certificate_sha256", certificate_sha256);
    c("imported_at", imported_at);
    c("imported_by", imported_by);
  }
  ExchangeRecord Get() const {
    return {document_id, agency_id,           package_sha256,     edxml_document_id, signed_ != 0,
            pinned != 0, certificate_subject, certificate_sha256, imported_at,       imported_by};
  }
};

}  // namespace

void InsertExchange(WriteTransaction& tx, const ExchangeRecord& r) {
  long long document_id = r.document_id, agency_id = r.agency_id, at = r.imported_at;
  int signed_ = r.signed_ ? 1 : 0, pinned = r.pinned ? 1 : 0;
  MappingUniqueViolation([&] {
    tx.sql() << kInsertExchange, soci::use(document_id, "document_id"),
        soci::use(agency_id, "agency_id"), soci::use(r.package_sha256, "package_sha256"),
        soci::use(r.edxml_document_id, "edxml_document_id"), soci::use(signed_, "signed"),
        soci::use(pinned, "pinned"), soci::use(r.certificate_subject, "certificate_subject"),
        soci::use(r.certificate_sha256, "certificate_sha256"), soci::use(at, "imported_at"),
        soci::use(r.imported_by, "imported_by");
  });
}

std::optional<ExchangeRecord> FindExchange(Session& session, std::int64_t document_id) {
  long long id = document_id;
  return QueryRow<ExchangeRow>(session.sql(), kSelectExchange, soci::use(id, "document_id"));
}

std::optional<std::int64_t> FindImportedPackage(Session& session, std::int64_t agency_id,
                                                const std::string& package_sha256) {
  long long agency = agency_id, id = 0;
  soci::indicator ind = soci::i_null;
  session.sql() << kSelectImportedPackage, soci::into(id, ind), soci::use(agency, "agency_id"),
      soci::use(package_sha256, "package_sha256");
  if (!session.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return id;
}

}  // namespace egov::store::document
