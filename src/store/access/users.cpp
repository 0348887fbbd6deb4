// SQL for users (see users.hpp).
#include "store/access/users.hpp"

#include <soci/soci.h>

#include "store/errors.hpp"
#include "store/query.hpp"

#include "core/text/fold.hpp"

namespace egov::store::access {

using core::access::User;

namespace {

constexpr const char* kSelect =
    "SELECT u.id, u.username, u.full_name, u.agency_id, a.code AS agency_code, "
    "a.name AS agency_name, a.path AS agency_path, u.active, "
    "u.password_hash, u.created_at, u.updated_at, u.password_changed_at "
    "FROM users u JOIN agencies a ON a.id = u.agency_id ";

struct UserRow {
  User u;
  long long id = 0, agency_id = 0, created_at = 0, updated_at = 0, changed_at = 0;
  int active = 1;
  void Bind(Columns& c) {
    c("id", id);
    c("username", u.username);
    c("full_name", u.full_name);
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
  for (const auto& role : QueryRows<RoleRow>(sql, "SELECT role FROM user_roles WHERE user_id = :id",
                                             soci::use(id, "id"))) {
    if (auto r = core::access::ParseRole(role)) user.roles.insert(*r);
  }
}

template <class... Uses>
std::vector<User> Query(soci::session& sql, const std::string& rest, Uses&&... uses) {
  auto out = QueryRows<UserRow>(sql, std::string(kSelect) + rest, std::forward<Uses>(uses)...);
  for (auto& u : out) LoadRoles(sql, u);
  return out;
}

std::string LikePattern(const std::string& text) { return LikeContains(core::text::Fold(text)); }

void WriteRoles(soci::session& sql, const User& user) {
  long long id = user.id;
  sql << "DELETE FROM user_roles WHERE user_id = :id", soci::use(id, "id");
  for (auto role : user.roles) {
    std::string name(core::access::RoleName(role));
    sql << "INSERT INTO user_roles (user_id, role) VALUES (:id, :role)", soci::use(id, "id"),
        soci::use(name, "role");
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

// One user and its roles in a single statement (one row per role): the lookup every
// authenticated request makes, so it is one round trip, not two.
std::string UserWithRolesSelect() {
  std::string select = kSelect;
  select.insert(select.find(" FROM users u"), ", r.role");
  return select + "LEFT JOIN user_roles r ON r.user_id = u.id ";
}

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
std::optional<User> QueryOne(soci::session& sql, const std::string& where, Use&& use) {
  return MergeRoles(
      QueryRows<UserWithRoleRow>(sql, UserWithRolesSelect() + where, std::forward<Use>(use)));
}

struct UserByIdQuery {
  using Row = UserWithRoleRow;
  using Param = long long;
  static constexpr const char* kParam = "id";
  static std::string Text() { return UserWithRolesSelect() + "WHERE u.id = :id"; }
};

}  // namespace

std::optional<User> FindUserByUsername(soci::session& sql, const std::string& username) {
  return QueryOne(sql, "WHERE u.username = :u", soci::use(username, "u"));
}

std::optional<User> FindUserById(soci::session& sql, std::int64_t id) {
  long long key = id;
  return QueryOne(sql, "WHERE u.id = :id", soci::use(key, "id"));
}

std::optional<User> FindUserById(Session& session, std::int64_t id) {
  return MergeRoles(CachedRows<UserByIdQuery>(session, id));
}

UserPage ListUsers(soci::session& sql, const UserFilter& f) {
  auto [begin, end] = core::access::SubtreeRange(f.subtree_path);
  auto [agency_begin, agency_end] =
      core::access::SubtreeRange(f.agency_path.empty() ? f.subtree_path : f.agency_path);
  std::string pattern = f.query.empty() ? "%" : LikePattern(f.query);
  std::string role = f.role ? std::string(core::access::RoleName(*f.role)) : "";
  int active = f.active ? (*f.active ? 1 : 0) : -1;
  long long limit = f.per_page, offset = static_cast<long long>(f.page - 1) * f.per_page;
  const std::string where =
      "WHERE a.path >= :b AND a.path < :e AND a.path >= :ab AND a.path < :ae "
      "AND (u.username LIKE :q ESCAPE '\\' OR u.full_name_folded LIKE :q ESCAPE '\\') "
      "AND (:role = '' OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND "
      "r.role = :role)) AND (:active < 0 OR u.active = :active) ";
  UserPage page;
  long long total = 0;
  sql << "SELECT COUNT(*) FROM users u JOIN agencies a ON a.id = u.agency_id " + where,
      soci::use(begin, "b"), soci::use(end, "e"), soci::use(agency_begin, "ab"),
      soci::use(agency_end, "ae"), soci::use(pattern, "q"), soci::use(role, "role"),
      soci::use(active, "active"), soci::into(total);
  page.total = total;
  page.items =
      Query(sql, where + "ORDER BY u.username LIMIT :limit OFFSET :offset", soci::use(begin, "b"),
            soci::use(end, "e"), soci::use(agency_begin, "ab"), soci::use(agency_end, "ae"),
            soci::use(pattern, "q"), soci::use(role, "role"), soci::use(active, "active"),
            soci::use(limit, "limit"), soci::use(offset, "offset"));
  return page;
}

std::int64_t InsertUser(soci::session& sql, const User& user, std::int64_t now) {
  long long id = 0, at = now, agency = user.agency_id;
  int active = user.active ? 1 : 0;
  std::string folded = core::text::Fold(user.full_name);
  MappingUniqueViolation([&] {
    sql << "INSERT INTO users (username, full_name, full_name_folded, agency_id, password_hash, "
           "active, created_at, updated_at, password_changed_at) VALUES (:u, :n, :f, :a, :h, "
           ":active, :at, :at, :at) RETURNING id",
        soci::use(user.username, "u"), soci::use(user.full_name, "n"), soci::use(folded, "f"),
        soci::use(agency, "a"), soci::use(user.password_hash, "h"), soci::use(active, "active"),
        soci::use(at, "at"), soci::into(id);
  });
  User stored = user;
  stored.id = id;
  WriteRoles(sql, stored);
  return id;
}

void UpdateUser(soci::session& sql, const User& user, std::int64_t now) {
  long long id = user.id, at = now, agency = user.agency_id;
  int active = user.active ? 1 : 0;
  std::string folded = core::text::Fold(user.full_name);
  sql << "UPDATE users SET full_name = :n, full_name_folded = :f, agency_id = :a, "
         "active = :active, updated_at = :at WHERE id = :id",
      soci::use(user.full_name, "n"), soci::use(folded, "f"), soci::use(agency, "a"),
      soci::use(active, "active"), soci::use(at, "at"), soci::use(id, "id");
  WriteRoles(sql, user);
}

void SetPasswordHash(soci::session& sql, std::int64_t user_id, const std::string& hash,
                     std::int64_t now) {
  long long id = user_id, at = now;
  sql << "UPDATE users SET password_hash = :h, password_changed_at = :at, updated_at = :at "
         "WHERE id = :id",
      soci::use(hash, "h"), soci::use(at, "at"), soci::use(id, "id");
}

}  // namespace egov::store::access
