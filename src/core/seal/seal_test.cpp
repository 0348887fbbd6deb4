// The seal's signed text and names.
#include "core/seal/seal.hpp"

#include <gtest/gtest.h>

namespace egov::core::seal {
namespace {

SealRecord Sample() {
  SealRecord r;
  r.token = "tok";
  r.kind = Kind::kDocument;
  r.subject_ref = "12";
  r.sha256 = std::string(64, 'a');
  r.number_notation = "07/QĐ-UBND";
  r.issuer_code = "000.00.35.H48";
  r.issuer_name = "UBND huyện Trà Bồng";
  r.title = "Quyết định về việc phê duyệt";
  r.issued_on = "2026-12-05";
  r.algorithm = "ed25519";
  r.key_id = "0123456789abcdef";
  r.signed_at = 1'796'000'000'000;
  r.signature = "ignored";
  return r;
}

TEST(SealTest, SignedTextNamesEveryMemberWithItsLength) {
  EXPECT_EQ(SignedText(Sample()),
            "egov-seal-v1\ntoken:3:tok\nkind:8:document\nsubject_ref:2:12\nsha256:64:" +
                std::string(64, 'a') +
                "\nnumber_notation:11:07/QĐ-UBND\nissuer_code:13:000.00.35.H48\n"
                "issuer_name:24:UBND huyện Trà Bồng\ntitle:40:Quyết định về việc phê duyệt\n"
                "issued_on:10:2026-12-05\nalgorithm:7:ed25519\nkey_id:16:0123456789abcdef\n"
                "signed_at:13:1796000000000\n");
}

TEST(SealTest, EverySignedMemberChangesTheText) {
  const std::string base = SignedText(Sample());
  auto changed = [&](auto edit) {
    SealRecord r = Sample();
    edit(r);
    return SignedText(r) != base;
  };
  EXPECT_TRUE(changed([](SealRecord& r) { r.token += "x"; }));
  EXPECT_TRUE(changed([](SealRecord& r) { r.kind = Kind::kDossierResult; }));
  EXPECT_TRUE(changed([](SealRecord& r) { r.subject_ref = "13"; }));
  EXPECT_TRUE(changed([](SealRecord& r) { r.sha256[0] = 'b'; }));
  EXPECT_TRUE(changed([](SealRecord& r) { r.number_notation = "08/QĐ-UBND"; }));
  EXPECT_TRUE(changed([](SealRecord& r) { r.issuer_code = "x"; }));
  EXPECT_TRUE(changed([](SealRecord& r) { r.issuer_name += " "; }));
  EXPECT_TRUE(changed([](SealRecord& r) { r.title = "x"; }));
  EXPECT_TRUE(changed([](SealRecord& r) { r.issued_on = "2026-12-06"; }));
  EXPECT_TRUE(changed([](SealRecord& r) { r.key_id = "x"; }));
  EXPECT_TRUE(changed([](SealRecord& r) { r.signed_at += 1; }));
  EXPECT_FALSE(changed([](SealRecord& r) { r.signature = "other"; }));
  // A value cannot swallow the next member: lengths are part of the text.
  SealRecord a = Sample(), b = Sample();
  a.issuer_code = "A\nissuer_name:1:B";
  a.issuer_name = "";
  b.issuer_code = "A";
  b.issuer_name = "B";
  EXPECT_NE(SignedText(a), SignedText(b));
}

TEST(SealTest, KindNamesAndSha256Shape) {
  EXPECT_EQ(Name(Kind::kDossierResult), "dossier_result");
  EXPECT_EQ(ParseKind("document"), Kind::kDocument);
  EXPECT_FALSE(ParseKind("Document"));
  EXPECT_TRUE(IsSha256Hex(std::string(64, 'f')));
  EXPECT_FALSE(IsSha256Hex(std::string(64, 'F')));
  EXPECT_FALSE(IsSha256Hex(std::string(63, 'a')));
  EXPECT_FALSE(IsSha256Hex(std::string(63, 'a') + "g"));
}

}  // namespace
}  // namespace egov::core::seal
