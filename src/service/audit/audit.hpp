// The audit chain (docs/access.md, Audit): every change appends one row, in the same
// transaction as the change, hash-chained to the previous row; Verify() recomputes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/access/roles.hpp"
#include "store/database.hpp"

namespace egov::service::audit {

struct Event {
  std::string action;     // "agency.create", "user.update", "token.revoke" …
  std::string entity;     // "agency", "user", "token", "session", "calendar" …
  std::string entity_id;  // the entity's code, username or id
  std::string details;    // a JSON object, "{}" when there is nothing more to say
};

// Who acts: a signed-in user, or the command line / system (actor name, no user id).
struct Actor {
  std::optional<std::int64_t> user_id;
  std::string name;
  std::string agency_code;
  static Actor Of(const core::access::Caller& caller);
  static Actor System(std::string name) { return {std::nullopt, std::move(name), ""}; }
};

// Appends inside the caller's write transaction.
void Append(store::WriteTransaction& tx, const Actor& actor, const Event& event,
            std::int64_t now_ms);

struct VerifyResult {
  bool ok = true;
  std::int64_t rows = 0;
  std::int64_t first_bad_seq = 0;  // when !ok
  std::string problem;             // when !ok: what is wrong with that row (Vietnamese)
};
VerifyResult Verify(store::Database& db);

}  // namespace egov::service::audit
