// SQL for the audit log (see audit.hpp).
#include "store/audit.hpp"

#include <soci/soci.h>

#include "store/query.hpp"

namespace egov::store {

namespace {

// The statements of this file, by what they do.
// The UPDATE takes the row lock (PostgreSQL) inside the writer's transaction (SQLite).
constexpr const char* kClaimHead =
    "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash";
constexpr const char* kInsertRow =
    "INSERT INTO audit_log (seq, at, actor_id, actor, agency_code, action, entity, entity_id, "
    "details, prev_hash, hash) VALUES (:seq, :at, :actor_id, :actor, :agency, :action, :entity, "
    ":entity_id, :details, :prev, :hash)";
constexpr const char* kMoveHead = "UPDATE audit_head SET hash = :hash WHERE id = 1";
constexpr const char* kSelectHead = "SELECT seq, hash FROM audit_head WHERE id = 1";
constexpr const char* kSelectRows =
    "SELECT seq, at, actor_id, actor, agency_code, action, entity, entity_id, details, "
    "prev_hash, hash FROM audit_log ORDER BY seq";

struct HeadRow {
  long long seq = 0;
  std::string hash;
  soci::indicator hash_ind = soci::i_null;
  void Bind(Columns& c) {
    c("seq", seq);
    c("hash", hash, hash_ind);
  }
  AuditHead Get() const { return {seq, hash_ind == soci::i_ok ? hash : ""}; }
};

struct LogRow {
  AuditRow row;
  long long seq = 0, at = 0, actor_id = 0;
  soci::indicator actor_ind = soci::i_null;
  void Bind(Columns& c) {
    c("seq", seq);
    c("at", at);
    c("actor_id", actor_id, actor_ind);
    c("actor", row.actor);
    c("agency_code", row.agency_code);
    c("action", row.action);
    c("entity", row.entity);
    c("entity_id", row.entity_id);
    c("details", row.details);
    c("prev_hash", row.prev_hash);
    c("hash", row.hash);
  }
  const AuditRow& Get() {
    row.seq = seq;
    row.at = at;
    row.actor_id = actor_ind == soci::i_ok ? std::optional<std::int64_t>(actor_id) : std::nullopt;
    return row;
  }
};

}  // namespace

AuditHead ClaimAuditHead(WriteTransaction& tx) {
  return QueryRow<HeadRow>(tx.sql(), kClaimHead).value_or(AuditHead{0, ""});
}

void InsertAuditRow(WriteTransaction& tx, const AuditRow& r) {
  long long seq = r.seq, at = r.at, actor_id = r.actor_id.value_or(0);
  soci::indicator actor_ind = r.actor_id ? soci::i_ok : soci::i_null;
  tx.sql() << kInsertRow, soci::use(seq, "seq"), soci::use(at, "at"),
      soci::use(actor_id, actor_ind, "actor_id"), soci::use(r.actor, "actor"),
      soci::use(r.agency_code, "agency"), soci::use(r.action, "action"),
      soci::use(r.entity, "entity"), soci::use(r.entity_id, "entity_id"),
      soci::use(r.details, "details"), soci::use(r.prev_hash, "prev"), soci::use(r.hash, "hash");
  tx.sql() << kMoveHead, soci::use(r.hash, "hash");
}

AuditHead ReadAuditHead(Session& session) {
  return QueryRow<HeadRow>(session.sql(), kSelectHead).value_or(AuditHead{0, ""});
}

void ForEachAuditRow(Session& session, const std::function<bool(const AuditRow&)>& visit) {
  ForEachRow<LogRow>(session.sql(), kSelectRows, visit);
}

}  // namespace egov::store
