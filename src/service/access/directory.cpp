// Agencies and users (see directory.hpp).
#include "service/access/directory.hpp"

#include <boost/describe/class.hpp>

#include <algorithm>
#include <string_view>

#include "core/access/agency_code.hpp"
#include "core/access/password_policy.hpp"
#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/text/fold.hpp"
#include "json/write.hpp"
#include "notify/mime.hpp"
#include "service/security/crypto.hpp"
#include "store/access/agencies.hpp"
#include "store/access/sessions.hpp"
#include "store/errors.hpp"

EGOV_EMBEDDED_SET(security_data)

namespace egov::service::access {

using core::access::Agency;
using core::access::Caller;
using core::access::Role;
using core::access::User;

namespace {

// Trimmed, single-spaced, 1..max characters; throws a field error otherwise.
std::string CleanText(const std::string& field, const std::string& value, std::size_t max,
                      const std::string& label, bool required = true) {
  std::string clean = core::text::NormalizeSpaces(value);
  if (required && clean.empty()) throw FieldError(field, label + " không được để trống.");
  if (core::text::CodePointCount(clean) > max) {
    throw FieldError(field, label + " dài tối đa " + std::to_string(max) + " ký tự.");
  }
  return clean;
}

std::set<Role> ParseRoles(const std::vector<std::string>& names) {
  std::set<Role> roles;
  for (const auto& name : names) {
    auto role = core::access::ParseRole(name);
    if (!role) {
      throw FieldError("roles", "vai trò \"" + name +
                                    "\" không tồn tại (admin, reception, specialist, leader, "
                                    "clerk, viewer).");
    }
    roles.insert(*role);
  }
  if (roles.empty()) throw FieldError("roles", "người dùng cần ít nhất một vai trò.");
  return roles;
}

std::vector<std::string_view> RoleNames(const std::set<Role>& roles) {
  std::vector<std::string_view> out;
  for (Role r : roles) out.push_back(core::access::RoleName(r));
  return out;
}

// The audit details of the directory's changes; a change names only what it changed.
struct AgencyCreated {
  std::string_view name, kind, parent, abbreviation, working_hours;
};
BOOST_DESCRIBE_STRUCT(AgencyCreated, (), (name, kind, parent, abbreviation, working_hours))

struct AgencyChanges {
  json::Omittable<std::string> name, kind, abbreviation, working_hours;
};
BOOST_DESCRIBE_STRUCT(AgencyChanges, (), (name, kind, abbreviation, working_hours))

struct UserCreated {
  std::string_view full_name, agency;
  std::vector<std::string_view> roles;
};
BOOST_DESCRIBE_STRUCT(UserCreated, (), (full_name, agency, roles))

struct UserChanges {
  json::Omittable<std::string> full_name;
  json::Omittable<std::vector<std::string_view>> roles;
  json::Omittable<bool> active;
  json::Omittable<std::string> agency;
  json::Omittable<std::string> email;
};
BOOST_DESCRIBE_STRUCT(UserChanges, (), (full_name, roles, active, agency, email))

// An officer's e-mail address as given: trimmed; "" for none; else a plain address.
std::string CleanEmail(const std::string& text) {
  std::string out = text;
  out.erase(0, out.find_first_not_of(" \t"));
  out.erase(out.find_last_not_of(" \t") + 1);
  if (!out.empty() && !egov::notify::IsPlainAddress(out)) {
    throw FieldError("email", "địa chỉ thư điện tử không hợp lệ.");
  }
  return out;
}

Error NotFoundUser() { return Error(ErrorCode::kNotFound, "Không tìm thấy người dùng."); }

Error OutsideSubtree() {
  return Error(ErrorCode::kForbidden, "Đơn vị này nằm ngoài phạm vi quản lý của bạn.");
}

// Working hours are accepted only as the calendar will read them at intake (one parser).
void CheckWorkingHours(const std::string& text) {
  try {
    core::calendar::ParseWorkingHours(text);
  } catch (const Error& e) {
    throw Error(ErrorCode::kValidationFailed, e.message(), {}, {{"working_hours", e.message()}});
  }
}

}  // namespace

std::unordered_set<std::string> ShippedCommonPasswords() {
  std::unordered_set<std::string> out;
  for (const auto& file : embedded::security_data_files()) {
    if (!file.path.ends_with("common-passwords.txt")) continue;
    std::string_view rest = file.bytes;
    while (!rest.empty()) {
      auto nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      out.insert(core::text::Fold(line));
    }
  }
  return out;
}

Directory::Directory(store::Database& db, const core::Clock& clock, const AccessSettings& settings,
                     std::unordered_set<std::string> common_passwords)
    : db_(db), clock_(clock), settings_(settings), common_passwords_(std::move(common_passwords)) {}

std::optional<std::string> Directory::PasswordProblem(const std::string& password,
                                                      const std::string& username) const {
  return core::access::PasswordProblem(password, username, common_passwords_);
}

AgencyNode Directory::AgencyTree(const Caller& caller) const {
  store::Session s(db_);
  auto rows = store::access::ListAgencySubtree(s, caller.agency_path);
  if (rows.empty()) throw Error(ErrorCode::kNotFound, "Không tìm thấy đơn vị của bạn.");
  // Rows come parents first (ordered by path): attach each to its parent by id.
  std::map<std::int64_t, std::vector<Agency>> children;
  for (size_t i = 1; i < rows.size(); ++i) children[*rows[i].parent_id].push_back(rows[i]);
  std::function<AgencyNode(const Agency&)> build = [&](const Agency& a) {
    AgencyNode node{a, {}};
    auto it = children.find(a.id);
    if (it != children.end()) {
      auto list = it->second;
      std::sort(list.begin(), list.end(), [](auto& x, auto& y) { return x.code < y.code; });
      for (const auto& c : list) node.children.push_back(build(c));
    }
    return node;
  };
  return build(rows.front());
}

Agency Directory::DoCreateAgency(const NewAgency& input, const audit::Actor& actor,
                                 const Caller* caller) {
  Agency a;
  a.code = input.code;
  if (auto problem = core::access::AgencyCodeProblem(a.code)) throw FieldError("code", *problem);
  a.name = CleanText("name", input.name, kMaxNameLength, "Tên đơn vị");
  a.kind = input.kind.empty() ? "other" : input.kind;
  if (!core::access::IsAgencyKind(a.kind)) {
    throw FieldError("kind", "loại đơn vị phải là một trong: " + core::access::AgencyKindList());
  }
  a.abbreviation =
      CleanText("abbreviation", input.abbreviation, kMaxAbbreviationLength, "Ký hiệu", false);
  a.working_hours = input.working_hours.empty() ? std::string(core::calendar::kDefaultWorkingHours)
                                                : input.working_hours;
  CheckWorkingHours(a.working_hours);
  if (caller && input.parent_code.empty()) {
    throw FieldError("parent_code", "cần chọn đơn vị cấp trên.");
  }
  const auto now = clock_.NowMillis();
  store::WriteTransaction tx(db_);
  std::optional<Agency> parent;
  if (!input.parent_code.empty()) {
    parent = store::access::FindAgencyByCode(tx.session(), input.parent_code);
    if (!parent) throw FieldError("parent_code", "không tìm thấy đơn vị cấp trên.");
    if (caller && !caller->Sees(parent->path)) throw OutsideSubtree();
    if (auto problem = core::access::AgencyNestingProblem(parent->code, a.code)) {
      throw FieldError("code", *problem);
    }
  }
  if (store::access::FindAgencyByCode(tx.session(), a.code)) {
    throw Error(ErrorCode::kConflict, "Mã định danh " + a.code + " đã được dùng cho đơn vị khác.");
  }
  try {
    a = store::access::InsertAgency(tx, a, parent ? &*parent : nullptr, now);
  } catch (const store::UniqueViolation& e) {
    throw Error(ErrorCode::kConflict, "Mã định danh " + a.code + " đã được dùng.", e.what());
  }
  audit::Append(tx, actor,
                {"agency.create", "agency", a.code,
                 json::WriteText(AgencyCreated{a.name, a.kind, input.parent_code, a.abbreviation,
                                               a.working_hours})},
                now);
  tx.Commit();
  return a;
}

Agency Directory::CreateAgency(const Caller& caller, const NewAgency& input) {
  core::access::RequireAnyRole(caller, {Role::kAdmin});
  return DoCreateAgency(input, audit::Actor::Of(caller), &caller);
}

Agency Directory::CreateAgencyAsSystem(const NewAgency& input, const std::string& actor) {
  return DoCreateAgency(input, audit::Actor::System(actor), nullptr);
}

Agency Directory::UpdateAgency(const Caller& caller, const std::string& code,
                               const AgencyPatch& patch) {
  core::access::RequireAnyRole(caller, {Role::kAdmin});
  const auto now = clock_.NowMillis();
  store::WriteTransaction tx(db_);
  auto found = store::access::FindAgencyByCode(tx.session(), code);
  if (!found || !caller.Sees(found->path)) {
    throw Error(ErrorCode::kNotFound, "Không tìm thấy đơn vị.");
  }
  Agency a = *found;
  AgencyChanges changes;
  if (patch.name) {
    a.name = CleanText("name", *patch.name, kMaxNameLength, "Tên đơn vị");
    changes.name = a.name;
  }
  if (patch.kind) {
    if (!core::access::IsAgencyKind(*patch.kind)) {
      throw FieldError("kind", "loại đơn vị phải là một trong: " + core::access::AgencyKindList());
    }
    a.kind = *patch.kind;
    changes.kind = a.kind;
  }
  if (patch.abbreviation) {
    a.abbreviation =
        CleanText("abbreviation", *patch.abbreviation, kMaxAbbreviationLength, "Ký hiệu", false);
    changes.abbreviation = a.abbreviation;
  }
  if (patch.working_hours) {
    CheckWorkingHours(*patch.working_hours);
    a.working_hours = *patch.working_hours;
    changes.working_hours = a.working_hours;
  }
  store::access::UpdateAgency(tx, a, now);
  audit::Append(tx, audit::Actor::Of(caller),
                {"agency.update", "agency", a.code, json::WriteText(changes)}, now);
  tx.Commit();
  a.updated_at = now;
  return a;
}

store::access::UserPage Directory::ListUsers(const Caller& caller, const UserQuery& q) {
  core::access::RequireAnyRole(caller, {Role::kAdmin, Role::kLeader});
  store::access::UserFilter filter;
  filter.subtree_path = caller.agency_path;
  filter.query = CleanText("q", q.q, 100, "Từ khóa tìm kiếm", false);
  filter.page = q.page;
  filter.per_page = q.per_page;
  if (!q.role.empty()) {
    auto role = core::access::ParseRole(q.role);
    if (!role) throw FieldError("role", "vai trò không tồn tại.");
    filter.role = role;
  }
  if (q.active == "true")
    filter.active = true;
  else if (q.active == "false")
    filter.active = false;
  else if (!q.active.empty())
    throw FieldError("active", "phải là true hoặc false.");
  store::Session s(db_);
  if (!q.agency_code.empty()) {
    auto agency = store::access::FindAgencyByCode(s, q.agency_code);
    if (!agency || !caller.Sees(agency->path)) {
      throw FieldError("agency", "không tìm thấy đơn vị trong phạm vi của bạn.");
    }
    filter.agency_path = agency->path;
  }
  return store::access::ListUsers(s, filter);
}

User Directory::GetUser(const Caller& caller, const std::string& username) {
  core::access::RequireAnyRole(caller, {Role::kAdmin, Role::kLeader});
  store::Session s(db_);
  auto user = store::access::FindUserByUsername(s, username);
  if (!user || !caller.Sees(user->agency_path)) throw NotFoundUser();
  return *user;
}

User Directory::DoCreateUser(const NewUser& input, const audit::Actor& actor, const Caller* caller,
                             bool skip_policy) {
  User u;
  u.username = input.username;
  std::transform(u.username.begin(), u.username.end(), u.username.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (auto problem = core::access::UsernameProblem(u.username)) {
    throw FieldError("username", *problem);
  }
  u.full_name = CleanText("full_name", input.full_name, kMaxNameLength, "Họ và tên");
  u.roles = ParseRoles(input.roles);
  u.email = CleanEmail(input.email);
  if (!skip_policy) {
    if (auto problem = PasswordProblem(input.password, u.username)) {
      throw FieldError("password", *problem);
    }
  }
  if (input.agency_code.empty()) throw FieldError("agency_code", "cần chọn đơn vị.");
  {
    // Check what can be checked before the slow hash, so bad input fails fast.
    store::Session s(db_);
    auto agency = store::access::FindAgencyByCode(s, input.agency_code);
    if (!agency) throw FieldError("agency_code", "không tìm thấy đơn vị.");
    if (caller && !caller->Sees(agency->path)) throw OutsideSubtree();
    if (store::access::FindUserByUsername(s, u.username)) {
      throw Error(ErrorCode::kConflict, "Tên đăng nhập " + u.username + " đã được dùng.");
    }
  }
  u.password_hash = security::HashPassword(input.password, settings_.hashing);
  const auto now = clock_.NowMillis();
  store::WriteTransaction tx(db_);
  auto agency = store::access::FindAgencyByCode(tx.session(), input.agency_code);
  if (!agency) throw FieldError("agency_code", "không tìm thấy đơn vị.");
  u.agency_id = agency->id;
  u.agency_code = agency->code;
  u.agency_name = agency->name;
  u.agency_path = agency->path;
  try {
    u.id = store::access::InsertUser(tx, u, now);
  } catch (const store::UniqueViolation& e) {
    throw Error(ErrorCode::kConflict, "Tên đăng nhập " + u.username + " đã được dùng.", e.what());
  }
  audit::Append(tx, actor,
                {"user.create", "user", u.username,
                 json::WriteText(UserCreated{u.full_name, u.agency_code, RoleNames(u.roles)})},
                now);
  tx.Commit();
  u.created_at = u.updated_at = u.password_changed_at = now;
  return u;
}

User Directory::CreateUser(const Caller& caller, const NewUser& input) {
  core::access::RequireAnyRole(caller, {Role::kAdmin});
  return DoCreateUser(input, audit::Actor::Of(caller), &caller, false);
}

User Directory::CreateUserAsSystem(const NewUser& input, const std::string& actor,
                                   bool skip_policy) {
  return DoCreateUser(input, audit::Actor::System(actor), nullptr, skip_policy);
}

User Directory::UpdateUser(const Caller& caller, const std::string& username,
                           const UserPatch& patch) {
  core::access::RequireAnyRole(caller, {Role::kAdmin});
  const auto now = clock_.NowMillis();
  store::WriteTransaction tx(db_);
  auto found = store::access::FindUserByUsername(tx.session(), username);
  if (!found || !caller.Sees(found->agency_path)) throw NotFoundUser();
  User u = *found;
  UserChanges changes;
  if (patch.full_name) {
    u.full_name = CleanText("full_name", *patch.full_name, kMaxNameLength, "Họ và tên");
    changes.full_name = u.full_name;
  }
  if (patch.roles) {
    u.roles = ParseRoles(*patch.roles);
    changes.roles = RoleNames(u.roles);
  }
  if (patch.active) {
    u.active = *patch.active;
    changes.active = u.active;
  }
  if (patch.email) {
    u.email = CleanEmail(*patch.email);
    changes.email = u.email;
  }
  if (patch.agency_code) {
    auto agency = store::access::FindAgencyByCode(tx.session(), *patch.agency_code);
    if (!agency) throw FieldError("agency_code", "không tìm thấy đơn vị.");
    if (!caller.Sees(agency->path)) throw OutsideSubtree();
    u.agency_id = agency->id;
    u.agency_code = agency->code;
    u.agency_name = agency->name;
    u.agency_path = agency->path;
    changes.agency = u.agency_code;
  }
  if (u.id == caller.user_id && (!u.active || !u.roles.contains(Role::kAdmin))) {
    throw Error(ErrorCode::kConflict,
                "Bạn không thể tự khóa tài khoản hoặc bỏ quyền quản trị của chính mình.");
  }
  store::access::UpdateUser(tx, u, now);
  if (!u.active) {
    store::access::RevokeSessionsOfUser(tx, u.id, 0, now);
    store::access::RevokeTokensOfUser(tx, u.id, now);
  }
  audit::Append(tx, audit::Actor::Of(caller),
                {"user.update", "user", u.username, json::WriteText(changes)}, now);
  tx.Commit();
  u.updated_at = now;
  return u;
}

void Directory::ResetPassword(const Caller& caller, const std::string& username,
                              const std::string& password) {
  core::access::RequireAnyRole(caller, {Role::kAdmin});
  std::int64_t user_id;
  {
    store::Session s(db_);
    auto user = store::access::FindUserByUsername(s, username);
    if (!user || !caller.Sees(user->agency_path)) throw NotFoundUser();
    if (auto problem = PasswordProblem(password, user->username)) {
      throw FieldError("password", *problem);
    }
    user_id = user->id;
  }
  std::string hash = security::HashPassword(password, settings_.hashing);
  const auto now = clock_.NowMillis();
  store::WriteTransaction tx(db_);
  store::access::SetPasswordHash(tx, user_id, hash, now);
  store::access::RevokeSessionsOfUser(tx, user_id, 0, now);
  store::access::RevokeTokensOfUser(tx, user_id, now);
  audit::Append(tx, audit::Actor::Of(caller), {"user.password_reset", "user", username, "{}"}, now);
  tx.Commit();
}

}  // namespace egov::service::access
