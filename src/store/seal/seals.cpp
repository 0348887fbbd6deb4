// SQL for seals and agency keys (see seals.hpp).
#include "store/seal/seals.hpp"

#include <soci/soci.h>

#include <stdexcept>

#include "store/errors.hpp"
#include "store/query.hpp"

namespace egov::store::seal {

namespace {

// The statements of this file, by what they do.
constexpr const char* kSelectKey =
    "SELECT agency_id, key_id, algorithm, public_key, private_key_sealed, created_at "
    "FROM agency_keys ";
const std::string kSelectActiveKey =
    std::string(kSelectKey) + "WHERE agency_id = :agency AND retired_at IS NULL";
const std::string kSelectKeyById = std::string(kSelectKey) + "WHERE key_id = :key_id";
constexpr const char* kInsertKey =
    "INSERT INTO agency_keys (agency_id, key_id, algorithm, public_key, private_key_sealed, "
    "created_at) VALUES (:agency, :key_id, :algorithm, :public_key, :private_key, :at) "
    "ON CONFLICT DO NOTHING";
constexpr const char* kInsertSeal =
    "INSERT INTO seals (token, kind, subject_ref, sha256, number_notation, issuer_agency_id, "
    "issuer_code, issuer_name, title, issued_on, algorithm, key_id, signature, signed_at) "
    "VALUES (:token, :kind, :subject_ref, :sha256, :number_notation, :agency, :issuer_code, "
    ":issuer_name, :title, :issued_on, :algorithm, :key_id, :signature, :signed_at)";
constexpr const char* kSelectSeal =
    "SELECT token, kind, subject_ref, sha256, number_notation, issuer_code, issuer_name, title, "
    "issued_on, algorithm, key_id, signed_at, signature FROM seals WHERE token = :token";
// The latest seal of a subject (an issued document's, by its id).
constexpr const char* kSelectSealOfSubject =
    "SELECT token, kind, subject_ref, sha256, number_notation, issuer_code, issuer_name, title, "
    "issued_on, algorithm, key_id, signed_at, signature FROM seals "
    "WHERE kind = :kind AND subject_ref = :subject_ref ORDER BY signed_at DESC, id DESC LIMIT 1";

struct KeyRow {
  long long agency_id = 0, created_at = 0;
  std::string key_id, algorithm, public_key, private_key_sealed;
  void Bind(Columns& c) {
    c("agency_id", agency_id);
    c("key_id", key_id);
    c("algorithm", algorithm);
    c("public_key", public_key);
    c("private_key_sealed", private_key_sealed);
    c("created_at", created_at);
  }
  StoredKey Get() const {
    return {agency_id, key_id, algorithm, public_key, private_key_sealed, created_at};
  }
};

struct SealRow {
  std::string token, kind, subject_ref, sha256, number_notation, issuer_code, issuer_name, title,
      issued_on, algorithm, key_id, signature;
  long long signed_at = 0;
  void Bind(Columns& c) {
    c("token", token);
    c("kind", kind);
    c("subject_ref", subject_ref);
    c("sha256", sha256);
    c("number_notation", number_notation);
    c("issuer_code", issuer_code);
    c("issuer_name", issuer_name);
    c("title", title);
    c("issued_on", issued_on);
    c("algorithm", algorithm);
    c("key_id", key_id);
    c("signed_at", signed_at);
    c("signature", signature);
  }
  core::seal::SealRecord Get() const {
    auto parsed = core::seal::ParseKind(kind);
    if (!parsed) throw std::runtime_error("seals.kind holds an unknown kind: " + kind);
    return {token, *parsed,   subject_ref, sha256, number_notation, issuer_code, issuer_name,
            title, issued_on, algorithm,   key_id, signed_at,       signature};
  }
};

}  // namespace

std::optional<StoredKey> FindActiveKey(Session& session, std::int64_t agency_id) {
  long long id = agency_id;
  return QueryRow<KeyRow>(session.sql(), kSelectActiveKey, soci::use(id, "agency"));
}

std::optional<StoredKey> FindKey(Session& session, const std::string& key_id) {
  return QueryRow<KeyRow>(session.sql(), kSelectKeyById, soci::use(key_id, "key_id"));
}

bool InsertKeyIfNone(WriteTransaction& tx, const StoredKey& key) {
  long long agency = key.agency_id, at = key.created_at;
  soci::statement st =
      (tx.sql().prepare << kInsertKey, soci::use(agency, "agency"), soci::use(key.key_id, "key_id"),
       soci::use(key.algorithm, "algorithm"), soci::use(key.public_key, "public_key"),
       soci::use(key.private_key_sealed, "private_key"), soci::use(at, "at"));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

void InsertSeal(WriteTransaction& tx, std::int64_t issuer_agency_id,
                const core::seal::SealRecord& r) {
  long long agency = issuer_agency_id, signed_at = r.signed_at;
  std::string kind(core::seal::Name(r.kind));
  MappingUniqueViolation([&] {
    tx.sql() << kInsertSeal, soci::use(r.token, "token"), soci::use(kind, "kind"),
        soci::use(r.subject_ref, "subject_ref"), soci::use(r.sha256, "sha256"),
        soci::use(r.number_notation, "number_notation"), soci::use(agency, "agency"),
        soci::use(r.issuer_code, "issuer_code"), soci::use(r.issuer_name, "issuer_name"),
        soci::use(r.title, "title"), soci::use(r.issued_on, "issued_on"),
        soci::use(r.algorithm, "algorithm"), soci::use(r.key_id, "key_id"),
        soci::use(r.signature, "signature"), soci::use(signed_at, "signed_at");
  });
}

std::optional<core::seal::SealRecord> FindSeal(Session& session, const std::string& token) {
  return QueryRow<SealRow>(session.sql(), kSelectSeal, soci::use(token, "token"));
}

std::optional<core::seal::SealRecord> FindSealOf(Session& session, core::seal::Kind kind,
                                                 const std::string& subject_ref) {
  std::string name(core::seal::Name(kind));
  return QueryRow<SealRow>(session.sql(), kSelectSealOfSubject, soci::use(name, "kind"),
                           soci::use(subject_ref, "subject_ref"));
}

}  // namespace egov::store::seal
