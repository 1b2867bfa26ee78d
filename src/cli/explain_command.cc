#include "cli/explain_command.h"

#include <CLI/CLI.hpp>

#include <cstdio>

#include "rules/pack.h"

namespace tact::cli {

void RegisterExplain(CLI::App* app, ExplainOptions* o) {
  app->add_option("id", o->id, "behaviour id, e.g. empathy")->type_name("BEHAVIOUR")->required();
  app->add_option("--lang", o->lang, "only this language")->type_name("LANG");
  app->add_option("--rules", o->rules.dirs, "extra rule directory")
      ->type_name("DIR")
      ->allow_extra_args(false);
  app->add_flag("--no-builtin-rules", o->rules.no_builtin, "use only the --rules directories");
}

int RunExplain(const ExplainOptions& o) {
  auto rules = LoadRules(o.rules);
  if (!rules) return kExitUsage;
  if (!CheckBehaviourIds(*rules, {o.id}, "explain")) return kExitUsage;
  if (!o.lang.empty() && !CheckLanguage(*rules, o.lang, false, "--lang")) return kExitUsage;
  bool header = false;
  for (const auto& lang : rules->languages()) {
    if (!o.lang.empty() && lang != o.lang) continue;
    const rules::LanguagePack* p = rules->pack(lang);
    const rules::BehaviourDecl* b = p->Find(o.id);
    if (b == nullptr) continue;
    if (!header) {
      auto en_title = b->titles.count("en") ? b->titles.at("en")
                                            : (b->titles.count("") ? b->titles.at("") : b->id);
      if (lang == "en" && b->titles.count("")) en_title = b->titles.at("");
      printf("%s — %s (%s", b->id.c_str(), en_title.c_str(),
             std::string(KindName(*b->kind)).c_str());
      if (*b->kind == BehaviourKind::kAvoid)
        printf(", severity %s", std::string(LevelName(b->level)).c_str());
      printf(", speaker %s)\n", b->speaker == rules::SpeakerScope::kAgent      ? "agent"
                                : b->speaker == rules::SpeakerScope::kCustomer ? "customer"
                                                                               : "any");
      if (!b->description.empty()) printf("\n%s\n", b->description.c_str());
      if (!b->trigger.empty()) {
        printf("\nRequired within the agent's next %d turn(s) after '%s'; otherwise %s.\n",
               b->trigger_window, b->trigger.c_str(),
               b->otherwise == rules::Otherwise::kMissed ? "expected anywhere" : "not applicable");
      }
      if (b->position != rules::BehaviourDecl::Position::kAny) {
        printf("\nCounts only in the speaker's %s %d turn(s).\n",
               b->position == rules::BehaviourDecl::Position::kFirst ? "first" : "last",
               b->position_n);
      }
      if (b->time_window != rules::BehaviourDecl::TimeWindow::kNone) {
        printf("In timed calls: only the %s %.0f seconds count.\n",
               b->time_window == rules::BehaviourDecl::TimeWindow::kFirst ? "first" : "last",
               b->time_seconds);
      }
      header = true;
    }
    printf("\n[%s] %s\n", lang.c_str(), p->name.c_str());
    auto tip = b->tips.find("");
    if (tip != b->tips.end()) printf("  tip: %s\n", tip->second.c_str());
    auto tip_en = b->tips.find("en");
    if (tip_en != b->tips.end()) printf("  tip (en): %s\n", tip_en->second.c_str());
    for (const auto& m : b->matches)
      printf("  match      %s   (%s:%d)\n", m.source.c_str(), m.loc.file.c_str(), m.loc.line);
    for (const auto& m : b->vetoes)
      printf("  veto       %s   (%s:%d)\n", m.source.c_str(), m.loc.file.c_str(), m.loc.line);
    for (const auto& m : b->turn_vetoes)
      printf("  veto-turn  %s   (%s:%d)\n", m.source.c_str(), m.loc.file.c_str(), m.loc.line);
    size_t pos = 0, neg = 0;
    for (const auto& e : b->examples) (e.positive ? pos : neg)++;
    printf("  examples: %zu must match, %zu must not\n", pos, neg);
  }
  return kExitOk;
}

}  // namespace tact::cli
