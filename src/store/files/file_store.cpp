// Content-addressed file storage and type sniffing (see file_store.hpp).
#include "store/files/file_store.hpp"

#include <fcntl.h>
#include <magic.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace egov::store {

FileStore::FileStore(std::filesystem::path root) : root_(std::move(root)) {}

std::filesystem::path FileStore::PathOf(const std::string& sha256) const {
  if (sha256.size() != 64 || sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
    throw std::invalid_argument("not a sha256: " + sha256);
  }
  return root_ / sha256.substr(0, 2) / sha256.substr(2, 2) / sha256;
}

void FileStore::Put(const std::string& sha256, std::string_view bytes) {
  const auto path = PathOf(sha256);
  if (std::filesystem::exists(path)) return;
  std::filesystem::create_directories(path.parent_path());
  static std::atomic<unsigned> counter{0};
  const auto temp = path.parent_path() / (sha256 + ".tmp." + std::to_string(::getpid()) + "." +
                                          std::to_string(counter.fetch_add(1)));
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0640);
  if (fd < 0) throw std::runtime_error("cannot create " + temp.string());
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      ::close(fd);
      std::filesystem::remove(temp);
      throw std::runtime_error("cannot write " + temp.string());
    }
    written += static_cast<size_t>(n);
  }
  ::fsync(fd);
  ::close(fd);
  std::filesystem::rename(temp, path);
}

std::optional<std::string> FileStore::Get(const std::string& sha256) const {
  std::ifstream in(PathOf(sha256), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string SniffMimeType(std::string_view bytes) {
  // A magic_t is not thread-safe: one per thread, loaded once.
  thread_local struct Magic {
    magic_t handle = magic_open(MAGIC_MIME_TYPE);
    Magic() {
      if (!handle || magic_load(handle, nullptr) != 0) {
        throw std::runtime_error("libmagic could not load its database");
      }
    }
    ~Magic() {
      if (handle) magic_close(handle);
    }
  } magic;
  const char* type = magic_buffer(magic.handle, bytes.data(), bytes.size());
  return type ? type : "application/octet-stream";
}

}  // namespace egov::store
