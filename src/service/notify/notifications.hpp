// Officers' in-app notifications (docs/notifications.md, "Officers"): created by other use
// cases inside their own write transaction (the reminders scan), read and marked read by their
// user only. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/access/roles.hpp"
#include "core/clock.hpp"
#include "store/database.hpp"
#include "store/notify/notifications.hpp"

namespace egov::service::notify {

struct NewNotification {
  std::int64_t user_id = 0;
  std::string kind;   // [a-z0-9_], 1–40 bytes: "step_due_soon", "step_overdue" …
  std::string title;  // Vietnamese, one line, 1–200 characters
  std::string body;   // at most 2000 characters
  std::string link;   // empty, or a web path starting with one "/" ("/can-bo/ho-so/{code}"),
                      // at most 500 bytes
};

struct NotificationPage {
  std::vector<store::notify::Notification> items;
  std::int64_t total = 0;   // matching the filter
  std::int64_t unread = 0;  // the user's unread, whatever the filter
};

class Notifications {
 public:
  Notifications(store::Database& db, const core::Clock& clock);

  // Adds a notification for `n.user_id` in the caller's transaction (it commits or rolls back
  // with the change that caused it), created now. Throws std::invalid_argument when `n` breaks
  // the limits above (a programming error: the texts come from code, not from a request).
  std::int64_t Create(store::WriteTransaction& tx, const NewNotification& n) const;

  // The caller's notifications, newest first; `unread_only` or all; `page` from 1.
  NotificationPage List(const core::access::Caller& caller, bool unread_only, int page,
                        int per_page) const;
  std::int64_t UnreadCount(const core::access::Caller& caller) const;
  // Marks the caller's notification `id` read (once: a read one keeps its time) and returns
  // it; not_found when the caller has no notification `id` (another user's included).
  store::notify::Notification MarkRead(const core::access::Caller& caller, std::int64_t id) const;
  // Marks all the caller's notifications read.
  void MarkAllRead(const core::access::Caller& caller) const;

 private:
  store::Database& db_;
  const core::Clock& clock_;
};

}  // namespace egov::service::notify
