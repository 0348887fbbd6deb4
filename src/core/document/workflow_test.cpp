// The document handling table: every row, every refusal (docs/documents.md).
#include "core/document/workflow.hpp"

#include <gtest/gtest.h>

#include <set>

namespace egov::core::document {
namespace {

Actor Clerk() { return {.clerk = true}; }
Actor Leader() { return {.leader = true}; }
Actor Drafter() { return {.drafter = true}; }
Actor Lead() { return {.lead = true}; }
Actor CoOp() { return {.co_op = true}; }
Actor UnitLeader() { return {.unit_leader = true}; }
Actor Nobody() { return {}; }

Status Next(Status s, Action a, const Actor& actor) {
  auto outcome = Decide(s, a, actor);
  EXPECT_TRUE(std::holds_alternative<Status>(outcome))
      << Name(s) << " " << Name(a) << ": " << std::get<Refusal>(outcome).message;
  return std::holds_alternative<Status>(outcome) ? std::get<Status>(outcome) : s;
}

RefusalKind Refused(Status s, Action a, const Actor& actor) {
  auto outcome = Decide(s, a, actor);
  EXPECT_TRUE(std::holds_alternative<Refusal>(outcome)) << Name(s) << " " << Name(a);
  return std::holds_alternative<Refusal>(outcome) ? std::get<Refusal>(outcome).kind
                                                  : RefusalKind::kInvalid;
}

TEST(DocumentWorkflow, IncomingPath) {
  EXPECT_EQ(Next(Status::kArrived, Action::kRegister, Clerk()), Status::kRegistered);
  EXPECT_EQ(Next(Status::kRegistered, Action::kDirect, Leader()), Status::kDirected);
  EXPECT_EQ(Next(Status::kDirected, Action::kDirect, Leader()), Status::kDirected);
  EXPECT_EQ(Next(Status::kInProgress, Action::kDirect, Leader()), Status::kInProgress);
  EXPECT_EQ(Next(Status::kDirected, Action::kProgress, Lead()), Status::kInProgress);
  EXPECT_EQ(Next(Status::kDirected, Action::kProgress, CoOp()), Status::kInProgress);
  EXPECT_EQ(Next(Status::kInProgress, Action::kProgress, Lead()), Status::kInProgress);
  EXPECT_EQ(Next(Status::kDirected, Action::kComplete, Lead()), Status::kDone);
  EXPECT_EQ(Next(Status::kInProgress, Action::kComplete, Lead()), Status::kDone);
  EXPECT_EQ(Next(Status::kInProgress, Action::kComplete, Leader()), Status::kDone);
}

TEST(DocumentWorkflow, OutgoingPath) {
  EXPECT_EQ(Next(Status::kDraft, Action::kSubmit, Drafter()), Status::kSubmitted);
  EXPECT_EQ(Next(Status::kSubmitted, Action::kApprove, Leader()), Status::kApproved);
  EXPECT_EQ(Next(Status::kApproved, Action::kSign, Leader()), Status::kSigned);
  EXPECT_EQ(Next(Status::kSigned, Action::kIssue, Clerk()), Status::kIssued);
  EXPECT_EQ(Next(Status::kIssued, Action::kSend, Clerk()), Status::kSent);
  EXPECT_EQ(Next(Status::kSubmitted, Action::kSendBack, Leader()), Status::kDraft);
  EXPECT_EQ(Next(Status::kApproved, Action::kSendBack, Leader()), Status::kDraft);
  EXPECT_EQ(Next(Status::kSigned, Action::kSendBack, Leader()), Status::kDraft);
  EXPECT_EQ(Next(Status::kSigned, Action::kSendBack, Clerk()), Status::kDraft);
}

TEST(DocumentWorkflow, RecallAndSubAssignment) {
  EXPECT_EQ(Next(Status::kSent, Action::kRecall, Clerk()), Status::kRecalled);
  EXPECT_EQ(Refused(Status::kSent, Action::kRecall, Leader()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kIssued, Action::kRecall, Clerk()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kRecalled, Action::kRecall, Clerk()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kRecalled, Action::kSend, Clerk()), RefusalKind::kStatus);
  for (auto s : {Status::kArrived, Status::kRegistered, Status::kDirected, Status::kInProgress,
                 Status::kDone}) {
    auto accepted = Decide(s, Action::kAcceptRecall, Clerk(), true);
    ASSERT_TRUE(std::holds_alternative<Status>(accepted)) << Name(s);
    EXPECT_EQ(std::get<Status>(accepted), Status::kWithdrawn);
    auto refused = Decide(s, Action::kRefuseRecall, Clerk(), true);
    ASSERT_TRUE(std::holds_alternative<Status>(refused)) << Name(s);
    EXPECT_EQ(std::get<Status>(refused), s);
    // No recall pending: a status refusal, before the role.
    EXPECT_EQ(Refused(s, Action::kAcceptRecall, Clerk()), RefusalKind::kStatus);
    EXPECT_EQ(Refused(s, Action::kRefuseRecall, Nobody()), RefusalKind::kStatus);
    auto wrong = Decide(s, Action::kAcceptRecall, Leader(), true);
    ASSERT_TRUE(std::holds_alternative<Refusal>(wrong));
    EXPECT_EQ(std::get<Refusal>(wrong).kind, RefusalKind::kRole);
  }
  EXPECT_EQ(Refused(Status::kWithdrawn, Action::kAcceptRecall, Clerk()), RefusalKind::kStatus);
  EXPECT_EQ(Next(Status::kDirected, Action::kAssign, UnitLeader()), Status::kDirected);
  EXPECT_EQ(Next(Status::kInProgress, Action::kAssign, UnitLeader()), Status::kInProgress);
  EXPECT_EQ(Refused(Status::kDirected, Action::kAssign, Leader()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kDirected, Action::kAssign, Lead()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kRegistered, Action::kAssign, UnitLeader()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kDone, Action::kAssign, UnitLeader()), RefusalKind::kStatus);
  EXPECT_FALSE(IsPostable(Action::kStatus));
}

TEST(DocumentWorkflow, WrongRoleIsRefusedAsRole) {
  EXPECT_EQ(Refused(Status::kArrived, Action::kRegister, Leader()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kRegistered, Action::kDirect, Clerk()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kRegistered, Action::kDirect, Lead()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kDirected, Action::kProgress, Leader()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kDirected, Action::kProgress, Nobody()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kDirected, Action::kComplete, CoOp()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kDraft, Action::kSubmit, Leader()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kSubmitted, Action::kApprove, Clerk()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kSubmitted, Action::kApprove, Drafter()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kApproved, Action::kSign, Clerk()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kSigned, Action::kIssue, Leader()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kIssued, Action::kSend, Drafter()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kSubmitted, Action::kSendBack, Clerk()), RefusalKind::kRole);
  EXPECT_EQ(Refused(Status::kSubmitted, Action::kSendBack, Drafter()), RefusalKind::kRole);
}

TEST(DocumentWorkflow, WrongStatusIsRefusedAsStatusEvenForTheWrongRole) {
  EXPECT_EQ(Refused(Status::kDraft, Action::kApprove, Leader()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kDraft, Action::kApprove, Nobody()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kSubmitted, Action::kSign, Leader()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kApproved, Action::kIssue, Clerk()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kSigned, Action::kSend, Clerk()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kSent, Action::kSend, Clerk()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kIssued, Action::kSendBack, Leader()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kDraft, Action::kSendBack, Leader()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kRegistered, Action::kRegister, Clerk()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kRegistered, Action::kProgress, Lead()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kDone, Action::kComplete, Leader()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kDone, Action::kDirect, Leader()), RefusalKind::kStatus);
  // Actions of the other direction.
  EXPECT_EQ(Refused(Status::kDraft, Action::kDirect, Leader()), RefusalKind::kStatus);
  EXPECT_EQ(Refused(Status::kRegistered, Action::kSubmit, Drafter()), RefusalKind::kStatus);
}

TEST(DocumentWorkflow, EventsOfOtherUseCasesAreNotPostable) {
  for (auto a : {Action::kDraft, Action::kArrive, Action::kFile}) {
    EXPECT_FALSE(IsPostable(a));
    auto outcome = Decide(Status::kDraft, a, Drafter());
    ASSERT_TRUE(std::holds_alternative<Refusal>(outcome));
    EXPECT_EQ(std::get<Refusal>(outcome).kind, RefusalKind::kInvalid);
    EXPECT_EQ(std::get<Refusal>(outcome).field, "action");
  }
}

TEST(DocumentWorkflow, TableRowsAreUniqueAndStayInTheirDirection) {
  std::set<std::pair<Status, Action>> seen;
  for (const auto& rule : Rules()) {
    EXPECT_TRUE(seen.insert({rule.status, rule.action}).second) << Name(rule.status);
    EXPECT_EQ(DirectionOf(rule.status), DirectionOf(rule.next)) << Name(rule.status);
    EXPECT_TRUE(IsPostable(rule.action));
  }
}

TEST(DocumentWorkflow, AllowedActions) {
  EXPECT_EQ(AllowedActions(Status::kSubmitted, Leader()),
            (std::vector<Action>{Action::kApprove, Action::kSendBack}));
  EXPECT_EQ(AllowedActions(Status::kSigned, Clerk()),
            (std::vector<Action>{Action::kIssue, Action::kSendBack}));
  EXPECT_EQ(AllowedActions(Status::kDirected, Lead()),
            (std::vector<Action>{Action::kProgress, Action::kComplete}));
  EXPECT_EQ(AllowedActions(Status::kDirected, CoOp()), (std::vector<Action>{Action::kProgress}));
  EXPECT_EQ(AllowedActions(Status::kSent, Clerk()), (std::vector<Action>{Action::kRecall}));
  EXPECT_TRUE(AllowedActions(Status::kRecalled, Clerk()).empty());  // frozen
  EXPECT_TRUE(AllowedActions(Status::kWithdrawn, Clerk(), true).empty());
  EXPECT_EQ(AllowedActions(Status::kRegistered, Clerk()), (std::vector<Action>{}));
  EXPECT_EQ(AllowedActions(Status::kRegistered, Clerk(), true),
            (std::vector<Action>{Action::kAcceptRecall, Action::kRefuseRecall}));
  EXPECT_EQ(AllowedActions(Status::kDirected, UnitLeader()),
            (std::vector<Action>{Action::kAssign}));
  EXPECT_TRUE(AllowedActions(Status::kDone, Leader()).empty());
}

TEST(DocumentWorkflow, ErrorsMapToCodes) {
  EXPECT_EQ(ToError({RefusalKind::kStatus, "x", ""}).code(), ErrorCode::kConflict);
  EXPECT_EQ(ToError({RefusalKind::kRole, "x", ""}).code(), ErrorCode::kForbidden);
  auto invalid = ToError({RefusalKind::kInvalid, "x", "action"});
  EXPECT_EQ(invalid.code(), ErrorCode::kValidationFailed);
  EXPECT_TRUE(invalid.fields().contains("action"));
}

}  // namespace
}  // namespace egov::core::document
