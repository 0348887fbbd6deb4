// Numbering series and số/ký hiệu (Decree 30/2020/NĐ-CP Art. 15, DOMAIN.md §4).
#include "core/document/numbering.hpp"

#include <gtest/gtest.h>

namespace egov::core::document {
namespace {

TEST(DocumentNumbering, NumbersBelowTenGetALeadingZero) {
  EXPECT_EQ(FormatNumber(1), "01");
  EXPECT_EQ(FormatNumber(7), "07");
  EXPECT_EQ(FormatNumber(9), "09");
  EXPECT_EQ(FormatNumber(10), "10");
  EXPECT_EQ(FormatNumber(45), "45");
  EXPECT_EQ(FormatNumber(123), "123");
  EXPECT_EQ(FormatNumber(10000), "10000");
}

TEST(DocumentNumbering, TypedDocumentsJoinTypeAndIssuer) {
  EXPECT_EQ(FormatNotation({7, "QĐ", "UBND", "VP", std::nullopt}), "07/QĐ-UBND");
  EXPECT_EQ(FormatNotation({15, "TB", "UBND", "", std::nullopt}), "15/TB-UBND");
  EXPECT_EQ(FormatNotation({3, "QyĐ", "UBND", "TNMT", std::nullopt}), "03/QyĐ-UBND");
}

TEST(DocumentNumbering, CongVanJoinsIssuerAndDraftingUnit) {
  EXPECT_EQ(FormatNotation({45, "CV", "UBND", "VP", std::nullopt}), "45/UBND-VP");
  EXPECT_EQ(FormatNotation({12, "CV", "UBND", "VX", std::nullopt}), "12/UBND-VX");
  EXPECT_EQ(FormatNotation({5, "CV", "UBND", "", std::nullopt}), "05/UBND");
}

TEST(DocumentNumbering, NormativeDocumentsCarryTheYear) {
  EXPECT_EQ(FormatNotation({15, "QĐ", "UBND", "VP", 2026}), "15/2026/QĐ-UBND");
  EXPECT_EQ(FormatNotation({2, "NQ", "HĐND", "", 2027}), "02/2027/NQ-HĐND");
}

TEST(DocumentNumbering, SingleSchemeSharesOneSeries) {
  NumberingScheme single;
  EXPECT_EQ(OutgoingSeries(single, "QĐ", false, Secrecy::kNormal), "all");
  EXPECT_EQ(OutgoingSeries(single, "CV", false, Secrecy::kNormal), "all");
  EXPECT_EQ(OutgoingSeries(single, "TB", false, Secrecy::kNormal), "all");
}

TEST(DocumentNumbering, PerTypeSchemeHasASeriesPerType) {
  NumberingScheme per_type{SeriesScheme::kPerType, true};
  EXPECT_EQ(OutgoingSeries(per_type, "QĐ", false, Secrecy::kNormal), "type:QĐ");
  EXPECT_EQ(OutgoingSeries(per_type, "CV", false, Secrecy::kNormal), "type:CV");
  EXPECT_NE(OutgoingSeries(per_type, "QĐ", false, Secrecy::kNormal),
            OutgoingSeries(per_type, "QyĐ", false, Secrecy::kNormal));
}

TEST(DocumentNumbering, NormativeTypesHaveTheirOwnSeriesWhateverTheScheme) {
  for (auto scheme : {SeriesScheme::kSingle, SeriesScheme::kPerType}) {
    for (bool secret_own : {true, false}) {
      NumberingScheme s{scheme, secret_own};
      EXPECT_EQ(OutgoingSeries(s, "QĐ", true, Secrecy::kNormal), "qppl:QĐ");
      EXPECT_EQ(OutgoingSeries(s, "NQ", true, Secrecy::kNormal), "qppl:NQ");
      EXPECT_EQ(OutgoingSeries(s, "QĐ", true, Secrecy::kMat), "qppl:QĐ");
    }
  }
}

TEST(DocumentNumbering, SecretDocumentsHaveTheirOwnSeries) {
  for (auto scheme : {SeriesScheme::kSingle, SeriesScheme::kPerType}) {
    NumberingScheme s{scheme, true};
    for (auto secrecy : {Secrecy::kMat, Secrecy::kToiMat, Secrecy::kTuyetMat}) {
      EXPECT_EQ(OutgoingSeries(s, "QĐ", false, secrecy), "secret");
      EXPECT_EQ(OutgoingSeries(s, "CV", false, secrecy), "secret");
    }
  }
  // An agency that chose otherwise numbers them with the others.
  EXPECT_EQ(OutgoingSeries({SeriesScheme::kSingle, false}, "QĐ", false, Secrecy::kMat), "all");
  EXPECT_EQ(OutgoingSeries({SeriesScheme::kPerType, false}, "QĐ", false, Secrecy::kMat), "type:QĐ");
}

TEST(DocumentNumbering, SchemeNames) {
  EXPECT_EQ(Name(SeriesScheme::kSingle), "single");
  EXPECT_EQ(Name(SeriesScheme::kPerType), "per_type");
  EXPECT_EQ(ParseSeriesScheme("per_type"), SeriesScheme::kPerType);
  EXPECT_EQ(ParseSeriesScheme("Single"), std::nullopt);
}

TEST(DocumentNumbering, TypeCatalogMatchesExactly) {
  TypeCatalog types(
      {{"QĐ", "Quyết định", true}, {"QyĐ", "Quy định", false}, {"CV", "Công văn", false}});
  ASSERT_NE(types.Find("QĐ"), nullptr);
  EXPECT_EQ(types.Find("QĐ")->name, "Quyết định");
  EXPECT_TRUE(types.Find("QĐ")->normative_allowed);
  EXPECT_EQ(types.Find("QyĐ")->name, "Quy định");
  EXPECT_EQ(types.Find("qđ"), nullptr);
  EXPECT_EQ(types.Find("QD"), nullptr);
  EXPECT_EQ(types.Find(""), nullptr);
}

TEST(DocumentNumbering, AbbreviationProblems) {
  EXPECT_EQ(AbbreviationProblem("UBND"), std::nullopt);
  EXPECT_EQ(AbbreviationProblem("LĐTBXH"), std::nullopt);
  EXPECT_NE(AbbreviationProblem(""), std::nullopt);
  EXPECT_NE(AbbreviationProblem("UB ND"), std::nullopt);
  EXPECT_NE(AbbreviationProblem("UB-ND"), std::nullopt);
  EXPECT_NE(AbbreviationProblem("UB/ND"), std::nullopt);
  EXPECT_NE(AbbreviationProblem("ABCDEFGHIJKLMNOPQRSTU"), std::nullopt);
}

}  // namespace
}  // namespace egov::core::document
