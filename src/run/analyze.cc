#include "run/analyze.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace tact::run {
namespace {

// A conversation's result and its part of the report.
struct Analysis {
  ConversationResult result;
  std::string rendered;
};

// The analyses of conversations already handed on, kept for the next ones:
// a result refilled in place allocates next to nothing (Analyzer::Analyze).
// The analysis stage takes one, the in-order stage gives it back, so the
// pool holds about as many as are in flight.
class AnalysisPool {
 public:
  std::unique_ptr<Analysis> Take() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        std::unique_ptr<Analysis> a = std::move(free_.back());
        free_.pop_back();
        return a;
      }
    }
    return std::make_unique<Analysis>();
  }
  void Give(std::unique_ptr<Analysis> a) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(a));
  }

 private:
  std::mutex mu_;
  std::vector<std::unique_ptr<Analysis>> free_;
};

struct Item {
  Conversation conversation;
  std::unique_ptr<Analysis> analysis;  // from the pool, in the pipeline only
};

// Conversations travel from the reader to the pipeline in batches (up to
// kBatchItems conversations or kBatchBytes of text, or fewer when the
// pipeline is waiting), so the threads meet once per batch, not once per
// conversation: each meeting can cost a futex system call.
constexpr size_t kBatchItems = 64;
constexpr size_t kBatchBytes = 1 << 20;
using Batch = std::vector<std::unique_ptr<Item>>;

// A bounded blocking queue of batches; Close() wakes everyone and makes Push fail.
class Queue {
 public:
  explicit Queue(size_t capacity) : capacity_(capacity) {}
  bool Push(Batch batch) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || batches_.size() < capacity_; });
    if (closed_) return false;
    batches_.push_back(std::move(batch));
    if (waiting_ > 0) not_empty_.notify_one();
    return true;
  }
  // Empty when closed and drained.
  Batch Pop() {
    std::unique_lock<std::mutex> lock(mu_);
    ++waiting_;
    hungry_.store(true, std::memory_order_relaxed);
    not_empty_.wait(lock, [&] { return closed_ || !batches_.empty(); });
    --waiting_;
    hungry_.store(false, std::memory_order_relaxed);
    if (batches_.empty()) return {};
    Batch batch = std::move(batches_.front());
    batches_.pop_front();
    not_full_.notify_one();
    return batch;
  }
  // True while the consumer waits for a batch (the reader should not hold one back).
  bool hungry() const { return hungry_.load(std::memory_order_relaxed); }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Batch> batches_;
  size_t capacity_;
  int waiting_ = 0;
  std::atomic<bool> hungry_{false};
  bool closed_ = false;
};

size_t TextBytes(const Conversation& c) {
  size_t n = 0;
  for (const auto& t : c.turns) n += t.text.size();
  return n;
}

}  // namespace

namespace {

// Reads the inputs in turn until *stop and hands each conversation that
// `keep` takes (counted as read) to `take`; `input_done` runs after each input.
void ForEachKept(const std::vector<Input>& inputs, const input::ReadOptions& read_options,
                 std::atomic<bool>* stop, const AnalyzeHooks& hooks, AnalyzeCounts* counts,
                 const std::function<void(Conversation&&)>& take,
                 const std::function<void()>& input_done) {
  for (const auto& in : inputs) {
    if (stop->load()) break;
    input::ReadInput(
        in.path, read_options,
        [&](Conversation&& c) {
          if (hooks.keep && !hooks.keep(c)) return;
          ++counts->read;
          if (stop->load()) return;
          take(std::move(c));
        },
        hooks.problem);
    input_done();
  }
}

// The reader's side: inputs to batches of conversations on the queue.
void Read(Queue* queue_ptr, const std::vector<Input>& inputs,
          const input::ReadOptions& read_options, std::atomic<bool>* stop,
          const AnalyzeHooks& hooks, AnalyzeCounts* counts) {
  Queue& queue = *queue_ptr;
  Batch batch;
  size_t bytes = 0;
  auto send = [&] {
    if (batch.empty()) return;
    if (!queue.Push(std::move(batch))) stop->store(true);
    batch.clear();
    bytes = 0;
  };
  ForEachKept(
      inputs, read_options, stop, hooks, counts,
      [&](Conversation&& c) {
        auto item = std::make_unique<Item>();
        item->conversation = std::move(c);
        bytes += TextBytes(item->conversation);
        batch.push_back(std::move(item));
        if (batch.size() >= kBatchItems || bytes >= kBatchBytes || queue.hungry()) send();
      },
      send);  // an input's last conversations do not wait for the next input
  send();
}

// The pipeline's side: analysis on `jobs` threads, results in input order.
void RunStages(Queue* queue_ptr, const RuleSet& rules, const AnalyzeOptions& analyze_options,
               int jobs, size_t in_flight, std::atomic<bool>* stop, const AnalyzeHooks& hooks,
               AnalyzeCounts* counts) {
  Queue& queue = *queue_ptr;
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(jobs));
  tbb::enumerable_thread_specific<std::unique_ptr<Analyzer>> analyzers(
      [&] { return std::make_unique<Analyzer>(rules, analyze_options); });
  AnalysisPool pool;
  Batch current;  // the batch the pipeline's input stage is taking items from
  size_t next = 0;
  tbb::parallel_pipeline(
      in_flight,
      tbb::make_filter<void, Item*>(tbb::filter_mode::serial_in_order,
                                    [&](tbb::flow_control& fc) -> Item* {
                                      // Serial: only one call at a time touches `current`.
                                      if (next >= current.size() && !stop->load()) {
                                        current = queue.Pop();
                                        next = 0;
                                      }
                                      if (stop->load() || next >= current.size()) {
                                        fc.stop();
                                        return nullptr;
                                      }
                                      return current[next++].release();
                                    }) &
          tbb::make_filter<Item*, Item*>(tbb::filter_mode::parallel,
                                         [&](Item* item) {
                                           auto& analyzer = analyzers.local();
                                           item->analysis = pool.Take();
                                           Analysis& a = *item->analysis;
                                           analyzer->Analyze(item->conversation, &a.result);
                                           a.rendered.clear();
                                           if (hooks.post) hooks.post(a.result, &a.rendered);
                                           return item;
                                         }) &
          tbb::make_filter<Item*, void>(tbb::filter_mode::serial_in_order, [&](Item* item) {
            std::unique_ptr<Item> owned(item);
            if (stop->load()) return;
            ++counts->analyzed;
            hooks.result(owned->analysis->result, owned->analysis->rendered);
            pool.Give(std::move(owned->analysis));
          }));
}

// -j1: one thread reads, analyzes and hands on each conversation in turn (no
// reader thread, no queue, no pipeline), so one job is one core.
void AnalyzeInline(const std::vector<Input>& inputs, const input::ReadOptions& read_options,
                   const RuleSet& rules, const AnalyzeOptions& analyze_options,
                   std::atomic<bool>* stop, const AnalyzeHooks& hooks, AnalyzeCounts* counts) {
  Analyzer analyzer(rules, analyze_options);
  Analysis a;  // the previous conversation's, its memory reused
  ForEachKept(
      inputs, read_options, stop, hooks, counts,
      [&](Conversation&& c) {
        analyzer.Analyze(c, &a.result);
        a.rendered.clear();
        if (hooks.post) hooks.post(a.result, &a.rendered);
        if (stop->load()) return;
        ++counts->analyzed;
        hooks.result(a.result, a.rendered);
      },
      [] {});
}

}  // namespace

void Analyze(const std::vector<Input>& inputs, const input::ReadOptions& read_options,
             const RuleSet& rules, const AnalyzeOptions& analyze_options, int jobs,
             std::atomic<bool>* stop, const AnalyzeHooks& hooks, AnalyzeCounts* counts) {
  if (jobs <= 1) {
    AnalyzeInline(inputs, read_options, rules, analyze_options, stop, hooks, counts);
    return;
  }
  const size_t in_flight = static_cast<size_t>(jobs) * 4;
  Queue queue(4);
  // Out of memory (or any exception) in the reader is carried to the
  // caller, like one thrown in the pipeline's stages.
  std::exception_ptr reader_error;
  std::thread reader([&] {
    try {
      Read(&queue, inputs, read_options, stop, hooks, counts);
    } catch (...) {
      reader_error = std::current_exception();
      stop->store(true);
    }
    queue.Close();
  });
  // A pipeline that throws must not leave the reader running (a joinable
  // std::thread destroyed during unwinding ends the process).
  struct Joiner {
    Queue& queue;
    std::thread& thread;
    std::atomic<bool>* stop;
    ~Joiner() {
      if (!thread.joinable()) return;
      stop->store(true);
      queue.Close();
      thread.join();
    }
  } joiner{queue, reader, stop};
  RunStages(&queue, rules, analyze_options, jobs, in_flight, stop, hooks, counts);
  queue.Close();  // unblocks the reader if the pipeline stopped early
  reader.join();
  if (reader_error) std::rethrow_exception(reader_error);
}

}  // namespace tact::run
