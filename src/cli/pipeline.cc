#include "cli/pipeline.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace tact::cli {
namespace {

struct Item {
  Conversation conversation;
  ConversationResult result;
};

// A bounded blocking queue; Close() wakes everyone and makes Push fail.
class Queue {
 public:
  explicit Queue(size_t capacity) : capacity_(capacity) {}
  bool Push(std::unique_ptr<Item> item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }
  // Null when closed and drained.
  std::unique_ptr<Item> Pop() {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return nullptr;
    auto item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::unique_ptr<Item>> items_;
  size_t capacity_;
  bool closed_ = false;
};

}  // namespace

void RunPipeline(const std::vector<Input>& inputs, const input::ReadOptions& read_options,
                 const RuleSet& rules, const AnalyzeOptions& analyze_options, int jobs,
                 std::atomic<bool>* stop, const std::function<bool(const Conversation&)>& keep,
                 const std::function<void(const Diagnostic&)>& on_error,
                 const std::function<void(ConversationResult&)>& post,
                 const std::function<void(const ConversationResult&)>& on_result,
                 PipelineStats* stats) {
  if (jobs < 1) jobs = 1;
  const size_t in_flight = static_cast<size_t>(jobs) * 4;
  Queue queue(in_flight);
  std::thread reader([&] {
    for (const auto& in : inputs) {
      if (stop->load()) break;
      input::ReadInput(
          in.path, read_options,
          [&](Conversation&& c) {
            if (keep && !keep(c)) return;
            ++stats->read;
            if (stop->load()) return;
            auto item = std::make_unique<Item>();
            item->conversation = std::move(c);
            if (!queue.Push(std::move(item))) stop->store(true);
          },
          on_error);
    }
    queue.Close();
  });
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(jobs));
  tbb::enumerable_thread_specific<std::unique_ptr<Analyzer>> analyzers(
      [&] { return std::make_unique<Analyzer>(rules, analyze_options); });
  tbb::parallel_pipeline(
      in_flight,
      tbb::make_filter<void, Item*>(tbb::filter_mode::serial_in_order,
                                    [&](tbb::flow_control& fc) -> Item* {
                                      std::unique_ptr<Item> item =
                                          stop->load() ? nullptr : queue.Pop();
                                      if (!item) {
                                        fc.stop();
                                        return nullptr;
                                      }
                                      return item.release();
                                    }) &
          tbb::make_filter<Item*, Item*>(tbb::filter_mode::parallel,
                                         [&](Item* item) {
                                           auto& analyzer = analyzers.local();
                                           item->result = analyzer->Analyze(item->conversation);
                                           if (post) post(item->result);
                                           return item;
                                         }) &
          tbb::make_filter<Item*, void>(tbb::filter_mode::serial_in_order, [&](Item* item) {
            std::unique_ptr<Item> owned(item);
            if (stop->load()) return;
            ++stats->analyzed;
            on_result(owned->result);
          }));
  queue.Close();  // unblocks the reader if the pipeline stopped early
  reader.join();
}

}  // namespace tact::cli
