// What the document use cases share (documents.cpp, actions.cpp): the caller's document agency
// and roles in it, and the checks of input fields with their Vietnamese messages. Internal to
// service/document.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "core/access/model.hpp"
#include "core/access/roles.hpp"
#include "core/document/model.hpp"
#include "core/document/numbering.hpp"
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/document/documents.hpp"

namespace egov::service::document {

// Departments and service centres are units of the agency above them: their documents are
// that agency's (the văn thư of Văn phòng HĐND và UBND numbers the district's documents).
// Every other kind (province, district, commune, other) is a document agency of its own.
bool IsDocumentAgency(const core::access::Agency& agency);

struct CallerContext {
  const core::access::Caller& caller;
  core::access::Agency organ;  // the caller's document agency: their own, or the nearest above
  bool clerk = false;          // a clerk (of `organ`)
  bool leader = false;         // a leader of `organ` itself (not of one of its units)
  store::document::Viewer viewer;
};
CallerContext MakeContext(store::Session& session, const core::access::Caller& caller);

Error NotFound();
Error Changed();

// Spaces normalised; required and at most `max` characters, else validation_failed naming field.
std::string Clean(const std::string& field, const std::string& value, std::size_t max,
                  const std::string& label, bool required);
// Multi-line text (content, notes): trimmed, at most 20,000 characters.
std::string CleanContent(const std::string& value, const std::string& field = "content",
                         std::size_t max = 20000);
// A real date YYYY-MM-DD (`required`: not empty), returned as given.
std::optional<std::string> CheckDate(const std::string& field, const std::string& text,
                                     bool required);
// A known type's abbreviation; `normative` only for a type that may be normative.
std::string CheckType(const core::document::TypeCatalog& types, const std::string& type,
                      bool normative);
core::document::Urgency ParseUrgencyField(const std::string& name);
core::document::Secrecy ParseSecrecyField(const std::string& name);
std::optional<int> CheckPages(const std::optional<int>& pages);

// A directed or in-progress incoming document whose deadline (a Vietnam date) is before today.
bool IsOverdue(const core::document::Document& d, std::int64_t now);
// The list's snippet: the first of subject, content, số/ký hiệu and issuer where a term occurs,
// with the matches marked; the subject when no term is given or none occurs.
std::string SnippetOf(const core::document::Document& d, std::span<const std::string> terms);

}  // namespace egov::service::document
