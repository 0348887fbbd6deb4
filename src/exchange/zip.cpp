// Zip of one file in memory (see zip.hpp).
#include "exchange/zip.hpp"

#include <zip.h>

#include <memory>
#include <stdexcept>

namespace egov::exchange {

namespace {

// 2000-01-01 00:00:00 UTC: any fixed instant inside the DOS date range.
constexpr time_t kFixedMtime = 946684800;

struct ArchiveClose {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
struct FileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

[[noreturn]] void Fail(const char* what, zip_error_t* error) {
  std::string message = std::string("libzip: ") + what + ": " + zip_error_strerror(error);
  zip_error_fini(error);
  throw std::runtime_error(message);
}

}  // namespace

std::string ZipOne(std::string_view name, std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceFree> out(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!out) Fail("buffer", &error);
  std::unique_ptr<zip_t, ArchiveClose> archive(
      zip_open_from_source(out.get(), ZIP_TRUNCATE, &error));
  if (!archive) Fail("open", &error);
  zip_source_keep(out.get());  // the archive's close must not free the buffer we read after
  zip_source_t* file = zip_source_buffer(archive.get(), bytes.data(), bytes.size(), 0);
  if (file == nullptr) throw std::runtime_error("libzip: source");
  const std::string entry_name(name);
  const zip_int64_t index =
      zip_file_add(archive.get(), entry_name.c_str(), file, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free(file);
    throw std::runtime_error(std::string("libzip: add: ") + zip_strerror(archive.get()));
  }
  zip_set_file_compression(archive.get(), static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
  zip_file_set_mtime(archive.get(), static_cast<zip_uint64_t>(index), kFixedMtime, 0);
  if (zip_close(archive.get()) != 0) {
    throw std::runtime_error(std::string("libzip: close: ") + zip_strerror(archive.get()));
  }
  archive.release();  // closed

  zip_source_t* src = out.get();
  if (zip_source_open(src) != 0) throw std::runtime_error("libzip: reopen");
  zip_source_seek(src, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  std::string result(static_cast<std::size_t>(size < 0 ? 0 : size), '\0');
  const zip_int64_t read = zip_source_read(src, result.data(), result.size());
  zip_source_close(src);
  if (size < 0 || read != size) throw std::runtime_error("libzip: read back");
  return result;
}

std::variant<UnzippedFile, std::string> UnzipOne(std::string_view archive, std::size_t max_bytes) {
  static constexpr const char* kDamaged = "Tệp nén zip bị hỏng.";
  if (archive.size() < 4 || archive.substr(0, 2) != "PK") {
    return std::string("Nội dung tệp đính kèm không phải tệp nén zip.");
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* raw = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  if (raw == nullptr) Fail("buffer", &error);
  zip_t* opened = zip_open_from_source(raw, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (opened == nullptr) {
    zip_source_free(raw);
    zip_error_fini(&error);
    return std::string(kDamaged);
  }
  zip_error_fini(&error);
  std::unique_ptr<zip_t, ArchiveClose> zip(opened);  // owns the source now

  zip_int64_t file_index = -1;
  const zip_int64_t entries = zip_get_num_entries(zip.get(), 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* entry = zip_get_name(zip.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (entry == nullptr) return std::string(kDamaged);
    const std::string_view entry_name(entry);
    if (!entry_name.empty() && entry_name.back() == '/') continue;  // a folder
    if (file_index >= 0) return std::string("Tệp nén zip của tệp đính kèm phải chứa đúng một tệp.");
    file_index = i;
  }
  if (file_index < 0) return std::string("Tệp nén zip của tệp đính kèm không chứa tệp nào.");
  const auto index = static_cast<zip_uint64_t>(file_index);

  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip.get(), index, 0, &stat) != 0) return std::string(kDamaged);
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    return std::string("Tệp nén zip của tệp đính kèm không được đặt mật khẩu.");
  }
  const std::string too_large = "Tệp đính kèm sau khi giải nén lớn hơn " +
                                std::to_string(max_bytes / (1024 * 1024)) + " MiB.";
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > max_bytes) return too_large;

  std::unique_ptr<zip_file_t, FileClose> file(zip_fopen_index(zip.get(), index, 0));
  if (!file) return std::string(kDamaged);
  UnzippedFile out;
  out.name = zip_get_name(zip.get(), index, ZIP_FL_ENC_GUESS);
  // Read at most max_bytes + 1: the declared size may lie.
  char buffer[64 * 1024];
  while (true) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) return std::string(kDamaged);  // includes a CRC mismatch at the end
    if (n == 0) break;
    out.bytes.append(buffer, static_cast<std::size_t>(n));
    if (out.bytes.size() > max_bytes) return too_large;
  }
  return out;
}

}  // namespace egov::exchange
