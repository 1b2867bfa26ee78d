#include "report/summary_json.h"

#include <simdjson.h>

#include "report/format.h"
#include "report/summary_stats.h"

namespace tact::report {
namespace {

// A value too large to scale (min 1e308) is kept: rounding it to inf would be
// written as null and read back as 0.
double Round(double v, double scale) { return RoundedOrKept(v, scale); }

const Status kStatuses[] = {Status::kMet,   Status::kMissed,   Status::kNotApplicable,
                            Status::kClean, Status::kViolated, Status::kPresent,
                            Status::kAbsent};

void WriteCounts(const StatusCounts& c, BehaviourKind kind, bool with_rate, JsonWriter* w) {
  w->BeginObject();
  for (Status s : kStatuses) {
    if (c.Get(s) > 0) w->Key(StatusName(s)).Uint(c.Get(s));
  }
  if (with_rate) {
    double r = c.Rate(kind);
    w->Key("rate");
    if (r < 0)
      w->Null();
    else
      w->Number(Round(r, 10000));
  }
  w->EndObject();
}

void WriteHistogram(const Histogram& h, JsonWriter* w) {
  w->BeginObject();
  w->Key("count").Uint(h.count());
  w->Key("sum_milli").Int(h.sum_milli());
  w->Key("min").Number(Round(h.min(), 1000));
  w->Key("max").Number(Round(h.max(), 1000));
  w->Key("buckets").BeginArray();
  for (const auto& [b, n] : h.buckets()) w->BeginArray().Int(b).Uint(n).EndArray();
  w->EndArray();
  w->EndObject();
}

void WriteStats(const Histogram& h, JsonWriter* w) {
  if (h.count() == 0) {
    for (const char* k : {"mean", "median", "p90", "min", "max"}) w->Key(k).Null();
    return;
  }
  const Distribution d = Describe(h);
  w->Key("mean").Number(Round(d.mean, 1000));
  w->Key("median").Number(Round(d.median, 1000));
  w->Key("p90").Number(Round(d.p90, 1000));
  w->Key("min").Number(Round(d.min, 1000));
  w->Key("max").Number(Round(d.max, 1000));
}

void WriteWorst(const std::vector<WorstEntry>& worst, JsonWriter* w) {
  w->Key("worst").BeginArray();
  for (const auto& e : worst) {
    w->BeginObject();
    w->Key("id").String(e.id);
    w->Key("source").String(e.source);
    w->Key("score");
    if (e.score < 0)
      w->Null();
    else
      w->Number(Round(e.score, 10));
    w->Key("status").String(StatusName(e.status));
    w->Key("turn").Int(e.turn);
    w->Key("quote").String(e.quote);
    w->EndObject();
  }
  w->EndArray();
}

// The run's facts: counts, totals, the settings a merge must match, shards.
void WriteHead(const Summary& s, JsonWriter* w) {
  w->Key("conversations").Uint(s.conversations);
  w->Key("violated_conversations").Uint(s.violated_conversations);
  if (!s.unsupported_languages.empty()) {
    w->Key("unsupported_languages").BeginObject();
    for (const auto& [lang, n] : s.unsupported_languages) w->Key(lang).Uint(n);
    w->EndObject();
  }
  w->Key("totals").BeginObject();
  w->Key("inputs").Uint(s.inputs);
  w->Key("read").Uint(s.read);
  w->Key("analyzed").Uint(s.analyzed);
  w->Key("skipped").Uint(s.skipped);
  w->EndObject();
  w->Key("group_by").BeginArray();
  for (const auto& g : s.group_by) w->String(g);
  w->EndArray();
  w->Key("worst_n").Uint(s.worst_n);
  if (!s.shards.empty()) {
    w->Key("shards").BeginArray();
    for (const auto& sh : s.shards) {
      w->BeginObject();
      w->Key("input").String(sh.input);
      w->Key("k").Uint(sh.k);
      w->Key("n").Uint(sh.n);
      w->EndObject();
    }
    w->EndArray();
  }
}

void WriteBehaviours(const Summary& s, JsonWriter* w) {
  w->Key("behaviours").BeginArray();
  for (const auto& [id, b] : s.behaviours) {
    w->BeginObject();
    w->Key("id").String(id);
    w->Key("kind").String(KindName(b.kind));
    w->Key("title").String(b.title);
    w->Key("severity").String(LevelName(b.level));
    w->Key("counts");
    WriteCounts(b.counts, b.kind, true, w);
    WriteWorst(b.worst, w);
    w->EndObject();
  }
  w->EndArray();
}

void WriteMetrics(const Summary& s, JsonWriter* w) {
  w->Key("metrics").BeginArray();
  for (const auto& [id, m] : s.metrics) {
    w->BeginObject();
    w->Key("id").String(id);
    w->Key("unit").String(m.unit);
    w->Key("count").Uint(m.values.count());
    WriteStats(m.values, w);
    w->Key("counts");
    WriteCounts(m.counts, BehaviourKind::kExpected, true, w);
    w->Key("histogram");
    WriteHistogram(m.values, w);
    w->EndObject();
  }
  w->EndArray();
}

void WriteGroups(const Summary& s, JsonWriter* w) {
  w->Key("groups").BeginObject();
  for (const auto& [dim, groups] : s.groups) {
    w->Key(dim).BeginArray();
    for (const auto& [key, g] : groups) {
      w->BeginObject();
      w->Key("key").String(key);
      w->Key("conversations").Uint(g.conversations);
      w->Key("scored").Uint(g.scored);
      w->Key("score_milli_sum").Int(g.score_milli_sum);
      w->Key("mean_score");
      if (const std::optional<double> mean = MeanScore(g))
        w->Number(Round(*mean, 10));
      else
        w->Null();
      w->Key("behaviours").BeginObject();
      for (const auto& [bid, c] : g.behaviours) {
        w->Key(bid);
        WriteCounts(c, KindOf(s, bid), true, w);
      }
      w->EndObject();
      w->EndObject();
    }
    w->EndArray();
  }
  w->EndObject();
}

}  // namespace

void WriteSummaryJson(const Summary& s, JsonWriter* w) {
  w->BeginObject();
  WriteHead(s, w);
  w->Key("score").BeginObject();
  w->Key("count").Uint(s.scores.count());
  WriteStats(s.scores, w);
  w->Key("histogram");
  WriteHistogram(s.scores, w);
  w->EndObject();
  WriteBehaviours(s, w);
  WriteMetrics(s, w);
  WriteGroups(s, w);
  w->EndObject();
}

namespace {

using Element = simdjson::dom::element;

uint64_t U(Element e, const char* key) {
  uint64_t v = 0;
  if (e[key].get_uint64().get(v)) {
    int64_t i = 0;
    if (!e[key].get_int64().get(i) && i >= 0) v = static_cast<uint64_t>(i);
  }
  return v;
}

int64_t I(Element e, const char* key) {
  int64_t v = 0;
  if (e[key].get_int64().get(v)) v = 0;
  return v;
}

double D(Element e, const char* key) {
  double v = 0;
  if (e[key].get_double().get(v)) v = 0;
  return v;
}

std::string S(Element e, const char* key) {
  std::string_view v;
  if (e[key].get_string().get(v)) return "";
  return std::string(v);
}

bool ReadCounts(Element e, StatusCounts* c) {
  for (Status s : kStatuses) {
    uint64_t n = 0;
    if (!e[StatusName(s)].get_uint64().get(n)) c->Add(s, n);
  }
  return true;
}

void ReadHistogram(Element e, Histogram* h) {
  std::map<int32_t, uint64_t> buckets;
  simdjson::dom::array arr;
  if (!e["buckets"].get_array().get(arr)) {
    for (Element pair : arr) {
      int64_t b = 0;
      uint64_t n = 0;
      if (!pair.at(0).get_int64().get(b) && !pair.at(1).get_uint64().get(n))
        buckets[static_cast<int32_t>(b)] = n;
    }
  }
  h->Restore(U(e, "count"), I(e, "sum_milli"), D(e, "min"), D(e, "max"), std::move(buckets));
}

BehaviourKind KindFrom(const std::string& k) {
  return k == "avoid"    ? BehaviourKind::kAvoid
         : k == "signal" ? BehaviourKind::kSignal
                         : BehaviourKind::kExpected;
}

Level LevelFrom(const std::string& l) {
  return l == "error" ? Level::kError : l == "info" ? Level::kInfo : Level::kWarning;
}

Status StatusFrom(const std::string& s) {
  for (Status x : kStatuses) {
    if (StatusName(x) == s) return x;
  }
  return Status::kMissed;
}

// The "summary" object of `doc`, with the fields every summary has and their
// types: another JSON document that happens to have a "summary" object is not
// merged as an empty run.
bool FindSummary(Element doc, Element* sum, std::string* error) {
  if (doc["summary"].get(*sum) || !sum->is_object()) {
    *error = "no \"summary\" object: expected the output of 'tact check --summary --format json'";
    return false;
  }
  uint64_t n = 0;
  Element totals_el;
  simdjson::dom::array list;
  const char* missing = (*sum)["conversations"].get_uint64().get(n) ? "\"conversations\" (a count)"
                        : (*sum)["totals"].get(totals_el) || !totals_el.is_object()
                            ? "\"totals\" (an object)"
                        : (*sum)["behaviours"].get_array().get(list) ? "\"behaviours\" (a list)"
                        : (*sum)["metrics"].get_array().get(list)    ? "\"metrics\" (a list)"
                                                                     : nullptr;
  if (missing != nullptr) {
    *error = std::string("not a tact summary: \"summary\" has no ") + missing +
             "; expected the output of 'tact check --summary --format json'";
    return false;
  }
  return true;
}

// Counts, totals, group_by and worst_n.
void ReadHead(Element sum, Summary* s) {
  s->conversations = U(sum, "conversations");
  s->violated_conversations = U(sum, "violated_conversations");
  s->unsupported_languages.clear();
  simdjson::dom::object unsupported;
  if (!sum["unsupported_languages"].get(unsupported)) {
    for (auto [lang, n] : unsupported) {
      uint64_t v = 0;
      if (!n.get(v)) s->unsupported_languages[std::string(lang)] = v;
    }
  }
  Element totals;
  if (!sum["totals"].get(totals)) {
    s->inputs = U(totals, "inputs");
    s->read = U(totals, "read");
    s->analyzed = U(totals, "analyzed");
    s->skipped = U(totals, "skipped");
  }
  s->group_by.clear();
  simdjson::dom::array arr;
  if (!sum["group_by"].get_array().get(arr)) {
    for (Element g : arr) {
      std::string_view v;
      if (!g.get_string().get(v)) s->group_by.emplace_back(v);
    }
  }
  s->worst_n = U(sum, "worst_n");
}

bool ReadShards(Element sum, Summary* s, std::string* error) {
  s->shards.clear();
  simdjson::dom::array arr;
  if (sum["shards"].get_array().get(arr)) return true;
  for (Element e : arr) {
    ShardId id{S(e, "input"), U(e, "k"), U(e, "n")};
    if (id.n == 0 || id.k == 0 || id.k > id.n) {
      *error = "invalid \"shards\" entry: expected 1 <= k <= n";
      return false;
    }
    s->shards.push_back(id);
  }
  return true;
}

WorstEntry ReadWorst(Element e) {
  WorstEntry w;
  double sc = -1;
  w.score = e["score"].get_double().get(sc) ? -1 : sc;
  w.id = S(e, "id");
  w.source = S(e, "source");
  w.status = StatusFrom(S(e, "status"));
  w.turn = static_cast<int>(I(e, "turn"));
  w.quote = S(e, "quote");
  return w;
}

void ReadBehaviours(Element sum, Summary* s) {
  simdjson::dom::array arr;
  if (sum["behaviours"].get_array().get(arr)) return;
  for (Element b : arr) {
    BehaviourSummary& bs = s->behaviours[S(b, "id")];
    bs.kind = KindFrom(S(b, "kind"));
    bs.title = S(b, "title");
    bs.level = LevelFrom(S(b, "severity"));
    Element c;
    if (!b["counts"].get(c)) ReadCounts(c, &bs.counts);
    simdjson::dom::array worst;
    if (!b["worst"].get_array().get(worst)) {
      for (Element e : worst) bs.worst.push_back(ReadWorst(e));
    }
  }
}

void ReadMetrics(Element sum, Summary* s) {
  simdjson::dom::array arr;
  if (sum["metrics"].get_array().get(arr)) return;
  for (Element m : arr) {
    MetricSummary& ms = s->metrics[S(m, "id")];
    ms.unit = S(m, "unit");
    Element c, h;
    if (!m["counts"].get(c)) ReadCounts(c, &ms.counts);
    if (!m["histogram"].get(h)) ReadHistogram(h, &ms.values);
  }
}

void ReadGroups(Element sum, Summary* s) {
  simdjson::dom::object groups;
  if (sum["groups"].get_object().get(groups)) return;
  for (auto [dim, list] : groups) {
    simdjson::dom::array garr;
    if (list.get_array().get(garr)) continue;
    for (Element g : garr) {
      GroupSummary& gs = s->groups[std::string(dim)][S(g, "key")];
      gs.conversations = U(g, "conversations");
      gs.scored = U(g, "scored");
      gs.score_milli_sum = I(g, "score_milli_sum");
      simdjson::dom::object bo;
      if (!g["behaviours"].get_object().get(bo)) {
        for (auto [bid, c] : bo) ReadCounts(c, &gs.behaviours[std::string(bid)]);
      }
    }
  }
}

}  // namespace

bool ReadSummaryJson(std::string_view document, Summary* s, std::string* error) {
  simdjson::dom::parser parser;
  Element doc;
  if (auto err = parser.parse(document.data(), document.size()).get(doc)) {
    *error = std::string("invalid JSON: ") + simdjson::error_message(err);
    return false;
  }
  Element sum;
  if (!FindSummary(doc, &sum, error)) return false;
  ReadHead(sum, s);
  if (!ReadShards(sum, s, error)) return false;
  Element score;
  if (!sum["score"].get(score)) {
    Element h;
    if (!score["histogram"].get(h)) ReadHistogram(h, &s->scores);
  }
  ReadBehaviours(sum, s);
  ReadMetrics(sum, s);
  ReadGroups(sum, s);
  return true;
}

}  // namespace tact::report
