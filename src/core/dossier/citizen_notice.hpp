// The events of a dossier that its citizen must hear about (issue 11, "Citizens"), and which
// workflow action causes each: a `citizen_notice` job is enqueued in the same transaction as
// the event (docs/jobs.md, "The citizen outbox"). Names are those of the job's payload.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "core/dossier/states.hpp"

namespace egov::core::dossier {

// The job kind whose payload is {"dossier_code","event","event_id"}.
constexpr std::string_view kCitizenNoticeKind = "citizen_notice";

enum class CitizenEvent {
  kReceived,          // intake at the counter, or an online submission accepted
  kSupplementNeeded,  // request_supplement
  kResultReady,       // complete: the result waits at the counter
  kDelayed,           // reschedule, with the apology and the new date
  kRefused,           // refuse
};

// "received", "supplement_needed", "result_ready", "delayed", "refused".
std::string_view Name(CitizenEvent event);
std::optional<CitizenEvent> ParseCitizenEvent(std::string_view name);
std::span<const CitizenEvent> AllCitizenEvents();

// The citizen's event an action causes; nullopt for actions the citizen is not told of
// (forward, send_back, assign …).
std::optional<CitizenEvent> CitizenEventOf(Action action);

}  // namespace egov::core::dossier
