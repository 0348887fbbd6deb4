// /api/v1/auth/*: login, logout, me, password change, sessions and API tokens.
#include <boost/json.hpp>

#include "api/access_json.hpp"
#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/routes.hpp"
#include "core/error.hpp"

namespace egov::api {

namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
using http::Request;
using http::Response;

// Secure when Egov's public base URL is https (a browser then never sends it over plain
// HTTP); request headers such as X-Forwarded-Proto are not trusted for this.
std::string SessionCookie(const service::Services& s, const std::string& token,
                          std::int64_t max_age) {
  std::string cookie = std::string(kSessionCookie) + "=" + token +
                       "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (s.public_base_url.starts_with("https://")) cookie += "; Secure";
  return cookie;
}

Response NoContent() {
  Response r;
  r.status = status::no_content;
  r.content_type = "application/json; charset=utf-8";
  return r;
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, const service::Services& services,
                        http::BlockingPool& pool) {
  const auto& s = services;

  router.Add(verb::post, "/api/v1/auth/login",
             http::Handler([&s, &pool](Request& request) -> boost::asio::awaitable<Response> {
               const auto& body = JsonBody(request);
               std::string username = RequiredString(body, "username", 64);
               std::string password = RequiredString(body, "password", 1024);
               std::string address = request.client_address();
               std::string agent(request.header(boost::beast::http::field::user_agent));
               // Named, not a temporary inside co_await: GCC 12 mishandles those (see server.cpp).
               auto work = [&s, username, password, address, agent] {
                 return s.auth.Login(username, password, address, agent);
               };
               auto result = co_await pool.Run(std::move(work));
               Response r = http::JsonResponse(boost::json::object{
                   {"user", UserJson(result.user)}, {"csrf_token", result.csrf_token}});
               const auto max_age = (result.expires_at - s.clock.NowMillis()) / 1000;
               r.headers.emplace_back("Set-Cookie",
                                      SessionCookie(s, result.session_token, max_age));
               co_return r;
             }),
             http::RouteOptions{.public_rate_limited = true});

  router.Add(verb::post, "/api/v1/auth/logout", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               s.auth.Logout(caller);
               Response r = NoContent();
               r.headers.emplace_back("Set-Cookie", SessionCookie(s, "", 0));
               return r;
             }));

  router.Add(verb::get, "/api/v1/auth/me", http::SyncHandler([&s](Request& request) {
               auto auth = Authenticate(request, s);
               boost::json::object out{{"user", CallerJson(auth.caller)}};
               if (!auth.csrf_token.empty()) out["csrf_token"] = auth.csrf_token;
               return http::JsonResponse(out);
             }));

  router.Add(verb::post, "/api/v1/auth/password",
             http::Handler([&s, &pool](Request& request) -> boost::asio::awaitable<Response> {
               auto caller = RequireCaller(request, s);
               const auto& body = JsonBody(request);
               RejectUnknownKeys(body, {"current_password", "new_password"});
               std::string current = RequiredString(body, "current_password", 1024);
               std::string replacement = RequiredString(body, "new_password", 1024);
               auto work = [&s, caller, current, replacement] {
                 s.auth.ChangePassword(caller, current, replacement);
                 return 0;
               };
               co_await pool.Run(std::move(work));
               co_return NoContent();
             }));

  router.Add(
      verb::get, "/api/v1/auth/sessions", http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        boost::json::array items;
        for (const auto& session : s.auth.Sessions(caller)) {
          items.push_back(boost::json::object{{"id", session.id},
                                              {"created_at", FormatInstant(session.created_at)},
                                              {"last_seen_at", FormatInstant(session.last_seen_at)},
                                              {"expires_at", FormatInstant(session.expires_at)},
                                              {"client_address", session.client_address},
                                              {"user_agent", session.user_agent},
                                              {"current", session.id == caller.session_id}});
        }
        auto total = static_cast<std::int64_t>(items.size());
        return http::JsonResponse(ListJson(
            std::move(items), total, {1, static_cast<int>(std::max<std::int64_t>(total, 1))}));
      }));

  router.Add(verb::delete_, "/api/v1/auth/sessions/{id}", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               s.auth.EndSession(caller, IdParam(request, "id"));
               return NoContent();
             }));

  router.Add(verb::post, "/api/v1/auth/tokens", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const auto& body = JsonBody(request);
               RejectUnknownKeys(body, {"name"});
               auto created = s.auth.CreateToken(caller, RequiredString(body, "name", 100));
               return http::JsonResponse(
                   boost::json::object{{"id", created.token.id},
                                       {"name", created.token.name},
                                       {"token", created.secret},
                                       {"prefix", created.token.prefix},
                                       {"created_at", FormatInstant(created.token.created_at)},
                                       {"expires_at", FormatInstant(created.token.expires_at)}},
                   status::created);
             }));

  router.Add(
      verb::get, "/api/v1/auth/tokens", http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        boost::json::array items;
        for (const auto& t : s.auth.Tokens(caller)) {
          boost::json::object item{{"id", t.id},
                                   {"name", t.name},
                                   {"prefix", t.prefix},
                                   {"created_at", FormatInstant(t.created_at)},
                                   {"expires_at", FormatInstant(t.expires_at)},
                                   {"last_used_at", nullptr}};
          if (t.last_used_at) item["last_used_at"] = FormatInstant(*t.last_used_at);
          items.push_back(std::move(item));
        }
        auto total = static_cast<std::int64_t>(items.size());
        return http::JsonResponse(ListJson(
            std::move(items), total, {1, static_cast<int>(std::max<std::int64_t>(total, 1))}));
      }));

  router.Add(verb::delete_, "/api/v1/auth/tokens/{id}", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               s.auth.RevokeToken(caller, IdParam(request, "id"));
               return NoContent();
             }));
}

}  // namespace egov::api
