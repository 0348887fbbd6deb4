// The use-case services the API layer calls, built once by the composition root
// (app::ServiceGraph, src/app/wiring.hpp) and shared by all request threads. Members are
// references to objects that outlive every request. No database here: handlers reach it only
// through a service.
#pragma once

#include <string>

#include "core/clock.hpp"
#include "service/access/auth.hpp"
#include "service/access/directory.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/catalog/catalog.hpp"
#include "service/document/documents.hpp"
#include "service/dossier/dossiers.hpp"
#include "service/dossier/forms.hpp"
#include "service/dossier/processes.hpp"
#include "service/dossier/ratings.hpp"
#include "service/jobs/jobs.hpp"
#include "service/notify/notifications.hpp"
#include "service/seal/seals.hpp"
#include "service/system/health.hpp"

namespace egov::service {

struct Services {
  const core::Clock& clock;
  access::Directory& directory;
  access::Auth& auth;
  calendar::CalendarService& calendar;
  catalog::Catalog& catalog;
  dossier::Dossiers& dossiers;
  dossier::Forms& forms;
  system::HealthProbe& health;
  // `[server] public_base_url`, normalised ("https://dichvucong.example.vn", no trailing
  // slash): the start of every absolute URL Egov returns (the receipt's QR), and its scheme
  // decides whether session cookies are Secure. Never taken from request headers. Set by the
  // composition root before the first request.
  const std::string& public_base_url;
  dossier::Ratings& ratings;
  dossier::AgencyProcesses& processes;
  // The agency's seal: public verification of sealed files.
  seal::Seals& seals;
  document::Documents& documents;
  jobs::Jobs& jobs;
  notify::Notifications& notifications;  // officers' in-app notifications (the bell)
};

}  // namespace egov::service
