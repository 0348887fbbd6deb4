// SQL for login sessions, API tokens and failed logins. Functions run on the caller's
// session or transaction; they never commit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access/model.hpp"
#include "store/database.hpp"

namespace egov::store::access {

std::int64_t InsertSession(WriteTransaction& tx, const core::access::LoginSession& session,
                           const std::string& token_hash);
// The session with this token hash, unless revoked (a statement prepared once per pooled
// connection: every request with a session cookie runs it).
std::optional<core::access::LoginSession> FindLiveSession(Session& session,
                                                          const std::string& token_hash);
void TouchSession(WriteTransaction& tx, std::int64_t session_id, std::int64_t now);
// Revokes one session of `user_id`; false when there was none.
bool RevokeSession(WriteTransaction& tx, std::int64_t user_id, std::int64_t session_id,
                   std::int64_t now);
// Revokes every live session of the user except `keep` (0: none kept); returns how many.
int RevokeSessionsOfUser(WriteTransaction& tx, std::int64_t user_id, std::int64_t keep,
                         std::int64_t now);
// Live, unexpired sessions of the user, newest first. `idle_ms`: sessions idle longer are
// left out.
std::vector<core::access::LoginSession> ListSessions(Session& session, std::int64_t user_id,
                                                     std::int64_t now, std::int64_t idle_ms);

std::int64_t InsertToken(WriteTransaction& tx, const core::access::ApiToken& token,
                         const std::string& token_hash);
// The token with this hash, unless revoked (prepared once per pooled connection); expired
// ones too: the caller compares expires_at with its clock.
std::optional<core::access::ApiToken> FindLiveToken(Session& session,
                                                    const std::string& token_hash);
void TouchToken(WriteTransaction& tx, std::int64_t token_id, std::int64_t now);
// The user's tokens that still work at `now` (neither revoked nor expired), oldest first.
std::vector<core::access::ApiToken> ListTokens(Session& session, std::int64_t user_id,
                                               std::int64_t now);
bool RevokeToken(WriteTransaction& tx, std::int64_t user_id, std::int64_t token_id,
                 std::int64_t now);
int RevokeTokensOfUser(WriteTransaction& tx, std::int64_t user_id, std::int64_t now);

void RecordLoginFailure(WriteTransaction& tx, const std::string& username,
                        const std::string& client_address, std::int64_t now);
std::int64_t CountFailuresForUser(Session& session, const std::string& username,
                                  std::int64_t since);
std::int64_t CountFailuresFromAddress(Session& session, const std::string& client_address,
                                      std::int64_t since);
// Forgets failures older than `before` (housekeeping).
void PruneLoginFailures(WriteTransaction& tx, std::int64_t before);

}  // namespace egov::store::access
