// The seal applied at issue and the edXML exchange routes over real HTTP on both engines
// (CONTRACT.md "Documents" and "Exchange"; docs/documents-output.md, docs/exchange.md):
// an uploaded PDF sealed as it is; without one, a PDF rendered from the content (its QR the
// verification page) and sealed; verification of the sealed file by its hash; a secret
// document's subject kept from the public; export of an issued document as a signed package
// and its import by another agency's clerk (the demo's keys, pinned); the refusals (not XML,
// a missing CodeNumber, an altered signature: 422, nothing registered), an unsigned package
// accepted and marked, the same package twice and a likely duplicate (409), the national
// exchange's real-world form (`edXML:` prefix, `Bussiness`), and no exchange key (409).
//
// The demo: `vanthu` is the clerk of UBND huyện Trà Bồng (000.00.99.H48), `vanthu.traso`
// the clerk of UBND xã Trà Sơn (000.21.99.H48); `egov demo` gave both an exchange key and
// pinned each one's certificate.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>
#include <algorithm>

#include <filesystem>

#include "core/exchange/edxml_model.hpp"
#include "demo_api.hpp"
#include "demo_server.hpp"
#include "egov_process.hpp"
#include "exchange/base64.hpp"
#include "exchange/edxml.hpp"
#include "exchange/testing/sample_package.hpp"
#include "exchange/zip.hpp"
#include "http_client.hpp"
#include "render/read_back_testing.hpp"
#include "service/security/crypto.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using Headers = std::map<std::string, std::string>;
using service::security::Sha256Hex;

constexpr const char* kDistrict = "000.00.99.H48";
constexpr const char* kTraSon = "000.21.99.H48";

using exchange::testing::RealWorldPackage;

class ExchangeTest : public DemoServerTest {
 protected:
  void SetUp() override { ServeDemo("2026-03-10T09:00:00+07:00"); }

  Headers As(const std::string& user) {
    auto it = sessions_.find(user);
    if (it != sessions_.end()) return it->second;
    return sessions_[user] = SignIn(*c_, user);
  }

  HttpResponse PostJson(const std::string& path, const json::object& body,
                        const std::string& user) {
    return c_->Post(path, json::serialize(body), "application/json", As(user));
  }

  json::object Do(std::int64_t id, const std::string& user, const std::string& action) {
    auto r = PostJson("/api/v1/documents/" + std::to_string(id) + "/actions", {{"action", action}},
                      user);
    EXPECT_EQ(r.status, 200u) << action << " by " << user << ": " << r.body;
    return r.status == 200u ? r.json().as_object() : json::object{};
  }

  // A draft of `tiepnhan` (Văn phòng) to xã Trà Sơn; `pdf` uploaded first when not empty.
  std::int64_t Draft(const std::string& type, const std::string& subject,
                     const std::string& secrecy = "normal", const std::string& pdf = "") {
    json::object body{{"type", type},
                      {"subject", subject},
                      {"content",
                       "Ủy ban nhân dân huyện đề nghị UBND xã Trà Sơn triển khai.\n"
                       "Báo cáo kết quả trước ngày 30 tháng 3 năm 2026."},
                      {"secrecy", secrecy},
                      {"recipients", json::array{kTraSon}}};
    auto r = PostJson("/api/v1/documents/outgoing", body, "tiepnhan");
    EXPECT_EQ(r.status, 201u) << r.body;
    if (r.status != 201u) return 0;
    const auto id = r.json().at("id").as_int64();
    if (!pdf.empty()) {
      const std::string boundary = "XyZ123";
      const std::string multipart =
          "--" + boundary +
          "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"du-thao.pdf\"\r\n"
          "Content-Type: application/pdf\r\n\r\n" +
          pdf + "\r\n--" + boundary + "--\r\n";
      auto up = c_->Post("/api/v1/documents/" + std::to_string(id) + "/files", multipart,
                         "multipart/form-data; boundary=" + boundary, As("tiepnhan"));
      EXPECT_EQ(up.status, 201u) << up.body;
    }
    return id;
  }

  // Through submit, approve, sign and issue: the issued document.
  json::object Issue(std::int64_t id) {
    Do(id, "tiepnhan", "submit");
    Do(id, "lanhdao", "approve");
    Do(id, "lanhdao", "sign");
    return Do(id, "vanthu", "issue");
  }

  HttpResponse Verify(const std::string& token, const std::string& sha256 = "") {
    return c_->Get("/api/v1/public/verify/" + token + (sha256.empty() ? "" : "?sha256=" + sha256));
  }

  HttpResponse Import(const std::string& xml, const std::string& user,
                      const std::string& type = "application/xml") {
    return c_->Post("/api/v1/documents/edxml", xml, type, As(user));
  }

  std::int64_t Count(const std::string& user) {
    auto r = c_->Get("/api/v1/documents?direction=incoming", As(user));
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.status == 200u ? r.json().at("total").as_int64() : -1;
  }

  // An issued decision of the district to xã Trà Sơn, exported as edXML.
  std::string ExportedDecision(std::int64_t* id_out = nullptr) {
    const auto id = Draft("QĐ", "Quyết định về việc kiện toàn Tổ công tác chuyển đổi số");
    Issue(id);
    if (id_out) *id_out = id;
    auto r = c_->Get("/api/v1/documents/" + std::to_string(id) + "/edxml", As("vanthu"));
    EXPECT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(r.headers["content-type"], "application/xml; charset=utf-8");
    return r.body;
  }

  std::map<std::string, Headers> sessions_;
};

INSTANTIATE_TEST_SUITE_P(Engines, ExchangeTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(ExchangeTest, AnUploadedPdfIsSealedAsItIs) {
  const std::string pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
  const auto id = Draft("TB", "Thông báo lịch tiếp công dân tháng 3", "normal", pdf);
  auto issued = Issue(id);
  ASSERT_FALSE(issued.empty());
  ASSERT_TRUE(issued.at("seal").is_object()) << json::serialize(issued);
  const auto& seal = issued.at("seal").as_object();
  EXPECT_EQ(seal.at("sha256").as_string(), Sha256Hex(pdf));
  const std::string token(seal.at("token").as_string());
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(
      seal.at("verify_url").as_string(),
      "http://" + server_->host() + ":" + std::to_string(server_->port()) + "/xac-thuc/" + token);
  // The test clock runs on from 09:00: to the minute.
  EXPECT_EQ(std::string(seal.at("sealed_at").as_string()).substr(0, 16), "2026-03-10T09:00");
  // No file rendered: the upload is the document's only file.
  EXPECT_EQ(issued.at("files").as_array().size(), 1u);
  // GET shows the same seal.
  auto got = c_->Get("/api/v1/documents/" + std::to_string(id), As("lanhdao"));
  EXPECT_EQ(got.json().at("seal").at("token").as_string(), token);

  auto v = Verify(token, Sha256Hex(pdf));
  ASSERT_EQ(v.status, 200u) << v.body;
  const auto answer = v.json().as_object();
  EXPECT_TRUE(answer.at("valid").as_bool());
  EXPECT_TRUE(answer.at("file_matches").as_bool());
  EXPECT_EQ(answer.at("kind").as_string(), "document");
  EXPECT_EQ(answer.at("number_notation").as_string(), "01/TB-UBND");
  EXPECT_EQ(answer.at("issuer").at("code").as_string(), kDistrict);
  EXPECT_EQ(answer.at("issuer").at("name").as_string(), "UBND huyện Trà Bồng");
  EXPECT_EQ(answer.at("issued_on").as_string(), "2026-03-10");
  EXPECT_EQ(answer.at("subject").as_string(), "Thông báo lịch tiếp công dân tháng 3");
}

TEST_P(ExchangeTest, WithoutAFileAPdfIsRenderedAndSealed) {
  const auto id = Draft("QĐ", "Quyết định về việc phê duyệt kế hoạch chuyển đổi số năm 2026");
  auto issued = Issue(id);
  ASSERT_TRUE(issued.contains("seal") && issued.at("seal").is_object()) << json::serialize(issued);
  const std::string token(issued.at("seal").at("token").as_string());
  const std::string sealed(issued.at("seal").at("sha256").as_string());
  const std::string verify_url(issued.at("seal").at("verify_url").as_string());
  const auto& files = issued.at("files").as_array();
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].at("sha256").as_string(), sealed);
  EXPECT_EQ(files[0].at("mime_type").as_string(), "application/pdf");
  EXPECT_EQ(files[0].at("file_name").as_string(), "01-QĐ-UBND.pdf");
  EXPECT_EQ(files[0].at("uploaded_by").as_string(), "vanthu");

  auto download =
      c_->Get("/api/v1/documents/" + std::to_string(id) + "/files/" + sealed, As("tiepnhan"));
  ASSERT_EQ(download.status, 200u);
  EXPECT_EQ(download.headers["content-type"], "application/pdf");
  EXPECT_EQ(Sha256Hex(download.body), sealed);
  // It parses as a PDF and says what was issued, with the QR of its verification page.
  render::testing::ScratchDir dir;
  const auto path = dir.Write("issued.pdf", download.body);
  std::string text;
  for (const auto& line : render::testing::PdfLines(path)) text += line + "\n";
  EXPECT_NE(text.find("Số: 01/QĐ-UBND"), std::string::npos) << text;
  EXPECT_NE(text.find("Trà Bồng, ngày 10 tháng 3 năm 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("QUYẾT ĐỊNH"), std::string::npos) << text;
  EXPECT_NE(text.find("UBND xã Trà Sơn"), std::string::npos) << text;
  EXPECT_EQ(render::testing::DecodeQr(dir, path, render::testing::PageCount(path)), verify_url);

  auto v = Verify(token, sealed);
  ASSERT_EQ(v.status, 200u) << v.body;
  EXPECT_TRUE(v.json().at("valid").as_bool());
  EXPECT_TRUE(v.json().at("file_matches").as_bool());
  EXPECT_EQ(v.json().at("sha256").as_string(), sealed);
  EXPECT_EQ(v.json().at("number_notation").as_string(), "01/QĐ-UBND");
  EXPECT_EQ(v.json().at("subject").as_string(),
            "Quyết định về việc phê duyệt kế hoạch chuyển đổi số năm 2026");
  // The same file with one byte changed is not the sealed one.
  std::string altered = download.body;
  altered[altered.size() / 2] ^= 0x01;
  auto other = Verify(token, Sha256Hex(altered));
  ASSERT_EQ(other.status, 200u);
  EXPECT_FALSE(other.json().at("file_matches").as_bool());
  // Issued files do not change.
  auto up = c_->Post("/api/v1/documents/" + std::to_string(id) + "/files",
                     "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\n"
                     "\r\n%PDF-1.4\n%%EOF\n\r\n--B--\r\n",
                     "multipart/form-data; boundary=B", As("vanthu"));
  EXPECT_EQ(up.status, 409u) << up.body;
}

TEST_P(ExchangeTest, ASecretDocumentsSubjectIsNotShownToThePublic) {
  const auto id = Draft("KH", "Kế hoạch bảo vệ bí mật nhà nước năm 2026", "mat");
  auto issued = Issue(id);
  ASSERT_TRUE(issued.contains("seal") && issued.at("seal").is_object()) << json::serialize(issued);
  auto v = Verify(std::string(issued.at("seal").at("token").as_string()));
  ASSERT_EQ(v.status, 200u) << v.body;
  EXPECT_TRUE(v.json().at("valid").as_bool());
  EXPECT_EQ(v.json().at("subject").as_string(), "Kế hoạch (văn bản mật, không công bố trích yếu)");
  EXPECT_EQ(v.body.find("bí mật nhà nước"), std::string::npos) << v.body;
  // … and it does not travel by edXML.
  auto r = c_->Get("/api/v1/documents/" + std::to_string(id) + "/edxml", As("vanthu"));
  EXPECT_EQ(r.status, 409u) << r.body;
}

TEST_P(ExchangeTest, ExportedByTheDistrictImportedByTheCommune) {
  std::int64_t id = 0;
  const std::string xml = ExportedDecision(&id);
  auto issued = c_->Get("/api/v1/documents/" + std::to_string(id), As("vanthu")).json();
  const std::string sealed(issued.at("seal").at("sha256").as_string());
  // The package: the standard's namespace, the số/ký hiệu, signed.
  auto parsed = exchange::Parse(xml);
  ASSERT_TRUE(parsed.ok());
  const auto& h = parsed.value->header;
  EXPECT_EQ(h.from.organ_id, kDistrict);
  ASSERT_EQ(h.to.size(), 1u);
  EXPECT_EQ(h.to[0].organ_id, kTraSon);
  EXPECT_EQ(h.code.code_number, "01");
  EXPECT_EQ(h.code.code_notation, "QĐ-UBND");
  EXPECT_EQ(h.promulgation_info.promulgation_date, "2026/03/10");
  EXPECT_EQ(h.document_type.type_name, "Quyết định");
  EXPECT_EQ(h.signer_info.full_name, "Lãnh đạo UBND huyện");
  ASSERT_EQ(parsed.value->attachments.size(), 1u);
  EXPECT_EQ(Sha256Hex(parsed.value->attachments[0].bytes), sealed);
  EXPECT_EQ(exchange::Verify(xml).state, exchange::SignatureState::kValid);

  // A clerk of another agency cannot see it; a non-clerk cannot import.
  EXPECT_EQ(
      c_->Get("/api/v1/documents/" + std::to_string(id) + "/edxml", As("vanthu.traso")).status,
      404u);
  EXPECT_EQ(Import(xml, "lanhdao").status, 403u);
  EXPECT_EQ(Import(xml, "vanthu.traso", "application/json").status, 415u);

  auto r = Import(xml, "vanthu.traso");
  ASSERT_EQ(r.status, 201u) << r.body;
  const auto doc = r.json().as_object();
  EXPECT_EQ(doc.at("direction").as_string(), "incoming");
  EXPECT_EQ(doc.at("status").as_string(), "registered");
  EXPECT_EQ(doc.at("agency_code").as_string(), kTraSon);
  EXPECT_EQ(doc.at("incoming_number").as_int64(), 1);
  EXPECT_EQ(doc.at("number_notation").as_string(), "01/QĐ-UBND");
  EXPECT_EQ(doc.at("issuer_code").as_string(), kDistrict);
  EXPECT_EQ(doc.at("issuer_name").as_string(), "UBND huyện Trà Bồng");
  EXPECT_EQ(doc.at("issued_on").as_string(), "2026-03-10");
  EXPECT_EQ(doc.at("type").as_string(), "QĐ");
  EXPECT_EQ(doc.at("subject").as_string(),
            "Quyết định về việc kiện toàn Tổ công tác chuyển đổi số");
  EXPECT_EQ(doc.at("signer_info").as_string(), "Lãnh đạo UBND huyện");
  const auto& exchange = doc.at("exchange").as_object();
  EXPECT_EQ(exchange.at("signature").as_string(), "valid");
  EXPECT_TRUE(exchange.at("pinned").as_bool());
  EXPECT_EQ(exchange.at("document_id").as_string(), "000.00.99.H48,2026/03/10,01/QĐ-UBND");
  EXPECT_EQ(exchange.at("package_sha256").as_string(), Sha256Hex(xml));
  EXPECT_EQ(exchange.at("imported_by").as_string(), "vanthu.traso");
  EXPECT_EQ(std::string(exchange.at("imported_at").as_string()).substr(0, 16), "2026-03-10T09:00");
  ASSERT_EQ(doc.at("files").as_array().size(), 1u);
  EXPECT_EQ(doc.at("files").as_array()[0].at("sha256").as_string(), sealed);
  auto file =
      c_->Get("/api/v1/documents/" + std::to_string(doc.at("id").as_int64()) + "/files/" + sealed,
              As("vanthu.traso"));
  EXPECT_EQ(file.status, 200u);
  EXPECT_EQ(Sha256Hex(file.body), sealed);

  // The same package again: 409, nothing more registered.
  auto again = Import(xml, "vanthu.traso");
  EXPECT_EQ(again.status, 409u) << again.body;
  EXPECT_EQ(again.json().at("error").at("code").as_string(), "conflict");
  EXPECT_EQ(again.json().at("error").at("details").at("duplicate_of").as_string(),
            std::to_string(doc.at("id").as_int64()));
  EXPECT_EQ(Count("vanthu.traso"), 1);
}

TEST_P(ExchangeTest, MalformedOrAlteredPackagesAreRefusedAndRegisterNothing) {
  const std::string xml = ExportedDecision();
  const auto before = Count("vanthu.traso");

  auto not_xml = Import("{\"not\":\"xml\"}", "vanthu.traso");
  EXPECT_EQ(not_xml.status, 422u) << not_xml.body;
  EXPECT_EQ(not_xml.json().at("error").at("code").as_string(), "validation_failed");
  EXPECT_TRUE(not_xml.json().at("error").at("details").as_object().contains("edXML"))
      << not_xml.body;

  std::string no_code = xml;
  const auto open = no_code.find("<CodeNumber>");
  const auto close = no_code.find("</CodeNumber>");
  ASSERT_NE(open, std::string::npos);
  no_code.erase(open, close + std::string("</CodeNumber>").size() - open);
  auto missing = Import(no_code, "vanthu.traso");
  EXPECT_EQ(missing.status, 422u) << missing.body;
  EXPECT_EQ(missing.json().at("error").at("code").as_string(), "validation_failed");
  EXPECT_EQ(
      missing.json().at("error").at("details").at("MessageHeader.Code.CodeNumber").as_string(),
      "Trường MessageHeader.Code.CodeNumber là bắt buộc.");

  // One byte of the Subject changed after signing.
  std::string altered = xml;
  const auto subject = altered.find("kiện toàn");
  ASSERT_NE(subject, std::string::npos);
  altered[subject] = 'K';
  auto forged = Import(altered, "vanthu.traso");
  EXPECT_EQ(forged.status, 422u) << forged.body;
  EXPECT_EQ(forged.json().at("error").at("code").as_string(), "signature_invalid");

  EXPECT_EQ(Count("vanthu.traso"), before);
}

TEST_P(ExchangeTest, AnUnsignedPackageIsRegisteredAndMarked) {
  auto package = exchange::testing::SamplePackage();  // 07/QĐ-UBND of UBND tỉnh Quảng Ngãi
  const std::string xml = exchange::Build(package, nullptr);
  auto r = Import(xml, "vanthu");
  ASSERT_EQ(r.status, 201u) << r.body;
  EXPECT_EQ(r.json().at("exchange").at("signature").as_string(), "unsigned");
  EXPECT_FALSE(r.json().at("exchange").at("pinned").as_bool());
  EXPECT_EQ(r.json().at("number_notation").as_string(),
            package.header.code.code_number + "/" + package.header.code.code_notation);
  EXPECT_EQ(r.json().at("files").as_array().size(), package.attachments.size());
  const auto body = r.json();
  const auto& events = body.at("events").as_array();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].at("note").as_string(), "Nhận gói tin edXML không có chữ ký số.");
  // GET shows it too.
  auto got =
      c_->Get("/api/v1/documents/" + std::to_string(r.json().at("id").as_int64()), As("lanhdao"));
  EXPECT_EQ(got.json().at("exchange").at("signature").as_string(), "unsigned");
}

TEST_P(ExchangeTest, ALikelyDuplicateIsRefused) {
  // The clerk registered the paper copy of the province's 45/UBND-KGVX first.
  json::object body{{"issuer_name", "UBND tỉnh Quảng Ngãi"},
                    {"issuer_code", "000.00.00.H48"},
                    {"number_notation", "45/UBND-KGVX"},
                    {"issued_on", "2026-03-05"},
                    {"type", "CV"},
                    {"subject", "V/v triển khai hệ thống quản lý văn bản và điều hành"}};
  auto paper = PostJson("/api/v1/documents/incoming", body, "vanthu");
  ASSERT_EQ(paper.status, 201u) << paper.body;
  auto r = Import(RealWorldPackage(), "vanthu");
  EXPECT_EQ(r.status, 409u) << r.body;
  EXPECT_EQ(r.json().at("error").at("details").at("duplicate_of").as_string(),
            std::to_string(paper.json().at("id").as_int64()));
}

TEST_P(ExchangeTest, TheNationalExchangesFormImports) {
  auto r = Import(RealWorldPackage(), "vanthu");
  ASSERT_EQ(r.status, 201u) << r.body;
  const auto doc = r.json().as_object();
  EXPECT_EQ(doc.at("number_notation").as_string(), "45/UBND-KGVX");
  EXPECT_EQ(doc.at("type").as_string(), "CV");
  EXPECT_EQ(doc.at("urgency").as_string(), "thuong_khan");
  EXPECT_EQ(doc.at("due_on").as_string(), "2026-03-20");
  EXPECT_EQ(doc.at("pages").as_int64(), 2);
  EXPECT_EQ(doc.at("signer_info").as_string(), "KT. Phó Chủ tịch Trần Phước Hiền");
  EXPECT_EQ(doc.at("exchange").at("signature").as_string(), "unsigned");  // DigitalSignature empty
  EXPECT_EQ(doc.at("exchange").at("document_id").as_string(),
            "000.00.00.H48,2026/03/05,45/UBND-KGVX");
  ASSERT_EQ(doc.at("files").as_array().size(), 1u);
  EXPECT_EQ(doc.at("files").as_array()[0].at("file_name").as_string(), "45-UBND-KGVX.pdf");
  EXPECT_EQ(doc.at("files").as_array()[0].at("sha256").as_string(),
            Sha256Hex(exchange::testing::SampleFileBytes()));
}

TEST_P(ExchangeTest, WithoutAnExchangeKeyExportIsAClearConflict) {
  const auto id = Draft("TB", "Thông báo không có khóa trao đổi");
  Issue(id);
  const std::string empty = (std::filesystem::temp_directory_path() /
                             ("egov-no-keys-" + std::to_string(::getpid()) + "-" + GetParam()))
                                .string();
  std::filesystem::create_directories(empty);
  EgovServer bare(db_.url(), {"--public-rate-limit", "0", "--exchange-keys-dir", empty},
                  "2026-03-10T09:00:00+07:00");
  HttpClient client(bare.host(), bare.port());
  auto r =
      client.Get("/api/v1/documents/" + std::to_string(id) + "/edxml", SignIn(client, "vanthu"));
  std::filesystem::remove_all(empty);
  EXPECT_EQ(r.status, 409u) << r.body;
  EXPECT_EQ(r.json().at("error").at("code").as_string(), "conflict");
  EXPECT_NE(std::string(r.json().at("error").at("message").as_string()).find("chưa có khóa ký"),
            std::string::npos)
      << r.body;
  // A draft is not exported at all.
  const auto draft = Draft("TB", "Thông báo chưa ban hành");
  auto not_issued = c_->Get("/api/v1/documents/" + std::to_string(draft) + "/edxml", As("vanthu"));
  EXPECT_EQ(not_issued.status, 409u) << not_issued.body;
}

}  // namespace
}  // namespace egov::testing
