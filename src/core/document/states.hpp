// The typed states of an official document (DOMAIN.md §4; CONTRACT.md, "Documents"): its
// direction, status, the action each event records, urgency, secrecy and the kinds of
// assignment a direction makes. Names are the contract's and exist only at the edges (store
// columns, JSON, CLI): core and services compare enums. docs/documents.md explains each.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace egov::core::document {

enum class Direction { kIncoming, kOutgoing };

enum class Status {
  // incoming (văn bản đến)
  kArrived,     // delivered electronically by another agency of Egov, awaiting registration
  kRegistered,  // registered with its incoming number, awaiting direction
  kDirected,    // a leader named the handlers
  kInProgress,  // a handler recorded progress
  kDone,        // handled (optionally with the reply document)
  // outgoing (văn bản đi)
  kDraft,
  kSubmitted,
  kApproved,
  kSigned,
  kIssued,    // numbered and registered by the clerk
  kSent,      // delivered to the recipients
  kRecalled,  // its clerk recalled it after sending (Art. 18.4): frozen, no further action
  // incoming again: a delivered copy whose recall the recipient's clerk accepted. A stub: its
  // files and content are removed, its metadata and events kept (the recall's record).
  kWithdrawn,
};

// What caused an event: the posted actions, plus `register` (an incoming document registered,
// also an arrived copy), `draft` (an outgoing one created), `arrive` (a copy delivered by
// another agency's send) and `file` (a file attached).
enum class Action {
  kRegister,
  kDraft,
  kArrive,
  kFile,
  kDirect,
  kProgress,
  kComplete,
  kSubmit,
  kApprove,
  kSign,
  kIssue,
  kSend,
  kSendBack,
  kRecall,        // the sender's clerk recalls a sent document {"reason"}
  kAcceptRecall,  // a recipient's clerk accepts the recall of its copy
  kRefuseRecall,  // … or refuses it {"reason"}
  kAssign,        // an assigned unit's leader hands the unit's part to one of its officers
  kStatus,        // event only: a recipient's copy changed status (written on the sent one)
};

enum class Urgency { kNormal, kKhan, kThuongKhan, kHoaToc };
enum class Secrecy { kNormal, kMat, kToiMat, kTuyetMat };

// The status of a recipient's copy of a sent document, as the sender sees it: DOMAIN.md §4's
// status messages (QCVN 102:2016), each with its two-digit code.
enum class DeliveryStatus {
  kArrived,             // 01 in the recipient's incoming queue
  kReceived,            // 03 received (registered) by the recipient's văn thư
  kAwaitingAssignment,  // 04 registered, awaiting direction
  kAssigned,            // 05 assigned, being handled
  kDone,                // 06 handled
  kRecallRequested,     // 13 the sender recalls it
  kRecallAccepted,      // 15 the recipient accepted the recall (its copy is withdrawn)
  kRecallRefused,       // 16 the recipient refused the recall
};

// What a direction asks of an assignee: chủ trì, phối hợp, để biết.
enum class AssignmentKind { kLead, kCoOp, kInform };

std::string_view Name(Direction direction);
std::string_view Name(Status status);
std::string_view Name(Action action);
std::string_view Name(Urgency urgency);
std::string_view Name(Secrecy secrecy);
std::string_view Name(AssignmentKind kind);
std::string_view Name(DeliveryStatus status);
// The value of an exact name; nullopt for any other text (other case included).
std::optional<Direction> ParseDirection(std::string_view name);
std::optional<Status> ParseStatus(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);
std::optional<Urgency> ParseUrgency(std::string_view name);
std::optional<Secrecy> ParseSecrecy(std::string_view name);
std::optional<AssignmentKind> ParseAssignmentKind(std::string_view name);
std::optional<DeliveryStatus> ParseDeliveryStatus(std::string_view name);
// "01", "03" … "16".
std::string_view Code(DeliveryStatus status);
std::string_view Label(DeliveryStatus status);

// Every value, in declaration order.
std::span<const Status> AllStatuses();
std::span<const Action> AllActions();
std::span<const DeliveryStatus> AllDeliveryStatuses();

// The direction a status belongs to.
Direction DirectionOf(Status status);
bool IsSecret(Secrecy secrecy);

// Vietnamese labels for messages and screens: "Đã vào sổ", "Khẩn", "Mật" …
std::string_view Label(Status status);
std::string_view Label(Action action);
std::string_view Label(Urgency urgency);
std::string_view Label(Secrecy secrecy);

}  // namespace egov::core::document
