// The document handling table (see workflow.hpp).
#include "core/document/workflow.hpp"

namespace egov::core::document {

namespace {

constexpr Rule kRules[] = {
    // Incoming: an electronic arrival is registered by the clerk (Art. 22), directed by a
    // leader (Art. 24), handled, completed.
    {Status::kArrived, Action::kRegister, Who::kClerk, Status::kRegistered},
    {Status::kRegistered, Action::kDirect, Who::kLeader, Status::kDirected},
    {Status::kDirected, Action::kDirect, Who::kLeader, Status::kDirected},
    {Status::kInProgress, Action::kDirect, Who::kLeader, Status::kInProgress},
    {Status::kDirected, Action::kProgress, Who::kHandler, Status::kInProgress},
    {Status::kInProgress, Action::kProgress, Who::kHandler, Status::kInProgress},
    {Status::kDirected, Action::kComplete, Who::kLeadOrLeader, Status::kDone},
    {Status::kInProgress, Action::kComplete, Who::kLeadOrLeader, Status::kDone},
    // Outgoing: drafted, submitted, approved and signed by a leader, issued (numbered) and
    // sent by the clerk (Art. 10–16); a leader returns a submitted or approved draft, a
    // leader or the clerk (checking the format before issue, Art. 14) a signed one.
    {Status::kDraft, Action::kSubmit, Who::kDrafter, Status::kSubmitted},
    {Status::kSubmitted, Action::kApprove, Who::kLeader, Status::kApproved},
    {Status::kApproved, Action::kSign, Who::kLeader, Status::kSigned},
    {Status::kSigned, Action::kIssue, Who::kClerk, Status::kIssued},
    {Status::kIssued, Action::kSend, Who::kClerk, Status::kSent},
    {Status::kSubmitted, Action::kSendBack, Who::kLeader, Status::kDraft},
    {Status::kApproved, Action::kSendBack, Who::kLeader, Status::kDraft},
    {Status::kSigned, Action::kSendBack, Who::kLeaderOrClerk, Status::kDraft},
    // A unit's leader hands the unit's part of a directed document to one of its officers.
    {Status::kDirected, Action::kAssign, Who::kUnitLeader, Status::kDirected},
    {Status::kInProgress, Action::kAssign, Who::kUnitLeader, Status::kInProgress},
    // Recall (Art. 18.4): the sender's clerk recalls a sent document, which freezes it; each
    // recipient's clerk accepts (its copy is withdrawn) or refuses, whatever the copy's status.
    {Status::kSent, Action::kRecall, Who::kClerk, Status::kRecalled},
    {Status::kArrived, Action::kAcceptRecall, Who::kClerk, Status::kWithdrawn, true},
    {Status::kRegistered, Action::kAcceptRecall, Who::kClerk, Status::kWithdrawn, true},
    {Status::kDirected, Action::kAcceptRecall, Who::kClerk, Status::kWithdrawn, true},
    {Status::kInProgress, Action::kAcceptRecall, Who::kClerk, Status::kWithdrawn, true},
    {Status::kDone, Action::kAcceptRecall, Who::kClerk, Status::kWithdrawn, true},
    {Status::kArrived, Action::kRefuseRecall, Who::kClerk, Status::kArrived, true},
    {Status::kRegistered, Action::kRefuseRecall, Who::kClerk, Status::kRegistered, true},
    {Status::kDirected, Action::kRefuseRecall, Who::kClerk, Status::kDirected, true},
    {Status::kInProgress, Action::kRefuseRecall, Who::kClerk, Status::kInProgress, true},
    {Status::kDone, Action::kRefuseRecall, Who::kClerk, Status::kDone, true},
};

std::string WhoText(Who who) {
  switch (who) {
    case Who::kClerk: return "văn thư của cơ quan";
    case Who::kLeader: return "lãnh đạo cơ quan";
    case Who::kLeaderOrClerk: return "lãnh đạo hoặc văn thư của cơ quan";
    case Who::kDrafter: return "người soạn thảo";
    case Who::kHandler: return "người (đơn vị) được giao chủ trì hoặc phối hợp";
    case Who::kLeadOrLeader: return "người (đơn vị) chủ trì hoặc lãnh đạo cơ quan";
    case Who::kUnitLeader: return "lãnh đạo đơn vị được giao chủ trì hoặc phối hợp";
  }
  return "";
}

}  // namespace

std::span<const Rule> Rules() { return kRules; }

bool IsPostable(Action action) {
  return action != Action::kDraft && action != Action::kArrive && action != Action::kFile &&
         action != Action::kStatus;
}

bool Allows(Who who, const Actor& a) {
  switch (who) {
    case Who::kClerk: return a.clerk;
    case Who::kLeader: return a.leader;
    case Who::kLeaderOrClerk: return a.leader || a.clerk;
    case Who::kDrafter: return a.drafter;
    case Who::kHandler: return a.lead || a.co_op;
    case Who::kLeadOrLeader: return a.lead || a.leader;
    case Who::kUnitLeader: return a.unit_leader;
  }
  return false;
}

Error ToError(const Refusal& r) {
  switch (r.kind) {
    case RefusalKind::kStatus: return Error(ErrorCode::kConflict, r.message);
    case RefusalKind::kRole: return Error(ErrorCode::kForbidden, r.message);
    case RefusalKind::kInvalid: return FieldError(r.field, r.message);
  }
  return Error(ErrorCode::kInternal, r.message);
}

Outcome Decide(Status status, Action action, const Actor& actor, bool recall_pending) {
  if (!IsPostable(action)) {
    return Refusal{RefusalKind::kInvalid,
                   "\"" + std::string(Name(action)) + "\" không phải là thao tác được gửi.",
                   "action"};
  }
  for (const auto& rule : kRules) {
    if (rule.status != status || rule.action != action) continue;
    if (rule.recall_pending && !recall_pending) {
      return Refusal{RefusalKind::kStatus, "Không có đề nghị thu hồi nào đang chờ trả lời.", ""};
    }
    if (!Allows(rule.who, actor)) {
      return Refusal{
          RefusalKind::kRole,
          "Chỉ " + WhoText(rule.who) + " mới được " + std::string(Label(action)) + " văn bản này.",
          ""};
    }
    return rule.next;
  }
  return Refusal{RefusalKind::kStatus,
                 "Không thể " + std::string(Label(action)) + " khi văn bản ở trạng thái \"" +
                     std::string(Label(status)) + "\".",
                 ""};
}

std::vector<Action> AllowedActions(Status status, const Actor& actor, bool recall_pending) {
  std::vector<Action> out;
  for (Action action : AllActions()) {
    if (std::holds_alternative<Status>(Decide(status, action, actor, recall_pending))) {
      out.push_back(action);
    }
  }
  return out;
}

}  // namespace egov::core::document
