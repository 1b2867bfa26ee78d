#include "eval/echo.h"

#include <algorithm>

namespace tact::eval {

size_t EchoTerms::count(uint64_t term) const {
  if (!sorted_) {
    std::sort(terms_.begin(), terms_.end());
    terms_.erase(std::unique(terms_.begin(), terms_.end()), terms_.end());
    sorted_ = true;
  }
  return std::binary_search(terms_.begin(), terms_.end(), term) ? 1 : 0;
}

namespace {

// Whether tokens [begin, end) of `text` meet the condition of `p`.
bool Holds(const rules::Pattern& p, const EchoTerms& context, const TextMatches& text, size_t begin,
           size_t end) {
  // A sentence has few content terms: collect them in a small sorted vector
  // (one buffer per thread: this runs for every match with a condition).
  thread_local std::vector<uint64_t> own;
  own.clear();
  for (size_t i = begin; i < end; ++i) {
    if (uint64_t term = text.tokens[i].info->echo_term) own.push_back(term);
  }
  std::sort(own.begin(), own.end());
  own.erase(std::unique(own.begin(), own.end()), own.end());
  size_t echoed = 0;
  for (uint64_t term : own) echoed += context.count(term);
  if (static_cast<int>(echoed) < p.echo_min) return false;
  if (p.echo_share > 0 &&
      (own.empty() || 100 * echoed < static_cast<size_t>(p.echo_share) * own.size()))
    return false;
  return echoed > 0;
}

// Tokens [*begin, *end) of sentences first..last.
void SentenceSpan(const TextMatches& text, uint16_t first, uint16_t last, size_t* begin,
                  size_t* end) {
  *begin = text.tokens.size();
  *end = 0;
  for (size_t i = 0; i < text.tokens.size(); ++i) {
    uint16_t s = text.tokens[i].sentence;
    if (s < first || s > last) continue;
    *begin = std::min(*begin, i);
    *end = i + 1;
  }
  if (*end < *begin) *begin = *end = 0;
}

// Whether ApplyEcho has anything to do on this text.
bool NeedsContext(const rules::LanguagePack& pack, const TextMatches& text) {
  for (const rules::PatternOwner& o : pack.conditional) {
    if (pack.PatternOf(o).empty) return true;
    for (const auto& m : text.matches)
      if (m.behaviour == o.behaviour && m.rule == o.index && !m.vetoed) return true;
  }
  return false;
}

}  // namespace

void AddEchoTerms(const rules::LanguagePack&, const TextMatches& text, EchoTerms* terms) {
  for (const auto& t : text.tokens) {
    if (uint64_t term = t.info->echo_term) terms->insert(term);
  }
}

void ApplyEcho(const rules::LanguagePack& pack, const EchoTerms& context, TextMatches* text) {
  for (const rules::PatternOwner& o : pack.conditional) {
    const rules::Pattern& p = pack.PatternOf(o);
    if (o.role != rules::PatternOwner::Role::kMatch) continue;
    if (p.empty) {
      // No pattern: every sentence that meets the condition matches whole.
      if (text->tokens.empty()) continue;
      uint16_t last = text->tokens.back().sentence;
      for (uint16_t s = 0; s <= last; ++s) {
        size_t b, e;
        SentenceSpan(*text, s, s, &b, &e);
        if (b == e || !Holds(p, context, *text, b, e)) continue;
        RuleMatch m;
        m.behaviour = o.behaviour;
        m.rule = o.index;
        m.tok_begin = static_cast<uint32_t>(b);
        m.tok_end = static_cast<uint32_t>(e);
        m.byte_begin = text->tokens[b].begin;
        m.byte_end = text->tokens[e - 1].end;
        m.sentence = m.sentence_end = s;
        for (const auto& v : text->vetoes) {
          if (v.behaviour == m.behaviour && (v.turn_scope || v.sentence == s)) {
            m.vetoed = true;
            m.veto_pattern = v.veto_pattern;
            break;
          }
        }
        text->matches.push_back(m);
      }
      continue;
    }
    for (auto& m : text->matches) {
      if (m.behaviour != o.behaviour || m.rule != o.index || m.vetoed) continue;
      size_t b, e;
      if (p.turn_scope) {
        b = 0;
        e = text->tokens.size();
      } else {
        SentenceSpan(*text, m.sentence, m.sentence_end, &b, &e);
      }
      if (!Holds(p, context, *text, b, e)) {
        m.vetoed = true;
        m.no_echo = true;
      }
    }
  }
}

bool NeedsEcho(const rules::LanguagePack& pack, const TextMatches& text) {
  return !pack.conditional.empty() && NeedsContext(pack, text);
}

EchoTerms EchoContext(const Conversation& c, const std::vector<TextMatches>& turns, size_t i) {
  EchoTerms context;
  Role self = c.turns[i].role;
  if (self != Role::kAgent && self != Role::kCustomer) return context;
  Role other = self == Role::kAgent ? Role::kCustomer : Role::kAgent;
  bool any = false;
  for (size_t j = i; j-- > 0;) {
    Role r = c.turns[j].role;
    if (r == self) {
      if (any) break;
      continue;  // no reply since: look further back for the other's last turn
    }
    if (r != other) continue;
    for (const auto& t : turns[j].tokens)
      if (uint64_t term = t.info->echo_term) context.insert(term);
    any = true;
  }
  return context;
}

void ApplyEchoConditions(const rules::LanguagePack& pack, const Conversation& c,
                         std::vector<TextMatches>* turns) {
  if (pack.conditional.empty()) return;
  for (size_t i = 0; i < c.turns.size(); ++i) {
    if (!NeedsEcho(pack, (*turns)[i])) continue;
    ApplyEcho(pack, EchoContext(c, *turns, i), &(*turns)[i]);
  }
}

}  // namespace tact::eval
