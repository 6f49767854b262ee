#include "parallel.hpp"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

#include <fmt/format.h>

namespace attune::cli {

Progress::Progress(std::size_t total, bool enabled, std::string verb)
    : total_(total), enabled_(enabled && total > 1), verb_(std::move(verb)), start_(std::chrono::steady_clock::now()) {}

void Progress::done_one() {
  const std::size_t done = ++done_;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  if (done != total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  fmt::print(stderr, "\r{} {}/{} settings · {:.1f} s · {:.1f}/s   ", verb_, done, total_, seconds,
             seconds > 0 ? static_cast<double>(done) / seconds : 0.0);
  std::fflush(stderr);
}

void Progress::finish() {
  if (enabled_) fmt::print(stderr, "\n");
}

unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

void for_each_parallel(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work,
                       Progress* progress) {
  const std::size_t threads = std::min<std::size_t>(count, jobs == 0 ? default_jobs() : jobs);
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
      if (progress != nullptr) progress->done_one();
    }
  };
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& th : pool) th.join();
  }
  if (progress != nullptr) progress->finish();
  if (failure) std::rethrow_exception(failure);  // an internal error: main maps it to exit 3
}

}  // namespace attune::cli
