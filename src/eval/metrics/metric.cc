#include "eval/metrics/metric.h"

#include <algorithm>

namespace tact::eval::metrics {
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

// Timestamps must be there for every turn, in order, and end after they
// start; the first problem found is the note (and a warning).
void CheckTimes(Prep* x, std::vector<std::string>* warnings) {
  const Conversation& c = x->c;
  const size_t n = x->n;
  x->timed = n > 0 && std::all_of(c.turns.begin(), c.turns.end(),
                                  [](const Turn& t) { return t.start.has_value(); });
  if (!x->timed) x->time_note = Keyed("needs_timestamps", "needs timestamps");
  for (size_t i = 1; x->timed && i < n; ++i) {
    if (*c.turns[i].start + 1e-6 < *c.turns[i - 1].start) {
      x->timed = false;
      const std::string turn = std::to_string(i + 1);
      x->time_note =
          Keyed("backwards", "timestamps go backwards at turn " + turn, {{"turn", turn}});
      warnings->push_back(x->time_note.text + "; time metrics not computed");
    }
  }
  for (size_t i = 0; x->timed && i < n; ++i) {
    const Turn& t = c.turns[i];
    if (t.end && *t.end + 1e-6 < *t.start) {
      x->timed = false;
      const std::string turn = std::to_string(i + 1);
      x->time_note =
          Keyed("ends_before_start", "turn " + turn + " ends before it starts", {{"turn", turn}});
      warnings->push_back(x->time_note.text + "; time metrics not computed");
    }
  }
  x->has_ends = x->timed && std::all_of(c.turns.begin(), c.turns.end(),
                                        [](const Turn& t) { return t.end.has_value(); });
}

}  // namespace

Note Keyed(const char* name, std::string text,
           std::vector<std::pair<std::string, std::string>> args) {
  return {std::move(text), std::string("note_") + name, std::move(args)};
}

void SetNote(MetricResult* m, Note note) {
  m->note = std::move(note.text);
  m->note_key = std::move(note.key);
  m->note_args = std::move(note.args);
}

void Prepare(Prep* x, std::vector<std::string>* warnings) {
  x->n = x->c.turns.size();
  x->call = x->c.channel == Channel::kCall;
  CheckTimes(x, warnings);
  x->words.resize(x->n);
  for (size_t i = 0; i < x->n; ++i) x->words[i] = Words(x->turns[i]);
}

void Judge(MetricResult* m, const Prep& x) {
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

bool NeedResponseTimes(const Prep& x, MetricResult* m) {
  // A call turn's start is when the speaker began talking: the time from the
  // customer's start to the agent's is the customer's own talk time, not the
  // agent's response. Response times on calls need end times.
  if (!x.timed) {
    *m = NotApplicable(std::move(*m), x.time_note);
  } else if (x.call && !x.has_ends) {
    *m = NotApplicable(
        std::move(*m),
        Keyed("needs_ends", "needs end times (on calls, from the end of the customer's turn)"));
  } else {
    return true;
  }
  return false;
}

bool NeedCallTimes(const Prep& x, MetricResult* m) {
  if (!x.call) {
    *m = NotApplicable(std::move(*m), Keyed("only_calls", "only for calls"));
  } else if (!x.has_ends) {
    *m =
        NotApplicable(std::move(*m), x.timed ? Keyed("needs_start_end", "needs start and end times")
                                             : x.time_note);
  } else {
    return true;
  }
  return false;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace tact::eval::metrics
