// Form 01 from a dossier (see forms.hpp).
#include "service/dossier/forms.hpp"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "core/calendar/date.hpp"
#include "core/error.hpp"
#include "core/text/money_words.hpp"
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

std::string RenderReceipt(const Dossiers& dossiers, store::Database& db,
                          const core::access::Caller& caller, const std::string& code,
                          const std::string& lookup_base) {
  auto view = dossiers.Get(caller, code);
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
  std::string place = PlaceOf(d.receiving_agency_name);
  r.place_and_date =
      fmt::format("{}ngày {:02d} tháng {:02d} năm {}", place.empty() ? "" : place + ", ", date.day,
                  date.month, date.year);
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

}  // namespace

std::string Forms::ReceiptPdf(const core::access::Caller& caller, const std::string& code,
                              const std::string& lookup_base) const {
  return RenderReceipt(dossiers_, db_, caller, code, lookup_base);
}

}  // namespace egov::service::dossier
