// Names of the document states (see states.hpp).
#include "core/document/states.hpp"

#include <array>
#include <iterator>

#include "core/names.hpp"

namespace egov::core::document {

namespace {

constexpr NameOf<Direction> kDirectionNames[] = {
    {Direction::kIncoming, "incoming"},
    {Direction::kOutgoing, "outgoing"},
};

constexpr NameOf<Status> kStatusNames[] = {
    {Status::kArrived, "arrived"},     {Status::kRegistered, "registered"},
    {Status::kDirected, "directed"},   {Status::kInProgress, "in_progress"},
    {Status::kDone, "done"},           {Status::kDraft, "draft"},
    {Status::kSubmitted, "submitted"}, {Status::kApproved, "approved"},
    {Status::kSigned, "signed"},       {Status::kIssued, "issued"},
    {Status::kSent, "sent"},           {Status::kRecalled, "recalled"},
    {Status::kWithdrawn, "withdrawn"},
};

constexpr NameOf<Action> kActionNames[] = {
    {Action::kRegister, "register"},
    {Action::kDraft, "draft"},
    {Action::kArrive, "arrive"},
    {Action::kFile, "file"},
    {Action::kDirect, "direct"},
    {Action::kProgress, "progress"},
    {Action::kComplete, "complete"},
    {Action::kSubmit, "submit"},
    {Action::kApprove, "approve"},
    {Action::kSign, "sign"},
    {Action::kIssue, "issue"},
    {Action::kSend, "send"},
    {Action::kSendBack, "send_back"},
    {Action::kRecall, "recall"},
    {Action::kAcceptRecall, "accept_recall"},
    {Action::kRefuseRecall, "refuse_recall"},
    {Action::kAssign, "assign"},
    {Action::kStatus, "status"},
};

struct DeliveryRow {
  DeliveryStatus value;
  std::string_view name, code, label;
};
constexpr DeliveryRow kDeliveryRows[] = {
    {DeliveryStatus::kArrived, "arrived", "01", "Đã đến"},
    {DeliveryStatus::kReceived, "received", "03", "Văn thư đã tiếp nhận"},
    {DeliveryStatus::kAwaitingAssignment, "awaiting_assignment", "04", "Đã vào sổ, chờ phân công"},
    {DeliveryStatus::kAssigned, "assigned", "05", "Đã phân công, đang xử lý"},
    {DeliveryStatus::kDone, "done", "06", "Đã xử lý xong"},
    {DeliveryStatus::kRecallRequested, "recall_requested", "13", "Đề nghị thu hồi"},
    {DeliveryStatus::kRecallAccepted, "recall_accepted", "15", "Đồng ý thu hồi"},
    {DeliveryStatus::kRecallRefused, "recall_refused", "16", "Từ chối thu hồi"},
};

constexpr NameOf<Urgency> kUrgencyNames[] = {
    {Urgency::kNormal, "normal"},
    {Urgency::kKhan, "khan"},
    {Urgency::kThuongKhan, "thuong_khan"},
    {Urgency::kHoaToc, "hoa_toc"},
};

constexpr NameOf<Secrecy> kSecrecyNames[] = {
    {Secrecy::kNormal, "normal"},
    {Secrecy::kMat, "mat"},
    {Secrecy::kToiMat, "toi_mat"},
    {Secrecy::kTuyetMat, "tuyet_mat"},
};

constexpr NameOf<AssignmentKind> kKindNames[] = {
    {AssignmentKind::kLead, "lead"},
    {AssignmentKind::kCoOp, "co_op"},
    {AssignmentKind::kInform, "inform"},
};

template <class E, std::size_t N>
constexpr std::array<E, N> ValuesOf(const NameOf<E> (&table)[N]) {
  std::array<E, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = table[i].value;
  return out;
}

constexpr auto kStatuses = ValuesOf(kStatusNames);
constexpr auto kActions = ValuesOf(kActionNames);
constexpr auto kDeliveryStatuses = [] {
  std::array<DeliveryStatus, std::size(kDeliveryRows)> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = kDeliveryRows[i].value;
  return out;
}();

const DeliveryRow& RowOf(DeliveryStatus status) {
  for (const auto& row : kDeliveryRows) {
    if (row.value == status) return row;
  }
  return kDeliveryRows[0];
}

}  // namespace

std::string_view Name(Direction v) { return NameIn<Direction>(kDirectionNames, v); }
std::string_view Name(Status v) { return NameIn<Status>(kStatusNames, v); }
std::string_view Name(Action v) { return NameIn<Action>(kActionNames, v); }
std::string_view Name(Urgency v) { return NameIn<Urgency>(kUrgencyNames, v); }
std::string_view Name(Secrecy v) { return NameIn<Secrecy>(kSecrecyNames, v); }
std::string_view Name(AssignmentKind v) { return NameIn<AssignmentKind>(kKindNames, v); }

std::optional<Direction> ParseDirection(std::string_view n) {
  return ParseIn<Direction>(kDirectionNames, n);
}
std::optional<Status> ParseStatus(std::string_view n) { return ParseIn<Status>(kStatusNames, n); }
std::optional<Action> ParseAction(std::string_view n) { return ParseIn<Action>(kActionNames, n); }
std::optional<Urgency> ParseUrgency(std::string_view n) {
  return ParseIn<Urgency>(kUrgencyNames, n);
}
std::optional<Secrecy> ParseSecrecy(std::string_view n) {
  return ParseIn<Secrecy>(kSecrecyNames, n);
}
std::optional<AssignmentKind> ParseAssignmentKind(std::string_view n) {
  return ParseIn<AssignmentKind>(kKindNames, n);
}

std::string_view Name(DeliveryStatus v) { return RowOf(v).name; }
std::string_view Code(DeliveryStatus v) { return RowOf(v).code; }
std::string_view Label(DeliveryStatus v) { return RowOf(v).label; }
std::optional<DeliveryStatus> ParseDeliveryStatus(std::string_view n) {
  for (const auto& row : kDeliveryRows) {
    if (row.name == n) return row.value;
  }
  return std::nullopt;
}
std::span<const DeliveryStatus> AllDeliveryStatuses() { return kDeliveryStatuses; }

std::span<const Status> AllStatuses() { return kStatuses; }
std::span<const Action> AllActions() { return kActions; }

Direction DirectionOf(Status status) {
  switch (status) {
    case Status::kArrived:
    case Status::kRegistered:
    case Status::kDirected:
    case Status::kInProgress:
    case Status::kDone:
    case Status::kWithdrawn: return Direction::kIncoming;
    default: return Direction::kOutgoing;
  }
}

bool IsSecret(Secrecy secrecy) { return secrecy != Secrecy::kNormal; }

std::string_view Label(Status status) {
  switch (status) {
    case Status::kArrived: return "Đã đến, chờ vào sổ";
    case Status::kRegistered: return "Đã vào sổ, chờ phân công";
    case Status::kDirected: return "Đã phân công xử lý";
    case Status::kInProgress: return "Đang xử lý";
    case Status::kDone: return "Đã xử lý xong";
    case Status::kDraft: return "Dự thảo";
    case Status::kSubmitted: return "Đã trình duyệt";
    case Status::kApproved: return "Đã duyệt";
    case Status::kSigned: return "Đã ký";
    case Status::kIssued: return "Đã ban hành";
    case Status::kSent: return "Đã gửi";
    case Status::kRecalled: return "Đã thu hồi";
    case Status::kWithdrawn: return "Đã bị nơi gửi thu hồi";
  }
  return "Không xác định";
}

std::string_view Label(Action action) {
  switch (action) {
    case Action::kRegister: return "vào sổ văn bản đến";
    case Action::kDraft: return "tạo dự thảo";
    case Action::kArrive: return "nhận văn bản điện tử";
    case Action::kFile: return "đính kèm tệp";
    case Action::kDirect: return "phân công xử lý";
    case Action::kProgress: return "cập nhật tiến độ";
    case Action::kComplete: return "hoàn thành xử lý";
    case Action::kSubmit: return "trình duyệt";
    case Action::kApprove: return "duyệt";
    case Action::kSign: return "ký";
    case Action::kIssue: return "ban hành (cấp số)";
    case Action::kSend: return "gửi văn bản";
    case Action::kSendBack: return "trả lại dự thảo";
    case Action::kRecall: return "thu hồi văn bản";
    case Action::kAcceptRecall: return "đồng ý thu hồi";
    case Action::kRefuseRecall: return "từ chối thu hồi";
    case Action::kAssign: return "giao chuyên viên xử lý";
    case Action::kStatus: return "cập nhật trạng thái ở nơi nhận";
  }
  return "thao tác";
}

std::string_view Label(Urgency urgency) {
  switch (urgency) {
    case Urgency::kNormal: return "Thường";
    case Urgency::kKhan: return "Khẩn";
    case Urgency::kThuongKhan: return "Thượng khẩn";
    case Urgency::kHoaToc: return "Hỏa tốc";
  }
  return "";
}

std::string_view Label(Secrecy secrecy) {
  switch (secrecy) {
    case Secrecy::kNormal: return "Thường";
    case Secrecy::kMat: return "Mật";
    case Secrecy::kToiMat: return "Tối mật";
    case Secrecy::kTuyetMat: return "Tuyệt mật";
  }
  return "";
}

}  // namespace egov::core::document
