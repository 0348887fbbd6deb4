// The seal applied at issue (docs/documents-output.md, "Sealing at issue"): the issued file is
// the latest PDF attached to the draft, or, when none was attached, a PDF rendered from the
// document's content with the allocated số/ký hiệu, the date and the QR code of its own
// verification page; that file is sealed in the issuing transaction.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>

#include "core/calendar/date.hpp"
#include "core/text/fold.hpp"
#include "render/document.hpp"
#include "service/document/context.hpp"
#include "service/document/documents.hpp"
#include "service/security/crypto.hpp"
#include "store/access/agencies.hpp"
#include "store/access/users.hpp"
#include "store/document/documents.hpp"

namespace egov::service::document {

namespace {

std::string Upper(const std::string& text) {
  std::string out;
  icu::UnicodeString::fromUTF8(text).toUpper(icu::Locale("vi")).toUTF8String(out);
  return out;
}

// The place printed before the date: the name after the agency's level ("UBND huyện Trà
// Bồng" → "Trà Bồng"), else the whole name.
std::string PlaceOf(const std::string& agency_name) {
  static constexpr std::array<std::string_view, 7> kLevels = {
      "thành phố ", "thị xã ", "thị trấn ", "huyện ", "phường ", "tỉnh ", "xã "};
  for (auto level : kLevels) {
    auto at = agency_name.find(level);
    if (at != std::string::npos && (at == 0 || agency_name[at - 1] == ' ')) {
      return agency_name.substr(at + level.size());
    }
  }
  return agency_name;
}

std::string DateLine(const std::string& place, const std::string& iso_date) {
  const auto date = core::calendar::ParseIsoDate(iso_date);
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  // Decree 30/2020: a day below 10 and the months January and February take a leading zero.
  return place + ", ngày " + two(date.day) + " tháng " +
         (date.month <= 2 ? two(date.month) : std::to_string(date.month)) + " năm " +
         std::to_string(date.year);
}

std::vector<std::string> ParagraphsOf(const std::string& content) {
  std::vector<std::string> out;
  std::string line;
  for (char c : content + "\n") {
    if (c != '\n') {
      line.push_back(c);
      continue;
    }
    auto clean = core::text::NormalizeSpaces(line);
    if (!clean.empty()) out.push_back(std::move(clean));
    line.clear();
  }
  return out;
}

}  // namespace

std::string SealTitleOf(const core::document::Document& d, const std::string& type_name) {
  const std::string name = type_name.empty() ? d.type : type_name;
  // A secret document's trích yếu is not for the public: the seal (what the verification page
  // shows to anyone holding the token) names its type only.
  if (core::document::IsSecret(d.secrecy)) return name + " (văn bản mật, không công bố trích yếu)";
  if (core::text::Fold(d.subject).starts_with(core::text::Fold(name))) return d.subject;
  return name + " – " + d.subject;
}

void Documents::SealIssued(store::WriteTransaction& tx, core::document::Document& d,
                           const core::access::Caller& caller, std::int64_t now) {
  const core::document::DocumentType* type = types_.Find(d.type);
  const std::string type_name = type ? type->name : d.type;
  seal::SealInput input;
  input.kind = core::seal::Kind::kDocument;
  input.subject_ref = std::to_string(d.id);
  input.number_notation = d.number_notation.value_or("");
  input.issuer_agency_code = d.agency_code;
  input.title = SealTitleOf(d, type_name);
  input.issued_on = d.issued_on.value_or("");

  std::optional<core::document::File> uploaded;
  for (const auto& f : store::document::ListFiles(tx.session(), d.id)) {
    if (f.mime_type == "application/pdf") uploaded = f;  // oldest first: the latest wins
  }
  if (uploaded) {
    input.sha256 = uploaded->sha256;
    seals_.Seal(tx, input);
    return;
  }

  // No PDF attached: the document is rendered from its content, with the QR of the
  // verification page of the seal about to be made.
  input.token = seal::Seals::NewToken();
  render::AdministrativeDocument r;
  auto organ = store::access::FindAgencyById(tx.session(), d.agency_id);
  if (organ && organ->parent_id) {
    if (auto parent = store::access::FindAgencyById(tx.session(), *organ->parent_id)) {
      r.parent_agency_name = Upper(parent->name);
    }
  }
  r.agency_name = Upper(d.agency_name);
  r.number_notation = input.number_notation;
  r.place_and_date = DateLine(PlaceOf(d.agency_name), input.issued_on);
  const bool cong_van = d.type == core::document::kCongVan;
  r.type_name = cong_van ? "" : Upper(type_name);
  r.summary = d.subject;
  std::vector<std::string> recipient_names;
  for (const auto& x : store::document::ListRecipients(tx.session(), d.id)) {
    recipient_names.push_back(x.agency_name);
  }
  if (cong_van) r.addressees = recipient_names;
  r.paragraphs = ParagraphsOf(d.content);
  for (auto& name : recipient_names) r.recipients.push_back(name + ";");
  r.recipients.push_back("Lưu: VT.");
  if (d.agency_name.starts_with("UBND")) r.signing_authority = "TM. ỦY BAN NHÂN DÂN";
  if (d.signed_by) {
    auto signer = store::access::FindUserByUsername(tx.session(), *d.signed_by);
    r.signer_name = signer ? signer->full_name : *d.signed_by;
  }
  r.verify_url = public_base_url_ + "/xac-thuc/" + input.token;
  r.seal_line = "Văn bản điện tử có dấu số của " + d.agency_name + ".";
  const std::string pdf = render::RenderDocumentPdf(r);
  core::document::File f{
      security::Sha256Hex(pdf),
      "application/pdf",
      static_cast<std::int64_t>(pdf.size()),
      input.number_notation.empty() ? "van-ban.pdf" : FileNameOf(input.number_notation),
      now,
      caller.username};
  files_.Put(f.sha256, pdf);  // content-addressed: a rolled-back issue leaves an unused file
  store::document::InsertFile(tx, d.id, f);
  input.sha256 = f.sha256;
  seals_.Seal(tx, input);
}

std::string FileNameOf(const std::string& number_notation) {
  std::string out;
  for (char c : number_notation) out.push_back(c == '/' ? '-' : c);
  return out + ".pdf";
}

}  // namespace egov::service::document
