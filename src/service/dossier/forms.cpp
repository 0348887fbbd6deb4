// The printed forms from a dossier and its events (see forms.hpp).
#include "service/dossier/forms.hpp"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>
#include <optional>

#include "core/calendar/date.hpp"
#include "core/dossier/deadlines.hpp"
#include "core/dossier/workflow.hpp"
#include "core/error.hpp"
#include "core/text/money_words.hpp"
#include "render/forms.hpp"
#include "render/receipt.hpp"
#include "store/access/agencies.hpp"
#include "store/access/users.hpp"

namespace egov::service::dossier {

namespace {

std::string Upper(const std::string& text) {
  std::string out;
  icu::UnicodeString::fromUTF8(text).toUpper(icu::Locale("vi")).toUTF8String(out);
  return out;
}

// "chuyển bước tiếp theo" → "Chuyển bước tiếp theo".
std::string Capitalized(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  if (u.isEmpty()) return "";
  icu::UnicodeString first = u.tempSubString(0, 1);
  u.replace(0, 1, first.toUpper(icu::Locale("vi")));
  std::string out;
  u.toUTF8String(out);
  return out;
}

// "UBND xã Trà Sơn" → "Trà Sơn": the place name for "…, ngày … tháng … năm …".
std::string PlaceOf(const std::string& agency_name) {
  for (const char* prefix : {"UBND thị trấn ", "UBND phường ", "UBND xã ", "UBND huyện ",
                             "UBND thị xã ", "UBND thành phố ", "UBND tỉnh "}) {
    if (agency_name.rfind(prefix, 0) == 0) return agency_name.substr(std::string(prefix).size());
  }
  return "";
}

std::string Clock(std::int64_t ms) {
  auto t = core::calendar::FromUtcMillis(ms);
  return fmt::format("{:02d} giờ {:02d} phút, ngày {:02d}/{:02d}/{}", t.minute_of_day / 60,
                     t.minute_of_day % 60, t.date.day, t.date.month, t.date.year);
}

std::string Money(std::int64_t amount) {
  std::string digits = std::to_string(amount), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

// "Trà Sơn, ngày 05 tháng 03 năm 2026" for the receiving agency on the Vietnam date of `at`.
std::string PlaceAndDate(const std::string& agency_name, std::int64_t at) {
  auto date = core::calendar::FromUtcMillis(at).date;
  std::string place = PlaceOf(agency_name);
  return fmt::format("{}ngày {:02d} tháng {:02d} năm {}", place.empty() ? "" : place + ", ",
                     date.day, date.month, date.year);
}

std::string RenderReceipt(const DossierView& view, store::Database& db,
                          const std::string& lookup_base) {
  const auto& d = view.dossier;
  const auto& p = view.procedure;
  if (!d.received_at || !d.due_at) {
    throw Error(ErrorCode::kConflict,
                "Hồ sơ nộp trực tuyến chưa được tiếp nhận nên chưa có giấy hẹn trả kết quả.");
  }
  render::Receipt r;
  std::string receiver_username;
  for (const auto& e : view.events) {
    if (e.action == core::dossier::Action::kIntake || e.action == core::dossier::Action::kAccept)
      receiver_username = e.actor;
  }
  {
    store::Session s(db);
    if (auto user = store::access::FindUserByUsername(s, receiver_username)) {
      r.receiver_name = user->full_name;
    }
  }
  r.parent_agency_name = Upper(d.receiving_agency_name);
  r.agency_name = "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ";
  auto date = core::calendar::FromUtcMillis(*d.received_at).date;
  r.place_and_date = PlaceAndDate(d.receiving_agency_name, *d.received_at);
  r.dossier_code = d.code;
  r.applicant_name = d.applicant.full_name;
  r.applicant_id_number = d.applicant.id_number;
  r.applicant_phone = d.applicant.phone;
  r.applicant_email = d.applicant.email;
  r.applicant_address = d.applicant.address;
  r.procedure_code = p.code;
  r.procedure_name = p.name;
  for (const auto& c : d.components) {
    r.components.push_back({c.name, c.original, c.certified, c.copy});
  }
  switch (p.time_limit.kind) {
    case core::catalog::TimeLimit::Kind::kDays:
      r.time_limit_text = fmt::format("{:02d} ngày làm việc", p.time_limit.amount);
      break;
    case core::catalog::TimeLimit::Kind::kHours:
      r.time_limit_text = fmt::format("{} giờ làm việc", p.time_limit.amount);
      break;
    case core::catalog::TimeLimit::Kind::kSameDay:
      r.time_limit_text =
          "Giải quyết trong ngày (nhận sau 15 giờ: trả trong ngày làm việc tiếp theo)";
      break;
  }
  r.received_at_text = Clock(*d.received_at);
  r.due_at_text = Clock(*d.due_at);
  r.return_place = "Bộ phận tiếp nhận và trả kết quả, " + d.receiving_agency_name;
  r.logbook_text = fmt::format("Quyển số: 01/{}, Số thứ tự: {}", date.year,
                               d.code.substr(d.code.rfind('-') + 1));
  r.fee_text = p.fee.amount > 0 ? fmt::format("{} đồng (Bằng chữ: {})", Money(p.fee.amount),
                                              core::text::MoneyInWords(p.fee.amount))
                                : "Không thu phí, lệ phí";
  r.lookup_url = lookup_base + "/tra-cuu/" + d.code + "?ma=" + d.public_token;
  return render::RenderReceiptPdf(r);
}

namespace wf = core::dossier;
using wf::Action;

// Names of officers and agencies, each read once, on a session opened at the first lookup and
// closed (Close) before the slow rendering.
class Names {
 public:
  explicit Names(store::Database& db) : db_(db) {}
  void Close() { session_.reset(); }
  std::string Person(const std::string& username) {
    auto [it, added] = people_.try_emplace(username);
    if (added) {
      auto user = store::access::FindUserByUsername(Session(), username);
      it->second = user ? user->full_name : username;
    }
    return it->second;
  }
  std::string Agency(const std::string& code) {
    auto [it, added] = agencies_.try_emplace(code);
    if (added) {
      auto agency = store::access::FindAgencyByCode(Session(), code);
      it->second = agency ? agency->name : code;
    }
    return it->second;
  }

 private:
  store::Session& Session() {
    if (!session_) session_.emplace(db_);
    return *session_;
  }

  store::Database& db_;
  std::optional<store::Session> session_;
  std::map<std::string, std::string> people_, agencies_;
};

const wf::Event* Latest(const DossierView& view, Action action) {
  const wf::Event* found = nullptr;
  for (const auto& e : view.events) {
    if (e.action == action) found = &e;
  }
  return found;
}

Error NotYet(std::string_view form, std::string_view why) {
  return Error(ErrorCode::kConflict, fmt::format("Chưa có {}: {}.", form, why));
}

render::FormCommon CommonOf(const DossierView& view, const wf::FormTitle& title,
                            const wf::RuleSet& rules, std::int64_t dated) {
  const auto& d = view.dossier;
  render::FormCommon c;
  c.header.parent_agency_name = Upper(d.receiving_agency_name);
  c.header.agency_name = "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ";
  c.header.place_and_date = PlaceAndDate(d.receiving_agency_name, dated);
  c.number = std::string(title.number);
  c.rule_set = std::string(rules.name);
  c.title = std::string(title.title);
  c.dossier_code = d.code;
  c.applicant_name = d.applicant.full_name;
  c.procedure_name = view.procedure.name;
  if (d.received_at) c.received_at_text = Clock(*d.received_at);
  c.agency_name = d.receiving_agency_name;
  return c;
}

std::string ResultLabel(core::calendar::Timeliness t) {
  switch (t) {
    case core::calendar::Timeliness::kEarly: return "Trước hạn";
    case core::calendar::Timeliness::kOnTime: return "Đúng hạn";
    case core::calendar::Timeliness::kLate: return "Quá hạn";
  }
  return "";
}

// Every hand-off of the dossier, oldest first: who gave it, who took it, when, and for the
// end of a step's stay the result against that step's own due time (the one recorded by the
// event before: the allotment from the step's start, moved by pauses).
std::vector<render::ControlSheetRow> HandOffs(const DossierView& view, Names& names) {
  const auto& d = view.dossier;
  const std::string counter = "Bộ phận tiếp nhận và trả kết quả, " + d.receiving_agency_name;
  const std::string applicant_unit = "Người nộp hồ sơ";
  auto step_unit = [&](std::optional<int> step, const std::string& fallback_code) {
    if (step && *step >= 0 && *step < static_cast<int>(view.steps.size())) {
      const auto& s = view.steps[static_cast<std::size_t>(*step)];
      return names.Agency(s.agency_code);
    }
    return fallback_code.empty() ? std::string() : names.Agency(fallback_code);
  };
  std::vector<render::ControlSheetRow> rows;
  std::optional<std::int64_t> step_due;  // the due time of the step in progress
  for (const auto& e : view.events) {
    if (e.action == Action::kFile || e.action == Action::kSubmit) continue;  // not hand-offs
    render::ControlSheetRow row;
    row.time_text = Clock(e.at);
    row.from_unit = step_unit(e.from_step, e.agency_code);
    row.from_person = names.Person(e.actor);
    switch (e.action) {
      case Action::kIntake:
      case Action::kAccept:
      case Action::kReceiveSupplement:
        row.from_unit = applicant_unit;
        row.from_person = d.applicant.full_name;
        row.to_unit =
            e.action == Action::kReceiveSupplement ? names.Agency(e.agency_code) : counter;
        row.to_person = names.Person(e.actor);
        break;
      case Action::kRequestSupplement:
      case Action::kRefuse:
      case Action::kReschedule:
      case Action::kReturnResult:
      case Action::kWithdraw:
      case Action::kStop:
        row.to_unit = applicant_unit;
        row.to_person = d.applicant.full_name;
        break;
      default:  // forward, send_back, complete, and any action added later
        if (e.to_step && e.to_step != e.from_step) row.to_unit = step_unit(e.to_step, "");
        if (e.to_user) row.to_person = names.Person(*e.to_user);
        break;
    }
    const bool ends_step = e.action == Action::kForward || e.action == Action::kSendBack ||
                           e.action == Action::kComplete || e.action == Action::kReturnResult;
    if (ends_step && step_due) row.result = ResultLabel(wf::TimelinessOf(e.at, *step_due));
    row.note = Capitalized(wf::ActionLabel(e.action));
    if (row.note.empty()) row.note = "Xử lý hồ sơ";  // an action added later still prints
    if (!e.note.empty()) row.note += ": " + e.note;
    rows.push_back(std::move(row));
    step_due = e.step_due_at;
  }
  return rows;
}

std::string RenderForm(const DossierView& view, store::Database& db, wf::Form form,
                       const std::string& lookup_base) {
  const auto& d = view.dossier;
  const wf::RuleSet& rules = wf::RuleSetAt(d.received_at.value_or(d.submitted_at));
  const auto title = wf::FormIn(rules, form);
  if (!title) {
    throw Error(ErrorCode::kNotFound,
                fmt::format("Hồ sơ tiếp nhận theo {} không có mẫu này.", rules.name));
  }
  if (form == wf::Form::kReceipt) return RenderReceipt(view, db, lookup_base);
  Names names(db);
  switch (form) {
    case wf::Form::kSupplement: {
      const auto* e = Latest(view, Action::kRequestSupplement);
      if (!e) throw NotYet("phiếu yêu cầu bổ sung", "hồ sơ chưa có yêu cầu bổ sung");
      const auto note = wf::ParseNote(e->note);
      render::SupplementRequest f{CommonOf(view, *title, rules, e->at), note.missing, note.reason,
                                  names.Person(e->actor), names.Agency(e->agency_code)};
      names.Close();
      return render::RenderSupplementPdf(f);
    }
    case wf::Form::kRefusal: {
      const auto* e = Latest(view, Action::kRefuse);
      if (!e) throw NotYet("phiếu từ chối", "hồ sơ không bị từ chối");
      render::Refusal f{CommonOf(view, *title, rules, e->at), wf::ParseNote(e->note).reason,
                        names.Person(e->actor)};
      names.Close();
      return render::RenderRefusalPdf(f);
    }
    case wf::Form::kApology: {
      const wf::Event* e = nullptr;
      std::optional<std::int64_t> old_due, before;  // the due time in force before it
      for (const auto& event : view.events) {
        if (event.action == Action::kReschedule) {
          e = &event;
          old_due = before;
        }
        if (event.due_at) before = event.due_at;
      }
      if (!e) throw NotYet("văn bản xin lỗi", "hồ sơ chưa được hẹn lại ngày trả kết quả");
      render::Apology f{CommonOf(view, *title, rules, e->at), wf::ParseNote(e->note).reason,
                        old_due ? Clock(*old_due) : "", e->due_at ? Clock(*e->due_at) : ""};
      names.Close();
      return render::RenderApologyPdf(f);
    }
    case wf::Form::kStop: {
      const auto* e = Latest(view, Action::kStop);
      if (!e) throw NotYet("thông báo dừng giải quyết", "hồ sơ không bị dừng giải quyết");
      render::StopNotice f{CommonOf(view, *title, rules, e->at), wf::ParseNote(e->note).reason,
                           Clock(e->at)};
      names.Close();
      return render::RenderStopNoticePdf(f);
    }
    case wf::Form::kControlSheet: {
      if (!d.received_at || !d.due_at) {
        throw NotYet("phiếu kiểm soát", "hồ sơ nộp trực tuyến chưa được tiếp nhận");
      }
      render::ControlSheet f{CommonOf(view, *title, rules, *d.received_at), Clock(*d.due_at),
                             HandOffs(view, names)};
      names.Close();
      return render::RenderControlSheetPdf(f);
    }
    case wf::Form::kReceipt: break;
  }
  throw Error(ErrorCode::kNotFound, "Không có mẫu này.");
}

}  // namespace

std::string Forms::ReceiptPdf(const core::access::Caller& caller, const std::string& code,
                              const std::string& lookup_base) const {
  return FormPdf(caller, code, core::dossier::Form::kReceipt, lookup_base);
}

std::string Forms::FormPdf(const core::access::Caller& caller, const std::string& code,
                           core::dossier::Form form, const std::string& lookup_base) const {
  return RenderForm(dossiers_.Get(caller, code), db_, form, lookup_base);
}

}  // namespace egov::service::dossier
