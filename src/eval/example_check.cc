#include "eval/example_check.h"

#include "eval/echo.h"

namespace tact::eval {

std::string DescribeTokens(std::string_view text, const TextMatches& m) {
  std::string out = "tokens:";
  int sentence = -1;
  for (const auto& t : m.tokens) {
    if (t.sentence != sentence) {
      sentence = t.sentence;
      out += " {" + std::to_string(sentence + 1) + "}";
    }
    out += ' ';
    out += t.info->norm;
    if (!t.info->stem.empty() && t.info->stem != t.info->norm) {
      out += '~';
      out += t.info->stem;
    }
  }
  (void)text;
  return out;
}

std::string DescribePattern(const rules::LanguagePack& pack, int32_t pattern_id) {
  if (pattern_id < 0 || static_cast<size_t>(pattern_id) >= pack.owners.size()) return "?";
  const rules::PatternOwner& o = pack.owners[static_cast<size_t>(pattern_id)];
  const rules::Pattern& p = pack.PatternOf(o);
  const char* kw = o.role == rules::PatternOwner::Role::kMatch
                       ? (p.turn_scope ? "match-turn" : "match")
                   : o.role == rules::PatternOwner::Role::kVeto ? "veto"
                                                                : "veto-turn";
  return std::string(kw) + " " + (p.name.empty() ? "" : p.name + ": ") + p.source + "  (" +
         p.loc.file + ":" + std::to_string(p.loc.line) + ")";
}

std::string MatchLineName(const rules::Pattern& p) {
  if (!p.name.empty()) return p.loc.file + "#" + p.name;
  return p.loc.file + ":" + std::to_string(p.loc.line);
}

namespace {

// What an example matched and what vetoed it, for a failure's details.
std::string ExampleDetails(const rules::LanguagePack& pack, const rules::BehaviourDecl& b,
                           const rules::Example& ex, const TextMatches& m,
                           const std::vector<const RuleMatch*>& live,
                           const std::vector<const RuleMatch*>& vetoed) {
  std::string details = "    " + DescribeTokens(ex.text, m) + "\n";
  if (!ex.context.empty()) details += "    context: " + ex.context + "\n";
  for (const RuleMatch* v : vetoed) {
    details += "    vetoed: '" + ex.text.substr(v->byte_begin, v->byte_end - v->byte_begin) +
               "' by " +
               (v->no_echo ? std::string("its {echo} condition (too few of the context's "
                                         "words)")
                           : DescribePattern(pack, v->veto_pattern)) +
               "\n";
  }
  for (const RuleMatch* l : live) {
    const rules::Pattern& p = b.matches[l->rule];
    details += "    matched: '" + ex.text.substr(l->byte_begin, l->byte_end - l->byte_begin) +
               "' by " + (p.turn_scope ? "match-turn " : "match ") +
               (p.name.empty() ? "" : p.name + ": ") + p.source + "  (" + p.loc.file + ":" +
               std::to_string(p.loc.line) + ")\n";
  }
  return details;
}

// The failure of one example given what matched it, or "" when it passes.
std::string ExampleFailureMessage(const rules::BehaviourDecl& b, const rules::Example& ex,
                                  const std::vector<const RuleMatch*>& live,
                                  const std::vector<const RuleMatch*>& vetoed) {
  if (!ex.positive) return live.empty() ? "" : "example matches '" + b.id + "' but must not";
  if (live.empty()) {
    return std::string("example does not match '") + b.id + "'" +
           (vetoed.empty() ? "" : " (vetoed)");
  }
  if (ex.mark_begin < 0) return "";
  for (const RuleMatch* l : live) {
    if (static_cast<int>(l->byte_begin) == ex.mark_begin &&
        static_cast<int>(l->byte_end) == ex.mark_end)
      return "";
  }
  return "example matches '" + b.id + "' but not exactly the marked words '" +
         ex.text.substr(static_cast<size_t>(ex.mark_begin),
                        static_cast<size_t>(ex.mark_end - ex.mark_begin)) +
         "'";
}

}  // namespace

ExampleTotals CheckExamples(const rules::LanguagePack& pack,
                            const std::function<void(const ExampleFailure&)>& fail) {
  ExampleTotals totals;
  TurnMatcher matcher(pack);
  TextMatches m, context;
  for (uint32_t bi = 0; bi < pack.behaviours.size(); ++bi) {
    const rules::BehaviourDecl& b = pack.behaviours[bi];
    std::vector<bool> fired(b.matches.size(), false);
    bool has_pos = false, has_neg = false;
    for (const auto& ex : b.examples) (ex.positive ? has_pos : has_neg) = true;
    if (!has_pos || !has_neg) {
      ++totals.failures;
      fail({b.loc.file + ":" + std::to_string(b.loc.line),
            "behaviour '" + b.id + "' needs examples that must match (+) and that must not (-)",
            ""});
    }
    for (const auto& ex : b.examples) {
      ++totals.examples;
      EchoTerms terms;
      if (!ex.context.empty()) {
        matcher.Match(ex.context, &context);
        AddEchoTerms(pack, context, &terms);
      }
      matcher.Match(ex.text, &m);
      ApplyEcho(pack, terms, &m);
      std::vector<const RuleMatch*> live, vetoed;
      for (const auto& rm : m.matches) {
        if (rm.behaviour != bi) continue;
        (rm.vetoed ? vetoed : live).push_back(&rm);
      }
      if (ex.positive) {
        for (const RuleMatch* l : live) fired[l->rule] = true;
      }
      std::string failure = ExampleFailureMessage(b, ex, live, vetoed);
      if (failure.empty()) continue;
      ++totals.failures;
      fail({ex.loc.file + ":" + std::to_string(ex.loc.line), failure,
            ExampleDetails(pack, b, ex, m, live, vetoed)});
    }
    totals.match_lines += b.matches.size();
    for (uint32_t k = 0; k < fired.size(); ++k)
      if (!fired[k]) totals.uncovered.emplace_back(bi, k);
  }
  return totals;
}

}  // namespace tact::eval
