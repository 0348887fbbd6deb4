// The citizen's rating of a returned dossier (CONTRACT.md public; docs/workflow.md,
// "Rating"; Decision 766/QĐ-TTg, DOMAIN.md §2): once per dossier, after the result is
// returned, by whoever holds the receipt's public token. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "store/database.hpp"
#include "store/dossier/ratings.hpp"

namespace egov::service::dossier {

// At most this many characters of comment (after NFC normalisation).
constexpr std::size_t kMaxRatingComment = 1000;

struct RatingInput {
  std::string token;                                                  // the receipt's public_token
  int score = 0;                                                      // 1..5
  std::optional<int> attitude, guidance, time_taken, fees_as_posted;  // each 1..5
  std::string comment;
};

struct Rating {
  std::string code;
  store::dossier::StoredRating rating;
};

class Ratings {
 public:
  Ratings(store::Database& db, const core::Clock& clock);

  // not_found for an unknown code or a token that is not the dossier's (never saying which);
  // validation_failed naming score, criteria.<key> or comment; conflict before the result is
  // returned, and for a second rating. Rated at the clock's now.
  Rating Rate(const std::string& code, const RatingInput& input);
  // The dossier's rating; not_found when there is none or the token is not the dossier's.
  Rating Get(const std::string& code, const std::string& token) const;

 private:
  store::Database& db_;
  const core::Clock& clock_;
};

}  // namespace egov::service::dossier
