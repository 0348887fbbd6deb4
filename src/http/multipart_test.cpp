#include "http/multipart.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace egov::http {
namespace {

TEST(Multipart, SplitsFieldsAndFiles) {
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\nGiấy chứng sinh\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n\r\nbinary\r\n--XyZ--\r\n";
  auto parts = ParseMultipart("multipart/form-data; boundary=XyZ", body);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].name, "component");
  EXPECT_EQ(parts[0].data, "Giấy chứng sinh");
  EXPECT_EQ(parts[1].filename, "a.pdf");
  EXPECT_EQ(parts[1].data, "%PDF-1.4\r\n\r\nbinary");
}

TEST(Multipart, MediaTypeComparesCaseInsensitively) {
  const std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\nx\r\n--b--\r\n";
  EXPECT_EQ(ParseMultipart("Multipart/Form-Data; boundary=b", body).size(), 1u);
  EXPECT_EQ(ParseMultipart(" MULTIPART/FORM-DATA ;boundary=b", body).size(), 1u);
  EXPECT_THROW(ParseMultipart("multipart/form-datax; boundary=b", body), Error);
}

TEST(Multipart, RefusesMalformedBodies) {
  EXPECT_THROW(ParseMultipart("multipart/form-data", "x"), Error);
  EXPECT_THROW(ParseMultipart("multipart/form-data; boundary=b", "no delimiter"), Error);
  EXPECT_THROW(
      ParseMultipart("multipart/form-data; boundary=b", "--b\r\nname: x\r\n\r\nunterminated"),
      Error);
  EXPECT_THROW(ParseMultipart("application/json", "{}"), Error);
}

}  // namespace
}  // namespace egov::http
