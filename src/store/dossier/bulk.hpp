// Bulk loading of dossiers for benchmarks and demos (egov seed): one prepared statement
// bound to vectors per batch, inside the caller's transaction.
#pragma once

#include "store/database.hpp"

#include <string>
#include <vector>

#include "core/dossier/model.hpp"

namespace egov::store::dossier {

// Inserts the dossiers (codes already allocated), one "intake" event each and their resolved
// steps (`steps[i]` for `batch[i]`).
void BulkInsert(WriteTransaction& tx, const std::vector<core::dossier::Dossier>& batch,
                const std::vector<std::string>& applicant_folded,
                const std::vector<std::vector<core::dossier::DossierStep>>& steps);
// Sets the agency's counter for `day` to at least `last` (so later intakes continue after).
void RaiseCounter(WriteTransaction& tx, std::int64_t agency_id, const std::string& day,
                  std::int64_t last);

struct CounterRow {
  std::int64_t agency_id;
  std::string day;
  std::int64_t last;
};
std::vector<CounterRow> ReadCounters(Session& session);

struct ReceivingAgency {
  std::int64_t id;
  std::string code, name, kind;
};
// Agencies that have at least one reception officer: where dossiers are received.
std::vector<ReceivingAgency> ListReceivingAgencies(Session& session);

}  // namespace egov::store::dossier
