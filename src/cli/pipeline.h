// The check pipeline: read -> analyze -> report, streamed and parallel.
//
// One reader thread turns the inputs into conversations and pushes them, in
// batches of at most 64 conversations or 1 MB of text, into a queue of four
// batches; a oneTBB parallel_pipeline analyzes them on `jobs` threads (one
// Analyzer per thread), renders each result's report text in parallel, and
// hands results to `on_result` one at a time, in input order, so the report
// is byte-identical for any number of jobs. Memory holds at most the queue,
// the batch being read and the conversations in flight.
#ifndef TACT_CLI_PIPELINE_H_
#define TACT_CLI_PIPELINE_H_

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "cli/inputs.h"
#include "input/reader.h"
#include "tact/analyzer.h"

namespace tact::cli {

struct PipelineStats {
  std::atomic<size_t> read{0};
  std::atomic<size_t> analyzed{0};
};

// `on_error` runs on the reader thread; `on_result` on one thread at a time,
// in input order. Setting *stop ends the run early (nothing more is read or
// reported).
// `keep` (may be empty) selects the conversations to analyze (--shard); the
// others are not counted. `post` (may be empty) runs on each result in the
// parallel stage (PII redaction, rendering the result's part of the report
// into `*rendered`), and `on_result` then gets that text.
void RunPipeline(
    const std::vector<Input>& inputs, const input::ReadOptions& read_options, const RuleSet& rules,
    const AnalyzeOptions& analyze_options, int jobs, std::atomic<bool>* stop,
    const std::function<bool(const Conversation&)>& keep,
    const std::function<void(const Diagnostic&)>& on_error,
    const std::function<void(ConversationResult&, std::string* rendered)>& post,
    const std::function<void(const ConversationResult&, const std::string& rendered)>& on_result,
    PipelineStats* stats);

}  // namespace tact::cli

#endif  // TACT_CLI_PIPELINE_H_
