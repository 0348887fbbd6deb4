// The JSON form of a procedure (see procedure_json.hpp).
#include "service/catalog/procedure_json.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "json/write.hpp"

namespace egov::service::catalog {

using core::catalog::Procedure;
using core::catalog::TimeLimit;

namespace {

constexpr std::string_view kDefinitionColumn = "procedure_versions.definition";

}  // namespace

json::Omittable<std::string> NonEmpty(const std::string& text) {
  if (text.empty()) return {};
  return text;
}

TimeLimitJson TimeLimitJsonOf(const TimeLimit& limit) {
  TimeLimitJson out;
  switch (limit.kind) {
    case TimeLimit::Kind::kDays: out.days = limit.amount; break;
    case TimeLimit::Kind::kHours: out.hours = limit.amount; break;
    case TimeLimit::Kind::kSameDay: out.same_day = true; break;
  }
  return out;
}

FeeJson FeeJsonOf(const core::catalog::Fee& fee) {
  return {fee.amount, NonEmpty(fee.unit), NonEmpty(fee.note), {}};
}

std::vector<core::catalog::Step> StepsOf(std::vector<StepJson> steps, const std::string& path) {
  std::vector<core::catalog::Step> out;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    auto& step = steps[i];
    auto role = core::access::ParseRole(step.role);
    if (!role) throw FieldError(fmt::format("{}steps[{}].role", path, i), "Vai trò không tồn tại.");
    auto agency = core::catalog::ParseRelativeAgency(step.agency.value_or("receiving"));
    if (!agency) {
      throw FieldError(fmt::format("{}steps[{}].agency", path, i),
                       "phải là receiving, district hoặc province.");
    }
    out.push_back({std::move(step.name), *role, step.agency_code.value_or({}), step.hours, *agency,
                   step.unit.value_or({})});
  }
  return out;
}

std::vector<StepJson> StepsJsonOf(const std::vector<core::catalog::Step>& steps) {
  std::vector<StepJson> out;
  for (const auto& s : steps) {
    json::Omittable<std::string> agency;
    if (s.agency != core::catalog::RelativeAgency::kReceiving) {
      agency = std::string(core::catalog::RelativeAgencyName(s.agency));
    }
    out.push_back({s.name, std::string(core::access::RoleName(s.role)), s.hours,
                   NonEmpty(s.agency_code), std::move(agency), NonEmpty(s.unit)});
  }
  return out;
}

Procedure ProcedureOf(ProcedureJson form, const std::string& path) {
  Procedure p;
  p.code = std::move(form.code);
  p.name = std::move(form.name);
  p.field = std::move(form.field);
  p.level = form.level.value_or({});
  p.online_level = form.online_level.value_or({});
  p.legal_basis = form.legal_basis.value_or({});
  const auto& limit = form.time_limit;
  if (static_cast<bool>(limit.days) + static_cast<bool>(limit.hours) +
          static_cast<bool>(limit.same_day) !=
      1) {
    throw FieldError(path + "time_limit", "cần đúng một trong days, hours hoặc same_day.");
  }
  if (limit.same_day && !*limit.same_day) {
    throw FieldError(path + "time_limit", "same_day phải là true.");
  }
  p.time_limit = limit.days    ? TimeLimit{TimeLimit::Kind::kDays, *limit.days}
                 : limit.hours ? TimeLimit{TimeLimit::Kind::kHours, *limit.hours}
                               : TimeLimit{TimeLimit::Kind::kSameDay, 0};
  p.fee = {form.fee.amount, form.fee.unit.value_or({}), form.fee.note.value_or({})};
  p.components = std::move(form.components);
  p.steps = StepsOf(std::move(form.steps), path);
  p.effective_from = std::move(form.effective_from);
  p.source = form.source.value_or({});
  return p;
}

ProcedureJson JsonOf(const Procedure& p) {
  ProcedureJson out;
  out.code = p.code;
  out.name = p.name;
  out.field = p.field;
  out.time_limit = TimeLimitJsonOf(p.time_limit);
  out.fee = FeeJsonOf(p.fee);
  out.components = p.components;
  out.steps = StepsJsonOf(p.steps);
  out.effective_from = p.effective_from;
  out.level = NonEmpty(p.level);
  out.online_level = NonEmpty(p.online_level);
  out.legal_basis = NonEmpty(p.legal_basis);
  out.source = NonEmpty(p.source);
  return out;
}

Procedure ProcedureFromJson(std::string_view definition) {
  return json::ReadingStored(kDefinitionColumn, [&] {
    return ProcedureOf(json::ReadStored<ProcedureJson>(definition, kDefinitionColumn));
  });
}

std::vector<core::catalog::Step> ProcessStepsFromJson(std::string_view text) {
  constexpr std::string_view kColumn = "agency_processes.steps";
  return json::ReadingStored(
      kColumn, [&] { return StepsOf(json::ReadStored<ProcessJson>(text, kColumn).steps); });
}

std::string ProcessStepsToJson(const std::vector<core::catalog::Step>& steps) {
  return json::WriteText(ProcessJson{StepsJsonOf(steps)});
}

std::string ProcedureToJson(const Procedure& p) { return json::WriteText(JsonOf(p)); }

}  // namespace egov::service::catalog
