#include "cli/rules_command.h"

#include <CLI/CLI.hpp>

#include <cstdio>

#include "common/strings.h"
#include "eval/echo.h"
#include "eval/example_check.h"
#include "eval/turn_matcher.h"
#include "report/json.h"
#include "rules/pack.h"

namespace tact::cli {
namespace {

void AddRuleFlags(CLI::App* app, RulesOptions* o) {
  app->add_option("--rules", o->rules.dirs,
                  "extra rule directory (adds or overrides built-in files)")
      ->type_name("DIR")
      ->allow_extra_args(false);
  app->add_flag("--no-builtin-rules", o->rules.no_builtin, "use only the --rules directories");
}

std::vector<std::string> Languages(const RuleSet& rules, const std::string& lang) {
  if (lang.empty()) return rules.languages();
  return {lang};
}

}  // namespace

void RegisterRules(CLI::App* app, RulesOptions* o, CLI::App** list, CLI::App** test,
                   CLI::App** try_cmd) {
  app->require_subcommand(1);
  *list = app->add_subcommand("list", "list behaviours per language with rule and example counts");
  AddRuleFlags(*list, o);
  (*list)->add_option("--lang", o->lang, "only this language")->type_name("LANG");
  (*list)
      ->add_option("--format,-f", o->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  *test = app->add_subcommand("test", "run every inline rule example; exit 1 on a failure");
  AddRuleFlags(*test, o);
  (*test)->add_option("--lang", o->lang, "only this language")->type_name("LANG");
  (*test)->add_flag("--verbose,-v", o->verbose, "print a line per behaviour");
  (*test)->add_flag("--coverage", o->coverage,
                    "also list every match line that no '+' example fires; exit 1 if any");
  *try_cmd =
      app->add_subcommand("try", "show tokens, stems, sentences and the rules that fire on a text");
  AddRuleFlags(*try_cmd, o);
  (*try_cmd)->add_option("--lang", o->lang, "language of the text")->type_name("LANG")->required();
  (*try_cmd)->add_option("text", o->text, "the text to try")->required();
  (*try_cmd)->add_option("--context", o->context,
                         "the other speaker's previous turn, for {echo} conditions");
}

int RunRulesList(const RulesOptions& o) {
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitUsage;
  if (!o.lang.empty() && !CheckLanguage(*rules, o.lang, false, "--lang")) return kExitUsage;
  std::string out;
  report::JsonWriter w(&out);
  if (o.format == "json") w.BeginArray();
  for (const auto& lang : Languages(*rules, o.lang)) {
    const rules::LanguagePack* p = rules->pack(lang);
    if (o.format == "text") out += p->code + " (" + p->name + ", stemmer " + p->stemmer + ")\n";
    for (const auto& b : p->behaviours) {
      size_t pos = 0, neg = 0;
      for (const auto& e : b.examples) (e.positive ? pos : neg)++;
      size_t nrules = b.matches.size() + b.vetoes.size() + b.turn_vetoes.size();
      if (o.format == "json") {
        w.BeginObject();
        w.Key("language").String(lang);
        w.Key("behaviour").String(b.id);
        w.Key("kind").String(KindName(*b.kind));
        w.Key("rules").Int(static_cast<long long>(nrules));
        w.Key("examples_positive").Int(static_cast<long long>(pos));
        w.Key("examples_negative").Int(static_cast<long long>(neg));
        w.Key("file").String(b.loc.file);
        w.EndObject();
      } else {
        char line[256];
        snprintf(line, sizeof line, "  %-22s %-8s %3zu rules  %3zu+ %3zu-  %s\n", b.id.c_str(),
                 std::string(KindName(*b.kind)).c_str(), nrules, pos, neg, b.loc.file.c_str());
        out += line;
      }
    }
  }
  if (o.format == "json") {
    w.EndArray();
    out += "\n";
  }
  fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

int RunRulesTest(const RulesOptions& o) {
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitUsage;
  if (!o.lang.empty() && !CheckLanguage(*rules, o.lang, false, "--lang")) return kExitUsage;
  size_t examples = 0, failures = 0, behaviours = 0, match_lines = 0, uncovered = 0;
  for (const auto& lang : Languages(*rules, o.lang)) {
    const rules::LanguagePack* p = rules->pack(lang);
    behaviours += p->behaviours.size();
    eval::ExampleTotals t = eval::CheckExamples(*p, [&](const eval::ExampleFailure& f) {
      printf("%s: %s\n%s", f.location.c_str(), f.message.c_str(), f.details.c_str());
    });
    if (o.verbose)
      printf("%s: %zu behaviours, %zu examples, %zu failures\n", lang.c_str(), p->behaviours.size(),
             t.examples, t.failures);
    examples += t.examples;
    failures += t.failures;
    match_lines += t.match_lines;
    if (o.coverage) {
      for (const auto& [bi, k] : t.uncovered) {
        const rules::BehaviourDecl& b = p->behaviours[bi];
        const rules::Pattern& pat = b.matches[k];
        printf("%s:%d: %s%s '%s' is not fired by any '+' example\n", pat.loc.file.c_str(),
               pat.loc.line, pat.turn_scope ? "match-turn " : "match ",
               pat.name.empty() ? "" : (pat.name + ":").c_str(), pat.source.c_str());
      }
      uncovered += t.uncovered.size();
    }
  }
  printf("%zu examples in %zu behaviours: %zu failure(s)\n", examples, behaviours, failures);
  if (o.coverage) {
    printf("coverage: %zu of %zu match lines fired by a '+' example (%.1f%%), %zu uncovered\n",
           match_lines - uncovered, match_lines,
           match_lines ? 100.0 * static_cast<double>(match_lines - uncovered) /
                             static_cast<double>(match_lines)
                       : 100.0,
           uncovered);
  }
  return failures == 0 && uncovered == 0 ? kExitOk : kExitThreshold;
}

int RunRulesTry(const RulesOptions& o) {
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitUsage;
  if (!CheckLanguage(*rules, o.lang, false, "--lang")) return kExitUsage;
  const rules::LanguagePack* p = rules->pack(o.lang);
  eval::TurnMatcher matcher(*p);
  eval::TextMatches m, context;
  eval::EchoTerms terms;
  if (!o.context.empty()) {
    matcher.Match(o.context, &context);
    eval::AddEchoTerms(*p, context, &terms);
  }
  matcher.Match(o.text, &m);
  eval::ApplyEcho(*p, terms, &m);
  printf("text: %s\n", o.text.c_str());
  printf("%-4s %-20s %-20s %-20s %s\n", "sent", "token", "normalized", "stem", "bytes");
  for (const auto& t : m.tokens) {
    std::string surface = o.text.substr(t.begin, t.end - t.begin);
    std::string pad1(static_cast<size_t>(std::max(0, 20 - DisplayWidth(surface))), ' ');
    std::string pad2(static_cast<size_t>(std::max(0, 20 - DisplayWidth(t.info->norm))), ' ');
    std::string pad3(static_cast<size_t>(std::max(0, 20 - DisplayWidth(t.info->stem))), ' ');
    const std::string norm(t.info->norm), stem(t.info->stem);
    printf("%-4d %s%s %s%s %s%s %u-%u\n", t.sentence + 1, surface.c_str(), pad1.c_str(),
           norm.c_str(), pad2.c_str(), stem.c_str(), pad3.c_str(), t.begin, t.end);
  }
  bool any = false;
  for (const auto& r : m.matches) {
    const rules::BehaviourDecl& b = p->behaviours[r.behaviour];
    const rules::Pattern& pat = b.matches[r.rule];
    std::string span = o.text.substr(r.byte_begin, r.byte_end - r.byte_begin);
    printf("%s %-20s '%s'  by %s%s%s  (%s:%d)\n", r.vetoed ? "vetoed" : "fires ", b.id.c_str(),
           span.c_str(), pat.turn_scope ? "match-turn " : "match ",
           pat.name.empty() ? "" : (pat.name + ": ").c_str(), pat.source.c_str(),
           pat.loc.file.c_str(), pat.loc.line);
    if (r.no_echo)
      printf("       cancelled by its {echo} condition (too few of the context's words)\n");
    else if (r.vetoed)
      printf("       cancelled by %s\n", eval::DescribePattern(*p, r.veto_pattern).c_str());
    any = true;
  }
  for (const auto& v : m.vetoes) {
    const rules::BehaviourDecl& b = p->behaviours[v.behaviour];
    std::string span = o.text.substr(v.byte_begin, v.byte_end - v.byte_begin);
    printf("veto   %-20s '%s'  by %s\n", b.id.c_str(), span.c_str(),
           eval::DescribePattern(*p, v.veto_pattern).c_str());
    any = true;
  }
  if (!any) printf("no rule fires\n");
  return kExitOk;
}

}  // namespace tact::cli
