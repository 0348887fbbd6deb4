// libcurl's global initialisation (see curl_init.hpp).
#include "notify/curl_init.hpp"

#include <curl/curl.h>

#include <mutex>
#include <stdexcept>

namespace egov::notify {

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      throw std::runtime_error("curl_global_init failed");
    }
  });
}

}  // namespace egov::notify
