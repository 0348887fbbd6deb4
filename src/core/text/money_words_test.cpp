#include "core/text/money_words.hpp"

#include <gtest/gtest.h>

namespace egov::core::text {
namespace {

TEST(MoneyInWords, ReadsAmountsAsVietnameseReceiptsWriteThem) {
  EXPECT_EQ(MoneyInWords(0), "Không đồng");
  EXPECT_EQ(MoneyInWords(2000), "Hai nghìn đồng");
  EXPECT_EQ(MoneyInWords(8000), "Tám nghìn đồng");
  EXPECT_EQ(MoneyInWords(10000), "Mười nghìn đồng");
  EXPECT_EQ(MoneyInWords(15000), "Mười lăm nghìn đồng");
  EXPECT_EQ(MoneyInWords(21000), "Hai mươi mốt nghìn đồng");
  EXPECT_EQ(MoneyInWords(24000), "Hai mươi tư nghìn đồng");
  EXPECT_EQ(MoneyInWords(30000), "Ba mươi nghìn đồng");
  EXPECT_EQ(MoneyInWords(105), "Một trăm linh năm đồng");
  EXPECT_EQ(MoneyInWords(200000), "Hai trăm nghìn đồng");
  EXPECT_EQ(MoneyInWords(1205000), "Một triệu hai trăm linh năm nghìn đồng");
  EXPECT_EQ(MoneyInWords(1005000), "Một triệu không trăm linh năm nghìn đồng");
  EXPECT_EQ(MoneyInWords(1000000000), "Một tỷ đồng");
  EXPECT_EQ(MoneyInWords(2500000), "Hai triệu năm trăm nghìn đồng");
}

}  // namespace
}  // namespace egov::core::text
