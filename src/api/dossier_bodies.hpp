// Request bodies of /api/v1/dossiers and /api/v1/public/submissions, for json::Read.
#pragma once

#include <boost/describe/class.hpp>
#include <string>
#include <vector>

#include "json/read.hpp"
#include "service/dossier/dossiers.hpp"
#include "store/core_described.hpp"

namespace egov::api {

// POST /api/v1/dossiers (reception, at the counter).
struct CounterIntake {
  std::string procedure_code;
  std::string channel;  // direct | postal; another name is the service's 422
  core::dossier::Applicant applicant;
  std::vector<core::catalog::Component> components;
};
BOOST_DESCRIBE_STRUCT(CounterIntake, (), (procedure_code, channel, applicant, components))

// POST /api/v1/public/submissions: the intake body plus the receiving agency chosen.
struct OnlineSubmission : CounterIntake {
  std::string agency_code;
};
BOOST_DESCRIBE_STRUCT(OnlineSubmission, (CounterIntake), (agency_code))

constexpr auto JsonRules(json::For<CounterIntake>) {
  return std::to_array<json::FieldRule>({
      {"procedure_code", {.max_chars = 20}},
      {"channel", {.max_chars = 20}},
      {"components", {.max_items = 100}},
  });
}
constexpr auto JsonRules(json::For<OnlineSubmission>) {
  return std::to_array<json::FieldRule>({{"agency_code", {.max_chars = 35}}});
}

// The service's input; the channel by its name (nullopt for a name that is no channel).
service::dossier::IntakeInput IntakeInputOf(CounterIntake body);
service::dossier::IntakeInput IntakeInputOf(OnlineSubmission body);

// POST /api/v1/dossiers/{code}/actions: {"action"} is read first, then the body of that
// action as a whole (its other members refused).
inline constexpr json::Limits kActionLimits{.max_chars = 50};

// accept, receive_supplement: nothing but the action.
struct ActionOnly {
  std::string action;
};
BOOST_DESCRIBE_STRUCT(ActionOnly, (), (action))

// request_supplement (before acceptance): {"action","reason","missing"?:[names]}. The service
// bounds the names (500 characters each, 1 to 50 of them) with its own messages.
struct SupplementRequest {
  std::string action;
  std::vector<std::string> missing;
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(SupplementRequest, (), (action, missing, reason))

constexpr auto JsonRules(json::For<ActionOnly>) {
  return std::to_array<json::FieldRule>({{"action", kActionLimits}});
}
constexpr auto JsonRules(json::For<SupplementRequest>) {
  return std::to_array<json::FieldRule>({
      {"action", kActionLimits},
      {"missing", {.max_chars = 100'000, .max_items = 50, .optional = true}},
      {"reason", {.max_chars = 2000}},
  });
}

}  // namespace egov::api
