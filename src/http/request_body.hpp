// The body of a request as Beast reads it: in memory (JSON, forms), or — for routes that
// take uploads — streamed into an anonymous spool file, so a 20 MiB scan never sits in the
// heap. The spool file has no name (O_TMPFILE, else unlinked at once): it disappears with
// the request, even when the process dies. Handlers see either kind through view().
#pragma once

#include <atomic>
#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace egov::http {

struct RequestBody {
  class value_type {
   public:
    value_type() = default;
    value_type(value_type&& other) noexcept;
    value_type& operator=(value_type&& other) noexcept;
    value_type(const value_type&) = delete;
    value_type& operator=(const value_type&) = delete;
    ~value_type();

    // Before any byte is read: stream this body to a fresh anonymous file in `dir`. Returns
    // false with the reason in *error when no file can be made there. `open_spools`, when
    // given, counts the spooled bodies alive: incremented here, decremented when this body
    // goes (the server bounds concurrent uploads with it).
    bool SpoolTo(const std::string& dir, std::string* error,
                 std::atomic<int>* open_spools = nullptr);
    bool spooled() const { return fd_ >= 0; }
    std::uint64_t size() const { return spooled() ? spooled_bytes_ : text_.size(); }
    // The whole body. A spooled body is mapped read-only on first use (throws
    // std::runtime_error when it cannot be).
    std::string_view view() const;

    // Appends bytes (to memory or to the file). False with errno set when the file write fails.
    bool Append(const char* data, std::size_t size);
    void Reserve(std::uint64_t size);

   private:
    void Release() noexcept;

    std::string text_;
    int fd_ = -1;
    std::uint64_t spooled_bytes_ = 0;
    mutable void* map_ = nullptr;
    std::atomic<int>* open_spools_ = nullptr;
  };

  static std::uint64_t size(const value_type& body) { return body.size(); }

  class reader {
   public:
    template <bool isRequest, class Fields>
    explicit reader(boost::beast::http::header<isRequest, Fields>&, value_type& body)
        : body_(body) {}

    void init(const boost::optional<std::uint64_t>& length, boost::beast::error_code& ec) {
      if (length) body_.Reserve(*length);
      ec = {};
    }

    template <class ConstBufferSequence>
    std::size_t put(const ConstBufferSequence& buffers, boost::beast::error_code& ec) {
      std::size_t written = 0;
      for (auto b : boost::beast::buffers_range_ref(buffers)) {
        if (!body_.Append(static_cast<const char*>(b.data()), b.size())) {
          ec.assign(errno, boost::system::system_category());
          return written;
        }
        written += b.size();
      }
      ec = {};
      return written;
    }

    void finish(boost::beast::error_code& ec) { ec = {}; }

   private:
    value_type& body_;
  };
};

}  // namespace egov::http
