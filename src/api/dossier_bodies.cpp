// Request bodies of the dossier routes (see dossier_bodies.hpp).
#include "api/dossier_bodies.hpp"

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

}  // namespace egov::api
