#include "eval/echo.h"

#include <algorithm>

namespace tact::eval {
namespace {

size_t Letters(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The content term of a token, or "" when it has none.
const std::string* Term(const rules::LanguagePack& pack, const TokenView& t) {
  const match::TokenInfo& i = *t.info;
  if (i.kind == text::TokenKind::kNumber) return &i.norm;
  if (i.kind != text::TokenKind::kWord) return nullptr;
  if (Letters(i.norm) < 3 || pack.stopword_set.count(i.norm) > 0) return nullptr;
  return i.stem.empty() ? &i.norm : &i.stem;
}

// Whether tokens [begin, end) of `text` meet the condition of `p`.
bool Holds(const rules::LanguagePack& pack, const rules::Pattern& p, const EchoTerms& context,
           const TextMatches& text, size_t begin, size_t end) {
  EchoTerms own, echoed;
  for (size_t i = begin; i < end; ++i) {
    const std::string* term = Term(pack, text.tokens[i]);
    if (term == nullptr) continue;
    own.insert(*term);
    if (context.count(*term) > 0) echoed.insert(*term);
  }
  if (static_cast<int>(echoed.size()) < p.echo_min) return false;
  if (p.echo_share > 0 &&
      (own.empty() || 100 * echoed.size() < static_cast<size_t>(p.echo_share) * own.size()))
    return false;
  return !echoed.empty();
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

}  // namespace

void AddEchoTerms(const rules::LanguagePack& pack, const TextMatches& text, EchoTerms* terms) {
  for (const auto& t : text.tokens) {
    if (const std::string* term = Term(pack, t)) terms->insert(*term);
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
        if (b == e || !Holds(pack, p, context, *text, b, e)) continue;
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
      if (!Holds(pack, p, context, *text, b, e)) {
        m.vetoed = true;
        m.no_echo = true;
      }
    }
  }
}

void ApplyEchoConditions(const rules::LanguagePack& pack, const Conversation& c,
                         std::vector<TextMatches>* turns) {
  if (pack.conditional.empty()) return;
  for (size_t i = 0; i < c.turns.size(); ++i) {
    Role self = c.turns[i].role;
    if (self != Role::kAgent && self != Role::kCustomer) continue;
    Role other = self == Role::kAgent ? Role::kCustomer : Role::kAgent;
    EchoTerms context;
    bool any = false;
    for (size_t j = i; j-- > 0;) {
      Role r = c.turns[j].role;
      if (r == self) {
        if (any) break;
        continue;  // no reply since: look further back for the other's last turn
      }
      if (r != other) continue;
      AddEchoTerms(pack, (*turns)[j], &context);
      any = true;
    }
    ApplyEcho(pack, context, &(*turns)[i]);
  }
}

}  // namespace tact::eval
