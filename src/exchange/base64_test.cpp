#include "exchange/base64.hpp"

#include <gtest/gtest.h>

namespace egov::exchange {
namespace {

TEST(Base64, Rfc4648Vectors) {
  const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                         {"f", "Zg=="},
                                                         {"fo", "Zm8="},
                                                         {"foo", "Zm9v"},
                                                         {"foob", "Zm9vYg=="},
                                                         {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
  for (auto [plain, encoded] : vectors) {
    EXPECT_EQ(Base64Encode(plain), encoded);
    EXPECT_EQ(Base64Decode(encoded), plain);
  }
}

TEST(Base64, EveryByteRoundTrips) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  EXPECT_EQ(Base64Decode(Base64Encode(bytes)), bytes);
}

TEST(Base64, WhitespaceIsSkipped) {
  EXPECT_EQ(Base64Decode("Zm9v\r\nYmFy\n"), "foobar");
  EXPECT_EQ(Base64Decode("  Zm9v YmE=\t"), "fooba");
}

TEST(Base64, RefusesWhatIsNotBase64) {
  for (const char* bad :
       {"Zm9v!", "Zm9", "Z===", "Zm=v", "Zm9vYg==Zg==", "Zm9vYh==", "Zg=", "Zm9vYmE=x", "Zm-_"}) {
    EXPECT_EQ(Base64Decode(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace egov::exchange
