// Argument parsing of the egov program (CLI11) and dispatch to the commands.
#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "app/access_commands.hpp"
#include "app/calendar_command.hpp"
#include "app/commands.hpp"
#include "core/error.hpp"
#include "store/errors.hpp"

namespace egov::app {

int Main(int argc, char** argv) {
  CLI::App app{"Egov — một cửa, một cửa liên thông và quản lý văn bản"};
  app.require_subcommand(1);
  int exit_code = 0;

  Config config;
  std::string config_file;
  if (const char* env = std::getenv("EGOV_CONFIG")) config_file = env;

  auto* serve = app.add_subcommand("serve", "Chạy máy chủ web và API");
  serve->add_option("--config", config_file, "Tệp cấu hình TOML (mặc định: $EGOV_CONFIG)");
  // Flags are read into separate variables so they override the file whatever the order.
  std::string db_url, listen, web_dir, files_dir, public_base_url, seal_key_file;
  std::string exchange_keys_dir, exchange_trusted_dir;
  unsigned public_rate_limit = 0, threads = 0;
  std::uint64_t max_body_bytes = 0;
  serve->add_option("--db", db_url, "Cơ sở dữ liệu: sqlite:ĐƯỜNG_DẪN hoặc postgresql://…");
  serve->add_option("--listen", listen, "HOST:CỔNG để lắng nghe (cổng 0: tự chọn)");
  serve->add_option("--public-base-url", public_base_url,
                    "Địa chỉ công khai của Egov, đầu mọi URL tuyệt đối nó in ra hoặc gửi đi "
                    "(mặc định: http://HOST:CỔNG đang lắng nghe)");
  serve->add_option("--test-clock-file", config.test_clock_file,
                    "CHỈ ĐỂ KIỂM THỬ: đọc thời gian từ tệp này (một thời điểm ISO 8601); chỉ "
                    "được phép khi lắng nghe trên loopback");
  serve->add_option("--test-job-log", config.test_job_log,
                    "CHỈ ĐỂ KIỂM THỬ: thêm loại công việc nền test_echo, ghi mỗi lần chạy vào "
                    "tệp này; chỉ được phép khi lắng nghe trên loopback");
  serve->add_option("--web", web_dir, "Thư mục giao diện web đã xây dựng (mặc định web/dist)");
  auto* rate_opt = serve->add_option("--public-rate-limit", public_rate_limit,
                                     "Số yêu cầu mỗi phút mỗi địa chỉ cho /api/v1/public/* và "
                                     "đăng nhập (0: tắt)");
  serve->add_option("--threads", threads, "Số luồng I/O (mặc định: số lõi)");
  serve->add_option("--files", files_dir, "Thư mục lưu tệp đính kèm (mặc định: cạnh CSDL SQLite)");
  serve->add_option("--seal-key-file", seal_key_file,
                    "Tệp khóa mã hóa khóa con dấu của các cơ quan (mặc định: "
                    "<thư mục tệp>/keys/seal.key, tạo khi đóng dấu lần đầu)");
  serve->add_option("--exchange-keys-dir", exchange_keys_dir,
                    "Thư mục khóa ký gói tin edXML của các cơ quan (mặc định: "
                    "<thư mục tệp>/exchange/keys)");
  serve->add_option("--exchange-trusted-dir", exchange_trusted_dir,
                    "Thư mục chứng thư số tin cậy của các cơ quan gửi (mặc định: "
                    "<thư mục tệp>/exchange/trusted)");
  serve->add_option("--max-body-bytes", max_body_bytes, "Kích thước tối đa của nội dung JSON");
  serve->callback([&] {
    try {
      if (!config_file.empty()) LoadConfigFile(config_file, config);
      if (!db_url.empty()) config.db_url = db_url;
      if (!listen.empty()) config.listen = listen;
      if (!public_base_url.empty()) config.public_base_url = public_base_url;
      if (!web_dir.empty()) config.web_dir = web_dir;
      if (!files_dir.empty()) config.files_dir = files_dir;
      if (!seal_key_file.empty()) config.seal_key_file = seal_key_file;
      if (!exchange_keys_dir.empty()) config.exchange_keys_dir = exchange_keys_dir;
      if (!exchange_trusted_dir.empty()) config.exchange_trusted_dir = exchange_trusted_dir;
      if (rate_opt->count()) config.public_rate_limit = public_rate_limit;
      if (threads) config.threads = threads;
      if (max_body_bytes) config.max_body_bytes = max_body_bytes;
      Validate(config);
    } catch (const std::exception& e) {
      std::cerr << "Cấu hình không hợp lệ: " << e.what() << "\n";
      exit_code = 2;
      return;
    }
    SetUpLogging(config.log_level);
    exit_code = RunServe(config);
  });

  auto* migrate = app.add_subcommand("migrate", "Tạo hoặc nâng cấp lược đồ cơ sở dữ liệu");
  std::string migrate_db = "sqlite:var/egov.db";
  migrate->add_option("--db", migrate_db, "Cơ sở dữ liệu")->capture_default_str();
  migrate->callback([&] {
    SetUpLogging("warn");
    exit_code = RunMigrate(migrate_db);
  });

  AddCalendarCommand(app, exit_code);
  AddAccessCommands(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const Error& e) {
    std::cerr << e.message();
    for (const auto& [field, message] : e.fields()) std::cerr << "\n  " << field << ": " << message;
    std::cerr << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << (store::IsDatabaseError(e) ? "Lỗi cơ sở dữ liệu: " : "Lỗi: ") << e.what() << "\n";
    return 1;
  }
  return exit_code;
}

}  // namespace egov::app
