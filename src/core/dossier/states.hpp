// The typed states of a dossier (CONTRACT.md, "Dossier statuses and actions"): its status,
// the action each event records and the channel it came by. Names are the contract's and
// exist only at the edges (store columns, JSON, CLI): core and services compare enums.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace egov::core::dossier {

enum class Status {
  kSubmitted,  // online, awaiting the reception check
  kProcessing,
  kSupplementRequested,
  kResultReady,
  kReturned,
  kRefused,
  kWithdrawn,
  kStopped,
};

// What caused an event: the contract's actions, plus `submit` (an online submission),
// `file` (a component's file uploaded) and `assign` (a leader (re)assigning the current step to
// an officer), which the events record as well.
enum class Action {
  kSubmit,
  kIntake,
  kAccept,
  kForward,
  kSendBack,
  kRequestSupplement,
  kReceiveSupplement,
  kRefuse,
  kReschedule,
  kComplete,
  kReturnResult,
  kWithdraw,
  kStop,
  kFile,
  kAssign,
};

enum class Channel { kDirect, kPostal, kOnline };

// "submitted", "intake", "direct" … as in the API and the database.
std::string_view Name(Status status);
std::string_view Name(Action action);
std::string_view Name(Channel channel);
// The value of an exact name; nullopt for any other text (other case included).
std::optional<Status> ParseStatus(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);
std::optional<Channel> ParseChannel(std::string_view name);

// Every value, in declaration order.
std::span<const Status> AllStatuses();
std::span<const Action> AllActions();
std::span<const Channel> AllChannels();

// The status in plain Vietnamese, for citizens ("Đang giải quyết" …).
std::string_view StatusLabel(Status status);

}  // namespace egov::core::dossier
