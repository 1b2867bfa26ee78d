#include "eval/example_check.h"

namespace tact::eval {

std::string DescribeTokens(std::string_view text, const TextMatches& m) {
  std::string out = "tokens:";
  int sentence = -1;
  for (const auto& t : m.tokens) {
    if (t.sentence != sentence) {
      sentence = t.sentence;
      out += " {" + std::to_string(sentence + 1) + "}";
    }
    out += " " + t.info->norm;
    if (!t.info->stem.empty() && t.info->stem != t.info->norm) out += "~" + t.info->stem;
  }
  (void)text;
  return out;
}

std::string DescribePattern(const rules::LanguagePack& pack, int32_t pattern_id) {
  if (pattern_id < 0 || static_cast<size_t>(pattern_id) >= pack.owners.size()) return "?";
  const rules::PatternOwner& o = pack.owners[static_cast<size_t>(pattern_id)];
  const rules::BehaviourDecl& b = pack.behaviours[o.behaviour];
  const std::vector<rules::Pattern>& list = o.role == rules::PatternOwner::Role::kMatch ? b.matches
                                            : o.role == rules::PatternOwner::Role::kVeto
                                                ? b.vetoes
                                                : b.turn_vetoes;
  const rules::Pattern& p = list[o.index];
  const char* kw = o.role == rules::PatternOwner::Role::kMatch  ? "match"
                   : o.role == rules::PatternOwner::Role::kVeto ? "veto"
                                                                : "veto-turn";
  return std::string(kw) + " " + p.source + "  (" + p.loc.file + ":" + std::to_string(p.loc.line) +
         ")";
}

ExampleTotals CheckExamples(const rules::LanguagePack& pack,
                            const std::function<void(const ExampleFailure&)>& fail) {
  ExampleTotals totals;
  TurnMatcher matcher(pack);
  TextMatches m;
  for (uint32_t bi = 0; bi < pack.behaviours.size(); ++bi) {
    const rules::BehaviourDecl& b = pack.behaviours[bi];
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
      matcher.Match(ex.text, &m);
      std::string loc = ex.loc.file + ":" + std::to_string(ex.loc.line);
      std::vector<const RuleMatch*> live, vetoed;
      for (const auto& rm : m.matches) {
        if (rm.behaviour != bi) continue;
        (rm.vetoed ? vetoed : live).push_back(&rm);
      }
      std::string details = "    " + DescribeTokens(ex.text, m) + "\n";
      for (const RuleMatch* v : vetoed) {
        details += "    vetoed: '" + ex.text.substr(v->byte_begin, v->byte_end - v->byte_begin) +
                   "' by " + DescribePattern(pack, v->veto_pattern) + "\n";
      }
      for (const RuleMatch* l : live) {
        details += "    matched: '" + ex.text.substr(l->byte_begin, l->byte_end - l->byte_begin) +
                   "' by match " + b.matches[l->rule].source + "  (" + b.matches[l->rule].loc.file +
                   ":" + std::to_string(b.matches[l->rule].loc.line) + ")\n";
      }
      if (ex.positive) {
        if (live.empty()) {
          ++totals.failures;
          fail({loc,
                std::string("example does not match '") + b.id + "'" +
                    (vetoed.empty() ? "" : " (vetoed)"),
                details});
          continue;
        }
        if (ex.mark_begin >= 0) {
          bool exact = false;
          for (const RuleMatch* l : live) {
            exact |= static_cast<int>(l->byte_begin) == ex.mark_begin &&
                     static_cast<int>(l->byte_end) == ex.mark_end;
          }
          if (!exact) {
            ++totals.failures;
            fail({loc,
                  "example matches '" + b.id + "' but not exactly the marked words '" +
                      ex.text.substr(static_cast<size_t>(ex.mark_begin),
                                     static_cast<size_t>(ex.mark_end - ex.mark_begin)) +
                      "'",
                  details});
          }
        }
      } else if (!live.empty()) {
        ++totals.failures;
        fail({loc, "example matches '" + b.id + "' but must not", details});
      }
    }
  }
  return totals;
}

}  // namespace tact::eval
