#include "eval/evaluator.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "eval/turn_scopes.h"
#include "text/normalize.h"

namespace tact::eval {
namespace {

bool InScope(rules::SpeakerScope scope, Role role) {
  switch (scope) {
    case rules::SpeakerScope::kAgent:
      return role == Role::kAgent;
    case rules::SpeakerScope::kCustomer:
      return role == Role::kCustomer;
    case rules::SpeakerScope::kAny:
      return true;
  }
  return false;
}

// The scopes of the conversation being evaluated: Evaluate() resets them
// for each conversation (one per thread, reusing its buffers).
TurnScopes& Scopes() {
  thread_local TurnScopes scopes;
  return scopes;
}

bool Wanted(const std::string& id, const EvaluateOptions& o) {
  if (!o.only.empty() && std::find(o.only.begin(), o.only.end(), id) == o.only.end()) return false;
  return std::find(o.skip.begin(), o.skip.end(), id) == o.skip.end();
}

// Whether signal `id` shows in a turn of its scope.
bool SignalPresent(const rules::LanguagePack& pack, const std::vector<TextMatches>& turns,
                   const std::string& id) {
  auto it = pack.behaviour_index.find(id);
  if (it == pack.behaviour_index.end()) return false;
  for (size_t t : Scopes().Of(pack.behaviours[it->second]))
    if (turns[t].Has(it->second)) return true;
  return false;
}

// Why an expected behaviour does not apply to this conversation: the English
// note and its message (key "" when it applies).
struct Inapplicable {
  std::string note, key;
  std::vector<std::pair<std::string, std::string>> args;
};

std::string Join(const std::vector<std::string>& ids, const char* sep) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : sep) + id;
  return out;
}

Inapplicable NotApplicable(const rules::LanguagePack& pack, const rules::BehaviourDecl& b,
                           const Conversation& c, const std::vector<TextMatches>& turns) {
  if (!b.channels.empty() &&
      std::find(b.channels.begin(), b.channels.end(), c.channel) == b.channels.end()) {
    std::vector<std::string> names;
    for (Channel ch : b.channels) names.emplace_back(ChannelName(ch));
    return {"applies only to " + Join(names, ", "), "na_channel", {{"channels", Join(names, ",")}}};
  }
  if (b.min_turns > 0) {
    int n = 0;
    for (const auto& t : c.turns) n += InScope(b.speaker, t.role) ? 1 : 0;
    if (n < b.min_turns) {
      const bool customer = b.speaker == rules::SpeakerScope::kCustomer;
      return {"needs at least " + std::to_string(b.min_turns) + " turns of the " +
                  (customer ? "customer" : "agent"),
              customer ? "na_min_customer_turns" : "na_min_agent_turns",
              {{"n", std::to_string(b.min_turns)}}};
    }
  }
  if (!b.applies_if.empty()) {
    bool any = false;
    for (const auto& s : b.applies_if) any = any || SignalPresent(pack, turns, s);
    if (!any)
      return {"applies only with '" + Join(b.applies_if, "' or '") + "'",
              "na_only_with",
              {{"signals", Join(b.applies_if, ",")}}};
  }
  for (const auto& s : b.applies_unless) {
    if (SignalPresent(pack, turns, s))
      return {"does not apply with '" + s + "'", "na_not_with", {{"signals", s}}};
  }
  return {};
}

// Whether the words `needle` (normalized) occur, as whole words, in one of
// the turns before `turn`.
bool UsedBefore(size_t turn, const std::string& needle) {
  if (needle.empty()) return false;
  auto word_char = [](unsigned char ch) { return ch >= 0x80 || std::isalnum(ch) != 0; };
  for (size_t t = 0; t < turn; ++t) {
    const std::string& hay = Scopes().Normalized(t);
    for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
      const size_t end = at + needle.size();
      if ((at == 0 || !word_char(static_cast<unsigned char>(hay[at - 1]))) &&
          (end == hay.size() || !word_char(static_cast<unsigned char>(hay[end]))))
        return true;
    }
  }
  return false;
}

}  // namespace

std::string RuleLocation(const rules::BehaviourDecl& b, uint32_t rule) {
  if (rule >= b.matches.size()) return b.loc.file + ":" + std::to_string(b.loc.line);
  const rules::Pattern& p = b.matches[rule];
  if (!p.name.empty()) return p.loc.file + "#" + p.name;
  return p.loc.file + ":" + std::to_string(p.loc.line);
}

namespace {

// The behaviour's texts and settings, as its result reports them, and the
// rest of *r (perhaps another conversation's) back to its defaults; strings
// and lists keep their memory.
inline void Describe(const rules::BehaviourDecl& b, const BehaviourTable::Texts& texts,
                     BehaviourResult* r) {
  r->id = b.id;
  r->kind = *b.kind;
  r->status = Status::kNotApplicable;
  r->title = texts.title;
  r->title_en = texts.title_en;
  r->tip = texts.tip;
  r->tip_en = texts.tip_en;
  r->level = b.level;
  r->weight = b.weight;
  r->trigger = b.trigger;
  r->trigger_window = b.trigger_window;
  r->episodes.clear();
  r->note.clear();
  r->note_key.clear();
  r->note_args.clear();
  r->explain.clear();
}

// One piece of evidence per turn in scope: its first surviving match (with
// `first-use`, the first whose words were not used before).
inline void CollectEvidence(const BehaviourTable& table, uint32_t bi, const Conversation& c,
                            BehaviourResult* r) {
  const rules::BehaviourDecl& b = table.pack().behaviours[bi];
  const std::span<const TurnScopes::TurnMatch> ms = Scopes().Matches(bi);
  size_t k = 0;  // both in turn order: walked together
  size_t n = 0;  // evidence items so far
  for (size_t t : Scopes().Of(b)) {
    while (k < ms.size() && ms[k].turn < t) ++k;
    const RuleMatch* m = nullptr;
    for (; k < ms.size() && ms[k].turn == t; ++k) {
      const RuleMatch& x = *ms[k].match;
      if (b.first_use &&
          UsedBefore(t, text::Normalize(std::string_view(c.turns[t].text)
                                            .substr(x.byte_begin, x.byte_end - x.byte_begin))))
        continue;
      m = &x;
      break;
    }
    if (m == nullptr) continue;
    // Into the slot of a previous result's evidence when there is one: its
    // strings keep their memory.
    if (n == r->evidence.size()) r->evidence.emplace_back();
    Evidence& e = r->evidence[n++];
    const Turn& turn = c.turns[t];
    e.turn = static_cast<int>(t) + 1;
    e.role = turn.role;
    e.speaker = turn.speaker;
    e.time = turn.start;
    e.text = turn.text;
    e.span_begin = m->byte_begin;
    e.span_end = m->byte_end;
    e.rule = table.Rule(bi, m->rule);
  }
  r->evidence.resize(n);
}

// An expected behaviour with an `after` trigger: walks the turns; an episode
// opens at a trigger turn and is answered when the behaviour shows in one of
// the speaker's next N turns. After an answer, the signal repeating before
// the speaker has taken N more turns belongs to the episode just answered
// ("still broken"). True when that decided the status.
inline bool JudgeTrigger(const rules::LanguagePack& pack, const rules::BehaviourDecl& b,
                         uint32_t bi, const Conversation& c, const std::vector<TextMatches>& turns,
                         BehaviourResult* r) {
  uint32_t sig = pack.behaviour_index.at(b.trigger);
  const rules::BehaviourDecl& sd = pack.behaviours[sig];
  bool pending = false;
  int pending_turn = 0, seen = 0, since_answer = -1;
  for (size_t t = 0; t < c.turns.size(); ++t) {
    const Turn& turn = c.turns[t];
    if (InScope(b.speaker, turn.role)) {
      if (pending) {
        ++seen;
        if (turns[t].Has(bi)) {
          r->episodes.push_back({pending_turn, true, static_cast<int>(t) + 1});
          pending = false;
          since_answer = 0;
        } else if (seen >= b.trigger_window) {
          r->episodes.push_back({pending_turn, false, 0});
          pending = false;
        }
      } else if (since_answer >= 0) {
        ++since_answer;
      }
    }
    bool covered = since_answer >= 0 && since_answer < b.trigger_window;
    if (!pending && !covered && InScope(sd.speaker, turn.role) && turns[t].Has(sig)) {
      pending = true;
      pending_turn = static_cast<int>(t) + 1;
      seen = 0;
    }
  }
  // An episode still open at the end counts only if the speaker had a turn after it.
  if (pending && seen > 0) r->episodes.push_back({pending_turn, false, 0});
  if (!r->episodes.empty()) {
    bool all = std::all_of(r->episodes.begin(), r->episodes.end(),
                           [](const TriggerEpisode& e) { return e.answered; });
    r->status = all ? Status::kMet : Status::kMissed;
    if (!all)
      r->note = "'" + b.trigger + "' not answered within " + std::to_string(b.trigger_window) +
                " turn(s)";
    return true;
  }
  if (r->evidence.empty() && b.otherwise == rules::Otherwise::kNotApplicable) {
    r->status = Status::kNotApplicable;
    r->note = "'" + b.trigger + "' did not occur";
    r->note_key = "na_no_trigger";
    r->note_args = {{"signals", b.trigger}};
    return true;
  }
  return false;
}

inline void JudgeExpected(const rules::LanguagePack& pack, const rules::BehaviourDecl& b,
                          uint32_t bi, const Conversation& c, const std::vector<TextMatches>& turns,
                          BehaviourResult* r) {
  // Applicability only turns a would-be "missed" into not_applicable:
  // a behaviour the agent showed is met wherever it shows.
  if (r->evidence.empty()) {
    if (Inapplicable why = NotApplicable(pack, b, c, turns); !why.key.empty()) {
      r->status = Status::kNotApplicable;
      r->note = std::move(why.note);
      r->note_key = std::move(why.key);
      r->note_args = std::move(why.args);
      return;
    }
  }
  if (!b.trigger.empty() && JudgeTrigger(pack, b, bi, c, turns, r)) return;
  r->status = r->evidence.empty() ? Status::kMissed : Status::kMet;
}

inline void Judge(const rules::LanguagePack& pack, const rules::BehaviourDecl& b, uint32_t bi,
                  const Conversation& c, const std::vector<TextMatches>& turns,
                  BehaviourResult* r) {
  if (*b.kind == BehaviourKind::kSignal) {
    r->status = r->evidence.empty() ? Status::kAbsent : Status::kPresent;
    return;
  }
  if (!Scopes().Any(b.speaker)) {
    r->status = Status::kNotApplicable;
    r->note = "no turns by this speaker";
    r->note_key = "na_no_turns";
  } else if (*b.kind == BehaviourKind::kAvoid) {
    r->status = r->evidence.empty() ? Status::kClean : Status::kViolated;
  } else {
    JudgeExpected(pack, b, bi, c, turns, r);
  }
}

}  // namespace

std::vector<BehaviourResult> Evaluate(const rules::LanguagePack& pack, const Conversation& c,
                                      const std::vector<TextMatches>& turns,
                                      const EvaluateOptions& options) {
  std::vector<BehaviourResult> out;
  Evaluate(pack, c, turns, options, &out);
  return out;
}

void Evaluate(const rules::LanguagePack& pack, const Conversation& c,
              const std::vector<TextMatches>& turns, const EvaluateOptions& options,
              std::vector<BehaviourResult>* out) {
  std::optional<BehaviourTable> own;
  const BehaviourTable* table = options.table;
  if (table == nullptr || &table->pack() != &pack ||
      table->tips_language() != options.tips_language)
    table = &own.emplace(pack, options.tips_language);
  // Expected, then avoid, then signals, each in the pack's order: the
  // behaviours are visited in that order rather than sorted afterwards
  // (moving results costs more than judging some of them).
  Scopes().Reset(c);
  Scopes().IndexMatches(turns, pack.behaviours.size());
  out->reserve(pack.behaviours.size());
  size_t n = 0;
  for (const uint32_t bi : table->order()) {
    const rules::BehaviourDecl& b = pack.behaviours[bi];
    if (!Wanted(b.id, options)) continue;
    if (n == out->size()) out->emplace_back();
    BehaviourResult& r = (*out)[n++];
    Describe(b, table->texts(bi), &r);
    CollectEvidence(*table, bi, c, &r);
    Judge(pack, b, bi, c, turns, &r);
  }
  out->resize(n);
}

}  // namespace tact::eval
