// The events of a dossier that its citizen must hear about (issue 11, "Citizens"), and which
// workflow action causes each: a `citizen_notice` job is enqueued in the same transaction as
// the event (docs/jobs.md, "The citizen outbox"). Names are those of the job's payload.
#pragma once

#include <optional>
#include <string_view>

#include "core/dossier/states.hpp"
#include "core/notify/citizen_messages.hpp"

namespace egov::core::dossier {

// The job kind whose payload is {"dossier_code","event","event_id"}.
constexpr std::string_view kCitizenNoticeKind = "citizen_notice";

// The events themselves, their names and their texts are core::notify's.
using CitizenEvent = core::notify::CitizenEvent;

// The citizen's event an action causes; nullopt for actions the citizen is not told of
// (forward, send_back, assign …).
std::optional<CitizenEvent> CitizenEventOf(Action action);

}  // namespace egov::core::dossier
