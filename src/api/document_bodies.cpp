// Request bodies of the document routes (see document_bodies.hpp).
#include "api/document_bodies.hpp"

#include "core/error.hpp"

namespace egov::api {

service::document::IncomingInput IncomingInputOf(IncomingBody b) {
  service::document::IncomingInput in;
  in.issuer_name = std::move(b.issuer_name);
  in.issuer_code = b.issuer_code.value_or({});
  in.number_notation = std::move(b.number_notation);
  in.issued_on = std::move(b.issued_on);
  in.type = std::move(b.type);
  in.subject = std::move(b.subject);
  in.urgency = b.urgency.value_or({});
  in.secrecy = b.secrecy.value_or({});
  in.pages = b.pages;
  in.due_on = b.due_on.value_or({});
  in.signer_info = b.signer_info.value_or({});
  in.content = b.content.value_or({});
  in.confirm_duplicate = b.confirm_duplicate.value_or(false);
  return in;
}

service::document::OutgoingInput OutgoingInputOf(OutgoingBody b) {
  service::document::OutgoingInput in;
  in.type = std::move(b.type);
  in.subject = std::move(b.subject);
  in.content = b.content.value_or({});
  in.urgency = b.urgency.value_or({});
  in.secrecy = b.secrecy.value_or({});
  in.recipients = std::move(b.recipients);
  in.normative = b.normative.value_or(false);
  in.pages = b.pages;
  in.due_on = b.due_on.value_or({});
  return in;
}

service::document::ActionInput DocumentActionInputOf(const boost::json::object& body) {
  using core::document::Action;
  const auto name = json::ReadMember<std::string>(body, "action", {.max_chars = 50});
  const auto action = core::document::ParseAction(name);
  if (!action || !core::document::IsPostable(*action)) {
    throw FieldError("action",
                     "\"" + name.substr(0, 50) +
                         "\" không phải là một thao tác; có: register, direct, progress, "
                         "complete, assign, submit, approve, sign, issue, send, send_back, "
                         "recall, accept_recall, refuse_recall.");
  }
  service::document::ActionInput in;
  in.action = *action;
  switch (*action) {
    case Action::kDirect: {
      auto b = json::Read<DirectBody>(body);
      in.version = b.version;
      in.lead = std::move(b.lead);
      in.co_op = std::move(b.co_op);
      in.inform = std::move(b.inform);
      in.deadline = b.deadline.value_or({});
      in.instruction = b.instruction.value_or({});
      break;
    }
    case Action::kRecall:
    case Action::kRefuseRecall: {
      auto b = json::Read<ReasonBody>(body);
      in.version = b.version;
      in.reason = std::move(b.reason);
      break;
    }
    case Action::kAssign: {
      auto b = json::Read<AssignBody>(body);
      in.version = b.version;
      in.user = std::move(b.user);
      in.note = b.note.value_or({});
      break;
    }
    case Action::kProgress:
    case Action::kAcceptRecall:
    case Action::kSendBack: {
      auto b = json::Read<NoteBody>(body);
      in.version = b.version;
      in.note = b.note.value_or({});
      break;
    }
    case Action::kComplete: {
      auto b = json::Read<CompleteBody>(body);
      in.version = b.version;
      in.note = b.note.value_or({});
      in.reply_document_id = b.reply_document_id;
      break;
    }
    default: {
      auto b = json::Read<DocumentActionOnly>(body);
      in.version = b.version;
      break;
    }
  }
  return in;
}

}  // namespace egov::api
