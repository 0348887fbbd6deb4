// The process resolved for each dossier (issue 10 part B; docs/workflow.md, "Step agencies")
// over real HTTP on both engines, with the demo world: one procedure, relative steps, run by the
// receiving agency's own units — a commune's dossier stays the commune's, a land dossier goes to
// the land department of the district that received it — and nobody else sees it (404 for
// reading, files and actions). A step that has no agency for the receiving one refuses the
// intake with 422 naming it, and nothing is created.
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

constexpr const char* kBirth = "1.001193";  // commune level: every step at the receiving commune
constexpr const char* kLand = "1.012789";   // district level: {"agency":"district","unit":"TNMT"}
const std::string kPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n";

class ResolveTest : public DemoServerTest {
 protected:
  void SetUp() override { ServeDemo(); }
  Headers Login(const std::string& user) { return SignIn(*c_, user); }
  json::object IntakeBody(const std::string& procedure_code) {
    json::array components = CatalogComponents(*c_, procedure_code);
    return json::object{{"procedure_code", procedure_code},
                        {"channel", "direct"},
                        {"applicant", json::object{{"full_name", "Lê Văn Tám"},
                                                   {"id_number", "051090007788"},
                                                   {"phone", "0905 111 222"},
                                                   {"address", "Thôn 2, tỉnh Quảng Ngãi"}}},
                        {"components", std::move(components)}};
  }
  HttpResponse Intake(const std::string& procedure_code, const Headers& who) {
    return c_->Post("/api/v1/dossiers", json::serialize(IntakeBody(procedure_code)),
                    "application/json", who);
  }
  json::object Received(const std::string& procedure_code, const Headers& who) {
    auto r = Intake(procedure_code, who);
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.status == 201u ? r.json().as_object() : json::object{};
  }
  HttpResponse Upload(const std::string& code, const std::string& component, const Headers& who) {
    const std::string body =
        "--B0undary\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\n" + component +
        "\r\n--B0undary\r\nContent-Disposition: form-data; name=\"file\"; "
        "filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n" +
        kPdf + "\r\n--B0undary--\r\n";
    return c_->Post("/api/v1/dossiers/" + code + "/files", body,
                    "multipart/form-data; boundary=B0undary", who);
  }
  HttpResponse Act(const std::string& code, const Headers& who, const json::object& body) {
    return c_->Post("/api/v1/dossiers/" + code + "/actions", json::serialize(body),
                    "application/json", who);
  }
  std::int64_t Count(const Headers& who) {
    return c_->Get("/api/v1/dossiers", who).json().at("total").as_int64();
  }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }
  static std::vector<std::string> StepAgencies(const json::object& d) {
    std::vector<std::string> out;
    for (const auto& s : d.at("steps").as_array()) out.push_back(Str(s.at("agency_code")));
    return out;
  }
  // The first component's name of a procedure.
  std::string Component(const std::string& procedure_code) {
    return Str(
        c_->Get("/api/v1/procedures/" + procedure_code).json().at("components").at(0).at("name"));
  }
};

INSTANTIATE_TEST_SUITE_P(Engines, ResolveTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(ResolveTest, ACommunesDossierIsItsOwnAndHiddenFromTheNeighbouringCommune) {
  auto tra_giang = Login("tiepnhan.tragiang");
  auto d = Received(kBirth, tra_giang);
  const std::string code = Str(d.at("code"));
  EXPECT_EQ(code.rfind("000.22.99.H48-", 0), 0u) << code;
  EXPECT_EQ(StepAgencies(d), (std::vector<std::string>{"000.22.99.H48", "000.22.99.H48",
                                                       "000.22.99.H48", "000.22.99.H48"}));
  EXPECT_EQ(d.at("competent_agency"), "000.22.99.H48");
  auto uploaded = Upload(code, Component(kBirth), tra_giang);
  ASSERT_EQ(uploaded.status, 201u) << uploaded.body;
  const std::string sha = Str(uploaded.json().at("sha256"));
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code + "/files/" + sha, tra_giang).status, 200u);

  // xã Trà Sơn's reception officer: nothing of it, 404 before any other check.
  auto tra_son = Login("tiepnhan.traso");
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code, tra_son).status, 404u);
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code + "/files/" + sha, tra_son).status, 404u);
  EXPECT_EQ(Upload(code, Component(kBirth), tra_son).status, 404u);
  EXPECT_EQ(Act(code, tra_son, {{"action", "forward"}}).status, 404u);
  EXPECT_EQ(Act(code, tra_son, {{"action", "refuse"}, {"reason", "Không"}}).status, 404u);
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code + "/forms/receipt.pdf", tra_son).status, 404u);
  EXPECT_EQ(Count(tra_son), 0);
  EXPECT_EQ(Count(tra_giang), 1);

  // The same procedure received at Trà Sơn is Trà Sơn's, and Trà Giang does not see it.
  auto own = Received(kBirth, tra_son);
  EXPECT_EQ(StepAgencies(own)[1], "000.21.99.H48");
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + Str(own.at("code")), tra_giang).status, 404u);
  EXPECT_EQ(Count(tra_son), 1);
  EXPECT_EQ(Count(tra_giang), 1);
  // The district above both sees both (its subtree).
  EXPECT_EQ(Count(Login("lanhdao")), 2);
}

TEST_P(ResolveTest, ALandDossierGoesToTheLandDepartmentOfTheDistrictThatReceivedIt) {
  auto binh_son = Login("tiepnhan.binhson");
  auto d = Received(kLand, binh_son);
  const std::string code = Str(d.at("code"));
  EXPECT_EQ(code.rfind("000.01.53.H48-", 0), 0u) << code;
  EXPECT_EQ(StepAgencies(d), (std::vector<std::string>{"000.01.53.H48", "000.02.53.H48",
                                                       "000.02.53.H48", "000.01.53.H48"}));
  EXPECT_EQ(d.at("competent_agency"), "000.02.53.H48");

  // Trà Bồng's land specialist (and its land leader): 404 for reading, uploading (a leader may
  // not upload at all: 403 for the role, whatever the dossier) and acting.
  for (const char* stranger : {"chuyenvien.tnmt", "lanhdao.tnmt"}) {
    auto who = Login(stranger);
    EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code, who).status, 404u) << stranger;
    EXPECT_EQ(Act(code, who, {{"action", "forward"}}).status, 404u) << stranger;
    EXPECT_EQ(Count(who), 0) << stranger;
  }
  EXPECT_EQ(Upload(code, Component(kLand), Login("chuyenvien.tnmt")).status, 404u);
  // Bình Sơn's own land specialist sees it, uploads into it and acts on it.
  auto specialist = Login("chuyenvien.tnmt.binhson");
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code, specialist).status, 200u);
  EXPECT_EQ(Count(specialist), 1);
  auto upload = Upload(code, Component(kLand), specialist);
  EXPECT_EQ(upload.status, 201u) << upload.body;
  auto forwarded = Act(code, binh_son, {{"action", "forward"}});
  ASSERT_EQ(forwarded.status, 200u) << forwarded.body;
  EXPECT_EQ(forwarded.json().at("current_step").at("agency_code"), "000.02.53.H48");
  auto reviewed = Act(code, specialist, {{"action", "forward"}});
  EXPECT_EQ(reviewed.status, 200u) << reviewed.body;
  // Trà Bồng's specialist still cannot, nor its district's reception.
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code, Login("tiepnhan")).status, 404u);

  // The same procedure received at Trà Bồng's office, or at xã Trà Sơn under it, goes to Trà
  // Bồng's land department; Bình Sơn's does not see those.
  auto tra_bong = Received(kLand, Login("tiepnhan"));
  EXPECT_EQ(StepAgencies(tra_bong)[1], "000.02.99.H48");
  auto at_commune = Received(kLand, Login("tiepnhan.traso"));
  EXPECT_EQ(StepAgencies(at_commune), (std::vector<std::string>{"000.21.99.H48", "000.02.99.H48",
                                                                "000.02.99.H48", "000.21.99.H48"}));
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + Str(tra_bong.at("code")), specialist).status, 404u);
  EXPECT_EQ(Count(specialist), 1);
  EXPECT_EQ(Count(Login("chuyenvien.tnmt")), 2);
}

TEST_P(ResolveTest, AStepWithoutAnAgencyForTheReceivingOneRefusesTheIntake) {
  auto admin = Login("quantri.tinh");
  // A procedure whose review is done by a unit no district has, and one whose review is done by
  // the province's land department, which the demo's province does not have.
  auto procedure = [&](const std::string& code, const json::object& review) {
    json::object step = review;
    step["name"] = "Thẩm định";
    step["role"] = "specialist";
    step["hours"] = 6;
    json::object p{
        {"code", code},
        {"name", "Thủ tục thử"},
        {"field", "Đất đai"},
        {"level", "district"},
        {"time_limit", json::object{{"days", 1}}},
        {"fee", json::object{{"amount", 0}}},
        {"components", json::array{json::object{
                           {"name", "Đơn"}, {"original", 1}, {"certified", 0}, {"copy", 0}}}},
        {"steps",
         json::array{json::object{{"name", "Tiếp nhận"}, {"role", "reception"}, {"hours", 1}}, step,
                     json::object{{"name", "Trả kết quả"}, {"role", "reception"}, {"hours", 1}}}}};
    auto r = c_->Post("/api/v1/procedures", json::serialize(p), "application/json", admin);
    EXPECT_EQ(r.status, 201u) << r.body;
  };
  procedure("1.900001", {{"agency", "district"}, {"unit", "XYZ"}});
  procedure("1.900002", {{"agency", "province"}, {"unit", "TNMT"}});
  procedure("1.900003", {{"agency", "district"}});
  auto tra_son = Login("tiepnhan.traso");
  const auto before = Count(Login("lanhdao"));
  for (const char* code : {"1.900001", "1.900002"}) {
    auto r = Intake(code, tra_son);
    ASSERT_EQ(r.status, 422u) << code << " " << r.body;
    const auto answer = r.json();
    EXPECT_EQ(answer.at("error").at("code"), "validation_failed");
    EXPECT_TRUE(answer.at("error").at("details").as_object().contains("steps[1].unit")) << r.body;
  }
  // Resolvable: the district itself, from the commune under it.
  auto fine = Received("1.900003", tra_son);
  EXPECT_EQ(StepAgencies(fine)[1], "000.00.99.H48");
  EXPECT_EQ(Count(Login("lanhdao")), before + 1) << "the refused intakes created nothing";
  // A reception officer of the province itself has no district above: steps[1].agency.
  auto user = c_->Post("/api/v1/users",
                       json::serialize(json::object{{"username", "tiepnhan.tinh"},
                                                    {"full_name", "Một cửa tỉnh"},
                                                    {"password", "Mot-cua-tinh-2026"},
                                                    {"agency_code", "000.00.00.H48"},
                                                    {"roles", json::array{"reception"}}}),
                       "application/json", admin);
  ASSERT_EQ(user.status, 201u) << user.body;
  auto login = c_->Post("/api/v1/auth/login",
                        R"({"username":"tiepnhan.tinh","password":"Mot-cua-tinh-2026"})");
  ASSERT_EQ(login.status, 200u) << login.body;
  std::string cookie = login.header("set-cookie");
  Headers province{{"Cookie", cookie.substr(0, cookie.find(';'))},
                   {"X-CSRF-Token", Str(login.json().at("csrf_token"))}};
  const auto everywhere = Count(province);  // the province's subtree: every dossier
  auto r = Intake("1.900003", province);
  ASSERT_EQ(r.status, 422u) << r.body;
  EXPECT_TRUE(r.json().at("error").at("details").as_object().contains("steps[1].agency")) << r.body;
  EXPECT_EQ(Count(province), everywhere);
  // A relative step beside an absolute code is refused when the procedure is saved.
  json::object p{
      {"code", "1.900004"},
      {"name", "Thủ tục thử"},
      {"field", "Đất đai"},
      {"time_limit", json::object{{"hours", 3}}},
      {"fee", json::object{{"amount", 0}}},
      {"components",
       json::array{json::object{{"name", "Đơn"}, {"original", 1}, {"certified", 0}, {"copy", 0}}}},
      {"steps", json::array{json::object{{"name", "A"}, {"role", "reception"}, {"hours", 1}},
                            json::object{{"name", "B"},
                                         {"role", "specialist"},
                                         {"hours", 1},
                                         {"agency_code", "000.02.99.H48"},
                                         {"unit", "TNMT"}},
                            json::object{{"name", "C"}, {"role", "reception"}, {"hours", 1}}}}};
  auto saved = c_->Post("/api/v1/procedures", json::serialize(p), "application/json", admin);
  EXPECT_EQ(saved.status, 422u) << saved.body;
  p["steps"].as_array()[1].as_object().erase("agency_code");
  p["steps"].as_array()[1].as_object()["agency"] = "commune";
  saved = c_->Post("/api/v1/procedures", json::serialize(p), "application/json", admin);
  EXPECT_EQ(saved.status, 422u) << saved.body;
  EXPECT_TRUE(saved.json().at("error").at("details").as_object().contains("steps[1].agency"));
}

}  // namespace
}  // namespace egov::testing
