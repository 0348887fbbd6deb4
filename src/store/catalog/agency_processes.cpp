// SQL for agencies' own processes (see agency_processes.hpp).
#include "store/catalog/agency_processes.hpp"

#include <soci/soci.h>

#include "store/query.hpp"

namespace egov::store::catalog {

namespace {

constexpr const char* kSelectProcess =
    "SELECT procedure_code, steps, updated_at, updated_by FROM agency_processes ";
const std::string kSelectOne =
    std::string(kSelectProcess) + "WHERE agency_id = :agency AND procedure_code = :code";
const std::string kSelectOfAgency =
    std::string(kSelectProcess) + "WHERE agency_id = :agency ORDER BY procedure_code";
constexpr const char* kUpsertProcess =
    "INSERT INTO agency_processes (agency_id, procedure_code, steps, updated_at, updated_by) "
    "VALUES (:agency, :code, :steps, :at, :by) ON CONFLICT (agency_id, procedure_code) DO "
    "UPDATE SET steps = excluded.steps, updated_at = excluded.updated_at, "
    "updated_by = excluded.updated_by";
constexpr const char* kDeleteProcess =
    "DELETE FROM agency_processes WHERE agency_id = :agency AND procedure_code = :code";

struct ProcessRow {
  StoredProcess p;
  long long updated_at = 0;
  void Bind(Columns& c) {
    c("procedure_code", p.procedure_code);
    c("steps", p.steps);
    c("updated_at", updated_at);
    c("updated_by", p.updated_by);
  }
  StoredProcess Get() const {
    StoredProcess out = p;
    out.updated_at = updated_at;
    return out;
  }
};

}  // namespace

std::optional<StoredProcess> FindAgencyProcess(Session& session, std::int64_t agency_id,
                                               const std::string& procedure_code) {
  long long agency = agency_id;
  return QueryRow<ProcessRow>(session.sql(), kSelectOne, soci::use(agency, "agency"),
                              soci::use(procedure_code, "code"));
}

std::vector<StoredProcess> ListAgencyProcesses(Session& session, std::int64_t agency_id) {
  long long agency = agency_id;
  return QueryRows<ProcessRow>(session.sql(), kSelectOfAgency, soci::use(agency, "agency"));
}

void PutAgencyProcess(WriteTransaction& tx, std::int64_t agency_id, const StoredProcess& p) {
  long long agency = agency_id, at = p.updated_at;
  tx.sql() << kUpsertProcess, soci::use(agency, "agency"), soci::use(p.procedure_code, "code"),
      soci::use(p.steps, "steps"), soci::use(at, "at"), soci::use(p.updated_by, "by");
}

bool DeleteAgencyProcess(WriteTransaction& tx, std::int64_t agency_id,
                         const std::string& procedure_code) {
  long long agency = agency_id;
  soci::statement st = (tx.sql().prepare << kDeleteProcess, soci::use(agency, "agency"),
                        soci::use(procedure_code, "code"));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace egov::store::catalog
