#include "exchange/zip.hpp"

#include <gtest/gtest.h>
#include <zip.h>

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

// An archive of the given entries, made with libzip directly.
std::string Archive(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  zip_source_keep(out);
  for (const auto& [name, bytes] : entries) {
    if (name.back() == '/') {
      zip_dir_add(z, name.c_str(), 0);
    } else {
      zip_file_add(z, name.c_str(), zip_source_buffer(z, bytes.data(), bytes.size(), 0), 0);
    }
  }
  zip_close(z);
  zip_source_open(out);
  zip_source_seek(out, 0, SEEK_END);
  std::string result(static_cast<std::size_t>(zip_source_tell(out)), '\0');
  zip_source_seek(out, 0, SEEK_SET);
  zip_source_read(out, result.data(), result.size());
  zip_source_close(out);
  zip_source_free(out);
  return result;
}

TEST(Zip, ExactlyOneFile) {
  EXPECT_EQ(Reason(UnzipOne(Archive({{"a.txt", "a"}, {"b.txt", "b"}}), 100)),
            "Tệp nén zip của tệp đính kèm phải chứa đúng một tệp.");
  EXPECT_EQ(Reason(UnzipOne(Archive({{"thu-muc/", ""}}), 100)),
            "Tệp nén zip của tệp đính kèm không chứa tệp nào.");
  auto in_folder = UnzipOne(Archive({{"thu-muc/", ""}, {"thu-muc/a.txt", "nội dung"}}), 100);
  ASSERT_TRUE(std::holds_alternative<UnzippedFile>(in_folder)) << Reason(in_folder);
  EXPECT_EQ(std::get<UnzippedFile>(in_folder).bytes, "nội dung");
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
