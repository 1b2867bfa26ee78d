#include "run/run.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "common/interrupt.h"
#include "run/aggregate.h"
#include "run/analyze.h"
#include "run/gate.h"
#include "run/log.h"
#include "run/progress.h"
#include "run/read.h"
#include "run/redact.h"
#include "run/render.h"

namespace tact::run {
namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

void PrintTimings(const RunConfig& c, const summary::RunTotals& totals,
                  const AggregateStage& aggregate, const ReadStage& read, double run_ms,
                  double end_ms) {
  std::string langs;
  for (const auto& [lang, n] : aggregate.languages())
    langs += (langs.empty() ? "" : ", ") + lang + " " + std::to_string(n);
  fprintf(stderr,
          "tact: %zu conversation(s) read, %zu analyzed, %zu skipped; languages: %s\n"
          "tact: rules loaded in %.0f ms; read and analyzed in %.2f s (%.1f MB/s, -j%d, packs "
          "compiled on first use); report finished in %.0f ms\n",
          totals.read, totals.analyzed, totals.skipped, langs.empty() ? "none" : langs.c_str(),
          c.rules_load_ms, run_ms / 1000,
          run_ms > 0 ? read.total_bytes() / 1e6 / (run_ms / 1000) : 0.0, c.jobs, end_ms);
}

// The analyze stage with the others plugged in where their work happens.
void ReadAndAnalyze(const RunConfig& c, const ReadStage& read, const RedactStage& redact,
                    RenderStage* render, AggregateStage* aggregate, RunLog* log, Progress* progress,
                    std::atomic<bool>* stop, AnalyzeCounts* counts) {
  input::ReadOptions ro = c.read;
  ro.progress = [progress](uint64_t n) { progress->Bytes(n); };
  AnalyzeHooks hooks;
  hooks.keep = [&](const Conversation& conv) { return read.Keep(conv, aggregate); };
  hooks.problem = [log](const Diagnostic& d) { log->Problem(d); };
  hooks.post = [&](ConversationResult& r, std::string* rendered) {
    redact.Result(&r);
    render->Render(r, rendered);  // const: any thread
  };
  hooks.result = [&](const ConversationResult& r, const std::string& rendered) {
    log->OtherLanguage(r);
    aggregate->Add(r);
    render->Emit(r, rendered);
    progress->Tick(counts->analyzed + 1);
  };
  Analyze(read.inputs(), ro, *c.rules, c.analyze, c.jobs, stop, hooks, counts);
}

}  // namespace

int Run(const RunConfig& c) {
  InstallInterruptHandlers();  // first: a signal must never leave a temporary file behind
  std::atomic<bool> stop{false};
  const RedactStage redact(c.redactor.get(), c.writer.summary);
  RunLog log(c.shard, redact, c.quiet, c.strict, &stop);
  RenderStage render;
  {
    std::string err;
    if (!render.Open(c, &err)) {
      fprintf(stderr, "tact: error: --output: %s\n", err.c_str());
      return kExitUsage;
    }
  }
  AggregateStage aggregate(c.group_by, c.worst, redact);
  const ReadStage read(c, &log);
  summary::RunTotals& totals = log.totals();
  totals.inputs = read.owned_inputs();
  if (c.verbose) read.Announce(redact);

  const Clock::time_point t_run = Clock::now();
  Progress progress(c.progress && !c.quiet, read.total_bytes());
  AnalyzeCounts counts;
  {
    InterruptWatcher watcher(&stop);
    ReadAndAnalyze(c, read, redact, &render, &aggregate, &log, &progress, &stop, &counts);
  }
  progress.Done();
  const double run_ms = MsSince(t_run);
  totals.read = counts.read;
  totals.analyzed = counts.analyzed;
  if (Interrupted()) {
    render.Interrupt(totals);
    fprintf(stderr, "tact: interrupted; %zu conversation(s) reported\n", totals.analyzed);
    return kExitInterrupted;
  }
  if (stop) {
    render.Abort();
    fprintf(stderr, "tact: stopped by --strict after an input error; no report written\n");
    return kExitInput;
  }
  // Gates over nothing would pass: no input at all is an input error.
  if (aggregate.census().conversations() == 0 && !c.allow_empty)
    log.RunError("no conversations in the input (use --allow-empty to accept)");

  summary::Summary& summary = aggregate.Finish(totals, c.shard);
  RunVerdict verdict;
  verdict.gates = EvaluateGates(c.gates, summary, c.min_level);
  {
    std::string err;
    if (!render.Finish(totals, verdict.gates, &summary, &err)) {
      fprintf(stderr, "tact: error: %s\n", err.c_str());
      return kExitInput;
    }
  }
  if (c.verbose) PrintTimings(c, totals, aggregate, read, run_ms, MsSince(t_run) - run_ms);
  if (totals.skipped > 0 || totals.read != totals.analyzed) {
    fprintf(stderr, "tact: %zu conversation(s) read, %zu analyzed, %zu skipped (errors)\n",
            totals.read, totals.analyzed, totals.skipped);
  }
  // Which metadata keys exist is only known now, after reading: the report
  // is written (its other parts are right) and the run ends as a usage error.
  verdict.usage_error = !CheckGroupKeys(c.group_by, aggregate.census());
  verdict.input_errors = totals.skipped > 0;
  return FinishRun(verdict);
}

}  // namespace tact::run
