// SQL for officers' in-app notifications (migration 0014; docs/notifications.md, "Officers").
// Functions never commit. Instants are UTC epoch milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace egov::store::notify {

struct Notification {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string kind;   // what caused it ("step_due_soon", "step_overdue" …)
  std::string title;  // Vietnamese, one line
  std::string body;   // Vietnamese, may be empty
  std::string link;   // a web path ("/can-bo/ho-so/{code}"), may be empty
  std::int64_t created_at = 0;
  std::optional<std::int64_t> read_at;  // nullopt: unread
};

// Inserts `n` (its id ignored) and returns the new id.
std::int64_t Insert(WriteTransaction& tx, const Notification& n);

// The user's notifications, newest first (by id), `unread_only` or all, one page (from 1).
std::vector<Notification> ListForUser(Session& session, std::int64_t user_id, bool unread_only,
                                      int page, int per_page);
// How many the user has, unread only or all.
std::int64_t CountForUser(Session& session, std::int64_t user_id, bool unread_only);

// The user's notification `id`; nullopt when there is none or it is another user's.
std::optional<Notification> FindForUser(Session& session, std::int64_t user_id, std::int64_t id);

// Sets read_at = `now` on the user's notification `id` if it is unread (a read one keeps its
// first read_at). False when the user has no notification `id`.
bool MarkRead(WriteTransaction& tx, std::int64_t user_id, std::int64_t id, std::int64_t now);
// Marks every unread notification of the user read at `now`; returns how many.
std::int64_t MarkAllRead(WriteTransaction& tx, std::int64_t user_id, std::int64_t now);

}  // namespace egov::store::notify
