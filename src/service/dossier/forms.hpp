// The printed forms of a dossier (Circular 01/2018/TT-VPCP; docs/forms.md). Form 01, the
// receipt and appointment slip, today. Rendering is slow-ish (~10 ms): run it on the
// blocking pool.
#pragma once

#include <string>

#include "core/access/roles.hpp"
#include "service/dossier/dossiers.hpp"
#include "store/database.hpp"

namespace egov::service::dossier {

// Renders the printed forms of the dossiers `dossiers` serves. Thread-safe; `db` and
// `dossiers` must outlive it.
class Forms {
 public:
  Forms(store::Database& db, const Dossiers& dossiers) : db_(db), dossiers_(dossiers) {}

  // Form 01 as PDF bytes, for an officer who may see the dossier (not_found otherwise; a
  // conflict while it is still an unaccepted online submission). `lookup_base` is the public
  // origin the QR points to, e.g. "https://dichvucong.quangngai.gov.vn".
  std::string ReceiptPdf(const core::access::Caller& caller, const std::string& code,
                         const std::string& lookup_base) const;

 private:
  store::Database& db_;
  const Dossiers& dossiers_;
};

}  // namespace egov::service::dossier
