// SQL for users (see users.hpp).
#include "store/access/users.hpp"

#include <soci/soci.h>

#include "store/errors.hpp"
#include "store/query.hpp"

#include "core/text/fold.hpp"

namespace egov::store::access {

using core::access::User;

namespace {

// The statements of this file, by what they do.
constexpr const char* kUserColumns =
    "SELECT u.id, u.username, u.full_name, u.email, u.agency_id, a.code AS agency_code, "
    "a.name AS agency_name, a.path AS agency_path, u.active, "
    "u.password_hash, u.created_at, u.updated_at, u.password_changed_at";
constexpr const char* kFromUsers = " FROM users u JOIN agencies a ON a.id = u.agency_id ";
// One user and its roles in a single statement (one row per role, LEFT JOIN: none when the
// user has no role): the lookup every authenticated request makes, one round trip, not two.
const std::string kSelectUserWithRoles = std::string(kUserColumns) + ", r.role" + kFromUsers +
                                         "LEFT JOIN user_roles r ON r.user_id = u.id ";
const std::string kSelectUserWithRolesByUsername = kSelectUserWithRoles + "WHERE u.username = :u";
const std::string kSelectUserWithRolesById = kSelectUserWithRoles + "WHERE u.id = :id";
// The list's filter: the caller's subtree, then each optional criterion.
constexpr const char* kListUsersWhere =
    "WHERE a.path >= :b AND a.path < :e AND a.path >= :ab AND a.path < :ae "
    "AND (u.username LIKE :q ESCAPE '\\' OR u.full_name_folded LIKE :q ESCAPE '\\') "
    "AND (:role = '' OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND "
    "r.role = :role)) AND (:active < 0 OR u.active = :active) ";
const std::string kCountUsers = std::string("SELECT COUNT(*)") + kFromUsers + kListUsersWhere;
const std::string kSelectUsers = std::string(kUserColumns) + kFromUsers + kListUsersWhere +
                                 "ORDER BY u.username LIMIT :limit OFFSET :offset";
constexpr const char* kSelectRolesOfUser = "SELECT role FROM user_roles WHERE user_id = :id";
constexpr const char* kDeleteRolesOfUser = "DELETE FROM user_roles WHERE user_id = :id";
constexpr const char* kInsertRole = "INSERT INTO user_roles (user_id, role) VALUES (:id, :role)";
constexpr const char* kInsertUser =
    "INSERT INTO users (username, full_name, full_name_folded, email, agency_id, password_hash, "
    "active, created_at, updated_at, password_changed_at) VALUES (:u, :n, :f, :email, :a, :h, "
    ":active, :at, :at, :at) RETURNING id";
constexpr const char* kUpdateUser =
    "UPDATE users SET full_name = :n, full_name_folded = :f, email = :email, agency_id = :a, "
    "active = :active, updated_at = :at WHERE id = :id";
constexpr const char* kUpdatePasswordHash =
    "UPDATE users SET password_hash = :h, password_changed_at = :at, updated_at = :at "
    "WHERE id = :id";

struct UserRow {
  User u;
  long long id = 0, agency_id = 0, created_at = 0, updated_at = 0, changed_at = 0;
  int active = 1;
  soci::indicator email_ind = soci::i_null;
  std::string email;
  void Bind(Columns& c) {
    c("id", id);
    c("username", u.username);
    c("full_name", u.full_name);
    c("email", email, email_ind);
    c("agency_id", agency_id);
    c("agency_code", u.agency_code);
    c("agency_name", u.agency_name);
    c("agency_path", u.agency_path);
    c("active", active);
    c("password_hash", u.password_hash);
    c("created_at", created_at);
    c("updated_at", updated_at);
    c("password_changed_at", changed_at);
  }
  User Get() const {
    User out = u;
    out.id = id;
    out.agency_id = agency_id;
    out.active = active != 0;
    out.email = email_ind == soci::i_ok ? email : "";
    out.created_at = created_at;
    out.updated_at = updated_at;
    out.password_changed_at = changed_at;
    return out;
  }
};

struct RoleRow {
  std::string role;
  void Bind(Columns& c) { c("role", role); }
  std::string Get() const { return role; }
};

void LoadRoles(soci::session& sql, User& user) {
  long long id = user.id;
  for (const auto& role : QueryRows<RoleRow>(sql, kSelectRolesOfUser, soci::use(id, "id"))) {
    if (auto r = core::access::ParseRole(role)) user.roles.insert(*r);
  }
}

template <class... Uses>
std::vector<User> Query(soci::session& sql, const std::string& text, Uses&&... uses) {
  auto out = QueryRows<UserRow>(sql, text, std::forward<Uses>(uses)...);
  for (auto& u : out) LoadRoles(sql, u);
  return out;
}

std::string LikePattern(const std::string& text) { return LikeContains(core::text::Fold(text)); }

void WriteRoles(soci::session& sql, const User& user) {
  long long id = user.id;
  sql << kDeleteRolesOfUser, soci::use(id, "id");
  for (auto role : user.roles) {
    std::string name(core::access::RoleName(role));
    sql << kInsertRole, soci::use(id, "id"), soci::use(name, "role");
  }
}

// A user row with one of its roles (LEFT JOIN: none when the user has no role).
struct UserWithRoleRow {
  UserRow user;
  std::string role;
  soci::indicator role_ind = soci::i_null;
  void Bind(Columns& c) {
    user.Bind(c);
    c("role", role, role_ind);
  }
  std::pair<User, std::optional<std::string>> Get() const {
    return {user.Get(), role_ind == soci::i_ok ? std::optional<std::string>(role) : std::nullopt};
  }
};

std::optional<User> MergeRoles(
    const std::vector<std::pair<User, std::optional<std::string>>>& rows) {
  std::optional<User> out;
  for (const auto& [user, role] : rows) {
    if (!out) out = user;
    if (role) {
      if (auto r = core::access::ParseRole(*role)) out->roles.insert(*r);
    }
  }
  return out;
}

template <class Use>
std::optional<User> QueryOne(soci::session& sql, const std::string& text, Use&& use) {
  return MergeRoles(QueryRows<UserWithRoleRow>(sql, text, std::forward<Use>(use)));
}

struct UserByIdQuery {
  using Row = UserWithRoleRow;
  using Param = long long;
  static constexpr const char* kParam = "id";
  static std::string Text() { return kSelectUserWithRolesById; }
};

}  // namespace

std::optional<User> FindUserByUsername(Session& session, const std::string& username) {
  return QueryOne(session.sql(), kSelectUserWithRolesByUsername, soci::use(username, "u"));
}

std::optional<User> FindUserById(Session& session, std::int64_t id) {
  return MergeRoles(CachedRows<UserByIdQuery>(session, id));
}

UserPage ListUsers(Session& session, const UserFilter& f) {
  auto [begin, end] = core::access::SubtreeRange(f.subtree_path);
  auto [agency_begin, agency_end] =
      core::access::SubtreeRange(f.agency_path.empty() ? f.subtree_path : f.agency_path);
  std::string pattern = f.query.empty() ? "%" : LikePattern(f.query);
  std::string role = f.role ? std::string(core::access::RoleName(*f.role)) : "";
  int active = f.active ? (*f.active ? 1 : 0) : -1;
  long long limit = f.per_page, offset = static_cast<long long>(f.page - 1) * f.per_page;
  UserPage page;
  long long total = 0;
  session.sql() << kCountUsers, soci::use(begin, "b"), soci::use(end, "e"),
      soci::use(agency_begin, "ab"), soci::use(agency_end, "ae"), soci::use(pattern, "q"),
      soci::use(role, "role"), soci::use(active, "active"), soci::into(total);
  page.total = total;
  page.items = Query(session.sql(), kSelectUsers, soci::use(begin, "b"), soci::use(end, "e"),
                     soci::use(agency_begin, "ab"), soci::use(agency_end, "ae"),
                     soci::use(pattern, "q"), soci::use(role, "role"), soci::use(active, "active"),
                     soci::use(limit, "limit"), soci::use(offset, "offset"));
  return page;
}

std::int64_t InsertUser(WriteTransaction& tx, const User& user, std::int64_t now) {
  long long id = 0, at = now, agency = user.agency_id;
  int active = user.active ? 1 : 0;
  std::string folded = core::text::Fold(user.full_name);
  std::string email = user.email;
  soci::indicator email_ind = email.empty() ? soci::i_null : soci::i_ok;
  MappingUniqueViolation([&] {
    tx.sql() << kInsertUser, soci::use(user.username, "u"), soci::use(user.full_name, "n"),
        soci::use(folded, "f"), soci::use(email, email_ind, "email"), soci::use(agency, "a"),
        soci::use(user.password_hash, "h"), soci::use(active, "active"), soci::use(at, "at"),
        soci::into(id);
  });
  User stored = user;
  stored.id = id;
  WriteRoles(tx.sql(), stored);
  return id;
}

void UpdateUser(WriteTransaction& tx, const User& user, std::int64_t now) {
  long long id = user.id, at = now, agency = user.agency_id;
  int active = user.active ? 1 : 0;
  std::string folded = core::text::Fold(user.full_name);
  std::string email = user.email;
  soci::indicator email_ind = email.empty() ? soci::i_null : soci::i_ok;
  tx.sql() << kUpdateUser, soci::use(user.full_name, "n"), soci::use(folded, "f"),
      soci::use(email, email_ind, "email"), soci::use(agency, "a"), soci::use(active, "active"),
      soci::use(at, "at"), soci::use(id, "id");
  WriteRoles(tx.sql(), user);
}

void SetPasswordHash(WriteTransaction& tx, std::int64_t user_id, const std::string& hash,
                     std::int64_t now) {
  long long id = user_id, at = now;
  tx.sql() << kUpdatePasswordHash, soci::use(hash, "h"), soci::use(at, "at"), soci::use(id, "id");
}

}  // namespace egov::store::access
