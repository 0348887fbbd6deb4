// The demo's exchange keys (see demo_exchange.hpp).
#include "service/demo/demo_exchange.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "exchange/signing_key.hpp"
#include "service/document/context.hpp"
#include "store/access/agencies.hpp"

namespace egov::service::demo {

namespace {

namespace fs = std::filesystem;

// Writes `text` to `path` through a temporary file renamed into place, with `mode`.
void WriteFile(const fs::path& path, const std::string& text, mode_t mode) {
  const fs::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) throw std::runtime_error("cannot write " + tmp.string());
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) {
      ::close(fd);
      throw std::runtime_error("cannot write " + tmp.string());
    }
    done += static_cast<std::size_t>(n);
  }
  ::fsync(fd);
  ::close(fd);
  fs::rename(tmp, path);
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// An exclusive advisory lock on a file, released when destroyed.
class FileLock {
 public:
  explicit FileLock(const fs::path& path)
      : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) {
      if (fd_ >= 0) ::close(fd_);
      throw std::runtime_error("cannot lock " + path.string());
    }
  }
  ~FileLock() {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

}  // namespace

ExchangeKeysResult ProvisionDemoExchangeKeys(store::Database& db, const fs::path& keys_dir,
                                             const fs::path& trusted_dir) {
  std::vector<core::access::Agency> agencies;
  {
    store::Session s(db);
    for (auto& a : store::access::ListAgencySubtree(s, "/")) {
      if (document::IsDocumentAgency(a)) agencies.push_back(std::move(a));
    }
  }
  fs::create_directories(keys_dir);
  fs::permissions(keys_dir, fs::perms::owner_all, fs::perm_options::replace);
  fs::create_directories(trusted_dir);
  FileLock lock(keys_dir / ".demo.lock");
  ExchangeKeysResult result;
  for (const auto& a : agencies) {
    const fs::path key = keys_dir / (a.code + ".key.pem");
    const fs::path cert = keys_dir / (a.code + ".cert.pem");
    const fs::path pin = trusted_dir / (a.code + ".pem");
    if (fs::exists(key) && fs::exists(cert)) {
      if (!fs::exists(pin)) WriteFile(pin, ReadFile(cert), 0644);
      ++result.kept;
      continue;
    }
    auto made = exchange::GenerateSelfSigned(a.name + " (" + a.code + ")", a.name);
    WriteFile(pin, made.certificate_pem(), 0644);
    WriteFile(cert, made.certificate_pem(), 0644);
    WriteFile(key, made.private_key_pem(), 0600);  // last: a key is never without its certificate
    ++result.created;
  }
  return result;
}

}  // namespace egov::service::demo
