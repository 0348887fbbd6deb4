// Names of the dossier states (see states.hpp).
#include "core/dossier/states.hpp"

#include <array>

#include "core/names.hpp"

namespace egov::core::dossier {

namespace {

constexpr NameOf<Status> kStatusNames[] = {
    {Status::kSubmitted, "submitted"},
    {Status::kProcessing, "processing"},
    {Status::kSupplementRequested, "supplement_requested"},
    {Status::kResultReady, "result_ready"},
    {Status::kReturned, "returned"},
    {Status::kRefused, "refused"},
    {Status::kWithdrawn, "withdrawn"},
    {Status::kStopped, "stopped"},
};

constexpr NameOf<Action> kActionNames[] = {
    {Action::kSubmit, "submit"},
    {Action::kIntake, "intake"},
    {Action::kAccept, "accept"},
    {Action::kForward, "forward"},
    {Action::kSendBack, "send_back"},
    {Action::kRequestSupplement, "request_supplement"},
    {Action::kReceiveSupplement, "receive_supplement"},
    {Action::kRefuse, "refuse"},
    {Action::kReschedule, "reschedule"},
    {Action::kComplete, "complete"},
    {Action::kReturnResult, "return_result"},
    {Action::kWithdraw, "withdraw"},
    {Action::kStop, "stop"},
    {Action::kFile, "file"},
    {Action::kAssign, "assign"},
};

constexpr NameOf<Channel> kChannelNames[] = {
    {Channel::kDirect, "direct"},
    {Channel::kPostal, "postal"},
    {Channel::kOnline, "online"},
};

template <class E, std::size_t N>
constexpr std::array<E, N> ValuesOf(const NameOf<E> (&table)[N]) {
  std::array<E, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = table[i].value;
  return out;
}

constexpr auto kStatuses = ValuesOf(kStatusNames);
constexpr auto kActions = ValuesOf(kActionNames);
constexpr auto kChannels = ValuesOf(kChannelNames);

}  // namespace

std::string_view Name(Status status) { return NameIn<Status>(kStatusNames, status); }
std::string_view Name(Action action) { return NameIn<Action>(kActionNames, action); }
std::string_view Name(Channel channel) { return NameIn<Channel>(kChannelNames, channel); }

std::optional<Status> ParseStatus(std::string_view name) {
  return ParseIn<Status>(kStatusNames, name);
}
std::optional<Action> ParseAction(std::string_view name) {
  return ParseIn<Action>(kActionNames, name);
}
std::optional<Channel> ParseChannel(std::string_view name) {
  return ParseIn<Channel>(kChannelNames, name);
}

std::span<const Status> AllStatuses() { return kStatuses; }
std::span<const Action> AllActions() { return kActions; }
std::span<const Channel> AllChannels() { return kChannels; }

std::string_view StatusLabel(Status status) {
  switch (status) {
    case Status::kSubmitted: return "Đã nộp trực tuyến, chờ tiếp nhận";
    case Status::kProcessing: return "Đang giải quyết";
    case Status::kSupplementRequested: return "Cần bổ sung hồ sơ";
    case Status::kResultReady: return "Đã có kết quả, chờ trả";
    case Status::kReturned: return "Đã trả kết quả";
    case Status::kRefused: return "Từ chối giải quyết";
    case Status::kWithdrawn: return "Đã rút hồ sơ";
    case Status::kStopped: return "Dừng giải quyết";
  }
  return "Không xác định";
}

}  // namespace egov::core::dossier
