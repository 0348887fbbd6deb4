// The printed forms of a dossier (Circular 01/2018/TT-VPCP and 03/2025/TT-VPCP;
// docs/forms.md): the receipt, the supplement request, the refusal, the apology, the stop
// notice and the control sheet, numbered and titled by the rule set in force when the dossier
// was received. Rendering is slow-ish (~10 ms): run it on the blocking pool.
#pragma once

#include <string>

#include "core/access/roles.hpp"
#include "core/dossier/rule_set.hpp"
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

  // Any form as PDF bytes. not_found when the caller may not see the dossier (before any
  // other check) or when the dossier's rule set has no such form (the stop notice before
  // Circular 03/2025); conflict when the form does not apply to the dossier yet (no
  // supplement request, refusal, reschedule or stop recorded; not received yet, for the
  // receipt and the control sheet). Each form prints the latest event it is about.
  std::string FormPdf(const core::access::Caller& caller, const std::string& code,
                      core::dossier::Form form, const std::string& lookup_base) const;

 private:
  store::Database& db_;
  const Dossiers& dossiers_;
};

}  // namespace egov::service::dossier
