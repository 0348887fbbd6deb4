// Citizens' ratings (see ratings.hpp).
#include "service/dossier/ratings.hpp"

#include <sodium.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/error.hpp"
#include "core/text/fold.hpp"
#include "store/dossier/dossiers.hpp"
#include "store/errors.hpp"

namespace egov::service::dossier {

namespace {

Error NotFound() { return Error(ErrorCode::kNotFound, "Không tìm thấy hồ sơ."); }

Error AlreadyRated() {
  return Error(ErrorCode::kConflict,
               "Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần.",
               "dossier already rated");
}

bool SameToken(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// The dossier of `code` whose public token is `token`; not_found otherwise (either way).
core::dossier::Dossier Find(store::Session& session, const std::string& code,
                            const std::string& token) {
  if (code.empty() || code.size() > 64 || token.empty()) throw NotFound();
  auto d = store::dossier::FindByCode(session, code);
  if (!d || !SameToken(d->public_token, token)) throw NotFound();
  return *d;
}

// NFC, surrounding whitespace trimmed (inner line breaks kept).
std::string CleanComment(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string out;
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normaliser unavailable");
  icu::UnicodeString normalized = nfc->normalize(icu::UnicodeString::fromUTF8(text), status);
  if (U_FAILURE(status)) throw FieldError("comment", "không phải văn bản hợp lệ.");
  normalized.trim();
  normalized.toUTF8String(out);
  if (core::text::CodePointCount(out) > kMaxRatingComment) {
    throw FieldError("comment", "dài tối đa " + std::to_string(kMaxRatingComment) + " ký tự.");
  }
  return out;
}

void CheckScore(const std::string& field, const std::optional<int>& value) {
  if (value && (*value < 1 || *value > 5)) {
    throw FieldError(field, "phải là số nguyên từ 1 đến 5.");
  }
}

}  // namespace

Ratings::Ratings(store::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

Rating Ratings::Rate(const std::string& code, const RatingInput& input) {
  CheckScore("score", input.score);
  CheckScore("criteria.attitude", input.attitude);
  CheckScore("criteria.guidance", input.guidance);
  CheckScore("criteria.time_taken", input.time_taken);
  CheckScore("criteria.fees_as_posted", input.fees_as_posted);
  store::dossier::StoredRating r{input.score,          input.attitude,
                                 input.guidance,       input.time_taken,
                                 input.fees_as_posted, CleanComment(input.comment),
                                 clock_.NowMillis()};
  store::WriteTransaction tx(db_);
  const auto d = Find(tx.session(), code, input.token);
  if (d.status != core::dossier::Status::kReturned) {
    throw Error(ErrorCode::kConflict,
                "Chỉ có thể đánh giá sau khi hồ sơ đã được trả kết quả cho người nộp.",
                "dossier not returned yet");
  }
  if (store::dossier::FindRating(tx.session(), d.id)) throw AlreadyRated();
  try {
    store::dossier::InsertRating(tx, d.id, r);
  } catch (const store::UniqueViolation&) {
    throw AlreadyRated();  // rated concurrently
  }
  tx.Commit();
  return {d.code, std::move(r)};
}

Rating Ratings::Get(const std::string& code, const std::string& token) const {
  store::Session s(db_);
  const auto d = Find(s, code, token);
  auto r = store::dossier::FindRating(s, d.id);
  if (!r) throw Error(ErrorCode::kNotFound, "Hồ sơ chưa được đánh giá.");
  return {d.code, std::move(*r)};
}

}  // namespace egov::service::dossier
