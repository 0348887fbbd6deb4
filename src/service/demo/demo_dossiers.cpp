// The demo's dossiers (see demo_dossiers.hpp).
#include "service/demo/demo_dossiers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar/date.hpp"
#include "core/calendar/working_time.hpp"
#include "core/dossier/states.hpp"
#include "service/access/auth.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/catalog/catalog.hpp"
#include "service/demo/demo.hpp"
#include "service/dossier/dossiers.hpp"
#include "store/access/users.hpp"
#include "store/dossier/dossiers.hpp"
#include "store/settings.hpp"

namespace egov::service::demo {

std::int64_t DemoClock::MonotonicMillis() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

namespace {

namespace cal = core::calendar;
using core::access::Role;
using core::dossier::Action;
using core::dossier::Channel;
using dossier::ActionInput;
using dossier::DossierView;

constexpr const char* kHistoryMarker = "demo.history";
constexpr const char* kCurrentMarker = "demo.current";
constexpr std::uint64_t kSeed = 20'200'630;

constexpr const char* kDistrictCounter = "000.01.99.H48";  // Văn phòng HĐND và UBND huyện
constexpr const char* kTraSon = "000.21.99.H48";
constexpr const char* kTraGiang = "000.22.99.H48";
constexpr const char* kTraHiep = "000.23.99.H48";

// SplitMix64, written out here: the distributions of <random> differ between standard
// libraries, and the demo must be the same data wherever Egov is built.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi].
  std::int64_t Between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  template <class T>
  const T& Pick(const std::vector<T>& items) {
    return items[Next() % items.size()];
  }

 private:
  std::uint64_t state_;
};

struct Weighted {
  const char* value;
  int weight;
};

const char* PickWeighted(Random& r, const std::vector<Weighted>& items) {
  int total = 0;
  for (const auto& i : items) total += i.weight;
  auto x = r.Between(0, total - 1);
  for (const auto& i : items) {
    if (x < i.weight) return i.value;
    x -= i.weight;
  }
  return items.back().value;
}

// District-level land procedures of the demo catalog (step 1 at the district's Phòng TN&MT),
// weighted by how often a district counter sees them: transfers and mortgages first.
const std::vector<Weighted> kLand = {
    {"1.013831", 22}, {"1.011441", 20}, {"1.011443", 15}, {"1.012783", 10}, {"1.012784", 9},
    {"1.013992", 6},  {"1.012789", 6},  {"1.013988", 5},  {"1.012786", 4},  {"1.012790", 3},
    {"1.011442", 3},  {"1.013833", 3},  {"1.012785", 2},  {"1.013947", 2},  {"1.012796", 1},
    {"1.012782", 1},  {"1.012781", 1},  {"1.012817", 1},
};
// Civil status and certification at xã Trà Sơn.
const std::vector<Weighted> kCommuneProcedures = {
    {"2.000815", 30}, {"1.001193", 18}, {"2.000884", 12}, {"1.004873", 12},
    {"1.000894", 8},  {"2.000635", 8},  {"1.000656", 6},  {"2.000908", 2},
    {"1.003583", 2},  {"1.005461", 1},  {"1.000593", 1},
};
constexpr int kHistorySocial = 12;  // 1.001776 Trợ cấp xã hội hằng tháng, at the district

// Where applicants live: the communes and town of Trà Bồng after its merger with Tây Trà.
const std::vector<std::string> kResidences = {
    "thị trấn Trà Xuân", "xã Trà Sơn",   "xã Trà Giang", "xã Trà Hiệp", "xã Trà Bình",
    "xã Trà Phú",        "xã Trà Thủy",  "xã Trà Lâm",   "xã Trà Tân",  "xã Trà Bùi",
    "xã Trà Phong",      "xã Trà Thanh", "xã Trà Xinh",
};
std::string ResidenceOf(const std::string& agency_code, Random& r) {
  if (agency_code == kTraSon) return "xã Trà Sơn";
  if (agency_code == kTraGiang) return "xã Trà Giang";
  if (agency_code == kTraHiep) return "xã Trà Hiệp";
  return r.Pick(kResidences);
}

// Synthetic applicants (no real person): common family names of the district, a citizen id
// of Quảng Ngãi (province code 051), a mobile number.
core::dossier::Applicant MakeApplicant(Random& r, const std::string& agency_code) {
  static const std::vector<std::string> family = {"Nguyễn", "Trần", "Lê",    "Phạm", "Hồ",
                                                  "Đinh",   "Võ",   "Huỳnh", "Phan", "Đặng",
                                                  "Bùi",    "Đỗ",   "Trương"};
  static const std::vector<std::string> male_middle = {"Văn", "Đức", "Minh", "Quốc", "Hữu"};
  static const std::vector<std::string> female_middle = {"Thị", "Ngọc", "Thu", "Thanh"};
  static const std::vector<std::string> male = {"An",   "Bình",  "Dũng",  "Hải",  "Hùng",
                                                "Long", "Nam",   "Phúc",  "Quân", "Sơn",
                                                "Tuấn", "Thành", "Trung", "Vinh"};
  static const std::vector<std::string> female = {"Chi",  "Hà",  "Hạnh", "Hương", "Lan",
                                                  "Linh", "Mai", "Nga",  "Thảo",  "Trang",
                                                  "Vân",  "Yến", "Hoa"};
  static const std::vector<std::string> prefixes = {"090", "091", "093", "094", "096", "097",
                                                    "098", "035", "036", "037", "038", "039",
                                                    "077", "079", "083", "085", "088"};
  const bool woman = r.Chance(0.5);
  const int born = static_cast<int>(r.Between(1950, 2001));
  core::dossier::Applicant a;
  a.full_name = r.Pick(family) + " " + r.Pick(woman ? female_middle : male_middle) + " " +
                r.Pick(woman ? female : male);
  // Century and sex digit of the CCCD: 0/1 for 1900–1999, 2/3 from 2000 (male/female).
  const int century = (born >= 2000 ? 2 : 0) + (woman ? 1 : 0);
  a.id_number = fmt::format("051{}{:02}{:06}", century, born % 100, r.Between(0, 999'999));
  a.phone = r.Pick(prefixes) + fmt::format("{:07}", r.Between(0, 9'999'999));
  const std::string residence = ResidenceOf(agency_code, r);
  a.address = fmt::format("{} {}, {}, huyện Trà Bồng, tỉnh Quảng Ngãi",
                          residence.starts_with("thị trấn") ? "Tổ dân phố" : "Thôn",
                          r.Between(1, 6), residence);
  return a;
}

std::string Yymmdd(const cal::Date& d) {
  return fmt::format("{:02}{:02}{:02}", d.year % 100, d.month, d.day);
}

class Loader {
 public:
  Loader(store::Database& db, store::FileStore& files, std::int64_t now)
      : db_(db),
        clock_(now),
        calendar_(db, clock_),
        catalog_(db, clock_),
        dossiers_(db, clock_, calendar_, catalog_, files) {
    for (const auto& a : DemoAccounts()) {
      for (const auto& role : a.roles)
        officers_.emplace(std::make_pair(a.agency_code, role), a.username);
    }
  }

  int LoadHistory();
  int LoadCurrent(std::int64_t now);

 private:
  struct Step {
    std::int64_t at = 0;
    std::string user;
    ActionInput input;
  };

  const core::access::Caller& CallerOf(const std::string& username) {
    auto it = callers_.find(username);
    if (it != callers_.end()) return it->second;
    store::Session s(db_);
    auto user = store::access::FindUserByUsername(s, username);
    if (!user) throw std::runtime_error("the demo account " + username + " is missing");
    return callers_.emplace(username, access::CallerFromUser(*user)).first->second;
  }
  // The demo officer with `role` at `agency_code` (the first in organisation.json).
  const std::string& Officer(const std::string& agency_code, Role role) const {
    auto it = officers_.find({agency_code, std::string(core::access::RoleName(role))});
    if (it == officers_.end()) {
      throw std::runtime_error(
          fmt::format("the demo has no {} at {}", core::access::RoleName(role), agency_code));
    }
    return it->second;
  }
  const std::string& Officer(const core::dossier::DossierStep& step) const {
    return Officer(step.agency_code, step.role);
  }
  const cal::WorkingCalendar& CalendarOf(const std::string& agency_code) {
    auto it = calendars_.find(agency_code);
    if (it == calendars_.end()) {
      it = calendars_
               .emplace(agency_code,
                        calendar_.Calendar()->WithHours(calendar_.WorkingHoursOf(agency_code)))
               .first;
    }
    return it->second;
  }
  // `minutes` working minutes after `from`, inside a working period (an end of a period, such
  // as 11:30, becomes the start of the next).
  static cal::LocalDateTime After(const cal::WorkingCalendar& c, const cal::LocalDateTime& from,
                                  std::int64_t minutes) {
    return c.Start(c.AddWorkingMinutes(from, minutes));
  }

  dossier::IntakeInput Input(const std::string& procedure_code, Channel channel,
                             const core::dossier::Applicant& applicant,
                             const std::string& agency_code = {}) {
    dossier::IntakeInput input;
    input.procedure_code = procedure_code;
    input.channel = channel;
    input.agency_code = agency_code;
    input.applicant = applicant;
    input.components = catalog_.Definition(procedure_code, std::nullopt).components;
    return input;
  }
  bool Exists(const std::string& created_by, const std::string& key) {
    store::Session s(db_);
    return store::dossier::FindByIdempotencyKey(s, created_by, key).has_value();
  }
  // The steps of `plan` the dossier does not have yet (an interrupted load made the others).
  void Run(const DossierView& view, const std::vector<Step>& plan) {
    std::size_t done = 0;
    for (const auto& e : view.events) {
      if (e.action != Action::kFile) ++done;
    }
    done = done > 0 ? done - 1 : 0;  // the intake or the submission
    for (std::size_t i = done; i < plan.size(); ++i) {
      clock_.Set(plan[i].at);
      dossiers_.Act(CallerOf(plan[i].user), view.dossier.code, plan[i].input);
    }
  }

  std::vector<Step> PlanHistory(Random& r, const DossierView& view);

  store::Database& db_;
  DemoClock clock_;
  calendar::CalendarService calendar_;
  catalog::Catalog catalog_;
  dossier::Dossiers dossiers_;
  std::map<std::pair<std::string, std::string>, std::string> officers_;
  std::map<std::string, core::access::Caller> callers_;
  std::map<std::string, cal::WorkingCalendar> calendars_;
};

ActionInput Do(Action action, std::string reason = {}) {
  ActionInput input;
  input.action = action;
  input.reason = std::move(reason);
  return input;
}
ActionInput Forward(const std::string& to_user) {
  ActionInput input;
  input.action = Action::kForward;
  input.to_user = to_user;
  return input;
}
ActionInput RequestSupplement(Random& r, const core::catalog::Procedure& p) {
  static const std::vector<std::string> reasons = {
      "Thành phần hồ sơ chưa đầy đủ theo quy định.",
      "Giấy tờ nộp kèm chưa rõ nét, cần nộp lại bản rõ nét.",
      "Thông tin trong tờ khai chưa khớp với giấy tờ tùy thân.",
  };
  ActionInput input = Do(Action::kRequestSupplement, r.Pick(reasons));
  input.missing.push_back(p.components.empty() ? std::string("Giấy tờ tùy thân")
                                               : r.Pick(p.components).name);
  return input;
}

// A returned dossier: forwarded through every step of its process by the officers of the
// steps' agencies, completed by the last deciding step and returned at the counter, each
// hand-off inside its step's allotment and the completion before the dossier's due time —
// its working time scaled to a share of what is left until the due time. Some are paused
// for a supplement at the specialist's step, some sent back once by the leader.
std::vector<Loader::Step> Loader::PlanHistory(Random& r, const DossierView& view) {
  const auto& steps = view.steps;
  const int n = static_cast<int>(steps.size());
  const auto& c = CalendarOf(view.dossier.receiving_agency_code);
  const auto start = cal::FromUtcMillis(*view.dossier.received_at);
  const auto due = cal::FromUtcMillis(*view.events.front().due_at);
  const std::int64_t available = c.WorkingMinutesBetween(start, due);

  std::vector<int> visits;
  for (int i = 0; i + 1 < n; ++i) visits.push_back(i);
  const bool send_back = n >= 3 && r.Chance(0.05);
  if (send_back) {
    visits.push_back(n - 3);
    visits.push_back(n - 2);
  }
  std::vector<double> weights;
  double total = 0;
  for (std::size_t k = 0; k < visits.size(); ++k) {
    double w = steps[static_cast<std::size_t>(visits[k])].hours * 60.0;
    if (k + 1 >= static_cast<std::size_t>(n)) w *= 0.5;  // a second visit is shorter
    weights.push_back(w);
    total += w;
  }
  const double share =
      std::min(1.0, static_cast<double>(available) / total) * (0.3 + 0.5 * r.Unit());
  const bool supplement = n >= 3 && r.Chance(0.09);

  std::vector<Step> plan;
  auto t = start;
  for (std::size_t k = 0; k < visits.size(); ++k) {
    const auto& step = steps[static_cast<std::size_t>(visits[k])];
    const std::string& officer = Officer(step);
    std::int64_t minutes = std::max<std::int64_t>(
        3, static_cast<std::int64_t>(weights[k] * share * (0.6 + 0.4 * r.Unit())));
    if (supplement && k == 1) {
      const std::int64_t before = std::max<std::int64_t>(1, minutes / 3);
      t = After(c, t, before);
      plan.push_back({cal::ToUtcMillis(t), officer, RequestSupplement(r, view.procedure)});
      // The applicant comes back with the papers half a day to a week later.
      t = After(c, t, r.Between(240, 2400));
      plan.push_back({cal::ToUtcMillis(t), officer, Do(Action::kReceiveSupplement)});
      minutes = std::max<std::int64_t>(2, minutes - before);
    }
    t = After(c, t, minutes);
    if (k + 1 == visits.size()) {
      plan.push_back({cal::ToUtcMillis(t), officer, Do(Action::kComplete)});
    } else if (visits[k + 1] == visits[k] + 1) {
      plan.push_back({cal::ToUtcMillis(t), officer,
                      Forward(Officer(steps[static_cast<std::size_t>(visits[k + 1])]))});
    } else {
      static const std::vector<std::string> reasons = {
          "Đề nghị thẩm định lại, bổ sung ý kiến trước khi trình ký.",
          "Dự thảo kết quả còn sai sót, đề nghị chỉnh sửa.",
      };
      plan.push_back({cal::ToUtcMillis(t), officer, Do(Action::kSendBack, r.Pick(reasons))});
    }
  }
  // The applicant collects the result within the return step's allotment.
  const auto& last = steps.back();
  t = After(c, t,
            std::max<std::int64_t>(
                3, static_cast<std::int64_t>(last.hours * 60.0 * (0.1 + 0.7 * r.Unit()))));
  plan.push_back({cal::ToUtcMillis(t), Officer(last), Do(Action::kReturnResult)});
  return plan;
}

int Loader::LoadHistory() {
  // What is received where, in a fixed shuffled order.
  struct Entry {
    std::int64_t at = 0;
    std::string agency, procedure;
    std::uint64_t seed = 0;
  };
  Random r(kSeed);
  std::vector<int> kinds;  // 0 land (district counter), 1 social (district), 2 xã Trà Sơn
  kinds.insert(kinds.end(), kHistoryLandDossiers, 0);
  kinds.insert(kinds.end(), kHistorySocial, 1);
  kinds.insert(kinds.end(), kHistoryDossiers - kHistoryLandDossiers - kHistorySocial, 2);
  for (std::size_t i = kinds.size(); i > 1; --i) {
    std::swap(kinds[i - 1],
              kinds[static_cast<std::size_t>(r.Between(0, static_cast<std::int64_t>(i) - 1))]);
  }
  clock_.Set(cal::ToUtcMillis({{2020, 1, 1}, 8 * 60}));
  std::map<std::string, std::vector<cal::Date>> days;  // each counter's working days
  std::vector<Entry> entries;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    Entry e;
    e.agency = kinds[i] == 2 ? kTraSon : kDistrictCounter;
    e.procedure = kinds[i] == 0   ? PickWeighted(r, kLand)
                  : kinds[i] == 1 ? "1.001776"
                                  : PickWeighted(r, kCommuneProcedures);
    const auto& c = CalendarOf(e.agency);
    auto& worked = days[e.agency];
    if (worked.empty()) {
      for (cal::Date d{2020, 1, 1}; d <= cal::Date{2020, 6, 30}; d = cal::AddDays(d, 1)) {
        if (c.IsWorkingDay(d)) worked.push_back(d);
      }
    }
    const auto day = r.Pick(worked);
    // A minute of that day's working hours, not in the last quarter hour.
    const auto minute = r.Between(0, c.hours().minutes_per_day() - 16);
    e.at = cal::ToUtcMillis(After(c, {day, 0}, minute));
    e.seed = r.Next();
    entries.push_back(std::move(e));
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.at < b.at; });

  int created = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    Random dr(e.seed);
    const std::string key = fmt::format("demo-2020-{:03}", i + 1);
    const std::string& reception = Officer(e.agency, Role::kReception);
    const auto applicant = MakeApplicant(dr, e.agency);
    const Channel channel = dr.Chance(0.03) ? Channel::kPostal : Channel::kDirect;
    clock_.Set(e.at);
    if (!Exists(reception, key)) ++created;
    auto view = dossiers_.Intake(CallerOf(reception), Input(e.procedure, channel, applicant), key);
    Run(view, PlanHistory(dr, view));
  }
  return created;
}

// The dossiers in progress on the day of the load.
enum class Goal {
  kSubmitted,            // online, awaiting acceptance
  kSubmittedSupplement,  // online, the counter asked for a supplement before accepting
  kReception,            // processing at the counter's step
  kSpecialist,           // processing, forwarded to the specialist
  kLeader,               // processing, forwarded to the leader
  kSupplement,           // paused by the specialist
  kResultReady,
  kReturned,
  kRefused,
  kWithdrawn,
  kStopped,
};
struct Current {
  const char* agency;
  const char* procedure;
  int days_ago;  // working days before today of the intake
  Goal goal;
};
// Limits: 1.013831 8 days, 1.012783 10, 1.012789 10, 1.013992 7, 1.012784 12, 1.013988 1,
// 1.012790 8, 1.012786 10, 1.011441 same day, 1.012785 8, 1.013833 10, 1.012817 20,
// 1.001776 10; 1.001193 same day, 1.004873 3, 1.000894 same day, 2.000815 same day.
constexpr Current kCurrent[] = {
    {kDistrictCounter, "1.013831", 0, Goal::kReception},
    {kDistrictCounter, "1.012783", 2, Goal::kSpecialist},
    {kDistrictCounter, "1.012789", 12, Goal::kSpecialist},  // overdue
    {kDistrictCounter, "1.013992", 6, Goal::kSpecialist},   // due tomorrow
    {kDistrictCounter, "1.012784", 5, Goal::kLeader},
    {kDistrictCounter, "1.013988", 2, Goal::kLeader},  // overdue
    {kDistrictCounter, "1.012790", 4, Goal::kSupplement},
    {kDistrictCounter, "1.012786", 6, Goal::kResultReady},
    {kDistrictCounter, "1.011441", 1, Goal::kReturned},
    {kDistrictCounter, "1.012785", 3, Goal::kRefused},
    {kDistrictCounter, "1.013833", 1, Goal::kWithdrawn},
    {kDistrictCounter, "1.012817", 8, Goal::kStopped},
    {kDistrictCounter, "1.012789", 0, Goal::kSubmitted},
    {kDistrictCounter, "1.001776", 7, Goal::kLeader},  // signed by the district's leader
    {kDistrictCounter, "1.001776", 3, Goal::kSpecialist},
    // Liên thông: land received at a commune, handled by the district's land department.
    {kTraSon, "1.012789", 3, Goal::kSpecialist},
    {kTraSon, "1.012783", 4, Goal::kLeader},
    {kTraSon, "1.013831", 9, Goal::kResultReady},
    {kTraSon, "1.001193", 1, Goal::kSpecialist},  // same day: overdue
    {kTraSon, "1.004873", 1, Goal::kLeader},
    {kTraSon, "1.000894", 0, Goal::kResultReady},
    {kTraSon, "2.000815", 0, Goal::kSubmitted},
    {kTraSon, "1.001193", 1, Goal::kSubmittedSupplement},
    {kTraSon, "2.000815", 1, Goal::kReturned},
    {kTraGiang, "1.012789", 2, Goal::kSpecialist},  // liên thông
    {kTraGiang, "2.000884", 0, Goal::kReception},
    {kTraHiep, "1.013833", 7, Goal::kResultReady},  // liên thông, back at the commune
    {kTraHiep, "1.000656", 0, Goal::kReception},
};

int Loader::LoadCurrent(std::int64_t now) {
  const auto today = cal::FromUtcMillis(now).date;
  int created = 0;
  int index = 0;
  for (const auto& spec : kCurrent) {
    ++index;
    Random r(kSeed + 1000 + static_cast<std::uint64_t>(index));
    const std::string agency = spec.agency;
    const auto& c = CalendarOf(agency);
    const std::string key = fmt::format("demo-{}-{:02}", Yymmdd(today), index);
    const auto applicant = MakeApplicant(r, agency);
    const std::string& reception = Officer(agency, Role::kReception);
    const bool online = spec.goal == Goal::kSubmitted || spec.goal == Goal::kSubmittedSupplement;
    const auto base = r.Between(10, 150);
    std::vector<std::int64_t> gaps;
    for (int i = 0; i < 4; ++i) gaps.push_back(r.Between(20, 150));
    // The intake `days_ago` working days before today (today itself for 0) in the morning;
    // every event before now: earlier days when today's hours do not fit them.
    std::int64_t received = 0;
    std::vector<std::int64_t> times;
    for (int back = spec.days_ago;; ++back) {
      cal::Date day = today;
      for (int k = 0; k < back || !c.IsWorkingDay(day);) {
        day = cal::AddDays(day, -1);
        if (c.IsWorkingDay(day)) ++k;
      }
      auto t = After(c, {day, 0}, base);
      received = cal::ToUtcMillis(t);
      times.clear();
      for (auto gap : gaps) {
        t = After(c, t, gap);
        times.push_back(cal::ToUtcMillis(t));
      }
      if (times.back() < now - 60'000 || back > 60) break;
    }

    std::optional<DossierView> view;
    clock_.Set(received);
    if (online) {
      const std::string created_by = "online:" + agency + ":" + applicant.phone;
      if (!Exists(created_by, key)) ++created;
      view = dossiers_.Submit(Input(spec.procedure, Channel::kOnline, applicant, agency), key);
    } else {
      if (!Exists(reception, key)) ++created;
      view = dossiers_.Intake(CallerOf(reception),
                              Input(spec.procedure, Channel::kDirect, applicant), key);
    }
    const auto& steps = view->steps;
    // Looked up only for the goals that need them (Trà Giang and Trà Hiệp have no specialist).
    const auto specialist = [&] { return Officer(steps.at(1)); };
    const auto leader = [&] { return Officer(steps.at(2)); };
    std::vector<Step> plan;
    auto next = [&](const std::string& user, ActionInput input) {
      plan.push_back({times.at(plan.size()), user, std::move(input)});
    };
    switch (spec.goal) {
      case Goal::kSubmitted:
      case Goal::kReception: break;
      case Goal::kSubmittedSupplement: {
        ActionInput input = Do(Action::kRequestSupplement,
                               "Hồ sơ trực tuyến chưa đủ giấy tờ; đề nghị bổ sung trước khi "
                               "tiếp nhận.");
        input.missing.push_back(view->procedure.components.front().name);
        next(reception, input);
        break;
      }
      case Goal::kSpecialist: next(reception, Forward(specialist())); break;
      case Goal::kLeader:
        next(reception, Forward(specialist()));
        next(specialist(), Forward(leader()));
        break;
      case Goal::kSupplement:
        next(reception, Forward(specialist()));
        next(specialist(), RequestSupplement(r, view->procedure));
        break;
      case Goal::kResultReady:
      case Goal::kReturned:
        next(reception, Forward(specialist()));
        next(specialist(), Forward(leader()));
        next(leader(), Do(Action::kComplete));
        if (spec.goal == Goal::kReturned) next(Officer(steps.back()), Do(Action::kReturnResult));
        break;
      case Goal::kRefused:
        next(reception, Forward(specialist()));
        next(specialist(),
             Do(Action::kRefuse, "Thửa đất đang có tranh chấp, chưa đủ điều kiện giải quyết."));
        break;
      case Goal::kWithdrawn:
        next(reception, Do(Action::kWithdraw, "Công dân có đơn xin rút hồ sơ."));
        break;
      case Goal::kStopped:
        next(reception, Forward(specialist()));
        next(specialist(),
             Do(Action::kStop,
                "Thửa đất đang được cơ quan có thẩm quyền kiểm tra; tạm dừng giải quyết."));
        break;
    }
    Run(*view, plan);
  }
  return created;
}

}  // namespace

DossiersResult LoadDemoDossiers(store::Database& db, store::FileStore& files,
                                const core::Clock& clock) {
  // An action holds its write transaction, reads the dossier back on a second connection and
  // the pinned procedure on a third: fewer would wait for ever.
  if (db.pool_size() < 3) {
    throw std::invalid_argument("the demo's dossiers need a pool of at least 3 connections");
  }
  DossiersResult result;
  const auto now = clock.NowMillis();
  {
    store::Session s(db);
    result.history_already_loaded = store::FindSetting(s, kHistoryMarker).has_value();
    result.current_already_loaded = store::FindSetting(s, kCurrentMarker).has_value();
  }
  Loader loader(db, files, now);
  if (!result.history_already_loaded) {
    result.history_created = loader.LoadHistory();
    store::WriteTransaction tx(db);
    store::InsertSetting(tx, kHistoryMarker, std::to_string(kHistoryDossiers), now);
    tx.Commit();
  }
  if (!result.current_already_loaded) {
    result.current_created = loader.LoadCurrent(now);
    store::WriteTransaction tx(db);
    store::InsertSetting(tx, kCurrentMarker, cal::FormatIsoDate(cal::FromUtcMillis(now).date), now);
    tx.Commit();
  }
  return result;
}

}  // namespace egov::service::demo
