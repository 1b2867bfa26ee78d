#include "cli/check_command.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "eval/metric_profile.h"
#include "input/reader.h"
#include "report/redact.h"
#include "report/writer.h"
#include "run/gate.h"
#include "run/run.h"
#include "run/vocabulary.h"
#include "summary/summary.h"
#include "tact/analyzer.h"

namespace tact::cli {

namespace {

// What to read and how to judge it: inputs, report format, behaviours, languages, rules.
void RegisterJudgementOptions(CLI::App* app, CheckOptions* o) {
  app->add_option("inputs", o->inputs, "transcript files, directories (walked), or - for stdin")
      ->type_name("PATH")
      ->required();
  std::string formats;  // from the writer table, so a new format is listed here too
  for (const auto& f : report::WriterFormats()) formats += (formats.empty() ? "" : ", ") + f;
  app->add_option("--format,-f", o->format, "report format: " + formats)
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
}

// Who is who and what a transcript is, for inputs that do not say.
void RegisterConversationOptions(CLI::App* app, CheckOptions* o) {
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
}

// Metric thresholds and the scorecard.
void RegisterMeasureOptions(CLI::App* app, CheckOptions* o) {
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
}

// The run: threads, gates, the summary, sharding, the output file.
void RegisterRunOptions(CLI::App* app, CheckOptions* o) {
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
  app->add_option(
         "--group-by", o->group_by,
         "summary breakdowns: agent, language, channel, metadata.KEY, period:day|week|month "
         "(by the conversation's date; default: agent,language,channel); a KEY no "
         "conversation carries is an error (exit 2)")
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
}

// Limits: a conversation or rule file over one is an error, never unbounded memory or time.
void RegisterLimitOptions(CLI::App* app, CheckOptions* o) {
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
}

// What is printed: redaction, stderr, evidence.
void RegisterOutputOptions(CLI::App* app, CheckOptions* o) {
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
  app->add_option("--csv-layout", o->csv_layout,
                  "CSV report: long (a row per behaviour of a conversation or group) or wide (a "
                  "row per conversation or group, a column per behaviour and metric)")
      ->check(CLI::IsMember({"long", "wide"}));
}

}  // namespace

void RegisterCheck(CLI::App* app, CheckOptions* o) {
  // Every option knows its default, for --help and `tact config`.
  app->option_defaults()->always_capture_default();
  app->footer(
      "Exit codes: 0 ok; 1 a --fail-on gate failed; 2 usage (bad option, rule file or name, a "
      "--group-by metadata.KEY no conversation has); 3 input errors (skipped inputs or "
      "conversations, or no conversation at all without --allow-empty); 130 interrupted. When "
      "several hold: 2, then 3, then 1; failed gates are always printed. See docs/gates.md.");
  RegisterJudgementOptions(app, o);
  RegisterConversationOptions(app, o);
  RegisterMeasureOptions(app, o);
  RegisterRunOptions(app, o);
  RegisterLimitOptions(app, o);
  RegisterOutputOptions(app, o);
  // An empty list is no default worth printing ("--agent TEXT=[]").
  for (CLI::Option* opt : app->get_options())
    if (opt->get_default_str() == "[]") opt->default_str("");
}

namespace {

Level ParseLevel(const std::string& s) {
  return s == "error" ? Level::kError : s == "warning" ? Level::kWarning : Level::kInfo;
}

// Flags that need no rules: gates, --shard, --group-by, -q/-v.
bool ParseRunFlags(const CheckOptions& o, run::RunConfig* c) {
  if (!run::ParseGates(o.fail_on, &c->gates)) return false;
  if (!o.shard.empty() && !run::Shard::Parse(o.shard, &c->shard)) {
    PrintError("--shard: expected K/N with 1 <= K <= N, e.g. 2/8, got '" + o.shard + "'");
    return false;
  }
  c->group_by = SplitList(o.group_by);
  if (c->group_by.empty()) c->group_by = {"agent", "language", "channel"};
  for (const auto& g : c->group_by) {
    Period period;
    if (g != "agent" && g != "language" && g != "channel" && g.rfind("metadata.", 0) != 0 &&
        !summary::ParsePeriodDimension(g, &period)) {
      PrintError(
          "--group-by: expected agent, language, channel, metadata.KEY or "
          "period:day|week|month, got '" +
          g + "'");
      return false;
    }
  }
  if (o.quiet && o.verbose) {
    PrintError("--quiet and --verbose cannot both be given (hint: tact help check)");
    return false;
  }
  return true;
}

AnalyzeOptions AnalyzeOptionsFrom(const CheckOptions& o) {
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
  return ao;
}

bool PrintIfInvalid(bool valid, const Diagnostics& diags) {
  if (!valid)
    for (const auto& d : diags) fprintf(stderr, "%s\n", d.Format().c_str());
  return valid;
}

// Names against the loaded rules: behaviours, metrics, gates, languages, the scorecard.
bool CheckAgainstRules(const CheckOptions& o, const run::RunConfig& c) {
  const RuleSet& rules = *c.rules;
  const AnalyzeOptions& ao = c.analyze;
  Diagnostics metric_diags, scorecard_diags;
  if (!PrintIfInvalid(ValidateMetricOptions(ao, &metric_diags), metric_diags) ||
      !PrintIfInvalid(ValidateScorecard(ao, rules, &scorecard_diags), scorecard_diags))
    return false;
  if (!CheckBehaviourIds(rules, ao.only, "--only") || !CheckBehaviourIds(rules, ao.skip, "--skip"))
    return false;
  if ((!c.gates.empty() &&
       !run::CheckGateNames(c.gates, BehaviourIds(rules), eval::MetricProfile::Metrics())) ||
      !run::CheckGatesReported(c.gates, ao.only, ao.skip))
    return false;
  // A fallback the user names must exist.
  if (!CheckLanguage(rules, o.lang, true, "--lang") ||
      (o.fallback_given && !CheckLanguage(rules, o.fallback_lang, false, "--fallback-lang")))
    return false;
  return o.tips_lang.empty() || CheckLanguage(rules, o.tips_lang, false, "--tips-lang");
}

bool ReadOptionsFrom(const CheckOptions& o, input::RoleVocabulary vocabulary,
                     input::ReadOptions* ro) {
  ro->roles.agent_names = o.agent_names;
  ro->roles.customer_names = o.customer_names;
  ro->roles.vocabulary = std::move(vocabulary);
  ro->format = o.input_format;
  ro->csv_unsorted = o.csv_unsorted;
  ro->channel = o.channel;
  ro->limits = o.limits;
  ro->allow_empty = o.allow_empty;
  static const std::vector<std::string> kRoles = {"id",   "time",     "end",     "speaker", "role",
                                                  "text", "language", "channel", "agent"};
  for (const auto& spec : SplitList(o.csv_columns)) {
    const size_t eq = spec.find('=');
    const std::string role = spec.substr(0, eq);
    if (eq == std::string::npos || std::find(kRoles.begin(), kRoles.end(), role) == kRoles.end()) {
      PrintError(
          "--csv-columns: expected ROLE=COLUMN with ROLE one of id, time, end, speaker, role, "
          "text, language, channel, agent; got '" +
          spec + "'");
      return false;
    }
    ro->csv_columns.emplace_back(role, spec.substr(eq + 1));
  }
  return true;
}

// The behaviours a report shows (--only, --skip), expected first, then
// avoid, then signals, each kind by id: the wide CSV's columns.
std::vector<std::string> ReportedBehaviours(const RuleSet& rules, const AnalyzeOptions& ao) {
  std::vector<std::string> ids;
  for (BehaviourKind kind :
       {BehaviourKind::kExpected, BehaviourKind::kAvoid, BehaviourKind::kSignal}) {
    for (const auto& [id, k] : rules.Catalogue()) {
      const auto listed = [&id = id](const std::vector<std::string>& list) {
        return std::find(list.begin(), list.end(), id) != list.end();
      };
      if (k == kind && (ao.only.empty() || listed(ao.only)) && !listed(ao.skip)) ids.push_back(id);
    }
  }
  return ids;
}

// The report: writer, output, redaction (with the packs' cue words).
bool ReportFrom(const CheckOptions& o, const report::PiiCues& cues, run::RunConfig* c) {
  if (!o.no_redact) {
    auto redactor = std::make_shared<report::Redactor>(cues);
    for (const auto& p : o.redact_patterns) {
      std::string err;
      if (!redactor->AddPattern(p, &err)) {
        PrintError("--redact-pattern: " + err);
        return false;
      }
    }
    c->redactor = std::move(redactor);
  }
  c->format = o.format;
  c->writer.color =
      report::FindWriterFormat(o.format)->color && o.output.empty() && UseColor(o.color);
  c->writer.show_all_evidence = o.all_evidence;
  c->writer.version = TACT_VERSION;
  c->writer.summary = o.summary;
  if (o.csv_layout == "wide") {
    if (o.format != "csv") {
      PrintError("--csv-layout wide: only with --format csv, not '" + o.format + "'");
      return false;
    }
    c->writer.csv_wide = true;
    c->writer.behaviour_columns = ReportedBehaviours(*c->rules, c->analyze);
    c->writer.metric_columns = eval::MetricProfile::Metrics();
  }
  c->output = o.output;
  c->strict = o.strict;
  return true;
}

}  // namespace

bool BuildRunConfig(const CheckOptions& o, run::RunConfig* c) {
  if (!ParseRunFlags(o, c)) return false;
  const auto t_start = std::chrono::steady_clock::now();
  c->rules = KeepUntilExit(LoadRules(o.rules, /*examples=*/false));
  if (!c->rules) return false;
  c->rules_load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_start).count();
  c->analyze = AnalyzeOptionsFrom(o);
  run::Vocabulary vocabulary = run::CollectVocabulary(*c->rules);
  if (!CheckAgainstRules(o, *c) || !ReadOptionsFrom(o, std::move(vocabulary.roles), &c->read) ||
      !ReportFrom(o, vocabulary.pii, c))
    return false;
  c->operands = o.inputs;
  c->jobs =
      o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  c->worst = o.worst;
  c->allow_empty = o.allow_empty;
  c->min_level = ParseLevel(o.min_level);
  c->quiet = o.quiet;
  c->verbose = o.verbose;
  c->progress =
      !o.quiet && (o.progress == "always" ||
                   (o.progress == "auto" && isatty(STDERR_FILENO) && getenv("CI") == nullptr));
  return true;
}

int RunCheck(const CheckOptions& o) {
  run::RunConfig config;
  if (!BuildRunConfig(o, &config)) return kExitUsage;
  return run::Run(config);
}

}  // namespace tact::cli
