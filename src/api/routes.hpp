// Route registration of every API resource: one function per file of src/api/.
#pragma once

#include "http/blocking_pool.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "service/services.hpp"

namespace egov::api {

// GET /api/v1/health
void RegisterHealthRoutes(http::Router& router, const service::Services& services);
// GET /metrics (Prometheus text), GET /api/v1/openapi.json
void RegisterSystemRoutes(http::Router& router, const http::Metrics& metrics);
// /api/v1/auth/*: login, logout, me, password, sessions, tokens. Hashing runs on `pool`.
void RegisterAuthRoutes(http::Router& router, const service::Services& services,
                        http::BlockingPool& pool);
// /api/v1/agencies
void RegisterAgencyRoutes(http::Router& router, const service::Services& services);
// /api/v1/agencies/{code}/processes: agencies' own internal processes
void RegisterProcessRoutes(http::Router& router, const service::Services& services);
// /api/v1/users
void RegisterUserRoutes(http::Router& router, const service::Services& services,
                        http::BlockingPool& pool);
// /api/v1/calendar/holidays (GET, PUT) and /api/v1/calendar/lunar
void RegisterCalendarRoutes(http::Router& router, const service::Services& services);

// /api/v1/procedures, /api/v1/procedure-fields, /api/v1/catalog/{export,import}
void RegisterProcedureRoutes(http::Router& router, const service::Services& services);

// /api/v1/dossiers and the public /api/v1/public/submissions, /api/v1/public/dossiers/{code}
void RegisterDossierRoutes(http::Router& router, const service::Services& services,
                           http::BlockingPool& pool);

// /api/v1/tasks, /api/v1/tasks/unit, /api/v1/tasks/counts (work queues) and
// /api/v1/dossiers/{code}/assignee, /api/v1/dossiers/{code}/officers
void RegisterTaskRoutes(http::Router& router, const service::Services& services);
// /api/v1/notifications: the caller's in-app notifications (notifications.cpp).
void RegisterNotificationRoutes(http::Router& router, const service::Services& services);

// GET /api/v1/public/verify/{token}: the agency's seal checked by anyone
void RegisterVerifyRoutes(http::Router& router, const service::Services& services);
// /api/v1/documents (incoming, outgoing, actions, files, search, tasks) and
// /api/v1/agencies/{code}/document-numbering
void RegisterDocumentRoutes(http::Router& router, const service::Services& services);
// /api/v1/jobs, /api/v1/jobs/{id}, /api/v1/jobs/{id}/retry (background jobs, admins)
void RegisterJobRoutes(http::Router& router, const service::Services& services);

// The answer of a route that returns one dossier (GET /api/v1/dossiers/{code}, actions,
// assignment): the dossier as the caller sees it.
http::Response DossierResponse(const service::dossier::DossierView& view);

// All of the above.
void RegisterAllRoutes(http::Router& router, const service::Services& services,
                       const http::Metrics& metrics, http::BlockingPool& pool);

// The OpenAPI 3 document served at /api/v1/openapi.json.
std::string_view OpenApiDocument();

}  // namespace egov::api
