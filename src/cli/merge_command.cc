#include "cli/merge_command.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/common.h"
#include "common/hash.h"
#include "summary/checks.h"
#include "eval/metric_profile.h"
#include "summary/shards.h"
#include "report/summary_json.h"
#include "report/writer.h"
#include "run/gate.h"
#include "run/output.h"

namespace tact::cli {

void RegisterMerge(CLI::App* app, MergeOptions* o) {
  app->footer(
      "The same shard twice (the same file, a copy, a re-run, shards cut two ways) is refused "
      "with exit 2. Exit codes as tact check: 1 a gate failed, 3 the shards skipped "
      "conversations (before 1). See docs/gates.md.");
  app->add_option("summaries", o->inputs,
                  "summary files written by 'tact check --summary --format json'")
      ->type_name("FILE")
      ->required();
  app->add_option("--format,-f", o->report.format, "report format")
      ->check(CLI::IsMember(report::WriterFormats()));
  app->add_option("--color", o->report.color, "auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app->add_option("--fail-on", o->report.fail_on,
                  "exit 1 when this holds (see tact check --help); behaviour ids must be in the "
                  "summaries")
      ->allow_extra_args(false);
  app->add_option("--min-level", o->report.min_level, "avoid behaviours that count in --fail-on")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  app->add_option("-o,--output", o->report.output, "write the report to FILE (atomically)")
      ->type_name("FILE");
}

namespace {

// Reads one shard's summary and adds it to `*builder` (made from the first);
// false after printing why (the exit code in *code).
bool AddSummary(const std::vector<std::string>& paths, size_t i, summary::ShardLedger* ledger,
                std::map<uint64_t, std::string>* content_from,
                std::unique_ptr<summary::SummaryBuilder>* builder, int* code) {
  const std::string& path = paths[i];
  *code = kExitUsage;
  for (size_t j = 0; j < i; ++j) {
    std::error_code ec;
    if (std::filesystem::equivalent(path, paths[j], ec)) {
      fprintf(stderr, "%s: error: the same summary is given twice (also as '%s')\n", path.c_str(),
              paths[j].c_str());
      return false;
    }
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  summary::Summary part;
  std::string err;
  if (!in) {
    err = "cannot read";
  } else if (report::ReadSummaryJson(ss.str(), &part, &err)) {
    err.clear();
  }
  if (!err.empty()) {
    fprintf(stderr, "%s: error: %s\n", path.c_str(), err.c_str());
    *code = kExitInput;
    return false;
  }
  if (part.shards.empty()) {
    // Without an identity, identical content is the same shard.
    auto [at, fresh] = content_from->try_emplace(Fnv1a(ss.str()), path);
    if (!fresh) {
      fprintf(stderr, "%s: error: the same summary as '%s' (identical content)\n", path.c_str(),
              at->second.c_str());
      return false;
    }
  } else if (!ledger->Add(path, part.shards, &err)) {
    fprintf(stderr, "%s: error: %s\n", path.c_str(), err.c_str());
    return false;
  }
  if (!*builder) *builder = std::make_unique<summary::SummaryBuilder>(part.group_by, part.worst_n);
  if (!(*builder)->Merge(part, &err)) {
    fprintf(stderr, "%s: error: %s\n", path.c_str(), err.c_str());
    return false;
  }
  return true;
}

// Writes the merged summary's report; false after printing why.
bool WriteReport(const MergeOptions& o, const summary::Summary& s,
                 const std::vector<summary::CheckOutcome>& outcomes, int* code) {
  report::WriterOptions wo;
  const report::WriterFormat* format = report::FindWriterFormat(o.report.format);
  wo.color = format->color && o.report.output.empty() && UseColor(o.report.color);
  wo.version = TACT_VERSION;
  wo.summary = true;
  auto writer = format->make(wo);
  run::Output out;
  std::string err;
  if (!out.Open(o.report.output, o.inputs, false, &err)) {
    PrintError("--output: " + err);
    *code = kExitUsage;
    return false;
  }
  const summary::RunTotals totals{s.inputs, s.read, s.analyzed, s.skipped};
  std::string buf;
  writer->Begin(&buf);
  writer->End(totals, outcomes, &s, &buf);
  out.Write(buf);
  if (!out.Commit(&err)) {
    PrintError(err);
    *code = kExitInput;
    return false;
  }
  return true;
}

}  // namespace

int RunMerge(const MergeOptions& o) {
  std::vector<summary::Check> gates;
  if (!run::ParseGates(o.report.fail_on, &gates)) return kExitUsage;
  std::unique_ptr<summary::SummaryBuilder> builder;
  // A shard counted twice would double its conversations in every figure and
  // gate: refused as a usage error (see report/shards.h).
  summary::ShardLedger ledger;
  std::map<uint64_t, std::string> content_from;  // for summaries without "shards"
  int code = kExitOk;
  for (size_t i = 0; i < o.inputs.size(); ++i)
    if (!AddSummary(o.inputs, i, &ledger, &content_from, &builder, &code)) return code;
  summary::Summary& s = builder->summary();
  s.shards = ledger.Merged();
  // Without the rule packs, the behaviours a gate may name are the ones the
  // summaries report.
  std::vector<std::string> behaviours;
  for (const auto& [id, b] : s.behaviours) behaviours.push_back(id);
  if (!run::CheckGateNames(gates, behaviours, eval::MetricProfile::Metrics())) return kExitUsage;
  const Level min_level = o.report.min_level == "error"     ? Level::kError
                          : o.report.min_level == "warning" ? Level::kWarning
                                                            : Level::kInfo;
  run::RunVerdict verdict;
  verdict.gates = run::EvaluateGates(gates, s, min_level);
  if (!WriteReport(o, s, verdict.gates, &code)) return code;
  // The merged summary is the single run's, and so is the exit code: the
  // shards' skipped conversations are input errors of the whole run.
  if (s.skipped > 0) {
    fprintf(stderr, "tact: %llu conversation(s) read, %llu analyzed, %llu skipped (errors)\n",
            static_cast<unsigned long long>(s.read), static_cast<unsigned long long>(s.analyzed),
            static_cast<unsigned long long>(s.skipped));
  }
  verdict.input_errors = s.skipped > 0;
  return run::FinishRun(verdict);
}

}  // namespace tact::cli
