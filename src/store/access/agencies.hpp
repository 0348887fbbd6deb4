// SQL for agencies (table agencies, docs/access.md). Functions run on the caller's session or
// transaction; they never commit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access/model.hpp"
#include "store/database.hpp"

namespace egov::store::access {

// Only an agency's working hours ("07:30-11:30,13:00-17:00"), with a statement prepared once
// per pooled connection (every intake and acceptance asks it). nullopt: no such agency.
std::optional<std::string> FindWorkingHours(Session& session, const std::string& code);
std::optional<core::access::Agency> FindAgencyByCode(Session& session, const std::string& code);
std::optional<core::access::Agency> FindAgencyById(Session& session, std::int64_t id);
// The agencies directly under `parent_id` whose abbreviation (ký hiệu) is `abbreviation`,
// ordered by code.
std::vector<core::access::Agency> ListChildrenByAbbreviation(Session& session,
                                                             std::int64_t parent_id,
                                                             const std::string& abbreviation);
// The agency at `path` and every agency below it, ordered by path (parents first).
std::vector<core::access::Agency> ListAgencySubtree(Session& session, const std::string& path);
// Inserts `agency` under `parent` (none: a root) and returns it with id and path set.
core::access::Agency InsertAgency(WriteTransaction& tx, core::access::Agency agency,
                                  const core::access::Agency* parent, std::int64_t now);
void UpdateAgency(WriteTransaction& tx, const core::access::Agency& agency, std::int64_t now);
std::int64_t CountAgencies(Session& session);

}  // namespace egov::store::access
