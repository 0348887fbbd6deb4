// Request bodies of the dossier routes (see dossier_bodies.hpp).
#include "api/dossier_bodies.hpp"

#include "core/calendar/date.hpp"
#include "core/error.hpp"

namespace egov::api {

service::dossier::IntakeInput IntakeInputOf(CounterIntake body) {
  service::dossier::IntakeInput in;
  in.procedure_code = std::move(body.procedure_code);
  in.channel = core::dossier::ParseChannel(body.channel);
  in.applicant = std::move(body.applicant);
  in.components = std::move(body.components);
  return in;
}

service::dossier::IntakeInput IntakeInputOf(OnlineSubmission body) {
  std::string agency_code = std::move(body.agency_code);
  auto in = IntakeInputOf(static_cast<CounterIntake&&>(body));
  in.agency_code = std::move(agency_code);
  return in;
}

service::dossier::ActionInput ActionInputOf(const boost::json::object& body) {
  using core::dossier::Action;
  const auto name = json::ReadMember<std::string>(body, "action", kActionLimits);
  const auto action = core::dossier::ParseAction(name);
  service::dossier::ActionInput in;
  auto base = [&in](ActionOnly b) { in.version = b.version; };
  if (!action) {
    throw FieldError("action",
                     "\"" + name.substr(0, 50) +
                         "\" không phải là một thao tác; có: accept, forward, send_back, "
                         "request_supplement, receive_supplement, refuse, reschedule, complete, "
                         "return_result, withdraw, stop.");
  }
  in.action = *action;
  switch (*action) {
    case Action::kForward: {
      auto b = json::Read<ForwardAction>(body);
      in.to_user = std::move(b.to_user);
      base(std::move(b));
      break;
    }
    case Action::kSendBack:
    case Action::kRefuse:
    case Action::kWithdraw:
    case Action::kStop: {
      auto b = json::Read<ReasonAction>(body);
      in.reason = std::move(b.reason);
      base(std::move(b));
      break;
    }
    case Action::kRequestSupplement: {
      auto b = json::Read<SupplementRequest>(body);
      in.reason = std::move(b.reason);
      in.missing = std::move(b.missing);
      base(std::move(b));
      break;
    }
    case Action::kReschedule: {
      auto b = json::Read<RescheduleAction>(body);
      in.reason = std::move(b.reason);
      if (b.new_due_at) {
        try {
          in.new_due_at = core::calendar::ParseIsoInstant(*b.new_due_at);
        } catch (const Error&) {
          throw FieldError("new_due_at",
                           "phải là một thời điểm ISO 8601, ví dụ 2026-03-20T16:00:00+07:00.");
        }
      }
      base(std::move(b));
      break;
    }
    default:
      // accept, receive_supplement, complete, return_result; and the events of other use
      // cases (submit, intake, file), which the workflow refuses naming "action".
      base(json::Read<ActionOnly>(body));
      break;
  }
  return in;
}

}  // namespace egov::api
