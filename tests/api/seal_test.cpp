// The agency's seal verified by anyone (issue 12; CONTRACT.md public
// `GET /api/v1/public/verify/{token}`; docs/documents-output.md) over real HTTP on both
// engines. The seals are applied by the real seal service in this process, on the same
// database, as the issuing use case will inside its transaction; the server only verifies
// (it needs no secret key for that). Checked: the answer to the minute, the file comparison,
// an unknown token (404), a malformed hash (422), an altered row in the database
// (valid:false), the public rate limit, and no personal data in the answer.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/calendar/date.hpp"
#include "core/testing/fake_clock.hpp"
#include "demo_server.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "service/seal/seals.hpp"
#include "service/security/crypto.hpp"
#include "store/database.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;

class SealTest : public DemoServerTest {
 protected:
  void SetUp() override {
    service::security::InitCrypto();
    ServeDemo("2026-12-05T10:00:00+07:00");
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(key_dir_, ec);
  }

  // Seals `input` as the issuing transaction will, at 09:30 on 5 December 2026.
  std::string Seal(const service::seal::SealInput& input) {
    store::Database db(db_.url(), 1);
    core::testing::FakeClock clock(core::calendar::ParseIsoInstant("2026-12-05T09:30:00+07:00"));
    service::seal::KeyEncryptionKey kek(key_dir_ + "/seal.key");
    service::seal::AgencyKeys keys(clock, kek);
    service::seal::Seals seals(db, clock, keys);
    store::WriteTransaction tx(db);
    std::string token = seals.Seal(tx, input);
    tx.Commit();
    return token;
  }
  static service::seal::SealInput Decision() {
    return {core::seal::Kind::kDocument,
            "42",
            service::security::Sha256Hex("%PDF-1.5 the issued decision"),
            "07/QĐ-UBND",
            "000.00.99.H48",
            "Quyết định về việc phê duyệt Kế hoạch chuyển đổi số năm 2027",
            "2026-12-05"};
  }

  std::string key_dir_ = MakeTempDir();
};

std::string Code(const HttpResponse& r) {
  return std::string(r.json().at("error").at("code").as_string());
}

TEST_P(SealTest, AnyoneVerifiesASealWithoutSigningIn) {
  const std::string token = Seal(Decision());
  auto r = c_->Get("/api/v1/public/verify/" + token);
  ASSERT_EQ(r.status, 200u) << r.body;
  auto v = r.json().as_object();
  EXPECT_EQ(v.at("valid"), true);
  EXPECT_EQ(v.at("kind"), "document");
  EXPECT_EQ(v.at("number_notation"), "07/QĐ-UBND");
  EXPECT_EQ(v.at("issuer"),
            (json::object{{"code", "000.00.99.H48"}, {"name", "UBND huyện Trà Bồng"}}));
  EXPECT_EQ(v.at("issued_on"), "2026-12-05");
  EXPECT_EQ(v.at("subject"), "Quyết định về việc phê duyệt Kế hoạch chuyển đổi số năm 2027");
  EXPECT_EQ(v.at("sha256").as_string(),
            service::security::Sha256Hex("%PDF-1.5 the issued decision"));
  EXPECT_EQ(v.at("signed_at"), "2026-12-05T09:30:00+07:00");
  EXPECT_EQ(v.at("algorithm"), "ed25519");
  EXPECT_EQ(v.at("key_id").as_string().size(), 16u);
  EXPECT_EQ(v.at("public_key").as_string().size(), 43u);  // 32 bytes, base64url
  EXPECT_FALSE(v.contains("file_matches"));
  // What it says and nothing else: no document id, no person.
  EXPECT_EQ(v.size(), 11u);

  // The same agency's next seal: the same key, another token.
  const std::string second = Seal(Decision());
  EXPECT_NE(second, token);
  auto w = c_->Get("/api/v1/public/verify/" + second).json();
  EXPECT_EQ(w.at("key_id"), v.at("key_id"));
  EXPECT_EQ(w.at("public_key"), v.at("public_key"));
}

TEST_P(SealTest, AFileInHandIsComparedWithTheSealedOne) {
  const std::string token = Seal(Decision());
  const std::string base = "/api/v1/public/verify/" + token + "?sha256=";
  auto same = c_->Get(base + service::security::Sha256Hex("%PDF-1.5 the issued decision"));
  ASSERT_EQ(same.status, 200u) << same.body;
  EXPECT_EQ(same.json().at("file_matches"), true);
  EXPECT_EQ(same.json().at("valid"), true);
  auto other = c_->Get(base + service::security::Sha256Hex("%PDF-1.5 a forged decision"));
  ASSERT_EQ(other.status, 200u);
  EXPECT_EQ(other.json().at("file_matches"), false);
  auto malformed = c_->Get(base + "abc");
  ASSERT_EQ(malformed.status, 422u) << malformed.body;
  EXPECT_EQ(Code(malformed), "validation_failed");
  EXPECT_TRUE(malformed.json().at("error").at("details").as_object().contains("sha256"));
}

TEST_P(SealTest, AnUnknownTokenIsNotFoundBeforeAnyOtherCheck) {
  Seal(Decision());
  for (const std::string target :
       {"/api/v1/public/verify/q8Zr3vT0pKcW1sXy7uN4bH2gM9aL5eD6fJ0iQwErTyU",
        "/api/v1/public/verify/x", "/api/v1/public/verify/q8Zr3vT0pKcW?sha256=abc"}) {
    auto r = c_->Get(target);
    EXPECT_EQ(r.status, 404u) << target;
    EXPECT_EQ(Code(r), "not_found") << target;
  }
}

TEST_P(SealTest, AnAlteredRowInTheDatabaseIsNoLongerValid) {
  const std::string token = Seal(Decision());
  const std::string untouched = Seal(Decision());
  db_.Execute("UPDATE seals SET title = 'Quyết định về việc giao đất' WHERE token = '" + token +
              "'");
  auto r = c_->Get("/api/v1/public/verify/" + token);
  ASSERT_EQ(r.status, 200u);
  EXPECT_EQ(r.json().at("valid"), false);
  EXPECT_EQ(r.json().at("subject"), "Quyết định về việc giao đất");  // shown as stored
  EXPECT_EQ(c_->Get("/api/v1/public/verify/" + untouched).json().at("valid"), true);

  // The sealed file's hash replaced by a forger's.
  db_.Execute("UPDATE seals SET sha256 = '" + service::security::Sha256Hex("forged") +
              "' WHERE token = '" + untouched + "'");
  EXPECT_EQ(c_->Get("/api/v1/public/verify/" + untouched).json().at("valid"), false);
}

TEST_P(SealTest, ADossierResultIsSealedToo) {
  service::seal::SealInput input = Decision();
  input.kind = core::seal::Kind::kDossierResult;
  input.subject_ref = "000.00.99.H48-261205-0001";
  input.number_notation = "";
  input.title = "Giấy chứng nhận quyền sử dụng đất";
  const std::string token = Seal(input);
  auto v = c_->Get("/api/v1/public/verify/" + token).json();
  EXPECT_EQ(v.at("valid"), true);
  EXPECT_EQ(v.at("kind"), "dossier_result");
  EXPECT_EQ(v.at("number_notation"), "");
}

TEST_P(SealTest, VerificationIsRateLimitedLikeThePublicRoutes) {
  const std::string token = Seal(Decision());
  EgovServer limited(db_.url(), {"--public-rate-limit", "3"});
  HttpClient c(limited.host(), limited.port());
  int ok = 0, limited_count = 0;
  for (int i = 0; i < 6; ++i) {
    auto r = c.Get("/api/v1/public/verify/" + token);
    if (r.status == 200u) ++ok;
    if (r.status == 429u) {
      ++limited_count;
      EXPECT_EQ(Code(r), "rate_limited");
    }
  }
  EXPECT_EQ(ok, 3);
  EXPECT_EQ(limited_count, 3);
}

INSTANTIATE_TEST_SUITE_P(Engines, SealTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace egov::testing
