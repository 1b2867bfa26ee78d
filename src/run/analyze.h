// The analyze stage: conversations read and analyzed, streamed and parallel.
//
// With one job, one thread does it all, conversation by conversation. With
// n > 1, the calling thread reads the inputs into batches of at most 8
// conversations or 128 KB of text, and n - 1 worker threads and the caller
// analyze them (one Analyzer per thread), run the `post` hook on each result
// (the redact and render stages) and hand results to the `result` hook one at
// a time, in input order, so the report is byte-identical for any number of
// jobs (run/batch_flow.h). Memory holds at most 2n batches in flight and the
// batch being read.
#ifndef TACT_RUN_ANALYZE_H_
#define TACT_RUN_ANALYZE_H_

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "input/reader.h"
#include "run/inputs.h"
#include "tact/analyzer.h"
#include "tact/diagnostic.h"

namespace tact::run {

struct AnalyzeCounts {
  std::atomic<size_t> read{0};      // conversations kept by `keep`
  std::atomic<size_t> analyzed{0};  // results handed to `result`
};

struct AnalyzeHooks {
  // The calling thread: whether to analyze a conversation (--shard); the
  // others are not counted. Empty: every one.
  std::function<bool(const Conversation&)> keep;
  // The calling thread: a problem with an input or a conversation.
  std::function<void(const Diagnostic&)> problem;
  // Any thread, on each result: may change it and put its part of the report
  // in *rendered. May be empty.
  std::function<void(ConversationResult&, std::string* rendered)> post;
  // One thread at a time, in input order.
  std::function<void(const ConversationResult&, const std::string& rendered)> result;
};

// Reads `inputs` and analyzes every conversation on `jobs` threads. Setting
// *stop ends the run early (nothing more is read or handed on).
void Analyze(const std::vector<Input>& inputs, const input::ReadOptions& read_options,
             const RuleSet& rules, const AnalyzeOptions& analyze_options, int jobs,
             std::atomic<bool>* stop, const AnalyzeHooks& hooks, AnalyzeCounts* counts);

}  // namespace tact::run

#endif  // TACT_RUN_ANALYZE_H_
