#include "core/dossier/states.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace egov::core::dossier {
namespace {

// Every enumerator is listed once, in order, and its name parses back to it.
template <class E, class Parse>
void ExpectRoundTrip(std::span<const E> all, E last, Parse parse) {
  ASSERT_EQ(all.size(), static_cast<std::size_t>(last) + 1);
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i], static_cast<E>(i));
    std::string_view name = Name(all[i]);
    EXPECT_FALSE(name.empty()) << i;
    EXPECT_EQ(parse(name), all[i]) << name;
    EXPECT_TRUE(names.insert(name).second) << "duplicate name " << name;
  }
}

TEST(DossierStates, StatusesRoundTripUnderTheirContractNames) {
  ExpectRoundTrip(AllStatuses(), Status::kStopped, ParseStatus);
  EXPECT_EQ(Name(Status::kSubmitted), "submitted");
  EXPECT_EQ(Name(Status::kProcessing), "processing");
  EXPECT_EQ(Name(Status::kSupplementRequested), "supplement_requested");
  EXPECT_EQ(Name(Status::kResultReady), "result_ready");
  EXPECT_EQ(Name(Status::kReturned), "returned");
  EXPECT_EQ(Name(Status::kRefused), "refused");
  EXPECT_EQ(Name(Status::kWithdrawn), "withdrawn");
  EXPECT_EQ(Name(Status::kStopped), "stopped");
}

TEST(DossierStates, ActionsRoundTripUnderTheirContractNames) {
  ExpectRoundTrip(AllActions(), Action::kAssign, ParseAction);
  for (const char* name : {"intake", "accept", "forward", "send_back", "request_supplement",
                           "receive_supplement", "refuse", "reschedule", "complete",
                           "return_result", "withdraw", "stop", "submit", "file", "assign"}) {
    EXPECT_TRUE(ParseAction(name)) << name;
  }
  EXPECT_EQ(Name(Action::kSendBack), "send_back");
  EXPECT_EQ(Name(Action::kReturnResult), "return_result");
}

TEST(DossierStates, ChannelsRoundTripUnderTheirContractNames) {
  ExpectRoundTrip(AllChannels(), Channel::kOnline, ParseChannel);
  EXPECT_EQ(Name(Channel::kDirect), "direct");
  EXPECT_EQ(Name(Channel::kPostal), "postal");
  EXPECT_EQ(Name(Channel::kOnline), "online");
}

TEST(DossierStates, UnknownOrDifferentlyCasedNamesAreRefused) {
  for (const char* name : {"", "Processing", "PROCESSING", " processing", "processing ", "done",
                           "supplement-requested"}) {
    EXPECT_FALSE(ParseStatus(name)) << name;
  }
  for (const char* name : {"", "Intake", "ACCEPT", "sendback", "send-back", "approve"}) {
    EXPECT_FALSE(ParseAction(name)) << name;
  }
  for (const char* name : {"", "Direct", "ONLINE", "email", "post"}) {
    EXPECT_FALSE(ParseChannel(name)) << name;
  }
}

TEST(DossierStates, EveryStatusHasAVietnameseLabel) {
  for (Status s : AllStatuses()) EXPECT_NE(StatusLabel(s), "Không xác định") << Name(s);
  EXPECT_EQ(StatusLabel(Status::kProcessing), "Đang giải quyết");
}

}  // namespace
}  // namespace egov::core::dossier
