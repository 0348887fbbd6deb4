// The shipped document types (data/documents/types.json): every abbreviation of Decree
// 30/2020/NĐ-CP Phụ lục III, and CV for a công văn.
#include <gtest/gtest.h>

#include "core/document/numbering.hpp"
#include "service/document/documents.hpp"

namespace egov::service::document {
namespace {

TEST(DocumentTypes, ShipsPhuLucIIIAndCongVan) {
  const auto types = LoadTypes();
  for (const char* abbreviation :
       {"NQ", "QĐ",  "CT", "QC", "QyĐ", "TC",  "TB",  "HD", "CTr", "KH",  "PA", "ĐA", "DA", "BC",
        "BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "CV"}) {
    const auto* t = types.Find(abbreviation);
    ASSERT_NE(t, nullptr) << abbreviation;
    EXPECT_FALSE(t->name.empty());
    EXPECT_EQ(core::document::AbbreviationProblem(t->abbreviation), std::nullopt) << abbreviation;
  }
  EXPECT_EQ(types.types().size(), 28u);
  EXPECT_EQ(types.Find("QĐ")->name, "Quyết định");
  EXPECT_EQ(types.Find("CV")->name, "Công văn");
  EXPECT_TRUE(types.Find("QĐ")->normative_allowed);
  EXPECT_TRUE(types.Find("NQ")->normative_allowed);
  EXPECT_FALSE(types.Find("CV")->normative_allowed);
  EXPECT_FALSE(types.Find("TB")->normative_allowed);
}

}  // namespace
}  // namespace egov::service::document
