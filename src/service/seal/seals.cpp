// The seal service (see seals.hpp).
#include "service/seal/seals.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "service/security/crypto.hpp"
#include "store/access/agencies.hpp"
#include "store/errors.hpp"
#include "store/seal/seals.hpp"

namespace egov::service::seal {

namespace {

bool IsIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  int month = std::stoi(text.substr(5, 2)), day = std::stoi(text.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

void Check(const SealInput& in) {
  if (in.subject_ref.empty() || in.subject_ref.size() > kMaxSubjectRefBytes) {
    throw FieldError("subject_ref", "Mã đối tượng được đóng dấu không hợp lệ.");
  }
  if (!core::seal::IsSha256Hex(in.sha256)) {
    throw FieldError("sha256", "Mã băm SHA-256 phải gồm 64 chữ số thập lục phân viết thường.");
  }
  if (in.number_notation.size() > kMaxNotationBytes) {
    throw FieldError("number_notation", "Số, ký hiệu quá dài.");
  }
  if (in.title.empty() || in.title.size() > kMaxTitleBytes) {
    throw FieldError("title", "Tên loại và trích yếu không được để trống và không quá dài.");
  }
  if (!in.token.empty() &&
      (in.token.size() != 43 ||
       in.token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
                                  "qrstuvwxyz0123456789-_") != std::string::npos)) {
    throw FieldError("token", "Mã xác thực không hợp lệ.");
  }
  if (!IsIsoDate(in.issued_on)) {
    throw FieldError("issued_on", "Ngày ban hành phải có dạng YYYY-MM-DD.");
  }
}

}  // namespace

bool SignatureHolds(const core::seal::SealRecord& record, const std::string& public_key_base64) {
  if (record.algorithm != kEd25519) return false;
  auto key = FromBase64Url(public_key_base64);
  auto signature = FromBase64Url(record.signature);
  if (!key || !signature) return false;
  return VerifyEd25519(*key, core::seal::SignedText(record), *signature);
}

std::string Seals::NewToken() { return security::RandomToken(32); }

std::string Seals::Seal(store::WriteTransaction& tx, const SealInput& input) {
  Check(input);
  auto agency = store::access::FindAgencyByCode(tx.session(), input.issuer_agency_code);
  if (!agency) {
    throw Error(ErrorCode::kNotFound, "Không tìm thấy cơ quan ban hành.",
                "seal: unknown issuer " + input.issuer_agency_code);
  }
  auto signer = signers_.ForAgency(tx, *agency);
  core::seal::SealRecord record;
  record.token = input.token.empty() ? NewToken() : input.token;
  record.kind = input.kind;
  record.subject_ref = input.subject_ref;
  record.sha256 = input.sha256;
  record.number_notation = input.number_notation;
  record.issuer_code = agency->code;
  record.issuer_name = agency->name;
  record.title = input.title;
  record.issued_on = input.issued_on;
  record.algorithm = std::string(signer->algorithm());
  record.key_id = signer->key_id();
  record.signed_at = clock_.NowMillis();
  record.signature = Base64Url(signer->Sign(core::seal::SignedText(record)));
  store::seal::InsertSeal(tx, agency->id, record);
  return record.token;
}

Verification Seals::Verify(const std::string& token,
                           const std::optional<std::string>& file_sha256) {
  store::Session session(db_);
  auto record = store::seal::FindSeal(session, token);
  if (!record) {
    throw Error(ErrorCode::kNotFound, "Không tìm thấy văn bản với mã xác thực này.",
                "verify: unknown token");
  }
  Verification out;
  if (file_sha256) {
    std::string given = *file_sha256;
    std::transform(given.begin(), given.end(), given.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!core::seal::IsSha256Hex(given)) {
      throw FieldError("sha256", "Mã băm SHA-256 phải gồm 64 chữ số thập lục phân.");
    }
    out.file_matches = given == record->sha256;
  }
  auto key = store::seal::FindKey(session, record->key_id);
  if (key) out.public_key = key->public_key;
  out.valid =
      key && key->algorithm == record->algorithm && SignatureHolds(*record, key->public_key);
  out.seal = std::move(*record);
  return out;
}

}  // namespace egov::service::seal
