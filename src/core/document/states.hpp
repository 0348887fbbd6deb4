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
  kIssued,  // numbered and registered by the clerk
  kSent,    // delivered to the recipients
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
};

enum class Urgency { kNormal, kKhan, kThuongKhan, kHoaToc };
enum class Secrecy { kNormal, kMat, kToiMat, kTuyetMat };

// What a direction asks of an assignee: chủ trì, phối hợp, để biết.
enum class AssignmentKind { kLead, kCoOp, kInform };

std::string_view Name(Direction direction);
std::string_view Name(Status status);
std::string_view Name(Action action);
std::string_view Name(Urgency urgency);
std::string_view Name(Secrecy secrecy);
std::string_view Name(AssignmentKind kind);
// The value of an exact name; nullopt for any other text (other case included).
std::optional<Direction> ParseDirection(std::string_view name);
std::optional<Status> ParseStatus(std::string_view name);
std::optional<Action> ParseAction(std::string_view name);
std::optional<Urgency> ParseUrgency(std::string_view name);
std::optional<Secrecy> ParseSecrecy(std::string_view name);
std::optional<AssignmentKind> ParseAssignmentKind(std::string_view name);

// Every value, in declaration order.
std::span<const Status> AllStatuses();
std::span<const Action> AllActions();

// The direction a status belongs to.
Direction DirectionOf(Status status);
bool IsSecret(Secrecy secrecy);

// Vietnamese labels for messages and screens: "Đã vào sổ", "Khẩn", "Mật" …
std::string_view Label(Status status);
std::string_view Label(Action action);
std::string_view Label(Urgency urgency);
std::string_view Label(Secrecy secrecy);

}  // namespace egov::core::document
