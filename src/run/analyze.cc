#include "run/analyze.h"

#include <memory>
#include <thread>

#include "run/batch_flow.h"

namespace tact::run {
namespace {

// Conversations travel between threads in batches (up to kBatchItems
// conversations or kBatchBytes of text, or fewer when a thread is waiting),
// so the threads meet once per batch, not once per conversation: each
// meeting can cost a futex system call.
constexpr size_t kBatchItems = 8;
constexpr size_t kBatchBytes = 128 << 10;

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

// Thread 0's reading: the inputs in batches, submitted to `flow`.
void Read(BatchFlow* flow, const std::vector<Input>& inputs, const input::ReadOptions& read_options,
          std::atomic<bool>* stop, const AnalyzeHooks& hooks, AnalyzeCounts* counts) {
  auto batch = std::make_unique<FlowBatch>();
  size_t bytes = 0;
  auto send = [&] {
    if (batch->items.empty()) return;
    flow->Submit(std::move(batch));
    batch = std::make_unique<FlowBatch>();
    bytes = 0;
  };
  ForEachKept(
      inputs, read_options, stop, hooks, counts,
      [&](Conversation&& c) {
        if (batch->items.empty()) batch->items.reserve(kBatchItems);
        bytes += TextBytes(c);
        batch->items.push_back(FlowItem{std::move(c), {}, {}});
        if (batch->items.size() >= kBatchItems || bytes >= kBatchBytes || flow->hungry()) send();
      },
      send);  // an input's last conversations do not wait for the next input
  send();
}

// -j1: one thread reads, analyzes and hands on each conversation in turn (no
// reader thread, no queue, no pipeline), so one job is one core.
void AnalyzeInline(const std::vector<Input>& inputs, const input::ReadOptions& read_options,
                   const RuleSet& rules, const AnalyzeOptions& analyze_options,
                   std::atomic<bool>* stop, const AnalyzeHooks& hooks, AnalyzeCounts* counts) {
  Analyzer analyzer(rules, analyze_options);
  ConversationResult result;  // the previous conversation's, its memory reused
  std::string rendered;
  ForEachKept(
      inputs, read_options, stop, hooks, counts,
      [&](Conversation&& c) {
        analyzer.Analyze(c, &result);
        rendered.clear();
        if (hooks.post) hooks.post(result, &rendered);
        if (stop->load()) return;
        ++counts->analyzed;
        hooks.result(result, rendered);
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
  const auto threads = static_cast<size_t>(jobs);
  BatchFlow flow(rules, analyze_options, threads, stop, hooks, counts);
  std::vector<std::thread> workers;
  // An error on this thread must not leave a worker running (a joinable
  // std::thread destroyed during unwinding ends the process).
  struct Joiner {
    BatchFlow& flow;
    std::vector<std::thread>& workers;
    std::atomic<bool>* stop;
    ~Joiner() {
      if (workers.empty()) return;
      stop->store(true);
      flow.Close();
      for (auto& w : workers) w.join();
    }
  } joiner{flow, workers, stop};
  for (size_t k = 1; k < threads; ++k) workers.emplace_back([&flow, k] { flow.Work(k); });
  Read(&flow, inputs, read_options, stop, hooks, counts);
  flow.Finish();
  for (auto& w : workers) w.join();
  workers.clear();
  if (std::exception_ptr e = flow.error()) std::rethrow_exception(e);
}

}  // namespace tact::run
