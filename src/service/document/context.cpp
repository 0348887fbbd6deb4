// Shared pieces of the document use cases (see context.hpp).
#include "service/document/context.hpp"

#include "core/calendar/date.hpp"
#include "core/text/fold.hpp"
#include "core/text/highlight.hpp"
#include "store/access/agencies.hpp"

namespace egov::service::document {

bool IsDocumentAgency(const core::access::Agency& agency) {
  return agency.kind != "department" && agency.kind != "service_center";
}

CallerContext MakeContext(store::Session& session, const core::access::Caller& caller) {
  CallerContext ctx{caller, {}, false, false, {}};
  auto agency = store::access::FindAgencyById(session, caller.agency_id);
  if (!agency) throw Error(ErrorCode::kForbidden, "Tài khoản không thuộc cơ quan nào.");
  // Up to the nearest document agency (a root unit stays its own).
  while (!IsDocumentAgency(*agency) && agency->parent_id) {
    auto parent = store::access::FindAgencyById(session, *agency->parent_id);
    if (!parent) break;
    agency = std::move(parent);
  }
  ctx.organ = std::move(*agency);
  ctx.clerk = caller.Has(core::access::Role::kClerk);
  ctx.leader = caller.Has(core::access::Role::kLeader) && caller.agency_id == ctx.organ.id;
  ctx.viewer.username = caller.username;
  ctx.viewer.agency_id = caller.agency_id;
  ctx.viewer.subtree_path = caller.agency_path;
  ctx.viewer.leader_clerk_agency_id = ctx.clerk || ctx.leader ? ctx.organ.id : 0;
  return ctx;
}

Error NotFound() { return Error(ErrorCode::kNotFound, "Không tìm thấy văn bản."); }

Error Changed() {
  return Error(ErrorCode::kConflict,
               "Văn bản vừa được người khác cập nhật; hãy tải lại văn bản rồi thực hiện lại.",
               "document version changed",
               {{"version", "không còn là phiên bản hiện tại của văn bản."}});
}

std::string Clean(const std::string& field, const std::string& value, std::size_t max,
                  const std::string& label, bool required) {
  std::string clean = core::text::NormalizeSpaces(value);
  if (required && clean.empty()) throw FieldError(field, label + " không được để trống.");
  if (core::text::CodePointCount(clean) > max) {
    throw FieldError(field, label + " dài tối đa " + std::to_string(max) + " ký tự.");
  }
  return clean;
}

std::string CleanContent(const std::string& value, const std::string& field, std::size_t max) {
  const auto first = value.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = value.find_last_not_of(" \t\r\n");
  std::string clean = value.substr(first, last - first + 1);
  if (core::text::CodePointCount(clean) > max) {
    throw FieldError(field, "dài tối đa " + std::to_string(max) + " ký tự.");
  }
  return clean;
}

std::optional<std::string> CheckDate(const std::string& field, const std::string& text,
                                     bool required) {
  if (text.empty()) {
    if (required) throw FieldError(field, "cần nhập ngày, dạng YYYY-MM-DD.");
    return std::nullopt;
  }
  try {
    core::calendar::CheckDate(core::calendar::ParseIsoDate(text));
  } catch (const Error&) {
    throw FieldError(field, "phải là một ngày có thật, dạng YYYY-MM-DD.");
  }
  return text;
}

std::string CheckType(const core::document::TypeCatalog& types, const std::string& type,
                      bool normative) {
  const auto* t = types.Find(type);
  if (!t) {
    throw FieldError("type", "\"" + type.substr(0, 20) +
                                 "\" không phải là tên loại văn bản (chữ viết tắt theo Phụ lục "
                                 "III Nghị định 30/2020/NĐ-CP, CV cho công văn).");
  }
  if (normative && !t->normative_allowed) {
    throw FieldError("normative", t->name + " không phải là văn bản quy phạm pháp luật.");
  }
  return t->abbreviation;
}

core::document::Urgency ParseUrgencyField(const std::string& name) {
  if (name.empty()) return core::document::Urgency::kNormal;
  auto u = core::document::ParseUrgency(name);
  if (!u) throw FieldError("urgency", "phải là normal, khan, thuong_khan hoặc hoa_toc.");
  return *u;
}

core::document::Secrecy ParseSecrecyField(const std::string& name) {
  if (name.empty()) return core::document::Secrecy::kNormal;
  auto s = core::document::ParseSecrecy(name);
  if (!s) throw FieldError("secrecy", "phải là normal, mat, toi_mat hoặc tuyet_mat.");
  return *s;
}

std::optional<int> CheckPages(const std::optional<int>& pages) {
  if (pages && (*pages < 1 || *pages > 10000)) {
    throw FieldError("pages", "số trang phải từ 1 đến 10000.");
  }
  return pages;
}

bool IsOverdue(const core::document::Document& d, std::int64_t now) {
  using core::document::Status;
  if (!d.deadline || (d.status != Status::kDirected && d.status != Status::kInProgress)) {
    return false;
  }
  return core::calendar::ParseIsoDate(*d.deadline) < core::calendar::FromUtcMillis(now).date;
}

std::string SnippetOf(const core::document::Document& d, std::span<const std::string> terms) {
  constexpr std::size_t kChars = 200;
  if (!terms.empty()) {
    for (const std::string* text :
         {&d.subject, &d.content, d.number_notation ? &*d.number_notation : nullptr,
          &d.issuer_name}) {
      if (!text) continue;
      if (auto marked = core::text::Highlight(*text, terms, kChars)) return *marked;
    }
  }
  return d.subject;
}

}  // namespace egov::service::document
