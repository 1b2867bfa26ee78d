// What a run shows while it runs, and how it notices a signal: a progress
// line on stderr (at most ten updates a second, with an ETA when the input
// size is known), and a watcher thread that turns SIGINT/SIGTERM into the
// run's stop flag within 20 ms.
#ifndef TACT_RUN_PROGRESS_H_
#define TACT_RUN_PROGRESS_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace tact::run {

class Progress {
 public:
  Progress(bool on, uint64_t total_bytes)
      : on_(on), total_(total_bytes), start_(std::chrono::steady_clock::now()) {}
  void Bytes(uint64_t n) { bytes_ += n; }  // any thread
  void Tick(uint64_t conversations);       // one thread at a time
  void Done();                             // clears the line

 private:
  bool on_;
  uint64_t total_;
  std::atomic<uint64_t> bytes_{0};
  std::chrono::steady_clock::time_point start_, last_{};
};

// Sets *stop when the process is interrupted, until destroyed (also during
// unwinding: a joinable std::thread destroyed then would end the process).
class InterruptWatcher {
 public:
  explicit InterruptWatcher(std::atomic<bool>* stop);
  ~InterruptWatcher();
  InterruptWatcher(const InterruptWatcher&) = delete;
  InterruptWatcher& operator=(const InterruptWatcher&) = delete;

 private:
  std::atomic<bool>* stop_;
  bool done_ = false;
  std::mutex mu_;
  std::condition_variable cv_;  // wakes the watcher as soon as the run ends
  std::thread thread_;
};

}  // namespace tact::run

#endif  // TACT_RUN_PROGRESS_H_
