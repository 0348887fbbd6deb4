// The service graph (see wiring.hpp).
#include "app/wiring.hpp"

namespace egov::app {

ServiceGraph::ServiceGraph(store::Database& db, const core::Clock& clock, ServiceOptions options)
    : db_(db),
      clock_(clock),
      options_(std::move(options)),
      directory_(db_, clock_, options_.access, std::move(options_.common_passwords)),
      calendar_(db_, clock_),
      catalog_(db_, clock_),
      files_(options_.files_dir),
      job_queue_(clock_),
      jobs_(db_, clock_),
      // Citizens hear of their dossier's events through the outbox (docs/jobs.md).
      dossiers_(db_, clock_, calendar_, catalog_, files_, &job_queue_),
      forms_(db_, dossiers_),
      ratings_(db_, clock_),
      processes_(db_, clock_, catalog_),
      health_(db_) {}

const service::Services& ServiceGraph::services() {
  if (!services_) {
    auth_.emplace(db_, clock_, options_.access, directory_);
    services_.emplace(service::Services{clock_, directory_, *auth_, calendar_, catalog_, dossiers_,
                                        forms_, health_, options_.public_base_url, ratings_,
                                        processes_, jobs_});
  }
  return *services_;
}

}  // namespace egov::app
