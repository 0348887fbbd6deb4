// Use cases of authentication (docs/access.md): login with brute-force limits, sessions
// with idle and absolute expiry, API tokens, password change. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access/model.hpp"
#include "core/clock.hpp"
#include "service/access/directory.hpp"
#include "service/access/settings.hpp"
#include "store/database.hpp"

namespace egov::service::access {

struct LoginResult {
  core::access::User user;
  std::string session_token;  // for the cookie; never stored
  std::string csrf_token;
  std::int64_t expires_at;
};

struct SessionAuth {
  core::access::Caller caller;
  std::string csrf_token;
};

struct NewToken {
  core::access::ApiToken token;
  std::string secret;  // shown once
};

class Auth {
 public:
  Auth(store::Database& db, const core::Clock& clock, const AccessSettings& settings,
       const Directory& directory);

  // Verifies the password (slow: run on the blocking pool). Throws unauthenticated (401)
  // for a wrong name or password, and rate_limited (429) past the failure limits, whatever
  // the password.
  LoginResult Login(const std::string& username, const std::string& password,
                    const std::string& client_address, const std::string& user_agent);
  // The session of a cookie token; nullopt when unknown, revoked, idle or expired.
  std::optional<SessionAuth> AuthenticateSession(const std::string& token);
  std::optional<core::access::Caller> AuthenticateToken(const std::string& token);
  void Logout(const core::access::Caller& caller);

  // Slow (hashing): run on the blocking pool. Ends the caller's other sessions and all of
  // their API tokens.
  void ChangePassword(const core::access::Caller& caller, const std::string& current,
                      const std::string& replacement);

  std::vector<core::access::LoginSession> Sessions(const core::access::Caller& caller);
  void EndSession(const core::access::Caller& caller, std::int64_t session_id);
  // Forbidden unless the caller signed in (a session): a token cannot create tokens. The
  // token expires settings.token_lifetime_ms after its creation.
  NewToken CreateToken(const core::access::Caller& caller, const std::string& name);
  std::vector<core::access::ApiToken> Tokens(const core::access::Caller& caller);
  void RevokeToken(const core::access::Caller& caller, std::int64_t token_id);

 private:
  std::optional<core::access::Caller> CallerOf(store::Session& session, std::int64_t user_id);

  store::Database& db_;
  const core::Clock& clock_;
  const AccessSettings& settings_;
  const Directory& directory_;
  // A valid hash to verify against when the user does not exist, so that unknown and known
  // usernames take the same time.
  std::string dummy_hash_;
};

// The Caller of a stored user (roles, agency and path).
core::access::Caller CallerFromUser(const core::access::User& user);

}  // namespace egov::service::access
