// An agency's own internal process (issue 10, "The process is resolved for each dossier";
// docs/workflow.md, "An agency's own process") over real HTTP on both engines, on the test
// clock. The demo's land procedure 1.012789 (10 days; steps 4 h reception, 64 h specialist
// and 8 h leader at the district's TNMT, 4 h return) gets an own process at Trà Bồng's office
// (000.01.99.H48) from the district's administrator (quantri, an ancestor's): dossiers
// received there from then on follow it, with its due times; Bình Sơn's office and xã Trà
// Sơn keep the default; dossiers already received keep their recorded steps; DELETE falls
// back. Only an administrator of the agency or an ancestor changes it (403), and a process
// whose steps break the catalog's rules or do not resolve for the agency is 422.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <boost/json.hpp>

#include "demo_api.hpp"
#include "demo_server.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "store/database.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using Headers = std::map<std::string, std::string>;
using boost::beast::http::verb;

constexpr const char* kLand = "1.012789";
constexpr const char* kOffice = "000.01.99.H48";  // Trà Bồng's office, where tiepnhan receives
const std::string kProcess = std::string("/api/v1/agencies/") + kOffice + "/processes/" + kLand;

json::object Step(const char* name, const char* role, int hours, const char* agency = nullptr,
                  const char* unit = nullptr) {
  json::object s{{"name", name}, {"role", role}, {"hours", hours}};
  if (agency) s["agency"] = agency;
  if (unit) s["unit"] = unit;
  return s;
}

// The office's own process: a longer reception check, a shorter review, a longer approval.
json::array OwnSteps() {
  return {Step("Tiếp nhận, kiểm tra kỹ hồ sơ", "reception", 8),
          Step("Thẩm định", "specialist", 56, "district", "TNMT"),
          Step("Phê duyệt", "leader", 12, "district", "TNMT"), Step("Trả kết quả", "reception", 4)};
}

class ProcessesTest : public DemoServerTest {
 protected:
  void SetUp() override { ServeDemo("2026-02-02T07:45:00+07:00"); }
  Headers Login(const std::string& user) { return SignIn(*c_, user); }
  HttpResponse Put(const std::string& target, const json::array& steps, const Headers& who) {
    Headers h = who;
    h["Content-Type"] = "application/json";
    return c_->Send(verb::put, target, json::serialize(json::object{{"steps", steps}}), h);
  }
  HttpResponse Delete(const std::string& target, const Headers& who) {
    return c_->Send(verb::delete_, target, "", who);
  }
  json::object Intake(const std::string& instant, const std::string& user) {
    json::object body{{"procedure_code", kLand},
                      {"channel", "direct"},
                      {"applicant", json::object{{"full_name", "Võ Văn Kiệt"},
                                                 {"id_number", "051090004411"},
                                                 {"phone", "0905 123 411"},
                                                 {"address", "Thôn 1, tỉnh Quảng Ngãi"}}},
                      {"components", CatalogComponents(*c_, kLand)}};
    auto r =
        c_->Post("/api/v1/dossiers", json::serialize(body), "application/json", At(instant, user));
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.status == 201u ? r.json().as_object() : json::object{};
  }
  json::object Get(const std::string& code, const std::string& user) {
    auto r = c_->Get("/api/v1/dossiers/" + code, Login(user));
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.json().as_object();
  }
  json::object Forward(const std::string& code, const std::string& instant) {
    auto r = c_->Post("/api/v1/dossiers/" + code + "/actions", R"({"action":"forward"})",
                      "application/json", At(instant, "tiepnhan"));
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.status == 200u ? r.json().as_object() : json::object{};
  }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }
  static std::string Min(const json::value& v) { return Str(v).substr(0, 16); }
  // "name|role|agency|hours" of each step of a dossier.
  static std::vector<std::string> Steps(const json::object& d) {
    std::vector<std::string> out;
    for (const auto& s : d.at("steps").as_array()) {
      out.push_back(Str(s.at("name")) + "|" + Str(s.at("role")) + "|" + Str(s.at("agency_code")) +
                    "|" + std::to_string(s.at("hours").as_int64()));
    }
    return out;
  }
  static std::vector<std::string> DefaultSteps(const std::string& office, const std::string& tnmt) {
    return {"Tiếp nhận hồ sơ|reception|" + office + "|4",
            "Thẩm định hồ sơ, trình duyệt|specialist|" + tnmt + "|64",
            "Phê duyệt|leader|" + tnmt + "|8", "Trả kết quả|reception|" + office + "|4"};
  }
  static std::vector<std::string> OwnDossierSteps() {
    return {"Tiếp nhận, kiểm tra kỹ hồ sơ|reception|000.01.99.H48|8",
            "Thẩm định|specialist|000.02.99.H48|56", "Phê duyệt|leader|000.02.99.H48|12",
            "Trả kết quả|reception|000.01.99.H48|4"};
  }
  static std::string Field(const HttpResponse& r) {
    const auto answer = r.json();
    const auto& details = answer.at("error").at("details").as_object();
    return details.empty() ? std::string() : std::string(details.begin()->key());
  }
};

INSTANTIATE_TEST_SUITE_P(Engines, ProcessesTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(ProcessesTest, AnIntakeAtTheAgencyFollowsItsOwnProcessUntilItIsDeleted) {
  // Received before the office has a process of its own: the procedure's steps.
  auto before = Intake("2026-02-02T07:45:00+07:00", "tiepnhan");
  const std::string before_code = Str(before.at("code"));
  EXPECT_EQ(Steps(before), DefaultSteps(kOffice, "000.02.99.H48"));
  EXPECT_EQ(Min(before.at("current_step").at("due_at")), "2026-02-02T13:15");

  // Nothing yet: 404, an empty list.
  auto admin = At("2026-02-02T07:50:00+07:00", "quantri");
  EXPECT_EQ(c_->Get(kProcess, admin).status, 404u);
  auto list = c_->Get(std::string("/api/v1/agencies/") + kOffice + "/processes", admin);
  ASSERT_EQ(list.status, 200u) << list.body;
  EXPECT_EQ(list.json().at("total"), 0);

  // The district's administrator gives its office a process of its own.
  auto put = Put(kProcess, OwnSteps(), admin);
  ASSERT_EQ(put.status, 200u) << put.body;
  const auto saved = put.json();
  EXPECT_EQ(saved.at("procedure_code"), kLand);
  EXPECT_EQ(saved.at("procedure_name"), "Cung cấp thông tin, dữ liệu đất đai");
  EXPECT_EQ(saved.at("steps"), json::value(OwnSteps()));
  EXPECT_EQ(Min(saved.at("updated_at")), "2026-02-02T07:50");
  EXPECT_EQ(saved.at("updated_by"), "quantri");
  auto read = c_->Get(kProcess, Login("lanhdao"));  // any officer above it reads it
  ASSERT_EQ(read.status, 200u) << read.body;
  EXPECT_EQ(read.json(), saved);
  list = c_->Get(std::string("/api/v1/agencies/") + kOffice + "/processes", Login("tiepnhan"));
  ASSERT_EQ(list.status, 200u) << list.body;
  EXPECT_EQ(list.json().at("total"), 1);
  EXPECT_EQ(list.json().at("page"), 1);
  EXPECT_EQ(list.json().at("items").at(0), saved);
  // The province's procedure is untouched.
  auto procedure = c_->Get(std::string("/api/v1/procedures/") + kLand).json();
  EXPECT_EQ(procedure.at("steps").at(1).at("hours"), 64);

  // Mon 2/2 08:00 at the office: its own steps; the first, 8 h: 210 min to 11:30, 240 to
  // 17:00, 30 more from 07:30 → Tue 3/2 08:00. The dossier's 10 days are the procedure's:
  // Mon 23/2 08:00 (Tết 16/2–20/2).
  auto own = Intake("2026-02-02T08:00:00+07:00", "tiepnhan");
  const std::string own_code = Str(own.at("code"));
  EXPECT_EQ(Steps(own), OwnDossierSteps());
  EXPECT_EQ(Min(own.at("current_step").at("due_at")), "2026-02-03T08:00");
  EXPECT_EQ(Min(own.at("due_at")), "2026-02-23T08:00");
  EXPECT_EQ(own.at("competent_agency"), "000.02.99.H48");

  // Bình Sơn's office and xã Trà Sơn (under the same district) keep the procedure's steps.
  auto binh_son = Intake("2026-02-02T08:00:00+07:00", "tiepnhan.binhson");
  EXPECT_EQ(Steps(binh_son), DefaultSteps("000.01.53.H48", "000.02.53.H48"));
  EXPECT_EQ(Min(binh_son.at("current_step").at("due_at")), "2026-02-02T13:30");
  auto tra_son = Intake("2026-02-02T08:00:00+07:00", "tiepnhan.traso");
  EXPECT_EQ(Steps(tra_son), DefaultSteps("000.21.99.H48", "000.02.99.H48"));

  // The dossier received before keeps its steps: forwarded Tue 3/2 08:00, its review has
  // the procedure's 64 h (8 days) → Fri 13/2 08:00.
  EXPECT_EQ(Steps(Get(before_code, "lanhdao")), DefaultSteps(kOffice, "000.02.99.H48"));
  auto forwarded = Forward(before_code, "2026-02-03T08:00:00+07:00");
  EXPECT_EQ(Min(forwarded.at("current_step").at("due_at")), "2026-02-13T08:00");

  // Deleted: 204, then 404; the next intake at the office, Tue 3/2 09:00, is the default
  // (4 h: 150 min to 11:30, 90 from 13:00 → 14:30).
  admin = At("2026-02-03T08:10:00+07:00", "quantri");
  auto deleted = Delete(kProcess, admin);
  EXPECT_EQ(deleted.status, 204u) << deleted.body;
  EXPECT_EQ(c_->Get(kProcess, admin).status, 404u);
  EXPECT_EQ(Delete(kProcess, admin).status, 404u) << "nothing left to delete";
  auto after = Intake("2026-02-03T09:00:00+07:00", "tiepnhan");
  EXPECT_EQ(Steps(after), DefaultSteps(kOffice, "000.02.99.H48"));
  EXPECT_EQ(Min(after.at("current_step").at("due_at")), "2026-02-03T14:30");
  // …while the dossier received under the own process keeps it: its review, 56 h (7 days)
  // from Tue 3/2 09:00 → Thu 12/2 09:00.
  EXPECT_EQ(Steps(Get(own_code, "lanhdao")), OwnDossierSteps());
  forwarded = Forward(own_code, "2026-02-03T09:00:00+07:00");
  EXPECT_EQ(forwarded.at("current_step").at("index"), 1);
  EXPECT_EQ(Min(forwarded.at("current_step").at("due_at")), "2026-02-12T09:00");

  // Both changes are in the audit chain, by quantri, and the chain still verifies.
  {
    store::Database db(db_.url(), 1);
    store::Session s(db);
    std::vector<std::string> actions(4), actors(4), entities(4);
    s.sql() << "SELECT action, actor, entity_id FROM audit_log WHERE entity = 'agency_process' "
               "ORDER BY seq",
        soci::into(actions), soci::into(actors), soci::into(entities);
    EXPECT_EQ(actions, (std::vector<std::string>{"agency_process.put", "agency_process.delete"}));
    EXPECT_EQ(actors, (std::vector<std::string>{"quantri", "quantri"}));
    EXPECT_EQ(entities, (std::vector<std::string>{std::string(kOffice) + "/" + kLand,
                                                  std::string(kOffice) + "/" + kLand}));
  }
  auto verify = RunEgov({"audit", "verify", "--db", db_.url()});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_EQ(verify.out, "OK\n");
}

TEST_P(ProcessesTest, AProcessThatNoLongerFitsTheProcedureIsIgnoredUntilSavedAgain) {
  ASSERT_EQ(Put(kProcess, OwnSteps(), At("2026-02-02T07:50:00+07:00", "quantri")).status, 200u);
  // The province publishes a version of 11 days (88 h), in force from today: the office's
  // process (80 h) no longer adds up, so the new version's steps apply to the next intake.
  auto procedure = c_->Get(std::string("/api/v1/procedures/") + kLand).json().as_object();
  procedure["time_limit"] = json::object{{"days", 11}};
  procedure["steps"].as_array()[1].as_object()["hours"] = 72;
  procedure["effective_from"] = "2026-02-02";
  auto saved = c_->Post("/api/v1/procedures", json::serialize(procedure), "application/json",
                        Login("quantri.tinh"));
  ASSERT_EQ(saved.status, 201u) << saved.body;
  auto d = Intake("2026-02-02T08:00:00+07:00", "tiepnhan");
  EXPECT_EQ(d.at("procedure_version"), saved.json().at("version"));
  auto steps = DefaultSteps(kOffice, "000.02.99.H48");
  steps[1] = "Thẩm định hồ sơ, trình duyệt|specialist|000.02.99.H48|72";
  EXPECT_EQ(Steps(d), steps);
  EXPECT_EQ(Min(d.at("current_step").at("due_at")), "2026-02-02T13:30");
  // The process is kept; saved again to fit (a 16 h approval), it applies again.
  EXPECT_EQ(c_->Get(kProcess, Login("quantri")).status, 200u);
  json::array fitting = OwnSteps();
  fitting[2].as_object()["hours"] = 20;
  auto resaved = Put(kProcess, fitting, Login("quantri"));
  ASSERT_EQ(resaved.status, 200u) << resaved.body;
  auto again = Intake("2026-02-02T08:10:00+07:00", "tiepnhan");
  EXPECT_EQ(Steps(again)[2], "Phê duyệt|leader|000.02.99.H48|20");
  // 8 h from 08:10: 200 min to 11:30, 240 to 17:00, 40 from 07:30 → Tue 3/2 08:10.
  EXPECT_EQ(Min(again.at("current_step").at("due_at")), "2026-02-03T08:10");
}

TEST_P(ProcessesTest, OnlyAnAdministratorOfTheAgencyOrAboveChangesIt) {
  // Not an administrator (the office's own reception, the district's leader), or another
  // district's administrator: 403, and nothing is saved.
  for (const char* who : {"tiepnhan", "lanhdao", "quantri.binhson"}) {
    auto r = Put(kProcess, OwnSteps(), Login(who));
    EXPECT_EQ(r.status, 403u) << who << " " << r.body;
    EXPECT_EQ(r.json().at("error").at("code"), "forbidden") << who;
  }
  // Refused before the body is read: a broken body from a stranger is still 403.
  EXPECT_EQ(Put(kProcess, json::array{json::object{{"name", 1}}}, Login("quantri.binhson")).status,
            403u);
  EXPECT_EQ(c_->Get(kProcess, Login("quantri")).status, 404u);
  // The province's administrator (the root, an ancestor) may; another district's officers
  // may not read it, nor delete it.
  auto province = Login("quantri.tinh");
  ASSERT_EQ(Put(kProcess, OwnSteps(), province).status, 200u);
  EXPECT_EQ(c_->Get(kProcess, Login("quantri.binhson")).status, 403u);
  EXPECT_EQ(
      c_->Get(std::string("/api/v1/agencies/") + kOffice + "/processes", Login("tiepnhan.binhson"))
          .status,
      403u);
  EXPECT_EQ(c_->Get(kProcess, Login("chuyenvien.tnmt")).status, 403u) << "a sibling department";
  EXPECT_EQ(Delete(kProcess, Login("quantri.binhson")).status, 403u);
  EXPECT_EQ(Delete(kProcess, Login("tiepnhan")).status, 403u);
  EXPECT_EQ(c_->Get(kProcess, Login("tiepnhan")).status, 200u) << "still there";
  // Bình Sơn's administrator manages its own office.
  auto own = Put("/api/v1/agencies/000.01.53.H48/processes/" + std::string(kLand), OwnSteps(),
                 Login("quantri.binhson"));
  EXPECT_EQ(own.status, 200u) << own.body;
  // Unknown agency or procedure: 404.
  auto admin = Login("quantri");
  EXPECT_EQ(Put("/api/v1/agencies/000.77.99.H48/processes/" + std::string(kLand), OwnSteps(), admin)
                .status,
            404u);
  EXPECT_EQ(c_->Get("/api/v1/agencies/000.77.99.H48/processes", admin).status, 404u);
  auto unknown =
      Put(std::string("/api/v1/agencies/") + kOffice + "/processes/9.999999", OwnSteps(), admin);
  EXPECT_EQ(unknown.status, 404u) << unknown.body;
  EXPECT_EQ(
      c_->Get(std::string("/api/v1/agencies/") + kOffice + "/processes/9.999999", admin).status,
      404u);
}

TEST_P(ProcessesTest, StepsThatBreakTheRulesOrDoNotResolveAreRefused) {
  auto admin = Login("quantri");
  struct Case {
    const char* name;
    std::string target;
    json::array steps;
    std::string field;
  };
  auto own_with = [](std::size_t i, json::object step) {
    json::array steps = OwnSteps();
    steps[i] = std::move(step);
    return steps;
  };
  const std::string commune =
      std::string("/api/v1/agencies/000.21.99.H48/processes/") + kLand;  // xã Trà Sơn
  const std::vector<Case> cases{
      // No such unit under the district; no province unit TNMT in the demo.
      {"unknown unit", kProcess,
       own_with(1, Step("Thẩm định", "specialist", 56, "district", "XYZ")), "steps[1].unit"},
      {"no province unit", commune,
       own_with(2, Step("Phê duyệt", "leader", 12, "province", "TNMT")), "steps[2].unit"},
      {"unknown relative agency", kProcess,
       own_with(1, Step("Thẩm định", "specialist", 56, "commune")), "steps[1].agency"},
      {"unknown role", kProcess, own_with(1, Step("Thẩm định", "chief", 56)), "steps[1].role"},
      // The hours must add up to the procedure's 10 days (80 h).
      {"hours", kProcess, own_with(1, Step("Thẩm định", "specialist", 50, "district", "TNMT")),
       "steps"},
      {"last not reception", kProcess, own_with(3, Step("Trả kết quả", "leader", 4)), "steps"},
      {"last elsewhere", kProcess, own_with(3, Step("Trả kết quả", "reception", 4, "district")),
       "steps[3].agency"},
      {"one step", kProcess, json::array{Step("Trả kết quả", "reception", 80)}, "steps"},
  };
  for (const auto& c : cases) {
    auto r = Put(c.target, c.steps, admin);
    ASSERT_EQ(r.status, 422u) << c.name << " " << r.body;
    EXPECT_EQ(r.json().at("error").at("code"), "validation_failed") << c.name;
    EXPECT_TRUE(r.json().at("error").at("details").as_object().contains(c.field))
        << c.name << " " << r.body;
  }
  // Nothing was saved.
  EXPECT_EQ(c_->Get(kProcess, admin).status, 404u);
  EXPECT_EQ(c_->Get(commune, admin).status, 404u);
  // A body that is not the step form: 422 naming the member.
  auto r = c_->Send(verb::put, kProcess, R"({"steps":[],"extra":1})",
                    {{"Content-Type", "application/json"},
                     {"Cookie", admin.at("Cookie")},
                     {"X-CSRF-Token", admin.at("X-CSRF-Token")}});
  EXPECT_EQ(r.status, 422u) << r.body;
}

}  // namespace
}  // namespace egov::testing
