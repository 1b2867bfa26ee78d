#include "cli/usage.h"

#include <unicode/uversion.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/command_doc.h"
#include "cli/common.h"
#include "cli/completion.h"
#include "cli/man_page.h"
#include "common/strings.h"
#include "rules/pack.h"
#include "tact/rule_set.h"

#ifndef TACT_GIT_COMMIT
#define TACT_GIT_COMMIT "unknown"
#endif

namespace tact::cli {
namespace {

std::vector<std::string> CommandNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

// The command (or `rules` subcommand) the arguments name, for its options.
const CLI::App* CommandOf(const CLI::App& app, const std::vector<std::string>& args) {
  const CLI::App* cmd = &app;
  for (const auto& a : args) {
    if (a.empty() || a[0] == '-') break;
    const CLI::App* sub = nullptr;
    for (const CLI::App* s : cmd->get_subcommands([](const CLI::App*) { return true; }))
      if (s->get_name() == a) sub = s;
    if (sub == nullptr) break;
    cmd = sub;
  }
  return cmd;
}

std::string CommandPath(const CLI::App& app, const CLI::App* cmd) {
  std::string path;
  for (const CLI::App* c = cmd; c != nullptr && c != &app; c = c->get_parent())
    path = c->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

std::vector<std::string> LongOptions(const CLI::App* cmd) {
  std::vector<std::string> names;
  for (; cmd != nullptr; cmd = cmd->get_parent()) {
    for (const CLI::Option* o : cmd->get_options())
      for (const auto& n : o->get_lnames()) names.push_back("--" + n);
  }
  return names;
}

// The packs' languages and behaviour ids, for LANG and BEHAVIOUR values.
Vocabulary BuiltinVocabulary() {
  Vocabulary v;
  std::unique_ptr<RuleSet> rules = LoadRules(RuleOptions{});
  if (rules) {
    v.languages = rules->languages();
    v.behaviours = BehaviourIds(*rules);
  }
  return v;
}

// `tact help --man DIR`: writes tact.1 and tact-COMMAND.1 into DIR.
int WriteManPages(const CLI::App& app, const std::vector<std::string>& rest) {
  if (rest.size() != 2) {
    PrintError("usage: tact help --man DIR");
    return kExitUsage;
  }
  const std::filesystem::path dir = rest[1];
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  for (const ManPage& page : ManPages(DescribeCommand(app), BuiltinVocabulary(), TACT_VERSION)) {
    std::ofstream f(dir / page.file, std::ios::binary | std::ios::trunc);
    f << page.text;
    f.close();
    if (!f) {
      PrintError("cannot write " + (dir / page.file).string());
      return kExitInput;
    }
  }
  return kExitOk;
}

// `tact help --completion SHELL`: prints the completion script for SHELL.
int PrintCompletion(const CLI::App& app, const std::vector<std::string>& rest) {
  const std::vector<std::string>& shells = CompletionShells();
  if (rest.size() != 2 || std::find(shells.begin(), shells.end(), rest[1]) == shells.end()) {
    PrintError("usage: tact help --completion bash|zsh|fish" +
               (rest.size() == 2 ? DidYouMean(rest[1], shells) : std::string()));
    return kExitUsage;
  }
  const CommandDoc root = DescribeCommand(app);
  const Vocabulary vocabulary = BuiltinVocabulary();
  const std::string script = rest[1] == "bash"  ? BashCompletion(root, vocabulary)
                             : rest[1] == "zsh" ? ZshCompletion(root, vocabulary)
                                                : FishCompletion(root, vocabulary);
  fputs(script.c_str(), stdout);
  return kExitOk;
}

}  // namespace

std::string ShortHelp() {
  return "tact: checks customer-support conversations for empathy, active listening, apologies,\n"
         "clear next steps and what to avoid (blame, condescension, jargon, shouting).\n"
         "\n"
         "Commands (tact help COMMAND for the options of each):\n"
         "  check    analyze transcripts      tact check chat.txt\n"
         "                                    tact check --format json -o report.json exports/\n"
         "                                    tact check --fail-on 'violated>0' tickets.jsonl\n"
         "  eval     agreement with labels    tact eval --labels labels.json transcripts/\n"
         "  explain  a behaviour and rules    tact explain empathy --lang es\n"
         "  rules    list, test, try packs    tact rules try --lang en \"I'm so sorry\"\n"
         "  merge    combine shard summaries  tact merge part*.json\n"
         "  config   effective settings       tact config\n"
         "\n"
         "tact --version, tact help check\n";
}

std::string VersionText() {
  std::string out = std::string("tact ") + TACT_VERSION + " (commit " + TACT_GIT_COMMIT + ", ICU " +
                    U_ICU_VERSION + ")\n";
  RuleOptions ro;
  std::unique_ptr<RuleSet> rules = LoadRules(ro);
  if (rules) {
    out += "built-in rule packs:";
    for (const auto& code : rules->languages()) {
      const rules::LanguagePack* p = rules->settings(code);
      out += " " + code;
      if (p != nullptr && !p->name.empty()) out += " (" + p->name + ")";
    }
    out += "\n";
  }
  return out;
}

int PreParse(const CLI::App& app, const std::vector<std::string>& args) {
  if (args.empty()) {
    // Help, but still a usage error: a script that forgot the command fails.
    fputs(ShortHelp().c_str(), stdout);
    return kExitUsage;
  }
  const std::vector<std::string> commands = CommandNames(app);
  if (args[0] == "help") {
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (rest.empty()) {
      fputs(app.help().c_str(), stdout);
      return kExitOk;
    }
    // Not listed in the help: what the build runs to write the man pages
    // and completions (and `source <(tact help --completion bash)`).
    if (rest[0] == "--man") return WriteManPages(app, rest);
    if (rest[0] == "--completion") return PrintCompletion(app, rest);
    const CLI::App* cmd = CommandOf(app, rest);
    if (cmd == &app) {
      PrintError("unknown command '" + rest[0] + "'" + DidYouMean(rest[0], commands) +
                 " (hint: tact help)");
      return kExitUsage;
    }
    fputs(cmd->help().c_str(), stdout);
    return kExitOk;
  }
  if (args[0][0] != '-' && std::find(commands.begin(), commands.end(), args[0]) == commands.end()) {
    PrintError("unknown command '" + args[0] + "'" + DidYouMean(args[0], commands) +
               " (hint: tact help)");
    return kExitUsage;
  }
  return -1;
}

int ParseFailure(CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args) {
  if (e.get_exit_code() == 0) {  // --help, --help-all, --version
    if (dynamic_cast<const CLI::CallForVersion*>(&e) != nullptr) {
      fputs(e.what(), stdout);
      return kExitOk;
    }
    app.exit(e);
    return kExitOk;
  }
  const CLI::App* cmd = CommandOf(app, args);
  const std::string path = CommandPath(app, cmd);
  const std::string hint = " (hint: tact help" + (path.empty() ? "" : " " + path) + ")";
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    // Name the first argument no option took, with the nearest option.
    const std::vector<std::string> options = LongOptions(cmd);
    for (const auto& a : args) {
      if (a.size() < 2 || a[0] != '-') continue;
      std::string name = a.substr(0, a.find('='));
      if (name.size() > 2 && name[1] != '-') continue;  // short flags: CLI11's words
      if (std::find(options.begin(), options.end(), name) != options.end()) continue;
      PrintError("unknown option '" + name + "'" +
                 (path.empty() ? "" : " for 'tact " + path + "'") + DidYouMean(name, options) +
                 hint);
      return kExitUsage;
    }
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr &&
      cmd->get_require_subcommand_min() > 0) {
    // `tact rules tst`: the word after the command is a misspelt subcommand.
    const std::vector<std::string> subs = CommandNames(*cmd);
    size_t at = 0;
    for (const CLI::App* c = cmd; c != &app; c = c->get_parent()) ++at;
    if (at < args.size() && !args[at].empty() && args[at][0] != '-') {
      PrintError("unknown command '" + args[at] + "' for 'tact " + path + "'" +
                 DidYouMean(args[at], subs) + hint);
      return kExitUsage;
    }
  }
  std::string msg = e.what();
  if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
  PrintError(msg + hint);
  return kExitUsage;
}

}  // namespace tact::cli
