// The handling actions of official documents (see documents.hpp, Act): one write transaction
// per action through core::document::Decide; issue allocates the number, send delivers.
#include <utility>

#include "core/calendar/date.hpp"
#include "core/document/workflow.hpp"
#include "core/error.hpp"
#include "service/document/context.hpp"
#include "service/document/documents.hpp"
#include "store/access/agencies.hpp"
#include "store/access/users.hpp"

namespace egov::service::document {

using core::document::Action;
using core::document::AssignmentKind;
using core::document::DeliveryStatus;
using core::document::Direction;
using core::document::Document;
using core::document::Status;

namespace {

// One assignee of a direction: an agency code of a unit inside the document's agency (or the
// agency itself), else the username of an active officer there.
core::document::Assignment Resolve(store::Session& s, const core::access::Agency& organ,
                                   AssignmentKind kind, const std::string& who,
                                   const std::string& field, std::int64_t now) {
  core::document::Assignment a;
  a.kind = kind;
  a.created_at = now;
  if (who.empty() || who.size() > 100) {
    throw FieldError(field, "cần mã đơn vị hoặc tên đăng nhập của cán bộ.");
  }
  if (auto agency = store::access::FindAgencyByCode(s, who)) {
    if (!agency->path.starts_with(organ.path)) {
      throw FieldError(field, agency->name + " không thuộc " + organ.name + ".");
    }
    a.agency_id = agency->id;
    a.agency_code = agency->code;
    return a;
  }
  auto user = store::access::FindUserByUsername(s, who);
  if (!user || !user->active) {
    throw FieldError(field, "không tìm thấy đơn vị hoặc cán bộ \"" + who + "\".");
  }
  if (!user->agency_path.starts_with(organ.path)) {
    throw FieldError(field, "cán bộ " + user->username + " không thuộc " + organ.name + ".");
  }
  a.username = user->username;
  return a;
}

std::vector<core::document::Assignment> Assignees(store::Session& s,
                                                  const core::access::Agency& organ,
                                                  const ActionInput& in, std::int64_t now) {
  if (!in.lead) throw FieldError("lead", "cần chọn đơn vị hoặc cán bộ chủ trì.");
  std::vector<core::document::Assignment> out;
  out.push_back(Resolve(s, organ, AssignmentKind::kLead, *in.lead, "lead", now));
  auto add = [&](const std::vector<std::string>& list, AssignmentKind kind, const char* name) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string field = std::string(name) + "[" + std::to_string(i) + "]";
      auto a = Resolve(s, organ, kind, list[i], field, now);
      for (const auto& other : out) {
        if (other.agency_id == a.agency_id && other.username == a.username) {
          throw FieldError(field, "\"" + list[i] + "\" đã được phân công.");
        }
      }
      out.push_back(std::move(a));
    }
  };
  add(in.co_op, AssignmentKind::kCoOp, "co_op");
  add(in.inform, AssignmentKind::kInform, "inform");
  return out;
}

}  // namespace

DocumentView Documents::Act(const core::access::Caller& caller, std::int64_t id,
                            const ActionInput& in) {
  const auto now = clock_.NowMillis();
  const auto today = core::calendar::FromUtcMillis(now).date;
  store::Session s(db_);
  const auto ctx = ContextOf(s, caller);
  store::WriteTransaction tx(db_);
  Document d = Visible(tx.session(), ctx, id);
  if (in.version && *in.version != d.version) throw Changed();
  const auto assignments = store::document::ListAssignments(tx.session(), id);
  // A copy delivered by send: its recipient row, whose status flows back to the sender.
  std::optional<core::document::Delivery> delivery;
  if (d.source_document_id) delivery = store::document::FindDelivery(tx.session(), id);
  const bool recall_pending = delivery && delivery->status == DeliveryStatus::kRecallRequested;
  const auto outcome =
      core::document::Decide(d.status, in.action, ActorOf(ctx, d, assignments), recall_pending);
  if (const auto* refusal = std::get_if<core::document::Refusal>(&outcome)) {
    throw core::document::ToError(*refusal);
  }
  const Status next = std::get<Status>(outcome);
  core::document::Event event{now,  in.action, caller.username, caller.agency_code, d.status,
                              next, ""};
  // The statuses of this copy that flow back to its sender (while a recall awaits an answer,
  // only the answer does).
  std::vector<std::pair<DeliveryStatus, std::string>> flows;
  switch (in.action) {
    case Action::kRegister: {  // an arrived copy: the next incoming number of the year
      d.incoming_year = today.year;
      d.incoming_number = store::document::NextNumber(tx, d.agency_id, today.year,
                                                      std::string(core::document::kIncomingSeries));
      const std::string number = "số đến " + std::to_string(*d.incoming_number);
      flows.emplace_back(DeliveryStatus::kReceived, number);
      flows.emplace_back(DeliveryStatus::kAwaitingAssignment, "");
      break;
    }
    case Action::kDirect: {
      auto list = Assignees(tx.session(), ctx.organ, in, now);
      if (!in.deadline.empty()) {
        d.deadline = CheckDate("deadline", in.deadline, false);
        if (core::calendar::ParseIsoDate(*d.deadline) < today) {
          throw FieldError("deadline", "hạn xử lý không được trước ngày hôm nay.");
        }
      } else {
        d.deadline.reset();
      }
      d.instruction = CleanContent(in.instruction, "instruction", 2000);
      store::document::ReplaceAssignments(tx, id, list);
      event.note = d.instruction;
      if (d.status == Status::kRegistered) flows.emplace_back(DeliveryStatus::kAssigned, "");
      break;
    }
    case Action::kProgress: {
      event.note = CleanContent(in.note, "note", 2000);
      if (event.note.empty()) throw FieldError("note", "cần ghi tiến độ xử lý.");
      break;
    }
    case Action::kComplete: {
      event.note = CleanContent(in.note, "note", 2000);
      if (in.reply_document_id) {
        auto reply = store::document::Find(tx.session(), *in.reply_document_id);
        if (!reply || reply->direction != Direction::kOutgoing || reply->agency_id != d.agency_id ||
            !store::document::IsVisible(tx.session(), reply->id, ctx.viewer)) {
          throw FieldError("reply_document_id",
                           "phải là một văn bản đi của " + ctx.organ.name + " mà bạn xem được.");
        }
        d.reply_document_id = reply->id;
      }
      flows.emplace_back(DeliveryStatus::kDone, "");
      break;
    }
    case Action::kAssign: {
      // The caller leads an assigned unit (Who::kUnitLeader): one active officer of that unit.
      event.note = CleanContent(in.note, "note", 2000);
      if (in.user.empty()) throw FieldError("user", "cần chọn cán bộ của đơn vị để giao xử lý.");
      auto user = store::access::FindUserByUsername(tx.session(), in.user);
      if (!user || !user->active || user->agency_id != caller.agency_id) {
        throw FieldError("user", "\"" + in.user.substr(0, 100) +
                                     "\" không phải là cán bộ đang làm việc của " +
                                     caller.agency_name + ".");
      }
      store::document::SetAssignedUser(tx, id, caller.agency_id, user->username, caller.username,
                                       now, event.note);
      event.note = user->username + (event.note.empty() ? "" : ": " + event.note);
      break;
    }
    case Action::kRecall: {
      // Frozen from now on; each delivered copy awaits its clerk's answer (Art. 18.4).
      event.note = CleanContent(in.reason, "reason", 2000);
      if (event.note.empty()) throw FieldError("reason", "cần nêu lý do thu hồi.");
      for (const auto& r : store::document::ListRecipients(tx.session(), id)) {
        if (!r.delivered_document_id) continue;
        auto copy = store::document::Find(tx.session(), *r.delivered_document_id);
        if (!copy) continue;
        store::document::InsertEvent(tx, copy->id,
                                     {now, Action::kRecall, caller.username, caller.agency_code,
                                      copy->status, copy->status, event.note});
      }
      store::document::SetRecallRequested(tx, id, now);
      break;
    }
    case Action::kAcceptRecall: {
      // The copy leaves the queue, lists, search and tasks; its record stays (a stub).
      event.note = CleanContent(in.note, "note", 2000);
      d.content.clear();
      flows.emplace_back(DeliveryStatus::kRecallAccepted, event.note);
      break;
    }
    case Action::kRefuseRecall: {
      event.note = CleanContent(in.reason, "reason", 2000);
      if (event.note.empty()) throw FieldError("reason", "cần nêu lý do từ chối thu hồi.");
      flows.emplace_back(DeliveryStatus::kRecallRefused, event.note);
      break;
    }
    case Action::kSign: d.signed_by = caller.username; break;
    case Action::kSendBack: {
      event.note = CleanContent(in.note, "note", 2000);
      d.signed_by.reset();
      break;
    }
    case Action::kIssue: {
      // The number from the agency's series of the year, and the số/ký hiệu (Art. 15).
      auto organ = store::access::FindAgencyById(tx.session(), d.agency_id);
      if (!organ || core::document::AbbreviationProblem(organ->abbreviation)) {
        throw Error(
            ErrorCode::kConflict,
            "Cơ quan " + d.agency_name + " chưa có chữ viết tắt hợp lệ để ghi ký hiệu văn bản.");
      }
      std::string unit;
      if (d.type == core::document::kCongVan && d.drafting_unit_id &&
          *d.drafting_unit_id != d.agency_id) {
        unit = d.drafting_unit_abbreviation;
        if (core::document::AbbreviationProblem(unit)) {
          throw Error(ErrorCode::kConflict,
                      "Đơn vị soạn thảo " + d.drafting_unit_code + " chưa có chữ viết tắt hợp lệ.");
        }
      }
      const auto scheme = store::document::FindScheme(tx.session(), d.agency_id);
      d.series = core::document::OutgoingSeries(scheme, d.type, d.normative, d.secrecy);
      d.year = today.year;
      d.number = store::document::NextNumber(tx, d.agency_id, today.year, *d.series);
      d.number_notation = core::document::FormatNotation(
          {*d.number, d.type, organ->abbreviation, unit,
           d.normative ? std::optional<int>(today.year) : std::nullopt});
      d.issued_on = core::calendar::FormatIsoDate(today);
      event.note = *d.number_notation;
      SealIssued(tx, d, caller, now);
      break;
    }
    case Action::kSend: {
      if (store::document::ListRecipients(tx.session(), id).empty()) {
        throw Error(ErrorCode::kConflict, "Văn bản chưa có nơi nhận.");
      }
      std::string signer_name;
      if (d.signed_by) {
        auto signer = store::access::FindUserByUsername(tx.session(), *d.signed_by);
        signer_name = signer ? signer->full_name : *d.signed_by;
      }
      Deliver(tx, d, signer_name, now);
      break;
    }
    default: break;
  }
  d.status = next;
  d.updated_at = now;
  if (!store::document::Update(tx, d, DerivedOf(d))) throw Changed();
  store::document::InsertEvent(tx, id, event);
  if (in.action == Action::kSend) {  // 01: each copy is in its recipient's queue
    for (const auto& r : store::document::ListRecipients(tx.session(), id)) {
      store::document::InsertEvent(
          tx, id,
          {now, Action::kStatus, r.agency_code, r.agency_code, next, next,
           std::string(core::document::Code(DeliveryStatus::kArrived)) + " " +
               std::string(core::document::Label(DeliveryStatus::kArrived))});
    }
  }
  if (delivery) {
    const bool answer = in.action == Action::kAcceptRecall || in.action == Action::kRefuseRecall;
    for (const auto& [status, note] : flows) {
      if (recall_pending && !answer) continue;
      FlowBack(tx, d, *delivery, status, caller, now, note);
    }
  }
  if (in.action == Action::kAcceptRecall) store::document::Withdraw(tx, id);  // after Update
  tx.Commit();
  return View(s, ctx, *store::document::Find(s, id));
}

void Documents::FlowBack(store::WriteTransaction& tx, const Document& copy,
                         const core::document::Delivery& delivery, DeliveryStatus status,
                         const core::access::Caller& caller, std::int64_t now,
                         const std::string& note) {
  store::document::SetDeliveryStatus(tx, copy.id, status, now);
  auto sent = store::document::Find(tx.session(), delivery.document_id);
  if (!sent) return;
  std::string text =
      std::string(core::document::Code(status)) + " " + std::string(core::document::Label(status));
  if (!note.empty()) text += ": " + note;
  // The recipient agency as the event's agency: the sender reads whose copy changed.
  store::document::InsertEvent(
      tx, sent->id,
      {now, Action::kStatus, caller.username, copy.agency_code, sent->status, sent->status, text});
}

void Documents::Deliver(store::WriteTransaction& tx, const Document& d,
                        const std::string& signer_name, std::int64_t now) {
  // Each recipient agency gets its own incoming copy, "arrived": its clerk checks and
  // registers it (Art. 22), which gives it that agency's next incoming number.
  const auto files = store::document::ListFiles(tx.session(), d.id);
  for (const auto& r : store::document::ListRecipients(tx.session(), d.id)) {
    Document copy;
    copy.direction = Direction::kIncoming;
    copy.status = Status::kArrived;
    copy.agency_id = r.agency_id;
    copy.type = d.type;
    copy.normative = d.normative;
    copy.subject = d.subject;
    copy.urgency = d.urgency;
    copy.secrecy = d.secrecy;
    copy.number_notation = d.number_notation;
    copy.issued_on = d.issued_on;
    copy.issuer_name = d.agency_name;
    copy.issuer_code = d.agency_code;
    copy.arrived_at = now;
    copy.pages = d.pages;
    copy.due_on = d.due_on;
    copy.signer_info = signer_name;
    copy.content = d.content;
    copy.source_document_id = d.id;
    copy.created_by = d.agency_code;
    copy.created_at = copy.updated_at = now;
    const auto copy_id = store::document::Insert(tx, copy, DerivedOf(copy));
    for (const auto& f : files) store::document::InsertFile(tx, copy_id, f);
    store::document::InsertEvent(tx, copy_id,
                                 {now, Action::kArrive, d.agency_code, d.agency_code, std::nullopt,
                                  Status::kArrived, *d.number_notation});
    store::document::MarkDelivered(tx, d.id, r.agency_id, copy_id, now);
  }
}

}  // namespace egov::service::document
