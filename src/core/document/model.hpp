// The records of official documents as the store returns them (DOMAIN.md §4): the document
// (incoming or outgoing, one shape), its events, the assignments of its direction, its
// recipients and its files. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/document/states.hpp"

namespace egov::core::document {

struct Document {
  std::int64_t id = 0;
  Direction direction = Direction::kIncoming;
  Status status = Status::kRegistered;
  // The document's agency: the issuing agency of an outgoing document, the receiving agency
  // of an incoming one (docs/documents.md, "Agencies and units").
  std::int64_t agency_id = 0;
  std::string agency_code, agency_name, agency_path, agency_abbreviation;
  std::string type;  // Phụ lục III abbreviation; "CV" for a công văn
  bool normative = false;
  std::string subject;
  Urgency urgency = Urgency::kNormal;
  Secrecy secrecy = Secrecy::kNormal;
  std::optional<std::string> number_notation;  // số/ký hiệu
  std::optional<std::int64_t> number;          // outgoing, once issued
  std::optional<std::string> series;
  std::optional<int> year;
  std::optional<std::string> issued_on;  // YYYY-MM-DD
  std::string issuer_name, issuer_code;  // incoming
  std::optional<std::int64_t> incoming_number;
  std::optional<int> incoming_year;
  std::optional<std::int64_t> arrived_at;  // UTC ms
  std::optional<int> pages;
  std::optional<std::string> due_on;  // YYYY-MM-DD
  std::string signer_info;
  std::string content;
  std::optional<std::int64_t> drafting_unit_id;
  std::string drafting_unit_code, drafting_unit_path, drafting_unit_abbreviation;
  std::optional<std::string> drafted_by, signed_by;
  std::optional<std::string> deadline;  // YYYY-MM-DD, set by a direction
  std::string instruction;
  std::optional<std::int64_t> reply_document_id, source_document_id;
  std::string created_by;
  std::int64_t created_at = 0, updated_at = 0, version = 1;
};

struct Event {
  std::int64_t at = 0;
  Action action = Action::kRegister;
  std::string actor, agency_code;
  std::optional<Status> from_status;
  Status to_status = Status::kRegistered;
  std::string note;
};

// One assignee of a direction: a unit (agency) or an officer (username).
struct Assignment {
  AssignmentKind kind = AssignmentKind::kLead;
  std::optional<std::int64_t> agency_id;
  std::string agency_code;  // with agency_id
  std::optional<std::string> username;
  std::int64_t created_at = 0;
  // A unit's part handed by the unit's leader to one of its officers (sub-assignment): then
  // only that officer (and the unit's leaders) handle it for the unit.
  std::optional<std::string> assigned_user, assigned_by;
  std::optional<std::int64_t> assigned_at;
  std::string assigned_note;
};

struct Recipient {
  std::int64_t agency_id = 0;
  std::string agency_code, agency_name;
  std::optional<std::int64_t> delivered_document_id, delivered_at;
  // The status of the recipient's copy (once delivered) and when it last changed.
  std::optional<DeliveryStatus> status;
  std::optional<std::int64_t> status_changed_at;
};

// The recipient row that delivered a copy: the sent document and the copy's delivery status.
struct Delivery {
  std::int64_t document_id = 0;  // the sent (outgoing) document
  std::int64_t agency_id = 0;    // the recipient agency
  std::optional<DeliveryStatus> status;
};

struct File {
  std::string sha256, mime_type;
  std::int64_t size = 0;
  std::string file_name;
  std::int64_t uploaded_at = 0;
  std::string uploaded_by;
};

}  // namespace egov::core::document
