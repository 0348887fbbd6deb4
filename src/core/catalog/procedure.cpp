// Validation of procedure definitions (see procedure.hpp and docs/catalog.md).
#include "core/catalog/procedure.hpp"

#include <fmt/format.h>

#include "core/access/roles.hpp"
#include "core/calendar/date.hpp"
#include "core/error.hpp"
#include "core/text/fold.hpp"

namespace egov::core::catalog {

int TimeLimit::TotalHours() const {
  switch (kind) {
    case Kind::kDays: return amount * kHoursPerDay;
    case Kind::kHours: return amount;
    case Kind::kSameDay: return kHoursPerDay;
  }
  return 0;
}

std::optional<RelativeAgency> ParseRelativeAgency(std::string_view name) {
  if (name == "receiving") return RelativeAgency::kReceiving;
  if (name == "district") return RelativeAgency::kDistrict;
  if (name == "province") return RelativeAgency::kProvince;
  return std::nullopt;
}

std::string_view RelativeAgencyName(RelativeAgency agency) {
  switch (agency) {
    case RelativeAgency::kReceiving: return "receiving";
    case RelativeAgency::kDistrict: return "district";
    case RelativeAgency::kProvince: return "province";
  }
  return "receiving";
}

bool IsProcedureCode(const std::string& code) {
  if (code.size() != 8 || code[1] != '.') return false;
  for (size_t i = 0; i < code.size(); ++i) {
    if (i != 1 && (code[i] < '0' || code[i] > '9')) return false;
  }
  return true;
}

std::map<std::string, std::string> Validate(
    const Procedure& p, const std::function<bool(const std::string&)>& agency_exists) {
  std::map<std::string, std::string> errors;
  auto length_ok = [&](const std::string& field, const std::string& value, size_t min, size_t max,
                       const char* label) {
    size_t n = text::CodePointCount(value);
    if (n < min || n > max) {
      errors[field] = fmt::format("{} phải dài từ {} đến {} ký tự.", label, min, max);
    }
  };
  if (!IsProcedureCode(p.code))
    errors["code"] = "Mã thủ tục phải có dạng d.dddddd (ví dụ 1.001193).";
  length_ok("name", p.name, 1, 1000, "Tên thủ tục");  // real names exceed 500
  length_ok("field", p.field, 1, 200, "Lĩnh vực");
  if (!p.level.empty() && p.level != "province" && p.level != "district" && p.level != "commune") {
    errors["level"] = "Cấp thực hiện phải là province, district hoặc commune.";
  }
  if (!p.online_level.empty() && p.online_level != "none" && p.online_level != "partial" &&
      p.online_level != "full") {
    errors["online_level"] = "Mức dịch vụ trực tuyến phải là none, partial hoặc full.";
  }
  length_ok("legal_basis", p.legal_basis, 0, 2000, "Căn cứ pháp lý");
  length_ok("source", p.source, 0, 2000, "Nguồn");
  switch (p.time_limit.kind) {
    case TimeLimit::Kind::kDays:
      if (p.time_limit.amount < 1 || p.time_limit.amount > 365) {
        errors["time_limit"] = "Thời hạn giải quyết phải từ 1 đến 365 ngày làm việc.";
      }
      break;
    case TimeLimit::Kind::kHours:
      if (p.time_limit.amount < 1 || p.time_limit.amount > 365 * kHoursPerDay) {
        errors["time_limit"] = "Thời hạn giải quyết phải từ 1 đến 2920 giờ làm việc.";
      }
      break;
    case TimeLimit::Kind::kSameDay: break;
  }
  if (p.fee.amount < 0 || p.fee.amount > 1'000'000'000'000LL) {
    errors["fee.amount"] = "Phí, lệ phí phải là số đồng từ 0 đến 1.000 tỷ.";
  }
  length_ok("fee.unit", p.fee.unit, 0, 50, "Đơn vị tính phí");
  length_ok("fee.note", p.fee.note, 0, 1000, "Ghi chú về phí");
  if (p.components.empty() || p.components.size() > 50) {
    errors["components"] = "Thủ tục cần từ 1 đến 50 thành phần hồ sơ.";
  }
  for (size_t i = 0; i < p.components.size(); ++i) {
    const auto& c = p.components[i];
    std::string key = fmt::format("components[{}]", i);
    length_ok(key + ".name", c.name, 1, 500, "Tên thành phần hồ sơ");
    for (int n : {c.original, c.certified, c.copy}) {
      if (n < 0 || n > kMaxCopies) errors[key] = "Số bản phải từ 0 đến 20.";
    }
    if (c.original + c.certified + c.copy == 0 && !errors.contains(key)) {
      errors[key] = "Thành phần hồ sơ cần ít nhất một bản (chính, chứng thực hoặc sao).";
    }
  }
  if (p.steps.size() < 2 || p.steps.size() > 30) {
    errors["steps"] = "Quy trình cần từ 2 đến 30 bước, bước cuối là trả kết quả.";
  } else {
    int total = 0;
    for (size_t i = 0; i < p.steps.size(); ++i) {
      const auto& s = p.steps[i];
      std::string key = fmt::format("steps[{}]", i);
      length_ok(key + ".name", s.name, 1, 300, "Tên bước");
      if (s.hours < 0 || s.hours > 365 * kHoursPerDay) {
        errors[key + ".hours"] = "Thời gian của bước không hợp lệ.";
      }
      if (!s.agency_code.empty() && !agency_exists(s.agency_code)) {
        errors[key + ".agency_code"] = "Không tìm thấy cơ quan, đơn vị " + s.agency_code + ".";
      }
      if (!s.agency_code.empty() && (s.agency != RelativeAgency::kReceiving || !s.unit.empty())) {
        errors[key + ".agency"] =
            "Bước nêu cơ quan bằng mã (agency_code) thì không nêu thêm agency hay unit.";
      }
      length_ok(key + ".unit", s.unit, 0, kMaxUnitChars, "Ký hiệu đơn vị của bước");
      total += s.hours;
    }
    if (p.steps.back().role != access::Role::kReception) {
      errors["steps"] =
          "Bước cuối của quy trình phải là trả kết quả cho người nộp (vai trò reception).";
    } else if (total != p.time_limit.TotalHours() && !errors.contains("time_limit")) {
      errors["steps"] = fmt::format(
          "Tổng thời gian các bước ({} giờ) phải bằng thời hạn giải quyết ({} giờ làm việc).",
          total, p.time_limit.TotalHours());
    }
  }
  if (!p.effective_from.empty()) {
    try {
      calendar::ParseIsoDate(p.effective_from);
    } catch (const Error&) {
      errors["effective_from"] = "Ngày hiệu lực phải có dạng YYYY-MM-DD.";
    }
  }
  return errors;
}

}  // namespace egov::core::catalog
