#include "eval/metrics.h"

#include <algorithm>
#include <cmath>

namespace tact::eval {
namespace {

// Words, numbers and written addresses (a URL or an @handle is one word).
int Words(const TextMatches& m) {
  int n = 0;
  for (const auto& t : m.tokens) {
    text::TokenKind k = t.info->kind;
    if (k != text::TokenKind::kPunct && k != text::TokenKind::kSymbol) ++n;
  }
  return n;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The time a turn ends, or starts when its end is unknown (chats).
double EndOrStart(const Turn& t) { return t.end ? *t.end : *t.start; }

// A note in English and as a message (key "note_" + name, see MetricResult).
struct Note {
  std::string text, key;
  std::vector<std::pair<std::string, std::string>> args;
};

Note Keyed(const char* name, std::string text,
           std::vector<std::pair<std::string, std::string>> args = {}) {
  return {std::move(text), std::string("note_") + name, std::move(args)};
}

void SetNote(MetricResult* m, Note note) {
  m->note = std::move(note.text);
  m->note_key = std::move(note.key);
  m->note_args = std::move(note.args);
}

struct Ctx {
  const Conversation& c;
  const MetricProfile& profile;
  bool timed = false;     // every turn has a start, in order
  bool has_ends = false;  // every turn also has an end
  Note time_note;         // why timed is false
};

MetricResult Make(const Ctx& x, const char* id, const char* unit) {
  MetricResult m;
  m.id = id;
  m.unit = unit;
  m.threshold = x.profile.Threshold(id, x.c.channel);
  m.direction = MetricResult::Direction::kMax;
  return m;
}

void Judge(MetricResult* m, const Ctx& x) {
  if (!m->value) {
    m->status = Status::kNotApplicable;
    return;
  }
  if (!m->threshold) {
    m->status = Status::kNotApplicable;
    if (m->note.empty()) {
      const std::string channel(ChannelName(x.c.channel));
      SetNote(m,
              Keyed("no_threshold", "no threshold for " + channel + "s", {{"channel", channel}}));
    }
    return;
  }
  m->status = *m->value <= *m->threshold + 1e-9 ? Status::kMet : Status::kMissed;
}

MetricResult NotApplicable(MetricResult m, Note note) {
  m.value.reset();
  m.status = Status::kNotApplicable;
  SetNote(&m, std::move(note));
  return m;
}

}  // namespace

std::vector<MetricResult> ComputeMetrics(const Conversation& c,
                                         const std::vector<TextMatches>& turns,
                                         const rules::LanguagePack& pack,
                                         const MetricProfile& profile,
                                         std::vector<std::string>* warnings) {
  Ctx x{c, profile};
  const size_t n = c.turns.size();
  x.timed = n > 0 && std::all_of(c.turns.begin(), c.turns.end(),
                                 [](const Turn& t) { return t.start.has_value(); });
  if (!x.timed) x.time_note = Keyed("needs_timestamps", "needs timestamps");
  for (size_t i = 1; x.timed && i < n; ++i) {
    if (*c.turns[i].start + 1e-6 < *c.turns[i - 1].start) {
      x.timed = false;
      const std::string turn = std::to_string(i + 1);
      x.time_note = Keyed("backwards", "timestamps go backwards at turn " + turn, {{"turn", turn}});
      warnings->push_back(x.time_note.text + "; time metrics not computed");
    }
  }
  for (size_t i = 0; x.timed && i < n; ++i) {
    const Turn& t = c.turns[i];
    if (t.end && *t.end + 1e-6 < *t.start) {
      x.timed = false;
      const std::string turn = std::to_string(i + 1);
      x.time_note =
          Keyed("ends_before_start", "turn " + turn + " ends before it starts", {{"turn", turn}});
      warnings->push_back(x.time_note.text + "; time metrics not computed");
    }
  }
  x.has_ends = x.timed && std::all_of(c.turns.begin(), c.turns.end(),
                                      [](const Turn& t) { return t.end.has_value(); });
  const bool call = c.channel == Channel::kCall;
  // A call turn's start is when the speaker began talking: the time from the
  // customer's start to the agent's is the customer's own talk time, not the
  // agent's response. Response times on calls need end times.
  const Note needs_ends =
      Keyed("needs_ends", "needs end times (on calls, from the end of the customer's turn)");
  std::vector<int> words(n);
  for (size_t i = 0; i < n; ++i) words[i] = Words(turns[i]);
  std::vector<MetricResult> out;
  out.reserve(MetricProfile::Metrics().size());

  // first_response_time
  {
    MetricResult m = Make(x, "first_response_time", "s");
    size_t fc = n, fa = n;
    for (size_t i = 0; i < n && fc == n; ++i) {
      if (c.turns[i].role == Role::kCustomer) fc = i;
    }
    for (size_t i = fc; fc < n && i < n && fa == n; ++i) {
      if (c.turns[i].role == Role::kAgent) fa = i;
    }
    if (!x.timed)
      m = NotApplicable(m, x.time_note);
    else if (call && !x.has_ends)
      m = NotApplicable(m, needs_ends);
    else if (fc == n)
      m = NotApplicable(m, Keyed("no_customer_turn", "no customer turn"));
    else if (fa == n)
      m = NotApplicable(m,
                        Keyed("no_first_reply", "no agent reply after the customer's first turn"));
    else {
      m.value = std::max(0.0, *c.turns[fa].start - EndOrStart(c.turns[fc]));
      m.evidence = {static_cast<int>(fc) + 1, static_cast<int>(fa) + 1};
    }
    Judge(&m, x);
    out.push_back(std::move(m));
  }
  // response_time: each agent reply, from the first customer turn it answers.
  {
    MetricResult m = Make(x, "response_time", "s");
    if (!x.timed) {
      m = NotApplicable(m, x.time_note);
    } else if (call && !x.has_ends) {
      m = NotApplicable(m, needs_ends);
    } else {
      std::vector<double> values;
      int pending = -1;
      for (size_t i = 0; i < n; ++i) {
        if (c.turns[i].role == Role::kCustomer && pending < 0) pending = static_cast<int>(i);
        if (c.turns[i].role == Role::kAgent && pending >= 0) {
          double v =
              std::max(0.0, *c.turns[i].start - EndOrStart(c.turns[static_cast<size_t>(pending)]));
          values.push_back(v);
          m.per_turn.emplace_back(static_cast<int>(i) + 1, v);
          pending = -1;
        }
      }
      if (values.empty()) {
        m = NotApplicable(m, Keyed("no_reply", "no agent reply to a customer turn"));
      } else {
        m.value = Median(values);
        double worst = *std::max_element(values.begin(), values.end());
        m.fields = {
            {"median", *m.value}, {"max", worst}, {"count", static_cast<double>(values.size())}};
        for (const auto& [turn, v] : m.per_turn) {
          if (m.threshold ? v > *m.threshold : v == worst) m.evidence.push_back(turn);
        }
      }
    }
    Judge(&m, x);
    out.push_back(std::move(m));
  }
  // handle_time
  {
    MetricResult m = Make(x, "handle_time", "s");
    if (!x.timed)
      m = NotApplicable(m, x.time_note);
    else {
      double end = 0;
      for (const auto& t : c.turns) end = std::max(end, EndOrStart(t));
      double start = *c.turns.front().start;
      m.value = end - start;
      m.fields = {{"start", start}, {"end", end}};
    }
    Judge(&m, x);
    out.push_back(std::move(m));
  }
  // talk_ratio: seconds in calls with start and end times, else words.
  {
    MetricResult m = Make(x, "talk_ratio", "ratio");
    double agent = 0, customer = 0;
    bool by_time = call && x.has_ends;
    for (size_t i = 0; i < n; ++i) {
      double v = by_time ? *c.turns[i].end - *c.turns[i].start : words[i];
      if (c.turns[i].role == Role::kAgent)
        agent += v;
      else if (c.turns[i].role == Role::kCustomer)
        customer += v;
    }
    if (agent + customer <= 0)
      m = NotApplicable(m, Keyed("no_speech", "no agent or customer speech"));
    else {
      m.value = agent / (agent + customer);
      m.fields = {{by_time ? "agent_seconds" : "agent_words", agent},
                  {by_time ? "customer_seconds" : "customer_words", customer}};
    }
    Judge(&m, x);
    out.push_back(std::move(m));
  }
  // interruptions (calls): agent turns starting before the customer's turn ended.
  {
    MetricResult m = Make(x, "interruptions", "count");
    double min_overlap = profile.Parameter("interruption_min", 0.5);
    if (!call)
      m = NotApplicable(m, Keyed("only_calls", "only for calls"));
    else if (!x.has_ends)
      m = NotApplicable(
          m, x.timed ? Keyed("needs_start_end", "needs start and end times") : x.time_note);
    else {
      int count = 0;
      double total = 0;
      for (size_t i = 1; i < n; ++i) {
        if (c.turns[i].role != Role::kAgent || c.turns[i - 1].role != Role::kCustomer) continue;
        double overlap = *c.turns[i - 1].end - *c.turns[i].start;
        if (overlap > min_overlap) {
          ++count;
          total += overlap;
          m.evidence.push_back(static_cast<int>(i) + 1);
        }
      }
      m.value = count;
      m.fields = {{"count", static_cast<double>(count)}, {"total", total}};
    }
    Judge(&m, x);
    out.push_back(std::move(m));
  }
  // non_talk_time (calls): silences between turns; holds are the long ones.
  {
    MetricResult m = Make(x, "non_talk_time", "count");
    double silence_min = profile.Parameter("silence_min", 10),
           hold_max = profile.Parameter("hold_max", 120);
    int holds = 0;
    if (!call)
      m = NotApplicable(m, Keyed("only_calls", "only for calls"));
    else if (!x.has_ends)
      m = NotApplicable(
          m, x.timed ? Keyed("needs_start_end", "needs start and end times") : x.time_note);
    else {
      int count = 0;
      double total = 0, longest = 0, spoken_until = *c.turns[0].end;
      for (size_t i = 1; i < n; ++i) {
        double gap = *c.turns[i].start - spoken_until;
        if (gap > silence_min) {
          ++count;
          total += gap;
          longest = std::max(longest, gap);
          if (gap > hold_max) {
            ++holds;
            m.evidence.push_back(static_cast<int>(i) + 1);
          }
        }
        spoken_until = std::max(spoken_until, *c.turns[i].end);
      }
      m.value = count;
      m.fields = {{"count", static_cast<double>(count)},
                  {"total", total},
                  {"longest", longest},
                  {"holds", static_cast<double>(holds)}};
    }
    Judge(&m, x);
    if (holds > 0 && m.status == Status::kMet) {
      m.status = Status::kMissed;
      const std::string count = std::to_string(holds);
      const std::string seconds = std::to_string(static_cast<int>(hold_max));
      SetNote(&m, Keyed("holds", count + " hold(s) over " + seconds + " s",
                        {{"n", count}, {"seconds", seconds}}));
    }
    out.push_back(std::move(m));
  }
  // talk_speed (calls): agent words per minute of agent speech.
  {
    MetricResult m = Make(x, "talk_speed", "wpm");
    if (!call)
      m = NotApplicable(m, Keyed("only_calls", "only for calls"));
    else if (!x.has_ends)
      m = NotApplicable(
          m, x.timed ? Keyed("needs_start_end", "needs start and end times") : x.time_note);
    else {
      double secs = 0, w = 0;
      for (size_t i = 0; i < n; ++i) {
        if (c.turns[i].role != Role::kAgent) continue;
        secs += *c.turns[i].end - *c.turns[i].start;
        w += words[i];
      }
      if (secs <= 0)
        m = NotApplicable(m, Keyed("no_timed_speech", "no timed agent speech"));
      else {
        m.value = w / (secs / 60.0);
        m.fields = {{"words", w}, {"seconds", secs}};
      }
    }
    Judge(&m, x);
    out.push_back(std::move(m));
  }
  // longest_monologue: consecutive agent turns with no customer turn between.
  {
    MetricResult m = Make(x, "longest_monologue", "words");
    int best = -1, best_begin = 0, best_end = 0;
    for (size_t i = 0; i < n;) {
      if (c.turns[i].role != Role::kAgent) {
        ++i;
        continue;
      }
      size_t j = i;
      int w = 0;
      while (j < n && c.turns[j].role != Role::kCustomer) {
        if (c.turns[j].role == Role::kAgent) w += words[j];
        ++j;
      }
      if (w > best) {
        best = w;
        best_begin = static_cast<int>(i);
        best_end = static_cast<int>(j);
      }
      i = j;
    }
    if (best < 0)
      m = NotApplicable(m, Keyed("no_agent_turns", "no agent turns"));
    else {
      m.value = best;
      for (int t = best_begin; t < best_end; ++t) {
        if (c.turns[static_cast<size_t>(t)].role == Role::kAgent) m.evidence.push_back(t + 1);
      }
      m.fields = {{"words", static_cast<double>(best)}};
      if (x.timed) {
        const Turn& last = c.turns[static_cast<size_t>(m.evidence.back() - 1)];
        m.fields.emplace_back("seconds",
                              EndOrStart(last) - *c.turns[static_cast<size_t>(best_begin)].start);
      }
    }
    Judge(&m, x);
    out.push_back(std::move(m));
  }
  // de_escalation: frustration per customer turn, first third vs last third.
  {
    MetricResult m;
    m.id = "de_escalation";
    m.unit = "ratio";
    m.direction = MetricResult::Direction::kNone;
    auto fr = pack.behaviour_index.find("customer_frustration");
    auto gr = pack.behaviour_index.find("customer_gratitude");
    std::vector<size_t> cust;
    for (size_t i = 0; i < n; ++i) {
      if (c.turns[i].role == Role::kCustomer) cust.push_back(i);
    }
    if (fr == pack.behaviour_index.end()) {
      out.push_back(NotApplicable(
          m, Keyed("no_frustration_signal", "the pack has no customer_frustration signal")));
    } else if (cust.empty()) {
      out.push_back(NotApplicable(m, Keyed("no_customer_turns", "no customer turns")));
    } else {
      auto hits = [&](size_t t, uint32_t b) {
        int k = 0;
        for (const auto& r : turns[t].matches) k += r.behaviour == b && !r.vetoed;
        return k;
      };
      size_t third = (cust.size() + 2) / 3;
      double start = 0, end = 0;
      bool grateful_end = false, any = false;
      for (size_t k = 0; k < cust.size(); ++k) {
        int h = hits(cust[k], fr->second);
        any |= h > 0;
        if (k < third) start += h;
        if (k >= cust.size() - third) {
          end += h;
          if (gr != pack.behaviour_index.end() && hits(cust[k], gr->second) > 0) {
            grateful_end = true;
            m.evidence.push_back(static_cast<int>(cust[k]) + 1);
          }
        }
        if (h > 0 && (k < third || k >= cust.size() - third))
          m.evidence.push_back(static_cast<int>(cust[k]) + 1);
      }
      std::sort(m.evidence.begin(), m.evidence.end());
      m.evidence.erase(std::unique(m.evidence.begin(), m.evidence.end()), m.evidence.end());
      start /= static_cast<double>(third);
      end /= static_cast<double>(third);
      m.value = end - start;
      m.fields = {{"start", start}, {"end", end}};
      const bool frustrated_last = hits(cust.back(), fr->second) > 0;
      if (!any) {
        m.status = Status::kNotApplicable;
        SetNote(&m, Keyed("no_frustration", "no customer frustration"));
      } else if (frustrated_last) {
        m.status = Status::kMissed;
        SetNote(&m, Keyed("still_frustrated", "the customer is still frustrated in the last turn"));
      } else if ((start > 0 && end < start) || grateful_end) {
        m.status = Status::kMet;
        if (grateful_end && !(start > 0 && end < start))
          SetNote(&m, Keyed("grateful_end", "gratitude at the end"));
      } else {
        m.status = Status::kMissed;
        SetNote(&m, end > start ? Keyed("frustration_rose", "frustration rose")
                                : Keyed("frustration_stayed", "frustration did not fall"));
      }
      out.push_back(std::move(m));
    }
  }
  return out;
}

}  // namespace tact::eval
