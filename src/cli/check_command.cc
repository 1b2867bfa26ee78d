#include "cli/check_command.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/census.h"
#include "cli/exit_status.h"
#include "cli/gates.h"
#include "cli/inputs.h"
#include "cli/output.h"
#include "cli/pipeline.h"
#include "common/hash.h"
#include "common/interrupt.h"
#include "eval/checks.h"
#include "eval/metric_profile.h"
#include "input/reader.h"
#include "report/redact.h"
#include "report/writer.h"
#include "tact/analyzer.h"

namespace tact::cli {

void RegisterCheck(CLI::App* app, CheckOptions* o) {
  // Every option knows its default, for --help and `tact config`.
  app->option_defaults()->always_capture_default();
  app->footer(
      "Exit codes: 0 ok; 1 a --fail-on gate failed; 2 usage (bad option, rule file or name, a "
      "--group-by metadata.KEY no conversation has); 3 input errors (skipped inputs or "
      "conversations, or no conversation at all without --allow-empty); 130 interrupted. When "
      "several hold: 2, then 3, then 1; failed gates are always printed. See docs/gates.md.");
  app->add_option("inputs", o->inputs, "transcript files, directories (walked), or - for stdin")
      ->type_name("PATH")
      ->required();
  app->add_option("--format,-f", o->format,
                  "report format: text, json, jsonl, csv, markdown, junit, sarif, html")
      ->check(CLI::IsMember(report::WriterFormats()));
  app->add_option("--color", o->color, "colour the text report: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app->add_option("--only", o->only, "report only these behaviour ids (comma-separated)")
      ->allow_extra_args(false);
  app->add_option("--skip", o->skip, "do not report these behaviour ids (comma-separated)")
      ->allow_extra_args(false);
  app->add_option("--lang", o->lang,
                  "conversation language: a pack code or auto (detect); a conversation that "
                  "clearly reads as another language is warned about (detected_language)")
      ->type_name("LANG");
  app->add_option("--fallback-lang", o->fallback_lang,
                  "pack to judge with when detection is unsure (default: none, the "
                  "conversation is reported as an unsupported language)")
      ->type_name("LANG")
      ->each([o](const std::string&) { o->fallback_given = true; });
  app->add_option("--min-confidence", o->min_confidence,
                  "detection confidence below which the fallback is used")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--tips-lang", o->tips_lang,
                  "language of coaching tips (default: the conversation's)")
      ->type_name("LANG");
  app->add_option("--rules", o->rules.dirs,
                  "extra rule directory (adds or overrides built-in files)")
      ->type_name("DIR")
      ->allow_extra_args(false);
  app->add_flag("--no-builtin-rules", o->rules.no_builtin, "use only the --rules directories");
  app->add_option("--agent", o->agent_names, "speaker name to treat as the agent (repeatable)")
      ->allow_extra_args(false);
  app->add_option("--customer", o->customer_names,
                  "speaker name to treat as the customer (repeatable)")
      ->allow_extra_args(false);
  app->add_option(
         "--input-format", o->input_format,
         "input format instead of guessing from the extension: " + input::InputFormatList())
      ->check(CLI::IsMember(input::InputFormats()));
  app->add_option("--csv-columns", o->csv_columns,
                  "CSV columns by role: id=...,time=...,speaker=...,text=...")
      ->allow_extra_args(false);
  app->add_flag("--csv-unsorted", o->csv_unsorted,
                "group CSV rows of a conversation that are not contiguous (in memory)");
  app->add_option("--channel", o->channel, "chat, call or email, for inputs that do not say")
      ->check(CLI::IsMember({"chat", "call", "email"}));
  app->add_option("--profile", o->profiles, "metric thresholds file (rules/thresholds.conf syntax)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  app->add_option(
         "--scorecard", o->scorecard,
         "scorecard FILE: which behaviours and metrics make the score, weights, penalties, "
         "critical items (default: the built-in rules/default.scorecard)")
      ->type_name("FILE");
  app->add_option("--threshold", o->thresholds,
                  "metric threshold, e.g. first_response_time.chat=90 (repeatable)")
      ->allow_extra_args(false);
  app->add_option("--interruption-min", o->interruption_min,
                  "seconds of overlap before an agent turn counts as an interruption (default 0.5)")
      ->check(CLI::NonNegativeNumber);
  app->add_option("-j,--jobs", o->jobs,
                  "analyze on N threads (default: all cores); output order is the input order")
      ->check(CLI::Range(1, 1024));
  app->add_flag("--strict", o->strict,
                "stop with exit 3, writing no report, at the first input error");
  app->add_flag("--allow-empty", o->allow_empty,
                "accept an input without conversations (empty folder or file); without it that is "
                "an input error (exit 3), so a gate never passes on nothing");
  app->add_option("--fail-on", o->fail_on,
                  "exit 1 when this holds, e.g. 'violated>0', 'missed:empathy>0', "
                  "'rate:apology<0.8', 'score<70'; unknown behaviour ids and metrics are errors; "
                  "a rate over a behaviour that never applied is n/a and does not fail")
      ->allow_extra_args(false);
  app->add_flag(
      "--summary", o->summary,
      "report the batch summary (per behaviour, metric, agent, language, channel) instead of each "
      "conversation");
  app->add_option("--group-by", o->group_by,
                  "summary breakdowns: agent, language, channel, metadata.KEY (default: "
                  "agent,language,channel); a KEY no conversation carries is an error (exit 2)")
      ->allow_extra_args(false);
  app->add_option("--worst", o->worst,
                  "worst conversations kept per behaviour in the summary (default 5)")
      ->check(CLI::Range(0, 1000));
  app->add_option("--shard", o->shard,
                  "analyze only shard K of N (K/N, by a stable hash of the conversation id)");
  app->add_option("--min-level", o->min_level,
                  "avoid behaviours that count in --fail-on: error, warning, info")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  app->add_option("-o,--output", o->output,
                  "write the report to FILE (atomically) instead of stdout")
      ->type_name("FILE");
  // Limits: a conversation or rule file over one is an error, never unbounded memory or time.
  app->add_option("--max-turn-bytes", o->limits.max_turn_bytes,
                  "bytes in one turn (default 1 MiB)");
  app->add_option("--max-turns", o->limits.max_turns, "turns in one conversation (default 20000)");
  app->add_option("--max-line-bytes", o->limits.max_line_bytes,
                  "bytes in one JSONL/CSV line (default 8 MiB)");
  app->add_option("--max-document-bytes", o->limits.max_document_bytes,
                  "bytes in one .json/.txt/.vtt/.srt input (default 256 MiB)");
  app->add_option("--max-patterns", o->rules.max_patterns,
                  "patterns per language pack (default 200000)");
  app->add_option("--regex-max-mem", o->rules.regex_max_mem,
                  "bytes of RE2 program per token regex (default 1 MiB)");
  app->add_option("--max-gap", o->rules.max_gap, "words in a '...N' pattern gap (default 20)")
      ->check(CLI::Range(1, 1000));
  app->add_flag(
      "--no-redact", o->no_redact,
      "print e-mails, phone numbers, card numbers and IBANs as they are (redacted by default)");
  app->add_option("--redact-pattern", o->redact_patterns,
                  "also redact NAME=REGEX (RE2) as [NAME] (repeatable)")
      ->allow_extra_args(false);
  app->add_flag("-q,--quiet", o->quiet,
                "print only the report and errors (no warnings, no progress)");
  app->add_flag("-v,--verbose", o->verbose,
                "also print the inputs, the languages met and how long each stage took");
  app->add_option("--progress", o->progress,
                  "progress line on stderr: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app->add_flag("--all-evidence", o->all_evidence,
                "text report: quote every evidence turn, not only the first");
  // An empty list is no default worth printing ("--agent TEXT=[]").
  for (CLI::Option* opt : app->get_options())
    if (opt->get_default_str() == "[]") opt->default_str("");
}

namespace {

bool ParseShard(const std::string& spec, uint64_t* k, uint64_t* n) {
  // Exactly digits '/' digits: "1/2/3", "-1/2", " 1/2" and "1/2x" are refused.
  auto number = [](std::string_view s, uint64_t* out) {
    if (s.empty() || s.size() > 9) return false;
    *out = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
      *out = *out * 10 + static_cast<uint64_t>(c - '0');
    }
    return true;
  };
  const size_t slash = spec.find('/');
  if (slash == std::string::npos) return false;
  const std::string_view v(spec);
  return number(v.substr(0, slash), k) && number(v.substr(slash + 1), n) && *n >= 1 && *k >= 1 &&
         *k <= *n;
}

// Whether a source already names its line ("chats.jsonl:12").
bool EndsWithLine(const std::string& source, int line) {
  const std::string suffix = ":" + std::to_string(line);
  return source.size() > suffix.size() &&
         source.compare(source.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Level ParseLevel(const std::string& s) {
  return s == "error" ? Level::kError : s == "warning" ? Level::kWarning : Level::kInfo;
}

// A progress line on stderr, at most ten updates a second.
class Progress {
 public:
  Progress(bool on, uint64_t total_bytes)
      : on_(on), total_(total_bytes), start_(std::chrono::steady_clock::now()) {}
  void Bytes(uint64_t n) { bytes_ += n; }
  void Tick(uint64_t conversations) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double mb = static_cast<double>(bytes_.load()) / 1e6;
    double rate = secs > 0 ? mb / secs : 0;
    std::string eta = "";
    if (total_ > 0 && rate > 0) {
      double left = (static_cast<double>(total_) / 1e6 - mb) / rate;
      if (left > 0) eta = fmt::format(", ETA {:.0f} s", left);
    }
    fprintf(stderr, "\r\x1b[K%llu conversation(s), %.1f MB, %.1f MB/s%s",
            static_cast<unsigned long long>(conversations), mb, rate, eta.c_str());
    fflush(stderr);
  }
  void Done() {
    if (on_) fprintf(stderr, "\r\x1b[K");
  }

 private:
  bool on_;
  uint64_t total_;
  std::atomic<uint64_t> bytes_{0};
  std::chrono::steady_clock::time_point start_, last_{};
};

}  // namespace

int RunCheck(const CheckOptions& o) {
  InstallInterruptHandlers();  // first: a signal must never leave a temporary file behind
  std::vector<eval::Check> checks;
  if (!ParseGates(o.fail_on, &checks)) return kExitUsage;
  uint64_t shard_k = 1, shard_n = 1;
  if (!o.shard.empty() && !ParseShard(o.shard, &shard_k, &shard_n)) {
    PrintError("--shard: expected K/N with 1 <= K <= N, e.g. 2/8, got '" + o.shard + "'");
    return kExitUsage;
  }
  std::vector<std::string> group_by = SplitList(o.group_by);
  if (group_by.empty()) group_by = {"agent", "language", "channel"};
  for (const auto& g : group_by) {
    if (g != "agent" && g != "language" && g != "channel" && g.rfind("metadata.", 0) != 0) {
      PrintError("--group-by: expected agent, language, channel or metadata.KEY, got '" + g + "'");
      return kExitUsage;
    }
  }
  if (o.quiet && o.verbose) {
    PrintError("--quiet and --verbose cannot both be given (hint: tact help check)");
    return kExitUsage;
  }
  using Clock = std::chrono::steady_clock;
  const Clock::time_point t_start = Clock::now();
  auto ms_since = [](Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
  };
  const RuleSet* rules = KeepUntilExit(LoadRules(o.rules, /*examples=*/false));
  if (!rules) return kExitUsage;
  const double rules_ms = ms_since(t_start);
  AnalyzeOptions ao;
  ao.language = o.lang;
  ao.fallback_language = o.fallback_lang;
  ao.min_confidence = o.min_confidence;
  ao.tips_language = o.tips_lang;
  ao.only = SplitList(o.only);
  ao.skip = SplitList(o.skip);
  ao.profile_files = o.profiles;
  ao.scorecard_file = o.scorecard;
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
  {
    Diagnostics diags;
    if (!ValidateScorecard(ao, *rules, &diags)) {
      for (const auto& d : diags) fprintf(stderr, "%s\n", d.Format().c_str());
      return kExitUsage;
    }
  }
  if (!CheckBehaviourIds(*rules, ao.only, "--only") ||
      !CheckBehaviourIds(*rules, ao.skip, "--skip"))
    return kExitUsage;
  if ((!checks.empty() &&
       !CheckGateNames(checks, BehaviourIds(*rules), eval::MetricProfile::Metrics())) ||
      !CheckGatesReported(checks, ao.only, ao.skip))
    return kExitUsage;
  // A fallback the user names must exist.
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
  ro.limits = o.limits;
  ro.allow_empty = o.allow_empty;
  for (const auto& spec : SplitList(o.csv_columns)) {
    size_t eq = spec.find('=');
    static const std::vector<std::string> kRoles = {
        "id", "time", "end", "speaker", "role", "text", "language", "channel", "agent"};
    std::string role = spec.substr(0, eq);
    if (eq == std::string::npos || std::find(kRoles.begin(), kRoles.end(), role) == kRoles.end()) {
      PrintError(
          "--csv-columns: expected ROLE=COLUMN with ROLE one of id, time, end, speaker, role, "
          "text, "
          "language, channel, agent; got '" +
          spec + "'");
      return kExitUsage;
    }
    ro.csv_columns.emplace_back(role, spec.substr(eq + 1));
  }

  report::Redactor redactor;
  for (const auto& p : o.redact_patterns) {
    std::string err;
    if (!redactor.AddPattern(p, &err)) {
      PrintError("--redact-pattern: " + err);
      return kExitUsage;
    }
  }
  report::WriterOptions wo;
  wo.color = o.format == "text" && o.output.empty() && UseColor(o.color);
  wo.show_all_evidence = o.all_evidence;
  wo.version = TACT_VERSION;
  wo.summary = o.summary;
  auto writer = report::MakeWriter(o.format, wo);
  Output out;
  {
    std::string err;
    if (!out.Open(o.output, o.inputs, o.strict, &err)) {
      PrintError("--output: " + err);
      return kExitUsage;
    }
  }
  report::SummaryBuilder summary(group_by, o.worst);
  if (!o.no_redact)
    summary.SetKeyFilter([&](const std::string& key) { return redactor.Redact(key); });
  report::RunTotals totals;
  std::string buf;
  std::atomic<bool> pipeline_done{false};
  std::mutex done_mu;
  std::condition_variable done_cv;  // wakes the watcher as soon as the run ends
  std::atomic<bool> stopped{
      false};  // --strict: an input error stops the run and nothing is written
  std::mutex err_mu;
  // The report is written as it is produced: to stdout, or to the temporary
  // file that becomes FILE at the end (--strict keeps even stdout's copy
  // back until the run is known to be clean).
  auto flush = [&]() {
    out.Write(buf);
    buf.clear();
  };
  auto owned = [&](const std::string& key) {
    return shard_n == 1 || Fnv1a(key) % shard_n == shard_k - 1;
  };
  auto on_error = [&](const Diagnostic& given) {
    // With --shard, each problem belongs to one shard (by its location).
    if (!owned(given.file + ":" + std::to_string(given.line))) return;
    // An error can quote the input ("cannot parse timestamp '…'") or name a
    // file after a customer: redacted like the report.
    Diagnostic d = given;
    if (!o.no_redact) redactor.RedactDiagnostic(&d);
    std::lock_guard<std::mutex> lock(err_mu);
    if (o.quiet && d.severity != Severity::kError) return;
    fprintf(stderr, "%s\n", d.Format().c_str());
    if (d.severity == Severity::kError) {
      ++totals.skipped;
      if (totals.errors.size() < report::RunTotals::kMaxRecordedErrors) totals.errors.push_back(d);
      if (o.strict) stopped = true;
    }
  };
  writer->Begin(&buf);
  flush();
  std::vector<Input> inputs = ExpandInputs(o.inputs, on_error);
  for (const auto& in : inputs) totals.inputs += owned(in.path) ? 1 : 0;
  uint64_t total_bytes = 0;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (in.path != "-") total_bytes += std::filesystem::file_size(in.path, ec);
  }
  if (o.verbose) {
    for (const auto& in : inputs) {
      if (!owned(in.path)) continue;
      std::error_code ec;
      const uintmax_t size = in.path == "-" ? 0 : std::filesystem::file_size(in.path, ec);
      const std::string name = o.no_redact ? in.path : redactor.RedactPath(in.path);
      if (in.path == "-" || ec)
        fprintf(stderr, "tact: input %s\n", name.c_str());
      else
        fprintf(stderr, "tact: input %s (%ju bytes)\n", name.c_str(), size);
    }
  }
  const bool show_progress =
      !o.quiet && (o.progress == "always" ||
                   (o.progress == "auto" && isatty(STDERR_FILENO) && getenv("CI") == nullptr));
  std::map<std::string, size_t> languages;  // -v: conversations per judged language
  const Clock::time_point t_run = Clock::now();
  Progress progress(show_progress, total_bytes);
  ro.progress = [&](uint64_t n) { progress.Bytes(n); };
  PipelineStats stats;
  InputCensus census;
  std::thread watcher([&] {
    std::unique_lock<std::mutex> lock(done_mu);
    while (!stopped.load() && !pipeline_done.load()) {
      if (Interrupted()) stopped = true;
      done_cv.wait_for(lock, std::chrono::milliseconds(20), [&] { return pipeline_done.load(); });
    }
  });
  // An exception (out of memory) must not leave the watcher running: a
  // joinable std::thread destroyed during unwinding ends the process.
  struct WatcherJoin {
    std::thread& thread;
    std::mutex& mu;
    std::atomic<bool>& done;
    std::condition_variable& cv;
    ~WatcherJoin() {
      {
        std::lock_guard<std::mutex> lock(mu);
        done = true;
      }
      cv.notify_all();
      if (thread.joinable()) thread.join();
    }
  } watcher_join{watcher, done_mu, pipeline_done, done_cv};
  RunPipeline(
      inputs, ro, *rules, ao,
      o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())),
      &stopped,
      [&](const Conversation& c) {
        census.Add(c);  // every conversation, before the shard is picked
        return owned(c.id);
      },
      on_error,
      [&](ConversationResult& r, std::string* rendered) {
        if (!o.no_redact) {
          if (o.summary)
            redactor.RedactForSummary(&r);
          else
            redactor.RedactResult(&r);
        }
        // Formatting is most of the report's cost: done here, in parallel,
        // when the writer allows it.
        if (!o.summary) writer->Render(r, rendered);
      },
      [&](const ConversationResult& r, const std::string& rendered) {
        // In input order, like the reader's warnings: a wrong --lang is worth
        // seeing in a CI log, not only inside the report.
        if (o.verbose) ++languages[r.language];
        if (!r.detected_language.empty() && !o.quiet) {
          Diagnostic d = MakeError(r.source, 0, 0, OtherLanguageNote(r));
          d.severity = Severity::kWarning;
          const int line = r.conversation != nullptr ? r.conversation->line : 0;
          if (line > 0 && !EndsWithLine(r.source, line)) d.line = line;
          std::lock_guard<std::mutex> lock(err_mu);
          fprintf(stderr, "%s\n", d.Format().c_str());
        }
        summary.Add(r);
        if (!o.summary) {
          // (An empty text, from a writer that does not render or a CSV
          // result without rows, is the same as formatting here.)
          if (!rendered.empty())
            writer->Conversation(r, rendered, &buf);
          else
            writer->Conversation(r, &buf);
          flush();
        }
        progress.Tick(stats.analyzed + 1);
      },
      &stats);
  {
    std::lock_guard<std::mutex> lock(done_mu);
    pipeline_done = true;
  }
  done_cv.notify_all();
  watcher.join();
  progress.Done();
  const double run_ms = ms_since(t_run);
  if (Interrupted()) {
    // Close what was started (a JSON document stays valid); a report going
    // to a file is dropped, so the previous file stays.
    totals.read = stats.read;
    totals.analyzed = stats.analyzed;
    if (out.Live()) {
      writer->End(totals, {}, nullptr, &buf);
      out.Write(buf);
    }
    out.Abort();
    fprintf(stderr, "tact: interrupted; %zu conversation(s) reported\n", stats.analyzed.load());
    return kExitInterrupted;
  }
  totals.read = stats.read;
  totals.analyzed = stats.analyzed;
  if (stopped) {
    out.Abort();
    fprintf(stderr, "tact: stopped by --strict after an input error; no report written\n");
    return kExitInput;
  }
  if (census.conversations() == 0 && !o.allow_empty) {
    // Gates over nothing would pass: no input at all is an input error, in
    // the report too (once: an empty file has already said so).
    Diagnostic d =
        MakeError("", 0, 0, "no conversations in the input (use --allow-empty to accept)");
    fprintf(stderr, "tact: error: %s\n", d.message.c_str());
    if (totals.skipped == 0) {
      ++totals.skipped;
      totals.errors.push_back(d);
    }
  }
  report::Summary& s = summary.summary();
  s.shards = {{census.Fingerprint(), shard_k, shard_n}};
  s.inputs = totals.inputs;
  s.read = totals.read;
  s.analyzed = totals.analyzed;
  s.skipped = totals.skipped;
  std::vector<report::CheckOutcome> outcomes =
      eval::EvaluateChecks(checks, s, ParseLevel(o.min_level));
  writer->End(totals, outcomes, o.summary || writer->NeedsSummary() ? &s : nullptr, &buf);
  out.Write(buf);
  buf.clear();
  {
    std::string err;
    if (!out.Commit(&err)) {
      PrintError(err);
      return kExitInput;
    }
  }
  if (o.verbose) {
    std::string langs;
    for (const auto& [lang, n] : languages)
      langs += (langs.empty() ? "" : ", ") + lang + " " + std::to_string(n);
    fprintf(
        stderr,
        "tact: %zu conversation(s) read, %zu analyzed, %zu skipped; languages: %s\n"
        "tact: rules loaded in %.0f ms; read and analyzed in %.2f s (%.1f MB/s, -j%d, packs "
        "compiled on first use); report finished in %.0f ms\n",
        totals.read, totals.analyzed, totals.skipped, langs.empty() ? "none" : langs.c_str(),
        rules_ms, run_ms / 1000, run_ms > 0 ? total_bytes / 1e6 / (run_ms / 1000) : 0.0,
        o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())),
        ms_since(t_run) - run_ms);
  }
  if (totals.skipped > 0 || totals.read != totals.analyzed) {
    fprintf(stderr, "tact: %zu conversation(s) read, %zu analyzed, %zu skipped (errors)\n",
            totals.read, totals.analyzed, totals.skipped);
  }
  RunVerdict verdict;
  // Which metadata keys exist is only known now, after reading: the report
  // is written (its other parts are right) and the run ends as a usage error.
  verdict.usage_error = !CheckGroupKeys(group_by, census);
  verdict.input_errors = totals.skipped > 0;
  verdict.gates = std::move(outcomes);
  return FinishRun(verdict);
}

}  // namespace tact::cli
