// The hash chain of the audit log (see audit.hpp).
#include "service/audit/audit.hpp"

#include <fmt/format.h>

#include "service/security/crypto.hpp"
#include "store/audit.hpp"

namespace egov::service::audit {

namespace {

// Length-prefixed fields, so no two different rows serialise alike.
std::string Canonical(const store::AuditRow& r) {
  std::string out;
  auto add = [&out](std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ';';
  };
  add(std::to_string(r.seq));
  add(std::to_string(r.at));
  add(r.actor_id ? std::to_string(*r.actor_id) : "");
  add(r.actor);
  add(r.agency_code);
  add(r.action);
  add(r.entity);
  add(r.entity_id);
  add(r.details);
  add(r.prev_hash);
  return out;
}

}  // namespace

Actor Actor::Of(const core::access::Caller& caller) {
  return {caller.user_id, caller.username, caller.agency_code};
}

void Append(store::WriteTransaction& tx, const Actor& actor, const Event& event,
            std::int64_t now_ms) {
  store::AuditHead head = store::ClaimAuditHead(tx);
  store::AuditRow row{head.seq,
                      now_ms,
                      actor.user_id,
                      actor.name,
                      actor.agency_code,
                      event.action,
                      event.entity,
                      event.entity_id,
                      event.details.empty() ? "{}" : event.details,
                      head.hash,
                      ""};
  row.hash = security::Sha256Hex(Canonical(row));
  store::InsertAuditRow(tx, row);
}

VerifyResult Verify(store::Database& db) {
  store::Session s(db);
  VerifyResult result;
  std::string prev_hash;
  std::int64_t expected_seq = 1;
  store::ForEachAuditRow(s, [&](const store::AuditRow& row) {
    auto fail = [&](std::string problem) {
      result.ok = false;
      result.first_bad_seq = row.seq;
      result.problem = std::move(problem);
      return false;
    };
    if (row.seq != expected_seq) {
      result.ok = false;
      result.first_bad_seq = expected_seq;
      result.problem = row.seq > expected_seq ? fmt::format("thiếu dòng số {} (dòng kế tiếp là {})",
                                                            expected_seq, row.seq)
                                              : fmt::format("dòng số {} bị lặp", row.seq);
      return false;
    }
    if (row.prev_hash != prev_hash) {
      return fail(fmt::format("dòng số {} không nối với dòng trước (prev_hash sai)", row.seq));
    }
    if (security::Sha256Hex(Canonical(row)) != row.hash) {
      return fail(fmt::format("dòng số {} đã bị sửa (hash không khớp nội dung)", row.seq));
    }
    prev_hash = row.hash;
    ++expected_seq;
    ++result.rows;
    return true;
  });
  if (!result.ok) return result;
  store::AuditHead head = store::ReadAuditHead(s);
  if (head.seq != result.rows || head.hash != prev_hash) {
    result.ok = false;
    result.first_bad_seq = result.rows + 1;
    result.problem =
        head.seq > result.rows
            ? fmt::format("thiếu các dòng cuối từ số {} đến {}", result.rows + 1, head.seq)
            : fmt::format("đầu chuỗi (audit_head) không khớp dòng cuối số {}", result.rows);
  }
  return result;
}

}  // namespace egov::service::audit
