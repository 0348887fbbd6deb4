// SQL for the append-only audit log (tables audit_head, audit_log). The hash itself is
// computed by the service (service/audit); this layer stores and streams rows.
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace egov::store {

struct AuditRow {
  std::int64_t seq = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_id;
  std::string actor;
  std::string agency_code;
  std::string action;
  std::string entity;
  std::string entity_id;
  std::string details;  // JSON
  std::string prev_hash;
  std::string hash;
};

struct AuditHead {
  std::int64_t seq;
  std::string hash;
};

// Locks the head row for this transaction and returns the next sequence number and the
// previous hash. Two transactions never get the same sequence number.
AuditHead ClaimAuditHead(WriteTransaction& tx);
// Inserts the row and moves the head to it.
void InsertAuditRow(WriteTransaction& tx, const AuditRow& row);
// The head as stored.
AuditHead ReadAuditHead(Session& session);
// Calls `visit` for every row in sequence order; stops early when it returns false.
void ForEachAuditRow(Session& session, const std::function<bool(const AuditRow&)>& visit);

}  // namespace egov::store
