// Officers' notifications below the API: created inside the caller's write transaction (gone
// with a rollback, there after a commit), the limits on what is created, and each user's own
// list, count and read marks. A real SQLite database with the demo's users.
#include "service/notify/notifications.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>

#include "core/calendar/date.hpp"
#include "core/error.hpp"
#include "core/testing/fake_clock.hpp"
#include "service/access/auth.hpp"
#include "service/access/directory.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/catalog/catalog.hpp"
#include "service/demo/demo.hpp"
#include "service/security/crypto.hpp"
#include "store/access/users.hpp"
#include "store/migrations.hpp"

namespace egov::service::notify {
namespace {

using core::calendar::ParseIsoInstant;

class NotificationsTest : public ::testing::Test {
 protected:
  static std::string MakeDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "egov-notifications-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
  }
  static access::AccessSettings CheapHashing() {
    access::AccessSettings settings;
    settings.hashing = {1, 8192};
    return settings;
  }
  void SetUp() override {
    security::InitCrypto();
    store::Migrate(db_);
    calendar_.LoadShippedSchedules();
    demo::LoadDemo(db_, directory_, catalog_, clock_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  core::access::Caller CallerOf(const std::string& username) {
    store::Session s(db_);
    auto user = store::access::FindUserByUsername(s, username);
    if (!user) throw std::runtime_error("no demo user " + username);
    return access::CallerFromUser(*user);
  }
  NewNotification For(const core::access::Caller& who, const std::string& title) {
    return {who.user_id, "step_due_soon", title, "Bước xử lý sắp đến hạn.",
            "/can-bo/ho-so/000.01.99.H48-260202-0001"};
  }

  std::string dir_ = MakeDir();
  store::Database db_{"sqlite:" + dir_ + "/egov.db", 4};
  core::testing::FakeClock clock_{ParseIsoInstant("2026-02-02T08:00:00+07:00")};
  access::AccessSettings settings_ = CheapHashing();
  access::Directory directory_{db_, clock_, settings_, {}};
  calendar::CalendarService calendar_{db_, clock_};
  catalog::Catalog catalog_{db_, clock_};
  Notifications notifications_{db_, clock_};
};

TEST_F(NotificationsTest, CreatedWithTheCallersTransaction) {
  const auto officer = CallerOf("chuyenvien.tnmt");
  {
    store::WriteTransaction tx(db_);
    notifications_.Create(tx, For(officer, "Rolled back"));
  }  // not committed: rolled back
  EXPECT_EQ(notifications_.UnreadCount(officer), 0);
  {
    store::WriteTransaction tx(db_);
    notifications_.Create(tx, For(officer, "Hồ sơ sắp đến hạn"));
    tx.Commit();
  }
  const auto page = notifications_.List(officer, false, 1, 50);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].title, "Hồ sơ sắp đến hạn");
  EXPECT_EQ(page.items[0].created_at, ParseIsoInstant("2026-02-02T08:00:00+07:00"));
  EXPECT_EQ(page.unread, 1);
  EXPECT_EQ(notifications_.UnreadCount(CallerOf("lanhdao.tnmt")), 0);
}

TEST_F(NotificationsTest, WhatIsCreatedHasLimits) {
  const auto officer = CallerOf("chuyenvien.tnmt");
  store::WriteTransaction tx(db_);
  auto bad = [&](auto change) {
    auto n = For(officer, "Tiêu đề");
    change(n);
    EXPECT_THROW(notifications_.Create(tx, n), std::invalid_argument);
  };
  bad([](NewNotification& n) { n.user_id = 0; });
  bad([](NewNotification& n) { n.kind = ""; });
  bad([](NewNotification& n) { n.kind = "Step-Due"; });
  bad([](NewNotification& n) { n.title = ""; });
  bad([](NewNotification& n) { n.title = "hai\ndòng"; });
  bad([](NewNotification& n) { n.title = std::string(201, 'a'); });
  bad([](NewNotification& n) { n.body = std::string(2001, 'a'); });
  bad([](NewNotification& n) { n.link = "https://evil.example/"; });
  bad([](NewNotification& n) { n.link = "//evil.example/"; });
  auto fine = For(officer, std::string(200, 'a'));
  fine.link = "";
  EXPECT_GT(notifications_.Create(tx, fine), 0);
}

TEST_F(NotificationsTest, MarkingReadIsTheOwnersAndOnce) {
  const auto officer = CallerOf("chuyenvien.tnmt");
  std::int64_t id = 0;
  {
    store::WriteTransaction tx(db_);
    id = notifications_.Create(tx, For(officer, "Một"));
    notifications_.Create(tx, For(officer, "Hai"));
    tx.Commit();
  }
  EXPECT_THROW(notifications_.MarkRead(CallerOf("lanhdao.tnmt"), id), Error);
  clock_.Set(ParseIsoInstant("2026-02-02T09:00:00+07:00"));
  EXPECT_EQ(notifications_.MarkRead(officer, id).read_at,
            ParseIsoInstant("2026-02-02T09:00:00+07:00"));
  clock_.Set(ParseIsoInstant("2026-02-02T10:00:00+07:00"));
  EXPECT_EQ(notifications_.MarkRead(officer, id).read_at,
            ParseIsoInstant("2026-02-02T09:00:00+07:00"));
  EXPECT_EQ(notifications_.UnreadCount(officer), 1);
  notifications_.MarkAllRead(officer);
  EXPECT_EQ(notifications_.UnreadCount(officer), 0);
  EXPECT_EQ(notifications_.List(officer, true, 1, 50).items.size(), 0u);
  EXPECT_EQ(notifications_.List(officer, false, 1, 50).total, 2);
}

}  // namespace
}  // namespace egov::service::notify
