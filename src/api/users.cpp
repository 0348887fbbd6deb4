// /api/v1/users: search, create, edit, disable and password reset (admins), reading
// (admins and leaders), always within the caller's subtree.
#include <boost/json.hpp>

#include "api/access_bodies.hpp"
#include "api/access_json.hpp"
#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/routes.hpp"

namespace egov::api {

using boost::beast::http::status;
using boost::beast::http::verb;
using http::Request;
using http::Response;

void RegisterUserRoutes(http::Router& router, const service::Services& services,
                        http::BlockingPool& pool) {
  const auto& s = services;

  router.Add(verb::get, "/api/v1/users", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto paging = ParsePaging(request);
               service::access::UserQuery q;
               q.q = request.query("q").value_or("");
               q.agency_code = request.query("agency").value_or("");
               q.role = request.query("role").value_or("");
               q.active = request.query("active").value_or("");
               q.page = paging.page;
               q.per_page = paging.per_page;
               auto page = s.directory.ListUsers(caller, q);
               std::vector<UserView> items;
               for (const auto& u : page.items) items.push_back(ViewOf(u));
               return JsonView(ListOf(std::move(items), page.total, paging));
             }));

  router.Add(verb::post, "/api/v1/users",
             http::Handler([&s, &pool](Request& request) -> boost::asio::awaitable<Response> {
               auto caller = RequireCaller(request, s);
               auto input = json::Read<service::access::NewUser>(JsonBody(request));
               auto work = [&s, caller, input] { return s.directory.CreateUser(caller, input); };
               auto user = co_await pool.Run(std::move(work));
               co_return JsonView(ViewOf(user), status::created);
             }));

  router.Add(verb::get, "/api/v1/users/{username}", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               return JsonView(ViewOf(s.directory.GetUser(caller, request.param("username"))));
             }));

  router.Add(verb::patch, "/api/v1/users/{username}", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto patch = json::Read<service::access::UserPatch>(JsonBody(request));
               auto user = s.directory.UpdateUser(caller, request.param("username"), patch);
               return JsonView(ViewOf(user));
             }));

  router.Add(verb::post, "/api/v1/users/{username}/password",
             http::Handler([&s, &pool](Request& request) -> boost::asio::awaitable<Response> {
               auto caller = RequireCaller(request, s);
               auto input = json::Read<PasswordReset>(JsonBody(request));
               std::string username = request.param("username");
               auto work = [&s, caller, username, input] {
                 s.directory.ResetPassword(caller, username, input.password);
                 return 0;
               };
               co_await pool.Run(std::move(work));
               Response r;
               r.status = status::no_content;
               co_return r;
             }));
}

}  // namespace egov::api
