#include "tact/analyzer.h"

#include <algorithm>
#include <map>

#include "eval/echo.h"
#include "eval/evaluator.h"
#include "eval/language_detector.h"
#include "eval/metric_profile.h"
#include "eval/metrics.h"

#include <fstream>
#include <sstream>
#include "eval/turn_matcher.h"
#include "rules/pack.h"
#include "score/score.h"
#include "score/scorecard.h"

namespace tact {
namespace {

bool LoadScorecard(const AnalyzeOptions& o, score::Scorecard* card, Diagnostics* diags) {
  if (o.scorecard_file.empty()) {
    *card = score::BuiltinScorecard();
    return true;
  }
  std::ifstream in(o.scorecard_file);
  if (!in) {
    diags->push_back(MakeError(o.scorecard_file, 0, 0, "cannot read scorecard"));
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  *card = score::Scorecard{};
  return score::ParseScorecard(o.scorecard_file, ss.str(), card, diags);
}

bool LoadProfile(const AnalyzeOptions& o, eval::MetricProfile* p, Diagnostics* diags) {
  *p = eval::BuiltinMetricProfile();
  bool ok = true;
  score::Scorecard card;
  if (LoadScorecard(o, &card, diags)) {
    for (const auto& t : card.thresholds) {
      std::string err;
      if (!p->Override(t, &err)) {
        diags->push_back(MakeError(card.file, 0, 0, err));
        ok = false;
      }
    }
  } else {
    ok = false;
  }
  for (const auto& f : o.profile_files) {
    std::ifstream in(f);
    if (!in) {
      diags->push_back(MakeError(f, 0, 0, "cannot read profile"));
      ok = false;
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    ok &= p->Parse(f, ss.str(), diags);
  }
  for (const auto& t : o.thresholds) {
    std::string err;
    if (!p->Override(t, &err)) {
      diags->push_back(MakeError("--threshold", 0, 0, err));
      ok = false;
    }
  }
  return ok;
}

}  // namespace

bool ValidateMetricOptions(const AnalyzeOptions& options, Diagnostics* diags) {
  eval::MetricProfile p;
  return LoadProfile(options, &p, diags);
}

bool ValidateScorecard(const AnalyzeOptions& options, const RuleSet& rules, Diagnostics* diags) {
  // The built-in scorecard names the catalogue's behaviours; with other packs
  // (--no-builtin-rules) the ones they lack are simply not scored.
  if (options.scorecard_file.empty()) return true;
  score::Scorecard card;
  if (!LoadScorecard(options, &card, diags)) return false;
  std::map<std::string, BehaviourKind> kinds;
  for (const auto& lang : rules.languages())
    for (const auto& b : rules.pack(lang)->behaviours) kinds.emplace(b.id, *b.kind);
  return score::CheckScorecardIds(card, kinds, eval::MetricProfile::Metrics(), diags);
}

struct Analyzer::Impl {
  const RuleSet& rules;
  AnalyzeOptions options;
  eval::LanguageDetector detector;
  std::map<std::string, std::unique_ptr<eval::TurnMatcher>> matchers;
  std::vector<eval::TextMatches> turn_matches;
  eval::MetricProfile profile;
  score::Scorecard scorecard;

  Impl(const RuleSet& r, AnalyzeOptions o) : rules(r), options(std::move(o)), detector(r) {
    Diagnostics ignored;  // validated by the caller
    LoadProfile(options, &profile, &ignored);
    LoadScorecard(options, &scorecard, &ignored);
  }

  eval::TurnMatcher& Matcher(const std::string& lang) {
    auto& m = matchers[lang];
    if (!m) m = std::make_unique<eval::TurnMatcher>(*rules.pack(lang));
    return *m;
  }

  std::string Fallback() const {
    if (rules.has(options.fallback_language)) return options.fallback_language;
    return rules.languages().front();
  }

  void ChooseLanguage(const Conversation& c, ConversationResult* r) {
    if (!c.language.empty()) {
      if (rules.has(c.language)) {
        r->language = c.language;
        r->language_confidence = 1;
        r->language_method = "explicit";
        return;
      }
      r->warnings.push_back("language '" + c.language + "' has no rule pack; using '" + Fallback() +
                            "'");
      r->language = Fallback();
      r->language_method = "fallback";
      return;
    }
    if (options.language != "auto" && !options.language.empty()) {
      r->language = rules.has(options.language) ? options.language : Fallback();
      r->language_confidence = 1;
      r->language_method = "option";
      return;
    }
    std::vector<std::string_view> texts;
    for (const auto& t : c.turns) texts.push_back(t.text);
    eval::LanguageGuess g = detector.Detect(texts);
    r->language_confidence = g.confidence;
    if (!g.language.empty() && g.confidence >= options.min_confidence) {
      r->language = g.language;
      r->language_method = "detected";
      return;
    }
    r->language = Fallback();
    r->language_method = "fallback";
    char buf[32];
    snprintf(buf, sizeof buf, "%.2f", g.confidence);
    r->warnings.push_back(g.language.empty()
                              ? "no language profile to detect with; using '" + r->language + "'"
                              : "language unsure (best guess '" + g.language + "' at " + buf +
                                    "); using fallback '" + r->language + "'");
  }
};

Analyzer::Analyzer(const RuleSet& rules, AnalyzeOptions options)
    : impl_(std::make_unique<Impl>(rules, std::move(options))) {}
Analyzer::~Analyzer() = default;

ConversationResult Analyzer::Analyze(const Conversation& c) {
  ConversationResult r;
  r.id = c.id;
  r.source = c.source;
  r.input_format = c.input_format;
  r.channel = c.channel;
  r.agent = c.agent;
  r.speakers = c.speakers;
  r.turn_count = static_cast<int>(c.turns.size());
  r.conversation = &c;
  impl_->ChooseLanguage(c, &r);
  eval::TurnMatcher& m = impl_->Matcher(r.language);
  auto& tm = impl_->turn_matches;
  if (tm.size() < c.turns.size()) tm.resize(c.turns.size());
  for (size_t i = 0; i < c.turns.size(); ++i) m.Match(c.turns[i].text, &tm[i]);
  eval::ApplyEchoConditions(m.pack(), c, &tm);
  eval::EvaluateOptions eo;
  eo.tips_language = impl_->options.tips_language;
  r.behaviours = eval::Evaluate(m.pack(), c, tm, eo);
  r.metrics = eval::ComputeMetrics(c, tm, m.pack(), impl_->profile, &r.warnings);
  // Scored on every behaviour; --only/--skip then choose what is shown.
  r.score = score::ComputeScore(impl_->scorecard, c.channel, r.behaviours, r.metrics,
                                &r.score_breakdown);
  const auto& only = impl_->options.only;
  const auto& skip = impl_->options.skip;
  if (!only.empty() || !skip.empty()) {
    std::erase_if(r.behaviours, [&](const BehaviourResult& b) {
      return (!only.empty() && std::find(only.begin(), only.end(), b.id) == only.end()) ||
             std::find(skip.begin(), skip.end(), b.id) != skip.end();
    });
  }
  if (c.turns.empty()) r.warnings.push_back("conversation has no turns");
  m.Trim();
  return r;
}

}  // namespace tact
