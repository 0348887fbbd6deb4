// SQL for ratings (see ratings.hpp).
#include "store/dossier/ratings.hpp"

#include <soci/soci.h>

#include "store/errors.hpp"
#include "store/query.hpp"

namespace egov::store::dossier {

namespace {

constexpr const char* kInsertRating =
    "INSERT INTO ratings (dossier_id, score, attitude, guidance, time_taken, fees_as_posted, "
    "comment, rated_at) VALUES (:id, :score, :attitude, :guidance, :time_taken, :fees, "
    ":comment, :at)";
constexpr const char* kSelectRating =
    "SELECT score, attitude, guidance, time_taken, fees_as_posted, comment, rated_at "
    "FROM ratings WHERE dossier_id = :id";

struct RatingRow {
  int score = 0;
  int attitude = 0, guidance = 0, time_taken = 0, fees = 0;
  soci::indicator attitude_ind = soci::i_null, guidance_ind = soci::i_null,
                  time_taken_ind = soci::i_null, fees_ind = soci::i_null;
  std::string comment;
  long long rated_at = 0;
  void Bind(Columns& c) {
    c("score", score);
    c("attitude", attitude, attitude_ind);
    c("guidance", guidance, guidance_ind);
    c("time_taken", time_taken, time_taken_ind);
    c("fees_as_posted", fees, fees_ind);
    c("comment", comment);
    c("rated_at", rated_at);
  }
  StoredRating Get() const {
    auto opt = [](int v, soci::indicator ind) {
      return ind == soci::i_ok ? std::optional<int>(v) : std::nullopt;
    };
    return {score,
            opt(attitude, attitude_ind),
            opt(guidance, guidance_ind),
            opt(time_taken, time_taken_ind),
            opt(fees, fees_ind),
            comment,
            rated_at};
  }
};

}  // namespace

void InsertRating(WriteTransaction& tx, std::int64_t dossier_id, const StoredRating& r) {
  long long id = dossier_id, at = r.rated_at;
  int score = r.score;
  auto value = [](const std::optional<int>& v) { return v.value_or(0); };
  auto indicator = [](const std::optional<int>& v) { return v ? soci::i_ok : soci::i_null; };
  int attitude = value(r.attitude), guidance = value(r.guidance), time_taken = value(r.time_taken),
      fees = value(r.fees_as_posted);
  soci::indicator attitude_ind = indicator(r.attitude), guidance_ind = indicator(r.guidance),
                  time_taken_ind = indicator(r.time_taken), fees_ind = indicator(r.fees_as_posted);
  MappingUniqueViolation([&] {
    tx.sql() << kInsertRating, soci::use(id, "id"), soci::use(score, "score"),
        soci::use(attitude, attitude_ind, "attitude"),
        soci::use(guidance, guidance_ind, "guidance"),
        soci::use(time_taken, time_taken_ind, "time_taken"), soci::use(fees, fees_ind, "fees"),
        soci::use(r.comment, "comment"), soci::use(at, "at");
  });
}

std::optional<StoredRating> FindRating(Session& session, std::int64_t dossier_id) {
  long long id = dossier_id;
  return QueryRow<RatingRow>(session.sql(), kSelectRating, soci::use(id, "id"));
}

}  // namespace egov::store::dossier
