// Analyzer: judges conversations against a RuleSet.
//
// Analyze() picks the conversation's language (explicit field, then the
// `language` option, then detection among the loaded packs with a confidence;
// below `min_confidence`, or when the text is mostly in a script no pack
// writes, it uses `fallback_language` when one is set and otherwise reports the
// language as unsupported: every behaviour not_applicable, no metrics, score
// n/a, never judged with another language's rules). It matches every turn with
// that language's compiled rules, evaluates each behaviour in its scope
// (speaker, position, trigger window, applicability), computes the metrics and
// a 0-100 score under a scorecard (before --only/--skip filter what is
// reported, so they never change the score). An Analyzer keeps per-language caches and is not
// thread-safe: use one per thread over a shared RuleSet.
//
// When the customer's turns and the agent's are each confidently in a
// different pack's language, the behaviours are judged with the agent's pack
// and each turn is matched with its own language's pack when that is clear,
// else its side's (`customer_language` in the result says so).
#ifndef TACT_ANALYZER_H_
#define TACT_ANALYZER_H_

#include <memory>
#include <string>
#include <vector>

#include "tact/conversation.h"
#include "tact/result.h"
#include "tact/rule_set.h"

namespace tact {

struct AnalyzeOptions {
  std::string language = "auto";  // "auto" or a pack's code
  std::string fallback_language;  // a pack when detection is unsure; "" = unsupported
  double min_confidence = 0.5;    // detection below this falls back
  std::string tips_language;      // "" = the conversation's language
  std::vector<std::string> only;  // behaviour ids to report (empty = all)
  std::vector<std::string> skip;  // behaviour ids not to report
  // Metric thresholds, "id=value" or "id.chat=value" / "id.call=value", applied
  // over the built-in profile (rules/thresholds.conf) and `profile_files`.
  std::vector<std::string> profile_files;
  std::vector<std::string> thresholds;
  // The scorecard the score is made with (docs/scorecards.md); "" = the
  // built-in rules/default.scorecard. Its thresholds apply over the profile
  // files and under `thresholds`.
  std::string scorecard_file;
};

// Checks the profile files, threshold overrides and scorecard of `options`
// (its ids against `rules`); appends located errors and returns false when
// one is malformed.
bool ValidateMetricOptions(const AnalyzeOptions& options, Diagnostics* diags);
bool ValidateScorecard(const AnalyzeOptions& options, const RuleSet& rules, Diagnostics* diags);

// "--lang en, but the conversation reads as es (0.97)" for a result whose
// forced language the text clearly is not (detected_language), else "".
std::string OtherLanguageNote(const ConversationResult& result);

class Analyzer {
 public:
  // Options are assumed valid (see ValidateMetricOptions).
  Analyzer(const RuleSet& rules, AnalyzeOptions options);
  ~Analyzer();

  // Never fails: a conversation without turns or without a usable language
  // still gets a result, with the reason in its warnings.
  ConversationResult Analyze(const Conversation& conversation);
  // The same result in *result, whatever it held before, reusing its memory:
  // strings and lists keep their capacity, so a caller that analyzes many
  // conversations into one result allocates next to nothing per conversation.
  void Analyze(const Conversation& conversation, ConversationResult* result);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tact

#endif  // TACT_ANALYZER_H_
