// Dossiers (hồ sơ) of the one-stop shop, DOMAIN.md §2: the dossier code of
// Circular 01/2018/TT-VPCP Art. 19, and the checks of an applicant's contact data. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/dossier/states.hpp"

namespace egov::core::dossier {

// `<agency code>-YYMMDD-NNNN`; the number has 4 digits, 5 or more past 9999.
std::string FormatDossierCode(std::string_view agency_code, std::string_view yymmdd,
                              std::int64_t number);

// "Nguyễn Thị Ánh Tuyết" → "N***** T** Á** T****": the first letter of each word.
std::string MaskName(std::string_view full_name);

// A Vietnamese phone number: 0 or +84 then the subscriber number, spaces,
// dots and dashes ignored; 10 digits (mobile) or 11 (landline). Returns the normalised form
// "0xxxxxxxxx", or nullopt.
std::optional<std::string> NormalizePhone(std::string_view phone);
// The 12-digit citizen identification number (căn cước công dân).
bool IsCitizenId(std::string_view id);
bool IsEmail(std::string_view email);

}  // namespace egov::core::dossier
