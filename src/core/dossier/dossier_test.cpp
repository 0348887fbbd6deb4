#include "core/dossier/dossier.hpp"

#include <gtest/gtest.h>

namespace egov::core::dossier {
namespace {

TEST(DossierCode, FollowsCircular01Art19) {
  EXPECT_EQ(FormatDossierCode("000.00.53.H48", "220921", 99), "000.00.53.H48-220921-0099");
  EXPECT_EQ(FormatDossierCode("000.00.53.H48", "220921", 9999), "000.00.53.H48-220921-9999");
  EXPECT_EQ(FormatDossierCode("000.00.53.H48", "220921", 10000), "000.00.53.H48-220921-10000");
}

TEST(MaskName, KeepsOnlyTheFirstLetterOfEachWord) {
  EXPECT_EQ(MaskName("Nguyễn Thị Ánh Tuyết"), "N***** T** Á** T****");
  EXPECT_EQ(MaskName("Đặng Văn A"), "Đ*** V** A");
}

TEST(Applicant, PhoneIdAndEmail) {
  EXPECT_EQ(NormalizePhone("0912 345 678"), "0912345678");
  EXPECT_EQ(NormalizePhone("+84912345678"), "0912345678");
  EXPECT_EQ(NormalizePhone("0255.3822.123"), "02553822123");  // a landline
  EXPECT_FALSE(NormalizePhone("091234567"));
  EXPECT_FALSE(NormalizePhone("abc"));
  EXPECT_FALSE(NormalizePhone("0012345678"));
  EXPECT_TRUE(IsCitizenId("051090001234"));
  EXPECT_FALSE(IsCitizenId("05109000123"));
  EXPECT_FALSE(IsCitizenId("05109000123a"));
  EXPECT_TRUE(IsEmail("a.b@quangngai.gov.vn"));
  EXPECT_FALSE(IsEmail("a@b"));
  EXPECT_FALSE(IsEmail("@b.vn"));
  EXPECT_FALSE(IsEmail("a b@c.vn"));
}

}  // namespace
}  // namespace egov::core::dossier
