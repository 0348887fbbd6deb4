// The demo's dossiers on two fresh SQLite databases at the same fixed "now": the same data
// twice (fixed seed), the current set placed before now with the statuses and overdue ones it
// promises, and a second load that changes nothing. (The seed article's figures, on both
// engines through the command line and the API: tests/api/demo_test.cpp.)
#include "service/demo/demo_dossiers.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "core/calendar/date.hpp"
#include "core/dossier/states.hpp"
#include "core/testing/fake_clock.hpp"
#include "service/access/auth.hpp"
#include "service/access/directory.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/catalog/catalog.hpp"
#include "service/demo/demo.hpp"
#include "service/dossier/dossiers.hpp"
#include "service/security/crypto.hpp"
#include "store/access/users.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace egov::service::demo {
namespace {

using core::calendar::ParseIsoInstant;

// Wednesday 11 March 2026, 10:00 in Vietnam.
constexpr const char* kNow = "2026-03-11T10:00:00+07:00";

struct World {
  explicit World(const std::string& dir)
      : db("sqlite:" + dir + "/egov.db", 4),
        clock(ParseIsoInstant(kNow)),
        directory(db, clock, settings, {}),
        calendar(db, clock),
        catalog(db, clock),
        files(dir + "/files"),
        dossiers(db, clock, calendar, catalog, files) {
    store::Migrate(db);
    LoadDemo(db, directory, catalog, clock);
    calendar.LoadShippedSchedules();
  }
  core::access::Caller CallerOf(const std::string& username) {
    store::Session s(db);
    return access::CallerFromUser(*store::access::FindUserByUsername(s, username));
  }
  // Every dossier the province sees: its code, status, times and events, one line each.
  std::map<std::string, std::string> Dump() {
    const auto province = CallerOf("quantri.tinh");
    std::map<std::string, std::string> out;
    for (int page = 1;; ++page) {
      auto list = dossiers.List(province, {.page = page, .per_page = 500});
      for (const auto& d : list.items) {
        const auto v = dossiers.Get(province, d.code);
        std::string line =
            fmt::format("{} {} {} {} {}", v.dossier.procedure_code,
                        core::dossier::Name(v.dossier.status), v.dossier.applicant.full_name,
                        v.dossier.applicant.id_number, v.dossier.due_at.value_or(0));
        for (const auto& e : v.events) {
          line += fmt::format(" | {} {} {} {}", e.at, core::dossier::Name(e.action), e.actor,
                              e.to_user.value_or(""));
        }
        out[d.code] = line;
      }
      if (list.items.empty() || std::ssize(out) >= list.total) break;
    }
    return out;
  }

  static access::AccessSettings CheapHashing() {
    access::AccessSettings settings;
    settings.hashing = {1, 8192};  // the demo's users are created, never logged in
    return settings;
  }

  access::AccessSettings settings = CheapHashing();
  store::Database db;
  core::testing::FakeClock clock;
  access::Directory directory;
  calendar::CalendarService calendar;
  catalog::Catalog catalog;
  store::FileStore files;
  dossier::Dossiers dossiers;
};

class DemoDossiersTest : public ::testing::Test {
 protected:
  static std::string MakeDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "egov-demo-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
  }
  static void SetUpTestSuite() { security::InitCrypto(); }
  void TearDown() override {
    std::error_code ec;
    for (const auto& d : dirs_) std::filesystem::remove_all(d, ec);
  }
  std::unique_ptr<World> NewWorld() {
    dirs_.push_back(MakeDir());
    return std::make_unique<World>(dirs_.back());
  }
  std::vector<std::string> dirs_;
};

TEST_F(DemoDossiersTest, TheSameDataTwiceAndOnceOnly) {
  auto a = NewWorld();
  auto b = NewWorld();
  auto first = LoadDemoDossiers(a->db, a->files, a->clock);
  EXPECT_EQ(first.history_created, kHistoryDossiers);
  EXPECT_EQ(first.current_created, 28);
  LoadDemoDossiers(b->db, b->files, b->clock);
  const auto dump = a->Dump();
  EXPECT_EQ(dump.size(), static_cast<std::size_t>(kHistoryDossiers + 28));
  EXPECT_EQ(dump, b->Dump());

  auto again = LoadDemoDossiers(a->db, a->files, a->clock);
  EXPECT_TRUE(again.history_already_loaded);
  EXPECT_TRUE(again.current_already_loaded);
  EXPECT_EQ(again.history_created + again.current_created, 0);
  EXPECT_EQ(a->Dump(), dump);

  // Today's set: every event before now, in every status; some overdue.
  const auto now = ParseIsoInstant(kNow);
  std::map<std::string, int> statuses;
  for (const auto& [code, line] : dump) {
    if (code.find("-26") == std::string::npos) continue;
    const auto v = a->dossiers.Get(a->CallerOf("quantri.tinh"), code);
    ++statuses[std::string(core::dossier::Name(v.dossier.status))];
    for (const auto& e : v.events) EXPECT_LT(e.at, now) << code;
  }
  for (const char* s : {"submitted", "processing", "supplement_requested", "result_ready",
                        "returned", "refused", "withdrawn", "stopped"}) {
    EXPECT_GE(statuses[s], 1) << s;
  }
  EXPECT_EQ(statuses["processing"], 15);
  auto overdue = a->dossiers.List(a->CallerOf("quantri"), {.overdue = true});
  EXPECT_GE(overdue.total, 3);
  EXPECT_LE(overdue.total, 8);
}

}  // namespace
}  // namespace egov::service::demo
