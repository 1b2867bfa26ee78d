// tact: analyze customer-support conversations for empathy, listening,
// apologies and the other behaviours of the catalogue. CLI wiring only.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <new>
#include <string>
#include <system_error>
#include <vector>

#include "cli/check_command.h"
#include "cli/common.h"
#include "cli/config_command.h"
#include "cli/eval_command.h"
#include "cli/explain_command.h"
#include "cli/merge_command.h"
#include "cli/rules_command.h"
#include "cli/usage.h"

namespace tact::cli {
namespace {

// The subcommands, their options and the parsed values.
struct Commands {
  CLI::App app{
      "tact: checks customer-support conversations for empathy, active listening, apologies,\n"
      "clear next steps and what to avoid (blame, condescension, jargon, shouting), per language."};
  CheckOptions check;
  RulesOptions rules;
  MergeOptions merge;
  EvalOptions eval;
  ExplainOptions explain;
  ConfigOptions config;
  bool no_config = false;
  CLI::App *check_cmd = nullptr, *rules_cmd = nullptr, *list = nullptr, *test = nullptr,
           *try_cmd = nullptr, *merge_cmd = nullptr, *eval_cmd = nullptr, *explain_cmd = nullptr,
           *config_cmd = nullptr;
};

void Register(Commands* c) {
  c->app.set_version_flag("--version", std::function<std::string()>(VersionText));
  c->app.require_subcommand(1);
  c->check_cmd = c->app.add_subcommand("check", "analyze transcripts and print a report");
  RegisterCheck(c->check_cmd, &c->check);
  c->check_cmd->add_flag("--no-config", c->no_config, "ignore .tact project files");
  c->rules_cmd = c->app.add_subcommand("rules", "list, test and try the rule packs");
  RegisterRules(c->rules_cmd, &c->rules, &c->list, &c->test, &c->try_cmd);
  c->merge_cmd =
      c->app.add_subcommand("merge", "combine summaries from 'tact check --summary --format json'");
  RegisterMerge(c->merge_cmd, &c->merge);
  c->eval_cmd = c->app.add_subcommand(
      "eval", "compare tact's verdicts with human labels: precision, recall, F1, kappa");
  RegisterEval(c->eval_cmd, &c->eval);
  c->explain_cmd = c->app.add_subcommand("explain", "describe a behaviour and its rules");
  RegisterExplain(c->explain_cmd, &c->explain);
  c->config_cmd = c->app.add_subcommand(
      "config", "print the effective 'tact check' settings: flags, .tact project file, defaults");
  RegisterConfig(c->config_cmd, &c->config);
}

// Every command's help ends with examples, after the notes its Register*
// gave it (exit codes, merge's rule on shards).
void AddExamples(const Commands& c) {
  auto examples = [](CLI::App* cmd, const std::string& text) {
    const std::string notes = cmd->get_footer();
    cmd->footer(notes.empty() ? text : notes + "\n\n" + text);
  };
  examples(
      c.check_cmd,
      "Examples:\n  tact check chat.txt\n  tact check --format json -o report.json exports/\n"
      "  tact check --fail-on 'violated>0,missed:empathy>0.2' --format junit -o tact.xml logs/\n"
      "  tact check --summary --group-by agent tickets.csv");
  examples(c.rules_cmd,
           "Examples:\n  tact rules list\n  tact rules test --coverage\n"
           "  tact rules try --lang es \"Lo siento mucho\"");
  examples(c.list, "Example:\n  tact rules list --format json");
  examples(c.test, "Examples:\n  tact rules test\n  tact rules test --rules my-rules/");
  examples(c.try_cmd, "Example:\n  tact rules try --lang en \"I'm so sorry about that\"");
  examples(c.merge_cmd,
           "Example:\n  tact check --summary --format json --shard 1/2 -o part1.json logs/\n"
           "  tact check --summary --format json --shard 2/2 -o part2.json logs/\n"
           "  tact merge part1.json part2.json --format markdown");
  examples(c.eval_cmd, "Example:\n  tact eval --labels labels-en.json devset/en");
  examples(c.explain_cmd, "Examples:\n  tact explain empathy\n  tact explain blame --lang sv");
  examples(c.config_cmd, "Examples:\n  tact config\n  tact config --format json --lang es");
}

// `tact check` takes its defaults from the nearest .tact (flags override);
// `tact config` shows them. False on a malformed project file.
bool ApplyProjectDefaults(const Commands& c, std::vector<std::string>* args,
                          ProjectConfig* project) {
  const bool is_check = !args->empty() && (*args)[0] == "check";
  const bool is_config = !args->empty() && (*args)[0] == "config";
  if (!(is_check || is_config) ||
      std::find(args->begin(), args->end(), "--no-config") != args->end())
    return true;
  if (!LoadProjectConfig(".", project)) return false;
  if (!is_check) return true;
  std::vector<std::string> rest(args->begin() + 1, args->end());
  if (!ApplyProjectConfig(*c.check_cmd, *project, &rest)) return false;
  args->resize(1);
  args->insert(args->end(), rest.begin(), rest.end());
  return true;
}

int Dispatch(Commands& c, const ProjectConfig& project) {
  if (c.check_cmd->parsed()) return RunCheck(c.check);
  if (c.list->parsed()) return RunRulesList(c.rules);
  if (c.test->parsed()) return RunRulesTest(c.rules);
  if (c.try_cmd->parsed()) return RunRulesTry(c.rules);
  if (c.eval_cmd->parsed()) return RunEval(c.eval);
  if (c.explain_cmd->parsed()) return RunExplain(c.explain);
  if (c.merge_cmd->parsed()) return RunMerge(c.merge);
  if (c.config_cmd->parsed()) {
    c.config.flags = c.config_cmd->remaining();
    return RunConfig(*c.check_cmd, project, c.config);
  }
  return kExitUsage;
}

}  // namespace
}  // namespace tact::cli

int main(int argc, char** argv) {
  using namespace tact::cli;
  Commands commands;
  Register(&commands);
  AddExamples(commands);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (int rc = PreParse(commands.app, args); rc >= 0) return rc;
  const std::vector<std::string> given = args;  // as typed, for error messages
  ProjectConfig project;
  if (!ApplyProjectDefaults(commands, &args, &project)) return kExitUsage;
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  try {
    commands.app.parse(args);
  } catch (const CLI::ParseError& e) {
    return ParseFailure(commands.app, e, given);
  }
  try {
    return Dispatch(commands, project);
  } catch (const std::bad_alloc&) {
    // Limits keep inputs and rule packs bounded; should memory still run
    // out, say so (the unwinding dropped any unfinished report file)
    // instead of dying with an uncaught exception.
    fprintf(stderr,
            "tact: error: out of memory; lower -j, the input limits (--max-document-bytes, "
            "--max-turn-bytes) or the rule pack's gaps\n");
    return kExitInput;
  } catch (const std::system_error& e) {
    // A report's temporary file that cannot be read back (report/junit_writer.h):
    // like a report that cannot be written, an error, after the unwinding
    // dropped the unfinished report file.
    fprintf(stderr, "tact: error: %s\n", e.what());
    return kExitInput;
  }
}
