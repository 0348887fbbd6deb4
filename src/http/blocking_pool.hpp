// A bounded pool for slow CPU work (Argon2id hashing, PDF rendering …) that must not run on
// the I/O threads. At most `threads` tasks run at once; at most `max_queued` wait. Beyond
// that Run() throws egov::Error(kUnavailable) at once instead of piling up memory.
#pragma once

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <type_traits>

#include "core/error.hpp"

namespace egov::http {

class BlockingPool {
 public:
  BlockingPool(unsigned threads, unsigned max_queued)
      : pool_(threads), capacity_(threads + max_queued) {}
  ~BlockingPool() { pool_.join(); }

  // Runs f() on a pool thread and resumes the caller on its own executor with the result
  // (or the exception f threw).
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F>> Run(F f) {
    using R = std::invoke_result_t<F>;
    if (in_flight_.fetch_add(1) >= capacity_) {
      in_flight_.fetch_sub(1);
      throw Error(ErrorCode::kUnavailable, "Hệ thống đang bận. Vui lòng thử lại sau giây lát.",
                  "blocking pool full");
    }
    struct Release {
      std::atomic<unsigned>& n;
      ~Release() { n.fetch_sub(1); }
    } release{in_flight_};
    // Named objects only: GCC 12 destroys temporaries inside co_await expressions twice.
    auto task = [f = std::move(f)]() mutable -> boost::asio::awaitable<R> { co_return f(); };
    R result = co_await boost::asio::co_spawn(pool_.get_executor(), std::move(task),
                                              boost::asio::use_awaitable);
    co_return result;
  }

  void Stop() { pool_.join(); }

 private:
  boost::asio::thread_pool pool_;
  unsigned capacity_;
  std::atomic<unsigned> in_flight_{0};
};

}  // namespace egov::http
