#include "cli/eval_command.h"

#include <CLI/CLI.hpp>

#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include "agreement/agreement.h"
#include "agreement/labels.h"
#include "common/interrupt.h"
#include "common/strings.h"
#include "report/eval_writer.h"
#include "report/redact.h"
#include "report/report_util.h"
#include "rules/pack.h"
#include "run/analyze.h"
#include "run/inputs.h"
#include "run/output.h"
#include "run/redact.h"
#include "run/vocabulary.h"

namespace tact::cli {

void RegisterEval(CLI::App* app, EvalOptions* o) {
  app->add_option("inputs", o->inputs,
                  "transcript files or directories (default: the paths the labels name)")
      ->type_name("PATH");
  app->add_option("--labels,-l", o->labels,
                  "labels file: JSON {\"conversation\": {\"behaviour\": \"status\"}} or CSV "
                  "id,behaviour,status (repeatable)")
      ->type_name("FILE")
      ->required()
      ->allow_extra_args(false);
  app->add_option("--format,-f", o->format, "report format: text, json, markdown")
      ->check(CLI::IsMember(report::EvalFormats()));
  app->add_option("--lang", o->lang, "conversation language: a pack code or auto (detect)")
      ->type_name("LANG")
      ->capture_default_str();
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
  app->add_option("--channel", o->channel, "chat, call or email, for inputs that do not say")
      ->check(CLI::IsMember({"chat", "call", "email"}));
  app->add_option("-j,--jobs", o->jobs, "analyze on N threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app->add_option("--min-f1", o->min_f1,
                  "exit 1 when a behaviour's F1 in a language is below this (where defined)")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--min-accuracy", o->min_accuracy,
                  "exit 1 when a language's accuracy is below this")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--min-kappa", o->min_kappa,
                  "exit 1 when a behaviour's Cohen's kappa in a language is below this")
      ->check(CLI::Range(-1.0, 1.0));
  app->add_flag("--no-disagreements", o->no_disagreements, "print the tables only");
  app->add_flag("--no-redact", o->no_redact,
                "quote evidence without redacting e-mails, phones, cards");
  app->add_option("-o,--output", o->output,
                  "write the report to FILE (atomically) instead of stdout")
      ->type_name("FILE");
}

namespace {

// Behaviour id -> kind over every loaded pack.
std::map<std::string, BehaviourKind> KnownBehaviours(const RuleSet& rules) {
  return rules.Catalogue();
}

bool StatusFits(BehaviourKind k, Status s) {
  switch (k) {
    case BehaviourKind::kExpected:
      return s == Status::kMet || s == Status::kMissed || s == Status::kNotApplicable;
    case BehaviourKind::kAvoid:
      return s == Status::kViolated || s == Status::kClean || s == Status::kNotApplicable;
    case BehaviourKind::kSignal:
      return s == Status::kPresent || s == Status::kAbsent || s == Status::kNotApplicable;
  }
  return false;
}

// Reads and checks every labels file before the run: unknown behaviours and
// statuses a behaviour cannot have are errors.
bool LoadLabels(const EvalOptions& o, const RuleSet& rules,
                std::vector<agreement::LabelledConversation>* labelled) {
  Diagnostics diags;
  bool ok = true;
  for (const auto& path : o.labels) {
    std::string content, message;
    if (!run::ReadInput({path}, &content, &message)) {
      diags.push_back(MakeError(path, 0, 0, message));
      ok = false;
      continue;
    }
    ok &= agreement::ReadLabels(path, content, labelled, &diags);
  }
  auto known = KnownBehaviours(rules);
  std::vector<std::string> names;
  for (const auto& [id, k] : known) names.push_back(id);
  for (const auto& c : *labelled) {
    for (const auto& l : c.labels) {
      auto it = known.find(l.behaviour);
      if (it == known.end()) {
        diags.push_back(MakeError(c.file, c.line, 0,
                                  "'" + c.key + "': unknown behaviour '" + l.behaviour + "'" +
                                      DidYouMean(l.behaviour, names)));
        ok = false;
      } else if (!StatusFits(it->second, l.status)) {
        diags.push_back(MakeError(c.file, c.line, 0,
                                  "'" + c.key + "': '" + l.behaviour + "' is " +
                                      std::string(KindName(it->second)) + " and cannot be '" +
                                      std::string(StatusName(l.status)) + "'"));
        ok = false;
      }
    }
  }
  for (const auto& d : diags) fprintf(stderr, "%s\n", d.Format().c_str());
  return ok;
}

// The inputs: as given, or the label keys that name files next to their labels file.
bool Operands(const EvalOptions& o, const std::vector<agreement::LabelledConversation>& labelled,
              std::vector<std::string>* operands) {
  *operands = o.inputs;
  if (!operands->empty()) return true;
  for (const auto& c : labelled) {
    std::filesystem::path p =
        c.folder.empty() ? std::filesystem::path(c.key) : std::filesystem::path(c.folder) / c.key;
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) operands->push_back(p.lexically_normal().string());
  }
  if (!operands->empty()) return true;
  PrintError("no inputs given and no label key names a file next to the labels file");
  return false;
}

// One labelled conversation's labels against tact's verdicts.
void Compare(const ConversationResult& r, const agreement::LabelledConversation& c,
             agreement::Agreement* agreement) {
  agreement->AddConversation(r.language);
  for (const auto& l : c.labels) {
    if (l.status == Status::kNotApplicable) continue;
    const BehaviourResult* b = nullptr;
    for (const auto& br : r.behaviours)
      if (br.id == l.behaviour) b = &br;
    Status tact = b ? b->status : Status::kNotApplicable;
    bool gold = agreement::Shows(l.status), got = agreement::Shows(tact);
    agreement->Add(r.language, l.behaviour, gold, got);
    if (gold == got) continue;
    agreement::Disagreement d;
    d.conversation = c.key;
    d.language = r.language;
    d.behaviour = l.behaviour;
    d.gold = l.status;
    d.tact = tact;
    if (b != nullptr) {
      d.note = b->note;
      for (const auto& e : b->evidence) {
        d.evidence.push_back(report::DescribeEvidence(e) + " (" + e.rule + ")");
        if (d.evidence.size() == 3) break;
      }
    } else {
      d.note = "not judged (no such behaviour in the '" + r.language + "' pack)";
    }
    agreement->AddDisagreement(std::move(d));
  }
}

// Writes the report and returns the exit code.
int Finish(const EvalOptions& o, const agreement::Agreement& agreement,
           report::EvalReportInfo* info, run::Output* out) {
  info->gates = agreement::CheckGates(agreement, o.min_f1, o.min_accuracy, o.min_kappa);
  std::string buf;
  report::WriteEvalReport(o.format, agreement, *info, &buf);
  out->Write(buf);
  std::string err;
  if (!out->Commit(&err)) {
    PrintError(err);
    return kExitInput;
  }
  for (const auto& g : info->gates)
    fprintf(stderr, "tact: gate failed: %s = %.2f < %.2f\n", g.what.c_str(), g.value, g.limit);
  if (info->skipped > 0) return kExitInput;
  return info->gates.empty() ? kExitOk : kExitThreshold;
}

}  // namespace

int RunEval(const EvalOptions& o) {
  InstallInterruptHandlers();
  auto rules = LoadRules(o.rules, /*examples=*/false);
  if (!rules) return kExitUsage;
  if (!CheckLanguage(*rules, o.lang, true, "--lang")) return kExitUsage;
  std::vector<agreement::LabelledConversation> labelled;
  if (!LoadLabels(o, *rules, &labelled)) return kExitUsage;
  std::vector<std::string> operands;
  if (!Operands(o, labelled, &operands)) return kExitUsage;

  AnalyzeOptions ao;
  ao.language = o.lang;
  run::Vocabulary vocabulary = run::CollectVocabulary(*rules);
  input::ReadOptions ro;
  ro.roles.agent_names = o.agent_names;
  ro.roles.customer_names = o.customer_names;
  ro.roles.vocabulary = std::move(vocabulary.roles);
  ro.channel = o.channel;
  const report::Redactor redactor(vocabulary.pii);
  const run::RedactStage redact(o.no_redact ? nullptr : &redactor, /*summary_only=*/false);
  run::Output out;
  {
    std::string err;
    if (!out.Open(o.output, operands, false, &err)) {
      PrintError("--output: " + err);
      return kExitUsage;
    }
  }
  agreement::LabelIndex index(labelled);
  agreement::Agreement agreement;
  report::EvalReportInfo info;
  info.version = TACT_VERSION;
  info.labels_files = static_cast<int>(o.labels.size());
  info.show_disagreements = !o.no_disagreements;
  std::set<const agreement::LabelledConversation*> seen;
  run::AnalyzeHooks hooks;
  hooks.problem = [&](const Diagnostic& d) {
    fprintf(stderr, "%s\n", d.Format().c_str());
    if (d.severity == Severity::kError) ++info.skipped;
  };
  hooks.post = [&](ConversationResult& r, std::string*) { redact.Result(&r); };
  hooks.result = [&](const ConversationResult& r, const std::string&) {
    const agreement::LabelledConversation* c = index.Find(r.id, r.source);
    if (c == nullptr) {
      ++info.unlabelled_conversations;
    } else if (!seen.insert(c).second) {
      fprintf(stderr,
              "%s:%d: warning: '%s' matches more than one conversation; the first is scored\n",
              c->file.c_str(), c->line, c->key.c_str());
    } else {
      Compare(r, *c, &agreement);
    }
  };
  std::atomic<bool> stop{false};
  run::AnalyzeCounts counts;
  run::Analyze(
      run::ExpandInputs(operands, hooks.problem), ro, *rules, ao,
      o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())),
      &stop, hooks, &counts);
  if (Interrupted()) {
    out.Abort();
    return kExitInterrupted;
  }
  for (const auto* c : index.Unused()) {
    fprintf(stderr, "%s:%d: warning: no conversation '%s' among the inputs\n", c->file.c_str(),
            c->line, c->key.c_str());
    info.unmatched.push_back(c->key);
  }
  return Finish(o, agreement, &info, &out);
}

}  // namespace tact::cli
