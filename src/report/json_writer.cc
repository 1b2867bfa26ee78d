#include "report/json_writer.h"

#include <string>
#include <vector>

#include "report/format.h"
#include "report/summary_json.h"

namespace tact::report {
namespace {

// Evidence repeats its turn's whole text, and several behaviours often cite
// the same turn: each turn's text is escaped once per conversation and copied
// from the output after that.
class TurnTexts {
 public:
  void Write(const Evidence& e, JsonWriter* w) {
    const size_t t = static_cast<size_t>(e.turn);
    if (t >= seen_.size()) seen_.resize(t + 1);
    Seen& s = seen_[t];
    if (s.text != nullptr && *s.text == e.text) {
      w->Again(s.where);
      return;
    }
    s.text = &e.text;
    w->String(e.text, &s.where);
  }

 private:
  struct Seen {
    const std::string* text = nullptr;  // in the result being written
    JsonWriter::Span where;
  };
  std::vector<Seen> seen_;
};

void WriteEvidence(const Evidence& e, JsonWriter* w, TurnTexts* texts) {
  w->BeginObject();
  w->Key("turn").Int(e.turn);
  w->Key("speaker").String(e.speaker);
  w->Key("role").Name(RoleName(e.role));
  w->Key("time");
  if (e.time)
    w->Number(Rounded(*e.time, 1000));
  else
    w->Null();
  w->Key("text");
  if (e.turn > 0)
    texts->Write(e, w);
  else
    w->String(e.text);
  w->Key("span")
      .BeginArray()
      .Int(static_cast<long long>(e.span_begin))
      .Int(static_cast<long long>(e.span_end))
      .EndArray();
  w->Key("match").String(std::string_view(e.text).substr(e.span_begin, e.span_end - e.span_begin));
  w->Key("rule").String(e.rule);
  w->EndObject();
}

void WriteMetric(const MetricResult& m, JsonWriter* w) {
  w->Key(m.id).BeginObject();
  w->Key("value");
  if (m.value)
    w->Number(Rounded(*m.value, 1000));
  else
    w->Null();
  w->Key("unit").String(m.unit);
  w->Key("threshold").OptNumber(m.threshold);
  w->Key("status").Name(StatusName(m.status));
  w->Key("evidence").BeginArray();
  for (int t : m.evidence) w->Int(t);
  w->EndArray();
  for (const auto& [k, v] : m.fields) w->Key(k).Number(Rounded(v, 1000));
  if (!m.per_turn.empty()) {
    w->Key("per_turn").BeginArray();
    for (const auto& [turn, v] : m.per_turn) {
      w->BeginObject().Key("turn").Int(turn).Key("value").Number(Rounded(v, 1000)).EndObject();
    }
    w->EndArray();
  }
  if (!m.note.empty()) w->Key("note").String(m.note);
  if (!m.title.empty()) w->Key("title").String(m.title);
  if (!m.explain.empty()) w->Key("explain").String(m.explain);
  w->EndObject();
}

// The score's breakdown: which items made it and what each cost, so a
// dashboard can show "62 = 5 of 8 met - shouting 10" without redoing the sums.
void WriteBreakdown(const ConversationResult& r, JsonWriter* w) {
  const ScoreBreakdown& b = r.score_breakdown;
  w->Key("score_breakdown");
  if (!b.scored) {  // nothing applied: the score is null too
    w->Null();
    return;
  }
  w->BeginObject();
  w->Key("scorecard").String(b.scorecard);
  w->Key("explain").String(b.Explain(r.score));
  {
    w->Key("met").Int(b.met);
    w->Key("applicable").Int(b.applicable);
    w->Key("met_weight").Number(Rounded(b.met_weight, 1000));
    w->Key("applicable_weight").Number(Rounded(b.applicable_weight, 1000));
    w->Key("base").Number(Rounded(b.base, 10));
    w->Key("missed").BeginArray();
    for (const auto& [id, points] : b.missed) {
      w->BeginObject();
      w->Key("id").String(id);
      w->Key("points").Number(Rounded(points, 10));
      w->EndObject();
    }
    w->EndArray();
    w->Key("penalties").BeginArray();
    for (const auto& [id, points] : b.penalties) {
      w->BeginObject();
      w->Key("id").String(id);
      w->Key("points").Number(Rounded(points, 10));
      w->EndObject();
    }
    w->EndArray();
    w->Key("critical").BeginArray();
    for (const auto& id : b.critical) w->String(id);
    w->EndArray();
  }
  w->EndObject();
}

void WriteBehaviour(const BehaviourResult& b, JsonWriter* w, TurnTexts* texts) {
  w->BeginObject();
  w->Key("id").String(b.id);
  w->Key("kind").Name(KindName(b.kind));
  w->Key("status").Name(StatusName(b.status));
  w->Key("title").String(b.title);
  if (b.kind == BehaviourKind::kAvoid) w->Key("severity").Name(LevelName(b.level));
  if (!b.trigger.empty()) {
    w->Key("trigger").String(b.trigger);
    w->Key("episodes").BeginArray();
    for (const auto& e : b.episodes) {
      w->BeginObject();
      w->Key("turn").Int(e.turn);
      w->Key("answered").Bool(e.answered);
      w->Key("answer_turn");
      if (e.answer_turn > 0)
        w->Int(e.answer_turn);
      else
        w->Null();
      w->EndObject();
    }
    w->EndArray();
  }
  w->Key("evidence").BeginArray();
  for (const auto& e : b.evidence) WriteEvidence(e, w, texts);
  w->EndArray();
  if (b.status == Status::kMissed || b.status == Status::kViolated) {
    w->Key("tip").String(b.tip);
    w->Key("tip_en").String(b.tip_en);
  }
  if (!b.note.empty()) w->Key("note").String(b.note);
  if (!b.explain.empty()) w->Key("explain").String(b.explain);
  w->EndObject();
}

}  // namespace

void WriteConversationJson(const ConversationResult& r, JsonWriter* w) {
  w->BeginObject();
  w->Key("id").String(r.id);
  w->Key("source").String(r.source);
  w->Key("input_format").String(r.input_format);
  w->Key("language").String(r.language);
  w->Key("language_confidence").Number(Rounded(r.language_confidence, 1000));
  w->Key("language_method").String(r.language_method);
  if (!r.detected_language.empty()) {
    w->Key("detected_language").String(r.detected_language);
    w->Key("detected_confidence").Number(Rounded(r.detected_confidence, 1000));
  }
  if (!r.customer_language.empty()) w->Key("customer_language").String(r.customer_language);
  w->Key("channel").Name(ChannelName(r.channel));
  w->Key("agent");
  if (r.agent.empty())
    w->Null();
  else
    w->String(r.agent);
  w->Key("turn_count").Int(r.turn_count);
  w->Key("speakers").BeginArray();
  for (const auto& s : r.speakers) {
    w->BeginObject();
    w->Key("name").String(s.name);
    w->Key("role").Name(RoleName(s.role));
    w->Key("by").Name(RoleSourceName(s.source));
    w->EndObject();
  }
  w->EndArray();
  w->Key("score");
  if (r.score < 0)
    w->Null();
  else
    w->Number(Rounded(r.score, 10));
  WriteBreakdown(r, w);
  w->Key("behaviours").BeginArray();
  TurnTexts texts;
  for (const auto& b : r.behaviours) WriteBehaviour(b, w, &texts);
  w->EndArray();
  w->Key("metrics").BeginObject();
  for (const auto& m : r.metrics) WriteMetric(m, w);
  w->EndObject();
  w->Key("warnings").BeginArray();
  for (const auto& s : r.warnings) w->String(s);
  w->EndArray();
  w->EndObject();
}

void WriteTotalsJson(const RunTotals& totals, JsonWriter* w) {
  w->Key("totals").BeginObject();
  w->Key("inputs").Int(static_cast<long long>(totals.inputs));
  w->Key("read").Int(static_cast<long long>(totals.read));
  w->Key("analyzed").Int(static_cast<long long>(totals.analyzed));
  w->Key("skipped").Int(static_cast<long long>(totals.skipped));
  w->EndObject();
}

void WriteChecksJson(const std::vector<CheckOutcome>& checks, JsonWriter* w) {
  w->Key("checks").BeginArray();
  for (const auto& c : checks) {
    w->BeginObject();
    w->Key("expression").String(c.expression);
    if (c.na.empty())
      w->Key("value").Number(Rounded(c.value, 1000));
    else
      w->Key("value").Null();
    w->Key("failed").Bool(c.failed);
    if (!c.na.empty()) w->Key("na").String(c.na);
    w->EndObject();
  }
  w->EndArray();
}

void JsonReportWriter::Begin(std::string* out) {
  if (lines_) return;
  out->append("{\"tool\":{\"name\":\"tact\",\"version\":");
  AppendJsonString(options_.version, out);
  out->append(options_.summary ? "}" : "},\"conversations\":[\n");
}

void JsonReportWriter::Conversation(const ConversationResult& r, std::string* out) {
  std::string text;
  Render(r, &text);
  Conversation(r, text, out);
}

bool JsonReportWriter::Render(const ConversationResult& r, std::string* text) const {
  JsonWriter w(text);
  WriteConversationJson(r, &w);
  if (lines_) text->push_back('\n');
  return true;
}

void JsonReportWriter::Conversation(const ConversationResult&, const std::string& rendered,
                                    std::string* out) {
  if (!lines_ && !first_) out->append(",\n");
  first_ = false;
  out->append(rendered);
}

void JsonReportWriter::End(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                           const Summary* summary, std::string* out) {
  if (lines_) {
    if (summary != nullptr) {
      out->append("{\"summary\":");
      JsonWriter w(out);
      WriteSummaryJson(*summary, &w);
      out->append("}\n");
    }
    return;
  }
  if (!options_.summary)
    out->append(first_ ? "]," : "\n],");
  else
    out->append(",");
  // The remaining members of the top-level object, written through a helper
  // object whose opening brace is dropped.
  std::string tail;
  JsonWriter t(&tail);
  t.BeginObject();
  if (summary != nullptr) {
    t.Key("summary");
    WriteSummaryJson(*summary, &t);
  }
  WriteTotalsJson(totals, &t);
  WriteChecksJson(checks, &t);
  t.EndObject();
  out->append(tail.substr(1));
  out->push_back('\n');
}

}  // namespace tact::report
