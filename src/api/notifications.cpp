// Officers' in-app notifications (docs/notifications.md, "Officers"): the caller's own only;
// another user's notification is 404.
#include <boost/json.hpp>
#include <charconv>

#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/json_view.hpp"
#include "api/routes.hpp"
#include "core/error.hpp"

namespace egov::api {

using boost::beast::http::verb;
using http::Request;

struct NotificationView {
  std::int64_t id = 0;
  std::string kind;
  std::string title;
  std::string body;
  std::string link;
  Instant created_at;
  std::optional<Instant> read_at;  // null: unread
};
BOOST_DESCRIBE_STRUCT(NotificationView, (), (id, kind, title, body, link, created_at, read_at))

// The list envelope plus the caller's unread count (whatever the filter).
struct NotificationListView {
  std::vector<NotificationView> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 50;
  std::int64_t unread = 0;
};
BOOST_DESCRIBE_STRUCT(NotificationListView, (), (items, total, page, per_page, unread))

struct UnreadCountView {
  std::int64_t unread = 0;
};
BOOST_DESCRIBE_STRUCT(UnreadCountView, (), (unread))

namespace {

NotificationView ViewOf(const store::notify::Notification& n) {
  return {n.id, n.kind, n.title, n.body, n.link, Instant{n.created_at}, InstantOf(n.read_at)};
}

// The {id} of the path: a positive integer; anything else names no notification (404).
std::int64_t IdOf(const Request& request) {
  const std::string& text = request.param("id");
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    throw Error(ErrorCode::kNotFound, "Không tìm thấy thông báo.");
  }
  return id;
}

http::Response NoContent() {
  http::Response r;
  r.status = boost::beast::http::status::no_content;
  r.content_type = "application/json; charset=utf-8";
  return r;
}

}  // namespace

void RegisterNotificationRoutes(http::Router& router, const service::Services& services) {
  const auto& s = services;

  router.Add(verb::get, "/api/v1/notifications", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const auto paging = ParsePaging(request);
               const auto unread = request.query("unread").value_or("");
               if (unread != "" && unread != "true" && unread != "false") {
                 throw FieldError("unread", "phải là true hoặc false.");
               }
               const auto page =
                   s.notifications.List(caller, unread == "true", paging.page, paging.per_page);
               NotificationListView view;
               view.items.reserve(page.items.size());
               for (const auto& n : page.items) view.items.push_back(ViewOf(n));
               view.total = page.total;
               view.page = paging.page;
               view.per_page = paging.per_page;
               view.unread = page.unread;
               return JsonView(view);
             }));

  router.Add(verb::get, "/api/v1/notifications/count", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               return JsonView(UnreadCountView{s.notifications.UnreadCount(caller)});
             }));

  router.Add(verb::post, "/api/v1/notifications/read-all",
             http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               s.notifications.MarkAllRead(caller);
               return NoContent();
             }));

  router.Add(verb::post, "/api/v1/notifications/{id}/read",
             http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               return JsonView(ViewOf(s.notifications.MarkRead(caller, IdOf(request))));
             }));
}

}  // namespace egov::api
