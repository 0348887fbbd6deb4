// The JSON columns of the dossiers table (see json_columns.hpp).
#include "store/dossier/json_columns.hpp"

#include "json/read.hpp"
#include "json/write.hpp"
#include "store/core_described.hpp"

namespace egov::store::dossier {

std::string ApplicantColumn(const core::dossier::Applicant& applicant) {
  return json::WriteText(applicant);
}

core::dossier::Applicant ApplicantFromColumn(std::string_view text) {
  return json::ReadStored<core::dossier::Applicant>(text, "dossiers.applicant");
}

std::string ComponentsColumn(const std::vector<core::catalog::Component>& components) {
  return json::WriteText(components);
}

std::vector<core::catalog::Component> ComponentsFromColumn(std::string_view text) {
  // An intake hands in at most 100 components; stored rows are read with room to spare.
  return json::ReadStored<std::vector<core::catalog::Component>>(text, "dossiers.components",
                                                                 {.max_items = 10'000});
}

}  // namespace egov::store::dossier
