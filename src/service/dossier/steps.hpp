// A dossier's process made concrete (DOMAIN.md §1: the receiving, competent and processing
// agencies): the pinned procedure's steps resolved to agencies at intake, and the working
// calendars its deadlines are counted in. ResolveSteps is the one place that maps the
// procedure template to concrete agencies. Thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/access/model.hpp"
#include "core/access/roles.hpp"
#include "core/calendar/working_time.hpp"
#include "core/catalog/procedure.hpp"
#include "core/dossier/deadlines.hpp"
#include "core/dossier/model.hpp"
#include "core/dossier/workflow.hpp"
#include "store/database.hpp"

namespace egov::service::dossier {

// The steps of `procedure` for a dossier received at `receiving` (only its code is read): a
// step naming an agency by code is that agency's; a relative step is resolved from the
// receiving agency (docs/workflow.md, "Step agencies": itself, its district or province, or
// the department of that agency with the step's unit abbreviation). Each with its id, path and
// working hours. Throws validation_failed naming `steps[i].agency` or `steps[i].unit` when a
// relative step has no agency for this receiving agency (nothing may be created then), and
// conflict when a named agency no longer exists.
//
// With `own_process` (intake), the receiving agency's own process for the procedure
// (agency_processes, docs/workflow.md "An agency's own process") replaces the procedure's
// steps when it has one that still fits the procedure (its hours add up to the time limit,
// its last step is the return by reception); without it (a dossier from before steps were
// stored), the procedure's steps.
std::vector<core::dossier::DossierStep> ResolveSteps(store::Session& session,
                                                     const core::catalog::Procedure& procedure,
                                                     const core::access::Agency& receiving,
                                                     bool own_process = true);
// Whether an agency's own steps still fit `procedure` (the version in force may have changed
// since they were saved): the hours add up to its time limit, the last is reception's.
bool FitsProcedure(const std::vector<core::catalog::Step>& steps,
                   const core::catalog::Procedure& procedure);
// Exactly `steps` resolved for `receiving` (the same rules and errors as ResolveSteps).
std::vector<core::dossier::DossierStep> ResolveTheseSteps(
    store::Session& session, const std::vector<core::catalog::Step>& steps,
    const core::access::Agency& receiving);

// The procedure as the dossier runs it: its steps replaced by the resolved ones (each with
// its concrete agency code), for the workflow and deadline functions of core.
core::catalog::Procedure WithSteps(core::catalog::Procedure procedure,
                                   const std::vector<core::dossier::DossierStep>& steps);

// The competent agency: that of the last processing step (before the return), else the
// receiving one.
std::int64_t CompetentAgency(const std::vector<core::dossier::DossierStep>& steps,
                             std::int64_t receiving_agency_id);

// Whether `caller` may see a dossier: its receiving agency or the agency of one of its steps
// lies in the caller's subtree (CONTRACT.md, Auth: liên thông).
bool Sees(const core::access::Caller& caller, const core::dossier::Dossier& dossier,
          const std::vector<core::dossier::DossierStep>& steps);

// The caller as the workflow sees them at `dossier` in `state`: their roles and username,
// whether they work at its receiving agency and at its current step's agency.
core::dossier::Actor ActorOf(const core::access::Caller& caller,
                             const core::dossier::Dossier& dossier,
                             const core::dossier::WorkflowState& state,
                             const std::vector<core::dossier::DossierStep>& steps);

// The working calendars of one dossier: the receiving agency's (its due time, the reschedule
// window) and each step agency's (its working hours), all on `base`'s days. Not copyable: the
// core view points into it.
class ProcessCalendars {
 public:
  ProcessCalendars(const core::calendar::WorkingCalendar& base,
                   const core::calendar::WorkingHours& receiving_hours,
                   const std::vector<core::dossier::DossierStep>& steps);
  ProcessCalendars(const ProcessCalendars&) = delete;
  ProcessCalendars& operator=(const ProcessCalendars&) = delete;

  const core::calendar::WorkingCalendar& receiving() const { return receiving_; }
  const core::dossier::Calendars& view() const { return view_; }

 private:
  core::calendar::WorkingCalendar receiving_;
  std::vector<core::calendar::WorkingCalendar> steps_;
  core::dossier::Calendars view_;
};

}  // namespace egov::service::dossier
