// The procedure request body (see procedure_body.hpp).
#include "api/procedure_body.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace egov::api {

core::catalog::Procedure ProcedureOf(procedure_body::Procedure body, const std::string& path) {
  using core::catalog::TimeLimit;
  core::catalog::Procedure p;
  p.code = std::move(body.code);
  p.name = std::move(body.name);
  p.field = std::move(body.field);
  p.level = std::move(body.level);
  p.online_level = std::move(body.online_level);
  p.legal_basis = std::move(body.legal_basis);
  const auto& limit = body.time_limit;
  if (limit.days.has_value() + limit.hours.has_value() + limit.same_day.has_value() != 1) {
    throw FieldError(path + "time_limit", "cần đúng một trong days, hours hoặc same_day.");
  }
  if (limit.same_day && !*limit.same_day) {
    throw FieldError(path + "time_limit", "same_day phải là true.");
  }
  p.time_limit = limit.days    ? TimeLimit{TimeLimit::Kind::kDays, *limit.days}
                 : limit.hours ? TimeLimit{TimeLimit::Kind::kHours, *limit.hours}
                               : TimeLimit{TimeLimit::Kind::kSameDay, 0};
  p.fee = {body.fee.amount, std::move(body.fee.unit), std::move(body.fee.note)};
  p.components = std::move(body.components);
  for (std::size_t i = 0; i < body.steps.size(); ++i) {
    auto& step = body.steps[i];
    auto role = core::access::ParseRole(step.role);
    if (!role) throw FieldError(fmt::format("{}steps[{}].role", path, i), "Vai trò không tồn tại.");
    p.steps.push_back({std::move(step.name), *role, std::move(step.agency_code), step.hours});
  }
  p.effective_from = std::move(body.effective_from);
  p.source = std::move(body.source);
  return p;
}

}  // namespace egov::api
