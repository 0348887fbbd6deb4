// Request bodies of /api/v1/dossiers and /api/v1/public/submissions, for json::Read.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "json/omittable.hpp"
#include "json/read.hpp"
#include "service/dossier/dossiers.hpp"
#include "store/core_described.hpp"

namespace egov::api {

using json::Omittable;

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
// action as a whole (its other members refused). Every action may carry the dossier's
// `version` (a stale one is 409). Whether a reason, the missing items or the new due time are
// required is the workflow's rule (core::dossier::Decide, after the status and the role): the
// bodies only bound them.
inline constexpr json::Limits kActionLimits{.max_chars = 50};
inline constexpr json::Limits kVersionLimits{.min = 1, .max = 1'000'000'000'000LL};
inline constexpr json::Limits kReasonLimits{.max_chars = 2000, .optional = true};

// accept, receive_supplement, complete, return_result: nothing but the action.
struct ActionOnly {
  std::string action;
  std::optional<std::int64_t> version;
};
BOOST_DESCRIBE_STRUCT(ActionOnly, (), (action, version))

// forward: {"action","to_user"?}, the officer of the next step.
struct ForwardAction : ActionOnly {
  std::optional<std::string> to_user;
};
BOOST_DESCRIBE_STRUCT(ForwardAction, (ActionOnly), (to_user))

// send_back (optional), refuse, withdraw, stop: {"action","reason"}.
struct ReasonAction : ActionOnly {
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(ReasonAction, (ActionOnly), (reason))

// request_supplement: {"action","reason","missing":[names]}. The service bounds the names
// (500 characters each, 1 to 50 of them) with its own messages.
struct SupplementRequest : ActionOnly {
  std::vector<std::string> missing;
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(SupplementRequest, (ActionOnly), (missing, reason))

// reschedule: {"action","reason","new_due_at"}, an ISO 8601 instant.
struct RescheduleAction : ActionOnly {
  std::string reason;
  std::optional<std::string> new_due_at;
};
BOOST_DESCRIBE_STRUCT(RescheduleAction, (ActionOnly), (reason, new_due_at))

constexpr auto JsonRules(json::For<ActionOnly>) {
  return std::to_array<json::FieldRule>({{"action", kActionLimits}, {"version", kVersionLimits}});
}
constexpr auto JsonRules(json::For<ForwardAction>) {
  return std::to_array<json::FieldRule>({{"to_user", {.max_chars = 100}}});
}
constexpr auto JsonRules(json::For<ReasonAction>) {
  return std::to_array<json::FieldRule>({{"reason", kReasonLimits}});
}
constexpr auto JsonRules(json::For<SupplementRequest>) {
  return std::to_array<json::FieldRule>({
      {"missing", {.max_chars = 100'000, .max_items = 50, .optional = true}},
      {"reason", kReasonLimits},
  });
}
constexpr auto JsonRules(json::For<RescheduleAction>) {
  return std::to_array<json::FieldRule>(
      {{"reason", kReasonLimits}, {"new_due_at", {.max_chars = 40}}});
}

// The service's input for the action named in `body`: its own members read (and no others),
// the new due time parsed. Throws validation_failed naming the member.
service::dossier::ActionInput ActionInputOf(const boost::json::object& body);

// The criteria of a rating (docs/workflow.md, "Rating"), each 1–5, all optional; another
// key is refused (422 naming criteria.<key>). Also their answer, given keys only.
struct RatingCriteria {
  Omittable<int> attitude;        // thái độ phục vụ
  Omittable<int> guidance;        // hướng dẫn, giải thích
  Omittable<int> time_taken;      // thời gian giải quyết
  Omittable<int> fees_as_posted;  // phí, lệ phí đúng như niêm yết
};
BOOST_DESCRIBE_STRUCT(RatingCriteria, (), (attitude, guidance, time_taken, fees_as_posted))
constexpr auto JsonRules(json::For<RatingCriteria>) {
  return std::to_array<json::FieldRule>({
      {"attitude", {.min = 1, .max = 5}},
      {"guidance", {.min = 1, .max = 5}},
      {"time_taken", {.min = 1, .max = 5}},
      {"fees_as_posted", {.min = 1, .max = 5}},
  });
}

// POST /api/v1/public/dossiers/{code}/rating. The comment's limit of 1,000 characters is the
// service's, counted after NFC normalisation; this bound only keeps a body small.
struct RatingBody {
  std::string token;
  int score = 0;
  Omittable<RatingCriteria> criteria;
  Omittable<std::string> comment;
};
BOOST_DESCRIBE_STRUCT(RatingBody, (), (token, score, criteria, comment))
constexpr auto JsonRules(json::For<RatingBody>) {
  return std::to_array<json::FieldRule>({
      {"token", {.max_chars = 100}},
      {"score", {.min = 1, .max = 5}},
      {"comment", {.max_chars = 4000}},
  });
}

}  // namespace egov::api
