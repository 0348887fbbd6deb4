// The JSON columns of the dossiers table: `applicant` (an object) and `components` (an array
// of {name, original, certified, copy}), written and read by the generic mapping
// (json/write.hpp, json/read.hpp) under the limits of store/core_described.hpp. A column that
// does not read back is json::CorruptData (an unexpected failure, like a status core does not
// know).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/procedure.hpp"
#include "core/dossier/model.hpp"

namespace egov::store::dossier {

std::string ApplicantColumn(const core::dossier::Applicant& applicant);
core::dossier::Applicant ApplicantFromColumn(std::string_view text);

std::string ComponentsColumn(const std::vector<core::catalog::Component>& components);
std::vector<core::catalog::Component> ComponentsFromColumn(std::string_view text);

}  // namespace egov::store::dossier
