// libcurl's process-wide initialisation, done once before the first handle.
#pragma once

namespace egov::notify {

// Calls curl_global_init once per process (thread-safe; later calls return at once).
void InitCurlOnce();

}  // namespace egov::notify
