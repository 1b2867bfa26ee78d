#include "score/coaching.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include <fmt/format.h>

namespace tact::score {
namespace {

const BehaviourResult* Find(const ConversationResult& r, const std::string& id) {
  for (const auto& b : r.behaviours)
    if (b.id == id) return &b;
  return nullptr;
}

// The trigger's evidence at `turn` (the customer's words the agent did not
// answer), or null.
const Evidence* TriggerEvidence(const ConversationResult& r, const BehaviourResult& b, int turn) {
  if (const BehaviourResult* sig = Find(r, b.trigger)) {
    for (const auto& e : sig->evidence)
      if (e.turn == turn) return &e;
  }
  return nullptr;
}

const TriggerEpisode* FirstUnanswered(const BehaviourResult& b) {
  for (const auto& ep : b.episodes)
    if (!ep.answered) return &ep;
  return nullptr;
}

int AgentTurns(const ConversationResult& r) { return r.agent_turns; }

// The values of a note's message in words: signal ids become their titles
// ("Something left open or Issue resolved"), channels their names.
std::vector<std::pair<std::string, std::string>> NoteValues(
    const Messages& messages, const ConversationResult& r,
    const std::vector<std::pair<std::string, std::string>>& args) {
  auto word = [&](std::string_view key, const std::string& fallback) {
    auto it = messages.find(key);
    return it == messages.end() ? fallback : it->second;
  };
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : args) {
    if (name != "signals" && name != "channels" && name != "channel") {
      out.emplace_back(name, value);
      continue;
    }
    std::string words;
    size_t begin = 0;
    while (begin <= value.size()) {
      size_t end = value.find(',', begin);
      if (end == std::string::npos) end = value.size();
      std::string item = value.substr(begin, end - begin);
      if (name == "signals") {
        const BehaviourResult* sig = Find(r, item);
        item = sig != nullptr && !sig->title.empty() ? sig->title : item;
      } else {
        item = word("channel_" + item, item);
      }
      words += (words.empty() ? "" : " " + word("or", "or") + " ") + item;
      begin = end + 1;
    }
    out.emplace_back(name, words);
  }
  return out;
}

// The focus: what cost the score most, critical violations first, each into
// the slot of an earlier result's item when there is one.
void PickFocus(const std::string& critical, const std::string& points, size_t focus_items,
               ConversationResult* r) {
  struct Candidate {
    const std::string* id;
    double points;
    bool critical;
  };
  std::vector<Candidate> all;
  const ScoreBreakdown& bd = r->score_breakdown;
  for (const auto& id : bd.critical) all.push_back({&id, 100, true});
  for (const auto& [id, cost] : bd.penalties) {
    if (std::find(bd.critical.begin(), bd.critical.end(), id) == bd.critical.end())
      all.push_back({&id, cost, false});
  }
  for (const auto& [id, cost] : bd.missed) all.push_back({&id, cost, false});
  std::stable_sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    if (a.critical != b.critical) return a.critical;
    return a.points > b.points;
  });
  size_t n = 0;  // focus items so far
  for (const auto& c : all) {
    if (n >= focus_items) break;
    const BehaviourResult* b = Find(*r, *c.id);
    if (b == nullptr) continue;  // a metric: its own section says why
    if (n == r->focus.size()) r->focus.emplace_back();
    FocusItem& f = r->focus[n++];
    f.id = b->id;
    f.title = b->title.empty() ? b->id : b->title;
    f.explain = b->explain;
    f.points = c.points;
    f.critical = c.critical;
    if (c.critical)
      f.cost = critical;
    else
      f.cost = FillMessage(points, {{"points", fmt::format("{:.0f}", c.points)}});
    const Evidence* e = nullptr;
    if (b->status == Status::kViolated && !b->evidence.empty()) {
      e = &b->evidence.front();
    } else if (const TriggerEpisode* ep = FirstUnanswered(*b); ep != nullptr) {
      e = TriggerEvidence(*r, *b, ep->turn);
    }
    if (e != nullptr)
      f.evidence = *e;
    else
      f.evidence.reset();
  }
  r->focus.resize(n);
}

// ExplainNotes with the metrics' titles looked up once.
void ExplainNotesWith(const CoachingWords& words, ConversationResult* r) {
  const Messages& messages = words.messages();
  auto fill = [&](const std::string& key, const auto& args, std::string* explain) {
    if (key.empty()) return;
    auto it = messages.find(key);
    if (it != messages.end()) *explain = FillMessage(it->second, NoteValues(messages, *r, args));
  };
  for (auto& b : r->behaviours) {
    if (b.status == Status::kNotApplicable) fill(b.note_key, b.note_args, &b.explain);
  }
  for (auto& m : r->metrics) {
    if (const std::string* title = words.MetricTitle(m.id)) m.title = *title;
    fill(m.note_key, m.note_args, &m.explain);
  }
}

}  // namespace

CoachingWords::CoachingWords(const Messages& messages) : messages_(&messages) {
  unanswered = Get("unanswered");
  not_shown = Get("not_shown");
  not_shown_one = Get("not_shown_one");
  turn = Get("turn");
  focus = Get("focus");
  critical = Get("critical");
  points = Get("points");
  complete_ = unanswered && not_shown && not_shown_one && turn && focus && critical && points;
  constexpr std::string_view kMetric = "metric_";
  for (const auto& [key, text] : messages) {
    if (std::string_view(key).starts_with(kMetric))
      metric_titles_.emplace_back(std::string_view(key).substr(kMetric.size()), &text);
  }
}

const std::string* CoachingWords::Get(std::string_view key) const {
  auto it = messages_->find(key);
  return it == messages_->end() ? nullptr : &it->second;
}

const std::string* CoachingWords::MetricTitle(std::string_view id) const {
  for (const auto& [metric, title] : metric_titles_)
    if (metric == id) return title;
  return nullptr;
}

void ExplainNotes(const Messages& messages, ConversationResult* r) {
  ExplainNotesWith(CoachingWords(messages), r);
}

std::string FillMessage(std::string_view text,
                        const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    if (open == std::string_view::npos) break;
    size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    std::string_view name = text.substr(open + 1, close - open - 1);
    auto it =
        std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
    out.append(text.substr(i, open - i));
    if (it != values.end())
      out += it->second;
    else
      out.append(text.substr(open, close - open + 1));
    i = close + 1;
  }
  out.append(text.substr(i));
  return out;
}

void Coach(const Messages& messages, ConversationResult* r, size_t focus_items) {
  Coach(CoachingWords(messages), r, focus_items);
}

void Coach(const CoachingWords& words, ConversationResult* r, size_t focus_items) {
  ExplainNotesWith(words, r);
  if (!words.complete()) {
    r->focus.clear();
    r->focus_heading.clear();
    return;
  }
  const int agent_turns = AgentTurns(*r);
  for (auto& b : r->behaviours) {
    if (b.status == Status::kViolated && !b.evidence.empty()) {
      b.explain = *words.turn + " " + std::to_string(b.evidence.front().turn);
    } else if (b.status == Status::kMissed) {
      if (const TriggerEpisode* ep = FirstUnanswered(b); ep != nullptr && !b.trigger.empty()) {
        const BehaviourResult* sig = Find(*r, b.trigger);
        std::string trigger = sig != nullptr && !sig->title.empty() ? sig->title : b.trigger;
        b.explain = FillMessage(*words.unanswered, {{"trigger", trigger},
                                                    {"turn", std::to_string(ep->turn)},
                                                    {"n", std::to_string(b.trigger_window)}});
      } else {
        b.explain = agent_turns == 1
                        ? *words.not_shown_one
                        : FillMessage(*words.not_shown, {{"n", std::to_string(agent_turns)}});
      }
    }
  }
  PickFocus(*words.critical, *words.points, focus_items, r);
  r->focus_heading = r->focus.empty() ? "" : *words.focus;
}

}  // namespace tact::score
