#include "cli/merge_command.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/common.h"
#include "cli/exit_status.h"
#include "cli/gates.h"
#include "cli/output.h"
#include "common/hash.h"
#include "eval/checks.h"
#include "eval/metric_profile.h"
#include "report/shards.h"
#include "report/summary_json.h"
#include "report/writer.h"

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

int RunMerge(const MergeOptions& o) {
  std::vector<eval::Check> checks;
  if (!ParseGates(o.report.fail_on, &checks)) return kExitUsage;
  std::unique_ptr<report::SummaryBuilder> builder;
  // A shard counted twice would double its conversations in every figure and
  // gate: refused as a usage error (see report/shards.h).
  report::ShardLedger ledger;
  std::map<uint64_t, std::string> content_from;  // for summaries without "shards"
  for (size_t i = 0; i < o.inputs.size(); ++i) {
    const std::string& path = o.inputs[i];
    for (size_t j = 0; j < i; ++j) {
      std::error_code ec;
      if (std::filesystem::equivalent(path, o.inputs[j], ec)) {
        fprintf(stderr, "%s: error: the same summary is given twice (also as '%s')\n", path.c_str(),
                o.inputs[j].c_str());
        return kExitUsage;
      }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      fprintf(stderr, "%s: error: cannot read\n", path.c_str());
      return kExitInput;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    report::Summary part;
    std::string err;
    if (!report::ReadSummaryJson(ss.str(), &part, &err)) {
      fprintf(stderr, "%s: error: %s\n", path.c_str(), err.c_str());
      return kExitInput;
    }
    if (part.shards.empty()) {
      // Without an identity, identical content is the same shard.
      auto [at, fresh] = content_from.try_emplace(Fnv1a(ss.str()), path);
      if (!fresh) {
        fprintf(stderr, "%s: error: the same summary as '%s' (identical content)\n", path.c_str(),
                at->second.c_str());
        return kExitUsage;
      }
    } else if (!ledger.Add(path, part.shards, &err)) {
      fprintf(stderr, "%s: error: %s\n", path.c_str(), err.c_str());
      return kExitUsage;
    }
    if (!builder) {
      builder = std::make_unique<report::SummaryBuilder>(part.group_by, part.worst_n);
    }
    if (!builder->Merge(part, &err)) {
      fprintf(stderr, "%s: error: %s\n", path.c_str(), err.c_str());
      return kExitUsage;
    }
  }
  report::Summary& s = builder->summary();
  s.shards = ledger.Merged();
  {
    // Without the rule packs, the behaviours a gate may name are the ones the
    // summaries report.
    std::vector<std::string> behaviours;
    for (const auto& [id, b] : s.behaviours) behaviours.push_back(id);
    if (!CheckGateNames(checks, behaviours, eval::MetricProfile::Metrics())) return kExitUsage;
  }
  report::WriterOptions wo;
  const report::WriterFormat* format = report::FindWriterFormat(o.report.format);
  wo.color = format->color && o.report.output.empty() && UseColor(o.report.color);
  wo.version = TACT_VERSION;
  wo.summary = true;
  auto writer = format->make(wo);
  Output out;
  std::string err;
  if (!out.Open(o.report.output, o.inputs, false, &err)) {
    PrintError("--output: " + err);
    return kExitUsage;
  }
  report::RunTotals totals{s.inputs, s.read, s.analyzed, s.skipped};
  Level min_level = o.report.min_level == "error"     ? Level::kError
                    : o.report.min_level == "warning" ? Level::kWarning
                                                      : Level::kInfo;
  std::vector<report::CheckOutcome> outcomes = eval::EvaluateChecks(checks, s, min_level);
  std::string buf;
  writer->Begin(&buf);
  writer->End(totals, outcomes, &s, &buf);
  out.Write(buf);
  if (!out.Commit(&err)) {
    PrintError(err);
    return kExitInput;
  }
  // The merged summary is the single run's, and so is the exit code: the
  // shards' skipped conversations are input errors of the whole run.
  if (s.skipped > 0) {
    fprintf(stderr, "tact: %llu conversation(s) read, %llu analyzed, %llu skipped (errors)\n",
            static_cast<unsigned long long>(s.read), static_cast<unsigned long long>(s.analyzed),
            static_cast<unsigned long long>(s.skipped));
  }
  RunVerdict verdict;
  verdict.input_errors = s.skipped > 0;
  verdict.gates = std::move(outcomes);
  return FinishRun(verdict);
}

}  // namespace tact::cli
