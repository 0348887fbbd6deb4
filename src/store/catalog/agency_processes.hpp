// SQL for agencies' own internal processes (table agency_processes): per agency and
// procedure code, the steps in the catalog's JSON step form. Functions never commit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace egov::store::catalog {

struct StoredProcess {
  std::string procedure_code;
  std::string steps;  // JSON {"steps":[…]} (service::catalog::ProcessJson)
  std::int64_t updated_at = 0;
  std::string updated_by;
};

std::optional<StoredProcess> FindAgencyProcess(Session& session, std::int64_t agency_id,
                                               const std::string& procedure_code);
// The agency's processes, by procedure code.
std::vector<StoredProcess> ListAgencyProcesses(Session& session, std::int64_t agency_id);
// Inserts or replaces the agency's process for `process.procedure_code`.
void PutAgencyProcess(WriteTransaction& tx, std::int64_t agency_id, const StoredProcess& process);
// False when there was none.
bool DeleteAgencyProcess(WriteTransaction& tx, std::int64_t agency_id,
                         const std::string& procedure_code);

}  // namespace egov::store::catalog
