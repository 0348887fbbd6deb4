// The citizen's rating of a returned dossier (issue 10, "Rating"; CONTRACT.md public;
// docs/workflow.md, "Rating") over real HTTP on both engines, on the test clock: a land
// dossier (1.012789) received at Trà Bồng's office and walked to its return, then rated once
// with the receipt's public token. Every rule: not before the return (409), a wrong token or
// code (404, the same answer), scores and criteria 1–5 and only the four criteria (422), the
// comment at most 1,000 characters after NFC and without control characters (422), a second
// rating (409); GET answers the rating or 404; the staff view carries it.
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

constexpr const char* kLand = "1.012789";

class RatingTest : public DemoServerTest {
 protected:
  void SetUp() override { ServeDemo("2026-02-02T08:00:00+07:00"); }

  // A land dossier received at the district's office at Mon 2/2 08:00.
  json::object Intake() {
    json::object body{{"procedure_code", kLand},
                      {"channel", "direct"},
                      {"applicant", json::object{{"full_name", "Trần Thị Mai"},
                                                 {"id_number", "051090004399"},
                                                 {"phone", "0905 123 499"},
                                                 {"address", "Thôn Bình Trung, huyện Trà Bồng"}}},
                      {"components", CatalogComponents(*c_, kLand)}};
    auto r = c_->Post("/api/v1/dossiers", json::serialize(body), "application/json",
                      At("2026-02-02T08:00:00+07:00", "tiepnhan"));
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.json().as_object();
  }
  void Do(const std::string& code, const std::string& instant, const std::string& user,
          const std::string& action) {
    auto r = c_->Post("/api/v1/dossiers/" + code + "/actions",
                      json::serialize(json::object{{"action", action}}), "application/json",
                      At(instant, user));
    EXPECT_EQ(r.status, 200u) << action << " " << r.body;
  }
  // Forwarded, reviewed, completed and returned on Tue 3/2.
  void WalkToReturn(const std::string& code) {
    Do(code, "2026-02-02T09:00:00+07:00", "tiepnhan", "forward");
    Do(code, "2026-02-03T09:00:00+07:00", "chuyenvien.tnmt", "forward");
    Do(code, "2026-02-03T10:00:00+07:00", "lanhdao.tnmt", "complete");
    Do(code, "2026-02-03T14:00:00+07:00", "tiepnhan", "return_result");
  }
  HttpResponse Rate(const std::string& code, const json::object& body) {
    return c_->Post("/api/v1/public/dossiers/" + code + "/rating", json::serialize(body));
  }
  // The refusal's status and error code, and the field it names (422).
  static std::string Field(const HttpResponse& r) {
    const auto answer = r.json();
    const auto& details = answer.at("error").at("details").as_object();
    return details.empty() ? std::string() : std::string(details.begin()->key());
  }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }
};

INSTANTIATE_TEST_SUITE_P(Engines, RatingTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(RatingTest, OnceAfterTheReturnWithTheReceiptsToken) {
  auto d = Intake();
  const std::string code = Str(d.at("code"));
  const std::string token = Str(d.at("public_token"));
  const json::object good{{"token", token},
                          {"score", 4},
                          {"criteria", json::object{{"attitude", 5}, {"time_taken", 3}}},
                          {"comment", "Cán bộ hướng dẫn tận tình."}};

  // Before the return: 409, saying the rating opens after the result is returned.
  auto early = Rate(code, good);
  ASSERT_EQ(early.status, 409u) << early.body;
  EXPECT_EQ(early.json().at("error").at("code"), "conflict");
  EXPECT_NE(early.body.find("trả kết quả"), std::string::npos) << early.body;
  // A wrong token (even the right one's neighbour) or an unknown code: the same 404, before
  // anything is said about the status.
  json::object wrong = good;
  wrong["token"] = token.substr(0, token.size() - 1) + (token.back() == 'A' ? "B" : "A");
  auto r = Rate(code, wrong);
  EXPECT_EQ(r.status, 404u) << r.body;
  EXPECT_EQ(r.json().at("error").at("code"), "not_found");
  const std::string unknown_code = code.substr(0, code.size() - 4) + "9999";
  auto unknown = Rate(unknown_code, good);
  EXPECT_EQ(unknown.status, 404u) << unknown.body;
  EXPECT_EQ(unknown.json().at("error"), r.json().at("error")) << "never reveal which";
  EXPECT_EQ(c_->Get("/api/v1/public/dossiers/" + code + "/rating?token=" + token).status, 404u);

  WalkToReturn(code);
  server_->SetTime("2026-02-04T09:15:30+07:00");
  EXPECT_EQ(Rate(code, wrong).status, 404u);
  EXPECT_EQ(Rate(unknown_code, good).status, 404u);
  EXPECT_EQ(c_->Get("/api/v1/public/dossiers/" + code + "/rating?token=" + token).status, 404u)
      << "none yet";
  // The staff view: no rating yet.
  auto staff = At("2026-02-04T09:15:30+07:00", "lanhdao");
  auto view = c_->Get("/api/v1/dossiers/" + code, staff);
  ASSERT_EQ(view.status, 200u) << view.body;
  EXPECT_EQ(view.json().at("status"), "returned");
  EXPECT_FALSE(view.json().as_object().contains("rating"));

  // Bodies refused, naming the field; none of them rates.
  struct Case {
    const char* name;
    json::object body;
    std::string field;
  };
  auto with = [&](const char* key, json::value v) {
    json::object b = good;
    b[key] = std::move(v);
    return b;
  };
  const std::string nfd_e = "e\xCC\x82\xCC\x81";  // e + circumflex + acute: ế in NFD
  std::string nfc_1000, nfd_1000;
  for (int i = 0; i < 1000; ++i) {
    nfc_1000 += "\xE1\xBA\xBF";  // ế (NFC, one character)
    nfd_1000 += nfd_e;           // three code points each
  }
  json::object no_score = good;
  no_score.erase("score");
  const std::vector<Case> cases{
      {"score 0", with("score", 0), "score"},
      {"score 6", with("score", 6), "score"},
      {"score 4.5", with("score", 4.5), "score"},
      {"score text", with("score", "5"), "score"},
      {"no score", no_score, "score"},
      {"unknown criterion", with("criteria", json::object{{"speed", 5}}), "criteria.speed"},
      {"criterion 0", with("criteria", json::object{{"guidance", 0}}), "criteria.guidance"},
      {"criterion 6", with("criteria", json::object{{"fees_as_posted", 6}}),
       "criteria.fees_as_posted"},
      {"comment 1001", with("comment", json::string(nfc_1000 + "a")), "comment"},
      {"comment 1001 NFD", with("comment", json::string(nfd_1000 + nfd_e)), "comment"},
      {"comment with a control character", with("comment", "Tốt\x07"), "comment"},
      {"comment with a bidi control", with("comment", "Tốt\xE2\x80\xAE"), "comment"},
      {"unknown member", with("stars", 5), "stars"},
  };
  for (const auto& c : cases) {
    auto refused = Rate(code, c.body);
    ASSERT_EQ(refused.status, 422u) << c.name << " " << refused.body;
    EXPECT_EQ(refused.json().at("error").at("code"), "validation_failed") << c.name;
    EXPECT_EQ(Field(refused), c.field) << c.name << " " << refused.body;
  }
  EXPECT_EQ(c_->Get("/api/v1/public/dossiers/" + code + "/rating?token=" + token).status, 404u);

  // Rated: 201 with what was given, at the clock's time.
  auto rated = Rate(code, good);
  ASSERT_EQ(rated.status, 201u) << rated.body;
  const auto answer = rated.json();
  EXPECT_EQ(Str(answer.at("code")), code);
  EXPECT_EQ(answer.at("score"), 4);
  EXPECT_EQ(answer.at("criteria"), json::value(json::object{{"attitude", 5}, {"time_taken", 3}}));
  EXPECT_EQ(answer.at("comment"), "Cán bộ hướng dẫn tận tình.");
  EXPECT_EQ(Str(answer.at("rated_at")).substr(0, 19), "2026-02-04T09:15:30");
  EXPECT_FALSE(answer.as_object().contains("token"));

  // Read back with the token; a wrong or missing token is 404.
  auto got = c_->Get("/api/v1/public/dossiers/" + code + "/rating?token=" + token);
  ASSERT_EQ(got.status, 200u) << got.body;
  EXPECT_EQ(got.json(), answer);
  EXPECT_EQ(
      c_->Get("/api/v1/public/dossiers/" + code + "/rating?token=" + Str(wrong["token"])).status,
      404u);
  EXPECT_EQ(c_->Get("/api/v1/public/dossiers/" + code + "/rating").status, 404u);

  // Twice: 409, and the first rating stands.
  auto again = Rate(code, with("score", 1));
  EXPECT_EQ(again.status, 409u) << again.body;
  EXPECT_EQ(again.json().at("error").at("code"), "conflict");
  EXPECT_EQ(c_->Get("/api/v1/public/dossiers/" + code + "/rating?token=" + token).json(), answer);

  // The staff's single-dossier view carries it.
  view = c_->Get("/api/v1/dossiers/" + code, staff);
  ASSERT_EQ(view.status, 200u) << view.body;
  EXPECT_EQ(view.json().at("rating"), answer);
}

TEST_P(RatingTest, TheCommentIsStoredInNfcAndMayBeLeftOut) {
  auto d = Intake();
  const std::string code = Str(d.at("code"));
  WalkToReturn(code);
  // 1,000 characters written in NFD (3,000 code points) are 1,000 in NFC: accepted, stored
  // composed; the criteria may be left out altogether.
  std::string nfd, nfc;
  for (int i = 0; i < 1000; ++i) {
    nfd += "e\xCC\x82\xCC\x81";
    nfc += "\xE1\xBA\xBF";
  }
  auto rated = Rate(code, {{"token", d.at("public_token")}, {"score", 5}, {"comment", nfd}});
  ASSERT_EQ(rated.status, 201u) << rated.body.substr(0, 300);
  EXPECT_EQ(Str(rated.json().at("comment")), nfc);
  EXPECT_EQ(rated.json().at("criteria"), json::value(json::object{}));

  // Another dossier rated with the score only: an empty comment, no criteria.
  auto other = Intake();
  WalkToReturn(Str(other.at("code")));
  auto bare = Rate(Str(other.at("code")), {{"token", other.at("public_token")}, {"score", 1}});
  ASSERT_EQ(bare.status, 201u) << bare.body;
  EXPECT_EQ(bare.json().at("comment"), "");
  EXPECT_EQ(bare.json().at("criteria"), json::value(json::object{}));
  // One dossier's token does not open the other's rating.
  EXPECT_EQ(c_->Get("/api/v1/public/dossiers/" + Str(other.at("code")) +
                    "/rating?token=" + Str(d.at("public_token")))
                .status,
            404u);
}

}  // namespace
}  // namespace egov::testing
