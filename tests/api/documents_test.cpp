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
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "demo_api.hpp"
#include "demo_server.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using Headers = std::map<std::string, std::string>;

constexpr const char* kDistrict = "000.00.99.H48";
constexpr const char* kTraSon = "000.21.99.H48";
constexpr const char* kLandUnit = "000.02.99.H48";
constexpr const char* kBinhSon = "000.00.53.H48";

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

  // The recipient entry of `agency` on the sent document `id`, as `user` reads it.
  json::object RecipientOf(std::int64_t id, const std::string& agency,
                           const std::string& user = "vanthu") {
    auto r = Get(id, user);
    EXPECT_EQ(r.status, 200u) << r.body;
    if (r.status != 200u) return {};
    const auto body = r.json();
    for (const auto& x : body.at("recipients").as_array()) {
      if (x.at("agency_code").as_string() == agency) return x.as_object();
    }
    ADD_FAILURE() << "no recipient " << agency;
    return {};
  }

  // The notes of the status events the recipient `agency` sent back to document `id`.
  std::vector<std::string> StatusNotes(std::int64_t id, const std::string& agency) {
    std::vector<std::string> out;
    auto r = Get(id, "vanthu");
    if (r.status != 200u) return out;
    const auto body = r.json();
    for (const auto& e : body.at("events").as_array()) {
      if (e.at("action").as_string() == "status" && e.at("agency_code").as_string() == agency) {
        out.emplace_back(e.at("note").as_string());
      }
    }
    return out;
  }

  bool InTasks(std::int64_t id, const std::string& user) {
    auto r = c_->Get("/api/v1/documents/tasks?per_page=500", As(user));
    EXPECT_EQ(r.status, 200u) << r.body;
    if (r.status != 200u) return false;
    const auto body = r.json();
    for (const auto& item : body.at("items").as_array()) {
      if (item.at("id").as_int64() == id) return true;
    }
    return false;
  }

  static std::vector<std::string> Strings(const json::value& array) {
    std::vector<std::string> out;
    for (const auto& v : array.as_array()) out.emplace_back(v.as_string());
    return out;
  }

  std::map<std::string, Headers> sessions_;
};

bool Has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// The output of `command` (a shell command line).
std::string Output(const std::string& command) {
  std::string text;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return text;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
  pclose(pipe);
  return text;
}

std::string NoSpaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

// A register's text: a PDF through pdftotext, an XLSX as the text of its cells (the workbook's
// shared strings and inline strings, read back with python3's zipfile).
std::string RegisterText(const std::string& bytes, bool pdf) {
  const std::string dir = MakeTempDir();
  const std::string file = dir + (pdf ? "/r.pdf" : "/r.xlsx");
  { std::ofstream(file, std::ios::binary) << bytes; }
  std::string text;
  if (pdf) {
    text = Output("pdftotext -enc UTF-8 -raw '" + file + "' -");
  } else {
    text = Output(
        "python3 -c \"import re,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); "
        "x=''.join(z.read(n).decode() for n in z.namelist() if n.startswith('xl/shared') or "
        "n.startswith('xl/worksheets/sheet')); print('\\n'.join(re.findall(r'<t[^>]*>([^<]*)</t>', "
        "x)))\" '" +
        file + "'");
  }
  std::filesystem::remove_all(dir);
  // Whitespace collapsed: a cell's text may wrap in the PDF.
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  return out;
}

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

TEST_P(DocumentsTest, RecipientStatusesFlowBackToTheSender) {
  auto cv = Issue({{"type", "CV"},
                   {"subject", "Về việc đo đạc đất đai"},
                   {"recipients", json::array{kTraSon, kBinhSon}}},
                  "chuyenvien.tnmt");
  const auto id = Id(cv);
  EXPECT_TRUE(RecipientOf(id, kTraSon).at("status").is_null());  // not sent yet
  auto sent = Do(id, "vanthu", {{"action", "send"}});
  ASSERT_FALSE(sent.empty());
  auto traso = RecipientOf(id, kTraSon);
  EXPECT_EQ(traso.at("status").as_string(), "arrived");
  EXPECT_EQ(traso.at("status_code").as_string(), "01");
  EXPECT_EQ(traso.at("status_label").as_string(), "Đã đến");
  EXPECT_EQ(std::string(traso.at("changed_at").as_string()).substr(0, 16), "2026-03-02T09:00");
  EXPECT_EQ(StatusNotes(id, kTraSon), (std::vector<std::string>{"01 Đã đến"}));
  const auto copy = traso.at("delivered_document_id").as_int64();
  const auto version = Get(id, "vanthu").json().at("version").as_int64();

  // Registered by the commune's clerk: received (03) and awaiting assignment (04).
  SetTime("2026-03-02T10:15:00+07:00");
  Do(copy, "vanthu.traso", {{"action", "register"}});
  traso = RecipientOf(id, kTraSon);
  EXPECT_EQ(traso.at("status").as_string(), "awaiting_assignment");
  EXPECT_EQ(traso.at("status_code").as_string(), "04");
  EXPECT_EQ(std::string(traso.at("changed_at").as_string()).substr(0, 16), "2026-03-02T10:15");
  EXPECT_EQ(StatusNotes(id, kTraSon),
            (std::vector<std::string>{"01 Đã đến", "03 Văn thư đã tiếp nhận: số đến 1",
                                      "04 Đã vào sổ, chờ phân công"}));
  // The other recipient is untouched; the sent document's own version did not move.
  EXPECT_EQ(RecipientOf(id, kBinhSon).at("status_code").as_string(), "01");
  EXPECT_EQ(Get(id, "vanthu").json().at("version").as_int64(), version);
  // A refused action on the copy changes nothing at the sender.
  EXPECT_EQ(Act(copy, "hotich.traso", {{"action", "direct"}, {"lead", "hotich.traso"}}).status,
            403u);
  EXPECT_EQ(RecipientOf(id, kTraSon).at("status_code").as_string(), "04");

  // Directed (05), re-directed (no new message), handled (06).
  SetTime("2026-03-03T08:00:00+07:00");
  Do(copy, "chutich.traso", {{"action", "direct"}, {"lead", "hotich.traso"}});
  EXPECT_EQ(RecipientOf(id, kTraSon).at("status_code").as_string(), "05");
  Do(copy, "chutich.traso", {{"action", "direct"}, {"lead", "hotich.traso"}});
  Do(copy, "hotich.traso", {{"action", "progress"}, {"note", "Đang đo đạc"}});
  SetTime("2026-03-04T14:30:00+07:00");
  Do(copy, "hotich.traso", {{"action", "complete"}});
  traso = RecipientOf(id, kTraSon);
  EXPECT_EQ(traso.at("status").as_string(), "done");
  EXPECT_EQ(traso.at("status_code").as_string(), "06");
  EXPECT_EQ(std::string(traso.at("changed_at").as_string()).substr(0, 16), "2026-03-04T14:30");
  const auto notes = StatusNotes(id, kTraSon);
  ASSERT_EQ(notes.size(), 5u);
  EXPECT_EQ(notes[3], "05 Đã phân công, đang xử lý");
  EXPECT_EQ(notes[4], "06 Đã xử lý xong");
  // Who changed it: the recipient's officer.
  auto events = Get(id, "vanthu").json().at("events").as_array();
  EXPECT_EQ(events.back().at("actor").as_string(), "hotich.traso");
  EXPECT_EQ(events.back().at("to_status").as_string(), "sent");
}

TEST_P(DocumentsTest, RecallFreezesTheSenderAndWithdrawsAcceptedCopies) {
  auto draft = Draft({{"type", "CV"},
                      {"subject", "Về việc kiểm kê rừng phòng hộ"},
                      {"content", "Nội dung cần thu hồi"},
                      {"recipients", json::array{kTraSon, kBinhSon}}},
                     "chuyenvien.tnmt");
  const auto id = Id(draft);
  // A file that travels with the copies.
  const std::string boundary = "XyZ123";
  const std::string pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
  auto up = c_->Post("/api/v1/documents/" + std::to_string(id) + "/files",
                     "--" + boundary +
                         "\r\nContent-Disposition: form-data; name=\"file\"; "
                         "filename=\"kiem-ke.pdf\"\r\nContent-Type: application/pdf\r\n\r\n" +
                         pdf + "\r\n--" + boundary + "--\r\n",
                     "multipart/form-data; boundary=" + boundary, As("chuyenvien.tnmt"));
  ASSERT_EQ(up.status, 201u) << up.body;
  const std::string sha(up.json().at("sha256").as_string());
  Do(id, "chuyenvien.tnmt", {{"action", "submit"}});
  Do(id, "lanhdao", {{"action", "approve"}});
  Do(id, "lanhdao", {{"action", "sign"}});
  Do(id, "vanthu", {{"action", "issue"}});
  // Only a sent document can be recalled.
  EXPECT_EQ(Act(id, "vanthu", {{"action", "recall"}, {"reason", "Sai sót"}}).status, 409u);
  auto sent = Do(id, "vanthu", {{"action", "send"}});
  EXPECT_TRUE(Has(Strings(sent.at("allowed_actions")), "recall"));
  const auto traso = RecipientOf(id, kTraSon).at("delivered_document_id").as_int64();
  const auto binhson = RecipientOf(id, kBinhSon).at("delivered_document_id").as_int64();
  Do(binhson, "vanthu.binhson", {{"action", "register"}});
  EXPECT_TRUE(InTasks(traso, "vanthu.traso"));
  // No recall pending: the recipient has nothing to answer (409), and is offered nothing.
  EXPECT_EQ(Act(traso, "vanthu.traso", {{"action", "accept_recall"}}).status, 409u);
  EXPECT_FALSE(
      Has(Strings(Get(traso, "vanthu.traso").json().at("allowed_actions")), "accept_recall"));

  // Roles, body and visibility of the recall itself.
  EXPECT_EQ(Act(id, "lanhdao", {{"action", "recall"}, {"reason", "Sai sót"}}).status, 403u);
  EXPECT_EQ(Act(id, "vanthu.traso", {{"action", "recall"}, {"reason", "Sai sót"}}).status, 403u);
  // Bình Sơn's clerk sits in its Văn phòng, outside the subtree the original was sent to.
  EXPECT_EQ(Act(id, "vanthu.binhson", {{"action", "recall"}, {"reason", "x"}}).status, 404u);
  EXPECT_EQ(Act(id, "vanthu", {{"action", "recall"}}).status, 422u);
  EXPECT_EQ(Act(id, "vanthu", {{"action", "recall"}, {"reason", "  "}}).status, 422u);
  EXPECT_EQ(Act(id, "vanthu", {{"action", "recall"}, {"reason", "x"}, {"note", "y"}}).status,
            422u);  // a member recall does not take
  EXPECT_EQ(Act(traso, "vanthu", {{"action", "accept_recall"}}).status, 404u);
  EXPECT_EQ(Get(id, "vanthu").json().at("status").as_string(), "sent");  // nothing changed

  SetTime("2026-03-02T11:00:00+07:00");
  auto recalled =
      Do(id, "vanthu", {{"action", "recall"}, {"reason", "Văn bản có sai sót về số liệu"}});
  EXPECT_EQ(recalled.at("status").as_string(), "recalled");
  EXPECT_TRUE(recalled.at("allowed_actions").as_array().empty());  // frozen
  EXPECT_EQ(recalled.at("events").as_array().back().at("note").as_string(),
            "Văn bản có sai sót về số liệu");
  for (const auto* agency : {kTraSon, kBinhSon}) {
    auto r = RecipientOf(id, agency);
    EXPECT_EQ(r.at("status").as_string(), "recall_requested");
    EXPECT_EQ(r.at("status_code").as_string(), "13");
    EXPECT_EQ(std::string(r.at("changed_at").as_string()).substr(0, 16), "2026-03-02T11:00");
  }
  EXPECT_EQ(Act(id, "vanthu", {{"action", "recall"}, {"reason", "Lại"}}).status, 409u);
  EXPECT_EQ(Act(id, "vanthu", {{"action", "send"}}).status, 409u);
  // The recipient's clerk is asked; the copy shows the recall in its events.
  auto copy = Get(traso, "vanthu.traso").json();
  EXPECT_EQ(Strings(copy.at("allowed_actions")),
            (std::vector<std::string>{"register", "accept_recall", "refuse_recall"}));
  EXPECT_EQ(copy.at("events").as_array().back().at("action").as_string(), "recall");
  EXPECT_EQ(Act(traso, "chutich.traso", {{"action", "accept_recall"}}).status, 403u);
  EXPECT_EQ(Act(traso, "vanthu.binhson", {{"action", "accept_recall"}}).status, 404u);
  EXPECT_EQ(Act(traso, "vanthu.traso", {{"action", "refuse_recall"}}).status, 422u);
  // While the recall awaits its answer, other changes of the copy do not overwrite it.
  Do(binhson, "lanhdao.binhson", {{"action", "direct"}, {"lead", "chuyenvien.tnmt.binhson"}});
  EXPECT_EQ(RecipientOf(id, kBinhSon).at("status_code").as_string(), "13");

  // Accepted: the commune's copy is withdrawn from queue, lists, search, tasks and files.
  SetTime("2026-03-02T14:00:00+07:00");
  auto withdrawn = Do(traso, "vanthu.traso", {{"action", "accept_recall"}});
  EXPECT_EQ(withdrawn.at("status").as_string(), "withdrawn");
  EXPECT_EQ(withdrawn.at("content").as_string(), "");
  EXPECT_TRUE(withdrawn.at("files").as_array().empty());
  EXPECT_TRUE(withdrawn.at("allowed_actions").as_array().empty());
  EXPECT_EQ(withdrawn.at("subject").as_string(), "Về việc kiểm kê rừng phòng hộ");  // the record
  EXPECT_EQ(withdrawn.at("events").as_array().back().at("action").as_string(), "accept_recall");
  EXPECT_EQ(withdrawn.at("events").as_array().back().at("actor").as_string(), "vanthu.traso");
  EXPECT_EQ(
      c_->Get("/api/v1/documents/" + std::to_string(traso) + "/files/" + sha, As("vanthu.traso"))
          .status,
      404u);
  EXPECT_FALSE(InTasks(traso, "vanthu.traso"));
  EXPECT_TRUE(ListIds("?q=kiem%20ke%20rung", "vanthu.traso").empty());
  const auto listed = ListIds("?per_page=500", "vanthu.traso");
  EXPECT_EQ(std::find(listed.begin(), listed.end(), traso), listed.end());
  EXPECT_EQ(ListIds("?status=withdrawn", "vanthu.traso"), (std::vector<std::int64_t>{traso}));
  EXPECT_EQ(Act(traso, "vanthu.traso", {{"action", "register"}}).status, 409u);
  EXPECT_EQ(Act(traso, "vanthu.traso", {{"action", "accept_recall"}}).status, 409u);
  auto r = RecipientOf(id, kTraSon);
  EXPECT_EQ(r.at("status").as_string(), "recall_accepted");
  EXPECT_EQ(r.at("status_code").as_string(), "15");
  // The sender's file is still there.
  EXPECT_EQ(
      c_->Get("/api/v1/documents/" + std::to_string(id) + "/files/" + sha, As("vanthu")).status,
      200u);
  // The recipients no longer see the recalled original.
  EXPECT_EQ(Get(id, "chutich.traso").status, 404u);

  // Refused: the district keeps its copy, and says why.
  auto kept = Do(binhson, "vanthu.binhson",
                 {{"action", "refuse_recall"}, {"reason", "Đã triển khai thực hiện"}});
  EXPECT_EQ(kept.at("status").as_string(), "directed");
  EXPECT_EQ(kept.at("content").as_string(), "Nội dung cần thu hồi");
  EXPECT_EQ(RecipientOf(id, kBinhSon).at("status_code").as_string(), "16");
  EXPECT_EQ(Act(binhson, "vanthu.binhson", {{"action", "accept_recall"}}).status, 409u);
  const auto notes = StatusNotes(id, kBinhSon);
  ASSERT_FALSE(notes.empty());
  EXPECT_EQ(notes.back(), "16 Từ chối thu hồi: Đã triển khai thực hiện");
  EXPECT_TRUE(Has(StatusNotes(id, kTraSon), "15 Đồng ý thu hồi"));
  // After the answer, the copy's progress flows back again.
  Do(binhson, "chuyenvien.tnmt.binhson", {{"action", "complete"}});
  EXPECT_EQ(RecipientOf(id, kBinhSon).at("status_code").as_string(), "06");
}

TEST_P(DocumentsTest, UnitLeaderAssignsInsideTheUnit) {
  // A second officer of the land unit.
  auto created = c_->Post("/api/v1/users",
                          json::serialize(json::object{{"username", "chuyenvien2.tnmt"},
                                                       {"full_name", "Trần Văn Đất"},
                                                       {"password", "Một mật khẩu đủ dài"},
                                                       {"agency_code", kLandUnit},
                                                       {"roles", json::array{"specialist"}}}),
                          "application/json", As("quantri"));
  ASSERT_EQ(created.status, 201u) << created.body;
  sessions_["chuyenvien2.tnmt"] = SignIn(*c_, "chuyenvien2.tnmt", "Một mật khẩu đủ dài");
  auto doc = Register(IncomingBody("Đề nghị kiểm tra hiện trạng đất", "31/CV-STNMT",
                                   "Sở Tài nguyên và Môi trường"));
  const auto id = Id(doc);
  Do(id, "lanhdao",
     {{"action", "direct"}, {"lead", kLandUnit}, {"co_op", json::array{"chuyenvien.tp"}}});
  EXPECT_TRUE(InTasks(id, "chuyenvien.tnmt"));
  EXPECT_TRUE(InTasks(id, "chuyenvien2.tnmt"));
  EXPECT_TRUE(Has(Strings(Get(id, "lanhdao.tnmt").json().at("allowed_actions")), "assign"));
  EXPECT_FALSE(Has(Strings(Get(id, "chuyenvien.tnmt").json().at("allowed_actions")), "assign"));

  // Only the unit's leader, and only to an officer of the unit.
  EXPECT_EQ(Act(id, "chuyenvien.tnmt", {{"action", "assign"}, {"user", "chuyenvien2.tnmt"}}).status,
            403u);
  EXPECT_EQ(Act(id, "lanhdao", {{"action", "assign"}, {"user", "chuyenvien2.tnmt"}}).status,
            403u);  // the district's leader directs; the unit's leader assigns
  EXPECT_EQ(Act(id, "lanhdao.binhson", {{"action", "assign"}, {"user", "chuyenvien2.tnmt"}}).status,
            404u);
  EXPECT_EQ(Act(id, "lanhdao.tnmt", {{"action", "assign"}}).status, 422u);
  EXPECT_EQ(Act(id, "lanhdao.tnmt", {{"action", "assign"}, {"user", "chuyenvien.tp"}}).status,
            422u);  // another unit
  EXPECT_EQ(Act(id, "lanhdao.tnmt", {{"action", "assign"}, {"user", "khongco"}}).status, 422u);
  EXPECT_EQ(Act(id, "lanhdao.tnmt",
                {{"action", "assign"}, {"user", "chuyenvien2.tnmt"}, {"deadline", "2026-03-10"}})
                .status,
            422u);  // a member assign does not take
  EXPECT_TRUE(
      Get(id, "lanhdao").json().at("assignments").as_array()[0].at("assigned_user").is_null());

  auto assigned = Do(id, "lanhdao.tnmt",
                     {{"action", "assign"},
                      {"user", "chuyenvien2.tnmt"},
                      {"note", "Đồng chí Đất kiểm tra thực địa"}});
  EXPECT_EQ(assigned.at("status").as_string(), "directed");
  const auto lead = assigned.at("assignments").as_array()[0].as_object();
  EXPECT_EQ(lead.at("agency_code").as_string(), kLandUnit);
  EXPECT_EQ(lead.at("assigned_user").as_string(), "chuyenvien2.tnmt");
  EXPECT_EQ(lead.at("assigned_by").as_string(), "lanhdao.tnmt");
  EXPECT_EQ(std::string(lead.at("assigned_at").as_string()).substr(0, 16), "2026-03-02T09:00");
  EXPECT_EQ(lead.at("assigned_note").as_string(), "Đồng chí Đất kiểm tra thực địa");
  EXPECT_EQ(assigned.at("events").as_array().back().at("action").as_string(), "assign");
  EXPECT_EQ(assigned.at("events").as_array().back().at("note").as_string(),
            "chuyenvien2.tnmt: Đồng chí Đất kiểm tra thực địa");

  // The officer named has it to handle; the rest of the unit no longer does.
  EXPECT_TRUE(InTasks(id, "chuyenvien2.tnmt"));
  EXPECT_FALSE(InTasks(id, "chuyenvien.tnmt"));
  EXPECT_TRUE(InTasks(id, "chuyenvien.tp"));  // the co-operating officer keeps it
  EXPECT_TRUE(Get(id, "chuyenvien.tnmt").json().at("allowed_actions").as_array().empty());
  EXPECT_EQ(Act(id, "chuyenvien.tnmt", {{"action", "progress"}, {"note", "x"}}).status, 403u);
  EXPECT_EQ(Act(id, "chuyenvien.tnmt", {{"action", "complete"}}).status, 403u);
  Do(id, "chuyenvien2.tnmt", {{"action", "progress"}, {"note", "Đã kiểm tra thực địa"}});
  // Re-assigned while in progress.
  Do(id, "lanhdao.tnmt", {{"action", "assign"}, {"user", "chuyenvien.tnmt"}});
  EXPECT_TRUE(InTasks(id, "chuyenvien.tnmt"));
  EXPECT_FALSE(InTasks(id, "chuyenvien2.tnmt"));
  auto done = Do(id, "chuyenvien.tnmt", {{"action", "complete"}, {"note", "Đã báo cáo"}});
  EXPECT_EQ(done.at("status").as_string(), "done");
  EXPECT_EQ(Act(id, "lanhdao.tnmt", {{"action", "assign"}, {"user", "chuyenvien2.tnmt"}}).status,
            409u);
}

TEST_P(DocumentsTest, RegistersDownloadAsPdfAndXlsx) {
  // March: two incoming documents (one secret, directed, handled with a reply) and an outgoing
  // one sent; April: one more incoming, outside the period.
  auto reply = Issue({{"type", "CV"},
                      {"subject", "Trả lời về cấp đổi sổ đỏ"},
                      {"recipients", json::array{kTraSon}}},
                     "chuyenvien.tnmt");
  Do(Id(reply), "vanthu", {{"action", "send"}});
  auto a = Register(IncomingBody("Đề nghị cấp đổi sổ đỏ", "41/CV-STNMT", "Sở Tài nguyên"));
  auto secret_body = IncomingBody("Kế hoạch bảo vệ bí mật", "42/KH-CA", "Công an tỉnh");
  secret_body["secrecy"] = "mat";
  auto b = Register(secret_body);
  Do(Id(a), "lanhdao", {{"action", "direct"}, {"lead", kLandUnit}, {"deadline", "2026-03-20"}});
  Do(Id(a), "chuyenvien.tnmt", {{"action", "progress"}, {"note", "Đang thẩm định hồ sơ"}});
  Do(Id(a), "chuyenvien.tnmt",
     {{"action", "complete"}, {"reply_document_id", Id(reply)}, {"note", "Đã trả lời"}});
  SetTime("2026-04-06T09:00:00+07:00");
  Register(IncomingBody("Văn bản tháng tư", "77/TB-UBND"));

  const std::string base = "/api/v1/document-registers/";
  const std::string march = "?from=2026-03-01&to=2026-03-31";
  struct Expect {
    std::string name, slug;
    std::vector<std::string> texts;
  };
  const std::vector<Expect> registers = {
      {"incoming",
       "so-van-ban-den",
       {"SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "41/CV-STNMT", "42/KH-CA", "Sở Tài nguyên", "Mật", "02/03/2026",
        "Phòng Tài nguyên và Môi trường", "Từ ngày 01/03/2026 đến ngày 31/03/2026"}},
      {"outgoing",
       "so-van-ban-di",
       {"SỔ ĐĂNG KÝ VĂN BẢN ĐI", "01/UBND-TNMT", "Trả lời về cấp đổi sổ đỏ", "UBND xã Trà Sơn"}},
      {"tracking",
       "so-theo-doi-giai-quyet-van-ban-den",
       {"41/CV-STNMT", "20/03/2026", "Đã trả lời", "01/UBND-TNMT"}},
  };
  for (const auto& reg : registers) {
    for (const std::string format : {"pdf", "xlsx"}) {
      auto r = c_->Get(base + reg.name + march + "&format=" + format, As("vanthu"));
      ASSERT_EQ(r.status, 200u) << reg.name << " " << format << ": " << r.body;
      EXPECT_EQ(r.header("content-disposition"),
                "attachment; filename=\"" + reg.slug + "_2026-03-01_2026-03-31." + format + "\"");
      if (format == "pdf") {
        EXPECT_EQ(r.header("content-type"), "application/pdf");
        ASSERT_EQ(r.body.rfind("%PDF-", 0), 0u);
      } else {
        EXPECT_EQ(r.header("content-type"),
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        ASSERT_EQ(r.body.rfind("PK", 0), 0u);  // a zip
      }
      // Spaces left out: a cell's text may wrap anywhere in the PDF.
      const auto text = NoSpaces(RegisterText(r.body, format == "pdf"));
      for (const auto& t : reg.texts) {
        EXPECT_NE(text.find(NoSpaces(t)), std::string::npos)
            << reg.name << " " << format << " lacks " << t << ":\n"
            << text;
      }
      EXPECT_EQ(text.find("77/TB-UBND"), std::string::npos) << reg.name << " " << format;
    }
  }
  // The default format is PDF; April has its own document; a leader of the agency may print.
  auto april = c_->Get(base + "incoming?from=2026-04-01&to=2026-04-30", As("lanhdao"));
  ASSERT_EQ(april.status, 200u) << april.body;
  EXPECT_EQ(april.header("content-type"), "application/pdf");
  auto april_text = RegisterText(april.body, true);
  EXPECT_NE(april_text.find("77/TB-UBND"), std::string::npos) << april_text;
  EXPECT_EQ(april_text.find("41/CV-STNMT"), std::string::npos);
  (void)b;

  // Roles: clerks and leaders of the agency only.
  EXPECT_EQ(c_->Get(base + "incoming" + march).status, 401u);
  EXPECT_EQ(c_->Get(base + "incoming" + march, As("chuyenvien.tnmt")).status, 403u);
  EXPECT_EQ(c_->Get(base + "incoming" + march, As("lanhdao.tnmt")).status, 403u);
  EXPECT_EQ(c_->Get(base + "tracking" + march, As("quantri")).status, 403u);
  // Another agency's clerk prints its own register, without the district's documents.
  auto other = c_->Get(base + "incoming" + march + "&format=xlsx", As("vanthu.traso"));
  ASSERT_EQ(other.status, 200u) << other.body;
  auto other_text = RegisterText(other.body, false);
  EXPECT_EQ(other_text.find("41/CV-STNMT"), std::string::npos);
  EXPECT_NE(other_text.find("UBND xã Trà Sơn"), std::string::npos) << other_text;

  // Bad input: 422 naming the field.
  auto bad = [&](const std::string& path, const std::string& field) {
    auto r = c_->Get(base + path, As("vanthu"));
    EXPECT_EQ(r.status, 422u) << path << ": " << r.body;
    if (r.status != 422u) return;
    auto error = r.json().at("error").as_object();
    EXPECT_EQ(error.at("code").as_string(), "validation_failed");
    EXPECT_TRUE(error.at("details").as_object().contains(field)) << path << ": " << r.body;
  };
  bad("unknown" + march, "register");
  bad("incoming?to=2026-03-31", "from");
  bad("incoming?from=2026-03-01", "to");
  bad("incoming?from=2026-02-30&to=2026-03-31", "from");
  bad("incoming?from=2026-03-31&to=2026-03-01", "to");
  bad("incoming?from=2026-01-01&to=2027-01-02", "to");  // 367 days
  bad("incoming" + march + "&format=docx", "format");
  EXPECT_EQ(c_->Get(base + "incoming?from=2026-01-01&to=2026-12-31", As("vanthu")).status, 200u);
}

}  // namespace
}  // namespace egov::testing
