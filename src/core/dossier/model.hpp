// A dossier and its events as the store returns them (CONTRACT.md, "A dossier"). Instants
// are UTC epoch milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access/roles.hpp"
#include "core/catalog/procedure.hpp"
#include "core/dossier/states.hpp"

namespace egov::core::dossier {

struct Applicant {
  std::string full_name, id_number, phone, email, address;
};

struct Dossier {
  std::int64_t id = 0;
  std::string code;
  std::string public_token;
  std::string procedure_code;
  int procedure_version = 0;
  std::string procedure_name;
  Status status = Status::kSubmitted;
  Channel channel = Channel::kDirect;
  std::int64_t receiving_agency_id = 0;
  std::string receiving_agency_code;
  std::string receiving_agency_name;
  std::string receiving_agency_path;
  Applicant applicant;
  std::vector<catalog::Component> components;  // as handed in
  // The competent agency (the agency of the last processing step) and the one holding the
  // dossier now (the current step's); both resolved at intake (model of DOMAIN.md §1).
  std::int64_t competent_agency_id = 0;
  std::string competent_agency_code;
  std::int64_t current_agency_id = 0;
  std::string current_agency_code;
  int current_step = 0;
  std::optional<std::int64_t> step_due_at;  // the current step's due time (recorded)
  std::optional<std::string> assignee;      // the officer a forward named for the step
  std::int64_t submitted_at = 0;
  std::optional<std::int64_t> received_at;
  std::optional<std::int64_t> due_at;
  std::optional<std::int64_t> completed_at;
  std::string created_by;
  std::optional<std::string> idempotency_key;
  std::optional<std::string> idempotency_hash;  // SHA-256 hex of the keyed request
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::int64_t version = 1;  // bumped by every write (optimistic locking)
};

// A step of a dossier's process, resolved at intake from the pinned procedure version: the
// template's step with its concrete agency (the receiving agency for a step naming none).
struct DossierStep {
  int index = 0;
  std::string name;
  access::Role role = access::Role::kReception;
  std::int64_t agency_id = 0;
  std::string agency_code;
  std::string agency_path;    // read back only
  std::string working_hours;  // the agency's, read back only ("07:30-11:30,13:00-17:00")
  int hours = 0;              // working hours allotted
};

struct Event {
  std::int64_t at = 0;
  Action action = Action::kIntake;
  std::string actor;
  std::string agency_code;
  std::optional<int> from_step;
  std::optional<int> to_step;
  std::string note;
  // Recorded when the event happened (the calendar in force then): the dossier's due time and
  // the current step's after it; nullopt: none (or an event from before they were recorded).
  std::optional<std::int64_t> due_at;
  std::optional<std::int64_t> step_due_at;
  std::optional<std::string> to_user;  // forward: the officer named for the next step
};

struct File {
  std::string sha256;
  std::string component;
  std::string mime_type;
  std::int64_t size = 0;
  std::string file_name;
  std::int64_t uploaded_at = 0;
  std::string uploaded_by;
};

}  // namespace egov::core::dossier
