// libFuzzer target for the whole of `tact check`, in one thread: read a
// conversation file, analyze each conversation with the built-in packs
// (rules/en, embedded at build time), redact it, and write it in every report
// format. The first byte picks the input format (bit 0: JSON Lines, else
// plain text), the language (bit 1: detected, with English as the fallback;
// else --lang en) and --summary (bit 2: no per-conversation output, the
// summary only); the rest is the file. Every report must be produced without
// a crash, and the json, jsonl and sarif ones must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_checks.h"
#include "input/reader.h"
#include "input/stream.h"
#include "report/redact.h"
#include "report/writer.h"
#include "run/vocabulary.h"
#include "summary/checks.h"
#include "summary/summary.h"
#include "tact/analyzer.h"
#include "tact/rule_set.h"
#include "text/utf8.h"

namespace {

const tact::RuleSet* rules = nullptr;
tact::Analyzer* analyzers[2] = {nullptr, nullptr};  // --lang en, --lang auto
const tact::run::Vocabulary* vocabulary = nullptr;  // the packs' role and cue words
const tact::report::Redactor* redactor = nullptr;
std::vector<tact::summary::Check>* checks = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  tact::RuleSetOptions ro;
  ro.eager = false;  // the English pack compiles on its first use, once
  tact::Diagnostics diags;
  rules = tact::RuleSet::Load(ro, &diags).release();
  if (!rules || !rules->pack("en")) abort();
  tact::AnalyzeOptions en;
  en.language = "en";
  analyzers[0] = new tact::Analyzer(*rules, en);
  tact::AnalyzeOptions detect;
  detect.fallback_language = "en";
  analyzers[1] = new tact::Analyzer(*rules, detect);
  vocabulary = new tact::run::Vocabulary(tact::run::CollectVocabulary(*rules));
  redactor = new tact::report::Redactor(vocabulary->pii);
  checks = NewSampleChecks();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t flags = data[0];
  const bool jsonl = flags & 1;
  tact::Analyzer& analyzer = *analyzers[(flags >> 1) & 1];
  const bool summary_only = flags & 4;

  tact::input::ReadOptions options;
  options.roles.vocabulary = vocabulary->roles;
  options.limits.max_line_bytes = 1 << 16;
  options.limits.max_document_bytes = 1 << 16;
  options.limits.max_turns = 200;
  std::deque<tact::Conversation> conversations;  // kept until End(): results point at them
  tact::summary::RunTotals totals;
  totals.inputs = 1;
  auto in = tact::input::InputStream::FromString(
      std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  tact::input::ReadContext ctx{jsonl ? "fuzz.jsonl" : "fuzz.txt", options,
                               [&](tact::Conversation&& c) {
                                 if (conversations.size() < 16)
                                   conversations.push_back(std::move(c));
                               },
                               [&](const tact::Diagnostic& d) {
                                 if (d.severity != tact::Severity::kError) return;
                                 ++totals.skipped;
                                 totals.errors.push_back(d);
                               }};
  if (jsonl)
    tact::input::ReadJsonl(*in, ctx);
  else
    tact::input::ReadText(*in, ctx);

  std::vector<tact::ConversationResult> results;
  tact::summary::SummaryBuilder summary;
  for (const auto& c : conversations) {
    tact::ConversationResult r = analyzer.Analyze(c);
    redactor->RedactResult(&r);
    for (const auto& b : r.behaviours) {
      for (const auto& e : b.evidence) {
        if (e.span_begin > e.span_end || e.span_end > e.text.size()) __builtin_trap();
      }
    }
    summary.Add(r);
    results.push_back(std::move(r));
  }
  totals.read = totals.analyzed = results.size();
  tact::summary::Summary& s = summary.summary();
  s.inputs = totals.inputs;
  s.read = totals.read;
  s.analyzed = totals.analyzed;
  s.skipped = totals.skipped;
  const std::vector<tact::summary::CheckOutcome> outcomes =
      tact::summary::EvaluateChecks(*checks, s);

  for (const auto& format : tact::report::WriterFormats()) {
    tact::report::WriterOptions wo;
    wo.version = "fuzz";
    wo.summary = summary_only;
    wo.show_all_evidence = flags & 8;
    auto writer = tact::report::MakeWriter(format, wo);
    if (!writer) __builtin_trap();
    std::string out;
    writer->Begin(&out);
    if (!summary_only) {
      for (const auto& r : results) {
        std::string rendered;
        if (writer->Render(r, &rendered) && !rendered.empty())
          writer->Conversation(r, rendered, &out);
        else
          writer->Conversation(r, &out);
      }
    }
    writer->End(
        totals, outcomes,
        summary_only || tact::report::FindWriterFormat(format)->needs_summary ? &s : nullptr, &out);
    if ((format == "json" || format == "jsonl" || format == "sarif") &&
        !tact::text::IsValidUtf8(out))
      __builtin_trap();
  }
  return 0;
}
