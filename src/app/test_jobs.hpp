// A job kind for black-box tests only (`egov serve --test-job-log FILE`, loopback only, like
// the test clock): `test_echo` runs jobs whose payload is {"sleep_ms"?: N,
// "fail_attempts"?: K}: it fails attempts 1..K with a message, else sleeps N ms (at most
// 60 s, reporting progress every 100 ms, which extends its lease) and then appends one line "<job
// id> <attempt> <pid>" to FILE — so a test sees which process finished each job, and that none
// finished twice. Never registered otherwise.
#pragma once

#include <string>

#include "service/jobs/worker.hpp"

namespace egov::app {

void RegisterTestJobs(service::jobs::JobRegistry& registry, const std::string& log_path);

}  // namespace egov::app
