// The demo's documents (see demo_documents.hpp).
#include "service/demo/demo_documents.hpp"

#include <stdexcept>

#include "core/calendar/date.hpp"
#include "service/demo/demo_dossiers.hpp"
#include "service/document/documents.hpp"
#include "store/access/users.hpp"
#include "store/settings.hpp"

namespace egov::service::demo {

namespace {

constexpr const char* kMarker = "demo_documents";

}  // namespace

DocumentsResult LoadDemoDocuments(store::Database& db, store::FileStore& files,
                                  const core::document::TypeCatalog& types,
                                  const core::Clock& clock, seal::SignerSource& signers,
                                  const std::string& public_base_url) {
  namespace cal = core::calendar;
  using core::document::Action;
  DocumentsResult result;
  const auto now = clock.NowMillis();
  {
    store::Session s(db);
    result.already_loaded = store::FindSetting(s, kMarker).has_value();
  }
  if (result.already_loaded) return result;
  auto caller = [&db](const std::string& username) {
    store::Session s(db);
    auto u = store::access::FindUserByUsername(s, username);
    if (!u) throw std::runtime_error("demo account " + username + " is missing");
    core::access::Caller c;
    c.user_id = u->id;
    c.username = u->username;
    c.full_name = u->full_name;
    c.agency_id = u->agency_id;
    c.agency_code = u->agency_code;
    c.agency_name = u->agency_name;
    c.agency_path = u->agency_path;
    c.roles = u->roles;
    return c;
  };
  const auto vanthu = caller("vanthu"), lanhdao = caller("lanhdao"),
             chuyenvien = caller("chuyenvien.tnmt"), tiepnhan = caller("tiepnhan");
  // Two days ago, an hour between each step.
  DemoClock at(now - 2 * 86'400'000LL);
  auto tick = [&at] { at.Set(at.NowMillis() + 3'600'000LL); };
  document::Documents documents(db, at, files, types, signers, public_base_url);
  auto act = [&](const core::access::Caller& who, std::int64_t id, Action action) {
    tick();
    document::ActionInput in;
    in.action = action;
    documents.Act(who, id, in);
  };
  const auto two_days_ago = cal::FromUtcMillis(at.NowMillis()).date;
  const std::string issued = cal::FormatIsoDate(cal::AddDays(two_days_ago, -3));

  // Incoming: one to direct, one directed to the land unit, one secret.
  document::IncomingInput in;
  in.issuer_name = "UBND tỉnh Quảng Ngãi";
  in.issuer_code = "000.00.00.H48";
  in.number_notation = "112/QĐ-UBND";
  in.issued_on = issued;
  in.type = "QĐ";
  in.subject = "Quyết định về việc phê duyệt kế hoạch sử dụng đất năm " +
               std::to_string(two_days_ago.year) + " của huyện Trà Bồng";
  in.pages = 4;
  documents.RegisterIncoming(vanthu, in);
  ++result.created;
  tick();
  in.issuer_name = "Sở Tài nguyên và Môi trường tỉnh Quảng Ngãi";
  in.issuer_code = "";
  in.number_notation = "1520/STNMT-QLĐĐ";
  in.type = "CV";
  in.subject = "Về việc đôn đốc cấp giấy chứng nhận quyền sử dụng đất lần đầu";
  in.urgency = "khan";
  in.pages = 2;
  const auto directed = documents.RegisterIncoming(vanthu, in).document.id;
  ++result.created;
  tick();
  document::ActionInput direct;
  direct.action = Action::kDirect;
  direct.lead = "000.02.99.H48";
  direct.co_op = {"chuyenvien.tp"};
  direct.deadline = cal::FormatIsoDate(cal::AddDays(two_days_ago, 9));
  direct.instruction = "Giao Phòng Tài nguyên và Môi trường chủ trì, tổng hợp, báo cáo UBND huyện.";
  documents.Act(lanhdao, directed, direct);
  tick();
  in.issuer_name = "Công an tỉnh Quảng Ngãi";
  in.number_notation = "35/KH-CAT";
  in.type = "KH";
  in.subject = "Kế hoạch bảo vệ bí mật nhà nước năm " + std::to_string(two_days_ago.year);
  in.urgency = "";
  in.secrecy = "mat";
  in.pages = 6;
  documents.RegisterIncoming(vanthu, in);
  ++result.created;

  // Outgoing: one submitted (to approve), one signed (to issue), one sent to xã Trà Sơn.
  tick();
  document::OutgoingInput out;
  out.type = "TB";
  out.subject = "Thông báo kết quả kiểm tra công tác quản lý đất đai tại các xã";
  out.content = "Ủy ban nhân dân huyện thông báo kết quả kiểm tra công tác quản lý đất đai…";
  out.recipients = {"000.21.99.H48", "000.22.99.H48"};
  const auto submitted = documents.DraftOutgoing(chuyenvien, out).document.id;
  act(chuyenvien, submitted, Action::kSubmit);
  ++result.created;
  tick();
  out.type = "CV";
  out.subject = "Về việc tổ chức tiếp công dân định kỳ tháng này";
  out.content = "Văn phòng HĐND và UBND huyện đề nghị các xã bố trí lịch tiếp công dân…";
  out.recipients = {"000.21.99.H48"};
  const auto signed_id = documents.DraftOutgoing(tiepnhan, out).document.id;
  act(tiepnhan, signed_id, Action::kSubmit);
  act(lanhdao, signed_id, Action::kApprove);
  act(lanhdao, signed_id, Action::kSign);
  ++result.created;
  tick();
  out.type = "QĐ";
  out.subject = "Quyết định về việc kiện toàn Tổ công tác cải cách thủ tục hành chính huyện";
  out.content = "Kiện toàn Tổ công tác cải cách thủ tục hành chính huyện Trà Bồng gồm các ông, bà…";
  const auto sent = documents.DraftOutgoing(tiepnhan, out).document.id;
  for (auto [who, action] :
       {std::pair{&tiepnhan, Action::kSubmit}, std::pair{&lanhdao, Action::kApprove},
        std::pair{&lanhdao, Action::kSign}, std::pair{&vanthu, Action::kIssue},
        std::pair{&vanthu, Action::kSend}}) {
    act(*who, sent, action);
  }
  ++result.created;

  store::WriteTransaction tx(db);
  store::InsertSetting(tx, kMarker, std::to_string(result.created), now);
  tx.Commit();
  return result;
}

}  // namespace egov::service::demo
