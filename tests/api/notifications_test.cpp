// Officers' in-app notifications over real HTTP on both engines (docs/notifications.md,
// "Officers"): the caller's list newest first with the unread count, the unread filter and
// paging, the count, marking one and all read, another user's notification as 404, and the
// unauthenticated and CSRF-less calls. The rows are written directly (the reminders scan,
// which creates them, belongs to the jobs).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_api.hpp"
#include "demo_server.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using Headers = std::map<std::string, std::string>;

class NotificationsTest : public DemoServerTest {
 protected:
  void SetUp() override { ServeDemo("2026-02-02T08:00:00+07:00"); }

  // A notification for `username` created at `instant` (UTC ms), unread.
  void Add(const std::string& username, const std::string& title, std::int64_t instant,
           const std::string& link = "") {
    db_.Execute(
        "INSERT INTO notifications (user_id, kind, title, body, link, created_at) SELECT id, "
        "'step_due_soon', '" +
        title + "', 'Bước xử lý sắp đến hạn.', '" + link + "', " + std::to_string(instant) +
        " FROM users WHERE username = '" + username + "'");
  }
  json::value Get(const std::string& target, const Headers& who, unsigned status = 200) {
    auto r = c_->Get(target, who);
    EXPECT_EQ(r.status, status) << target << " " << r.body;
    return r.status == status && !r.body.empty() ? r.json() : json::value();
  }
  static std::vector<std::string> Titles(const json::value& list) {
    std::vector<std::string> out;
    for (const auto& item : list.at("items").as_array()) {
      out.emplace_back(item.at("title").as_string());
    }
    return out;
  }
};

// 2026-02-02T08:00:00+07:00 = 1769994000000 ms.
constexpr std::int64_t kAt = 1769994000000;

TEST_P(NotificationsTest, TheCallersOwnNewestFirstWithTheUnreadCount) {
  Add("chuyenvien.tnmt", "Thứ nhất", kAt, "/can-bo/ho-so/000.01.99.H48-260202-0001");
  Add("chuyenvien.tnmt", "Thứ hai", kAt + 60'000);
  Add("chuyenvien.tnmt", "Thứ ba", kAt + 120'000);
  Add("lanhdao.tnmt", "Của lãnh đạo", kAt);
  const auto who = SignIn(*c_, "chuyenvien.tnmt");

  auto list = Get("/api/v1/notifications", who);
  EXPECT_EQ(Titles(list), (std::vector<std::string>{"Thứ ba", "Thứ hai", "Thứ nhất"}));
  EXPECT_EQ(list.at("total").as_int64(), 3);
  EXPECT_EQ(list.at("page").as_int64(), 1);
  EXPECT_EQ(list.at("per_page").as_int64(), 50);
  EXPECT_EQ(list.at("unread").as_int64(), 3);
  const auto& first = list.at("items").as_array()[2].as_object();
  EXPECT_EQ(first.at("kind").as_string(), "step_due_soon");
  EXPECT_EQ(first.at("body").as_string(), "Bước xử lý sắp đến hạn.");
  EXPECT_EQ(first.at("link").as_string(), "/can-bo/ho-so/000.01.99.H48-260202-0001");
  EXPECT_EQ(first.at("created_at").as_string(), "2026-02-02T08:00:00+07:00");
  EXPECT_TRUE(first.at("read_at").is_null());
  EXPECT_EQ(Get("/api/v1/notifications/count", who).at("unread").as_int64(), 3);

  auto page = Get("/api/v1/notifications?page=2&per_page=2", who);
  EXPECT_EQ(Titles(page), (std::vector<std::string>{"Thứ nhất"}));
  EXPECT_EQ(page.at("total").as_int64(), 3);

  // The leader sees only theirs.
  EXPECT_EQ(Titles(Get("/api/v1/notifications", SignIn(*c_, "lanhdao.tnmt"))),
            (std::vector<std::string>{"Của lãnh đạo"}));
}

TEST_P(NotificationsTest, MarkingOneReadAndThenAll) {
  Add("chuyenvien.tnmt", "Thứ nhất", kAt);
  Add("chuyenvien.tnmt", "Thứ hai", kAt + 60'000);
  Add("chuyenvien.tnmt", "Thứ ba", kAt + 120'000);
  const auto who = At("2026-02-02T09:15:00+07:00", "chuyenvien.tnmt");
  const auto list = Get("/api/v1/notifications", who);
  const auto id = list.at("items").as_array()[1].at("id").as_int64();  // "Thứ hai"

  auto read = c_->Post("/api/v1/notifications/" + std::to_string(id) + "/read", "", "", who);
  ASSERT_EQ(read.status, 200u) << read.body;
  EXPECT_EQ(read.json().at("title").as_string(), "Thứ hai");
  const std::string read_at(read.json().at("read_at").as_string());
  EXPECT_EQ(read_at.substr(0, 17), "2026-02-02T09:15:");
  EXPECT_EQ(Get("/api/v1/notifications/count", who).at("unread").as_int64(), 2);
  auto unread = Get("/api/v1/notifications?unread=true", who);
  EXPECT_EQ(Titles(unread), (std::vector<std::string>{"Thứ ba", "Thứ nhất"}));
  EXPECT_EQ(unread.at("total").as_int64(), 2);
  EXPECT_EQ(unread.at("unread").as_int64(), 2);
  // Read again later (a new session: the first one has expired): it keeps its first read_at.
  const auto later = At("2026-02-02T10:30:00+07:00", "chuyenvien.tnmt");
  auto again = c_->Post("/api/v1/notifications/" + std::to_string(id) + "/read", "", "", later);
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(again.json().at("read_at").as_string(), read_at);

  auto all = c_->Post("/api/v1/notifications/read-all", "", "", later);
  EXPECT_EQ(all.status, 204u) << all.body;
  EXPECT_EQ(Get("/api/v1/notifications/count", later).at("unread").as_int64(), 0);
  auto everything = Get("/api/v1/notifications", later);
  EXPECT_EQ(everything.at("total").as_int64(), 3);
  EXPECT_EQ(everything.at("unread").as_int64(), 0);
  for (const auto& item : everything.at("items").as_array()) {
    EXPECT_FALSE(item.at("read_at").is_null());
  }
  EXPECT_EQ(Get("/api/v1/notifications?unread=true", later).at("items").as_array().size(), 0u);
}

TEST_P(NotificationsTest, AnotherUsersNotificationIsNotFoundAndStaysUnread) {
  Add("lanhdao.tnmt", "Của lãnh đạo", kAt);
  const auto leader = SignIn(*c_, "lanhdao.tnmt");
  const auto id =
      Get("/api/v1/notifications", leader).at("items").as_array()[0].at("id").as_int64();
  const auto other = SignIn(*c_, "chuyenvien.tnmt");
  for (const std::string& target :
       {"/api/v1/notifications/" + std::to_string(id) + "/read",
        std::string("/api/v1/notifications/999999/read"),
        std::string("/api/v1/notifications/abc/read"), std::string("/api/v1/notifications/0/read"),
        std::string("/api/v1/notifications/-1/read")}) {
    auto r = c_->Post(target, "", "", other);
    EXPECT_EQ(r.status, 404u) << target << " " << r.body;
    EXPECT_EQ(r.json().at("error").at("code").as_string(), "not_found");
  }
  // The other user's read-all does not touch it either.
  EXPECT_EQ(c_->Post("/api/v1/notifications/read-all", "", "", other).status, 204u);
  EXPECT_EQ(Get("/api/v1/notifications/count", leader).at("unread").as_int64(), 1);
}

TEST_P(NotificationsTest, BadQueriesAnonymousCallsAndMissingCsrf) {
  const auto who = SignIn(*c_, "chuyenvien.tnmt");
  auto bad = c_->Get("/api/v1/notifications?unread=yes", who);
  EXPECT_EQ(bad.status, 422u) << bad.body;
  EXPECT_TRUE(bad.json().at("error").at("details").as_object().contains("unread"));
  EXPECT_EQ(c_->Get("/api/v1/notifications?per_page=501", who).status, 422u);
  EXPECT_EQ(c_->Get("/api/v1/notifications?page=0", who).status, 422u);
  for (const char* target : {"/api/v1/notifications", "/api/v1/notifications/count"}) {
    EXPECT_EQ(c_->Get(target).status, 401u) << target;
  }
  EXPECT_EQ(c_->Post("/api/v1/notifications/read-all", "", "").status, 401u);
  Add("chuyenvien.tnmt", "Thứ nhất", kAt);
  // A session without its CSRF token changes nothing.
  Headers no_csrf = who;
  no_csrf.erase("X-CSRF-Token");
  EXPECT_EQ(c_->Post("/api/v1/notifications/read-all", "", "", no_csrf).status, 403u);
  EXPECT_EQ(Get("/api/v1/notifications/count", who).at("unread").as_int64(), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, NotificationsTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace egov::testing
