// Checks of the work-queue counters (migration 0015_queue_counts) against the dossiers.
#pragma once

namespace egov::testing {

// The keys of `queue_counts` whose count differs from a recount of the open dossiers (0 when
// the triggers kept every count right); the same text on both engines.
inline constexpr const char* kQueueCountsDrift =
    "SELECT COUNT(*) FROM (SELECT side, agency_id, status, step_role, assignee FROM ("
    "SELECT side, agency_id, status, step_role, assignee, n FROM queue_counts "
    "UNION ALL SELECT 'c', COALESCE(current_agency_id, 0), status, COALESCE(step_role, ''), "
    "COALESCE(assignee, ''), -1 FROM dossiers "
    "WHERE status IN ('processing', 'supplement_requested', 'result_ready') "
    "UNION ALL SELECT 'r', receiving_agency_id, status, '', '', -1 FROM dossiers "
    "WHERE status = 'supplement_requested') x "
    "GROUP BY side, agency_id, status, step_role, assignee HAVING SUM(n) <> 0) y";

// The open dossiers the counters count.
inline constexpr const char* kOpenDossiers =
    "SELECT COUNT(*) FROM dossiers "
    "WHERE status IN ('processing', 'supplement_requested', 'result_ready')";

}  // namespace egov::testing
