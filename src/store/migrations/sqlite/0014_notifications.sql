-- In-app notifications of officers (docs/notifications.md, "Officers"): a bell with the
-- unread count and a list, newest first. `link` is a web path ("/can-bo/ho-so/{code}");
-- `read_at` NULL: unread. The partial index answers the unread count from the index alone;
-- (user_id, id) the list, newest first.
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  read_at INTEGER
) STRICT;
CREATE INDEX notifications_user ON notifications(user_id, id);
CREATE INDEX notifications_unread ON notifications(user_id, id) WHERE read_at IS NULL;
