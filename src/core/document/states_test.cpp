// Names of the document states round-trip and are the contract's.
#include "core/document/states.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <utility>

namespace egov::core::document {
namespace {

TEST(DocumentStates, NamesRoundTrip) {
  for (auto s : AllStatuses()) EXPECT_EQ(ParseStatus(Name(s)), s);
  for (auto a : AllActions()) EXPECT_EQ(ParseAction(Name(a)), a);
  for (auto u : {Urgency::kNormal, Urgency::kKhan, Urgency::kThuongKhan, Urgency::kHoaToc}) {
    EXPECT_EQ(ParseUrgency(Name(u)), u);
    EXPECT_FALSE(Label(u).empty());
  }
  for (auto s : {Secrecy::kNormal, Secrecy::kMat, Secrecy::kToiMat, Secrecy::kTuyetMat}) {
    EXPECT_EQ(ParseSecrecy(Name(s)), s);
  }
}

TEST(DocumentStates, ContractNames) {
  EXPECT_EQ(Name(Urgency::kThuongKhan), "thuong_khan");
  EXPECT_EQ(Name(Urgency::kHoaToc), "hoa_toc");
  EXPECT_EQ(Name(Secrecy::kToiMat), "toi_mat");
  EXPECT_EQ(Name(Secrecy::kTuyetMat), "tuyet_mat");
  EXPECT_EQ(Name(Status::kInProgress), "in_progress");
  EXPECT_EQ(Name(Action::kSendBack), "send_back");
  EXPECT_EQ(Name(AssignmentKind::kCoOp), "co_op");
  EXPECT_EQ(ParseStatus("Draft"), std::nullopt);
  EXPECT_EQ(ParseUrgency("khẩn"), std::nullopt);
}

TEST(DocumentStates, DeliveryStatusCodesAreDomainMd) {
  const std::pair<DeliveryStatus, std::string_view> codes[] = {
      {DeliveryStatus::kArrived, "01"},
      {DeliveryStatus::kReceived, "03"},
      {DeliveryStatus::kAwaitingAssignment, "04"},
      {DeliveryStatus::kAssigned, "05"},
      {DeliveryStatus::kDone, "06"},
      {DeliveryStatus::kRecallRequested, "13"},
      {DeliveryStatus::kRecallAccepted, "15"},
      {DeliveryStatus::kRecallRefused, "16"},
  };
  EXPECT_EQ(AllDeliveryStatuses().size(), std::size(codes));
  for (auto [status, code] : codes) {
    EXPECT_EQ(Code(status), code);
    EXPECT_EQ(ParseDeliveryStatus(Name(status)), status);
    EXPECT_FALSE(Label(status).empty());
  }
  EXPECT_EQ(Name(DeliveryStatus::kAwaitingAssignment), "awaiting_assignment");
  EXPECT_EQ(ParseDeliveryStatus("Arrived"), std::nullopt);
  EXPECT_EQ(Name(Action::kAcceptRecall), "accept_recall");
}

TEST(DocumentStates, Directions) {
  for (auto s : {Status::kArrived, Status::kRegistered, Status::kDirected, Status::kInProgress,
                 Status::kDone, Status::kWithdrawn}) {
    EXPECT_EQ(DirectionOf(s), Direction::kIncoming);
  }
  for (auto s : {Status::kDraft, Status::kSubmitted, Status::kApproved, Status::kSigned,
                 Status::kIssued, Status::kSent, Status::kRecalled}) {
    EXPECT_EQ(DirectionOf(s), Direction::kOutgoing);
  }
  EXPECT_FALSE(IsSecret(Secrecy::kNormal));
  EXPECT_TRUE(IsSecret(Secrecy::kMat));
}

}  // namespace
}  // namespace egov::core::document
