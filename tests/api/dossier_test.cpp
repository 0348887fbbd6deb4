// Dossier intake over real HTTP on both engines: codes per agency and day (200 parallel
// intakes give 200 distinct consecutive codes), appointments from the calendar, idempotent
// retries, bad input refused without a trace, online submission then acceptance, visibility
// and the citizen's public lookup.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>
#include <thread>

#include "demo_api.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;

json::object Birth(const std::string& name = "Nguyễn Thị Ánh Tuyết") {
  return json::object{
      {"procedure_code", "1.001193"},
      {"channel", "direct"},
      {"applicant", json::object{{"full_name", name},
                                 {"id_number", "051090001234"},
                                 {"phone", "0912 345 678"},
                                 {"email", "tuyet@example.vn"},
                                 {"address", "Thôn 1, xã Trà Sơn, huyện Trà Bồng"}}},
      {"components", json::array{}}};  // filled from the catalog in SetUp
}

class DossierTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto r = RunEgov({"demo", "--no-dossiers", "--db", db_.url()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The demo's birth registration components, as the catalog has them.
    server_ = std::make_unique<EgovServer>(db_.url(),
                                           std::vector<std::string>{"--public-rate-limit", "0"});
    c_ = std::make_unique<HttpClient>(server_->host(), server_->port());
    components_ = CatalogComponents(*c_, "1.001193");
    reception_ = Login("tiepnhan.traso");  // UBND xã Trà Sơn: birth registration is communal
  }
  std::map<std::string, std::string> Login(const std::string& user) { return SignIn(*c_, user); }
  json::object Body() {
    auto body = Birth();
    body["components"] = components_;
    return body;
  }
  HttpResponse Intake(const json::object& body, std::map<std::string, std::string> headers = {}) {
    for (auto& [k, v] : reception_) headers[k] = v;
    return c_->Post("/api/v1/dossiers", json::serialize(body), "application/json", headers);
  }
  std::int64_t Count(const std::map<std::string, std::string>& who) {
    return c_->Get("/api/v1/dossiers", who).json().at("total").as_int64();
  }
  TestDatabase db_{GetParam()};
  std::unique_ptr<EgovServer> server_;
  std::unique_ptr<HttpClient> c_;
  std::map<std::string, std::string> reception_;
  json::array components_;
};

INSTANTIATE_TEST_SUITE_P(Engines, DossierTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(DossierTest, IntakeGivesACodeAnAppointmentAndAnEvent) {
  auto r = Intake(Body());
  ASSERT_EQ(r.status, 201u) << r.body;
  auto d = r.json().as_object();
  std::string code(d.at("code").as_string());
  EXPECT_EQ(code.rfind("000.21.99.H48-", 0), 0u) << code;
  EXPECT_EQ(code.substr(code.size() - 5), "-0001");
  EXPECT_EQ(d.at("status"), "processing");
  EXPECT_EQ(d.at("channel"), "direct");
  EXPECT_EQ(d.at("procedure_version"), 1);
  EXPECT_FALSE(d.at("due_at").is_null());
  EXPECT_GE(d.at("due_at").as_string(), d.at("received_at").as_string());
  EXPECT_EQ(d.at("current_step").at("index"), 0);
  EXPECT_EQ(d.at("events").as_array().size(), 1u);
  EXPECT_EQ(d.at("events").at(0).at("action"), "intake");
  EXPECT_EQ(d.at("public_token").as_string().size(), 32u);
  EXPECT_EQ(d.at("applicant").at("phone"), "0912345678");
  auto again = c_->Get("/api/v1/dossiers/" + code, reception_);
  EXPECT_EQ(again.status, 200u);
  auto second = Intake(Body()).json();
  EXPECT_EQ(std::string(second.at("code").as_string()).substr(code.size() - 5), "-0002");
}

TEST_P(DossierTest, ParallelIntakesGetDistinctConsecutiveCodes) {
  constexpr int kIntakes = 200;
  std::vector<std::future<std::string>> futures;
  auto body = json::serialize(Body());
  for (int w = 0; w < 8; ++w) {
    futures.push_back(std::async(std::launch::async, [&, w] {
      HttpClient client(server_->host(), server_->port());
      std::string codes;
      for (int i = w; i < kIntakes; i += 8) {
        auto r = client.Post("/api/v1/dossiers", body, "application/json", reception_);
        if (r.status != 201u) return "error " + std::to_string(r.status) + " " + r.body;
        codes += std::string(r.json().at("code").as_string()) + "\n";
      }
      return codes;
    }));
  }
  std::set<int> numbers;
  std::set<std::string> prefixes;
  for (auto& f : futures) {
    std::string codes = f.get();
    ASSERT_EQ(codes.rfind("error", 0), std::string::npos) << codes;
    for (size_t pos = 0; pos < codes.size();) {
      auto nl = codes.find('\n', pos);
      std::string code = codes.substr(pos, nl - pos);
      pos = nl + 1;
      prefixes.insert(code.substr(0, code.rfind('-')));
      numbers.insert(std::stoi(code.substr(code.rfind('-') + 1)));
    }
  }
  ASSERT_EQ(prefixes.size(), 1u) << "all on one day at one agency";
  ASSERT_EQ(numbers.size(), static_cast<size_t>(kIntakes)) << "no duplicates";
  EXPECT_EQ(*numbers.begin(), 1);
  EXPECT_EQ(*numbers.rbegin(), kIntakes) << "no gaps";
}

TEST_P(DossierTest, ListFiltersByStatusTextDatesAndPages) {
  ASSERT_EQ(Intake(Body()).status, 201u);
  auto other = Body();
  other["applicant"].as_object()["full_name"] = "Đặng Văn Đức";
  auto second = Intake(other);
  ASSERT_EQ(second.status, 201u) << second.body;
  const std::string today(second.json().at("received_at").as_string().subview(0, 10));
  auto list = [&](const std::string& query) {
    auto r = c_->Get("/api/v1/dossiers" + query, reception_);
    EXPECT_EQ(r.status, 200u) << query << " " << r.body;
    return r.json();
  };
  EXPECT_EQ(list("").at("total").as_int64(), 2);
  auto found = list("?q=dang+van+duc");  // the applicant, without diacritics
  ASSERT_EQ(found.at("total").as_int64(), 1);
  EXPECT_EQ(found.at("items").at(0).at("code"), second.json().at("code"));
  EXPECT_EQ(list("?status=processing").at("total").as_int64(), 2);
  EXPECT_EQ(list("?status=submitted").at("total").as_int64(), 0);
  EXPECT_EQ(list("?overdue=true").at("total").as_int64(), 0);
  EXPECT_EQ(list("?received_from=" + today + "&received_to=" + today).at("total").as_int64(), 2);
  EXPECT_EQ(list("?received_to=2020-01-01").at("total").as_int64(), 0);
  auto page = list("?per_page=1&page=2");
  EXPECT_EQ(page.at("total").as_int64(), 2);
  EXPECT_EQ(page.at("page").as_int64(), 2);
  EXPECT_EQ(page.at("per_page").as_int64(), 1);
  EXPECT_EQ(page.at("items").as_array().size(), 1u);
  // Bad filters name the parameter.
  auto bad_date = c_->Get("/api/v1/dossiers?received_from=2026-13-01", reception_);
  EXPECT_EQ(bad_date.status, 422u);
  EXPECT_TRUE(bad_date.json().at("error").at("details").as_object().contains("received_from"))
      << bad_date.body;
  EXPECT_EQ(c_->Get("/api/v1/dossiers?status=lost", reception_).status, 422u);
  EXPECT_EQ(c_->Get("/api/v1/dossiers?overdue=maybe", reception_).status, 422u);
  EXPECT_EQ(c_->Get("/api/v1/dossiers?per_page=501", reception_).status, 422u);
}

TEST_P(DossierTest, IdempotencyKeyReturnsTheFirstDossier) {
  auto first = Intake(Body(), {{"Idempotency-Key", "quay-1-abc"}});
  auto second = Intake(Body(), {{"Idempotency-Key", "quay-1-abc"}});
  ASSERT_EQ(first.status, 201u);
  ASSERT_EQ(second.status, 201u);
  EXPECT_EQ(first.json().at("code"), second.json().at("code"));
  EXPECT_EQ(Count(reception_), 1);
  auto third = Intake(Body(), {{"Idempotency-Key", "quay-1-def"}});
  EXPECT_NE(third.json().at("code"), first.json().at("code"));
}

TEST_P(DossierTest, IdempotencyKeyReplayedWithAnotherBodyIsRefused) {
  auto first = Intake(Body(), {{"Idempotency-Key", "quay-2-abc"}});
  ASSERT_EQ(first.status, 201u) << first.body;
  // The same key, another applicant: not the first dossier, and no second one.
  auto other = Body();
  other["applicant"].as_object()["full_name"] = "Trần Văn Khác";
  auto refused = Intake(other, {{"Idempotency-Key", "quay-2-abc"}});
  EXPECT_EQ(refused.status, 422u) << refused.body;
  EXPECT_EQ(refused.json().at("error").at("code"), "validation_failed");
  EXPECT_TRUE(refused.json().at("error").at("details").as_object().contains("Idempotency-Key"))
      << refused.body;
  EXPECT_EQ(refused.body.find(std::string(first.json().at("code").as_string())), std::string::npos);
  auto fewer = Body();
  fewer["components"].as_array()[0].as_object()["copy"] = 1;
  EXPECT_EQ(Intake(fewer, {{"Idempotency-Key", "quay-2-abc"}}).status, 422u);
  EXPECT_EQ(Count(reception_), 1);
  // The same request again, its members in another order: still the first dossier.
  json::object reordered;
  auto body = Body();
  for (const char* key : {"components", "applicant", "channel", "procedure_code"}) {
    reordered[key] = body[key];
  }
  auto again = Intake(reordered, {{"Idempotency-Key", "quay-2-abc"}});
  ASSERT_EQ(again.status, 201u) << again.body;
  EXPECT_EQ(again.json().at("code"), first.json().at("code"));
  EXPECT_EQ(Count(reception_), 1);
  // Online submissions too: same key, phone and agency, another address.
  auto online = Body();
  online["channel"] = "online";
  online["agency_code"] = "000.21.99.H48";
  const std::map<std::string, std::string> key{{"Idempotency-Key", "web-xyz"}};
  auto submitted =
      c_->Post("/api/v1/public/submissions", json::serialize(online), "application/json", key);
  ASSERT_EQ(submitted.status, 201u) << submitted.body;
  auto resent =
      c_->Post("/api/v1/public/submissions", json::serialize(online), "application/json", key);
  ASSERT_EQ(resent.status, 201u) << resent.body;
  EXPECT_EQ(resent.json().at("code"), submitted.json().at("code"));
  online["applicant"].as_object()["address"] = "Thôn 9, xã Trà Sơn";
  auto changed =
      c_->Post("/api/v1/public/submissions", json::serialize(online), "application/json", key);
  EXPECT_EQ(changed.status, 422u) << changed.body;
  EXPECT_TRUE(changed.json().at("error").at("details").as_object().contains("Idempotency-Key"));
  EXPECT_EQ(c_->Get("/api/v1/dossiers?status=submitted", reception_).json().at("total"), 1);
}

TEST_P(DossierTest, OnlineSubmissionGoesOnlyWhereThePublicListOffersIt) {
  auto submit = [&](const std::string& agency, const std::string& procedure = "1.001193") {
    auto body = Body();
    body["channel"] = "online";
    body["agency_code"] = agency;
    body["procedure_code"] = procedure;
    return c_->Post("/api/v1/public/submissions", json::serialize(body));
  };
  // The province, the district itself and its land department are real agencies without a
  // one-stop counter; the district's office has one, but the list offers it for district
  // procedures only, not for this commune one.
  auto offered = c_->Get("/api/v1/public/agencies?level=commune").json();
  std::set<std::string> commune_codes;
  for (const auto& a : offered.at("items").as_array())
    commune_codes.emplace(a.at("code").as_string());
  ASSERT_TRUE(commune_codes.contains("000.21.99.H48"));
  for (const char* agency : {"000.00.00.H48", "000.00.99.H48", "000.02.99.H48", "000.01.99.H48"}) {
    ASSERT_FALSE(commune_codes.contains(agency)) << agency;
    auto r = submit(agency);
    EXPECT_EQ(r.status, 422u) << agency << " " << r.body;
    EXPECT_TRUE(r.json().at("error").at("details").as_object().contains("agency_code"))
        << agency << " " << r.body;
  }
  auto unknown = submit("000.98.99.H48");
  EXPECT_EQ(unknown.status, 422u);
  EXPECT_TRUE(unknown.json().at("error").at("details").as_object().contains("agency_code"));
  EXPECT_EQ(c_->Get("/api/v1/dossiers?status=submitted", Login("quantri")).json().at("total"), 0);
  // Where the list offers it, the submission is taken.
  auto ok = submit("000.21.99.H48");
  EXPECT_EQ(ok.status, 201u) << ok.body;
}

TEST_P(DossierTest, ComponentCountsMustBeSmallWholeNumbers) {
  // 4294967297 = 2^32 + 1 once wrapped to 1 copy; each bad count is refused by name.
  for (const json::value& bad :
       {json::value(4294967297LL), json::value(-1), json::value(21), json::value(1.5),
        json::value("1"), json::value(18446744073709551615ULL)}) {
    auto body = Body();
    body["components"].as_array()[0].as_object()["original"] = bad;
    auto r = Intake(body);
    EXPECT_EQ(r.status, 422u) << json::serialize(bad) << " " << r.body;
    if (r.status == 422u) {
      EXPECT_TRUE(r.json().at("error").at("details").as_object().contains("components[0].original"))
          << r.body;
    }
    auto online = body;
    online["channel"] = "online";
    online["agency_code"] = "000.21.99.H48";
    EXPECT_EQ(c_->Post("/api/v1/public/submissions", json::serialize(online)).status, 422u)
        << json::serialize(bad);
  }
  EXPECT_EQ(Count(Login("quantri")), 0);
}

TEST_P(DossierTest, ControlAndBidiCharactersAreRefusedAndNothingIsStored) {
  struct Case {
    const char* field;
    std::string value;
  };
  constexpr char kWithNul[] = "Nguyễn\0Văn A";
  const std::vector<Case> cases = {
      {"full_name", std::string(kWithNul, sizeof kWithNul - 1)},
      {"full_name", "Nguyễn \x1b[31mVăn A"},
      {"full_name", "Nguyễn Văn A\x7f"},
      {"full_name", "Nguyễn \xc2\x85Văn A"},  // U+0085, a C1 control
      {"address",
       "Thôn 1 \xe2\x80\xae"
       "ab.exe"},                                    // U+202E right-to-left override
      {"address", "Thôn 1 \xe2\x81\xa6xã Trà Sơn"},  // U+2066 left-to-right isolate
      {"full_name", "Nguyễn\xe2\x80\x8f Văn A"},     // U+200F right-to-left mark
      {"address", "Thôn 1\nxã Trà Sơn"},             // one-line field
      {"full_name", "Nguyễn\tVăn A"},
  };
  for (const auto& c : cases) {
    auto body = Body();
    body["applicant"].as_object()[c.field] = c.value;
    auto r = Intake(body);
    EXPECT_EQ(r.status, 422u) << c.field << " " << r.body;
    if (r.status == 422u) {
      EXPECT_TRUE(r.json().at("error").at("details").as_object().contains(
          std::string("applicant.") + c.field))
          << r.body;
    }
    auto online = body;
    online["channel"] = "online";
    online["agency_code"] = "000.21.99.H48";
    EXPECT_EQ(c_->Post("/api/v1/public/submissions", json::serialize(online)).status, 422u)
        << c.field;
  }
  auto component = Body();
  component["components"].as_array()[0].as_object()["name"] = "Tờ khai\x1b";
  auto r = Intake(component);
  EXPECT_EQ(r.status, 422u);
  EXPECT_TRUE(r.json().at("error").at("details").as_object().contains("components[0].name"))
      << r.body;
  EXPECT_EQ(Count(Login("quantri")), 0);
  // A reason may span lines; a control character in it is still refused.
  auto online = Body();
  online["channel"] = "online";
  online["agency_code"] = "000.21.99.H48";
  auto sub = c_->Post("/api/v1/public/submissions", json::serialize(online));
  ASSERT_EQ(sub.status, 201u) << sub.body;
  std::string code(sub.json().at("code").as_string());
  auto ask = [&](const std::string& reason) {
    return c_->Post("/api/v1/dossiers/" + code + "/actions",
                    json::serialize(json::object{{"action", "request_supplement"},
                                                 {"reason", reason},
                                                 {"missing", json::array{"Giấy chứng sinh"}}}),
                    "application/json", reception_);
  };
  auto bell = ask("Giấy mờ\a");
  EXPECT_EQ(bell.status, 422u) << bell.body;
  EXPECT_TRUE(bell.json().at("error").at("details").as_object().contains("reason")) << bell.body;
  auto lines = ask("Giấy chứng sinh bị mờ.\nXin nộp lại bản rõ.");
  ASSERT_EQ(lines.status, 200u) << lines.body;
  std::string note(lines.json().at("events").as_array().back().at("note").as_string());
  EXPECT_NE(note.find("Giấy chứng sinh bị mờ."), std::string::npos) << note;
  EXPECT_NE(note.find("Xin nộp lại bản rõ."), std::string::npos) << note;
}

TEST_P(DossierTest, ConcurrentRepeatsOfOneIdempotencyKeyMakeOneDossier) {
  // Eight clients send the same keyed intake at once, three rounds with fresh keys: each
  // round gives one dossier, and every client gets its code. A repeat that loses the race
  // fails on the unique key inside its transaction; the next intakes must still work.
  auto body = json::serialize(Body());
  std::set<std::string> all;
  for (int round = 0; round < 3; ++round) {
    const std::string key = "quay-dong-thoi-" + std::to_string(round);
    std::vector<std::future<std::string>> futures;
    for (int w = 0; w < 8; ++w) {
      futures.push_back(std::async(std::launch::async, [&] {
        HttpClient client(server_->host(), server_->port());
        auto headers = reception_;
        headers["Idempotency-Key"] = key;
        auto r = client.Post("/api/v1/dossiers", body, "application/json", headers);
        if (r.status != 201u) return "error " + std::to_string(r.status) + " " + r.body;
        return std::string(r.json().at("code").as_string());
      }));
    }
    std::set<std::string> codes;
    for (auto& f : futures) codes.insert(f.get());
    ASSERT_EQ(codes.size(), 1u) << *codes.begin();
    ASSERT_EQ(codes.begin()->rfind("error", 0), std::string::npos) << *codes.begin();
    all.insert(*codes.begin());
  }
  EXPECT_EQ(all.size(), 3u);
  EXPECT_EQ(Count(reception_), 3);
  auto after = Intake(Body());
  ASSERT_EQ(after.status, 201u) << after.body;
  EXPECT_EQ(Count(reception_), 4);
}

TEST_P(DossierTest, BadInputIsRefusedAndLeavesNoTrace) {
  struct Case {
    const char* field;
    std::function<void(json::object&)> breakit;
  };
  std::vector<Case> cases = {
      {"procedure_code", [](json::object& b) { b["procedure_code"] = "9.999999"; }},
      {"components", [](json::object& b) { b["components"].as_array().pop_back(); }},
      {"components",
       [](json::object& b) {
         b["components"].as_array().push_back(json::object{{"name", "Giấy lạ"}, {"original", 1}});
       }},
      {"applicant.phone", [](json::object& b) { b["applicant"].as_object()["phone"] = "12345"; }},
      {"applicant.id_number",
       [](json::object& b) { b["applicant"].as_object()["id_number"] = "12345678901"; }},
      {"applicant.email",
       [](json::object& b) { b["applicant"].as_object()["email"] = "không-phải-email"; }},
      {"applicant.full_name",
       [](json::object& b) { b["applicant"].as_object()["full_name"] = "  "; }},
      {"channel", [](json::object& b) { b["channel"] = "online"; }},
      {"applicant", [](json::object& b) { b.erase("applicant"); }},
      // Shapes, named by their full path from the body.
      {"applicant.full_name",
       [](json::object& b) { b["applicant"].as_object().erase("full_name"); }},
      {"applicant.nickname", [](json::object& b) { b["applicant"].as_object()["nickname"] = "A"; }},
      {"components[0].copy",
       [](json::object& b) { b["components"].as_array()[0].as_object()["copy"] = "một"; }},
      {"components[1]", [](json::object& b) { b["components"].as_array()[1] = "Tờ khai"; }},
  };
  for (auto& c : cases) {
    auto body = Body();
    c.breakit(body);
    auto r = Intake(body);
    EXPECT_EQ(r.status, 422u) << c.field << " " << r.body;
    if (r.status == 422u) {
      EXPECT_TRUE(r.json().at("error").at("details").as_object().contains(c.field))
          << c.field << " " << r.body;
    }
  }
  EXPECT_EQ(Count(reception_), 0);
  // The next good intake still gets number 0001: refused ones consumed none.
  auto ok = Intake(Body());
  ASSERT_EQ(ok.status, 201u) << ok.body;
  std::string code(ok.json().at("code").as_string());
  EXPECT_EQ(code.substr(code.size() - 5), "-0001");
}

TEST_P(DossierTest, OnlyReceptionReceivesAndOtherAgenciesCannotSeeIt) {
  auto clerk = Login("vanthu");
  auto refused = c_->Post("/api/v1/dossiers", json::serialize(Body()), "application/json", clerk);
  EXPECT_EQ(refused.status, 403u);
  EXPECT_EQ(refused.json().at("error").at("code").as_string(), "forbidden");
  EXPECT_EQ(Count(reception_), 0);  // and the refusal consumed no number: the next is 0001
  auto d = Intake(Body()).json();
  EXPECT_TRUE(d.at("code").as_string().ends_with("-0001")) << d;
  std::string code(d.at("code").as_string());
  // The district's reception is an ancestor? No: VP is a sibling office of the commune.
  auto other = Login("tiepnhan");
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code, other).status, 404u);
  EXPECT_EQ(Count(other), 0);
  // The district admin (parent of the commune) sees it.
  auto district = Login("quantri");
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code, district).status, 200u);
}

TEST_P(DossierTest, PublicLookupShowsStatusAndAMaskedName) {
  auto d = Intake(Body()).json();
  std::string code(d.at("code").as_string());
  auto r = c_->Get("/api/v1/public/dossiers/" + code);
  ASSERT_EQ(r.status, 200u);
  auto p = r.json().as_object();
  EXPECT_EQ(p.at("applicant_name"), "N***** T** Á** T****");
  EXPECT_EQ(p.at("status"), "processing");
  EXPECT_EQ(p.at("status_label"), "Đang giải quyết");
  EXPECT_EQ(p.at("procedure_name"), "Thủ tục đăng ký khai sinh");
  EXPECT_EQ(p.at("due_at"), d.at("due_at"));
  for (const char* hidden :
       {"0912345678", "051090001234", "Trà Sơn, huyện", "public_token", "tuyet@"}) {
    EXPECT_EQ(r.body.find(hidden), std::string::npos) << hidden;
  }
  EXPECT_EQ(c_->Get("/api/v1/public/dossiers/000.21.99.H48-200101-0001").status, 404u);
}

TEST_P(DossierTest, OnlineSubmissionThenAcceptance) {
  auto body = Body();
  body["channel"] = "online";
  body["agency_code"] = "000.21.99.H48";
  auto r = c_->Post("/api/v1/public/submissions", json::serialize(body));
  ASSERT_EQ(r.status, 201u) << r.body;
  auto sub = r.json().as_object();
  EXPECT_EQ(sub.at("status"), "submitted");
  std::string code(sub.at("code").as_string());
  json::value before;
  for (int i = 0; i < 20; ++i) before = c_->Get("/api/v1/public/dossiers/" + code).json();
  EXPECT_TRUE(before.at("received_at").is_null());
  EXPECT_TRUE(before.at("due_at").is_null());
  auto queue = c_->Get("/api/v1/dossiers?status=submitted", reception_).json();
  ASSERT_EQ(queue.at("total").as_int64(), 1);
  auto accepted = c_->Post("/api/v1/dossiers/" + code + "/actions", R"({"action":"accept"})",
                           "application/json", reception_);
  ASSERT_EQ(accepted.status, 200u) << accepted.body;
  EXPECT_EQ(accepted.json().at("status"), "processing");
  EXPECT_FALSE(accepted.json().at("due_at").is_null());
  EXPECT_EQ(accepted.json().at("events").as_array().size(), 2u);
  // Lookups on every pooled connection see the acceptance at once.
  for (int i = 0; i < 20; ++i) {
    auto after = c_->Get("/api/v1/public/dossiers/" + code).json();
    ASSERT_EQ(after.at("status"), "processing") << i;
    ASSERT_FALSE(after.at("due_at").is_null());
  }
  // Accepting twice is a conflict; nothing changes.
  auto twice = c_->Post("/api/v1/dossiers/" + code + "/actions", R"({"action":"accept"})",
                        "application/json", reception_);
  EXPECT_EQ(twice.status, 409u);
  // The public list of receiving agencies offers the commune for a commune-level procedure.
  auto where = c_->Get("/api/v1/public/agencies?level=commune").json();
  ASSERT_GE(where.at("total").as_int64(), 1);
  EXPECT_EQ(where.at("items").at(0).at("code"), "000.21.99.H48");
  for (const auto& a : where.at("items").as_array()) EXPECT_EQ(a.at("kind"), "commune");
  EXPECT_EQ(c_->Get("/api/v1/public/agencies?level=ward").status, 422u);
  // Missing phone on a public submission is refused.
  body["applicant"].as_object()["phone"] = "";
  EXPECT_EQ(c_->Post("/api/v1/public/submissions", json::serialize(body)).status, 422u);
}

TEST_P(DossierTest, ReceiptPdfCarriesTheCodeAndAppointment) {
  auto d = Intake(Body()).json();
  std::string code(d.at("code").as_string());
  auto r = c_->Get("/api/v1/dossiers/" + code + "/forms/01.pdf", reception_);
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/pdf");
  ASSERT_EQ(r.body.rfind("%PDF-", 0), 0u);
  std::string dir = MakeTempDir();
  { std::ofstream(dir + "/r.pdf", std::ios::binary) << r.body; }
  std::string text;
  FILE* pipe = popen(("pdftotext -layout " + dir + "/r.pdf -").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
  pclose(pipe);
  std::filesystem::remove_all(dir);
  EXPECT_NE(text.find(code), std::string::npos) << text;
  EXPECT_NE(text.find("Nguyễn Thị Ánh Tuyết"), std::string::npos);
  EXPECT_NE(text.find("GIẤY TIẾP NHẬN HỒ SƠ"), std::string::npos);
  EXPECT_NE(text.find("Công chức Một cửa"), std::string::npos) << "receiver missing";  // may wrap
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code + "/forms/02.pdf", reception_).status, 404u);
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code + "/forms/01.pdf", Login("tiepnhan")).status, 404u);
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code + "/forms/01.pdf").status, 401u);
}

TEST_P(DossierTest, SeededDossiersAreVisibleAndLaterIntakesContinueTheirNumbering) {
  auto seeded =
      RunEgov({"seed", "dossiers", "--db", db_.url(), "--count", "400", "--from", "2026-01-01"});
  ASSERT_EQ(seeded.exit_code, 0) << seeded.err;
  EXPECT_EQ(json::parse(seeded.out).at("inserted"), 400);
  // Spread over every agency with a reception officer, in both districts: the province's
  // administrator sees them all, each district its own.
  auto province = Login("quantri.tinh");
  auto list = c_->Get("/api/v1/dossiers?per_page=500", province).json();
  EXPECT_EQ(list.at("total").as_int64(), 400);
  const auto tra_bong = c_->Get("/api/v1/dossiers", Login("quantri")).json().at("total");
  const auto binh_son = c_->Get("/api/v1/dossiers", Login("quantri.binhson")).json().at("total");
  EXPECT_GT(tra_bong.as_int64(), 0);
  EXPECT_GT(binh_son.as_int64(), 0);
  EXPECT_EQ(tra_bong.as_int64() + binh_son.as_int64(), 400);
  std::set<std::string> codes;
  for (const auto& d : list.at("items").as_array()) codes.emplace(d.at("code").as_string());
  EXPECT_EQ(codes.size(), 400u);
  auto one = *codes.begin();
  EXPECT_EQ(c_->Get("/api/v1/public/dossiers/" + one).status, 200u);
  // Intakes today at the commune continue after any seeded dossier of today.
  for (int i = 0; i < 3; ++i) {
    auto r = Intake(Body());
    ASSERT_EQ(r.status, 201u) << r.body;
    EXPECT_FALSE(codes.contains(std::string(r.json().at("code").as_string())));
  }
  auto bad = RunEgov({"seed", "dossiers", "--db", db_.url(), "--count", "0"});
  EXPECT_NE(bad.exit_code, 0);
}

TEST_P(DossierTest, OnlineSubmissionGetsOneWrittenSupplementRequest) {
  auto body = Body();
  body["channel"] = "online";
  body["agency_code"] = "000.21.99.H48";
  auto sub = c_->Post("/api/v1/public/submissions", json::serialize(body));
  ASSERT_EQ(sub.status, 201u) << sub.body;
  std::string code(sub.json().at("code").as_string());
  auto action = [&](const std::string& json_body) {
    return c_->Post("/api/v1/dossiers/" + code + "/actions", json_body, "application/json",
                    reception_);
  };
  EXPECT_EQ(action(R"({"action":"request_supplement","reason":"Thiếu giấy","missing":[]})").status,
            422u);
  // Each action takes its own members only; a problem names the member by its path.
  auto refused_field = [&](const std::string& json_body) {
    auto r = action(json_body);
    EXPECT_EQ(r.status, 422u) << json_body << " " << r.body;
    const auto answer = r.json();
    const auto& details = answer.at("error").at("details").as_object();
    return details.empty() ? std::string() : std::string(details.begin()->key());
  };
  EXPECT_EQ(refused_field(R"({"reason":"Thiếu giấy"})"), "action");
  EXPECT_EQ(refused_field(R"({"action":"accept","reason":"Đủ giấy"})"), "reason");
  EXPECT_EQ(refused_field(R"({"action":"receive_supplement","missing":["X"]})"), "missing");
  EXPECT_EQ(refused_field(R"({"action":"request_supplement","missing":["X"]})"), "reason");
  EXPECT_EQ(refused_field(R"({"action":"request_supplement","reason":"Thiếu","missing":["X",2]})"),
            "missing[1]");
  EXPECT_EQ(refused_field(R"({"action":"request_supplement","reason":"Thiếu","note":"?"})"),
            "note");
  auto asked = action(
      R"({"action":"request_supplement","reason":"Giấy chứng sinh bị mờ","missing":["Giấy chứng sinh"]})");
  ASSERT_EQ(asked.status, 200u) << asked.body;
  EXPECT_EQ(asked.json().at("status"), "supplement_requested");
  auto note = std::string(asked.json().at("events").as_array().back().at("note").as_string());
  EXPECT_NE(note.find("Giấy chứng sinh bị mờ"), std::string::npos);
  auto waiting = c_->Get("/api/v1/public/dossiers/" + code).json();
  EXPECT_EQ(waiting.at("status_label"), "Cần bổ sung hồ sơ");
  EXPECT_TRUE(waiting.at("received_at").is_null()) << waiting;  // not received yet
  EXPECT_TRUE(waiting.at("due_at").is_null()) << waiting;
  // Not acceptable while waiting; supplied, then accepted; never asked twice.
  EXPECT_EQ(action(R"({"action":"accept"})").status, 409u);
  ASSERT_EQ(action(R"({"action":"receive_supplement"})").status, 200u);
  EXPECT_EQ(action(R"({"action":"request_supplement","reason":"Lần hai","missing":["X"]})").status,
            409u);
  auto accepted = action(R"({"action":"accept"})");
  ASSERT_EQ(accepted.status, 200u) << accepted.body;
  EXPECT_EQ(accepted.json().at("status"), "processing");
  EXPECT_EQ(action(R"({"action":"fly"})").status, 422u);
}

std::string Multipart(const std::string& component, const std::string& filename,
                      const std::string& bytes) {
  return "--B0undary\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\n" + component +
         "\r\n--B0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
         "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n--B0undary--\r\n";
}

TEST_P(DossierTest, ComponentFilesAreSniffedStoredByHashAndGuarded) {
  auto d = Intake(Body()).json();
  std::string code(d.at("code").as_string());
  std::string component(components_.at(0).at("name").as_string());
  const std::string pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n";
  auto upload = [&](const std::string& comp, const std::string& name, const std::string& bytes,
                    const std::map<std::string, std::string>& who) {
    return c_->Post("/api/v1/dossiers/" + code + "/files", Multipart(comp, name, bytes),
                    "multipart/form-data; boundary=B0undary", who);
  };
  auto r = upload(component, "tờ khai.pdf", pdf, reception_);
  ASSERT_EQ(r.status, 201u) << r.body;
  std::string sha(r.json().at("sha256").as_string());
  EXPECT_EQ(sha.size(), 64u);
  EXPECT_EQ(r.json().at("mime_type"), "application/pdf");
  auto back = c_->Get("/api/v1/dossiers/" + code + "/files/" + sha, reception_);
  EXPECT_EQ(back.status, 200u);
  EXPECT_EQ(back.body, pdf);
  EXPECT_EQ(back.header("content-type"), "application/pdf");
  auto view = c_->Get("/api/v1/dossiers/" + code, reception_).json();
  EXPECT_EQ(view.at("files").as_array().size(), 1u);
  // The type is read from the content, not from the client's Content-Type or file name.
  auto text = upload(component, "fake.pdf", "just some text, not a PDF", reception_);
  EXPECT_EQ(text.status, 415u) << text.body;
  auto script = upload(component, "x.pdf", "#!/bin/sh\nrm -rf /\n", reception_);
  EXPECT_EQ(script.status, 415u);
  // Unknown component, other agency, no credentials.
  EXPECT_EQ(upload("Giấy lạ", "a.pdf", pdf, reception_).status, 422u);
  EXPECT_EQ(upload(component, "a.pdf", pdf, Login("tiepnhan")).status, 404u);
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code + "/files/" + sha, Login("tiepnhan")).status, 404u);
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code + "/files/" + sha).status, 401u);
  // A malformed multipart body.
  EXPECT_EQ(c_->Post("/api/v1/dossiers/" + code + "/files", "garbage",
                     "multipart/form-data; boundary=B0undary", reception_)
                .status,
            400u);
  // A 9 MiB scan streams through an anonymous spool file that leaves nothing behind.
  std::string scan = pdf + std::string(9 * 1024 * 1024, ' ');
  auto large = upload(component, "bản quét.pdf", scan, reception_);
  ASSERT_EQ(large.status, 201u) << large.body;
  EXPECT_EQ(large.json().at("size").as_int64(), static_cast<std::int64_t>(scan.size()));
  auto large_back = c_->Get(
      "/api/v1/dossiers/" + code + "/files/" + std::string(large.json().at("sha256").as_string()),
      reception_);
  EXPECT_TRUE(large_back.body == scan);
  if (GetParam() == "sqlite") {
    auto spool = std::filesystem::path(db_.url().substr(7)).parent_path() / "files" / "spool";
    ASSERT_TRUE(std::filesystem::is_directory(spool));
    EXPECT_TRUE(std::filesystem::is_empty(spool)) << "spooled uploads must leave no file";
  }
  // A 20 MiB upload is refused from its headers alone; the server goes on serving.
  HttpClient raw(server_->host(), server_->port());
  auto big = raw.Raw("POST /api/v1/dossiers/" + code +
                     "/files HTTP/1.1\r\nHost: x\r\n"
                     "Content-Type: multipart/form-data; boundary=B0undary\r\n"
                     "Content-Length: 20971520\r\n\r\n");
  EXPECT_EQ(big.status, 413u);
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code, reception_).json().at("files").as_array().size(),
            2u);
}

// An upload of which only the headers and the first 4 KiB of a 1 MB body are sent; the rest
// never comes. Reads the answer, if the server gives one without the body, within 5 seconds.
class HalfUpload {
 public:
  // With `continued`, the headers carry "Expect: 100-continue" and the body is sent only once
  // the server has answered "100 Continue": the upload has then passed its checks and holds
  // its slot (continued() says whether it came).
  HalfUpload(const EgovServer& server, const std::string& code,
             const std::map<std::string, std::string>& headers, bool continued = false)
      : stream_(io_) {
    stream_.connect({boost::asio::ip::make_address(server.host()), server.port()});
    std::string head = "POST /api/v1/dossiers/" + code +
                       "/files HTTP/1.1\r\nHost: " + server.host() + ":" +
                       std::to_string(server.port()) +
                       "\r\nContent-Type: multipart/form-data; boundary=B0undary\r\n"
                       "Content-Length: 1000000\r\n";
    for (const auto& [name, value] : headers) head += name + ": " + value + "\r\n";
    if (continued) {
      head += "Expect: 100-continue\r\n\r\n";
      boost::asio::write(stream_.socket(), boost::asio::buffer(head));
      std::string interim;
      boost::beast::error_code ec;
      stream_.expires_after(std::chrono::seconds(10));  // async: the stream's timeout applies
      boost::asio::async_read_until(stream_, boost::asio::dynamic_buffer(interim), "\r\n\r\n",
                                    [&ec](boost::beast::error_code e, std::size_t) { ec = e; });
      io_.run();
      stream_.expires_never();
      continued_ = !ec && interim.starts_with("HTTP/1.1 100");
      head.clear();
    } else {
      head += "\r\n";
    }
    head += "--B0undary\r\n" + std::string(4096, 'x');
    boost::asio::write(stream_.socket(), boost::asio::buffer(head));
  }
  bool continued() const { return continued_; }
  // The status of the answer; 0 when none came within 5 seconds (the server waits for the body).
  unsigned Answer() {
    namespace http = boost::beast::http;
    http::response<http::string_body> res;
    boost::beast::flat_buffer buffer;
    boost::beast::error_code ec;
    stream_.expires_after(std::chrono::seconds(5));  // async: the stream's timeout applies
    http::async_read(stream_, buffer, res,
                     [&ec](boost::beast::error_code e, std::size_t) { ec = e; });
    io_.restart();
    io_.run();
    stream_.expires_never();
    if (ec) return 0;
    body_ = res.body();
    return res.result_int();
  }
  const std::string& body() const { return body_; }

 private:
  boost::asio::io_context io_;
  boost::beast::tcp_stream stream_;
  std::string body_;
  bool continued_ = false;
};

TEST_P(DossierTest, UploadsAreJudgedFromTheirHeadersBeforeTheirBodies) {
  const std::string code(Intake(Body()).json().at("code").as_string());
  const std::string component(components_.at(0).at("name").as_string());
  const std::string pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n";
  // 40 anonymous clients start uploads and hold their connections: more than the 32 upload
  // slots. Each is answered 401 from its headers, though its body never comes in full.
  std::vector<std::unique_ptr<HalfUpload>> anonymous;
  for (int i = 0; i < 40; ++i)
    anonymous.push_back(
        std::make_unique<HalfUpload>(*server_, code, std::map<std::string, std::string>{}));
  auto officer =
      c_->Post("/api/v1/dossiers/" + code + "/files", Multipart(component, "tờ khai.pdf", pdf),
               "multipart/form-data; boundary=B0undary", reception_);
  EXPECT_EQ(officer.status, 201u) << officer.body;
  for (auto& upload : anonymous) {
    ASSERT_EQ(upload->Answer(), 401u) << "refused before the body";
    EXPECT_NE(upload->body().find("\"unauthenticated\""), std::string::npos) << upload->body();
  }
  // An officer of another agency learns only that there is no such dossier; an officer here
  // without a role that uploads, that it is forbidden; a cookie without its CSRF token, too.
  HalfUpload elsewhere(*server_, code, Login("tiepnhan"));
  EXPECT_EQ(elsewhere.Answer(), 404u) << elsewhere.body();
  HalfUpload viewer(*server_, code, Login("xem"));
  EXPECT_EQ(viewer.Answer(), 403u) << viewer.body();
  auto cookie_only = reception_;
  cookie_only.erase("X-CSRF-Token");
  HalfUpload no_csrf(*server_, code, cookie_only);
  EXPECT_EQ(no_csrf.Answer(), 403u) << no_csrf.body();
  HalfUpload missing(*server_, "000.21.99.H48-200101-0099", reception_);
  EXPECT_EQ(missing.Answer(), 404u) << missing.body();
  // Only the officer's file was stored.
  auto view = c_->Get("/api/v1/dossiers/" + code, reception_).json();
  EXPECT_EQ(view.at("files").as_array().size(), 1u);
}

TEST_P(DossierTest, ConcurrentUploadsAreBoundedAndTheSlotComesBack) {
  // One upload at a time: an officer who has sent half of a large upload holds the slot;
  // another officer's upload is refused with 503 before its body is read, while an anonymous
  // one is refused 401 as ever (credentials come before slots); once the first officer goes
  // away, uploads are taken again.
  const std::string code(Intake(Body()).json().at("code").as_string());
  const std::string component(components_.at(0).at("name").as_string());
  const std::string pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n";
  std::string dir = MakeTempDir();
  std::ofstream(dir + "/egov.toml") << "[server]\nmax_concurrent_uploads = 1\n";
  EgovServer server(db_.url(), {"--config", dir + "/egov.toml", "--public-rate-limit", "0"});
  auto holder = std::make_unique<HalfUpload>(server, code, reception_, true);
  auto upload = [&] {
    return HttpClient(server.host(), server.port())
        .Post("/api/v1/dossiers/" + code + "/files", Multipart(component, "a.pdf", pdf),
              "multipart/form-data; boundary=B0undary", reception_);
  };
  ASSERT_TRUE(holder->continued()) << "the holder passed its checks and holds the slot";
  auto refused = upload();
  EXPECT_EQ(refused.status, 503u) << refused.body;
  EXPECT_NE(refused.body.find("\"unavailable\""), std::string::npos) << refused.body;
  HalfUpload anonymous(server, code, {});
  EXPECT_EQ(anonymous.Answer(), 401u) << anonymous.body();
  holder.reset();
  HttpResponse after;
  for (int i = 0; i < 500; ++i) {
    after = upload();
    if (after.status != 503u) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(after.status, 201u) << after.body;
  auto view = c_->Get("/api/v1/dossiers/" + code, reception_).json();
  EXPECT_EQ(view.at("files").as_array().size(), 1u) << "only the last upload was stored";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace egov::testing
