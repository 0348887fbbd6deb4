// Mapping of procedures to and from JSON (see procedure_json.hpp).
#include "service/catalog/procedure_json.hpp"

#include <fmt/format.h>

#include <map>

#include "core/error.hpp"

namespace egov::service::catalog {

using core::catalog::Procedure;
using core::catalog::TimeLimit;

namespace {

// Read bounds: counts as core::catalog::Validate allows them; times far above any allowed
// limit (Validate then applies the real one), only so that no value wraps into an int.
constexpr int kMaxCopies = 20;
constexpr int kMaxTime = 1'000'000;

class Reader {
 public:
  std::map<std::string, std::string> errors;

  std::string Str(const boost::json::object& o, const char* key, const std::string& path,
                  bool required) {
    auto it = o.find(key);
    if (it == o.end() || it->value().is_null()) {
      if (required) errors[path] = "thiếu trường bắt buộc.";
      return {};
    }
    if (!it->value().is_string()) {
      errors[path] = "phải là một chuỗi ký tự.";
      return {};
    }
    return std::string(it->value().as_string());
  }
  std::int64_t Int(const boost::json::object& o, const char* key, const std::string& path,
                   bool required, std::int64_t fallback = 0) {
    auto it = o.find(key);
    if (it == o.end() || it->value().is_null()) {
      if (required) errors[path] = "thiếu trường bắt buộc.";
      return fallback;
    }
    if (it->value().is_int64()) return it->value().as_int64();
    if (it->value().is_uint64() && it->value().as_uint64() < (1ULL << 62)) {
      return static_cast<std::int64_t>(it->value().as_uint64());
    }
    errors[path] = "phải là một số nguyên.";
    return fallback;
  }
  // A role by its name; an unknown name is an error at `path`.
  core::access::Role RoleOf(const boost::json::object& o, const char* key,
                            const std::string& path) {
    const auto reported = errors.size();
    std::string name = Str(o, key, path, true);
    if (errors.size() != reported) return core::access::Role::kReception;  // missing, not text
    auto role = core::access::ParseRole(name);
    if (!role) {
      errors[path] = "Vai trò không tồn tại.";
      return core::access::Role::kReception;
    }
    return *role;
  }
  // An integer in [lo, hi], refused (never wrapped into an int) outside it.
  int Bounded(const boost::json::object& o, const char* key, const std::string& path, bool required,
              int lo, int hi) {
    const std::int64_t v = Int(o, key, path, required, lo);  // lo when missing or not an int
    if (v < lo || v > hi) {
      errors[path] = fmt::format("phải là một số nguyên từ {} đến {}.", lo, hi);
      return lo;
    }
    return static_cast<int>(v);
  }
  const boost::json::object* Obj(const boost::json::object& o, const char* key,
                                 const std::string& path, bool required) {
    auto it = o.find(key);
    if (it == o.end() || it->value().is_null()) {
      if (required) errors[path] = "thiếu trường bắt buộc.";
      return nullptr;
    }
    if (!it->value().is_object()) {
      errors[path] = "phải là một đối tượng.";
      return nullptr;
    }
    return &it->value().as_object();
  }
  const boost::json::array* Arr(const boost::json::object& o, const char* key,
                                const std::string& path) {
    auto it = o.find(key);
    if (it == o.end() || !it->value().is_array()) {
      errors[path] = "phải là một danh sách.";
      return nullptr;
    }
    return &it->value().as_array();
  }
  void Known(const boost::json::object& o, const std::string& path,
             std::initializer_list<const char*> keys) {
    for (const auto& member : o) {
      bool ok = false;
      for (const char* k : keys) ok = ok || member.key() == k;
      if (!ok) {
        errors[(path.empty() ? "" : path + ".") + std::string(member.key())] =
            "trường này không được hỗ trợ.";
      }
    }
  }
};

}  // namespace

Procedure ProcedureFromJson(const boost::json::object& json) {
  Reader r;
  Procedure p;
  r.Known(json, "",
          {"code", "name", "field", "level", "online_level", "legal_basis", "time_limit", "fee",
           "components", "steps", "effective_from", "source", "version", "time_limit_hours",
           "versions"});
  p.code = r.Str(json, "code", "code", true);
  p.name = r.Str(json, "name", "name", true);
  p.field = r.Str(json, "field", "field", true);
  p.level = r.Str(json, "level", "level", false);
  p.online_level = r.Str(json, "online_level", "online_level", false);
  p.legal_basis = r.Str(json, "legal_basis", "legal_basis", false);
  p.effective_from = r.Str(json, "effective_from", "effective_from", false);
  p.source = r.Str(json, "source", "source", false);
  if (const auto* limit = r.Obj(json, "time_limit", "time_limit", true)) {
    int kinds = static_cast<int>(limit->contains("days")) + limit->contains("hours") +
                limit->contains("same_day");
    if (kinds != 1 || limit->size() != 1) {
      r.errors["time_limit"] = "cần đúng một trong days, hours hoặc same_day.";
    } else if (limit->contains("same_day")) {
      if (limit->at("same_day") != true) r.errors["time_limit"] = "same_day phải là true.";
      p.time_limit = {TimeLimit::Kind::kSameDay, 0};
    } else if (limit->contains("days")) {
      p.time_limit = {TimeLimit::Kind::kDays,
                      r.Bounded(*limit, "days", "time_limit", true, 0, kMaxTime)};
    } else {
      p.time_limit = {TimeLimit::Kind::kHours,
                      r.Bounded(*limit, "hours", "time_limit", true, 0, kMaxTime)};
    }
  }
  if (const auto* fee = r.Obj(json, "fee", "fee", true)) {
    r.Known(*fee, "fee", {"amount", "unit", "note", "amount_in_words"});
    p.fee.amount = r.Int(*fee, "amount", "fee.amount", true);
    p.fee.unit = r.Str(*fee, "unit", "fee.unit", false);
    p.fee.note = r.Str(*fee, "note", "fee.note", false);
  }
  if (const auto* components = r.Arr(json, "components", "components")) {
    for (size_t i = 0; i < components->size() && i < 100; ++i) {
      std::string path = fmt::format("components[{}]", i);
      if (!(*components)[i].is_object()) {
        r.errors[path] = "phải là một đối tượng.";
        continue;
      }
      const auto& c = (*components)[i].as_object();
      r.Known(c, path, {"name", "original", "certified", "copy"});
      p.components.push_back({r.Str(c, "name", path + ".name", true),
                              r.Bounded(c, "original", path + ".original", false, 0, kMaxCopies),
                              r.Bounded(c, "certified", path + ".certified", false, 0, kMaxCopies),
                              r.Bounded(c, "copy", path + ".copy", false, 0, kMaxCopies)});
    }
  }
  if (const auto* steps = r.Arr(json, "steps", "steps")) {
    for (size_t i = 0; i < steps->size() && i < 100; ++i) {
      std::string path = fmt::format("steps[{}]", i);
      if (!(*steps)[i].is_object()) {
        r.errors[path] = "phải là một đối tượng.";
        continue;
      }
      const auto& s = (*steps)[i].as_object();
      r.Known(s, path, {"name", "role", "agency_code", "hours"});
      p.steps.push_back({r.Str(s, "name", path + ".name", true),
                         r.RoleOf(s, "role", path + ".role"),
                         r.Str(s, "agency_code", path + ".agency_code", false),
                         r.Bounded(s, "hours", path + ".hours", true, 0, kMaxTime)});
    }
  }
  if (!r.errors.empty()) {
    throw Error(ErrorCode::kValidationFailed, "Định nghĩa thủ tục không hợp lệ.", {}, r.errors);
  }
  return p;
}

boost::json::object ProcedureToJson(const Procedure& p) {
  boost::json::object limit;
  switch (p.time_limit.kind) {
    case TimeLimit::Kind::kDays: limit["days"] = p.time_limit.amount; break;
    case TimeLimit::Kind::kHours: limit["hours"] = p.time_limit.amount; break;
    case TimeLimit::Kind::kSameDay: limit["same_day"] = true; break;
  }
  boost::json::object fee{{"amount", p.fee.amount}};
  if (!p.fee.unit.empty()) fee["unit"] = p.fee.unit;
  if (!p.fee.note.empty()) fee["note"] = p.fee.note;
  boost::json::array components, steps;
  for (const auto& c : p.components) {
    components.push_back(boost::json::object{
        {"name", c.name}, {"original", c.original}, {"certified", c.certified}, {"copy", c.copy}});
  }
  for (const auto& s : p.steps) {
    boost::json::object step{
        {"name", s.name}, {"role", core::access::RoleName(s.role)}, {"hours", s.hours}};
    if (!s.agency_code.empty()) step["agency_code"] = s.agency_code;
    steps.push_back(std::move(step));
  }
  boost::json::object out{{"code", p.code},   {"name", p.name},
                          {"field", p.field}, {"time_limit", limit},
                          {"fee", fee},       {"components", components},
                          {"steps", steps},   {"effective_from", p.effective_from}};
  if (!p.level.empty()) out["level"] = p.level;
  if (!p.online_level.empty()) out["online_level"] = p.online_level;
  if (!p.legal_basis.empty()) out["legal_basis"] = p.legal_basis;
  if (!p.source.empty()) out["source"] = p.source;
  return out;
}

}  // namespace egov::service::catalog
