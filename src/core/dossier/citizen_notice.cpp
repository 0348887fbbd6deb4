// The citizen's events (see citizen_notice.hpp).
#include "core/dossier/citizen_notice.hpp"

namespace egov::core::dossier {

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
