// The enveloped XML-DSig signature of packages and the trust rule (edxml.hpp, Verify).
#include <gtest/gtest.h>

#include "exchange/base64.hpp"
#include "exchange/edxml.hpp"
#include "exchange/testing/sample_package.hpp"
#include "exchange/testing/throwaway_key.hpp"
#include "exchange/zip.hpp"

namespace egov::exchange {
namespace {

using testing::SamplePackage;

// Two agencies' keys, made once per run: the province's and a stranger's.
const SigningKey& ProvinceKey() {
  static const SigningKey key = testing::MakeThrowawayKey("UBND tỉnh Quảng Ngãi");
  return key;
}
const SigningKey& OtherKey() {
  static const SigningKey key = testing::MakeThrowawayKey("Kẻ mạo danh");
  return key;
}

std::string Replace(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string Between(const std::string& text, std::string_view open, std::string_view close) {
  const auto start = text.find(open);
  if (start == std::string::npos) return {};
  const auto end = text.find(close, start);
  return text.substr(start + open.size(), end - start - open.size());
}

const std::string kAltered =
    "Chữ ký số không khớp với nội dung gói tin: gói tin đã bị sửa sau khi ký, hoặc chữ ký không "
    "được tạo bằng khóa của chứng thư kèm theo.";

TEST(EdxmlSignature, SignedPackageVerifiesAndParses) {
  const std::string xml = Build(SamplePackage(), &ProvinceKey());
  // Inside the header, after the trace, with the certificate in KeyInfo.
  const auto signature = xml.find("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">");
  ASSERT_NE(signature, std::string::npos);
  EXPECT_LT(xml.find("</TraceHeaderList>"), signature);
  EXPECT_LT(signature, xml.find("</edXMLHeader>"));
  EXPECT_NE(xml.find("Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\""),
            std::string::npos);
  EXPECT_NE(xml.find("<Reference URI=\"\">"), std::string::npos);
  EXPECT_NE(xml.find("http://www.w3.org/2000/09/xmldsig#enveloped-signature"), std::string::npos);
  EXPECT_NE(xml.find("<X509Certificate>"), std::string::npos);

  const Verification v = Verify(xml);
  EXPECT_EQ(v.state, SignatureState::kValid) << v.reason;
  EXPECT_EQ(v.certificate_sha256, ProvinceKey().certificate_sha256());
  EXPECT_EQ(v.certificate_subject, "CN=UBND tỉnh Quảng Ngãi,C=VN");
  EXPECT_FALSE(v.pinned);
  auto parsed = Parse(xml);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed.value, SamplePackage());  // the signature is not part of the model
}

TEST(EdxmlSignature, UnsignedIsUnsigned) {
  const Verification v = Verify(Build(SamplePackage(), nullptr));
  EXPECT_EQ(v.state, SignatureState::kUnsigned);
  EXPECT_EQ(v.reason, "");
}

TEST(EdxmlSignature, OneCharacterOfTheSubjectChanged) {
  const std::string xml = Build(SamplePackage(), &ProvinceKey());
  const std::string altered = Replace(xml, "chuyển đổi số tỉnh Quảng Ngãi năm 2026",
                                      "chuyển đổi số tỉnh Quảng Ngãi năm 2027");
  ASSERT_TRUE(Parse(altered).ok());  // still a well-formed package …
  const Verification v = Verify(altered);
  EXPECT_EQ(v.state, SignatureState::kInvalid);  // … whose signature no longer holds
  EXPECT_EQ(v.reason, kAltered);
}

TEST(EdxmlSignature, OneByteOfTheAttachmentChanged) {
  const std::string xml = Build(SamplePackage(), &ProvinceKey());
  // Replace the first file with the same bytes but one, zipped and encoded properly, so the
  // package stays readable and only the signature can tell.
  std::string bytes = testing::SampleFileBytes();
  bytes[100] = static_cast<char>(bytes[100] ^ 1);
  const std::string original =
      Between(xml, "<ContentTransferEncoded>", "</ContentTransferEncoded>");
  const std::string altered =
      Replace(xml, original, Base64Encode(ZipOne("07-QĐ-UBND Kế hoạch chuyển đổi số.pdf", bytes)));
  auto parsed = Parse(altered);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value->attachments[0].bytes, bytes);
  const Verification v = Verify(altered);
  EXPECT_EQ(v.state, SignatureState::kInvalid);
  EXPECT_EQ(v.reason, kAltered);
}

TEST(EdxmlSignature, SignedWithAnotherKeyThanTheCertificateSays) {
  // Signed by the stranger, then given the province's certificate: a forgery.
  const std::string forged_by = Build(SamplePackage(), &OtherKey());
  const std::string province = Build(SamplePackage(), &ProvinceKey());
  const std::string forged =
      Replace(forged_by, Between(forged_by, "<X509Certificate>", "</X509Certificate>"),
              Between(province, "<X509Certificate>", "</X509Certificate>"));
  const Verification v = Verify(forged);
  EXPECT_EQ(v.state, SignatureState::kInvalid);
  EXPECT_EQ(v.reason, kAltered);
  EXPECT_EQ(v.certificate_sha256, ProvinceKey().certificate_sha256());
}

TEST(EdxmlSignature, PinnedSenderMustUseItsCertificate) {
  TrustStore trust;
  trust.Pin("000.00.00.H48", ProvinceKey().certificate_pem());
  const Verification own = Verify(Build(SamplePackage(), &ProvinceKey()), &trust);
  EXPECT_EQ(own.state, SignatureState::kValid) << own.reason;
  EXPECT_TRUE(own.pinned);

  // A valid signature by the stranger's own certificate, in the province's name.
  const std::string stranger = Build(SamplePackage(), &OtherKey());
  EXPECT_EQ(Verify(stranger).state, SignatureState::kValid);  // no pins: any certificate
  const Verification pinned = Verify(stranger, &trust);
  EXPECT_EQ(pinned.state, SignatureState::kInvalid);
  EXPECT_EQ(pinned.reason,
            "Chứng thư số ký gói tin không phải chứng thư đã đăng ký của cơ quan gửi "
            "(000.00.00.H48).");
  EXPECT_EQ(pinned.certificate_sha256, OtherKey().certificate_sha256());

  // Pins of another sender do not apply.
  TrustStore elsewhere;
  elsewhere.Pin("000.00.53.H48", ProvinceKey().certificate_pem());
  const Verification other = Verify(stranger, &elsewhere);
  EXPECT_EQ(other.state, SignatureState::kValid);
  EXPECT_FALSE(other.pinned);
}

TEST(EdxmlSignature, OnlyAWholeDocumentSignatureIsAccepted) {
  const std::string xml = Build(SamplePackage(), &ProvinceKey());
  EXPECT_EQ(
      Verify(Replace(xml, "<Reference URI=\"\">", "<Reference URI=\"#MessageHeader\">")).reason,
      "Chữ ký số phải ký toàn bộ gói tin (một Reference với URI=\"\").");
  EXPECT_EQ(Verify(Replace(xml,
                           "<Transform Algorithm=\"http://www.w3.org/2000/09/"
                           "xmldsig#enveloped-signature\"/>",
                           ""))
                .reason,
            "Chữ ký số phải là chữ ký bao trong gói tin (enveloped-signature).");
  const std::string signature =
      "<Signature" + Between(xml, "<Signature", "</Signature>") + "</Signature>";
  EXPECT_EQ(Verify(Replace(xml, "</edXMLBody>", signature + "</edXMLBody>")).reason,
            "Gói tin có nhiều hơn một chữ ký số.");
  EXPECT_EQ(Verify(Replace(xml, "<X509Data>", "<KeyName>UBND</KeyName><X509Data>")).reason,
            "Chữ ký số chỉ được mang khóa trong chứng thư X.509 (X509Data).");
  EXPECT_EQ(Verify(Replace(xml, "<X509Certificate>", "<X509Certificate>AAAA")).reason,
            "Chứng thư số kèm chữ ký không đọc được.");
}

TEST(EdxmlSignature, Sha1IsRefused) {
  const std::string xml = Build(SamplePackage(), &ProvinceKey());
  const Verification v = Verify(Replace(xml, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                                        "http://www.w3.org/2000/09/xmldsig#rsa-sha1"));
  EXPECT_EQ(v.state, SignatureState::kInvalid);
  EXPECT_NE(v.reason.find("chỉ RSA với SHA-256"), std::string::npos) << v.reason;
}

TEST(EdxmlSignature, NotWellFormedIsInvalid) {
  const Verification v = Verify("<edXML");
  EXPECT_EQ(v.state, SignatureState::kInvalid);
  EXPECT_EQ(v.reason, "Gói tin không phải XML hợp lệ (dòng 1).");
}

TEST(EdxmlSignature, StatusPackagesAreSignedTheSameWay) {
  const auto status = testing::SampleStatus();
  const std::string xml = BuildStatus(status, &OtherKey());
  EXPECT_EQ(Verify(xml).state, SignatureState::kValid);
  auto parsed = ParseStatus(xml);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed.value, status);
  EXPECT_EQ(Verify(Replace(xml, "<StatusCode>03<", "<StatusCode>06<")).state,
            SignatureState::kInvalid);
  TrustStore trust;  // the Status's sender is its From: Bình Sơn
  trust.Pin("000.00.53.H48", ProvinceKey().certificate_pem());
  EXPECT_EQ(Verify(xml, &trust).state, SignatureState::kInvalid);
}

TEST(EdxmlSignature, ParseAndVerifyTogether) {
  const std::string xml = Build(SamplePackage(), &ProvinceKey());
  Received received = ParseAndVerify(xml);
  ASSERT_TRUE(received.package.ok());
  EXPECT_EQ(*received.package.value, SamplePackage());
  EXPECT_EQ(received.signature.state, SignatureState::kValid);

  received = ParseAndVerify(Replace(xml, "<Subject>Về việc", "<Subject>V/v"));
  EXPECT_TRUE(received.package.ok());
  EXPECT_EQ(received.signature.state, SignatureState::kInvalid);

  received = ParseAndVerify("<edXML>");
  EXPECT_FALSE(received.package.ok());
  EXPECT_EQ(received.package.problems[0].message, "Gói tin không phải XML hợp lệ (dòng 1).");
  EXPECT_EQ(received.signature.state, SignatureState::kInvalid);
}

TEST(EdxmlSignature, KeysAreChecked) {
  EXPECT_THROW(SigningKey("not a key", ProvinceKey().certificate_pem()), std::invalid_argument);
  EXPECT_THROW(SigningKey(ProvinceKey().private_key_pem(), OtherKey().certificate_pem()),
               std::invalid_argument);
  EXPECT_THROW(TrustStore().Pin("000.00.00.H48", "junk"), std::invalid_argument);
}

}  // namespace
}  // namespace egov::exchange
