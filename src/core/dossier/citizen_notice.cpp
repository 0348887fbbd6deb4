// The citizen's events (see citizen_notice.hpp).
#include "core/dossier/citizen_notice.hpp"

#include <array>

#include "core/names.hpp"

namespace egov::core::dossier {

namespace {

constexpr NameOf<CitizenEvent> kNames[] = {
    {CitizenEvent::kReceived, "received"},
    {CitizenEvent::kSupplementNeeded, "supplement_needed"},
    {CitizenEvent::kResultReady, "result_ready"},
    {CitizenEvent::kDelayed, "delayed"},
    {CitizenEvent::kRefused, "refused"},
};

constexpr std::array<CitizenEvent, 5> kAll = {
    CitizenEvent::kReceived, CitizenEvent::kSupplementNeeded, CitizenEvent::kResultReady,
    CitizenEvent::kDelayed, CitizenEvent::kRefused};

}  // namespace

std::string_view Name(CitizenEvent event) { return NameIn<CitizenEvent>(kNames, event); }
std::optional<CitizenEvent> ParseCitizenEvent(std::string_view name) {
  return ParseIn<CitizenEvent>(kNames, name);
}
std::span<const CitizenEvent> AllCitizenEvents() { return kAll; }

std::optional<CitizenEvent> CitizenEventOf(Action action) {
  switch (action) {
    case Action::kIntake:
    case Action::kAccept: return CitizenEvent::kReceived;
    case Action::kRequestSupplement: return CitizenEvent::kSupplementNeeded;
    case Action::kComplete: return CitizenEvent::kResultReady;
    case Action::kReschedule: return CitizenEvent::kDelayed;
    case Action::kRefuse: return CitizenEvent::kRefused;
    case Action::kSubmit:
    case Action::kForward:
    case Action::kSendBack:
    case Action::kReceiveSupplement:
    case Action::kReturnResult:
    case Action::kWithdraw:
    case Action::kStop:
    case Action::kFile:
    case Action::kAssign: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace egov::core::dossier
