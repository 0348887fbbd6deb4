// SQL for sessions, tokens and failed logins (see sessions.hpp).
#include "store/access/sessions.hpp"

#include <soci/soci.h>

#include "store/query.hpp"

namespace egov::store::access {

using core::access::ApiToken;
using core::access::LoginSession;

namespace {

// The statements of this file, by what they do.
constexpr const char* kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
    "expires_at, client_address, user_agent) VALUES (:h, :u, :c, :created, :seen, :expires, "
    ":addr, :agent) RETURNING id";
constexpr const char* kSelectSession =
    "SELECT id, user_id, csrf_token, created_at, last_seen_at, expires_at, client_address, "
    "user_agent FROM sessions ";
const std::string kSelectLiveSession =
    std::string(kSelectSession) + "WHERE token_hash = :h AND revoked_at IS NULL";
const std::string kSelectSessionsOfUser =
    std::string(kSelectSession) +
    "WHERE user_id = :u AND revoked_at IS NULL AND expires_at > :now AND last_seen_at > :seen "
    "ORDER BY id DESC";
constexpr const char* kTouchSession = "UPDATE sessions SET last_seen_at = :at WHERE id = :id";
constexpr const char* kRevokeSession =
    "UPDATE sessions SET revoked_at = :at WHERE id = :id AND user_id = :u AND revoked_at IS NULL";
constexpr const char* kRevokeSessionsOfUser =
    "UPDATE sessions SET revoked_at = :at WHERE user_id = :u AND id <> :keep AND "
    "revoked_at IS NULL";
constexpr const char* kInsertToken =
    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, expires_at) VALUES "
    "(:u, :n, :h, :p, :at, :expires) RETURNING id";
constexpr const char* kSelectToken =
    "SELECT id, user_id, name, prefix, created_at, last_used_at, expires_at FROM api_tokens ";
const std::string kSelectLiveToken =
    std::string(kSelectToken) + "WHERE token_hash = :h AND revoked_at IS NULL";
const std::string kSelectTokensOfUser =
    std::string(kSelectToken) +
    "WHERE user_id = :u AND revoked_at IS NULL AND expires_at > :now ORDER BY id";
constexpr const char* kTouchToken = "UPDATE api_tokens SET last_used_at = :at WHERE id = :id";
constexpr const char* kRevokeToken =
    "UPDATE api_tokens SET revoked_at = :at WHERE id = :id AND user_id = :u AND "
    "revoked_at IS NULL";
constexpr const char* kRevokeTokensOfUser =
    "UPDATE api_tokens SET revoked_at = :at WHERE user_id = :u AND revoked_at IS NULL";
constexpr const char* kInsertLoginFailure =
    "INSERT INTO login_failures (username, client_address, at) VALUES (:u, :a, :at)";
constexpr const char* kCountFailuresForUser =
    "SELECT COUNT(*) FROM login_failures WHERE username = :u AND at > :since";
constexpr const char* kCountFailuresFromAddress =
    "SELECT COUNT(*) FROM login_failures WHERE client_address = :a AND at > :since";
constexpr const char* kDeleteLoginFailuresBefore = "DELETE FROM login_failures WHERE at < :at";

}  // namespace

std::int64_t InsertSession(WriteTransaction& tx, const LoginSession& s, const std::string& hash) {
  long long id = 0, user = s.user_id, created = s.created_at, seen = s.last_seen_at,
            expires = s.expires_at;
  tx.sql() << kInsertSession, soci::use(hash, "h"), soci::use(user, "u"),
      soci::use(s.csrf_token, "c"), soci::use(created, "created"), soci::use(seen, "seen"),
      soci::use(expires, "expires"), soci::use(s.client_address, "addr"),
      soci::use(s.user_agent, "agent"), soci::into(id);
  return id;
}

namespace {

struct SessionRow {
  LoginSession s;
  long long id = 0, user = 0, created = 0, seen = 0, expires = 0;
  void Bind(Columns& c) {
    c("id", id);
    c("user_id", user);
    c("csrf_token", s.csrf_token);
    c("created_at", created);
    c("last_seen_at", seen);
    c("expires_at", expires);
    c("client_address", s.client_address);
    c("user_agent", s.user_agent);
  }
  LoginSession Get() const {
    LoginSession out = s;
    out.id = id;
    out.user_id = user;
    out.created_at = created;
    out.last_seen_at = seen;
    out.expires_at = expires;
    return out;
  }
};

struct TokenRow {
  ApiToken t;
  long long id = 0, user = 0, created = 0, used = 0, expires = 0;
  soci::indicator used_ind = soci::i_null;
  void Bind(Columns& c) {
    c("id", id);
    c("user_id", user);
    c("name", t.name);
    c("prefix", t.prefix);
    c("created_at", created);
    c("last_used_at", used, used_ind);
    c("expires_at", expires);
  }
  ApiToken Get() const {
    ApiToken out = t;
    out.id = id;
    out.user_id = user;
    out.created_at = created;
    out.expires_at = expires;
    out.last_used_at = used_ind == soci::i_ok ? std::optional<std::int64_t>(used) : std::nullopt;
    return out;
  }
};

}  // namespace

namespace {
struct LiveSessionQuery {
  using Row = SessionRow;
  using Param = std::string;
  static constexpr const char* kParam = "h";
  static std::string Text() { return kSelectLiveSession; }
};
}  // namespace

std::optional<LoginSession> FindLiveSession(Session& session, const std::string& hash) {
  auto rows = CachedRows<LiveSessionQuery>(session, hash);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

void TouchSession(WriteTransaction& tx, std::int64_t session_id, std::int64_t now) {
  long long id = session_id, at = now;
  tx.sql() << kTouchSession, soci::use(at, "at"), soci::use(id, "id");
}

bool RevokeSession(WriteTransaction& tx, std::int64_t user_id, std::int64_t session_id,
                   std::int64_t now) {
  long long id = session_id, user = user_id, at = now;
  soci::statement st = (tx.sql().prepare << kRevokeSession, soci::use(at, "at"),
                        soci::use(id, "id"), soci::use(user, "u"));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

int RevokeSessionsOfUser(WriteTransaction& tx, std::int64_t user_id, std::int64_t keep,
                         std::int64_t now) {
  long long user = user_id, kept = keep, at = now;
  soci::statement st = (tx.sql().prepare << kRevokeSessionsOfUser, soci::use(at, "at"),
                        soci::use(user, "u"), soci::use(kept, "keep"));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

std::vector<LoginSession> ListSessions(Session& session, std::int64_t user_id, std::int64_t now,
                                       std::int64_t idle_ms) {
  long long user = user_id, at = now, seen_after = now - idle_ms;
  return QueryRows<SessionRow>(session.sql(), kSelectSessionsOfUser, soci::use(user, "u"),
                               soci::use(at, "now"), soci::use(seen_after, "seen"));
}

std::int64_t InsertToken(WriteTransaction& tx, const ApiToken& t, const std::string& hash) {
  long long id = 0, user = t.user_id, created = t.created_at, expires = t.expires_at;
  tx.sql() << kInsertToken, soci::use(user, "u"), soci::use(t.name, "n"), soci::use(hash, "h"),
      soci::use(t.prefix, "p"), soci::use(created, "at"), soci::use(expires, "expires"),
      soci::into(id);
  return id;
}

namespace {
struct LiveTokenQuery {
  using Row = TokenRow;
  using Param = std::string;
  static constexpr const char* kParam = "h";
  static std::string Text() { return kSelectLiveToken; }
};
}  // namespace

std::optional<ApiToken> FindLiveToken(Session& session, const std::string& hash) {
  auto rows = CachedRows<LiveTokenQuery>(session, hash);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

void TouchToken(WriteTransaction& tx, std::int64_t token_id, std::int64_t now) {
  long long id = token_id, at = now;
  tx.sql() << kTouchToken, soci::use(at, "at"), soci::use(id, "id");
}

std::vector<ApiToken> ListTokens(Session& session, std::int64_t user_id, std::int64_t now) {
  long long user = user_id, at = now;
  return QueryRows<TokenRow>(session.sql(), kSelectTokensOfUser, soci::use(user, "u"),
                             soci::use(at, "now"));
}

bool RevokeToken(WriteTransaction& tx, std::int64_t user_id, std::int64_t token_id,
                 std::int64_t now) {
  long long id = token_id, user = user_id, at = now;
  soci::statement st = (tx.sql().prepare << kRevokeToken, soci::use(at, "at"), soci::use(id, "id"),
                        soci::use(user, "u"));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

int RevokeTokensOfUser(WriteTransaction& tx, std::int64_t user_id, std::int64_t now) {
  long long user = user_id, at = now;
  soci::statement st =
      (tx.sql().prepare << kRevokeTokensOfUser, soci::use(at, "at"), soci::use(user, "u"));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

void RecordLoginFailure(WriteTransaction& tx, const std::string& username,
                        const std::string& client_address, std::int64_t now) {
  long long at = now;
  tx.sql() << kInsertLoginFailure, soci::use(username, "u"), soci::use(client_address, "a"),
      soci::use(at, "at");
}

std::int64_t CountFailuresForUser(Session& session, const std::string& username,
                                  std::int64_t since) {
  long long n = 0, after = since;
  session.sql() << kCountFailuresForUser, soci::use(username, "u"), soci::use(after, "since"),
      soci::into(n);
  return n;
}

std::int64_t CountFailuresFromAddress(Session& session, const std::string& client_address,
                                      std::int64_t since) {
  long long n = 0, after = since;
  session.sql() << kCountFailuresFromAddress, soci::use(client_address, "a"),
      soci::use(after, "since"), soci::into(n);
  return n;
}

void PruneLoginFailures(WriteTransaction& tx, std::int64_t before) {
  long long at = before;
  tx.sql() << kDeleteLoginFailuresBefore, soci::use(at, "at");
}

}  // namespace egov::store::access
