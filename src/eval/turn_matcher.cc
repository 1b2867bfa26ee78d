#include "eval/turn_matcher.h"

#include <algorithm>

#include "rules/classifier_config.h"

namespace tact::eval {

bool TextMatches::Has(uint32_t b) const { return First(b) != nullptr; }

const RuleMatch* TextMatches::First(uint32_t b) const {
  for (const auto& m : matches) {
    if (m.behaviour == b && !m.vetoed) return &m;
  }
  return nullptr;
}

TurnMatcher::TurnMatcher(const rules::LanguagePack& pack)
    : pack_(pack), classifier_(rules::ClassifierConfigOf(pack)) {}

void TurnMatcher::Match(std::string_view text, TextMatches* out) {
  out->tokens.clear();
  out->matches.clear();
  out->vetoes.clear();
  Classify(text, out);
  Frame(out);
  hits_.clear();
  out->matched_tokens = raw_.size();
  RunPrograms(out);
  CollectHits(out);
  ApplyVetoes(out);
}

void TurnMatcher::Classify(std::string_view text, TextMatches* out) {
  text::Tokenize(text, &raw_);
  out->tokens.resize(raw_.size());
  for (size_t i = 0; i < raw_.size(); ++i) {
    const auto& r = raw_[i];
    out->tokens[i].begin = r.begin;
    out->tokens[i].end = r.end;
    out->tokens[i].info = &classifier_.Get(text.substr(r.begin, r.end - r.begin), r.kind);
  }
  text::AssignSentences(text, &raw_, [&](size_t i) { return out->tokens[i].info->abbreviation; });
}

void TurnMatcher::Frame(TextMatches* out) {
  // The runner sees each sentence framed by two virtual tokens that satisfy
  // only the '^' and '$' atoms. A sentence's leading @handles, #hashtags and
  // URLs ("@dan_okafor Hi Dan") come before its '^', unless they are all of it.
  sentence_ends_.clear();
  // A token and at most two edges each: written in place, no push_back.
  if (classes_.size() < raw_.size() * 3) {
    classes_.resize(raw_.size() * 3);
    real_.resize(raw_.size() * 3);
  }
  uint32_t* cls = classes_.data();
  int32_t* real = real_.data();
  size_t m = 0;
  auto addressing = [&](size_t i) {
    text::TokenKind k = raw_[i].kind;
    return k == text::TokenKind::kHandle || k == text::TokenKind::kHashtag ||
           k == text::TokenKind::kUrl;
  };
  size_t start_at = 0;  // the token the current sentence's '^' goes before
  for (size_t i = 0; i < raw_.size(); ++i) {
    uint16_t s = raw_[i].sentence;
    out->tokens[i].sentence = s;
    if (i == 0 || raw_[i - 1].sentence != s) {
      start_at = i;
      while (start_at < raw_.size() && raw_[start_at].sentence == s && addressing(start_at))
        ++start_at;
      if (start_at == raw_.size() || raw_[start_at].sentence != s) start_at = i;
    }
    if (i == start_at) {
      cls[m] = match::kSentenceStartClass;
      real[m++] = -1;
    }
    cls[m] = out->tokens[i].info->cls;
    real[m++] = static_cast<int32_t>(i);
    if (i + 1 == raw_.size() || raw_[i + 1].sentence != s) {
      cls[m] = match::kSentenceEndClass;
      real[m++] = -1;
      sentence_ends_.push_back(static_cast<uint32_t>(m));
    }
  }
  framed_ = m;
}

void TurnMatcher::Stopped(size_t at, TextMatches* out) const {
  // Where a runner stopped early, in real tokens (the virtual ones have -1).
  size_t real = 0;
  for (size_t k = at; k-- > 0;) {
    if (real_[k] >= 0) {
      real = static_cast<size_t>(real_[k]) + 1;
      break;
    }
  }
  out->matched_tokens = std::min(out->matched_tokens, real);
}

namespace {

// The atoms of a class as the classifier gave them; the sentence edges' are
// those of one program: '^' and '$' alone, or over a whole turn also the gap
// atom, so a '...N' can run across sentences.
class FramedAtoms : public match::ClassAtoms {
 public:
  FramedAtoms(const match::Classifier& c, std::span<const match::AtomId> start,
              std::span<const match::AtomId> end)
      : classifier_(c), start_(start), end_(end) {}
  std::span<const match::AtomId> Of(uint32_t cls) const override {
    if (cls == match::kSentenceStartClass) return start_;
    if (cls == match::kSentenceEndClass) return end_;
    return classifier_.class_atoms(cls);
  }

 private:
  const match::Classifier& classifier_;
  std::span<const match::AtomId> start_, end_;
};

}  // namespace

void TurnMatcher::RunPrograms(TextMatches* out) {
  static const match::AtomId kStart[] = {match::kSentenceStartAtom};
  static const match::AtomId kEnd[] = {match::kSentenceEndAtom};
  const std::span<const uint32_t> classes(classes_.data(), framed_);
  const uint64_t generation = classifier_.class_generation();
  if (!runner_.Run(pack_.program(), classes, sentence_ends_, FramedAtoms(classifier_, kStart, kEnd),
                   generation, &hits_))
    Stopped(runner_.stopped_at(), out);
  if (pack_.has_turn_patterns && framed_ > 0) {
    static const match::AtomId kTurnStart[] = {match::kAnyAtom, match::kSentenceStartAtom};
    static const match::AtomId kTurnEnd[] = {match::kAnyAtom, match::kSentenceEndAtom};
    const uint32_t one_sentence[] = {static_cast<uint32_t>(framed_)};
    if (!turn_runner_.Run(pack_.turn_program(), classes, one_sentence,
                          FramedAtoms(classifier_, kTurnStart, kTurnEnd), generation, &hits_))
      Stopped(turn_runner_.stopped_at(), out);
  }
}

void TurnMatcher::CollectHits(TextMatches* out) const {
  for (const auto& h : hits_) {
    const rules::PatternOwner& o = pack_.owners[h.pattern];
    RuleMatch m;
    m.behaviour = o.behaviour;
    m.rule = o.index;
    uint32_t b = h.begin, e = h.end;
    while (b < e && real_[b] < 0) ++b;
    while (e > b && real_[e - 1] < 0) --e;
    if (b == e) continue;  // only sentence edges: cannot happen for a valid pattern
    m.tok_begin = static_cast<uint32_t>(real_[b]);
    m.tok_end = static_cast<uint32_t>(real_[e - 1]) + 1;
    const uint32_t begin_tok = m.tok_begin, end_tok = m.tok_end;
    m.byte_begin = out->tokens[begin_tok].begin;
    m.byte_end = out->tokens[end_tok - 1].end;
    m.sentence = out->tokens[begin_tok].sentence;
    m.sentence_end = out->tokens[end_tok - 1].sentence;
    if (o.role == rules::PatternOwner::Role::kMatch) {
      out->matches.push_back(m);
    } else {
      m.veto_pattern = static_cast<int32_t>(h.pattern);
      m.turn_scope = o.role == rules::PatternOwner::Role::kTurnVeto;
      out->vetoes.push_back(m);
    }
  }
}

void TurnMatcher::ApplyVetoes(TextMatches* out) {
  for (auto& m : out->matches) {
    for (const auto& v : out->vetoes) {
      if (v.behaviour != m.behaviour) continue;
      if (v.turn_scope || (v.sentence >= m.sentence && v.sentence <= m.sentence_end)) {
        m.vetoed = true;
        m.veto_pattern = v.veto_pattern;
        break;
      }
    }
  }
}

}  // namespace tact::eval
