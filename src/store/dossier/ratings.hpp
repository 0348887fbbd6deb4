// SQL for citizens' ratings of returned dossiers (table ratings, one per dossier). Functions
// never commit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace egov::store::dossier {

// A rating as stored: the overall score and the optional criteria, each 1–5.
struct StoredRating {
  int score = 0;
  std::optional<int> attitude, guidance, time_taken, fees_as_posted;
  std::string comment;  // "" when none
  std::int64_t rated_at = 0;
};

// Throws UniqueViolation when the dossier has been rated already.
void InsertRating(WriteTransaction& tx, std::int64_t dossier_id, const StoredRating& rating);
std::optional<StoredRating> FindRating(Session& session, std::int64_t dossier_id);

}  // namespace egov::store::dossier
