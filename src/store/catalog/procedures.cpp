// SQL for the procedure catalog (see procedures.hpp).
#include "store/catalog/procedures.hpp"

#include <soci/soci.h>

#include "store/query.hpp"

namespace egov::store::catalog {

namespace {

// The statements of this file, by what they do.
constexpr const char* kSelectVersion =
    "SELECT v.version, v.effective_from, v.definition, v.created_at, v.created_by "
    "FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id ";
const std::string kSelectVersionInForce =
    std::string(kSelectVersion) +
    "WHERE p.code = :code AND v.effective_from <= :today ORDER BY v.version DESC LIMIT 1";
const std::string kSelectEarliestVersion =
    std::string(kSelectVersion) +
    "WHERE p.code = :code ORDER BY v.effective_from, v.version LIMIT 1";
const std::string kSelectVersionByNumber =
    std::string(kSelectVersion) + "WHERE p.code = :code AND v.version = :version";
const std::string kSelectVersions =
    std::string(kSelectVersion) + "WHERE p.code = :code ORDER BY v.version";
// In force first (the highest version), else the earliest to come.
constexpr const char* kSelectVersionNumberInForce =
    "SELECT v.version FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id "
    "WHERE p.code = :code ORDER BY CASE WHEN v.effective_from <= :today THEN -v.version ELSE 0 "
    "END, v.effective_from, v.version LIMIT 1";
constexpr const char* kSelectProcedureByCode =
    "SELECT id, latest_version FROM procedures WHERE code = :code";
constexpr const char* kInsertProcedure =
    "INSERT INTO procedures (code, name, field, level, search_folded, latest_version, "
    "created_at, updated_at) VALUES (:code, :name, :field, :level, :folded, 1, :at, :at) "
    "RETURNING id";
constexpr const char* kUpdateProcedure =
    "UPDATE procedures SET name = :name, field = :field, level = :level, "
    "search_folded = :folded, latest_version = :version, updated_at = :at WHERE id = :id";
constexpr const char* kInsertVersion =
    "INSERT INTO procedure_versions (procedure_id, version, effective_from, definition, "
    "created_at, created_by) VALUES (:id, :version, :from, :definition, :at, :actor)";
// The list's filter: each optional criterion.
constexpr const char* kListWhere =
    "WHERE p.search_folded LIKE :q ESCAPE '\\' AND (:field = '' OR p.field = :field) "
    "AND (:level = '' OR p.level = :level) ";
constexpr const char* kSelectLatestDefinition =
    "SELECT v.definition FROM procedures p JOIN procedure_versions v ON "
    "v.procedure_id = p.id AND v.version = p.latest_version ";
const std::string kCountLatest = std::string("SELECT COUNT(*) FROM procedures p ") + kListWhere;
const std::string kSelectLatestList = std::string(kSelectLatestDefinition) + kListWhere +
                                      "ORDER BY p.code LIMIT :limit OFFSET :offset";
const std::string kSelectAllLatest = std::string(kSelectLatestDefinition) + "ORDER BY p.code";
constexpr const char* kSelectFieldCounts =
    "SELECT field, COUNT(*) AS count FROM procedures GROUP BY field ORDER BY field";

struct VersionRow {
  StoredVersion v;
  long long created_at = 0;
  void Bind(Columns& c) {
    c("version", v.version);
    c("effective_from", v.effective_from);
    c("definition", v.definition);
    c("created_at", created_at);
    c("created_by", v.created_by);
  }
  StoredVersion Get() const {
    StoredVersion out = v;
    out.created_at = created_at;
    return out;
  }
};

struct DefinitionRow {
  std::string definition;
  void Bind(Columns& c) { c("definition", definition); }
  std::string Get() const { return definition; }
};

struct ProcedureRow {
  long long id = 0;
  int latest_version = 0;
  void Bind(Columns& c) {
    c("id", id);
    c("latest_version", latest_version);
  }
  ProcedureRow Get() const { return *this; }
};

struct FieldRow {
  std::string field;
  long long count = 0;
  void Bind(Columns& c) {
    c("field", field);
    c("count", count);
  }
  FieldCount Get() const { return {field, count}; }
};

}  // namespace

std::optional<StoredVersion> FindInForce(Session& session, const std::string& code,
                                         const std::string& today) {
  auto rows = QueryRows<VersionRow>(session.sql(), kSelectVersionInForce, soci::use(code, "code"),
                                    soci::use(today, "today"));
  if (rows.empty()) {
    rows = QueryRows<VersionRow>(session.sql(), kSelectEarliestVersion, soci::use(code, "code"));
  }
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

namespace {

// Members are declared before `statement`, which binds their addresses.
struct InForceQuery {
  std::string code, today;
  int version = 0;
  void Bind(Columns& c) { c("version", version); }
  soci::statement statement;
  explicit InForceQuery(soci::session& sql) : statement(sql) {
    PrepareRows(statement, kSelectVersionNumberInForce, *this, soci::use(code, "code"),
                soci::use(today, "today"));
  }
};

}  // namespace

std::optional<int> VersionInForce(Session& session, const std::string& code,
                                  const std::string& today) {
  return session.WithCached<InForceQuery>([&](InForceQuery& q) -> std::optional<int> {
    q.code = code;
    q.today = today;
    if (!q.statement.execute(true)) return std::nullopt;
    const int version = q.version;
    q.statement.fetch();  // step to the end (see Session::Cached)
    return version;
  });
}

std::optional<StoredVersion> FindVersion(Session& session, const std::string& code, int version) {
  auto rows = QueryRows<VersionRow>(session.sql(), kSelectVersionByNumber, soci::use(code, "code"),
                                    soci::use(version, "version"));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<StoredVersion> ListVersions(Session& session, const std::string& code) {
  return QueryRows<VersionRow>(session.sql(), kSelectVersions, soci::use(code, "code"));
}

int AppendVersion(WriteTransaction& tx, const std::string& code, const std::string& name,
                  const std::string& field, const std::string& level,
                  const std::string& search_folded, const std::string& effective_from,
                  const std::string& definition, std::int64_t now, const std::string& actor) {
  long long id = 0, at = now;
  auto existing = QueryRow<ProcedureRow>(tx.sql(), kSelectProcedureByCode, soci::use(code, "code"));
  int version = 1;
  if (!existing) {
    tx.sql() << kInsertProcedure, soci::use(code, "code"), soci::use(name, "name"),
        soci::use(field, "field"), soci::use(level, "level"), soci::use(search_folded, "folded"),
        soci::use(at, "at"), soci::into(id);
  } else {
    id = existing->id;
    version = existing->latest_version + 1;
    tx.sql() << kUpdateProcedure, soci::use(name, "name"), soci::use(field, "field"),
        soci::use(level, "level"), soci::use(search_folded, "folded"),
        soci::use(version, "version"), soci::use(at, "at"), soci::use(id, "id");
  }
  tx.sql() << kInsertVersion, soci::use(id, "id"), soci::use(version, "version"),
      soci::use(effective_from, "from"), soci::use(definition, "definition"), soci::use(at, "at"),
      soci::use(actor, "actor");
  return version;
}

ListResult ListLatest(Session& session, const ListFilter& f) {
  const std::string pattern = LikeContains(f.query_folded);
  long long limit = f.per_page, offset = static_cast<long long>(f.page - 1) * f.per_page;
  ListResult result;
  long long total = 0;
  session.sql() << kCountLatest, soci::use(pattern, "q"), soci::use(f.field, "field"),
      soci::use(f.level, "level"), soci::into(total);
  result.total = total;
  result.definitions = QueryRows<DefinitionRow>(
      session.sql(), kSelectLatestList, soci::use(pattern, "q"), soci::use(f.field, "field"),
      soci::use(f.level, "level"), soci::use(limit, "limit"), soci::use(offset, "offset"));
  return result;
}

std::vector<FieldCount> ListFields(Session& session) {
  return QueryRows<FieldRow>(session.sql(), kSelectFieldCounts);
}

std::vector<std::string> ExportLatest(Session& session) {
  return QueryRows<DefinitionRow>(session.sql(), kSelectAllLatest);
}

}  // namespace egov::store::catalog
