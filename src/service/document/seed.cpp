// Synthetic documents through the Documents service (see seed.hpp).
#include "service/document/seed.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/calendar/date.hpp"
#include "service/demo/demo_dossiers.hpp"
#include "service/document/context.hpp"
#include "service/document/documents.hpp"
#include "store/access/users.hpp"

namespace egov::service::document {

namespace {

constexpr std::array kTopics = {
    "phê duyệt kế hoạch sử dụng đất",
    "triển khai công tác phòng, chống thiên tai",
    "tăng cường quản lý trật tự xây dựng",
    "tổ chức tiếp công dân định kỳ",
    "báo cáo tình hình kinh tế - xã hội tháng",
    "cải cách thủ tục hành chính",
    "chuyển đổi số trong cơ quan nhà nước",
    "giao chỉ tiêu thu ngân sách",
    "bồi thường, hỗ trợ và tái định cư",
    "kiện toàn Ban chỉ đạo phòng, chống dịch",
    "kiểm tra công tác cấp giấy chứng nhận quyền sử dụng đất",
    "hỗ trợ hộ nghèo, hộ cận nghèo",
    "bảo vệ rừng và phòng cháy, chữa cháy rừng",
    "tuyển sinh vào lớp 10",
    "đăng ký hộ tịch trực tuyến",
    "quản lý chất thải rắn sinh hoạt",
};
constexpr std::array kIssuers = {
    std::pair{"UBND tỉnh Quảng Ngãi", "000.00.00.H48"},
    std::pair{"Sở Tài nguyên và Môi trường tỉnh Quảng Ngãi", ""},
    std::pair{"Sở Nội vụ tỉnh Quảng Ngãi", ""},
    std::pair{"Sở Tài chính tỉnh Quảng Ngãi", ""},
    std::pair{"Văn phòng UBND tỉnh Quảng Ngãi", ""},
};
constexpr std::array kIncomingTypes = {"CV", "CV", "CV", "QĐ", "TB", "KH", "BC", "GM", "CT"};
constexpr std::array kOutgoingTypes = {"CV", "CV", "QĐ", "TB", "KH", "BC", "TTr", "GM"};

std::string TypeName(const core::document::TypeCatalog& types, const std::string& abbreviation) {
  const auto* t = types.Find(abbreviation);
  return t ? t->name : "Văn bản";
}

core::access::Caller CallerOf(const core::access::User& u) {
  core::access::Caller c;
  c.user_id = u.id;
  c.username = u.username;
  c.full_name = u.full_name;
  c.agency_id = u.agency_id;
  c.agency_code = u.agency_code;
  c.agency_name = u.agency_name;
  c.agency_path = u.agency_path;
  c.roles = u.roles;
  return c;
}

struct Office {
  core::access::Caller clerk, leader;
  std::vector<std::string> recipients;  // other document agencies
};

}  // namespace

SeedResult SeedDocuments(store::Database& db, store::FileStore& files,
                         const core::document::TypeCatalog& types, seal::SignerSource& signers,
                         const std::string& public_base_url, const SeedOptions& options,
                         const std::function<void(std::int64_t)>& progress) {
  namespace cal = core::calendar;
  // Document agencies with both a clerk and a leader of their own.
  std::map<std::int64_t, Office> offices;
  std::map<std::int64_t, std::string> codes;
  {
    store::Session s(db);
    store::access::UserFilter filter;
    filter.subtree_path = "/";
    filter.active = true;
    filter.per_page = 500;
    std::map<std::int64_t, core::access::Caller> clerks, leaders;
    for (const auto& u : store::access::ListUsers(s, filter).items) {
      const auto caller = CallerOf(u);
      const auto ctx = MakeContext(s, caller);
      codes[ctx.organ.id] = ctx.organ.code;
      if (ctx.clerk && !clerks.contains(ctx.organ.id)) clerks.emplace(ctx.organ.id, caller);
      if (ctx.leader && !leaders.contains(ctx.organ.id)) leaders.emplace(ctx.organ.id, caller);
    }
    for (auto& [id, clerk] : clerks) {
      auto leader = leaders.find(id);
      if (leader == leaders.end()) continue;
      Office office{clerk, leader->second, {}};
      for (const auto& [other, code] : codes) {
        if (other != id) office.recipients.push_back(code);
      }
      offices.emplace(id, std::move(office));
    }
  }
  if (offices.empty()) {
    throw std::runtime_error("no document agency has both a clerk and a leader (load the demo)");
  }
  std::vector<const Office*> list;
  for (const auto& [id, office] : offices) list.push_back(&office);

  std::mt19937_64 random(options.seed);
  auto pick = [&](std::size_t n) {
    return static_cast<std::size_t>(std::uniform_int_distribution<std::size_t>(0, n - 1)(random));
  };
  // The instants, in order: a working day's hour between 07:30 and 16:30, Vietnam time.
  const auto first_day = cal::DaysFromCivil(options.from_year, 1, 1);
  const auto last_day = cal::DaysFromCivil(options.to_year, 12, 31);
  std::vector<std::int64_t> instants;
  instants.reserve(static_cast<std::size_t>(options.count));
  for (std::int64_t i = 0; i < options.count; ++i) {
    auto day = cal::CivilFromDays(
        std::uniform_int_distribution<std::int64_t>(first_day, last_day)(random));
    while (cal::IsWeekend(day)) day = cal::AddDays(day, 1);
    const int minute = std::uniform_int_distribution<int>(7 * 60 + 30, 16 * 60 + 30)(random);
    instants.push_back(cal::ToUtcMillis({day, minute}));
  }
  std::sort(instants.begin(), instants.end());

  demo::DemoClock clock(instants.empty() ? 0 : instants.front());
  Documents documents(db, clock, files, types, signers, public_base_url);
  SeedResult result;
  std::int64_t done = 0;
  for (const auto at : instants) {
    clock.Set(at);
    const Office& office = *list[pick(list.size())];
    const std::string topic = kTopics[pick(kTopics.size())];
    const int year = cal::FromUtcMillis(at).date.year;
    if (pick(10) < 6) {
      const auto& [issuer, issuer_code] = kIssuers[pick(kIssuers.size())];
      IncomingInput in;
      in.type = kIncomingTypes[pick(kIncomingTypes.size())];
      in.issuer_name = issuer;
      in.issuer_code = issuer_code;
      in.number_notation = std::to_string(done + 1) + "/" +
                           (in.type == "CV" ? std::string("UBND-KT") : in.type + "-UBND");
      in.issued_on = cal::FormatIsoDate(cal::FromUtcMillis(at - 2 * 86'400'000LL).date);
      in.subject = TypeName(types, in.type) + " về việc " + topic + " năm " + std::to_string(year);
      in.content = "Thực hiện chỉ đạo của cấp trên, đề nghị các cơ quan, đơn vị " + topic +
                   "; báo cáo kết quả trước ngày 30 tháng " + std::to_string(1 + pick(12)) + ".";
      in.urgency = pick(10) == 0 ? "khan" : "";
      in.confirm_duplicate = true;
      auto v = documents.RegisterIncoming(office.clerk, in);
      if (pick(3) != 0) {
        ActionInput direct;
        direct.action = core::document::Action::kDirect;
        direct.lead = office.clerk.agency_code;
        direct.instruction = "Giao đơn vị tham mưu xử lý.";
        documents.Act(office.leader, v.document.id, direct);
      }
      ++result.incoming;
    } else {
      OutgoingInput out;
      out.type = kOutgoingTypes[pick(kOutgoingTypes.size())];
      out.subject = TypeName(types, out.type) + " về việc " + topic;
      out.content = "Ủy ban nhân dân đề nghị các cơ quan, đơn vị liên quan " + topic +
                    " theo đúng quy định hiện hành.";
      out.recipients.push_back(office.recipients[pick(office.recipients.size())]);
      auto v = documents.DraftOutgoing(office.clerk, out);
      const auto id = v.document.id;
      using core::document::Action;
      ActionInput act;
      for (auto [action, who] :
           {std::pair{Action::kSubmit, &office.clerk}, std::pair{Action::kApprove, &office.leader},
            std::pair{Action::kSign, &office.leader}, std::pair{Action::kIssue, &office.clerk}}) {
        act.action = action;
        documents.Act(*who, id, act);
      }
      ++result.outgoing;
    }
    if (++done % 1000 == 0 && progress) progress(done);
  }
  return result;
}

}  // namespace egov::service::document
