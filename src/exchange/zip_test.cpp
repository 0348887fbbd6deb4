#include "exchange/zip.hpp"

#include <gtest/gtest.h>

#include "exchange/testing/sample_package.hpp"

namespace egov::exchange {
namespace {

std::string Reason(const std::variant<UnzippedFile, std::string>& result) {
  const auto* reason = std::get_if<std::string>(&result);
  return reason == nullptr ? "(unzipped)" : *reason;
}

TEST(Zip, OneFileRoundTripsWithItsName) {
  const std::string bytes = testing::SampleFileBytes();
  const std::string archive = ZipOne("Quyết định 07.pdf", bytes);
  EXPECT_EQ(archive.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_LT(archive.size(), bytes.size());  // deflated
  auto result = UnzipOne(archive, 1 << 20);
  ASSERT_TRUE(std::holds_alternative<UnzippedFile>(result)) << Reason(result);
  EXPECT_EQ(std::get<UnzippedFile>(result).name, "Quyết định 07.pdf");
  EXPECT_EQ(std::get<UnzippedFile>(result).bytes, bytes);
  EXPECT_EQ(ZipOne("Quyết định 07.pdf", bytes), archive);  // deterministic
}

TEST(Zip, EmptyFile) {
  auto result = UnzipOne(ZipOne("empty.txt", ""), 100);
  ASSERT_TRUE(std::holds_alternative<UnzippedFile>(result)) << Reason(result);
  EXPECT_EQ(std::get<UnzippedFile>(result).bytes, "");
}

TEST(Zip, NotAZip) {
  EXPECT_EQ(Reason(UnzipOne("%PDF-1.7 plain file", 100)),
            "Nội dung tệp đính kèm không phải tệp nén zip.");
  EXPECT_EQ(Reason(UnzipOne("PK\x03\x04 truncated", 100)), "Tệp nén zip bị hỏng.");
}

TEST(Zip, DamagedContentFailsItsCrc) {
  std::string archive = ZipOne("a.bin", testing::SampleFileBytes());
  archive[60] = static_cast<char>(archive[60] ^ 0x55);  // inside the deflated data
  EXPECT_EQ(Reason(UnzipOne(archive, 1 << 20)), "Tệp nén zip bị hỏng.");
}

TEST(Zip, TooLargeOnceUnpacked) {
  const std::string zeros(3 * 1024 * 1024, '\0');  // deflates to a few KiB
  const std::string archive = ZipOne("zeros.bin", zeros);
  EXPECT_LT(archive.size(), 64u * 1024);
  EXPECT_EQ(Reason(UnzipOne(archive, 2 * 1024 * 1024)),
            "Tệp đính kèm sau khi giải nén lớn hơn 2 MiB.");
  EXPECT_TRUE(std::holds_alternative<UnzippedFile>(UnzipOne(archive, 3 * 1024 * 1024)));
}

}  // namespace
}  // namespace egov::exchange
