// A dossier and its events as the store returns them (CONTRACT.md, "A dossier"). Instants
// are UTC epoch milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
  int current_step = 0;
  std::optional<std::int64_t> step_due_at;
  std::int64_t submitted_at = 0;
  std::optional<std::int64_t> received_at;
  std::optional<std::int64_t> due_at;
  std::optional<std::int64_t> completed_at;
  std::string created_by;
  std::optional<std::string> idempotency_key;
  std::optional<std::string> idempotency_hash;  // SHA-256 hex of the keyed request
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct Event {
  std::int64_t at = 0;
  Action action = Action::kIntake;
  std::string actor;
  std::string agency_code;
  std::optional<int> from_step;
  std::optional<int> to_step;
  std::string note;
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
