// SQL for the audit log (see audit.hpp).
#include "store/audit.hpp"

#include <soci/soci.h>

namespace egov::store {

AuditHead ClaimAuditHead(soci::session& tx) {
  long long seq = 0;
  std::string hash;
  soci::indicator hash_ind;
  // The UPDATE takes the row lock (PostgreSQL) inside the writer's transaction (SQLite).
  tx << "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash", soci::into(seq),
      soci::into(hash, hash_ind);
  return {seq, hash_ind == soci::i_ok ? hash : ""};
}

void InsertAuditRow(soci::session& tx, const AuditRow& r) {
  long long seq = r.seq, at = r.at, actor_id = r.actor_id.value_or(0);
  soci::indicator actor_ind = r.actor_id ? soci::i_ok : soci::i_null;
  tx << "INSERT INTO audit_log (seq, at, actor_id, actor, agency_code, action, entity, "
        "entity_id, details, prev_hash, hash) VALUES (:seq, :at, :actor_id, :actor, :agency, "
        ":action, :entity, :entity_id, :details, :prev, :hash)",
      soci::use(seq, "seq"), soci::use(at, "at"), soci::use(actor_id, actor_ind, "actor_id"),
      soci::use(r.actor, "actor"), soci::use(r.agency_code, "agency"),
      soci::use(r.action, "action"), soci::use(r.entity, "entity"),
      soci::use(r.entity_id, "entity_id"), soci::use(r.details, "details"),
      soci::use(r.prev_hash, "prev"), soci::use(r.hash, "hash");
  tx << "UPDATE audit_head SET hash = :hash WHERE id = 1", soci::use(r.hash, "hash");
}

AuditHead ReadAuditHead(soci::session& sql) {
  long long seq = 0;
  std::string hash;
  soci::indicator hash_ind;
  sql << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq),
      soci::into(hash, hash_ind);
  return {seq, hash_ind == soci::i_ok ? hash : ""};
}

void ForEachAuditRow(soci::session& sql, const std::function<bool(const AuditRow&)>& visit) {
  AuditRow row;
  long long seq = 0, at = 0, actor_id = 0;
  soci::indicator actor_ind;
  soci::statement st =
      (sql.prepare << "SELECT seq, at, actor_id, actor, agency_code, action, entity, entity_id, "
                      "details, prev_hash, hash FROM audit_log ORDER BY seq",
       soci::into(seq), soci::into(at), soci::into(actor_id, actor_ind), soci::into(row.actor),
       soci::into(row.agency_code), soci::into(row.action), soci::into(row.entity),
       soci::into(row.entity_id), soci::into(row.details), soci::into(row.prev_hash),
       soci::into(row.hash));
  st.execute();
  while (st.fetch()) {
    row.seq = seq;
    row.at = at;
    row.actor_id = actor_ind == soci::i_ok ? std::optional<std::int64_t>(actor_id) : std::nullopt;
    if (!visit(row)) break;
  }
}

}  // namespace egov::store
