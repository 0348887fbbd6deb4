// `egov user add`, `egov agency add` and `egov audit verify` (CONTRACT.md, Command line).
#include "app/access_commands.hpp"

#include <boost/json.hpp>
#include <iostream>
#include <string>
#include <unordered_set>

#include <chrono>
#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/system_clock.hpp"
#include "app/wiring.hpp"
#include "core/calendar/date.hpp"
#include "core/error.hpp"
#include "service/audit/audit.hpp"
#include "service/demo/demo.hpp"
#include "service/demo/demo_documents.hpp"
#include "service/demo/demo_dossiers.hpp"
#include "service/demo/demo_exchange.hpp"
#include "service/document/seed.hpp"
#include "service/dossier/seed.hpp"
#include "service/security/crypto.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace egov::app {

namespace {

// Reads the password from stdin: the first line, without its line ending.
std::string ReadPassword() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

void PrintError(const Error& e) {
  std::cerr << e.message();
  for (const auto& [field, message] : e.fields())
    std::cerr << " [" << field << ": " << message << "]";
  std::cerr << "\n";
}

// What the administration commands work on: the database, migrated first, and the services
// over it, wired by ServiceGraph as in `egov serve` (without the HTTP side and the files).
struct CommandWorld {
  struct Migrated {
    explicit Migrated(store::Database& db) { store::Migrate(db); }
  };
  store::Database db;
  Migrated migrated;
  SystemClock clock;
  ServiceGraph graph;

  explicit CommandWorld(const std::string& url, std::unordered_set<std::string> common = {})
      : db((Quiet(), url), 4),  // the dossier service nests up to 3 sessions (egov demo)
        migrated(db),
        graph(db, clock,
              {.files_dir = DefaultFilesDir(url),
               .common_passwords = std::move(common),
               // What `egov serve` answers on by default: the QR printed on the documents the
               // demo and the seed issue.
               .public_base_url = "http://" + Config{}.listen}) {}

 private:
  static void Quiet() {
    SetUpLogging("warn");
    service::security::InitCrypto();
  }
};

}  // namespace

void AddAccessCommands(CLI::App& root, int& exit_code) {
  static std::string db_url = "sqlite:var/egov.db";

  auto* user = root.add_subcommand("user", "Quản lý người dùng");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Tạo người dùng (mật khẩu đọc từ stdin)");
  static service::access::NewUser new_user;
  user_add->add_option("--db", db_url, "Cơ sở dữ liệu")->capture_default_str();
  user_add->add_option("--username", new_user.username, "Tên đăng nhập")->required();
  user_add->add_option("--full-name", new_user.full_name, "Họ và tên")->required();
  user_add->add_option("--agency", new_user.agency_code, "Mã định danh đơn vị")->required();
  user_add->add_option("--role", new_user.roles, "Vai trò (lặp lại cho nhiều vai trò)")->required();
  user_add->callback([&exit_code] {
    CommandWorld world(db_url, service::access::ShippedCommonPasswords());
    new_user.password = ReadPassword();
    try {
      auto created = world.graph.directory().CreateUserAsSystem(new_user, "cli");
      std::cout << boost::json::serialize(boost::json::object{{"username", created.username},
                                                              {"agency_code", created.agency_code}})
                << std::endl;
    } catch (const Error& e) {
      PrintError(e);
      exit_code = 1;
    }
  });

  auto* agency = root.add_subcommand("agency", "Quản lý cơ quan, đơn vị");
  agency->require_subcommand(1);
  auto* agency_add = agency->add_subcommand("add", "Tạo cơ quan, đơn vị");
  static service::access::NewAgency new_agency;
  agency_add->add_option("--db", db_url, "Cơ sở dữ liệu")->capture_default_str();
  agency_add->add_option("--code", new_agency.code, "Mã định danh (QCVN 102:2016)")->required();
  agency_add->add_option("--name", new_agency.name, "Tên đơn vị")->required();
  agency_add->add_option("--parent", new_agency.parent_code, "Mã đơn vị cấp trên");
  agency_add->add_option("--kind", new_agency.kind, "Loại đơn vị");
  agency_add->add_option("--abbreviation", new_agency.abbreviation, "Ký hiệu");
  agency_add->callback([&exit_code] {
    CommandWorld world(db_url);
    try {
      auto created = world.graph.directory().CreateAgencyAsSystem(new_agency, "cli");
      std::cout << boost::json::serialize(
                       boost::json::object{{"code", created.code}, {"name", created.name}})
                << std::endl;
    } catch (const Error& e) {
      PrintError(e);
      exit_code = 1;
    }
  });

  auto* demo =
      root.add_subcommand("demo", "Nạp dữ liệu trình diễn (một lần; chạy lại không đổi gì)");
  demo->add_option("--db", db_url, "Cơ sở dữ liệu")->capture_default_str();
  static bool list_accounts = false;
  demo->add_flag("--accounts", list_accounts, "Chỉ in danh sách tài khoản trình diễn");
  static bool no_dossiers = false;
  demo->add_flag("--no-dossiers", no_dossiers,
                 "Không nạp hồ sơ trình diễn (6 tháng đầu năm 2020 và hồ sơ đang xử lý) và văn bản "
                 "trình diễn");
  demo->callback([&exit_code] {
    if (list_accounts) {
      for (const auto& a : service::demo::DemoAccounts()) {
        std::string roles;
        for (const auto& r : a.roles) roles += (roles.empty() ? "" : ", ") + r;
        std::cout << a.username << "  (" << roles << ")  " << a.full_name << " — " << a.agency_name
                  << "\n";
      }
      std::cout << "Mật khẩu của mọi tài khoản trình diễn: " << service::demo::DemoPassword()
                << std::endl;
      return;
    }
    CommandWorld world(db_url);
    auto result = service::demo::LoadDemo(world.db, world.graph.directory(), world.graph.catalog(),
                                          world.clock);
    world.graph.calendar().LoadShippedSchedules();  // the holidays, before any dossier
    boost::json::object out{{"already_loaded", result.already_loaded},
                            {"agencies_created", result.agencies_created},
                            {"users_created", result.users_created},
                            {"procedures_created", result.procedures_created}};
    // Each demo document agency's edXML exchange key, pinned for the others
    // (docs/exchange.md, "Demo keys").
    auto keys =
        service::demo::ProvisionDemoExchangeKeys(world.db, world.graph.exchange_keys().keys_dir(),
                                                 world.graph.exchange_keys().trusted_dir());
    out["exchange_keys_created"] = keys.created;
    if (!no_dossiers) {
      auto dossiers = service::demo::LoadDemoDossiers(world.db, world.graph.files(), world.clock);
      out["history_dossiers_created"] = dossiers.history_created;
      out["current_dossiers_created"] = dossiers.current_created;
      auto documents = service::demo::LoadDemoDocuments(
          world.db, world.graph.files(), world.graph.documents().types(), world.clock,
          world.graph.agency_keys(), world.graph.public_base_url());
      out["documents_created"] = documents.created;
    }
    std::cout << boost::json::serialize(out) << std::endl;
  });

  auto* seed = root.add_subcommand("seed", "Sinh dữ liệu tổng hợp để đo hiệu năng");
  seed->require_subcommand(1);
  auto* seed_dossiers = seed->add_subcommand(
      "dossiers", "Sinh N hồ sơ tổng hợp (nạp dữ liệu trình diễn trước nếu chưa có)");
  static std::int64_t seed_count = 0;
  static std::uint64_t seed_value = 1;
  static std::string seed_from = "2020-01-01", seed_to;
  seed_dossiers->add_option("--db", db_url, "Cơ sở dữ liệu")->capture_default_str();
  seed_dossiers->add_option("--count", seed_count, "Số hồ sơ")
      ->required()
      ->check(CLI::Range(static_cast<std::int64_t>(1), static_cast<std::int64_t>(100'000'000)));
  seed_dossiers->add_option("--seed", seed_value, "Hạt giống ngẫu nhiên")->capture_default_str();
  seed_dossiers->add_option("--from", seed_from, "Ngày tiếp nhận sớm nhất (YYYY-MM-DD)")
      ->capture_default_str();
  seed_dossiers->add_option("--to", seed_to, "Ngày tiếp nhận muộn nhất (mặc định: hôm nay)");
  static std::vector<std::string> seed_open;
  seed_dossiers->add_option(
      "--open", seed_open,
      "Thêm hồ sơ đang giải quyết tại bước tiếp nhận của một cơ quan: MÃ_CƠ_QUAN=SỐ_HỒ_SƠ "
      "(lặp lại được; cho hàng đợi công việc và thao tác chuyển bước khi đo hiệu năng)");
  seed_dossiers->callback([&exit_code] {
    CommandWorld world(db_url);
    world.graph.calendar().LoadShippedSchedules();
    service::demo::LoadDemo(world.db, world.graph.directory(), world.graph.catalog(), world.clock);
    auto& db = world.db;
    auto& calendar = world.graph.calendar();
    auto& clock = world.clock;
    service::dossier::SeedOptions options;
    options.count = seed_count;
    options.seed = seed_value;
    options.from_ms = core::calendar::ToUtcMillis({core::calendar::ParseIsoDate(seed_from), 0});
    options.to_ms =
        seed_to.empty()
            ? clock.NowMillis()
            : core::calendar::ToUtcMillis({core::calendar::ParseIsoDate(seed_to), 1439});
    for (const auto& open : seed_open) {
      const auto eq = open.find('=');
      std::int64_t n = 0;
      if (eq != std::string::npos) {
        try {
          n = std::stoll(open.substr(eq + 1));
        } catch (const std::exception&) {
          n = 0;
        }
      }
      if (eq == std::string::npos || n < 1 || n > 10'000'000) {
        std::cerr << "--open phải có dạng MÃ_CƠ_QUAN=SỐ_HỒ_SƠ (1 đến 10.000.000): " << open << "\n";
        exit_code = 2;
        return;
      }
      options.open.push_back({open.substr(0, eq), n});
    }
    if (options.to_ms <= options.from_ms) {
      std::cerr << "--to phải sau --from.\n";
      exit_code = 2;
      return;
    }
    auto started = std::chrono::steady_clock::now();
    auto inserted = service::dossier::SeedDossiers(db, calendar, options, [](std::int64_t n) {
      if (n % 100000 == 0) std::cerr << n << " hồ sơ…\n";
    });
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << boost::json::serialize(
                     boost::json::object{{"inserted", inserted}, {"seconds", seconds}})
              << std::endl;
  });

  auto* seed_documents = seed->add_subcommand(
      "documents", "Sinh N văn bản đến và đi tổng hợp (nạp dữ liệu trình diễn trước nếu chưa có)");
  static std::int64_t seed_documents_count = 0;
  static std::uint64_t seed_documents_value = 1;
  static int seed_from_year = 2024, seed_to_year = 2026;
  seed_documents->add_option("--db", db_url, "Cơ sở dữ liệu")->capture_default_str();
  seed_documents->add_option("--count", seed_documents_count, "Số văn bản")
      ->required()
      ->check(CLI::Range(static_cast<std::int64_t>(1), static_cast<std::int64_t>(100'000'000)));
  seed_documents->add_option("--seed", seed_documents_value, "Hạt giống ngẫu nhiên")
      ->capture_default_str();
  seed_documents->add_option("--from-year", seed_from_year, "Năm sớm nhất")
      ->capture_default_str()
      ->check(CLI::Range(2000, 2100));
  seed_documents->add_option("--to-year", seed_to_year, "Năm muộn nhất")
      ->capture_default_str()
      ->check(CLI::Range(2000, 2100));
  seed_documents->callback([&exit_code] {
    if (seed_to_year < seed_from_year) {
      std::cerr << "--to-year không được trước --from-year.\n";
      exit_code = 2;
      return;
    }
    CommandWorld world(db_url);
    service::demo::LoadDemo(world.db, world.graph.directory(), world.graph.catalog(), world.clock);
    service::document::SeedOptions options;
    options.count = seed_documents_count;
    options.seed = seed_documents_value;
    options.from_year = seed_from_year;
    options.to_year = seed_to_year;
    auto started = std::chrono::steady_clock::now();
    auto result = service::document::SeedDocuments(
        world.db, world.graph.files(), world.graph.documents().types(), world.graph.agency_keys(),
        world.graph.public_base_url(), options, [](std::int64_t n) {
          if (n % 10000 == 0) std::cerr << n << " văn bản…\n";
        });
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << boost::json::serialize(boost::json::object{{"incoming", result.incoming},
                                                            {"outgoing", result.outgoing},
                                                            {"seconds", seconds}})
              << std::endl;
  });

  auto* audit = root.add_subcommand("audit", "Nhật ký kiểm toán");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Kiểm tra tính toàn vẹn của chuỗi nhật ký");
  verify->add_option("--db", db_url, "Cơ sở dữ liệu")->capture_default_str();
  verify->callback([&exit_code] {
    SetUpLogging("warn");
    service::security::InitCrypto();
    store::Database db(db_url, 1);
    auto result = service::audit::Verify(db);
    if (result.ok) {
      std::cout << "OK" << std::endl;
      std::cerr << result.rows << " dòng nhật ký nguyên vẹn.\n";
    } else {
      std::cout << "FAILED at row " << result.first_bad_seq << std::endl;
      std::cerr << "Chuỗi nhật ký bị phá vỡ tại dòng " << result.first_bad_seq << ": "
                << result.problem << "\n";
      exit_code = 1;
    }
  });
}

}  // namespace egov::app
