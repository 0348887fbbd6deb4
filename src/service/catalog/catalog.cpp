// The procedure catalog (see catalog.hpp).
#include "service/catalog/catalog.hpp"

#include <boost/describe/class.hpp>

#include <algorithm>

#include "core/calendar/date.hpp"
#include "core/error.hpp"
#include "core/text/fold.hpp"
#include "json/write.hpp"
#include "service/audit/audit.hpp"
#include "service/catalog/procedure_json.hpp"
#include "store/access/agencies.hpp"

namespace egov::service::catalog {

using core::catalog::Procedure;

namespace {

Procedure Parse(const store::catalog::StoredVersion& v) {
  Procedure p = ProcedureFromJson(v.definition);
  p.version = v.version;
  return p;
}

// The audit details of a saved procedure.
struct SaveDetails {
  int version = 0;
  std::string_view effective_from;
};
BOOST_DESCRIBE_STRUCT(SaveDetails, (), (version, effective_from))

std::string SearchText(const Procedure& p) {
  return core::text::Fold(p.code + " " + p.name + " " + p.field);
}

}  // namespace

void Catalog::RequireEditor(const core::access::Caller& caller) {
  core::access::RequireAnyRole(caller, {core::access::Role::kAdmin});
  // The catalog serves every agency of the installation: like the shared calendar, only an
  // administrator of the root agency (path "/id/") changes it, not a commune's or a district's.
  if (std::count(caller.agency_path.begin(), caller.agency_path.end(), '/') != 2) {
    throw Error(ErrorCode::kForbidden,
                "Chỉ quản trị viên của cơ quan cấp cao nhất mới được sửa danh mục thủ tục hành "
                "chính.");
  }
}

Catalog::Catalog(store::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

std::string Catalog::Today() const {
  return core::calendar::FormatIsoDate(core::calendar::FromUtcMillis(clock_.NowMillis()).date);
}

SearchResult Catalog::Search(const SearchQuery& q) const {
  store::catalog::ListFilter filter{core::text::Fold(core::text::NormalizeSpaces(q.q)), q.field,
                                    q.level, q.page, q.per_page};
  if (core::text::CodePointCount(filter.query_folded) > 200) {
    throw FieldError("q", "từ khóa dài tối đa 200 ký tự.");
  }
  if (!q.level.empty() && q.level != "province" && q.level != "district" && q.level != "commune") {
    throw FieldError("level", "cấp thực hiện phải là province, district hoặc commune.");
  }
  store::Session s(db_);
  if (!filter.field.empty()) {
    // The field filter ignores case, diacritics and đ like the search ("dat dai" is
    // "Đất đai"): it names the stored field whose folded form matches.
    const std::string wanted = core::text::Fold(core::text::NormalizeSpaces(filter.field));
    for (const auto& f : store::catalog::ListFields(s)) {
      if (core::text::Fold(f.field) == wanted) filter.field = f.field;
    }
  }
  auto rows = store::catalog::ListLatest(s, filter);
  SearchResult out;
  out.total = rows.total;
  for (const auto& definition : rows.definitions) {
    out.items.push_back(ProcedureFromJson(definition));
  }
  return out;
}

ProcedureView Catalog::Get(const std::string& code, std::optional<int> version) const {
  store::Session s(db_);
  auto stored = version ? store::catalog::FindVersion(s, code, *version)
                        : store::catalog::FindInForce(s, code, Today());
  if (!stored) throw Error(ErrorCode::kNotFound, "Không tìm thấy thủ tục hành chính.");
  ProcedureView view{Parse(*stored), store::catalog::ListVersions(s, code)};
  for (auto& v : view.versions) v.definition.clear();
  return view;
}

Procedure Catalog::Definition(const std::string& code, std::optional<int> version) const {
  store::Session s(db_);
  if (!version) version = store::catalog::VersionInForce(s, code, Today());
  auto found = version ? CachedVersion(s, code, *version) : nullptr;
  if (!found) throw Error(ErrorCode::kNotFound, "Không tìm thấy thủ tục hành chính.");
  return *found;
}

std::shared_ptr<const Procedure> Catalog::CachedVersion(store::Session& session,
                                                        const std::string& code,
                                                        int version) const {
  constexpr std::size_t kMaxCached = 20'000;  // versions: a bound far above any catalog
  const auto key = std::make_pair(code, version);
  {
    std::lock_guard lock(definitions_mutex_);
    if (auto it = definitions_.find(key); it != definitions_.end()) return it->second;
  }
  auto stored = store::catalog::FindVersion(session, code, version);
  if (!stored) return nullptr;
  auto parsed = std::make_shared<const Procedure>(Parse(*stored));
  std::lock_guard lock(definitions_mutex_);
  if (definitions_.size() >= kMaxCached) definitions_.clear();
  definitions_.emplace(key, parsed);
  return parsed;
}

std::vector<store::catalog::FieldCount> Catalog::Fields() const {
  store::Session s(db_);
  return store::catalog::ListFields(s);
}

void Catalog::Check(const Procedure& p, store::Session& session, const std::string& prefix) const {
  auto errors = core::catalog::Validate(p, [&session](const std::string& code) {
    return store::access::FindAgencyByCode(session, code).has_value();
  });
  if (errors.empty()) return;
  std::map<std::string, std::string> fields;
  for (auto& [field, message] : errors) fields[prefix + field] = message;
  throw Error(ErrorCode::kValidationFailed, "Định nghĩa thủ tục không hợp lệ.", {}, fields);
}

Procedure Catalog::Save(const core::access::Caller& caller, Procedure p) {
  RequireEditor(caller);
  if (p.effective_from.empty()) p.effective_from = Today();
  const auto now = clock_.NowMillis();
  store::WriteTransaction tx(db_);
  Check(p, tx.session(), "");
  p.version =
      store::catalog::AppendVersion(tx, p.code, p.name, p.field, p.level, SearchText(p),
                                    p.effective_from, ProcedureToJson(p), now, caller.username);
  audit::Append(tx, audit::Actor::Of(caller),
                {"procedure.save", "procedure", p.code,
                 json::WriteText(SaveDetails{p.version, p.effective_from})},
                now);
  tx.Commit();
  return p;
}

std::vector<Procedure> Catalog::Export(const core::access::Caller& caller) const {
  core::access::RequireAnyRole(caller, {core::access::Role::kAdmin});
  store::Session s(db_);
  std::vector<Procedure> out;
  for (const auto& d : store::catalog::ExportLatest(s)) {
    out.push_back(ProcedureFromJson(d));
  }
  return out;
}

ImportResult Catalog::Import(const core::access::Caller& caller, std::vector<Procedure> list) {
  RequireEditor(caller);
  return DoImport(std::move(list), caller.username, caller.user_id, caller.agency_code);
}

ImportResult Catalog::ImportAsSystem(std::vector<Procedure> list, const std::string& actor) {
  return DoImport(std::move(list), actor, std::nullopt, "");
}

ImportResult Catalog::DoImport(std::vector<Procedure> list, const std::string& actor,
                               std::optional<std::int64_t> actor_id,
                               const std::string& actor_agency) {
  if (list.size() > 5000) {
    throw FieldError("procedures", "mỗi lần nhập tối đa 5000 thủ tục.");
  }
  ImportResult result;
  const auto now = clock_.NowMillis();
  const std::string today = Today();
  store::WriteTransaction tx(db_);
  for (size_t i = 0; i < list.size(); ++i) {
    auto& p = list[i];
    if (p.effective_from.empty()) p.effective_from = today;
    Check(p, tx.session(), "procedures[" + std::to_string(i) + "].");
  }
  for (auto& p : list) {
    const std::string definition = ProcedureToJson(p);
    auto versions = store::catalog::ListVersions(tx.session(), p.code);
    if (!versions.empty() && versions.back().definition == definition) {
      ++result.unchanged;
      continue;
    }
    (versions.empty() ? result.created : result.versioned)++;
    p.version = store::catalog::AppendVersion(tx, p.code, p.name, p.field, p.level, SearchText(p),
                                              p.effective_from, definition, now, actor);
  }
  audit::Append(tx, {actor_id, actor, actor_agency},
                {"catalog.import", "catalog", "", json::WriteText(result)}, now);
  tx.Commit();
  return result;
}

}  // namespace egov::service::catalog
