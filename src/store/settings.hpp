// Instance-wide settings (the `settings` table: key → value), such as the marker that the
// demo world is loaded, and the probe of the health check. Functions never commit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace egov::store {

std::optional<std::string> FindSetting(Session& session, const std::string& key);
// Adds `key`; throws UniqueViolation when it is already set.
void InsertSetting(WriteTransaction& tx, const std::string& key, const std::string& value,
                   std::int64_t now);

// The highest applied migration (0 when none), creating nothing: the readiness probe.
// Throws Unavailable when the database does not answer.
int ProbeSchemaVersion(Database& db);

}  // namespace egov::store
