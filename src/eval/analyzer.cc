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
#include "score/coaching.h"
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
  return score::CheckScorecardIds(card, rules.Catalogue(), eval::MetricProfile::Metrics(), diags);
}

std::string OtherLanguageNote(const ConversationResult& r) {
  if (r.detected_language.empty()) return "";
  char conf[32];
  snprintf(conf, sizeof conf, "%.2f", r.detected_confidence);
  return "--lang " + r.language + ", but the conversation reads as " + r.detected_language + " (" +
         conf + ")";
}

struct Analyzer::Impl {
  const RuleSet& rules;
  AnalyzeOptions options;
  eval::LanguageDetector detector;
  std::map<std::string, std::unique_ptr<eval::TurnMatcher>> matchers;
  std::vector<eval::TextMatches> turn_matches;
  std::vector<std::string> stopped_turns;  // warnings of the last MatchTurns()
  // Per turn, the pack it is matched with; empty when every turn uses the
  // conversation's language.
  std::vector<std::string> turn_language;
  eval::MetricProfile profile;
  score::Scorecard scorecard;
  // Each pack's texts per tips language, resolved on first use.
  std::map<std::pair<const rules::LanguagePack*, std::string>,
           std::unique_ptr<eval::BehaviourTable>>
      tables;
  // Each pack's coaching words, looked up on first use.
  std::map<const rules::LanguagePack*, std::unique_ptr<score::CoachingWords>> coaching;

  Impl(const RuleSet& r, AnalyzeOptions o) : rules(r), options(std::move(o)), detector(r) {
    Diagnostics ignored;  // validated by the caller
    LoadProfile(options, &profile, &ignored);
    LoadScorecard(options, &scorecard, &ignored);
  }

  const eval::BehaviourTable* Table(const rules::LanguagePack& pack, const std::string& tips) {
    auto& t = tables[{&pack, tips}];
    if (!t) t = std::make_unique<eval::BehaviourTable>(pack, tips);
    return t.get();
  }

  const score::CoachingWords& Coaching(const rules::LanguagePack& pack) {
    auto& w = coaching[&pack];
    if (!w) w = std::make_unique<score::CoachingWords>(pack.messages);
    return *w;
  }

  eval::TurnMatcher& Matcher(const std::string& lang) {
    auto& m = matchers[lang];
    if (!m) m = std::make_unique<eval::TurnMatcher>(*rules.pack(lang));
    return *m;
  }

  // The pack to use when detection is unsure: only one the user named
  // (--fallback-lang); "" reports the conversation as unsupported.
  std::string Fallback() const {
    return rules.has(options.fallback_language) ? options.fallback_language : "";
  }

  void Unsupported(const std::string& code, ConversationResult* r) {
    r->language = code.empty() ? "und" : code;
    r->language_method = "unsupported";
    r->warnings.push_back("language '" + r->language +
                          "' has no rule pack: behaviours not judged (--lang or --fallback-lang "
                          "forces a pack)");
  }

  void ChooseLanguage(const Conversation& c, ConversationResult* r) {
    turn_language.clear();
    if (!c.language.empty()) {
      if (rules.has(c.language)) {
        r->language = c.language;
        r->language_confidence = 1;
        r->language_method = "explicit";
        return;
      }
      if (Fallback().empty()) return Unsupported(c.language, r);
      r->warnings.push_back("language '" + c.language + "' has no rule pack; using '" + Fallback() +
                            "'");
      r->language = Fallback();
      r->language_method = "fallback";
      return;
    }
    if (options.language != "auto" && !options.language.empty()) {
      r->language = rules.has(options.language) ? options.language : rules.languages().front();
      r->language_confidence = 1;
      r->language_method = "option";
      NoteOtherLanguage(c, r);
      return;
    }
    std::vector<std::string_view> texts, agent, customer;
    for (const auto& t : c.turns) {
      texts.push_back(t.text);
      if (t.role == Role::kAgent) agent.push_back(t.text);
      if (t.role == Role::kCustomer) customer.push_back(t.text);
    }
    eval::LanguageGuess g = detector.Detect(texts);
    eval::LanguageGuess ga = detector.Detect(agent), gc = detector.Detect(customer);
    r->language_confidence = g.confidence;
    // A script no pack writes in, in the whole text or one side's turns.
    std::string script = !g.script_language.empty()    ? g.script_language
                         : !gc.script_language.empty() ? gc.script_language
                                                       : ga.script_language;
    if (!g.language.empty() && g.confidence >= options.min_confidence && script.empty()) {
      r->language = g.language;
      r->language_method = "detected";
      // Customer and agent in two pack languages: the behaviours are judged
      // with the agent's pack (see AssignTurnLanguages).
      const std::string& agent_lang = Sure(ga) ? ga.language : g.language;
      const std::string& customer_lang = Sure(gc) ? gc.language : g.language;
      if (agent_lang != customer_lang) {
        r->language = agent_lang;
        if (Sure(ga)) r->language_confidence = ga.confidence;
        r->customer_language = customer_lang;
        AssignTurnLanguages(c, agent_lang, customer_lang);
      }
      return;
    }
    Undetected(g, script, r);
  }

  // Customer and agent in two pack languages: each turn is matched with its
  // own language when it is clear, else with its side's. A customer who also
  // writes the agent's language in a clear turn ("I need the update urgently"
  // beside "Hola, necesito…") has no single language of their own: their
  // unclear turns ("Okey. Thank you!") take the agent's.
  void AssignTurnLanguages(const Conversation& c, const std::string& agent_lang,
                           const std::string& customer_lang) {
    turn_language.assign(c.turns.size(), "");
    bool customer_writes_agent_lang = false;
    for (size_t i = 0; i < c.turns.size(); ++i) {
      eval::LanguageGuess gt = detector.Detect({c.turns[i].text});
      if (!Sure(gt)) continue;
      turn_language[i] = gt.language;
      customer_writes_agent_lang |= c.turns[i].role == Role::kCustomer && gt.language == agent_lang;
    }
    const std::string& customer_default = customer_writes_agent_lang ? agent_lang : customer_lang;
    for (size_t i = 0; i < c.turns.size(); ++i) {
      if (!turn_language[i].empty()) continue;
      turn_language[i] = c.turns[i].role == Role::kCustomer ? customer_default : agent_lang;
    }
  }

  // Detection was unsure, or found a script no pack writes in: the fallback
  // pack if the user named one, else unsupported.
  void Undetected(const eval::LanguageGuess& g, const std::string& script, ConversationResult* r) {
    char buf[32];
    snprintf(buf, sizeof buf, "%.2f", g.confidence);
    std::string guess =
        g.language.empty() ? std::string("none") : "best guess '" + g.language + "' at " + buf;
    if (Fallback().empty()) {
      Unsupported(script, r);
      if (script.empty()) r->warnings.back() += " (" + guess + ")";
      return;
    }
    r->language = Fallback();
    r->language_method = "fallback";
    r->warnings.push_back(g.language.empty()
                              ? "no language profile to detect with; using '" + r->language + "'"
                              : "language unsure (" + guess + "); using fallback '" + r->language +
                                    "'");
  }

  // --lang forces a pack, so a wrong one (an export from the Spanish queue run
  // with --lang en) would be judged quietly with rules that cannot match: when
  // the text clearly reads as another language, say so. Only when sure (as
  // sure as for judging one side's turns with its own pack), so short or
  // mixed conversations are not flagged.
  void NoteOtherLanguage(const Conversation& c, ConversationResult* r) const {
    std::vector<std::string_view> texts;
    for (const auto& t : c.turns) texts.push_back(t.text);
    eval::LanguageGuess g = detector.Detect(texts);
    std::string other;
    double confidence = 0;
    if (!g.script_language.empty()) {
      if (g.script_share >= kMinSideConfidence) other = g.script_language;
      confidence = g.script_share;
    } else if (Sure(g) && g.confidence >= kMinSideConfidence) {
      other = g.language;
      confidence = g.confidence;
    }
    if (other.empty() || other == r->language) return;
    r->detected_language = other;
    r->detected_confidence = confidence;
    r->warnings.push_back(OtherLanguageNote(*r));
  }

  // Confident enough about one side's language to judge its turns with it.
  bool Sure(const eval::LanguageGuess& g) const {
    return !g.language.empty() && g.script_language.empty() && g.words >= kMinSideWords &&
           g.confidence >= std::max(options.min_confidence, kMinSideConfidence);
  }
  static constexpr size_t kMinSideWords = 8;
  static constexpr double kMinSideConfidence = 0.95;

  // Every behaviour of the catalogue (from `pack`), not_applicable with `note`, in *out.
  void NotJudged(const rules::LanguagePack& pack, const std::string& note,
                 const eval::EvaluateOptions& eo, std::vector<BehaviourResult>* out) const {
    const Conversation empty;  // no turns: titles, tips and the --only/--skip filter
    eval::Evaluate(pack, empty, {}, eo, out);
    for (auto& b : *out) {
      b.status = Status::kNotApplicable;  // signals too: not "absent", never looked for
      b.episodes.clear();
      b.evidence.clear();
      b.note = note;
    }
  }

  // Matches each turn with its language's pack (turn_language, else
  // `language`); a match from another pack is renumbered to the behaviour of
  // the same id in `language`'s pack (every pack defines the same catalogue)
  // and keeps its rule index.
  void MatchTurns(const Conversation& c, const std::string& language) {
    if (turn_matches.size() < c.turns.size()) turn_matches.resize(c.turns.size());
    stopped_turns.clear();
    const rules::LanguagePack& judge = Matcher(language).pack();
    for (size_t i = 0; i < c.turns.size(); ++i) {
      eval::TextMatches& tm = turn_matches[i];
      const std::string& lang = turn_language.empty() ? language : turn_language[i];
      eval::TurnMatcher& m = Matcher(lang);
      m.Match(c.turns[i].text, &tm);
      if (tm.matched_tokens < tm.tokens.size()) {
        // Not silent: the verdicts after this point of the turn are missing.
        stopped_turns.push_back(
            "turn " + std::to_string(i + 1) + ": rules matched only the first " +
            std::to_string(tm.matched_tokens) + " of " + std::to_string(tm.tokens.size()) +
            " words: the rule pack is too costly for this turn (many patterns with long gaps "
            "over a long, unpunctuated text)");
      }
      // {echo} conditions, in the turn's own pack, before any renumbering.
      if (eval::NeedsEcho(m.pack(), tm))
        eval::ApplyEcho(m.pack(), eval::EchoContext(c, turn_matches, i), &tm);
      if (lang == language) continue;
      auto renumber = [&](std::vector<eval::RuleMatch>* ms) {
        std::vector<eval::RuleMatch> kept;
        for (auto rm : *ms) {
          auto it = judge.behaviour_index.find(m.pack().behaviours[rm.behaviour].id);
          if (it == judge.behaviour_index.end()) continue;
          rm.behaviour = it->second;
          kept.push_back(rm);
        }
        *ms = std::move(kept);
      };
      renumber(&tm.matches);
      renumber(&tm.vetoes);
    }
  }

  // Evidence from a turn matched with another pack names that pack's rule line.
  void OtherPackRuleLocations(ConversationResult* r) {
    if (turn_language.empty()) return;
    const rules::LanguagePack& judge = Matcher(r->language).pack();
    for (auto& b : r->behaviours) {
      for (auto& e : b.evidence) {
        const size_t t = static_cast<size_t>(e.turn - 1);
        if (t >= turn_language.size() || turn_language[t] == r->language) continue;
        const rules::LanguagePack& other = Matcher(turn_language[t]).pack();
        auto oi = other.behaviour_index.find(b.id);
        const eval::RuleMatch* m = turn_matches[t].First(judge.behaviour_index.at(b.id));
        if (oi != other.behaviour_index.end() && m != nullptr)
          e.rule = eval::RuleLocation(other.behaviours[oi->second], m->rule);
      }
    }
  }

  void TrimMatchers() {
    for (auto& [lang, m] : matchers) m->Trim();
  }
};

Analyzer::Analyzer(const RuleSet& rules, AnalyzeOptions options)
    : impl_(std::make_unique<Impl>(rules, std::move(options))) {}
Analyzer::~Analyzer() = default;

namespace {

// What a result copies of its conversation, and every other field back to
// its default except the lists the analysis refills in place (behaviours,
// metrics, focus, score breakdown), which keep their memory.
void StartResult(const Conversation& c, ConversationResult* r) {
  r->id = c.id;
  r->source = c.source;
  r->input_format = c.input_format;
  r->language.clear();
  r->language_confidence = 0;
  r->language_method.clear();
  r->customer_language.clear();
  r->detected_language.clear();
  r->detected_confidence = 0;
  r->channel = c.channel;
  r->agent = c.agent;
  r->speakers = c.speakers;
  r->turn_count = static_cast<int>(c.turns.size());
  r->score = 0;
  r->focus_heading.clear();
  r->warnings.clear();
  r->line = c.line;
  r->turn_lines.clear();
  r->agent_turns = 0;
  for (const auto& t : c.turns) {
    r->turn_lines.push_back(t.line);
    r->agent_turns += t.role == Role::kAgent;
  }
  r->metadata = c.metadata;
}

}  // namespace

ConversationResult Analyzer::Analyze(const Conversation& c) {
  ConversationResult r;
  Analyze(c, &r);
  return r;
}

void Analyzer::Analyze(const Conversation& c, ConversationResult* out) {
  ConversationResult& r = *out;
  StartResult(c, &r);
  impl_->ChooseLanguage(c, &r);
  eval::EvaluateOptions eo;
  eo.tips_language = impl_->options.tips_language;
  if (r.unsupported_language()) {
    // Never judged with another language's rules: the catalogue, all n/a.
    const RuleSet& rules = impl_->rules;
    const rules::LanguagePack& catalogue =
        *rules.pack(rules.has("en") ? "en" : rules.languages().front());
    if (eo.tips_language.empty()) eo.tips_language = "en";
    eo.only = impl_->options.only;
    eo.skip = impl_->options.skip;
    eo.table = impl_->Table(catalogue, eo.tips_language);
    impl_->NotJudged(catalogue, "unsupported language '" + r.language + "'", eo, &r.behaviours);
    r.metrics.clear();
    r.score_breakdown = ScoreBreakdown{};
    r.focus.clear();
    r.score = -1;
    if (c.turns.empty()) r.warnings.push_back("conversation has no turns");
    return;
  }
  eval::TurnMatcher& m = impl_->Matcher(r.language);
  impl_->MatchTurns(c, r.language);
  for (auto& w : impl_->stopped_turns) r.warnings.push_back(std::move(w));
  const auto& tm = impl_->turn_matches;
  eo.table = impl_->Table(m.pack(), eo.tips_language);
  eval::Evaluate(m.pack(), c, tm, eo, &r.behaviours);
  impl_->OtherPackRuleLocations(&r);
  eval::ComputeMetrics(c, tm, m.pack(), impl_->profile, &r.warnings, &r.metrics);
  // Scored on every behaviour; --only/--skip then choose what is shown.
  r.score =
      score::ComputeScore(impl_->scorecard, c.channel, r.behaviours, r.metrics, &r.score_breakdown);
  // Coaching words in the language the titles and tips are in.
  const RuleSet& rules = impl_->rules;
  const std::string& words =
      eo.tips_language.empty() || !rules.has(eo.tips_language) ? r.language : eo.tips_language;
  score::Coach(impl_->Coaching(*rules.pack(words)), &r);
  const auto& only = impl_->options.only;
  const auto& skip = impl_->options.skip;
  if (!only.empty() || !skip.empty()) {
    std::erase_if(r.behaviours, [&](const BehaviourResult& b) {
      return (!only.empty() && std::find(only.begin(), only.end(), b.id) == only.end()) ||
             std::find(skip.begin(), skip.end(), b.id) != skip.end();
    });
  }
  if (c.turns.empty()) r.warnings.push_back("conversation has no turns");
  impl_->TrimMatchers();
}

}  // namespace tact
