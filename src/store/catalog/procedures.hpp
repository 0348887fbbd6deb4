// SQL for the procedure catalog (tables procedures, procedure_versions). Definitions are
// stored as JSON text; the service maps them. Functions never commit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace egov::store::catalog {

struct StoredVersion {
  int version = 0;
  std::string effective_from;
  std::string definition;  // JSON
  std::int64_t created_at = 0;
  std::string created_by;
};

// The version in force on `today` (YYYY-MM-DD): the highest version whose effective_from
// is not after today; if all are in the future, the earliest. nullopt for an unknown code.
std::optional<StoredVersion> FindInForce(Session& session, const std::string& code,
                                         const std::string& today);
// Only the number of the version in force on `today` (same rule), with a statement
// prepared once per pooled connection: every intake asks it.
std::optional<int> VersionInForce(Session& session, const std::string& code,
                                  const std::string& today);
std::optional<StoredVersion> FindVersion(Session& session, const std::string& code, int version);
std::vector<StoredVersion> ListVersions(Session& session, const std::string& code);

// Appends a version (creating the procedure on its first); returns the version number.
int AppendVersion(WriteTransaction& tx, const std::string& code, const std::string& name,
                  const std::string& field, const std::string& level,
                  const std::string& search_folded, const std::string& effective_from,
                  const std::string& definition, std::int64_t now, const std::string& actor);

struct ListFilter {
  std::string query_folded;  // empty: any
  std::string field;         // exact; empty: any
  std::string level;         // exact; empty: any
  int page = 1, per_page = 50;
};
struct ListResult {
  std::vector<std::string> definitions;  // latest version of each, ordered by code
  std::int64_t total = 0;
};
ListResult ListLatest(Session& session, const ListFilter& filter);

struct FieldCount {
  std::string field;
  std::int64_t count;
};
std::vector<FieldCount> ListFields(Session& session);

// Every procedure's latest definition, ordered by code.
std::vector<std::string> ExportLatest(Session& session);

}  // namespace egov::store::catalog
