// SQL for officers' in-app notifications (see notifications.hpp).
#include "store/notify/notifications.hpp"

#include <soci/soci.h>

#include "store/query.hpp"

namespace egov::store::notify {

namespace {

// The statements of this file, by what they do.
constexpr const char* kInsertNotification =
    "INSERT INTO notifications (user_id, kind, title, body, link, created_at) VALUES (:user, "
    ":kind, :title, :body, :link, :at) RETURNING id";
constexpr const char* kSelectPage =
    "SELECT id, user_id, kind, title, body, link, created_at, read_at FROM notifications "
    "WHERE user_id = :user AND (:unread = 0 OR read_at IS NULL) ORDER BY id DESC "
    "LIMIT :limit OFFSET :offset";
constexpr const char* kCount =
    "SELECT COUNT(*) FROM notifications WHERE user_id = :user AND (:unread = 0 OR read_at IS "
    "NULL)";
constexpr const char* kCountUnread =
    "SELECT COUNT(*) FROM notifications WHERE user_id = :user AND read_at IS NULL";
constexpr const char* kSelectOne =
    "SELECT id, user_id, kind, title, body, link, created_at, read_at FROM notifications "
    "WHERE id = :id AND user_id = :user";
constexpr const char* kMarkRead =
    "UPDATE notifications SET read_at = :at WHERE id = :id AND user_id = :user AND read_at IS "
    "NULL";
constexpr const char* kMarkAllRead =
    "UPDATE notifications SET read_at = :at WHERE user_id = :user AND read_at IS NULL";

struct NotificationRow {
  Notification n;
  long long id = 0, user_id = 0, created_at = 0, read_at = 0;
  soci::indicator read_ind = soci::i_null;
  void Bind(Columns& c) {
    c("id", id);
    c("user_id", user_id);
    c("kind", n.kind);
    c("title", n.title);
    c("body", n.body);
    c("link", n.link);
    c("created_at", created_at);
    c("read_at", read_at, read_ind);
  }
  Notification Get() const {
    Notification out = n;
    out.id = id;
    out.user_id = user_id;
    out.created_at = created_at;
    if (read_ind == soci::i_ok) out.read_at = read_at;
    return out;
  }
};

}  // namespace

std::int64_t Insert(WriteTransaction& tx, const Notification& n) {
  long long user = n.user_id, at = n.created_at, id = 0;
  tx.sql() << kInsertNotification, soci::use(user, "user"), soci::use(n.kind, "kind"),
      soci::use(n.title, "title"), soci::use(n.body, "body"), soci::use(n.link, "link"),
      soci::use(at, "at"), soci::into(id);
  return id;
}

std::vector<Notification> ListForUser(Session& session, std::int64_t user_id, bool unread_only,
                                      int page, int per_page) {
  long long user = user_id, limit = per_page, offset = static_cast<long long>(page - 1) * per_page;
  int unread = unread_only ? 1 : 0;
  return QueryRows<NotificationRow>(session.sql(), kSelectPage, soci::use(user, "user"),
                                    soci::use(unread, "unread"), soci::use(limit, "limit"),
                                    soci::use(offset, "offset"));
}

std::int64_t CountForUser(Session& session, std::int64_t user_id, bool unread_only) {
  long long user = user_id, total = 0;
  if (unread_only) {
    session.sql() << kCountUnread, soci::use(user, "user"), soci::into(total);
  } else {
    int unread = 0;
    session.sql() << kCount, soci::use(user, "user"), soci::use(unread, "unread"),
        soci::into(total);
  }
  return total;
}

std::optional<Notification> FindForUser(Session& session, std::int64_t user_id, std::int64_t id) {
  long long user = user_id, key = id;
  return QueryRow<NotificationRow>(session.sql(), kSelectOne, soci::use(key, "id"),
                                   soci::use(user, "user"));
}

bool MarkRead(WriteTransaction& tx, std::int64_t user_id, std::int64_t id, std::int64_t now) {
  if (!FindForUser(tx.session(), user_id, id)) return false;
  long long user = user_id, key = id, at = now;
  tx.sql() << kMarkRead, soci::use(at, "at"), soci::use(key, "id"), soci::use(user, "user");
  return true;
}

std::int64_t MarkAllRead(WriteTransaction& tx, std::int64_t user_id, std::int64_t now) {
  long long user = user_id, at = now;
  soci::statement st =
      (tx.sql().prepare << kMarkAllRead, soci::use(at, "at"), soci::use(user, "user"));
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace egov::store::notify
