// SQL for agencies (see agencies.hpp).
#include "store/access/agencies.hpp"

#include <soci/soci.h>

#include "store/errors.hpp"
#include "store/query.hpp"

#include "core/access/roles.hpp"
#include "core/text/fold.hpp"

namespace egov::store::access {

using core::access::Agency;

namespace {

// The statements of this file, by what they do.
constexpr const char* kSelectAgency =
    "SELECT id, code, parent_id, path, name, kind, abbreviation, working_hours, created_at, "
    "updated_at FROM agencies ";
const std::string kSelectAgencyByCode = std::string(kSelectAgency) + "WHERE code = :code";
const std::string kSelectAgencyById = std::string(kSelectAgency) + "WHERE id = :id";
const std::string kSelectAgencySubtree =
    std::string(kSelectAgency) + "WHERE path >= :b AND path < :e ORDER BY path";
const std::string kSelectChildrenByAbbreviation =
    std::string(kSelectAgency) + "WHERE parent_id = :parent AND abbreviation = :abbr ORDER BY code";
constexpr const char* kInsertAgency =
    "INSERT INTO agencies (code, parent_id, path, name, name_folded, kind, abbreviation, "
    "working_hours, created_at, updated_at) VALUES (:code, :parent, :path, :name, :folded, "
    ":kind, :abbr, :hours, :at, :at) RETURNING id";
constexpr const char* kUpdateAgencyPath = "UPDATE agencies SET path = :path WHERE id = :id";
constexpr const char* kUpdateAgency =
    "UPDATE agencies SET name = :name, name_folded = :folded, kind = :kind, "
    "abbreviation = :abbr, working_hours = :hours, updated_at = :at WHERE id = :id";
constexpr const char* kCountAgencies = "SELECT COUNT(*) FROM agencies";
constexpr const char* kSelectWorkingHours = "SELECT working_hours FROM agencies WHERE code = :code";

struct AgencyRow {
  Agency a;
  long long id = 0, parent_id = 0, created_at = 0, updated_at = 0;
  soci::indicator parent_ind = soci::i_null;

  void Bind(Columns& c) {
    c("id", id);
    c("code", a.code);
    c("parent_id", parent_id, parent_ind);
    c("path", a.path);
    c("name", a.name);
    c("kind", a.kind);
    c("abbreviation", a.abbreviation);
    c("working_hours", a.working_hours);
    c("created_at", created_at);
    c("updated_at", updated_at);
  }
  Agency Get() const {
    Agency out = a;
    out.id = id;
    out.parent_id =
        parent_ind == soci::i_ok ? std::optional<std::int64_t>(parent_id) : std::nullopt;
    out.created_at = created_at;
    out.updated_at = updated_at;
    return out;
  }
};

}  // namespace

namespace {
// The agency of a code, prepared once per connection: every intake resolves its steps' agencies.
struct AgencyByCode {
  std::string code;
  AgencyRow row;
  soci::statement statement;
  explicit AgencyByCode(soci::session& sql) : statement(sql) {
    PrepareRows(statement, kSelectAgencyByCode, row, soci::use(code, "code"));
  }
};
}  // namespace

std::optional<Agency> FindAgencyByCode(Session& session, const std::string& code) {
  return session.WithCached<AgencyByCode>([&](AgencyByCode& q) -> std::optional<Agency> {
    q.code = code;
    if (!q.statement.execute(true)) return std::nullopt;
    Agency out = q.row.Get();
    // Step to the end (codes are unique): a SQLite statement left on a row keeps its read
    // transaction open on the connection.
    q.statement.fetch();
    return out;
  });
}

std::optional<Agency> FindAgencyById(Session& session, std::int64_t id) {
  long long key = id;
  auto rows = QueryRows<AgencyRow>(session.sql(), kSelectAgencyById, soci::use(key, "id"));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Agency> ListChildrenByAbbreviation(Session& session, std::int64_t parent_id,
                                               const std::string& abbreviation) {
  long long parent = parent_id;
  return QueryRows<AgencyRow>(session.sql(), kSelectChildrenByAbbreviation,
                              soci::use(parent, "parent"), soci::use(abbreviation, "abbr"));
}

std::vector<Agency> ListAgencySubtree(Session& session, const std::string& path) {
  auto [begin, end] = core::access::SubtreeRange(path);
  return QueryRows<AgencyRow>(session.sql(), kSelectAgencySubtree, soci::use(begin, "b"),
                              soci::use(end, "e"));
}

Agency InsertAgency(WriteTransaction& tx, Agency agency, const Agency* parent, std::int64_t now) {
  long long id = 0, at = now;
  long long parent_id = parent ? parent->id : 0;
  soci::indicator parent_ind = parent ? soci::i_ok : soci::i_null;
  std::string folded = core::text::Fold(agency.name);
  // A unique placeholder path until the id is known.
  std::string temp_path = "pending:" + agency.code;
  MappingUniqueViolation([&] {
    tx.sql() << kInsertAgency, soci::use(agency.code, "code"),
        soci::use(parent_id, parent_ind, "parent"), soci::use(temp_path, "path"),
        soci::use(agency.name, "name"), soci::use(folded, "folded"), soci::use(agency.kind, "kind"),
        soci::use(agency.abbreviation, "abbr"), soci::use(agency.working_hours, "hours"),
        soci::use(at, "at"), soci::into(id);
  });
  agency.id = id;
  agency.parent_id = parent ? std::optional<std::int64_t>(parent->id) : std::nullopt;
  agency.path = (parent ? parent->path : std::string("/")) + std::to_string(id) + "/";
  tx.sql() << kUpdateAgencyPath, soci::use(agency.path, "path"), soci::use(id, "id");
  agency.created_at = agency.updated_at = now;
  return agency;
}

void UpdateAgency(WriteTransaction& tx, const Agency& agency, std::int64_t now) {
  long long id = agency.id, at = now;
  std::string folded = core::text::Fold(agency.name);
  tx.sql() << kUpdateAgency, soci::use(agency.name, "name"), soci::use(folded, "folded"),
      soci::use(agency.kind, "kind"), soci::use(agency.abbreviation, "abbr"),
      soci::use(agency.working_hours, "hours"), soci::use(at, "at"), soci::use(id, "id");
}

std::int64_t CountAgencies(Session& session) {
  long long n = 0;
  session.sql() << kCountAgencies, soci::into(n);
  return n;
}

namespace {
struct WorkingHoursQuery {
  struct Row {
    std::string hours;
    void Bind(Columns& c) { c("working_hours", hours); }
    std::string Get() const { return hours; }
  };
  using Param = std::string;
  static constexpr const char* kParam = "code";
  static std::string Text() { return kSelectWorkingHours; }
};
}  // namespace

std::optional<std::string> FindWorkingHours(Session& session, const std::string& code) {
  auto rows = CachedRows<WorkingHoursQuery>(session, code);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

}  // namespace egov::store::access
