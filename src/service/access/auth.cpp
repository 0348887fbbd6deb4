// Authentication (see auth.hpp).
#include "service/access/auth.hpp"

#include <boost/describe/class.hpp>

#include <algorithm>
#include <string_view>

#include "core/error.hpp"
#include "core/text/fold.hpp"
#include "json/write.hpp"
#include "service/audit/audit.hpp"
#include "service/security/crypto.hpp"
#include "store/access/sessions.hpp"
#include "store/access/users.hpp"

namespace egov::service::access {

using core::access::Caller;

namespace {

// The audit details of a new API token.
struct TokenCreated {
  std::string_view name;
};
BOOST_DESCRIBE_STRUCT(TokenCreated, (), (name))

Error WrongCredentials() {
  return Error(ErrorCode::kUnauthenticated, "Tên đăng nhập hoặc mật khẩu không đúng.");
}

Error TooManyFailures() {
  return Error(ErrorCode::kRateLimited,
               "Đăng nhập sai quá nhiều lần. Tài khoản tạm thời bị khóa đăng nhập, vui lòng thử "
               "lại sau 15 phút.");
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

Caller CallerFromUser(const core::access::User& user) {
  Caller c;
  c.user_id = user.id;
  c.username = user.username;
  c.full_name = user.full_name;
  c.agency_id = user.agency_id;
  c.agency_code = user.agency_code;
  c.agency_name = user.agency_name;
  c.agency_path = user.agency_path;
  c.roles = user.roles;
  return c;
}

Auth::Auth(store::Database& db, const core::Clock& clock, const AccessSettings& settings,
           const Directory& directory)
    : db_(db),
      clock_(clock),
      settings_(settings),
      directory_(directory),
      dummy_hash_(security::HashPassword(security::RandomToken(16), settings.hashing)) {}

LoginResult Auth::Login(const std::string& raw_username, const std::string& password,
                        const std::string& client_address, const std::string& user_agent) {
  const std::string username = Lower(core::text::NormalizeSpaces(raw_username));
  if (username.empty() || username.size() > 64 || password.size() > 1024) {
    throw WrongCredentials();
  }
  const auto now = clock_.NowMillis();
  const auto since = now - settings_.failure_window_ms;
  std::optional<core::access::User> user;
  {
    store::Session s(db_);
    if (store::access::CountFailuresForUser(s, username, since) >=
            settings_.max_failures_per_account ||
        store::access::CountFailuresFromAddress(s, client_address, since) >=
            settings_.max_failures_per_address) {
      throw TooManyFailures();
    }
    user = store::access::FindUserByUsername(s, username);
  }
  const bool verified =
      security::VerifyPassword(password, user ? user->password_hash : dummy_hash_);
  if (!user || !verified || !user->active) {
    store::WriteTransaction tx(db_);
    store::access::RecordLoginFailure(tx, username, client_address, now);
    tx.Commit();
    throw WrongCredentials();
  }

  LoginResult result;
  result.user = *user;
  result.session_token = security::RandomToken();
  result.csrf_token = security::RandomToken();
  result.expires_at = now + settings_.session_absolute_ms;
  core::access::LoginSession session;
  session.user_id = user->id;
  session.csrf_token = result.csrf_token;
  session.created_at = session.last_seen_at = now;
  session.expires_at = result.expires_at;
  session.client_address = client_address;
  session.user_agent = user_agent.substr(0, 300);
  store::WriteTransaction tx(db_);
  store::access::InsertSession(tx, session, security::Sha256Hex(result.session_token));
  store::access::PruneLoginFailures(tx, since);
  tx.Commit();
  return result;
}

std::optional<Caller> Auth::CallerOf(store::Session& session, std::int64_t user_id) {
  auto user = store::access::FindUserById(session, user_id);
  if (!user || !user->active) return std::nullopt;
  return CallerFromUser(*user);
}

std::optional<SessionAuth> Auth::AuthenticateSession(const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  const auto now = clock_.NowMillis();
  std::optional<core::access::LoginSession> session;
  std::optional<Caller> caller;
  {
    store::Session s(db_);
    session = store::access::FindLiveSession(s, security::Sha256Hex(token));
    if (!session || session->expires_at <= now ||
        session->last_seen_at + settings_.session_idle_ms <= now) {
      return std::nullopt;
    }
    caller = CallerOf(s, session->user_id);
    if (!caller) return std::nullopt;
  }
  if (now - session->last_seen_at >= settings_.touch_interval_ms) {
    store::WriteTransaction tx(db_);
    store::access::TouchSession(tx, session->id, now);
    tx.Commit();
  }
  caller->session_id = session->id;
  return SessionAuth{*caller, session->csrf_token};
}

std::optional<Caller> Auth::AuthenticateToken(const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  const auto now = clock_.NowMillis();
  std::optional<core::access::ApiToken> stored;
  std::optional<Caller> caller;
  {
    store::Session s(db_);
    stored = store::access::FindLiveToken(s, security::Sha256Hex(token));
    if (!stored || stored->expires_at <= now) return std::nullopt;
    caller = CallerOf(s, stored->user_id);
    if (!caller) return std::nullopt;
  }
  if (!stored->last_used_at || now - *stored->last_used_at >= settings_.touch_interval_ms) {
    store::WriteTransaction tx(db_);
    store::access::TouchToken(tx, stored->id, now);
    tx.Commit();
  }
  caller->token_id = stored->id;
  return caller;
}

void Auth::Logout(const Caller& caller) {
  if (!caller.session_id) return;  // a token is revoked, not logged out
  store::WriteTransaction tx(db_);
  store::access::RevokeSession(tx, caller.user_id, caller.session_id, clock_.NowMillis());
  tx.Commit();
}

void Auth::ChangePassword(const Caller& caller, const std::string& current,
                          const std::string& replacement) {
  std::optional<core::access::User> user;
  {
    store::Session s(db_);
    user = store::access::FindUserById(s, caller.user_id);
  }
  if (!user || !security::VerifyPassword(current, user->password_hash)) {
    throw FieldError("current_password", "mật khẩu hiện tại không đúng.");
  }
  if (auto problem = directory_.PasswordProblem(replacement, user->username)) {
    throw FieldError("new_password", *problem);
  }
  if (current == replacement) {
    throw FieldError("new_password", "mật khẩu mới phải khác mật khẩu hiện tại.");
  }
  std::string hash = security::HashPassword(replacement, settings_.hashing);
  const auto now = clock_.NowMillis();
  store::WriteTransaction tx(db_);
  store::access::SetPasswordHash(tx, user->id, hash, now);
  store::access::RevokeSessionsOfUser(tx, user->id, caller.session_id, now);
  // Whoever learnt the old password may have made tokens with it: they all end.
  store::access::RevokeTokensOfUser(tx, user->id, now);
  audit::Append(tx, audit::Actor::Of(caller),
                {"user.password_change", "user", user->username, "{}"}, now);
  tx.Commit();
}

std::vector<core::access::LoginSession> Auth::Sessions(const Caller& caller) {
  store::Session s(db_);
  return store::access::ListSessions(s, caller.user_id, clock_.NowMillis(),
                                     settings_.session_idle_ms);
}

void Auth::EndSession(const Caller& caller, std::int64_t session_id) {
  const auto now = clock_.NowMillis();
  store::WriteTransaction tx(db_);
  if (!store::access::RevokeSession(tx, caller.user_id, session_id, now)) {
    throw Error(ErrorCode::kNotFound, "Không tìm thấy phiên đăng nhập.");
  }
  audit::Append(tx, audit::Actor::Of(caller),
                {"session.revoke", "session", std::to_string(session_id), "{}"}, now);
  tx.Commit();
}

NewToken Auth::CreateToken(const Caller& caller, const std::string& raw_name) {
  // A token cannot beget tokens: a stolen one must not outlive its own revocation or expiry.
  if (caller.session_id == 0) {
    throw Error(ErrorCode::kForbidden,
                "Chỉ tạo được khóa API khi đã đăng nhập bằng tài khoản, không tạo bằng một khóa "
                "API khác.");
  }
  std::string name = core::text::NormalizeSpaces(raw_name);
  if (name.empty()) throw FieldError("name", "cần đặt tên cho khóa API.");
  if (core::text::CodePointCount(name) > 100) {
    throw FieldError("name", "tên khóa API dài tối đa 100 ký tự.");
  }
  const auto now = clock_.NowMillis();
  NewToken out;
  out.secret = "egov_" + security::RandomToken();
  out.token.user_id = caller.user_id;
  out.token.name = name;
  out.token.prefix = out.secret.substr(0, 12);
  out.token.created_at = now;
  out.token.expires_at = now + settings_.token_lifetime_ms;
  store::WriteTransaction tx(db_);
  if (store::access::ListTokens(tx.session(), caller.user_id, now).size() >= 50) {
    throw Error(ErrorCode::kConflict, "Mỗi người dùng có tối đa 50 khóa API. Hãy thu hồi khóa cũ.");
  }
  out.token.id = store::access::InsertToken(tx, out.token, security::Sha256Hex(out.secret));
  audit::Append(
      tx, audit::Actor::Of(caller),
      {"token.create", "token", std::to_string(out.token.id), json::WriteText(TokenCreated{name})},
      now);
  tx.Commit();
  return out;
}

std::vector<core::access::ApiToken> Auth::Tokens(const Caller& caller) {
  store::Session s(db_);
  return store::access::ListTokens(s, caller.user_id, clock_.NowMillis());
}

void Auth::RevokeToken(const Caller& caller, std::int64_t token_id) {
  const auto now = clock_.NowMillis();
  store::WriteTransaction tx(db_);
  if (!store::access::RevokeToken(tx, caller.user_id, token_id, now)) {
    throw Error(ErrorCode::kNotFound, "Không tìm thấy khóa API.");
  }
  audit::Append(tx, audit::Actor::Of(caller),
                {"token.revoke", "token", std::to_string(token_id), "{}"}, now);
  tx.Commit();
}

}  // namespace egov::service::access
