// Agencies' own processes (see processes.hpp).
#include "service/dossier/processes.hpp"

#include <fmt/format.h>
#include <boost/describe/class.hpp>

#include <map>

#include "core/error.hpp"
#include "json/write.hpp"
#include "service/audit/audit.hpp"
#include "service/catalog/procedure_json.hpp"
#include "service/dossier/steps.hpp"
#include "store/access/agencies.hpp"
#include "store/catalog/agency_processes.hpp"

namespace egov::service::dossier {

using core::access::Agency;
using core::access::Caller;
using core::access::Role;

namespace {

// The audit details of a saved or removed process.
struct ProcessDetails {
  std::string_view procedure_code;
  std::int64_t steps = 0;
};
BOOST_DESCRIBE_STRUCT(ProcessDetails, (), (procedure_code, steps))

Agency FindAgency(store::Session& session, const std::string& code) {
  auto found = code.size() <= 64 ? store::access::FindAgencyByCode(session, code) : std::nullopt;
  if (!found) throw Error(ErrorCode::kNotFound, "Không tìm thấy đơn vị.");
  return *found;
}

void RequireReader(const Caller& caller, const Agency& agency) {
  if (!caller.Sees(agency.path)) {
    throw Error(ErrorCode::kForbidden,
                "Chỉ cán bộ của đơn vị này hoặc của đơn vị cấp trên mới xem được quy trình nội "
                "bộ của đơn vị.");
  }
}

void RequireEditor(const Caller& caller, const Agency& agency) {
  if (!caller.Has(Role::kAdmin) || !caller.Sees(agency.path)) {
    throw Error(ErrorCode::kForbidden,
                "Chỉ quản trị viên của đơn vị này hoặc của đơn vị cấp trên mới được sửa quy trình "
                "nội bộ của đơn vị.");
  }
}

Error NoProcess() {
  return Error(ErrorCode::kNotFound,
               "Đơn vị chưa có quy trình nội bộ riêng cho thủ tục này (áp dụng quy trình chung).");
}

}  // namespace

AgencyProcesses::AgencyProcesses(store::Database& db, const core::Clock& clock,
                                 catalog::Catalog& catalog)
    : db_(db), clock_(clock), catalog_(catalog) {}

std::string AgencyProcesses::NameOf(const std::string& procedure_code) const {
  try {
    return catalog_.Definition(procedure_code, std::nullopt).name;
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kNotFound) throw;
    return {};
  }
}

std::vector<AgencyProcess> AgencyProcesses::List(const Caller& caller,
                                                 const std::string& agency_code) const {
  std::vector<store::catalog::StoredProcess> rows;
  {
    store::Session s(db_);
    const Agency agency = FindAgency(s, agency_code);
    RequireReader(caller, agency);
    rows = store::catalog::ListAgencyProcesses(s, agency.id);
  }
  std::vector<AgencyProcess> out;
  for (auto& row : rows) {
    out.push_back({row.procedure_code, NameOf(row.procedure_code),
                   catalog::ProcessStepsFromJson(row.steps), row.updated_at, row.updated_by});
  }
  return out;
}

AgencyProcess AgencyProcesses::Get(const Caller& caller, const std::string& agency_code,
                                   const std::string& procedure_code) const {
  std::optional<store::catalog::StoredProcess> row;
  {
    store::Session s(db_);
    const Agency agency = FindAgency(s, agency_code);
    RequireReader(caller, agency);
    row = store::catalog::FindAgencyProcess(s, agency.id, procedure_code);
  }
  if (!row) {
    catalog_.Definition(procedure_code, std::nullopt);  // not_found for an unknown procedure
    throw NoProcess();
  }
  return {row->procedure_code, NameOf(row->procedure_code),
          catalog::ProcessStepsFromJson(row->steps), row->updated_at, row->updated_by};
}

void AgencyProcesses::CheckCanEdit(const Caller& caller, const std::string& agency_code) const {
  store::Session s(db_);
  RequireEditor(caller, FindAgency(s, agency_code));
}

AgencyProcess AgencyProcesses::Put(const Caller& caller, const std::string& agency_code,
                                   const std::string& procedure_code,
                                   std::vector<core::catalog::Step> steps) {
  {
    store::Session s(db_);
    RequireEditor(caller, FindAgency(s, agency_code));
  }
  // The version in force: the process must fit it as the catalog's steps must (not_found for
  // an unknown procedure).
  core::catalog::Procedure p = catalog_.Definition(procedure_code, std::nullopt);
  p.steps = std::move(steps);
  const auto now = clock_.NowMillis();
  store::WriteTransaction tx(db_);
  const Agency agency = FindAgency(tx.session(), agency_code);
  RequireEditor(caller, agency);
  std::map<std::string, std::string> errors;
  for (auto& [field, message] : core::catalog::Validate(p, [&tx](const std::string& code) {
         return store::access::FindAgencyByCode(tx.session(), code).has_value();
       })) {
    if (field.starts_with("steps")) errors[field] = message;
  }
  if (errors.empty()) {
    // The return to the applicant is the receiving agency's: the agency itself.
    const auto& last = p.steps.back();
    const bool here =
        last.agency_code.empty()
            ? last.agency == core::catalog::RelativeAgency::kReceiving && last.unit.empty()
            : last.agency_code == agency.code;
    if (!here) {
      errors[fmt::format("steps[{}].agency", p.steps.size() - 1)] =
          "Bước cuối (trả kết quả cho người nộp) phải do chính đơn vị tiếp nhận thực hiện.";
    }
  }
  if (!errors.empty()) {
    throw Error(ErrorCode::kValidationFailed, "Quy trình nội bộ không hợp lệ.", {}, errors);
  }
  ResolveTheseSteps(tx.session(), p.steps, agency);  // validation_failed naming the step
  store::catalog::StoredProcess row{p.code, catalog::ProcessStepsToJson(p.steps), now,
                                    caller.username};
  store::catalog::PutAgencyProcess(tx, agency.id, row);
  audit::Append(
      tx, audit::Actor::Of(caller),
      {"agency_process.put", "agency_process", agency.code + "/" + p.code,
       json::WriteText(ProcessDetails{p.code, static_cast<std::int64_t>(p.steps.size())})},
      now);
  tx.Commit();
  return {p.code, p.name, std::move(p.steps), now, caller.username};
}

void AgencyProcesses::Delete(const Caller& caller, const std::string& agency_code,
                             const std::string& procedure_code) {
  const auto now = clock_.NowMillis();
  store::WriteTransaction tx(db_);
  const Agency agency = FindAgency(tx.session(), agency_code);
  RequireEditor(caller, agency);
  if (!store::catalog::DeleteAgencyProcess(tx, agency.id, procedure_code)) throw NoProcess();
  audit::Append(tx, audit::Actor::Of(caller),
                {"agency_process.delete", "agency_process", agency.code + "/" + procedure_code,
                 json::WriteText(ProcessDetails{procedure_code, 0})},
                now);
  tx.Commit();
}

}  // namespace egov::service::dossier
