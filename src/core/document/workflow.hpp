// The handling of official documents as one table of data (DOMAIN.md §4; CONTRACT.md,
// "Documents"): for each status and action, who may act and the next status. Decide() reads
// the table and answers the next status or a typed Refusal that changes nothing.
// docs/documents.md lists every row. Pure; thread-safe.
#pragma once

#include <span>
#include <string>
#include <variant>
#include <vector>

#include "core/document/states.hpp"
#include "core/error.hpp"

namespace egov::core::document {

// Who may take a row's action. "The agency" is the document's agency (the issuing agency of an
// outgoing document, the receiving one of an incoming document; docs/documents.md).
enum class Who {
  kClerk,          // a clerk (văn thư) of the agency
  kLeader,         // a leader of the agency itself
  kLeaderOrClerk,  // either
  kDrafter,        // the officer who drafted it
  kHandler,        // a lead or co-operating assignee (a user, or an officer of a unit)
  kLeadOrLeader,   // the lead assignee, or a leader of the agency
  kUnitLeader,     // a leader of a unit assigned as lead or co-operating (trưởng phòng)
};

struct Rule {
  Status status;
  Action action;
  Who who;
  Status next;
  // Only while a recall of this copy awaits the recipient's answer (accept_recall,
  // refuse_recall); otherwise the row does not apply (409).
  bool recall_pending = false;
};

// The table, in the order docs/documents.md lists it; at most one row per (status, action).
std::span<const Rule> Rules();

// The actions a caller may post: every Action but draft, arrive, file and status.
bool IsPostable(Action action);

// The caller, as far as the table cares (the service works these out).
struct Actor {
  bool clerk = false;        // a clerk of the document's agency
  bool leader = false;       // a leader of the document's agency
  bool drafter = false;      // drafted it
  bool lead = false;         // the lead assignee (or an officer of the lead unit)
  bool co_op = false;        // a co-operating assignee (or an officer of such a unit)
  bool unit_leader = false;  // a leader of a unit assigned as lead or co-operating
};

bool Allows(Who who, const Actor& actor);

// kStatus → 409 conflict, kRole → 403 forbidden, kInvalid → 422 validation_failed.
enum class RefusalKind { kStatus, kRole, kInvalid };
struct Refusal {
  RefusalKind kind = RefusalKind::kStatus;
  std::string message;  // Vietnamese
  std::string field;    // kInvalid: the field at fault
};
Error ToError(const Refusal& refusal);

using Outcome = std::variant<Status, Refusal>;

// The next status for `action` on a document in `status`, checked in this order: a postable
// action (else kInvalid on "action"); a row for the status (else kStatus; a row that needs a
// pending recall counts only when `recall_pending`); the actor (else kRole).
Outcome Decide(Status status, Action action, const Actor& actor, bool recall_pending = false);

// The postable actions `actor` may take now, in the order of AllActions().
std::vector<Action> AllowedActions(Status status, const Actor& actor, bool recall_pending = false);

}  // namespace egov::core::document
