#include "run/progress.h"

#include <cstdio>

#include <fmt/format.h>

#include "common/interrupt.h"

namespace tact::run {

void Progress::Tick(uint64_t conversations) {
  if (!on_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double mb = static_cast<double>(bytes_.load()) / 1e6;
  double rate = secs > 0 ? mb / secs : 0;
  std::string eta = "";
  if (total_ > 0 && rate > 0) {
    double left = (static_cast<double>(total_) / 1e6 - mb) / rate;
    if (left > 0) eta = fmt::format(", ETA {:.0f} s", left);
  }
  fprintf(stderr, "\r\x1b[K%llu conversation(s), %.1f MB, %.1f MB/s%s",
          static_cast<unsigned long long>(conversations), mb, rate, eta.c_str());
  fflush(stderr);
}

void Progress::Done() {
  if (on_) fprintf(stderr, "\r\x1b[K");
}

InterruptWatcher::InterruptWatcher(std::atomic<bool>* stop) : stop_(stop) {
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_->load() && !done_) {
      if (Interrupted()) stop_->store(true);
      cv_.wait_for(lock, std::chrono::milliseconds(20), [&] { return done_; });
    }
  });
}

InterruptWatcher::~InterruptWatcher() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace tact::run
