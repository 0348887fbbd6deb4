// Use cases of one-stop dossiers (DOMAIN.md §2, CONTRACT.md dossiers and public):
// intake at the counter, online submission and its acceptance, reading, lists and the
// citizen's public lookup. Codes are allocated atomically per agency and day; due times are
// computed once, at the event, from the calendar in force and recorded. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access/model.hpp"
#include "core/access/roles.hpp"
#include "core/catalog/procedure.hpp"
#include "core/clock.hpp"
#include "core/dossier/model.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/catalog/catalog.hpp"
#include "store/database.hpp"
#include "store/dossier/bulk.hpp"
#include "store/dossier/dossiers.hpp"
#include "store/files/file_store.hpp"

namespace egov::service::dossier {

struct IntakeInput {
  std::string procedure_code;
  // direct | postal (counter), online (public submission); nullopt: a name that is no channel
  std::optional<core::dossier::Channel> channel;
  std::string agency_code;  // online only: the receiving agency the citizen chose
  core::dossier::Applicant applicant;
  std::vector<core::catalog::Component> components;
};

struct DossierView {
  core::dossier::Dossier dossier;
  core::catalog::Procedure procedure;  // the pinned version
  std::vector<core::dossier::Event> events;
  std::vector<core::dossier::File> files;
};

// Uploads: at most this many bytes per file; PDF, JPEG and PNG only (sniffed).
constexpr std::size_t kMaxFileBytes = 10 * 1024 * 1024;

struct StoredFile {
  core::dossier::File file;
  std::string bytes;
};

struct PublicView {
  std::string code, procedure_name;
  core::dossier::Status status = core::dossier::Status::kSubmitted;
  std::string status_label, applicant_name;
  std::optional<std::int64_t> received_at, due_at;
};

struct ListQuery {
  std::optional<core::dossier::Status> status;  // nullopt: any
  std::string q, received_from, received_to;    // dates YYYY-MM-DD (Vietnam)
  bool overdue = false;
  int page = 1, per_page = 50;
};

class Dossiers {
 public:
  Dossiers(store::Database& db, const core::Clock& clock, calendar::CalendarService& calendar,
           catalog::Catalog& catalog, store::FileStore& files);

  // Reception at the caller's agency. A repeated `idempotency_key` of the same officer
  // returns the first dossier instead of creating another; with another request (any field
  // differs) it is validation_failed naming "Idempotency-Key", and nothing is created.
  DossierView Intake(const core::access::Caller& caller, const IntakeInput& input,
                     const std::optional<std::string>& idempotency_key);
  // A citizen's online submission: status "submitted", code allocated now, no times yet.
  // The agency must be one that ReceivingAgencies(procedure's level) offers.
  DossierView Submit(const IntakeInput& input, const std::optional<std::string>& idempotency_key);
  // Reception accepts a submitted dossier: received now, due counted from now (from the next
  // working period outside working hours).
  DossierView Accept(const core::access::Caller& caller, const std::string& code);

  // Before acceptance, reception asks once, in writing, for what is missing (status
  // supplement_requested); when the applicant has supplied it, the submission waits for
  // acceptance again (status submitted). Conflict in any other status, or on a second request.
  DossierView RequestSupplementBeforeAcceptance(const core::access::Caller& caller,
                                                const std::string& code, const std::string& reason,
                                                const std::vector<std::string>& missing);
  DossierView ReceiveSupplementBeforeAcceptance(const core::access::Caller& caller,
                                                const std::string& code);

  DossierView Get(const core::access::Caller& caller, const std::string& code) const;
  store::dossier::ListResult List(const core::access::Caller& caller, const ListQuery& q) const;
  PublicView Lookup(const std::string& code) const;
  // Where a citizen may file: agencies with reception officers, those of `level`'s kind
  // (commune → communes, district/province → the others; empty: all).
  std::vector<store::dossier::ReceivingAgency> ReceivingAgencies(const std::string& level) const;

  // Throws unless the caller may add files to the dossier: forbidden without the reception or
  // specialist role, not_found when the dossier is not visible to them. Cheap enough to run
  // from an upload's headers, before its body is received.
  void CheckCanAddFile(const core::access::Caller& caller, const std::string& code) const;
  // A component's file, by an officer who may see the dossier (reception or specialist).
  core::dossier::File AddFile(const core::access::Caller& caller, const std::string& code,
                              const std::string& component, const std::string& file_name,
                              std::string_view bytes);
  StoredFile GetFile(const core::access::Caller& caller, const std::string& code,
                     const std::string& sha256) const;

 private:
  DossierView Create(const IntakeInput& input, const std::string& created_by,
                     const std::string& actor, const core::access::Agency& agency, bool submitted,
                     const std::optional<std::string>& idempotency_key);
  void Schedule(core::dossier::Dossier& d, const core::catalog::Procedure& p,
                std::int64_t now) const;
  DossierView View(store::Session& session, const core::dossier::Dossier& d) const;

  store::Database& db_;
  const core::Clock& clock_;
  calendar::CalendarService& calendar_;
  catalog::Catalog& catalog_;
  store::FileStore& files_;
};

}  // namespace egov::service::dossier
