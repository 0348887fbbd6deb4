// Loading the exchange keys and pinned certificates from their folders.
#include "exchange/signing_key.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "exchange/testing/throwaway_key.hpp"

namespace egov::exchange {
namespace {

class KeyFolders : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() /
        ("egov-exchange-keys-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::filesystem::path dir_;
};

const SigningKey& Key() {
  static const SigningKey key = testing::MakeThrowawayKey("UBND huyện Bình Sơn");
  return key;
}

TEST_F(KeyFolders, SigningKeysByAgency) {
  Write("000.00.53.H48.key.pem", Key().private_key_pem());
  Write("000.00.53.H48.cert.pem", Key().certificate_pem());
  Write("README.txt", "not a key");
  const SigningKeys keys = SigningKeys::FromDirectory(dir_);
  ASSERT_NE(keys.Find("000.00.53.H48"), nullptr);
  EXPECT_EQ(keys.Find("000.00.53.H48")->certificate_sha256(), Key().certificate_sha256());
  EXPECT_EQ(keys.Find("000.00.00.H48"), nullptr);
}

TEST_F(KeyFolders, AKeyWithoutItsCertificateIsAnError) {
  Write("000.00.53.H48.key.pem", Key().private_key_pem());
  try {
    SigningKeys::FromDirectory(dir_);
    FAIL() << "loaded";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("000.00.53.H48.key.pem: cannot read"), std::string::npos)
        << e.what();
  }
}

TEST_F(KeyFolders, PinnedCertificatesByAgency) {
  Write("000.00.53.H48.pem", Key().certificate_pem());
  Write("000.00.53.H48.2027.pem", testing::MakeThrowawayKey("next year").certificate_pem());
  const TrustStore trust = TrustStore::FromDirectory(dir_);
  EXPECT_TRUE(trust.HasPins("000.00.53.H48"));
  EXPECT_TRUE(trust.IsPinned("000.00.53.H48", Key().certificate_sha256()));
  EXPECT_FALSE(trust.IsPinned("000.00.53.H48", std::string(64, '0')));
  EXPECT_FALSE(trust.HasPins("000.00.00.H48"));
}

}  // namespace
}  // namespace egov::exchange
