// The parallel analyze stage's meeting point: batches of conversations in,
// results handed on in input order.
//
// Thread 0 (the caller, which also reads) submits batches; it and the workers
// (threads 1..n-1, each in Work()) take them, analyze and render each
// conversation with the thread's own Analyzer and the `post` hook, and
// deposit the batch; whichever thread deposits the batch that is next in
// input order hands batches to the `result` hook, one thread at a time, in
// order. At most 2n batches are in flight: past that, thread 0 analyzes
// queued batches itself instead of reading on, so n threads do all the work
// (no reader thread beside them) and none waits while there is some. A batch
// is freed by the thread that analyzed it, at that thread's next batch, so
// results are freed where they were allocated; a few of its results are
// kept and refilled in place for that thread's next conversations.
//
// The first exception of any thread sets *stop and is kept for error().
#ifndef TACT_RUN_BATCH_FLOW_H_
#define TACT_RUN_BATCH_FLOW_H_

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "run/analyze.h"

namespace tact::run {

struct FlowItem {
  Conversation conversation;
  ConversationResult result;
  std::string rendered;
};

struct FlowBatch {
  size_t seq = 0;    // its place in the input (set by Submit)
  size_t owner = 0;  // the thread that analyzed it
  std::vector<FlowItem> items;
};

class BatchFlow {
 public:
  BatchFlow(const RuleSet& rules, const AnalyzeOptions& options, size_t threads,
            std::atomic<bool>* stop, const AnalyzeHooks& hooks, AnalyzeCounts* counts);
  ~BatchFlow();

  // Thread 0: queues `batch`; then, while too many batches are in flight,
  // analyzes queued ones (or waits for one to be handed on).
  void Submit(std::unique_ptr<FlowBatch> batch);
  // Thread 0, after the last Submit(): helps until every batch is handed on.
  void Finish();
  // Any thread: ends Work() once the queue is drained, without waiting for
  // the batches in flight (for an error on thread 0).
  void Close();
  // Thread `thread` (1..n-1): takes queued batches until closed and drained.
  void Work(size_t thread);
  // True while a worker waits for a batch (the reader should not hold one back).
  bool hungry() const { return idle_.load(std::memory_order_relaxed) > 0; }
  // The first exception of any thread, or null.
  std::exception_ptr error();

 private:
  template <typename Busy>
  void HelpWhile(std::unique_lock<std::mutex>& lock, Busy busy);
  void RunOne(std::unique_lock<std::mutex>& lock, size_t thread);
  void Process(FlowBatch& batch, size_t thread);
  void Recycle(std::vector<std::unique_ptr<FlowBatch>>* garbage, size_t thread);
  void Deposit(std::unique_ptr<FlowBatch> batch);
  void HandOn(const FlowBatch& batch);
  void Fail(std::exception_ptr e);

  const RuleSet& rules_;
  const AnalyzeOptions& options_;
  std::vector<std::unique_ptr<Analyzer>> analyzers_;  // by thread, made on first use
  const size_t max_batches_;
  std::atomic<bool>* stop_;
  const AnalyzeHooks& hooks_;
  AnalyzeCounts* counts_;
  std::atomic<int> idle_{0};

  std::mutex mu_;                 // guards everything below
  std::condition_variable work_;  // a batch was queued, or the flow closed
  std::condition_variable room_;  // a batch was handed on
  std::deque<std::unique_ptr<FlowBatch>> queued_;
  std::map<size_t, std::unique_ptr<FlowBatch>> done_;  // analyzed, waiting for their turn
  std::vector<std::vector<std::unique_ptr<FlowBatch>>> garbage_;  // handed on, by owner
  // By thread, touched only by it: results kept to be refilled (Recycle()).
  static constexpr size_t kSpareResults = 8;
  std::vector<std::vector<FlowItem>> spare_;
  size_t submitted_ = 0, handed_ = 0, in_flight_ = 0;
  bool closed_ = false, handing_on_ = false;
  std::exception_ptr error_;
};

}  // namespace tact::run

#endif  // TACT_RUN_BATCH_FLOW_H_
