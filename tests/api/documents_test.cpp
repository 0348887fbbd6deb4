// Official documents over real HTTP on both engines (CONTRACT.md "Documents",
// docs/documents.md): registration with consecutive incoming numbers (also 50 at once), the
// duplicate rule, outgoing drafting through issue (số/ký hiệu from the agency's series, yearly
// reset on the test clock) and sending to another agency's incoming queue, direction and
// handling, every action's role and status checks, bad input, secrecy in the list and on GET,
// search without diacritics with <mark> snippets, files and the handler's tasks.
//
// The demo: văn thư `vanthu` (clerk) works in Văn phòng HĐND và UBND (000.01.99.H48, VP), a
// unit of UBND huyện Trà Bồng (000.00.99.H48, UBND), whose documents it registers and
// numbers; `lanhdao` is the district's leader; `lanhdao.tnmt` leads the land unit (TNMT) and
// is no leader of the district; `quantri.tinh` (province) sees the district's documents that
// are not secret.
#include <gtest/gtest.h>

#include <boost/beast/http/verb.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <mutex>
#include <thread>

#include "demo_api.hpp"
#include "demo_server.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using Headers = std::map<std::string, std::string>;

constexpr const char* kDistrict = "000.00.99.H48";
constexpr const char* kTraSon = "000.21.99.H48";
constexpr const char* kLandUnit = "000.02.99.H48";

class DocumentsTest : public DemoServerTest {
 protected:
  void SetUp() override { ServeDemo("2026-03-02T09:00:00+07:00"); }

  Headers As(const std::string& user) {
    auto it = sessions_.find(user);
    if (it != sessions_.end()) return it->second;
    return sessions_[user] = SignIn(*c_, user);
  }

  static json::object IncomingBody(const std::string& subject, const std::string& notation,
                                   const std::string& issuer = "UBND tỉnh Quảng Ngãi") {
    return {{"issuer_name", issuer},
            {"issuer_code", "000.00.00.H48"},
            {"number_notation", notation},
            {"issued_on", "2026-02-27"},
            {"type", "QĐ"},
            {"subject", subject}};
  }

  HttpResponse PostJson(const std::string& path, const json::object& body, const Headers& who) {
    return c_->Post(path, json::serialize(body), "application/json", who);
  }

  json::object Register(const json::object& body, const std::string& user = "vanthu") {
    auto r = PostJson("/api/v1/documents/incoming", body, As(user));
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.status == 201u ? r.json().as_object() : json::object{};
  }

  json::object Draft(const json::object& body, const std::string& user) {
    auto r = PostJson("/api/v1/documents/outgoing", body, As(user));
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.status == 201u ? r.json().as_object() : json::object{};
  }

  HttpResponse Act(std::int64_t id, const std::string& user, const json::object& body) {
    return PostJson("/api/v1/documents/" + std::to_string(id) + "/actions", body, As(user));
  }

  json::object Do(std::int64_t id, const std::string& user, const json::object& body) {
    auto r = Act(id, user, body);
    EXPECT_EQ(r.status, 200u) << json::serialize(body) << " by " << user << ": " << r.body;
    return r.status == 200u ? r.json().as_object() : json::object{};
  }

  // Drafts and takes an outgoing document through submit, approve, sign and issue.
  json::object Issue(const json::object& body, const std::string& drafter) {
    auto d = Draft(body, drafter);
    if (d.empty()) return d;
    const auto id = d.at("id").as_int64();
    Do(id, drafter, {{"action", "submit"}});
    Do(id, "lanhdao", {{"action", "approve"}});
    Do(id, "lanhdao", {{"action", "sign"}});
    return Do(id, "vanthu", {{"action", "issue"}});
  }

  static std::int64_t Id(const json::object& o) {
    return o.contains("id") ? o.at("id").as_int64() : 0;
  }

  HttpResponse Get(std::int64_t id, const std::string& user) {
    return c_->Get("/api/v1/documents/" + std::to_string(id), As(user));
  }

  std::vector<std::int64_t> ListIds(const std::string& query, const std::string& user) {
    auto r = c_->Get("/api/v1/documents" + query, As(user));
    EXPECT_EQ(r.status, 200u) << r.body;
    std::vector<std::int64_t> ids;
    if (r.status != 200u) return ids;
    const auto body = r.json();
    for (const auto& item : body.at("items").as_array()) ids.push_back(item.at("id").as_int64());
    return ids;
  }

  // Moves the clock and forgets the sessions signed in before (they may have expired).
  void SetTime(const std::string& instant) {
    server_->SetTime(instant);
    sessions_.clear();
  }

  std::map<std::string, Headers> sessions_;
};

INSTANTIATE_TEST_SUITE_P(Engines, DocumentsTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(DocumentsTest, RegistersIncomingWithConsecutiveNumbers) {
  auto first = Register(
      IncomingBody("Quyết định về việc phê duyệt kế hoạch sử dụng đất năm 2026", "15/QĐ-UBND"));
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(first.at("incoming_number").as_int64(), 1);
  EXPECT_EQ(first.at("status").as_string(), "registered");
  EXPECT_EQ(first.at("direction").as_string(), "incoming");
  EXPECT_EQ(first.at("number_notation").as_string(), "15/QĐ-UBND");
  EXPECT_EQ(first.at("agency_code").as_string(), kDistrict);
  EXPECT_EQ(first.at("type_name").as_string(), "Quyết định");
  EXPECT_EQ(first.at("urgency").as_string(), "normal");
  EXPECT_EQ(first.at("secrecy").as_string(), "normal");
  EXPECT_EQ(std::string(first.at("arrived_at").as_string()).substr(0, 16), "2026-03-02T09:00");
  EXPECT_TRUE(first.at("duplicate_of").is_null());
  ASSERT_EQ(first.at("events").as_array().size(), 1u);
  EXPECT_EQ(first.at("events").as_array()[0].at("action").as_string(), "register");
  auto second = Register(IncomingBody("Công văn về việc báo cáo", "45/UBND-VP"));
  EXPECT_EQ(second.at("incoming_number").as_int64(), 2);
  auto get = Get(Id(second), "lanhdao");
  ASSERT_EQ(get.status, 200u) << get.body;
  EXPECT_EQ(get.json().at("incoming_number").as_int64(), 2);
  EXPECT_EQ(get.json().at("allowed_actions"), (json::array{"direct"}));
}

TEST_P(DocumentsTest, FiftyParallelRegistrationsGetFiftyConsecutiveNumbers) {
  auto token = PostJson("/api/v1/auth/tokens", {{"name", "Máy quét văn thư"}}, As("vanthu"));
  ASSERT_EQ(token.status, 201u) << token.body;
  const Headers bearer{
      {"Authorization", "Bearer " + std::string(token.json().at("token").as_string())}};
  std::mutex mutex;
  std::vector<std::int64_t> numbers;
  std::vector<std::string> failures;
  std::vector<std::thread> threads;
  for (int t = 0; t < 50; ++t) {
    threads.emplace_back([&, t] {
      HttpClient client(server_->host(), server_->port());
      auto body =
          IncomingBody("Văn bản số " + std::to_string(t), std::to_string(t + 1) + "/TB-UBND");
      auto r = client.Post("/api/v1/documents/incoming", json::serialize(body), "application/json",
                           bearer);
      std::lock_guard lock(mutex);
      if (r.status != 201u) {
        failures.push_back(r.body);
      } else {
        numbers.push_back(r.json().at("incoming_number").as_int64());
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_TRUE(failures.empty()) << failures.front();
  std::sort(numbers.begin(), numbers.end());
  ASSERT_EQ(numbers.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(numbers[static_cast<std::size_t>(i)], i + 1);
  // The next one follows: no gap, no duplicate.
  EXPECT_EQ(Register(IncomingBody("Sau cùng", "99/TB-UBND")).at("incoming_number").as_int64(), 51);
}

TEST_P(DocumentsTest, LikelyDuplicateIsRefusedUnlessConfirmedAndLeavesNoGap) {
  auto first = Register(IncomingBody("Kế hoạch phòng chống lụt bão", "07/KH-UBND"));
  auto again = IncomingBody("Kế hoạch phòng, chống lụt bão", "07 / KH-UBND");
  again["issuer_code"] = "";  // same issuer by name (folded), no code
  again["issuer_name"] = "ubnd tinh quang ngai";
  auto r = PostJson("/api/v1/documents/incoming", again, As("vanthu"));
  ASSERT_EQ(r.status, 409u) << r.body;
  EXPECT_EQ(r.json().at("error").at("code").as_string(), "conflict");
  EXPECT_EQ(r.json().at("error").at("details").at("duplicate_of").as_string(),
            std::to_string(Id(first)));
  // Another issuer with the same số/ký hiệu is no duplicate.
  auto other_body = IncomingBody("Kế hoạch của xã", "07/KH-UBND", "UBND xã Trà Sơn");
  other_body["issuer_code"] = kTraSon;
  auto other = Register(other_body);
  EXPECT_EQ(other.at("incoming_number").as_int64(), 2);
  EXPECT_TRUE(other.at("duplicate_of").is_null());
  again["confirm_duplicate"] = true;
  auto confirmed = Register(again);
  EXPECT_EQ(confirmed.at("incoming_number").as_int64(), 3);
  EXPECT_EQ(confirmed.at("duplicate_of").as_int64(), Id(first));
}

TEST_P(DocumentsTest, BadIncomingInputIsRefusedAndChangesNothing) {
  struct Case {
    const char* field;
    json::value value;
  };
  const Case cases[] = {
      {"type", "QD"},                                    // unknown type (QĐ without its Đ)
      {"type", "qđ"},                                    // abbreviations match exactly
      {"subject", ""},                                   // empty
      {"subject", "   "},                                // blank
      {"subject", json::string(std::string(501, 'a'))},  // over 500 characters
      {"issued_on", "2026-02-30"},                       // no such day
      {"issued_on", "27/02/2026"},                       // not YYYY-MM-DD
      {"issued_on", "2026-03-03"},                       // after it arrived
      {"urgency", "rat_khan"},
      {"secrecy", "mật"},
      {"number_notation", ""},
      {"issuer_name", ""},
      {"pages", 0},
  };
  for (const auto& c : cases) {
    auto body = IncomingBody("Trích yếu", "01/QĐ-UBND");
    body[c.field] = c.value;
    auto r = PostJson("/api/v1/documents/incoming", body, As("vanthu"));
    EXPECT_EQ(r.status, 422u) << c.field << " " << json::serialize(c.value) << ": " << r.body;
    if (r.status == 422u) {
      EXPECT_TRUE(r.json().at("error").at("details").as_object().contains(c.field)) << r.body;
    }
  }
  // Exactly 500 characters is accepted, and it is the first number: nothing before counted.
  auto ok = Register(IncomingBody(std::string(500, 'a'), "01/QĐ-UBND"));
  EXPECT_EQ(ok.at("incoming_number").as_int64(), 1);
  // Only a clerk registers.
  auto r = PostJson("/api/v1/documents/incoming", IncomingBody("x", "02/QĐ-UBND"), As("tiepnhan"));
  EXPECT_EQ(r.status, 403u) << r.body;
  r = PostJson("/api/v1/documents/incoming", IncomingBody("x", "02/QĐ-UBND"), {});
  EXPECT_EQ(r.status, 401u) << r.body;
}

TEST_P(DocumentsTest, IssuesNumbersFromTheSeriesWithLeadingZerosAndSends) {
  // A công văn drafted in the land unit: issuer + drafting unit.
  auto cv = Issue(
      {{"type", "CV"}, {"subject", "Về việc đo đạc đất đai"}, {"recipients", json::array{kTraSon}}},
      "chuyenvien.tnmt");
  ASSERT_FALSE(cv.empty());
  EXPECT_EQ(cv.at("status").as_string(), "issued");
  EXPECT_EQ(cv.at("number_notation").as_string(), "01/UBND-TNMT");
  EXPECT_EQ(cv.at("number").as_int64(), 1);
  EXPECT_EQ(cv.at("issued_on").as_string(), "2026-03-02");
  EXPECT_EQ(cv.at("signed_by").as_string(), "lanhdao");
  EXPECT_EQ(cv.at("drafting_unit").as_string(), kLandUnit);
  // One series for all types (the default scheme): the decisions follow on.
  std::string last;
  for (int i = 2; i <= 10; ++i) {
    auto qd = Issue({{"type", "QĐ"},
                     {"subject", "Quyết định " + std::to_string(i)},
                     {"recipients", json::array{}}},
                    "tiepnhan");
    last = std::string(qd.at("number_notation").as_string());
    if (i == 7) {
      EXPECT_EQ(last, "07/QĐ-UBND");
    }
  }
  EXPECT_EQ(last, "10/QĐ-UBND");
  auto vp =
      Issue({{"type", "CV"}, {"subject", "Công văn của Văn phòng"}, {"recipients", json::array{}}},
            "tiepnhan");
  EXPECT_EQ(vp.at("number_notation").as_string(), "11/UBND-VP");
  // A normative decision has its own series and carries the year.
  auto qppl = Issue({{"type", "QĐ"},
                     {"normative", true},
                     {"subject", "Quy định quản lý"},
                     {"recipients", json::array{}}},
                    "tiepnhan");
  EXPECT_EQ(qppl.at("number_notation").as_string(), "01/2026/QĐ-UBND");
  // A secret one too.
  auto secret = Issue({{"type", "BC"},
                       {"secrecy", "mat"},
                       {"subject", "Báo cáo mật"},
                       {"recipients", json::array{}}},
                      "tiepnhan");
  EXPECT_EQ(secret.at("number_notation").as_string(), "01/BC-UBND");

  // Send: the commune's clerk finds it arrived, and registers it with the commune's number.
  auto sent = Do(Id(cv), "vanthu", {{"action", "send"}});
  EXPECT_EQ(sent.at("status").as_string(), "sent");
  const auto copy_id = sent.at("recipients").as_array()[0].at("delivered_document_id").as_int64();
  auto copy = Get(copy_id, "vanthu.traso");
  ASSERT_EQ(copy.status, 200u) << copy.body;
  EXPECT_EQ(copy.json().at("status").as_string(), "arrived");
  EXPECT_EQ(copy.json().at("number_notation").as_string(), "01/UBND-TNMT");
  EXPECT_EQ(copy.json().at("issuer_code").as_string(), kDistrict);
  EXPECT_EQ(copy.json().at("signer_info").as_string(), "Lãnh đạo UBND huyện");
  EXPECT_TRUE(copy.json().at("incoming_number").is_null());
  auto registered = Do(copy_id, "vanthu.traso", {{"action", "register"}});
  EXPECT_EQ(registered.at("status").as_string(), "registered");
  EXPECT_EQ(registered.at("incoming_number").as_int64(), 1);
  // The recipient sees the sent original too; the district's copy is not the commune's.
  EXPECT_EQ(Get(Id(cv), "chutich.traso").status, 200u);
  EXPECT_EQ(Get(copy_id, "vanthu").status, 404u);
}

TEST_P(DocumentsTest, NumbersStartAgainEachYear) {
  SetTime("2026-12-31T16:00:00+07:00");
  Register(IncomingBody("Một", "01/TB-UBND"));
  EXPECT_EQ(Register(IncomingBody("Hai", "02/TB-UBND")).at("incoming_number").as_int64(), 2);
  auto qd =
      Issue({{"type", "QĐ"}, {"subject", "Cuối năm"}, {"recipients", json::array{}}}, "tiepnhan");
  EXPECT_EQ(qd.at("number_notation").as_string(), "01/QĐ-UBND");
  EXPECT_EQ(qd.at("issued_on").as_string(), "2026-12-31");
  SetTime("2027-01-02T08:00:00+07:00");
  auto next = Register(IncomingBody("Ba", "03/TB-UBND"));
  EXPECT_EQ(next.at("incoming_number").as_int64(), 1);
  auto qd2 =
      Issue({{"type", "QĐ"}, {"subject", "Đầu năm"}, {"recipients", json::array{}}}, "tiepnhan");
  EXPECT_EQ(qd2.at("number_notation").as_string(), "01/QĐ-UBND");
  EXPECT_EQ(qd2.at("issued_on").as_string(), "2027-01-02");
}

TEST_P(DocumentsTest, PerTypeSchemeNumbersEachTypeApart) {
  auto r = c_->Send(boost::beast::http::verb::put,
                    std::string("/api/v1/agencies/") + kDistrict + "/document-numbering",
                    R"({"scheme":"per_type"})", [&] {
                      auto h = As("quantri");
                      h["Content-Type"] = "application/json";
                      return h;
                    }());
  ASSERT_EQ(r.status, 200u) << r.body;
  auto qd = Issue({{"type", "QĐ"}, {"subject", "A"}, {"recipients", json::array{}}}, "tiepnhan");
  auto tb = Issue({{"type", "TB"}, {"subject", "B"}, {"recipients", json::array{}}}, "tiepnhan");
  auto qd2 = Issue({{"type", "QĐ"}, {"subject", "C"}, {"recipients", json::array{}}}, "tiepnhan");
  EXPECT_EQ(qd.at("number_notation").as_string(), "01/QĐ-UBND");
  EXPECT_EQ(tb.at("number_notation").as_string(), "01/TB-UBND");
  EXPECT_EQ(qd2.at("number_notation").as_string(), "02/QĐ-UBND");
}

TEST_P(DocumentsTest, OutgoingActionsCheckRoleStatusAndVersion) {
  auto d = Draft(
      {{"type", "TB"}, {"subject", "Thông báo lịch họp"}, {"recipients", json::array{kTraSon}}},
      "chuyenvien.tnmt");
  const auto id = Id(d);
  EXPECT_EQ(d.at("status").as_string(), "draft");
  EXPECT_EQ(d.at("allowed_actions"), (json::array{"submit"}));
  EXPECT_EQ(Act(id, "lanhdao", {{"action", "approve"}}).status, 409u);  // not submitted yet
  EXPECT_EQ(Act(id, "lanhdao", {{"action", "submit"}}).status, 403u);   // not the drafter
  EXPECT_EQ(Act(id, "chuyenvien.tnmt", {{"action", "submit"}, {"version", 99}}).status, 409u);
  Do(id, "chuyenvien.tnmt", {{"action", "submit"}, {"version", 1}});
  EXPECT_EQ(Act(id, "chuyenvien.tnmt", {{"action", "approve"}}).status, 403u);
  EXPECT_EQ(Act(id, "lanhdao.tnmt", {{"action", "approve"}}).status, 403u);  // a unit's leader
  EXPECT_EQ(Act(id, "vanthu", {{"action", "approve"}}).status, 403u);
  EXPECT_EQ(Act(id, "vanthu", {{"action", "issue"}}).status, 409u);  // not signed
  EXPECT_EQ(Act(id, "lanhdao", {{"action", "sign"}}).status, 409u);  // not approved
  auto back = Do(id, "lanhdao", {{"action", "send_back"}, {"note", "Sửa lại giờ họp"}});
  EXPECT_EQ(back.at("status").as_string(), "draft");
  EXPECT_EQ(back.at("events").as_array().back().at("note").as_string(), "Sửa lại giờ họp");
  Do(id, "chuyenvien.tnmt", {{"action", "submit"}});
  Do(id, "lanhdao", {{"action", "approve"}});
  EXPECT_EQ(Act(id, "vanthu", {{"action", "sign"}}).status, 403u);
  Do(id, "lanhdao", {{"action", "sign"}});
  EXPECT_EQ(Act(id, "lanhdao", {{"action", "issue"}}).status, 403u);
  EXPECT_EQ(Act(id, "vanthu", {{"action", "send"}}).status, 409u);  // not issued
  Do(id, "vanthu", {{"action", "issue"}});
  EXPECT_EQ(Act(id, "vanthu", {{"action", "issue"}}).status, 409u);
  EXPECT_EQ(Act(id, "lanhdao", {{"action", "send_back"}}).status, 409u);
  EXPECT_EQ(Act(id, "chuyenvien.tnmt", {{"action", "send"}}).status, 403u);
  Do(id, "vanthu", {{"action", "send"}});
  EXPECT_EQ(Act(id, "vanthu", {{"action", "send"}}).status, 409u);
  // Unknown or unpostable actions and stray members name the field.
  for (const auto* action : {"fly", "draft", "arrive", "file"}) {
    auto r = Act(id, "vanthu", {{"action", action}});
    EXPECT_EQ(r.status, 422u) << action;
  }
  EXPECT_EQ(Act(id, "vanthu", {{"action", "send"}, {"reason", "x"}}).status, 422u);
  // Another district's leader does not see it: 404 before anything else, even a bad body.
  EXPECT_EQ(Act(id, "lanhdao.binhson", {{"action", "approve"}}).status, 404u);
  EXPECT_EQ(Act(id, "lanhdao.binhson", {{"action", "fly"}}).status, 404u);
  EXPECT_EQ(Get(id, "lanhdao.binhson").status, 404u);
  EXPECT_EQ(Get(999999, "vanthu").status, 404u);
  EXPECT_EQ(c_->Get("/api/v1/documents/abc", As("vanthu")).status, 404u);
}

TEST_P(DocumentsTest, BadOutgoingInput) {
  struct Case {
    const char* field;
    json::value value;
    const char* detail;
  };
  const Case cases[] = {
      {"type", "XYZ", "type"},
      {"subject", "", "subject"},
      {"recipients", json::array{"999.99.99.H99"}, "recipients[0]"},
      {"recipients", json::array{kLandUnit}, "recipients[0]"},  // a unit, not an agency
      {"recipients", json::array{kDistrict}, "recipients[0]"},  // itself
      {"recipients", json::array{kTraSon, kTraSon}, "recipients[1]"},
      {"normative", true, "normative"},  // a công văn cannot be normative
      {"due_on", "2026-13-01", "due_on"},
  };
  for (const auto& c : cases) {
    json::object body{{"type", "CV"}, {"subject", "Về việc"}, {"recipients", json::array{}}};
    body[c.field] = c.value;
    auto r = PostJson("/api/v1/documents/outgoing", body, As("chuyenvien.tnmt"));
    EXPECT_EQ(r.status, 422u) << c.field << ": " << r.body;
    if (r.status == 422u) {
      EXPECT_TRUE(r.json().at("error").at("details").as_object().contains(c.detail)) << r.body;
    }
  }
  auto r =
      PostJson("/api/v1/documents/outgoing",
               {{"type", "CV"}, {"subject", "Về việc"}, {"recipients", json::array{}}}, As("xem"));
  EXPECT_EQ(r.status, 403u) << r.body;  // a viewer drafts nothing
  EXPECT_EQ(ListIds("", "chuyenvien.tnmt").size(), 0u);
}

TEST_P(DocumentsTest, DirectionHandlingAndTasks) {
  auto reply =
      Draft({{"type", "CV"}, {"subject", "Trả lời về đất đai"}, {"recipients", json::array{}}},
            "chuyenvien.tnmt");
  auto doc = Register(IncomingBody("Đề nghị cung cấp thông tin đất đai", "20/CV-STNMT",
                                   "Sở Tài nguyên và Môi trường"));
  const auto id = Id(doc);
  // Tasks: the leader has it to direct.
  auto tasks = c_->Get("/api/v1/documents/tasks", As("lanhdao")).json();
  ASSERT_EQ(tasks.at("total").as_int64(), 1) << json::serialize(tasks);
  EXPECT_EQ(tasks.at("items").as_array()[0].at("id").as_int64(), id);
  EXPECT_EQ(Act(id, "vanthu", {{"action", "direct"}, {"lead", kLandUnit}}).status, 403u);
  EXPECT_EQ(Act(id, "lanhdao", {{"action", "progress"}, {"note", "x"}}).status, 409u);
  // Bad directions name the field.
  EXPECT_EQ(Act(id, "lanhdao", {{"action", "direct"}}).status, 422u);
  EXPECT_EQ(Act(id, "lanhdao", {{"action", "direct"}, {"lead", "khongco"}}).status, 422u);
  EXPECT_EQ(Act(id, "lanhdao", {{"action", "direct"}, {"lead", "000.02.53.H48"}}).status, 422u);
  EXPECT_EQ(
      Act(id, "lanhdao", {{"action", "direct"}, {"lead", kLandUnit}, {"deadline", "2026-03-01"}})
          .status,
      422u);  // before today
  auto directed = Do(id, "lanhdao",
                     {{"action", "direct"},
                      {"lead", kLandUnit},
                      {"co_op", json::array{"chuyenvien.tp"}},
                      {"inform", json::array{"000.04.99.H48"}},
                      {"deadline", "2026-03-10"},
                      {"instruction", "Phòng TNMT chủ trì trả lời trước ngày 10/3."}});
  EXPECT_EQ(directed.at("status").as_string(), "directed");
  EXPECT_EQ(directed.at("deadline").as_string(), "2026-03-10");
  ASSERT_EQ(directed.at("assignments").as_array().size(), 3u);
  EXPECT_EQ(directed.at("assignments").as_array()[0].at("kind").as_string(), "lead");
  EXPECT_EQ(directed.at("assignments").as_array()[0].at("agency_code").as_string(), kLandUnit);
  EXPECT_EQ(directed.at("assignments").as_array()[1].at("username").as_string(), "chuyenvien.tp");
  // The handlers have it in their tasks; the informed unit does not.
  auto mine = c_->Get("/api/v1/documents/tasks", As("chuyenvien.tnmt")).json();
  bool found = false;
  for (const auto& item : mine.at("items").as_array())
    found = found || item.at("id").as_int64() == id;
  EXPECT_TRUE(found) << json::serialize(mine);
  EXPECT_EQ(c_->Get("/api/v1/documents/tasks", As("chuyenvien.tp")).json().at("total").as_int64(),
            1);
  EXPECT_EQ(Act(id, "lanhdao.tnmt", {{"action", "progress"}}).status, 422u);  // no note
  auto progress =
      Do(id, "lanhdao.tnmt", {{"action", "progress"}, {"note", "Đang tổng hợp số liệu"}});
  EXPECT_EQ(progress.at("status").as_string(), "in_progress");
  Do(id, "chuyenvien.tp", {{"action", "progress"}, {"note", "Đã góp ý"}});
  EXPECT_EQ(Act(id, "chuyenvien.tp", {{"action", "complete"}}).status, 403u);  // co-operating only
  EXPECT_EQ(
      Act(id, "chuyenvien.tnmt", {{"action", "complete"}, {"reply_document_id", Id(doc)}}).status,
      422u);  // a reply is an outgoing document
  // Overdue after the deadline day.
  SetTime("2026-03-11T08:00:00+07:00");
  EXPECT_TRUE(Get(id, "chuyenvien.tnmt").json().at("overdue").as_bool());
  auto done =
      Do(id, "chuyenvien.tnmt",
         {{"action", "complete"}, {"reply_document_id", Id(reply)}, {"note", "Đã trả lời"}});
  EXPECT_EQ(done.at("status").as_string(), "done");
  EXPECT_EQ(done.at("reply_document_id").as_int64(), Id(reply));
  EXPECT_FALSE(done.at("overdue").as_bool());
  EXPECT_EQ(Act(id, "chuyenvien.tnmt", {{"action", "progress"}, {"note", "x"}}).status, 409u);
  EXPECT_EQ(c_->Get("/api/v1/documents/tasks", As("chuyenvien.tp")).json().at("total").as_int64(),
            0);
}

TEST_P(DocumentsTest, SecretDocumentsOnlyForHandlersLeadersAndClerks) {
  auto open = Register(IncomingBody("Kế hoạch tuyên truyền", "03/KH-UBND"));
  auto secret_body = IncomingBody("Kế hoạch bảo vệ bí mật nhà nước", "04/KH-UBND");
  secret_body["secrecy"] = "mat";
  auto secret = Register(secret_body);
  EXPECT_EQ(secret.at("secrecy").as_string(), "mat");
  // The leader and the clerk of the agency see both.
  for (const auto* user : {"lanhdao", "vanthu"}) {
    auto ids = ListIds("?q=ke%20hoach", user);
    EXPECT_EQ(ids, (std::vector<std::int64_t>{Id(secret), Id(open)})) << user;
    EXPECT_EQ(Get(Id(secret), user).status, 200u) << user;
  }
  // The province sees the district's open documents, not its secret ones.
  EXPECT_EQ(ListIds("?q=ke%20hoach", "quantri.tinh"), (std::vector<std::int64_t>{Id(open)}));
  EXPECT_EQ(Get(Id(secret), "quantri.tinh").status, 404u);
  EXPECT_EQ(Act(Id(secret), "quantri.tinh", {{"action", "direct"}, {"lead", kLandUnit}}).status,
            404u);
  // A unit's leader sees neither until assigned; an officer assigned by name sees the secret one,
  // his unit's leader still does not.
  EXPECT_EQ(Get(Id(secret), "chuyenvien.tnmt").status, 404u);
  Do(Id(secret), "lanhdao", {{"action", "direct"}, {"lead", "chuyenvien.tnmt"}});
  Do(Id(open), "lanhdao", {{"action", "direct"}, {"lead", kLandUnit}});
  EXPECT_EQ(Get(Id(secret), "chuyenvien.tnmt").status, 200u);
  EXPECT_EQ(Get(Id(secret), "lanhdao.tnmt").status, 404u);
  EXPECT_EQ(ListIds("", "lanhdao.tnmt"), (std::vector<std::int64_t>{Id(open)}));
  EXPECT_EQ(ListIds("?q=bi%20mat", "chuyenvien.tnmt"), (std::vector<std::int64_t>{Id(secret)}));
  // Another district sees nothing.
  EXPECT_TRUE(ListIds("", "lanhdao.binhson").empty());
}

TEST_P(DocumentsTest, SearchFoldsDiacriticsDAndCaseWithMarkedSnippets) {
  auto target = Register(
      IncomingBody("Quyết định về việc phê duyệt kế hoạch sử dụng đất năm 2026 của huyện Trà Bồng",
                   "112/QĐ-UBND"));
  Register(IncomingBody("Thông báo lịch tiếp công dân", "08/TB-UBND"));
  auto r = c_->Get("/api/v1/documents?q=quyet%20dinh%20phe%20duyet", As("vanthu"));
  ASSERT_EQ(r.status, 200u) << r.body;
  auto body = r.json();
  ASSERT_EQ(body.at("total").as_int64(), 1) << r.body;
  const auto& item = body.at("items").as_array()[0];
  EXPECT_EQ(item.at("id").as_int64(), Id(target));
  EXPECT_EQ(item.at("number_notation").as_string(), "112/QĐ-UBND");
  EXPECT_EQ(item.at("snippet").as_string(),
            "<mark>Quyết</mark> <mark>định</mark> về việc <mark>phê</mark> <mark>duyệt</mark> kế "
            "hoạch sử dụng đất năm 2026 của huyện Trà Bồng");
  EXPECT_EQ(ListIds("?q=DAT%20tra%20bong", "vanthu"), (std::vector<std::int64_t>{Id(target)}));
  EXPECT_EQ(ListIds("?q=%C4%91%E1%BA%A5t", "vanthu"), (std::vector<std::int64_t>{Id(target)}));
  EXPECT_EQ(ListIds("?q=112%2Fqd-ubnd", "vanthu"), (std::vector<std::int64_t>{Id(target)}));
  EXPECT_TRUE(ListIds("?q=khong%20co", "vanthu").empty());
  EXPECT_EQ(ListIds("?direction=incoming", "vanthu").size(), 2u);
  EXPECT_TRUE(ListIds("?direction=outgoing", "vanthu").empty());
  EXPECT_EQ(ListIds("?status=registered", "vanthu").size(), 2u);
  EXPECT_EQ(c_->Get("/api/v1/documents?direction=sideways", As("vanthu")).status, 422u);
  EXPECT_EQ(c_->Get("/api/v1/documents?status=lost", As("vanthu")).status, 422u);
  EXPECT_EQ(c_->Get("/api/v1/documents?q=a%20b%20c%20d%20e%20f%20g%20h%20i", As("vanthu")).status,
            422u);
  auto paged = c_->Get("/api/v1/documents?per_page=1&page=2", As("vanthu")).json();
  EXPECT_EQ(paged.at("total").as_int64(), 2);
  EXPECT_EQ(paged.at("page").as_int64(), 2);
  EXPECT_EQ(paged.at("items").as_array().size(), 1u);
}

TEST_P(DocumentsTest, FilesUnderTheDossiersRules) {
  auto doc = Register(IncomingBody("Văn bản có tệp", "09/TB-UBND"));
  const auto path = "/api/v1/documents/" + std::to_string(Id(doc)) + "/files";
  const std::string boundary = "XyZ123";
  auto multipart = [&](const std::string& content) {
    return "--" + boundary +
           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"van-ban.pdf\"\r\n"
           "Content-Type: application/pdf\r\n\r\n" +
           content + "\r\n--" + boundary + "--\r\n";
  };
  const std::string pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
  const std::string type = "multipart/form-data; boundary=" + boundary;
  auto r = c_->Post(path, multipart(pdf), type, As("vanthu"));
  ASSERT_EQ(r.status, 201u) << r.body;
  const std::string sha = std::string(r.json().at("sha256").as_string());
  EXPECT_EQ(r.json().at("mime_type").as_string(), "application/pdf");
  auto got = c_->Get(path + "/" + sha, As("lanhdao"));
  EXPECT_EQ(got.status, 200u);
  EXPECT_EQ(got.body, pdf);
  EXPECT_EQ(c_->Post(path, multipart("plain text, not a PDF"), type, As("vanthu")).status, 415u);
  EXPECT_EQ(c_->Post(path, multipart(pdf), type, As("lanhdao.binhson")).status, 404u);
  EXPECT_EQ(c_->Get(path + "/" + sha, As("lanhdao.binhson")).status, 404u);
  EXPECT_EQ(c_->Post(path, multipart(pdf), type, As("lanhdao")).status, 403u);
  EXPECT_EQ(Get(Id(doc), "vanthu").json().at("files").as_array().size(), 1u);
}

TEST_P(DocumentsTest, SeedDocumentsWritesThroughTheService) {
  auto r = RunEgov({"seed", "documents", "--db", db_.url(), "--count", "40", "--seed", "7",
                    "--from-year", "2025", "--to-year", "2026"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = json::parse(r.out);
  EXPECT_EQ(out.at("incoming").as_int64() + out.at("outgoing").as_int64(), 40) << r.out;
  EXPECT_GT(out.at("incoming").as_int64(), 0);
  EXPECT_GT(out.at("outgoing").as_int64(), 0);
  // The province sees them all (none is secret), and they are found by a folded query.
  auto all = c_->Get("/api/v1/documents?per_page=500", As("quantri.tinh"));
  ASSERT_EQ(all.status, 200u) << all.body;
  EXPECT_EQ(all.json().at("total").as_int64(), 40);
  auto found = c_->Get("/api/v1/documents?q=ve%20viec", As("quantri.tinh")).json();
  EXPECT_EQ(found.at("total").as_int64(), 40);
  EXPECT_EQ(RunEgov({"seed", "documents", "--db", db_.url(), "--count", "0"}).exit_code == 0,
            false);
}

}  // namespace
}  // namespace egov::testing
