// Officers' in-app notifications (see notifications.hpp).
#include "service/notify/notifications.hpp"

#include <stdexcept>

#include "core/error.hpp"
#include "core/text/fold.hpp"

namespace egov::service::notify {

namespace {

void Check(const NewNotification& n) {
  auto fail = [](const char* what) {
    throw std::invalid_argument(std::string("notification: ") + what);
  };
  if (n.user_id <= 0) fail("no user");
  if (n.kind.empty() || n.kind.size() > 40 ||
      n.kind.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
    fail("kind must be 1–40 of [a-z0-9_]");
  }
  const auto title = core::text::CodePointCount(n.title);
  if (title == 0 || title > 200 || n.title.find('\n') != std::string::npos) {
    fail("title must be one line of 1–200 characters");
  }
  if (core::text::CodePointCount(n.body) > 2000) fail("body over 2000 characters");
  if (!n.link.empty() &&
      (n.link.size() > 500 || n.link.front() != '/' || n.link.starts_with("//") ||
       n.link.find_first_of(" \r\n\t\\") != std::string::npos)) {
    fail("link must be a web path");
  }
}

}  // namespace

Notifications::Notifications(store::Database& db, const core::Clock& clock)
    : db_(db), clock_(clock) {}

std::int64_t Notifications::Create(store::WriteTransaction& tx, const NewNotification& n) const {
  Check(n);
  store::notify::Notification row;
  row.user_id = n.user_id;
  row.kind = n.kind;
  row.title = n.title;
  row.body = n.body;
  row.link = n.link;
  row.created_at = clock_.NowMillis();
  return store::notify::Insert(tx, row);
}

NotificationPage Notifications::List(const core::access::Caller& caller, bool unread_only, int page,
                                     int per_page) const {
  store::Session s(db_);
  NotificationPage out;
  out.items = store::notify::ListForUser(s, caller.user_id, unread_only, page, per_page);
  out.total = store::notify::CountForUser(s, caller.user_id, unread_only);
  out.unread = unread_only ? out.total : store::notify::CountForUser(s, caller.user_id, true);
  return out;
}

std::int64_t Notifications::UnreadCount(const core::access::Caller& caller) const {
  store::Session s(db_);
  return store::notify::CountForUser(s, caller.user_id, true);
}

store::notify::Notification Notifications::MarkRead(const core::access::Caller& caller,
                                                    std::int64_t id) const {
  store::WriteTransaction tx(db_);
  if (!store::notify::MarkRead(tx, caller.user_id, id, clock_.NowMillis())) {
    throw Error(ErrorCode::kNotFound, "Không tìm thấy thông báo.");
  }
  auto stored = store::notify::FindForUser(tx.session(), caller.user_id, id);
  tx.Commit();
  return *stored;
}

void Notifications::MarkAllRead(const core::access::Caller& caller) const {
  store::WriteTransaction tx(db_);
  store::notify::MarkAllRead(tx, caller.user_id, clock_.NowMillis());
  tx.Commit();
}

}  // namespace egov::service::notify
