// Records the HTTP exchanges of the black-box tests with the real egov server, so that every
// response can be checked against the OpenAPI description after the tests
// (web/scripts/check-api-exchanges.mjs, the ctest api_exchanges_match_openapi).
// Active when the environment variable EGOV_API_EXCHANGES_DIR names a directory: each test
// process appends one JSON line per exchange to its own file there, so ctest -j is safe.
// Thread-safe.
#pragma once

#include <map>
#include <string>

namespace egov::testing {

// EgovServer marks the loopback port it listens on while it lives: only exchanges with the
// real server are recorded (in-process test servers have routes of their own).
void MarkEgovServerPort(unsigned short port, bool listening);
bool IsEgovServerPort(unsigned short port);

struct Exchange {
  std::string method;  // empty when the raw request line does not parse
  std::string target;  // path and query
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // of the response, names lower-cased
  std::string body;                            // of the response
};

// Appends `exchange` when recording is on; a no-op otherwise. Text bodies (JSON, text/*) are
// kept; other bodies (PDF, images) only by their size.
void RecordExchange(const Exchange& exchange);

}  // namespace egov::testing
