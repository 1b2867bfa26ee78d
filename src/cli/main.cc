// tact: analyze customer-support conversations for empathy, listening,
// apologies and the other behaviours of the catalogue. CLI wiring only.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <new>
#include <string>
#include <vector>

#include "cli/check_command.h"
#include "cli/common.h"
#include "cli/config_command.h"
#include "cli/eval_command.h"
#include "cli/explain_command.h"
#include "cli/merge_command.h"
#include "cli/rules_command.h"
#include "cli/usage.h"

int main(int argc, char** argv) {
  using namespace tact::cli;
  CLI::App app{
      "tact: checks customer-support conversations for empathy, active listening, apologies,\n"
      "clear next steps and what to avoid (blame, condescension, jargon, shouting), per language."};
  app.set_version_flag("--version", std::function<std::string()>(VersionText));
  app.require_subcommand(1);
  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand("check", "analyze transcripts and print a report");
  RegisterCheck(check_cmd, &check);
  RulesOptions rules;
  CLI::App* rules_cmd = app.add_subcommand("rules", "list, test and try the rule packs");
  CLI::App *list = nullptr, *test = nullptr, *try_cmd = nullptr;
  RegisterRules(rules_cmd, &rules, &list, &test, &try_cmd);
  MergeOptions merge;
  CLI::App* merge_cmd =
      app.add_subcommand("merge", "combine summaries from 'tact check --summary --format json'");
  RegisterMerge(merge_cmd, &merge);
  EvalOptions eval;
  CLI::App* eval_cmd = app.add_subcommand(
      "eval", "compare tact's verdicts with human labels: precision, recall, F1, kappa");
  RegisterEval(eval_cmd, &eval);
  ExplainOptions explain;
  CLI::App* explain_cmd = app.add_subcommand("explain", "describe a behaviour and its rules");
  RegisterExplain(explain_cmd, &explain);
  ConfigOptions config;
  CLI::App* config_cmd = app.add_subcommand(
      "config", "print the effective 'tact check' settings: flags, .tact project file, defaults");
  RegisterConfig(config_cmd, &config);
  // Every command's help ends with examples, after the notes its Register*
  // gave it (exit codes, merge's rule on shards).
  auto examples = [](CLI::App* cmd, const std::string& text) {
    const std::string notes = cmd->get_footer();
    cmd->footer(notes.empty() ? text : notes + "\n\n" + text);
  };
  examples(
      check_cmd,
      "Examples:\n  tact check chat.txt\n  tact check --format json -o report.json exports/\n"
      "  tact check --fail-on 'violated>0,missed:empathy>0.2' --format junit -o tact.xml logs/\n"
      "  tact check --summary --group-by agent tickets.csv");
  examples(rules_cmd,
           "Examples:\n  tact rules list\n  tact rules test --coverage\n"
           "  tact rules try --lang es \"Lo siento mucho\"");
  examples(list, "Example:\n  tact rules list --format json");
  examples(test, "Examples:\n  tact rules test\n  tact rules test --rules my-rules/");
  examples(try_cmd, "Example:\n  tact rules try --lang en \"I'm so sorry about that\"");
  examples(merge_cmd,
           "Example:\n  tact check --summary --format json --shard 1/2 -o part1.json logs/\n"
           "  tact check --summary --format json --shard 2/2 -o part2.json logs/\n"
           "  tact merge part1.json part2.json --format markdown");
  examples(eval_cmd, "Example:\n  tact eval --labels labels-en.json devset/en");
  examples(explain_cmd, "Examples:\n  tact explain empathy\n  tact explain blame --lang sv");
  examples(config_cmd, "Examples:\n  tact config\n  tact config --format json --lang es");
  bool no_config = false;
  check_cmd->add_flag("--no-config", no_config, "ignore .tact project files");
  // `tact check` takes its defaults from the nearest .tact (flags override).
  std::vector<std::string> args(argv + 1, argv + argc);
  if (int rc = PreParse(app, args); rc >= 0) return rc;
  const std::vector<std::string> given = args;  // as typed, for error messages
  ProjectConfig project;
  const bool is_check = !args.empty() && args[0] == "check";
  const bool is_config = !args.empty() && args[0] == "config";
  if ((is_check || is_config) && std::find(args.begin(), args.end(), "--no-config") == args.end()) {
    if (!LoadProjectConfig(".", &project)) return kExitUsage;
    if (is_check) {
      std::vector<std::string> rest(args.begin() + 1, args.end());
      if (!ApplyProjectConfig(*check_cmd, project, &rest)) return kExitUsage;
      args.resize(1);
      args.insert(args.end(), rest.begin(), rest.end());
    }
  }
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return ParseFailure(app, e, given);
  }
  try {
    if (check_cmd->parsed()) return RunCheck(check);
    if (list->parsed()) return RunRulesList(rules);
    if (test->parsed()) return RunRulesTest(rules);
    if (try_cmd->parsed()) return RunRulesTry(rules);
    if (eval_cmd->parsed()) return RunEval(eval);
    if (explain_cmd->parsed()) return RunExplain(explain);
    if (merge_cmd->parsed()) return RunMerge(merge);
    if (config_cmd->parsed()) {
      config.flags = config_cmd->remaining();
      return RunConfig(*check_cmd, project, config);
    }
  } catch (const std::bad_alloc&) {
    // Limits keep inputs and rule packs bounded; should memory still run
    // out, say so (the unwinding dropped any unfinished report file)
    // instead of dying with an uncaught exception.
    fprintf(stderr,
            "tact: error: out of memory; lower -j, the input limits (--max-document-bytes, "
            "--max-turn-bytes) or the rule pack's gaps\n");
    return kExitInput;
  }
  return kExitUsage;
}
