// /api/v1/auth/*: login, logout, me, password change, sessions and API tokens.
#include <boost/describe/class.hpp>
#include <boost/json.hpp>

#include "api/access_json.hpp"
#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/routes.hpp"
#include "core/error.hpp"
#include "json/read.hpp"

namespace egov::api {

namespace auth_bodies {

struct Login {
  std::string username;
  std::string password;
};
BOOST_DESCRIBE_STRUCT(Login, (), (username, password))

struct PasswordChange {
  std::string current_password;
  std::string new_password;
};
BOOST_DESCRIBE_STRUCT(PasswordChange, (), (current_password, new_password))

struct NewToken {
  std::string name;
};
BOOST_DESCRIBE_STRUCT(NewToken, (), (name))

constexpr auto JsonRules(json::For<Login>) {
  return std::to_array<json::FieldRule>(
      {{"username", {.max_chars = 64}}, {"password", {.max_chars = 1024}}});
}
constexpr auto JsonRules(json::For<PasswordChange>) {
  return std::to_array<json::FieldRule>(
      {{"current_password", {.max_chars = 1024}}, {"new_password", {.max_chars = 1024}}});
}
constexpr auto JsonRules(json::For<NewToken>) {
  return std::to_array<json::FieldRule>({{"name", {.max_chars = 100}}});
}

}  // namespace auth_bodies

// Answers of the auth routes.
struct LoginView {
  UserView user;
  std::string csrf_token;
};
BOOST_DESCRIBE_STRUCT(LoginView, (), (user, csrf_token))

struct MeView {
  CallerView user;
  Omittable<std::string> csrf_token;  // a session's; none for a token
};
BOOST_DESCRIBE_STRUCT(MeView, (), (user, csrf_token))

struct SessionView {
  std::int64_t id = 0;
  Instant created_at;
  Instant last_seen_at;
  Instant expires_at;
  std::string client_address;
  std::string user_agent;
  bool current = false;  // the session of this request
};
BOOST_DESCRIBE_STRUCT(SessionView, (),
                      (id, created_at, last_seen_at, expires_at, client_address, user_agent,
                       current))

struct CreatedTokenView {
  std::int64_t id = 0;
  std::string name;
  std::string token;  // the secret, shown this once
  std::string prefix;
  Instant created_at;
  Instant expires_at;
};
BOOST_DESCRIBE_STRUCT(CreatedTokenView, (), (id, name, token, prefix, created_at, expires_at))

struct TokenView {
  std::int64_t id = 0;
  std::string name;
  std::string prefix;
  Instant created_at;
  Instant expires_at;
  std::optional<Instant> last_used_at;
};
BOOST_DESCRIBE_STRUCT(TokenView, (), (id, name, prefix, created_at, expires_at, last_used_at))

namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
using http::Request;
using http::Response;

// The whole list as one page.
template <class Item>
List<Item> WholeList(std::vector<Item> items) {
  const auto total = static_cast<std::int64_t>(items.size());
  return {std::move(items), total, 1, static_cast<int>(std::max<std::int64_t>(total, 1))};
}

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
               auto login = json::Read<auth_bodies::Login>(JsonBody(request));
               std::string address = request.client_address();
               std::string agent(request.header(boost::beast::http::field::user_agent));
               // Named, not a temporary inside co_await: GCC 12 mishandles those (see server.cpp).
               auto work = [&s, login, address, agent] {
                 return s.auth.Login(login.username, login.password, address, agent);
               };
               auto result = co_await pool.Run(std::move(work));
               Response r = JsonView(LoginView{ViewOf(result.user), result.csrf_token});
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
               MeView out{ViewOf(auth.caller), {}};
               if (!auth.csrf_token.empty()) out.csrf_token = auth.csrf_token;
               return JsonView(out);
             }));

  router.Add(verb::post, "/api/v1/auth/password",
             http::Handler([&s, &pool](Request& request) -> boost::asio::awaitable<Response> {
               auto caller = RequireCaller(request, s);
               auto input = json::Read<auth_bodies::PasswordChange>(JsonBody(request));
               auto work = [&s, caller, input] {
                 s.auth.ChangePassword(caller, input.current_password, input.new_password);
                 return 0;
               };
               co_await pool.Run(std::move(work));
               co_return NoContent();
             }));

  router.Add(
      verb::get, "/api/v1/auth/sessions", http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        std::vector<SessionView> items;
        for (const auto& session : s.auth.Sessions(caller)) {
          items.push_back({session.id, Instant{session.created_at}, Instant{session.last_seen_at},
                           Instant{session.expires_at}, session.client_address, session.user_agent,
                           session.id == caller.session_id});
        }
        return JsonView(WholeList(std::move(items)));
      }));

  router.Add(verb::delete_, "/api/v1/auth/sessions/{id}", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               s.auth.EndSession(caller, IdParam(request, "id"));
               return NoContent();
             }));

  router.Add(verb::post, "/api/v1/auth/tokens", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto input = json::Read<auth_bodies::NewToken>(JsonBody(request));
               auto created = s.auth.CreateToken(caller, input.name);
               const auto& t = created.token;
               return JsonView(CreatedTokenView{t.id, t.name, created.secret, t.prefix,
                                                Instant{t.created_at}, Instant{t.expires_at}},
                               status::created);
             }));

  router.Add(verb::get, "/api/v1/auth/tokens", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               std::vector<TokenView> items;
               for (const auto& t : s.auth.Tokens(caller)) {
                 items.push_back({t.id, t.name, t.prefix, Instant{t.created_at},
                                  Instant{t.expires_at}, InstantOf(t.last_used_at)});
               }
               return JsonView(WholeList(std::move(items)));
             }));

  router.Add(verb::delete_, "/api/v1/auth/tokens/{id}", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               s.auth.RevokeToken(caller, IdParam(request, "id"));
               return NoContent();
             }));
}

}  // namespace egov::api
