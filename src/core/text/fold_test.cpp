#include "core/text/fold.hpp"

#include <gtest/gtest.h>

namespace egov::core::text {
namespace {

TEST(Fold, RemovesDiacriticsAndFoldsDStroke) {
  EXPECT_EQ(Fold("Đất đai"), "dat dai");
  EXPECT_EQ(Fold("Đăng ký khai sinh"), "dang ky khai sinh");
  EXPECT_EQ(Fold("Ủy ban nhân dân xã Trà Sơn"), "uy ban nhan dan xa tra son");
  EXPECT_EQ(Fold("HỘ TỊCH"), "ho tich");
  EXPECT_EQ(Fold("Chứng thực bản sao"), "chung thuc ban sao");
  EXPECT_EQ(Fold("Nguyễn Thị Ánh Tuyết"), "nguyen thi anh tuyet");
}

TEST(Fold, HandlesDecomposedInput) {
  // "Đất" written with a combining dot below and circumflex/acute (NFD-style).
  EXPECT_EQ(Fold("D\u0110a\u0302\u0301t"), "ddat");
  EXPECT_EQ(Fold("a\u0300"), "a");
}

TEST(Fold, KeepsOtherCharactersAndSurvivesMalformedBytes) {
  EXPECT_EQ(Fold("1.001193 – Hộ"), "1.001193 – ho");
  EXPECT_EQ(Fold("漢字"), "漢字");
  std::string bad = "a\xff\xc3";
  EXPECT_EQ(Fold(bad).size(), 3u);
}

TEST(NormalizeSpaces, TrimsAndCollapses) {
  EXPECT_EQ(NormalizeSpaces("  Nguyễn \t  Văn\u00a0 A  "), "Nguyễn Văn A");
  EXPECT_EQ(NormalizeSpaces(""), "");
  EXPECT_EQ(NormalizeSpaces("   "), "");
}

TEST(CodePointCount, CountsCharactersNotBytes) {
  EXPECT_EQ(CodePointCount("Đất"), 3u);
  EXPECT_EQ(CodePointCount("abc"), 3u);
}

}  // namespace
}  // namespace egov::core::text
