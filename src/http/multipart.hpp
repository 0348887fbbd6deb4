// multipart/form-data bodies (RFC 7578): the parts of an upload, with their field name,
// file name and bytes. Throws egov::Error(kBadRequest) on a malformed body.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace egov::http {

struct Part {
  std::string name;          // the form field
  std::string filename;      // empty for a plain field
  std::string content_type;  // as the client said (never trusted for files)
  std::string_view data;     // a view into the body
};

// `content_type` is the request's header ("multipart/form-data; boundary=…").
std::vector<Part> ParseMultipart(std::string_view content_type, std::string_view body);

}  // namespace egov::http
