// SQL for dossiers (see dossiers.hpp).
#include "store/dossier/dossiers.hpp"

#include <soci/soci.h>

#include "store/dossier/json_columns.hpp"
#include "store/errors.hpp"
#include "store/query.hpp"

#include "core/access/roles.hpp"

namespace egov::store::dossier {

using core::dossier::Dossier;
using core::dossier::Event;
using core::dossier::Name;

namespace {

// The statements of this file, by what they do.
constexpr const char* kSelectDossier =
    "SELECT d.id, d.code, d.public_token, d.procedure_code, d.procedure_version, "
    "d.procedure_name, d.status, d.channel, d.receiving_agency_id, a.code AS agency_code, "
    "a.name AS agency_name, a.path AS agency_path, "
    "d.applicant, d.components, d.current_step, d.step_due_at, d.submitted_at, d.received_at, "
    "d.due_at, d.completed_at, d.created_by, d.created_at, d.updated_at, d.version, "
    "d.assignee, d.competent_agency_id, ca.code AS competent_code, d.current_agency_id, "
    "cu.code AS current_code "
    "FROM dossiers d JOIN agencies a ON a.id = d.receiving_agency_id "
    "LEFT JOIN agencies ca ON ca.id = d.competent_agency_id "
    "LEFT JOIN agencies cu ON cu.id = d.current_agency_id ";
const std::string kSelectDossierByCode = std::string(kSelectDossier) + "WHERE d.code = :code";
// The list's filter: the caller's subtree holds the receiving agency or an agency of the
// dossier's resolved steps (liên thông), then each optional criterion.
constexpr const char* kListWhere =
    "WHERE ((a.path >= :b AND a.path < :e) OR EXISTS (SELECT 1 FROM dossier_steps s JOIN "
    "agencies sa ON sa.id = s.agency_id WHERE s.dossier_id = d.id AND sa.path >= :b AND "
    "sa.path < :e)) AND (:status = '' OR d.status = :status) "
    "AND (d.applicant_folded LIKE :q ESCAPE '\\' OR LOWER(d.code) LIKE :q ESCAPE '\\') "
    "AND (:has_from = 0 OR d.received_at >= :from) AND (:has_to = 0 OR d.received_at < :to) "
    "AND (:overdue = 0 OR (d.status = 'processing' AND d.due_at < :now)) ";
const std::string kCountDossierList =
    std::string(
        "SELECT COUNT(*) FROM dossiers d JOIN agencies a ON a.id = "
        "d.receiving_agency_id ") +
    kListWhere;
const std::string kSelectDossierList =
    std::string(kSelectDossier) + kListWhere + "ORDER BY d.id DESC LIMIT :limit OFFSET :offset";
constexpr const char* kSelectPublicByCode =
    "SELECT code, procedure_name, status, applicant, received_at, due_at FROM dossiers "
    "WHERE code = :code";
constexpr const char* kSelectByIdempotencyKey =
    "SELECT code, idempotency_hash FROM dossiers WHERE created_by = :by AND idempotency_key = :key";
constexpr const char* kUpsertCounter =
    "INSERT INTO dossier_counters (agency_id, day, last) VALUES (:a, :d, 1) ON CONFLICT "
    "(agency_id, day) DO UPDATE SET last = dossier_counters.last + 1 RETURNING last";
constexpr const char* kInsertDossier =
    "INSERT INTO dossiers (code, public_token, procedure_code, procedure_version, "
    "procedure_name, status, channel, receiving_agency_id, applicant, applicant_folded, "
    "components, current_step, step_due_at, submitted_at, received_at, due_at, created_by, "
    "idempotency_key, idempotency_hash, created_at, updated_at, competent_agency_id, "
    "current_agency_id) VALUES (:code, :token, :pcode, "
    ":pversion, :pname, :status, :channel, :agency, :applicant, :folded, :components, :step, "
    ":step_due, :submitted, :received, :due, :by, :key, :key_hash, :created, :updated, "
    ":competent, :current) RETURNING id";
constexpr const char* kUpdateDossierState =
    "UPDATE dossiers SET status = :status, current_step = :step, step_due_at = :step_due, "
    "received_at = :received, due_at = :due, completed_at = :completed, updated_at = :at, "
    "current_agency_id = :current, assignee = :assignee, step_role = (SELECT role FROM "
    "dossier_steps WHERE dossier_id = :id AND idx = :step), version = version + 1 "
    "WHERE id = :id AND version = :version";
constexpr const char* kInsertEvent =
    "INSERT INTO dossier_events (dossier_id, at, action, actor, agency_code, from_step, "
    "to_step, note, due_at, step_due_at, to_user) VALUES (:id, :at, :action, :actor, :agency, "
    ":from, :to, :note, :due, :step_due, :to_user) RETURNING id";
constexpr const char* kSelectEvents =
    "SELECT at, action, actor, agency_code, from_step, to_step, note, due_at, step_due_at, "
    "to_user FROM dossier_events WHERE dossier_id = :id ORDER BY id";
constexpr const char* kInsertStep =
    "INSERT INTO dossier_steps (dossier_id, idx, name, role, agency_id, hours) VALUES (:id, "
    ":idx, :name, :role, :agency, :hours)";
// The current step's role, copied onto the dossier for the work queues' index (0010).
constexpr const char* kSetStepRole =
    "UPDATE dossiers SET step_role = (SELECT role FROM dossier_steps WHERE dossier_id = :id AND "
    "idx = dossiers.current_step) WHERE id = :id";
constexpr const char* kSelectSteps =
    "SELECT s.idx, s.name, s.role, s.agency_id, a.code, a.path, a.working_hours, s.hours "
    "FROM dossier_steps s JOIN agencies a ON a.id = s.agency_id WHERE s.dossier_id = :id "
    "ORDER BY s.idx";
constexpr const char* kInsertFile =
    "INSERT INTO dossier_files (dossier_id, sha256, component, mime_type, size, file_name, "
    "uploaded_at, uploaded_by) VALUES (:id, :sha, :component, :mime, :size, :name, :at, :by)";
constexpr const char* kSelectFiles =
    "SELECT sha256, component, mime_type, size, file_name, uploaded_at, uploaded_by "
    "FROM dossier_files WHERE dossier_id = :id ORDER BY id";

struct Row {
  Dossier d;
  long long id = 0, agency_id = 0, step_due = 0, submitted = 0, received = 0, due = 0,
            completed = 0, created = 0, updated = 0, row_version = 0, competent = 0, current = 0;
  int version = 0, step = 0;
  std::string applicant, components, status, channel, assignee, competent_code, current_code;
  soci::indicator step_due_ind, received_ind, due_ind, completed_ind, assignee_ind, competent_ind,
      competent_code_ind, current_ind, current_code_ind;

  void Bind(Columns& c) {
    c("id", id);
    c("code", d.code);
    c("public_token", d.public_token);
    c("procedure_code", d.procedure_code);
    c("procedure_version", version);
    c("procedure_name", d.procedure_name);
    c("status", status);
    c("channel", channel);
    c("receiving_agency_id", agency_id);
    c("agency_code", d.receiving_agency_code);
    c("agency_name", d.receiving_agency_name);
    c("agency_path", d.receiving_agency_path);
    c("applicant", applicant);
    c("components", components);
    c("current_step", step);
    c("step_due_at", step_due, step_due_ind);
    c("submitted_at", submitted);
    c("received_at", received, received_ind);
    c("due_at", due, due_ind);
    c("completed_at", completed, completed_ind);
    c("created_by", d.created_by);
    c("created_at", created);
    c("updated_at", updated);
    c("version", row_version);
    c("assignee", assignee, assignee_ind);
    c("competent_agency_id", competent, competent_ind);
    c("competent_code", competent_code, competent_code_ind);
    c("current_agency_id", current, current_ind);
    c("current_code", current_code, current_code_ind);
  }
  static std::optional<std::int64_t> Opt(long long v, soci::indicator ind) {
    return ind == soci::i_ok ? std::optional<std::int64_t>(v) : std::nullopt;
  }
  Dossier Get() const {
    Dossier out = d;
    out.id = id;
    out.procedure_version = version;
    out.status = Named(core::dossier::ParseStatus(status), "status", status);
    out.channel = Named(core::dossier::ParseChannel(channel), "channel", channel);
    out.receiving_agency_id = agency_id;
    out.current_step = step;
    out.step_due_at = Opt(step_due, step_due_ind);
    out.submitted_at = submitted;
    out.received_at = Opt(received, received_ind);
    out.due_at = Opt(due, due_ind);
    out.completed_at = Opt(completed, completed_ind);
    out.created_at = created;
    out.updated_at = updated;
    out.version = row_version;
    if (assignee_ind == soci::i_ok) out.assignee = assignee;
    // Rows from before the agencies were recorded: the receiving agency.
    const bool has_competent = competent_ind == soci::i_ok && competent_code_ind == soci::i_ok;
    out.competent_agency_id = has_competent ? competent : agency_id;
    out.competent_agency_code = has_competent ? competent_code : d.receiving_agency_code;
    const bool has_current = current_ind == soci::i_ok && current_code_ind == soci::i_ok;
    out.current_agency_id = has_current ? current : agency_id;
    out.current_agency_code = has_current ? current_code : d.receiving_agency_code;
    out.applicant = ApplicantFromColumn(applicant);
    out.components = ComponentsFromColumn(components);
    return out;
  }
};

}  // namespace

namespace {

// The statements of an intake's write transaction, prepared once per pooled connection so
// that the writer lock is not held while SQL is parsed. Members are declared before
// `statement`, which binds their addresses.
struct CounterUpsert {
  long long agency = 0, last = 0;
  std::string day;
  soci::statement statement;
  explicit CounterUpsert(soci::session& sql)
      : statement((sql.prepare << kUpsertCounter, soci::use(agency, "a"), soci::use(day, "d"),
                   soci::into(last))) {}
};

struct DossierInsert {
  std::string code, token, pcode, pname, status, channel, applicant, folded, components, by, key,
      key_hash;
  int pversion = 0, step = 0;
  long long agency = 0, step_due = 0, submitted = 0, received = 0, due = 0, created = 0, id = 0,
            competent = 0, current = 0;
  soci::indicator step_due_ind = soci::i_null, received_ind = soci::i_null, due_ind = soci::i_null,
                  key_ind = soci::i_null, key_hash_ind = soci::i_null;
  soci::statement statement;
  explicit DossierInsert(soci::session& sql)
      : statement(
            (sql.prepare << kInsertDossier, soci::use(code, "code"), soci::use(token, "token"),
             soci::use(pcode, "pcode"), soci::use(pversion, "pversion"), soci::use(pname, "pname"),
             soci::use(status, "status"), soci::use(channel, "channel"),
             soci::use(agency, "agency"), soci::use(applicant, "applicant"),
             soci::use(folded, "folded"), soci::use(components, "components"),
             soci::use(step, "step"), soci::use(step_due, step_due_ind, "step_due"),
             soci::use(submitted, "submitted"), soci::use(received, received_ind, "received"),
             soci::use(due, due_ind, "due"), soci::use(by, "by"), soci::use(key, key_ind, "key"),
             soci::use(key_hash, key_hash_ind, "key_hash"), soci::use(created, "created"),
             soci::use(created, "updated"), soci::use(competent, "competent"),
             soci::use(current, "current"), soci::into(id))) {}
};

struct EventInsert {
  long long dossier = 0, at = 0, due = 0, step_due = 0, id = 0;
  int from = 0, to = 0;
  soci::indicator from_ind = soci::i_null, to_ind = soci::i_null, due_ind = soci::i_null,
                  step_due_ind = soci::i_null, to_user_ind = soci::i_null;
  std::string action, actor, agency, note, to_user;
  soci::statement statement;
  explicit EventInsert(soci::session& sql)
      : statement((sql.prepare << kInsertEvent, soci::use(dossier, "id"), soci::use(at, "at"),
                   soci::use(action, "action"), soci::use(actor, "actor"),
                   soci::use(agency, "agency"), soci::use(from, from_ind, "from"),
                   soci::use(to, to_ind, "to"), soci::use(note, "note"),
                   soci::use(due, due_ind, "due"), soci::use(step_due, step_due_ind, "step_due"),
                   soci::use(to_user, to_user_ind, "to_user"), soci::into(id))) {}
};

// A nullable column's buffer and indicator from an optional.
template <class T, class V>
void SetNullable(T& value, soci::indicator& indicator, const std::optional<V>& from) {
  value = from ? static_cast<T>(*from) : T{};
  indicator = from ? soci::i_ok : soci::i_null;
}

// Executes a statement that returns one row and steps it to its end: a SQLite statement
// left on a row is still running, and COMMIT would fail.
void ExecuteReturning(soci::statement& st) {
  if (!st.execute(true)) throw std::runtime_error("RETURNING gave no row");
  st.fetch();
}

}  // namespace

std::int64_t NextNumber(WriteTransaction& tx, std::int64_t agency_id, const std::string& day) {
  return tx.session().WithCached<CounterUpsert>([&](CounterUpsert& q) {
    q.agency = agency_id;
    q.day = day;
    ExecuteReturning(q.statement);
    return static_cast<std::int64_t>(q.last);
  });
}

std::int64_t Insert(WriteTransaction& tx, const Dossier& d, const std::string& applicant_folded) {
  return MappingUniqueViolation([&] {
    return tx.session().WithCached<DossierInsert>([&](DossierInsert& q) {
      q.code = d.code;
      q.token = d.public_token;
      q.pcode = d.procedure_code;
      q.pversion = d.procedure_version;
      q.pname = d.procedure_name;
      q.status = Name(d.status);
      q.channel = Name(d.channel);
      q.agency = d.receiving_agency_id;
      q.applicant = ApplicantColumn(d.applicant);
      q.folded = applicant_folded;
      q.components = ComponentsColumn(d.components);
      q.step = d.current_step;
      SetNullable(q.step_due, q.step_due_ind, d.step_due_at);
      q.submitted = d.submitted_at;
      SetNullable(q.received, q.received_ind, d.received_at);
      SetNullable(q.due, q.due_ind, d.due_at);
      q.by = d.created_by;
      SetNullable(q.key, q.key_ind, d.idempotency_key);
      SetNullable(q.key_hash, q.key_hash_ind, d.idempotency_hash);
      q.created = d.created_at;
      q.competent = d.competent_agency_id ? d.competent_agency_id : d.receiving_agency_id;
      q.current = d.current_agency_id ? d.current_agency_id : d.receiving_agency_id;
      ExecuteReturning(q.statement);
      return static_cast<std::int64_t>(q.id);
    });
  });
}

std::optional<Dossier> FindByCode(Session& session, const std::string& code) {
  auto rows = QueryRows<Row>(session.sql(), kSelectDossierByCode, soci::use(code, "code"));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

namespace {

// The public lookup's statement, prepared once per connection (Session::Cached). Members
// are declared before `statement`, which binds their addresses.
struct PublicLookup {
  std::string code;
  PublicRow row;
  std::string status, applicant;
  long long received = 0, due = 0;
  soci::indicator received_ind = soci::i_null, due_ind = soci::i_null;
  void Bind(Columns& c) {
    c("code", row.code);
    c("procedure_name", row.procedure_name);
    c("status", status);
    c("applicant", applicant);
    c("received_at", received, received_ind);
    c("due_at", due, due_ind);
  }
  soci::statement statement;
  explicit PublicLookup(soci::session& sql) : statement(sql) {
    PrepareRows(statement, kSelectPublicByCode, *this, soci::use(code, "code"));
  }
};

}  // namespace

std::optional<PublicRow> FindPublic(Session& session, const std::string& code) {
  return session.WithCached<PublicLookup>([&](PublicLookup& q) -> std::optional<PublicRow> {
    q.code = code;
    if (!q.statement.execute(true)) return std::nullopt;
    PublicRow out = std::move(q.row);  // the next execute fills the buffers again
    out.status = Named(core::dossier::ParseStatus(q.status), "status", q.status);
    out.applicant = ApplicantFromColumn(q.applicant);
    out.received_at =
        q.received_ind == soci::i_ok ? std::optional<std::int64_t>(q.received) : std::nullopt;
    out.due_at = q.due_ind == soci::i_ok ? std::optional<std::int64_t>(q.due) : std::nullopt;
    // Step to the end (codes are unique): a SQLite statement left on a row keeps its read
    // transaction, and so a stale snapshot, open on the connection for everyone after us.
    q.statement.fetch();
    return out;
  });
}

std::optional<KeyedDossier> FindByIdempotencyKey(Session& session, const std::string& created_by,
                                                 const std::string& key) {
  KeyedDossier out;
  std::string hash;
  soci::indicator ind = soci::i_null, hash_ind = soci::i_null;
  session.sql() << kSelectByIdempotencyKey, soci::use(created_by, "by"), soci::use(key, "key"),
      soci::into(out.code, ind), soci::into(hash, hash_ind);
  if (!session.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  if (hash_ind == soci::i_ok) out.request_hash = hash;
  return out;
}

bool UpdateState(WriteTransaction& tx, const Dossier& d, std::int64_t now) {
  long long id = d.id, at = now, received = d.received_at.value_or(0), due = d.due_at.value_or(0),
            step_due = d.step_due_at.value_or(0), completed = d.completed_at.value_or(0),
            current = d.current_agency_id ? d.current_agency_id : d.receiving_agency_id,
            version = d.version;
  soci::indicator received_ind = d.received_at ? soci::i_ok : soci::i_null;
  soci::indicator due_ind = d.due_at ? soci::i_ok : soci::i_null;
  soci::indicator step_due_ind = d.step_due_at ? soci::i_ok : soci::i_null;
  soci::indicator completed_ind = d.completed_at ? soci::i_ok : soci::i_null;
  std::string assignee = d.assignee.value_or("");
  soci::indicator assignee_ind = d.assignee ? soci::i_ok : soci::i_null;
  int step = d.current_step;
  const std::string status(Name(d.status));
  soci::statement st =
      (tx.sql().prepare << kUpdateDossierState, soci::use(status, "status"),
       soci::use(step, "step"), soci::use(step_due, step_due_ind, "step_due"),
       soci::use(received, received_ind, "received"), soci::use(due, due_ind, "due"),
       soci::use(completed, completed_ind, "completed"), soci::use(at, "at"),
       soci::use(current, "current"), soci::use(assignee, assignee_ind, "assignee"),
       soci::use(id, "id"), soci::use(version, "version"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::int64_t InsertEvent(WriteTransaction& tx, std::int64_t dossier_id, const Event& e) {
  return tx.session().WithCached<EventInsert>([&](EventInsert& q) {
    q.dossier = dossier_id;
    q.at = e.at;
    q.action = Name(e.action);
    q.actor = e.actor;
    q.agency = e.agency_code;
    SetNullable(q.from, q.from_ind, e.from_step);
    SetNullable(q.to, q.to_ind, e.to_step);
    q.note = e.note;
    SetNullable(q.due, q.due_ind, e.due_at);
    SetNullable(q.step_due, q.step_due_ind, e.step_due_at);
    SetNullable(q.to_user, q.to_user_ind, e.to_user);
    ExecuteReturning(q.statement);
    return static_cast<std::int64_t>(q.id);
  });
}

namespace {
struct EventRow {
  Event e;
  std::string action, to_user;
  long long at = 0, due = 0, step_due = 0;
  int from = 0, to = 0;
  soci::indicator from_ind = soci::i_null, to_ind = soci::i_null, due_ind = soci::i_null,
                  step_due_ind = soci::i_null, to_user_ind = soci::i_null;
  void Bind(Columns& c) {
    c("at", at);
    c("action", action);
    c("actor", e.actor);
    c("agency_code", e.agency_code);
    c("from_step", from, from_ind);
    c("to_step", to, to_ind);
    c("note", e.note);
    c("due_at", due, due_ind);
    c("step_due_at", step_due, step_due_ind);
    c("to_user", to_user, to_user_ind);
  }
  Event Get() const {
    Event out = e;
    out.at = at;
    if (due_ind == soci::i_ok) out.due_at = due;
    if (step_due_ind == soci::i_ok) out.step_due_at = step_due;
    if (to_user_ind == soci::i_ok) out.to_user = to_user;
    out.action = Named(core::dossier::ParseAction(action), "action", action);
    out.from_step = from_ind == soci::i_ok ? std::optional<int>(from) : std::nullopt;
    out.to_step = to_ind == soci::i_ok ? std::optional<int>(to) : std::nullopt;
    return out;
  }
};

struct StepRow {
  core::dossier::DossierStep s;
  std::string role;
  long long agency = 0;
  int index = 0, hours = 0;
  void Bind(Columns& c) {
    c("idx", index);
    c("name", s.name);
    c("role", role);
    c("agency_id", agency);
    c("code", s.agency_code);
    c("path", s.agency_path);
    c("working_hours", s.working_hours);
    c("hours", hours);
  }
  core::dossier::DossierStep Get() const {
    core::dossier::DossierStep out = s;
    out.index = index;
    out.role = Named(core::access::ParseRole(role), "role", role);
    out.agency_id = agency;
    out.hours = hours;
    return out;
  }
};

struct FileRow {
  core::dossier::File f;
  long long size = 0, at = 0;
  void Bind(Columns& c) {
    c("sha256", f.sha256);
    c("component", f.component);
    c("mime_type", f.mime_type);
    c("size", size);
    c("file_name", f.file_name);
    c("uploaded_at", at);
    c("uploaded_by", f.uploaded_by);
  }
  core::dossier::File Get() const {
    core::dossier::File out = f;
    out.size = size;
    out.uploaded_at = at;
    return out;
  }
};
}  // namespace

std::vector<Event> ListEvents(Session& session, std::int64_t dossier_id) {
  long long id = dossier_id;
  return QueryRows<EventRow>(session.sql(), kSelectEvents, soci::use(id, "id"));
}

namespace {
// The resolved steps' insert, prepared once per connection: no SQL is parsed while the
// writer lock is held (docs/benchmarks.md, intake).
struct StepInsert {
  long long id = 0, agency = 0;
  int index = 0, hours = 0;
  std::string name, role;
  soci::statement statement;
  soci::statement set_role;
  explicit StepInsert(soci::session& sql)
      : statement((sql.prepare << kInsertStep, soci::use(id, "id"), soci::use(index, "idx"),
                   soci::use(name, "name"), soci::use(role, "role"), soci::use(agency, "agency"),
                   soci::use(hours, "hours"))),
        set_role((sql.prepare << kSetStepRole, soci::use(id, "id"))) {}
};
}  // namespace

void InsertSteps(WriteTransaction& tx, std::int64_t dossier_id,
                 const std::vector<core::dossier::DossierStep>& steps) {
  tx.session().WithCached<StepInsert>([&](StepInsert& q) {
    q.id = dossier_id;
    for (const auto& step : steps) {
      q.index = step.index;
      q.name = step.name;
      q.role = core::access::RoleName(step.role);
      q.agency = step.agency_id;
      q.hours = step.hours;
      q.statement.execute(true);
    }
    q.set_role.execute(true);
  });
}

std::vector<core::dossier::DossierStep> ListSteps(Session& session, std::int64_t dossier_id) {
  long long id = dossier_id;
  return QueryRows<StepRow>(session.sql(), kSelectSteps, soci::use(id, "id"));
}

void InsertFile(WriteTransaction& tx, std::int64_t dossier_id, const core::dossier::File& f) {
  long long id = dossier_id, size = f.size, at = f.uploaded_at;
  tx.sql() << kInsertFile, soci::use(id, "id"), soci::use(f.sha256, "sha"),
      soci::use(f.component, "component"), soci::use(f.mime_type, "mime"), soci::use(size, "size"),
      soci::use(f.file_name, "name"), soci::use(at, "at"), soci::use(f.uploaded_by, "by");
}

std::vector<core::dossier::File> ListFiles(Session& session, std::int64_t dossier_id) {
  long long id = dossier_id;
  return QueryRows<FileRow>(session.sql(), kSelectFiles, soci::use(id, "id"));
}

ListResult List(Session& session, const ListFilter& f) {
  auto [begin, end] = core::access::SubtreeRange(f.subtree_path);
  const std::string pattern = LikeContains(f.query_folded);
  const std::string status = f.status ? std::string(Name(*f.status)) : "";
  long long from = f.received_from.value_or(0), to = f.received_to.value_or(0), now = f.now;
  int has_from = f.received_from ? 1 : 0, has_to = f.received_to ? 1 : 0,
      overdue = f.overdue_only ? 1 : 0;
  long long limit = f.per_page, offset = static_cast<long long>(f.page - 1) * f.per_page;
  ListResult result;
  long long total = 0;
  session.sql() << kCountDossierList, soci::use(begin, "b"), soci::use(end, "e"),
      soci::use(status, "status"), soci::use(pattern, "q"), soci::use(has_from, "has_from"),
      soci::use(from, "from"), soci::use(has_to, "has_to"), soci::use(to, "to"),
      soci::use(overdue, "overdue"), soci::use(now, "now"), soci::into(total);
  result.total = total;
  result.items = QueryRows<Row>(
      session.sql(), kSelectDossierList, soci::use(begin, "b"), soci::use(end, "e"),
      soci::use(status, "status"), soci::use(pattern, "q"), soci::use(has_from, "has_from"),
      soci::use(from, "from"), soci::use(has_to, "has_to"), soci::use(to, "to"),
      soci::use(overdue, "overdue"), soci::use(now, "now"), soci::use(limit, "limit"),
      soci::use(offset, "offset"));
  return result;
}

namespace {
// The events a citizen notice reads: those up to the one it is about (docs/notifications.md).
constexpr const char* kSelectEventsThrough =
    "SELECT id, at, action, actor, agency_code, from_step, to_step, note, due_at, step_due_at, "
    "to_user FROM dossier_events WHERE dossier_id = :id AND id <= :event ORDER BY id";

struct NumberedEventRow : EventRow {
  long long id = 0;
  void Bind(Columns& c) {
    c("id", id);
    EventRow::Bind(c);
  }
  std::pair<std::int64_t, Event> Get() const { return {id, EventRow::Get()}; }
};
}  // namespace

EventsThrough ListEventsThrough(Session& session, std::int64_t dossier_id, std::int64_t event_id) {
  long long id = dossier_id, event = event_id;
  auto rows = QueryRows<NumberedEventRow>(session.sql(), kSelectEventsThrough, soci::use(id, "id"),
                                          soci::use(event, "event"));
  EventsThrough out;
  out.found = !rows.empty() && rows.back().first == event_id;
  out.events.reserve(rows.size());
  for (auto& [row_id, e] : rows) out.events.push_back(std::move(e));
  return out;
}

}  // namespace egov::store::dossier
