// Spool files of request bodies (see request_body.hpp).
#include "http/request_body.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

#include <spdlog/spdlog.h>

namespace egov::http {

RequestBody::value_type::value_type(value_type&& other) noexcept
    : text_(std::move(other.text_)),
      fd_(std::exchange(other.fd_, -1)),
      spooled_bytes_(std::exchange(other.spooled_bytes_, 0)),
      map_(std::exchange(other.map_, nullptr)),
      open_spools_(std::exchange(other.open_spools_, nullptr)) {}

RequestBody::value_type& RequestBody::value_type::operator=(value_type&& other) noexcept {
  if (this != &other) {
    Release();
    text_ = std::move(other.text_);
    fd_ = std::exchange(other.fd_, -1);
    spooled_bytes_ = std::exchange(other.spooled_bytes_, 0);
    map_ = std::exchange(other.map_, nullptr);
    open_spools_ = std::exchange(other.open_spools_, nullptr);
  }
  return *this;
}

RequestBody::value_type::~value_type() { Release(); }

void RequestBody::value_type::Release() noexcept {
  if (map_) ::munmap(map_, spooled_bytes_);
  map_ = nullptr;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  spooled_bytes_ = 0;
  if (open_spools_) open_spools_->fetch_sub(1);
  open_spools_ = nullptr;
}

bool RequestBody::value_type::SpoolTo(const std::string& dir, std::string* error,
                                      std::atomic<int>* open_spools) {
  Release();
  text_.clear();
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
    // File systems without O_TMPFILE: a named file, unlinked before any byte is written.
    std::string pattern = dir + "/egov-upload-XXXXXX";
    fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd >= 0) ::unlink(pattern.c_str());
  }
  if (fd < 0) {
    if (error) *error = dir + ": " + std::strerror(errno);
    return false;
  }
  fd_ = fd;
  open_spools_ = open_spools;
  if (open_spools_) open_spools_->fetch_add(1);
  return true;
}

void RequestBody::value_type::Reserve(std::uint64_t size) {
  if (!spooled() && size <= text_.max_size()) text_.reserve(static_cast<std::size_t>(size));
}

bool RequestBody::value_type::Append(const char* data, std::size_t size) {
  if (!spooled()) {
    text_.append(data, size);
    return true;
  }
  if (map_) {  // never the case while reading; keep the mapping consistent anyway
    ::munmap(map_, spooled_bytes_);
    map_ = nullptr;
  }
  while (size > 0) {
    ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      spdlog::error("cannot write a spooled request body: {}", std::strerror(errno));
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
    spooled_bytes_ += static_cast<std::uint64_t>(n);
  }
  return true;
}

std::string_view RequestBody::value_type::view() const {
  if (!spooled()) return text_;
  if (spooled_bytes_ == 0) return {};
  if (!map_) {
    void* map = ::mmap(nullptr, spooled_bytes_, PROT_READ, MAP_PRIVATE, fd_, 0);
    if (map == MAP_FAILED) {
      throw std::runtime_error(std::string("cannot map a spooled request body: ") +
                               std::strerror(errno));
    }
    map_ = map;
  }
  return {static_cast<const char*>(map_), static_cast<std::size_t>(spooled_bytes_)};
}

}  // namespace egov::http
