// The printed forms of a dossier (Circular 01/2018/TT-VPCP; docs/forms.md). Form 01, the
// receipt and appointment slip, today. Rendering is slow-ish (~10 ms): run it on the
// blocking pool.
#pragma once

#include <string>

#include "core/access/roles.hpp"
#include "service/dossier/dossiers.hpp"
#include "store/database.hpp"

namespace egov::service::dossier {

// Form 01 as PDF bytes, for an officer who may see the dossier (not_found otherwise; a
// conflict while it is still an unaccepted online submission). `lookup_base` is the public
// origin the QR points to, e.g. "https://dichvucong.quangngai.gov.vn".
std::string ReceiptPdf(const Dossiers& dossiers, store::Database& db,
                       const core::access::Caller& caller, const std::string& code,
                       const std::string& lookup_base);

}  // namespace egov::service::dossier
