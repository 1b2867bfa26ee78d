#include "cli/check_command.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

#include "cli/inputs.h"
#include "cli/pipeline.h"
#include "eval/checks.h"
#include "input/reader.h"
#include "report/writer.h"
#include "tact/analyzer.h"

namespace tact::cli {

void RegisterCheck(CLI::App* app, CheckOptions* o) {
  app->add_option("inputs", o->inputs, "transcript files, directories (walked), or - for stdin")
      ->required();
  app->add_option("--format,-f", o->format, "report format: text, json, jsonl")
      ->check(CLI::IsMember(report::WriterFormats()));
  app->add_option("--color", o->color, "colour the text report: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app->add_option("--only", o->only, "report only these behaviour ids (comma-separated)")
      ->expected(1)
      ->allow_extra_args(false);
  app->add_option("--skip", o->skip, "do not report these behaviour ids (comma-separated)")
      ->expected(1)
      ->allow_extra_args(false);
  app->add_option("--lang", o->lang, "conversation language: a pack code or auto (detect)");
  app->add_option("--fallback-lang", o->fallback_lang,
                  "language when detection is unsure (default en)")
      ->each([o](const std::string&) { o->fallback_given = true; });
  app->add_option("--min-confidence", o->min_confidence,
                  "detection confidence below which the fallback is used")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--tips-lang", o->tips_lang,
                  "language of coaching tips (default: the conversation's)");
  app->add_option("--rules", o->rules.dirs,
                  "extra rule directory (adds or overrides built-in files)")
      ->expected(1)
      ->allow_extra_args(false);
  app->add_flag("--no-builtin-rules", o->rules.no_builtin, "use only the --rules directories");
  app->add_option("--agent", o->agent_names, "speaker name to treat as the agent (repeatable)")
      ->expected(1)
      ->allow_extra_args(false);
  app->add_option("--customer", o->customer_names,
                  "speaker name to treat as the customer (repeatable)")
      ->expected(1)
      ->allow_extra_args(false);
  app->add_option("--input-format", o->input_format,
                  "input format instead of guessing from the extension: text, json, jsonl, csv, "
                  "tsv, vtt, srt")
      ->check(CLI::IsMember(input::InputFormats()));
  app->add_option("--csv-columns", o->csv_columns,
                  "CSV columns by role: id=...,time=...,speaker=...,text=...")
      ->expected(1)
      ->allow_extra_args(false);
  app->add_flag("--csv-unsorted", o->csv_unsorted,
                "group CSV rows of a conversation that are not contiguous (in memory)");
  app->add_option("--channel", o->channel, "chat or call, for inputs that do not say")
      ->check(CLI::IsMember({"chat", "call"}));
  app->add_option("--profile", o->profiles, "metric thresholds file (rules/thresholds.conf syntax)")
      ->expected(1)
      ->allow_extra_args(false);
  app->add_option("--threshold", o->thresholds,
                  "metric threshold, e.g. first_response_time.chat=90 (repeatable)")
      ->expected(1)
      ->allow_extra_args(false);
  app->add_option("--interruption-min", o->interruption_min,
                  "seconds of overlap before an agent turn counts as an interruption (default 0.5)")
      ->check(CLI::NonNegativeNumber);
  app->add_option("-j,--jobs", o->jobs,
                  "analyze on N threads (default: all cores); output order is the input order")
      ->check(CLI::Range(1, 1024));
  app->add_flag("--strict", o->strict,
                "stop with exit 3, writing no report, at the first input error");
  app->add_option("--fail-on", o->fail_on,
                  "exit 1 when this holds, e.g. 'violated>0', 'missed:empathy>0', "
                  "'rate:apology<0.8', 'score<70'")
      ->expected(1)
      ->allow_extra_args(false);
  app->add_flag("--all-evidence", o->all_evidence,
                "text report: quote every evidence turn, not only the first");
}

int RunCheck(const CheckOptions& o) {
  std::vector<eval::Check> checks;
  for (const auto& expr : o.fail_on) {
    eval::Check c;
    std::string err;
    if (!eval::ParseCheck(expr, &c, &err)) {
      PrintError("--fail-on: " + err);
      return kExitUsage;
    }
    checks.push_back(c);
  }
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitUsage;
  AnalyzeOptions ao;
  ao.language = o.lang;
  ao.fallback_language = o.fallback_lang;
  ao.min_confidence = o.min_confidence;
  ao.tips_language = o.tips_lang;
  ao.only = SplitList(o.only);
  ao.skip = SplitList(o.skip);
  ao.profile_files = o.profiles;
  ao.thresholds = SplitList(o.thresholds);
  if (o.interruption_min >= 0)
    ao.thresholds.push_back("interruption_min=" + std::to_string(o.interruption_min));
  {
    Diagnostics diags;
    if (!ValidateMetricOptions(ao, &diags)) {
      for (const auto& d : diags) fprintf(stderr, "%s\n", d.Format().c_str());
      return kExitUsage;
    }
  }
  if (!CheckBehaviourIds(*rules, ao.only, "--only") ||
      !CheckBehaviourIds(*rules, ao.skip, "--skip"))
    return kExitUsage;
  // The default fallback (en) may be absent with --no-builtin-rules; the
  // analyzer then falls back to the first pack. A fallback the user names must exist.
  if (!CheckLanguage(*rules, o.lang, true, "--lang") ||
      (o.fallback_given && !CheckLanguage(*rules, o.fallback_lang, false, "--fallback-lang"))) {
    return kExitUsage;
  }
  if (!o.tips_lang.empty() && !CheckLanguage(*rules, o.tips_lang, false, "--tips-lang"))
    return kExitUsage;
  input::ReadOptions ro;
  ro.roles.agent_names = o.agent_names;
  ro.roles.customer_names = o.customer_names;
  ro.format = o.input_format;
  ro.csv_unsorted = o.csv_unsorted;
  ro.channel = o.channel;
  for (const auto& spec : SplitList(o.csv_columns)) {
    size_t eq = spec.find('=');
    static const std::vector<std::string> kRoles = {
        "id", "time", "end", "speaker", "role", "text", "language", "channel", "agent"};
    std::string role = spec.substr(0, eq);
    if (eq == std::string::npos || std::find(kRoles.begin(), kRoles.end(), role) == kRoles.end()) {
      PrintError(
          "--csv-columns: expected ROLE=COLUMN with ROLE one of id, time, end, speaker, role, "
          "text, language, "
          "channel, agent; got '" +
          spec + "'");
      return kExitUsage;
    }
    ro.csv_columns.emplace_back(role, spec.substr(eq + 1));
  }

  report::WriterOptions wo;
  wo.color = o.format == "text" && UseColor(o.color);
  wo.show_all_evidence = o.all_evidence;
  wo.version = TACT_VERSION;
  auto writer = report::MakeWriter(o.format, wo);
  eval::CheckAccumulator acc(checks);
  report::RunTotals totals;
  std::string buf;
  std::atomic<bool> stopped{
      false};  // --strict: an input error stops the run and nothing is written
  std::mutex err_mu;
  auto flush = [&]() {
    if (o.strict) return;  // written at the end, only when no error occurred
    fwrite(buf.data(), 1, buf.size(), stdout);
    fflush(stdout);
    buf.clear();
  };
  auto on_error = [&](const Diagnostic& d) {
    std::lock_guard<std::mutex> lock(err_mu);
    fprintf(stderr, "%s\n", d.Format().c_str());
    if (d.severity == Severity::kError) {
      ++totals.skipped;
      if (o.strict) stopped = true;
    }
  };
  writer->Begin(&buf);
  flush();
  std::vector<Input> inputs = ExpandInputs(o.inputs, on_error);
  totals.inputs = inputs.size();
  PipelineStats stats;
  RunPipeline(
      inputs, ro, *rules, ao,
      o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())),
      &stopped, on_error,
      [&](const ConversationResult& r) {
        acc.Observe(r);
        writer->Conversation(r, &buf);
        flush();
      },
      &stats);
  totals.read = stats.read;
  totals.analyzed = stats.analyzed;
  if (stopped) {
    fprintf(stderr, "tact: stopped by --strict after an input error; no report written\n");
    return kExitInput;
  }
  std::vector<report::CheckOutcome> outcomes = acc.Evaluate();
  writer->End(totals, outcomes, &buf);
  if (o.strict) {
    fwrite(buf.data(), 1, buf.size(), stdout);
    buf.clear();
  }
  flush();
  if (totals.skipped > 0 || totals.read != totals.analyzed) {
    fprintf(stderr, "tact: %zu conversation(s) read, %zu analyzed, %zu skipped (errors)\n",
            totals.read, totals.analyzed, totals.skipped);
  }
  bool failed = false;
  for (const auto& c : outcomes) {
    if (c.failed) {
      fprintf(stderr, "tact: threshold failed: %s (value %g)\n", c.expression.c_str(), c.value);
      failed = true;
    }
  }
  if (totals.skipped > 0) return kExitInput;
  return failed ? kExitThreshold : kExitOk;
}

}  // namespace tact::cli
