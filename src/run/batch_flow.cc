#include "run/batch_flow.h"

namespace tact::run {

BatchFlow::BatchFlow(const RuleSet& rules, const AnalyzeOptions& options, size_t threads,
                     std::atomic<bool>* stop, const AnalyzeHooks& hooks, AnalyzeCounts* counts)
    : rules_(rules),
      options_(options),
      analyzers_(threads),
      max_batches_(2 * threads),
      stop_(stop),
      hooks_(hooks),
      counts_(counts),
      garbage_(threads),
      spare_(threads) {}

BatchFlow::~BatchFlow() = default;

void BatchFlow::Submit(std::unique_ptr<FlowBatch> batch) {
  std::vector<std::unique_ptr<FlowBatch>> garbage;
  {
    std::lock_guard<std::mutex> lock(mu_);
    garbage.swap(garbage_[0]);
  }
  Recycle(&garbage, 0);
  std::unique_lock<std::mutex> lock(mu_);
  batch->seq = submitted_++;
  ++in_flight_;
  queued_.push_back(std::move(batch));
  work_.notify_one();
  HelpWhile(lock, [&] { return in_flight_ >= max_batches_; });
}

void BatchFlow::Finish() {
  std::unique_lock<std::mutex> lock(mu_);
  closed_ = true;
  work_.notify_all();
  HelpWhile(lock, [&] { return in_flight_ > 0; });
}

void BatchFlow::Close() {
  std::lock_guard<std::mutex> lock(mu_);
  closed_ = true;
  work_.notify_all();
}

void BatchFlow::Work(size_t thread) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (!garbage_[thread].empty()) {  // before sleeping: freed where it was made
      std::vector<std::unique_ptr<FlowBatch>> garbage;
      garbage.swap(garbage_[thread]);
      lock.unlock();
      Recycle(&garbage, thread);
      lock.lock();
      continue;
    }
    idle_.fetch_add(1, std::memory_order_relaxed);
    work_.wait(lock, [&] { return closed_ || !queued_.empty(); });
    idle_.fetch_sub(1, std::memory_order_relaxed);
    if (queued_.empty()) return;
    RunOne(lock, thread);
  }
}

std::exception_ptr BatchFlow::error() {
  std::lock_guard<std::mutex> lock(mu_);
  return error_;
}

template <typename Busy>
void BatchFlow::HelpWhile(std::unique_lock<std::mutex>& lock, Busy busy) {
  while (busy()) {
    if (!queued_.empty()) {
      RunOne(lock, 0);
    } else {
      room_.wait(lock);
    }
  }
}

void BatchFlow::RunOne(std::unique_lock<std::mutex>& lock, size_t thread) {
  std::unique_ptr<FlowBatch> batch = std::move(queued_.front());
  queued_.pop_front();
  std::vector<std::unique_ptr<FlowBatch>> garbage;
  garbage.swap(garbage_[thread]);
  lock.unlock();
  Recycle(&garbage, thread);
  Process(*batch, thread);
  Deposit(std::move(batch));
  lock.lock();
}

void BatchFlow::Process(FlowBatch& batch, size_t thread) {
  batch.owner = thread;
  try {
    auto& analyzer = analyzers_[thread];
    std::vector<FlowItem>& spare = spare_[thread];
    for (auto& item : batch.items) {
      if (stop_->load()) return;
      if (!analyzer) analyzer = std::make_unique<Analyzer>(rules_, options_);
      if (!spare.empty()) {  // an earlier result, refilled in place
        item.result = std::move(spare.back().result);
        item.rendered = std::move(spare.back().rendered);
        item.rendered.clear();
        spare.pop_back();
      }
      analyzer->Analyze(item.conversation, &item.result);
      if (hooks_.post) hooks_.post(item.result, &item.rendered);
    }
  } catch (...) {
    Fail(std::current_exception());
  }
}

void BatchFlow::Recycle(std::vector<std::unique_ptr<FlowBatch>>* garbage, size_t thread) {
  // Up to a batch's worth of results is kept for this thread's next batch
  // (a result refilled in place allocates next to nothing); the rest, and
  // the conversations, are freed here, where the results were made.
  std::vector<FlowItem>& spare = spare_[thread];
  for (auto& batch : *garbage) {
    for (auto& item : batch->items) {
      if (spare.size() >= kSpareResults) break;
      spare.push_back(FlowItem{{}, std::move(item.result), std::move(item.rendered)});
    }
  }
  garbage->clear();
}

void BatchFlow::Deposit(std::unique_ptr<FlowBatch> batch) {
  std::unique_lock<std::mutex> lock(mu_);
  done_.emplace(batch->seq, std::move(batch));
  if (handing_on_) return;  // that thread takes this batch too when its turn comes
  handing_on_ = true;
  for (auto it = done_.find(handed_); it != done_.end(); it = done_.find(handed_)) {
    std::unique_ptr<FlowBatch> next = std::move(it->second);
    done_.erase(it);
    lock.unlock();
    HandOn(*next);
    lock.lock();
    ++handed_;
    --in_flight_;
    room_.notify_all();
    garbage_[next->owner].push_back(std::move(next));
  }
  handing_on_ = false;
}

void BatchFlow::HandOn(const FlowBatch& batch) {
  try {
    for (const auto& item : batch.items) {
      if (stop_->load()) return;
      ++counts_->analyzed;
      hooks_.result(item.result, item.rendered);
    }
  } catch (...) {
    Fail(std::current_exception());
  }
}

void BatchFlow::Fail(std::exception_ptr e) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!error_) error_ = e;
  stop_->store(true);
}

}  // namespace tact::run
