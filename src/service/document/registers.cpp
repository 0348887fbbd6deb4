// The document registers of an agency for a period (see documents.hpp, RenderRegister;
// docs/documents.md, "Registers"): the rows read from the store, formatted as printed, and
// rendered by render/registers.*.
#include <cstdio>
#include <map>

#include "core/calendar/date.hpp"
#include "core/error.hpp"
#include "render/registers.hpp"
#include "service/document/context.hpp"
#include "service/document/documents.hpp"
#include "store/access/agencies.hpp"
#include "store/access/users.hpp"

namespace egov::service::document {

using core::document::Action;
using core::document::AssignmentKind;
using core::document::Document;
using core::document::Status;

namespace {

// At most this many rows in one register (a district registers some thousands a year).
constexpr int kMaxRegisterRows = 20000;

std::string Dmy(const core::calendar::Date& d) {
  char out[16];
  std::snprintf(out, sizeof out, "%02d/%02d/%04d", d.day, d.month, d.year);
  return out;
}
std::string Dmy(const std::optional<std::string>& iso) {
  return iso ? Dmy(core::calendar::ParseIsoDate(*iso)) : "";
}
std::string DmyOf(std::int64_t utc_ms) { return Dmy(core::calendar::FromUtcMillis(utc_ms).date); }

void Append(std::string& out, const std::string& text, const char* sep = "; ") {
  if (text.empty()) return;
  if (!out.empty()) out += sep;
  out += text;
}

// Names looked up once per register.
class Names {
 public:
  explicit Names(store::Session& s) : s_(s) {}
  std::string Agency(std::int64_t id) {
    auto it = agencies_.find(id);
    if (it != agencies_.end()) return it->second;
    auto a = store::access::FindAgencyById(s_, id);
    return agencies_[id] = a ? a->name : std::to_string(id);
  }
  std::string User(const std::string& username) {
    auto it = users_.find(username);
    if (it != users_.end()) return it->second;
    auto u = store::access::FindUserByUsername(s_, username);
    return users_[username] = u ? u->full_name : username;
  }

 private:
  store::Session& s_;
  std::map<std::int64_t, std::string> agencies_;
  std::map<std::string, std::string> users_;
};

// "Đơn vị hoặc người nhận": the lead assignee (and the officer its unit handed it to).
std::string LeadOf(Names& names, const std::vector<core::document::Assignment>& assignments) {
  for (const auto& a : assignments) {
    if (a.kind != AssignmentKind::kLead) continue;
    std::string out =
        a.agency_id ? names.Agency(*a.agency_id) : names.User(a.username.value_or(""));
    if (a.assigned_user) out += " (" + names.User(*a.assigned_user) + ")";
    return out;
  }
  return "";
}

std::optional<std::int64_t> FirstEvent(const std::vector<core::document::Event>& events,
                                       Action action) {
  for (const auto& e : events) {
    if (e.action == action) return e.at;
  }
  return std::nullopt;
}

std::string TypeAndSubject(const core::document::TypeCatalog& types, const Document& d) {
  const auto* t = types.Find(d.type);
  return (t ? t->name : d.type) + ": " + d.subject;
}

std::string NoteOf(const Document& d) {
  std::string note;
  if (d.status == Status::kWithdrawn) Append(note, "Đã thu hồi theo đề nghị của nơi gửi");
  if (d.status == Status::kRecalled) Append(note, "Đã thu hồi");
  if (d.urgency != core::document::Urgency::kNormal) {
    Append(note, std::string(core::document::Label(d.urgency)));
  }
  if (core::document::IsSecret(d.secrecy)) {
    Append(note, std::string(core::document::Label(d.secrecy)));
  }
  return note;
}

}  // namespace

RegisterFile Documents::RenderRegister(const core::access::Caller& caller,
                                       const RegisterQuery& q) const {
  store::Session s(db_);
  const auto ctx = ContextOf(s, caller);
  if (!ctx.clerk && !ctx.leader) {
    throw Error(ErrorCode::kForbidden,
                "Chỉ văn thư và lãnh đạo của cơ quan mới được in sổ văn bản.");
  }
  render::RegisterKind kind{};
  std::string slug;
  if (q.register_name == "incoming") {
    kind = render::RegisterKind::kIncoming;
    slug = "so-van-ban-den";
  } else if (q.register_name == "outgoing") {
    kind = render::RegisterKind::kOutgoing;
    slug = "so-van-ban-di";
  } else if (q.register_name == "tracking") {
    kind = render::RegisterKind::kTracking;
    slug = "so-theo-doi-giai-quyet-van-ban-den";
  } else {
    throw FieldError("register", "không có sổ này; có: incoming, outgoing, tracking.");
  }
  const auto from_text = CheckDate("from", q.from, true);
  const auto to_text = CheckDate("to", q.to, true);
  const auto from = core::calendar::ParseIsoDate(*from_text);
  const auto to = core::calendar::ParseIsoDate(*to_text);
  if (to < from) throw FieldError("to", "ngày kết thúc không được trước ngày bắt đầu.");
  if (core::calendar::DaysFromCivil(to) - core::calendar::DaysFromCivil(from) + 1 >
      kMaxRegisterDays) {
    throw FieldError("to", "mỗi lần in tối đa " + std::to_string(kMaxRegisterDays) + " ngày.");
  }
  const std::string format = q.format.empty() ? "pdf" : q.format;
  if (format != "pdf" && format != "xlsx") throw FieldError("format", "phải là pdf hoặc xlsx.");

  render::RegisterInfo info;
  if (ctx.organ.parent_id) {
    if (auto parent = store::access::FindAgencyById(s, *ctx.organ.parent_id)) {
      info.parent_agency_name = parent->name;
    }
  }
  info.agency_name = ctx.organ.name;
  info.period = "Từ ngày " + Dmy(from) + " đến ngày " + Dmy(to);

  Names names(s);
  RegisterFile out;
  const bool pdf = format == "pdf";
  if (kind == render::RegisterKind::kOutgoing) {
    std::vector<render::OutgoingRegisterRow> rows;
    for (const auto& d : store::document::ListOutgoingRegister(s, ctx.organ.id, *from_text,
                                                               *to_text, kMaxRegisterRows)) {
      render::OutgoingRegisterRow r;
      r.number_notation = d.number_notation.value_or("");
      r.date = Dmy(d.issued_on);
      r.type_and_summary = TypeAndSubject(types_, d);
      r.signer = d.signed_by ? names.User(*d.signed_by) : d.signer_info;
      const auto recipients = store::document::ListRecipients(s, d.id);
      for (const auto& x : recipients) Append(r.recipients, x.agency_name);
      if (d.drafting_unit_id) r.file_copy_holder = names.Agency(*d.drafting_unit_id);
      if (!recipients.empty()) r.copies = std::to_string(recipients.size());
      const auto events = store::document::ListEvents(s, d.id);
      if (auto sent = FirstEvent(events, Action::kSend)) r.transferred_on = DmyOf(*sent);
      r.note = NoteOf(d);
      rows.push_back(std::move(r));
    }
    out.bytes =
        pdf ? render::RenderRegisterPdf(info, rows) : render::RenderRegisterXlsx(info, rows);
  } else {
    const auto begin = core::calendar::ToUtcMillis({from, 0});
    const auto end = core::calendar::ToUtcMillis({core::calendar::AddDays(to, 1), 0});
    const auto docs =
        store::document::ListIncomingRegister(s, ctx.organ.id, begin, end, kMaxRegisterRows);
    const auto now = clock_.NowMillis();
    if (kind == render::RegisterKind::kIncoming) {
      std::vector<render::IncomingRegisterRow> rows;
      for (const auto& d : docs) {
        render::IncomingRegisterRow r;
        r.arrival_date = d.arrived_at ? DmyOf(*d.arrived_at) : "";
        r.arrival_number = std::to_string(d.incoming_number.value_or(0));
        r.author = d.issuer_name;
        r.number_notation = d.number_notation.value_or("");
        r.date = Dmy(d.issued_on);
        r.type_and_summary = TypeAndSubject(types_, d);
        r.recipient = LeadOf(names, store::document::ListAssignments(s, d.id));
        const auto events = store::document::ListEvents(s, d.id);
        if (auto directed = FirstEvent(events, Action::kDirect))
          r.transferred_on = DmyOf(*directed);
        r.note = NoteOf(d);
        rows.push_back(std::move(r));
      }
      out.bytes =
          pdf ? render::RenderRegisterPdf(info, rows) : render::RenderRegisterXlsx(info, rows);
    } else {
      std::vector<render::TrackingRegisterRow> rows;
      for (const auto& d : docs) {
        render::TrackingRegisterRow r;
        r.arrival_number = std::to_string(d.incoming_number.value_or(0));
        const auto* t = types_.Find(d.type);
        r.document = (t ? t->name : d.type) + " số " + d.number_notation.value_or("") + " ngày " +
                     Dmy(d.issued_on) + " của " + d.issuer_name;
        r.recipient = LeadOf(names, store::document::ListAssignments(s, d.id));
        r.due = Dmy(d.deadline);
        const auto events = store::document::ListEvents(s, d.id);
        r.progress = std::string(core::document::Label(d.status));
        for (auto it = events.rbegin(); it != events.rend(); ++it) {
          if (it->action == Action::kProgress || it->action == Action::kComplete) {
            if (!it->note.empty()) r.progress += ": " + it->note;
            r.progress += " (" + DmyOf(it->at) + ")";
            break;
          }
        }
        if (d.reply_document_id) {
          if (auto reply = store::document::Find(s, *d.reply_document_id)) {
            r.reply_notation = reply->number_notation.value_or("");
          }
        }
        r.note = NoteOf(d);
        if (IsOverdue(d, now)) Append(r.note, "Quá hạn");
        rows.push_back(std::move(r));
      }
      out.bytes =
          pdf ? render::RenderRegisterPdf(info, rows) : render::RenderRegisterXlsx(info, rows);
    }
  }
  out.mime_type =
      pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  out.file_name = slug + "_" + *from_text + "_" + *to_text + "." + format;
  return out;
}

}  // namespace egov::service::document
