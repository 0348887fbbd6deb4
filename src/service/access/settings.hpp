// Tunables of the access capability (docs/access.md); defaults are the documented policy.
#pragma once

#include <cstdint>

#include "service/security/crypto.hpp"

namespace egov::service::access {

struct AccessSettings {
  std::int64_t session_idle_ms = 60LL * 60 * 1000;              // 60 minutes without use
  std::int64_t session_absolute_ms = 12LL * 60 * 60 * 1000;     // 12 hours after login
  std::int64_t token_lifetime_ms = 90LL * 24 * 60 * 60 * 1000;  // API tokens: 90 days
  std::int64_t touch_interval_ms = 60LL * 1000;  // last_seen_at is written at most this often
  int max_failures_per_account = 10;             // within failure_window_ms
  int max_failures_per_address = 30;
  std::int64_t failure_window_ms = 15LL * 60 * 1000;
  security::PasswordHashing hashing = security::PasswordHashing::Default();
};

}  // namespace egov::service::access
