// The seal service on a real SQLite database (temporary folder, migrated) with a FakeClock:
// keys made on first use and kept encrypted, seals that verify, and every alteration of a
// stored seal or key detected.
#include "service/seal/seals.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "core/calendar/date.hpp"
#include "core/error.hpp"
#include "core/testing/fake_clock.hpp"
#include "service/security/crypto.hpp"
#include "store/access/agencies.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/seal/seals.hpp"

namespace egov::service::seal {
namespace {

class SealsTest : public ::testing::Test {
 protected:
  static std::string MakeDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "egov-seal-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
  }

  void SetUp() override {
    security::InitCrypto();
    store::Migrate(db_);
    store::WriteTransaction tx(db_);
    core::access::Agency province{
        0, "000.00.00.H48", std::nullopt, "", "UBND tỉnh Quảng Ngãi", "province", "UBND", "", 0, 0};
    province = store::access::InsertAgency(tx, province, nullptr, 0);
    core::access::Agency district{
        0, "000.00.35.H48", std::nullopt, "", "UBND huyện Trà Bồng", "district", "UBND", "", 0, 0};
    store::access::InsertAgency(tx, district, &province, 0);
    tx.Commit();
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  static SealInput Input(const std::string& agency = "000.00.35.H48") {
    return {core::seal::Kind::kDocument,
            "42",
            security::Sha256Hex("the issued PDF"),
            "07/QĐ-UBND",
            agency,
            "Quyết định về việc phê duyệt kế hoạch",
            "2026-12-05"};
  }
  std::string SealOne(const SealInput& input) {
    store::WriteTransaction tx(db_);
    std::string token = seals_.Seal(tx, input);
    tx.Commit();
    return token;
  }
  void Exec(const std::string& sql) {
    store::Session s(db_);
    s.sql() << sql;
  }

  std::string dir_ = MakeDir();
  store::Database db_{"sqlite:" + dir_ + "/egov.db", 2};
  core::testing::FakeClock clock_{core::calendar::ParseIsoInstant("2026-12-05T09:30:00+07:00")};
  KeyEncryptionKey kek_{dir_ + "/keys/seal.key"};
  AgencyKeys keys_{clock_, kek_};
  Seals seals_{db_, clock_, keys_};
};

TEST_F(SealsTest, ASealVerifiesAndRecordsWhatWasSealed) {
  std::string token = SealOne(Input());
  EXPECT_EQ(token.size(), 43u);
  auto v = seals_.Verify(token);
  EXPECT_TRUE(v.valid);
  EXPECT_EQ(v.seal.kind, core::seal::Kind::kDocument);
  EXPECT_EQ(v.seal.subject_ref, "42");
  EXPECT_EQ(v.seal.number_notation, "07/QĐ-UBND");
  EXPECT_EQ(v.seal.issuer_code, "000.00.35.H48");
  EXPECT_EQ(v.seal.issuer_name, "UBND huyện Trà Bồng");
  EXPECT_EQ(v.seal.title, "Quyết định về việc phê duyệt kế hoạch");
  EXPECT_EQ(v.seal.issued_on, "2026-12-05");
  EXPECT_EQ(v.seal.sha256, security::Sha256Hex("the issued PDF"));
  EXPECT_EQ(core::calendar::FormatVietnamInstant(v.seal.signed_at), "2026-12-05T09:30:00+07:00");
  EXPECT_EQ(v.seal.algorithm, "ed25519");
  EXPECT_EQ(v.seal.key_id.size(), 16u);
  auto raw = FromBase64Url(v.public_key);
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->size(), 32u);
  EXPECT_EQ(KeyIdOf(*raw), v.seal.key_id);
  EXPECT_FALSE(v.file_matches);
}

TEST_F(SealsTest, OneKeyPerAgencyMadeOnFirstUseAndKeptEncrypted) {
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/keys/seal.key"));  // nothing before a seal
  auto a = seals_.Verify(SealOne(Input()));
  auto b = seals_.Verify(SealOne(Input()));
  auto c = seals_.Verify(SealOne(Input("000.00.00.H48")));
  EXPECT_EQ(a.seal.key_id, b.seal.key_id);
  EXPECT_NE(a.seal.key_id, c.seal.key_id);
  EXPECT_NE(a.seal.token, b.seal.token);

  // The key file: 64 hex digits, readable by its owner only.
  struct stat st {};
  ASSERT_EQ(::stat((dir_ + "/keys/seal.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::ifstream in(dir_ + "/keys/seal.key");
  std::string hex;
  in >> hex;
  EXPECT_EQ(hex.size(), 64u);

  // The database holds the public key and a sealed secret key that does not contain it in
  // clear (an Ed25519 secret key ends with its public key).
  store::Session s(db_);
  auto key = store::seal::FindKey(s, a.seal.key_id);
  ASSERT_TRUE(key);
  auto sealed = FromBase64Url(key->private_key_sealed);
  ASSERT_TRUE(sealed);
  EXPECT_EQ(sealed->size(), 24u + 64u + 16u);  // nonce, secret key, tag
  EXPECT_EQ(sealed->find(*FromBase64Url(key->public_key)), std::string::npos);
}

TEST_F(SealsTest, EveryAlterationOfTheStoredSealMakesItInvalid) {
  const std::string token = SealOne(Input());
  const std::string other = security::Sha256Hex("another file");
  for (const std::string& change :
       {"sha256 = '" + other + "'", std::string("number_notation = '08/QĐ-UBND'"),
        std::string("title = 'Quyết định khác'"), std::string("issued_on = '2026-12-06'"),
        std::string("issuer_name = 'UBND huyện Bình Sơn'"), std::string("kind = 'dossier_result'"),
        std::string("subject_ref = '43'"), std::string("signed_at = signed_at + 1")}) {
    SCOPED_TRACE(change);
    store::Session s(db_);
    {
      // Altered, checked, and put back.
      s.sql() << "CREATE TEMP TABLE IF NOT EXISTS saved AS SELECT * FROM seals";
      s.sql() << "UPDATE seals SET " + change;
      EXPECT_FALSE(seals_.Verify(token).valid);
      s.sql() << "DELETE FROM seals";
      s.sql() << "INSERT INTO seals SELECT * FROM saved";
      s.sql() << "DROP TABLE saved";
    }
    EXPECT_TRUE(seals_.Verify(token).valid);
  }
}

TEST_F(SealsTest, AReplacedPublicKeyOrSignatureIsInvalid) {
  const std::string token = SealOne(Input());
  const std::string second = SealOne(Input());
  auto v = seals_.Verify(token);
  auto w = seals_.Verify(second);
  // Another seal's signature over this record.
  Exec("UPDATE seals SET signature = '" + w.seal.signature + "' WHERE token = '" + token + "'");
  EXPECT_FALSE(seals_.Verify(token).valid);
  EXPECT_TRUE(seals_.Verify(second).valid);
  // A public key that is not the signer's.
  auto pair = GenerateEd25519();
  Exec("UPDATE agency_keys SET public_key = '" + Base64Url(pair.public_key) + "'");
  EXPECT_FALSE(seals_.Verify(second).valid);
  EXPECT_NE(seals_.Verify(second).public_key, v.public_key);
}

TEST_F(SealsTest, UnknownTokenIsNotFoundAndAFilesHashIsCompared) {
  try {
    seals_.Verify("no-such-token");
    FAIL() << "expected not_found";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  }
  const std::string token = SealOne(Input());
  std::string upper = security::Sha256Hex("the issued PDF");
  for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  EXPECT_EQ(seals_.Verify(token, security::Sha256Hex("the issued PDF")).file_matches, true);
  EXPECT_EQ(seals_.Verify(token, upper).file_matches, true);
  EXPECT_EQ(seals_.Verify(token, security::Sha256Hex("a forged PDF")).file_matches, false);
  try {
    seals_.Verify(token, std::string("abc"));
    FAIL() << "expected validation_failed";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kValidationFailed);
    EXPECT_EQ(e.fields().count("sha256"), 1u);
  }
}

TEST_F(SealsTest, MalformedInputIsRefusedAndWritesNothing) {
  auto refused = [&](SealInput input, const std::string& field) {
    store::WriteTransaction tx(db_);
    try {
      seals_.Seal(tx, input);
      ADD_FAILURE() << "expected a refusal naming " << field;
    } catch (const Error& e) {
      EXPECT_EQ(e.fields().count(field), 1u) << e.message();
    }
  };
  SealInput in = Input();
  in.sha256 = "ABC";
  refused(in, "sha256");
  in = Input();
  in.title = "";
  refused(in, "title");
  in = Input();
  in.issued_on = "05/12/2026";
  refused(in, "issued_on");
  in = Input();
  in.subject_ref = "";
  refused(in, "subject_ref");
  {
    store::WriteTransaction tx(db_);
    try {
      seals_.Seal(tx, Input("999.99.99.H48"));
      ADD_FAILURE() << "expected not_found";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kNotFound);
    }
  }
  store::Session s(db_);
  long long count = -1;
  s.sql() << "SELECT COUNT(*) FROM seals", soci::into(count);
  EXPECT_EQ(count, 0);
  s.sql() << "SELECT COUNT(*) FROM agency_keys", soci::into(count);
  EXPECT_EQ(count, 0);
}

TEST_F(SealsTest, ATokenChosenBeforeTheFileIsKept) {
  SealInput input = Input();
  input.token = Seals::NewToken();
  EXPECT_EQ(SealOne(input), input.token);
  EXPECT_TRUE(seals_.Verify(input.token).valid);
  // The same token twice is refused by the database, never two seals behind one QR.
  EXPECT_THROW(SealOne(input), std::exception);
  input.token = "short";
  EXPECT_THROW(SealOne(input), Error);
}

TEST_F(SealsTest, ARolledBackIssueLeavesNoSeal) {
  std::string token;
  {
    store::WriteTransaction tx(db_);
    token = seals_.Seal(tx, Input());
  }  // not committed
  EXPECT_THROW(seals_.Verify(token), Error);
}

TEST_F(SealsTest, KeysDoNotOpenWithAnotherKeyFileNorInAnotherAgencysRow) {
  SealOne(Input());
  SealOne(Input("000.00.00.H48"));
  // Another installation's key file cannot sign with these keys.
  KeyEncryptionKey other(dir_ + "/other.key");
  AgencyKeys other_keys(clock_, other);
  Seals other_seals(db_, clock_, other_keys);
  store::WriteTransaction tx(db_);
  EXPECT_THROW(other_seals.Seal(tx, Input()), std::runtime_error);
  // A sealed secret key copied into another agency's row does not open there.
  tx.sql() << "UPDATE agency_keys SET private_key_sealed = (SELECT private_key_sealed FROM "
              "agency_keys k JOIN agencies a ON a.id = k.agency_id WHERE a.code = "
              "'000.00.00.H48') WHERE agency_id = (SELECT id FROM agencies WHERE code = "
              "'000.00.35.H48')";
  EXPECT_THROW(seals_.Seal(tx, Input()), std::runtime_error);
}

TEST_F(SealsTest, AMalformedKeyFileStopsSealing) {
  std::filesystem::create_directories(dir_ + "/bad");
  std::ofstream(dir_ + "/bad/seal.key") << "not hex\n";
  KeyEncryptionKey bad(dir_ + "/bad/seal.key");
  AgencyKeys bad_keys(clock_, bad);
  Seals bad_seals(db_, clock_, bad_keys);
  store::WriteTransaction tx(db_);
  EXPECT_THROW(bad_seals.Seal(tx, Input()), std::runtime_error);
}

}  // namespace
}  // namespace egov::service::seal
