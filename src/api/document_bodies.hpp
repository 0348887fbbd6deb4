// Request bodies of /api/v1/documents (CONTRACT.md, "Documents"; docs/documents.md), for
// json::Read. The service checks the meaning (types, dates, lengths in its own words); these
// limits keep a body small and name the member.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "json/omittable.hpp"
#include "json/read.hpp"
#include "service/document/documents.hpp"

namespace egov::api {

// POST /api/v1/documents/incoming (clerk).
struct IncomingBody {
  std::string issuer_name;
  json::Omittable<std::string> issuer_code;
  std::string number_notation;
  std::string issued_on;
  std::string type;
  std::string subject;
  json::Omittable<std::string> urgency;
  json::Omittable<std::string> secrecy;
  std::optional<int> pages;
  json::Omittable<std::string> due_on;
  json::Omittable<std::string> signer_info;
  json::Omittable<std::string> content;
  std::optional<bool> confirm_duplicate;
};
BOOST_DESCRIBE_STRUCT(IncomingBody, (),
                      (issuer_name, issuer_code, number_notation, issued_on, type, subject, urgency,
                       secrecy, pages, due_on, signer_info, content, confirm_duplicate))
constexpr auto JsonRules(json::For<IncomingBody>) {
  return std::to_array<json::FieldRule>({
      {"issuer_name", {.max_chars = 200}},
      {"issuer_code", {.max_chars = 35}},
      {"number_notation", {.max_chars = 42}},
      {"issued_on", {.max_chars = 10}},
      {"type", {.max_chars = 20}},
      {"subject", {.max_chars = 500}},
      {"urgency", {.max_chars = 20}},
      {"secrecy", {.max_chars = 20}},
      {"pages", {.min = 1, .max = 10000}},
      {"due_on", {.max_chars = 10}},
      {"signer_info", {.max_chars = 200}},
      {"content", {.max_chars = 20000}},
  });
}

// POST /api/v1/documents/outgoing (any officer).
struct OutgoingBody {
  std::string type;
  std::string subject;
  json::Omittable<std::string> content;
  json::Omittable<std::string> urgency;
  json::Omittable<std::string> secrecy;
  std::vector<std::string> recipients;
  std::optional<bool> normative;
  std::optional<int> pages;
  json::Omittable<std::string> due_on;
};
BOOST_DESCRIBE_STRUCT(OutgoingBody, (),
                      (type, subject, content, urgency, secrecy, recipients, normative, pages,
                       due_on))
constexpr auto JsonRules(json::For<OutgoingBody>) {
  return std::to_array<json::FieldRule>({
      {"type", {.max_chars = 20}},
      {"subject", {.max_chars = 500}},
      {"content", {.max_chars = 20000}},
      {"urgency", {.max_chars = 20}},
      {"secrecy", {.max_chars = 20}},
      {"recipients", {.max_chars = 35, .max_items = 100}},
      {"pages", {.min = 1, .max = 10000}},
      {"due_on", {.max_chars = 10}},
  });
}

// POST /api/v1/documents/{id}/actions: {"action"} first, then the body of that action as a
// whole (its other members refused). Every action may carry the document's `version`.
struct DocumentActionOnly {
  std::string action;
  std::optional<std::int64_t> version;
};
BOOST_DESCRIBE_STRUCT(DocumentActionOnly, (), (action, version))
constexpr auto JsonRules(json::For<DocumentActionOnly>) {
  return std::to_array<json::FieldRule>(
      {{"action", {.max_chars = 50}}, {"version", {.min = 1, .max = 1'000'000'000'000LL}}});
}

// direct: {"lead","co_op"?,"inform"?,"deadline"?,"instruction"?}; each assignee an agency code
// or a username.
struct DirectBody : DocumentActionOnly {
  std::string lead;
  std::vector<std::string> co_op;
  std::vector<std::string> inform;
  json::Omittable<std::string> deadline;
  json::Omittable<std::string> instruction;
};
BOOST_DESCRIBE_STRUCT(DirectBody, (DocumentActionOnly),
                      (lead, co_op, inform, deadline, instruction))
constexpr auto JsonRules(json::For<DirectBody>) {
  return std::to_array<json::FieldRule>({
      {"lead", {.max_chars = 100}},
      {"co_op", {.max_chars = 100, .max_items = 50, .optional = true}},
      {"inform", {.max_chars = 100, .max_items = 50, .optional = true}},
      {"deadline", {.max_chars = 10}},
      {"instruction", {.max_chars = 2000}},
  });
}

// progress {"note"}, send_back {"note"?}.
struct NoteBody : DocumentActionOnly {
  json::Omittable<std::string> note;
};
BOOST_DESCRIBE_STRUCT(NoteBody, (DocumentActionOnly), (note))
constexpr auto JsonRules(json::For<NoteBody>) {
  return std::to_array<json::FieldRule>({{"note", {.max_chars = 2000}}});
}

// complete {"note"?,"reply_document_id"?}.
struct CompleteBody : DocumentActionOnly {
  json::Omittable<std::string> note;
  std::optional<std::int64_t> reply_document_id;
};
BOOST_DESCRIBE_STRUCT(CompleteBody, (DocumentActionOnly), (note, reply_document_id))
constexpr auto JsonRules(json::For<CompleteBody>) {
  return std::to_array<json::FieldRule>(
      {{"note", {.max_chars = 2000}},
       {"reply_document_id", {.min = 1, .max = 1'000'000'000'000LL}}});
}

// recall {"reason"}, refuse_recall {"reason"}.
struct ReasonBody : DocumentActionOnly {
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(ReasonBody, (DocumentActionOnly), (reason))
constexpr auto JsonRules(json::For<ReasonBody>) {
  return std::to_array<json::FieldRule>({{"reason", {.max_chars = 2000}}});
}

// assign {"user","note"?}: an officer of the caller's unit.
struct AssignBody : DocumentActionOnly {
  std::string user;
  json::Omittable<std::string> note;
};
BOOST_DESCRIBE_STRUCT(AssignBody, (DocumentActionOnly), (user, note))
constexpr auto JsonRules(json::For<AssignBody>) {
  return std::to_array<json::FieldRule>(
      {{"user", {.max_chars = 100}}, {"note", {.max_chars = 2000}}});
}

// PUT /api/v1/agencies/{code}/document-numbering.
struct NumberingBody {
  std::string scheme;
  std::optional<bool> secret_own;
};
BOOST_DESCRIBE_STRUCT(NumberingBody, (), (scheme, secret_own))
constexpr auto JsonRules(json::For<NumberingBody>) {
  return std::to_array<json::FieldRule>({{"scheme", {.max_chars = 20}}});
}

service::document::IncomingInput IncomingInputOf(IncomingBody body);
service::document::OutgoingInput OutgoingInputOf(OutgoingBody body);
// The service's input for the action named in `body`. Throws validation_failed naming the member.
service::document::ActionInput DocumentActionInputOf(const boost::json::object& body);

}  // namespace egov::api
