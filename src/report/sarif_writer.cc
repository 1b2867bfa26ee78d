#include "report/sarif_writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/format.h"
#include "report/json.h"
#include "report/json_writer.h"
#include "report/report_util.h"
#include "report/summary_stats.h"

namespace tact::report {
namespace {

constexpr std::string_view kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

std::string_view SarifLevel(BehaviourKind kind, Level level) {
  if (kind != BehaviourKind::kAvoid) return "warning";  // a missed expected behaviour
  switch (level) {
    case Level::kError:
      return "error";
    case Level::kWarning:
      return "warning";
    case Level::kInfo:
      return "note";
  }
  return "warning";
}

// "clear_next_steps" -> "ClearNextSteps".
std::string CamelCase(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '_' || c == '-' || c == '.') {
      upper = true;
      continue;
    }
    out.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    upper = false;
  }
  return out;
}

// A physicalLocation for `file` at `line`; line 1 (the whole file) when the
// line is unknown, since code-scanning views need a startLine.
void PhysicalLocation(std::string_view file, int line, JsonWriter* w) {
  w->Key("physicalLocation").BeginObject();
  w->Key("artifactLocation").BeginObject().Key("uri").String(ArtifactUri(file)).EndObject();
  w->Key("region").BeginObject().Key("startLine").Int(std::max(line, 1)).EndObject();
  w->EndObject();
}

bool HasFile(std::string_view file) { return !file.empty() && file != "-"; }

void WriteResult(const ConversationResult& r, const BehaviourResult& b, JsonWriter* w) {
  const std::string_view file = SourcePath(r.source);
  std::string text = (b.title.empty() ? b.id : b.title) + ": " + std::string(StatusName(b.status));
  if (b.kind == BehaviourKind::kAvoid)
    text += " (severity " + std::string(LevelName(b.level)) + ")";
  // A violation's explanation only names the turn its evidence shows.
  std::string details = b.status == Status::kMissed ? NoteOf(b) : b.note;
  if (!b.evidence.empty()) {
    if (!details.empty()) details += "; ";
    details += DescribeEvidence(b.evidence.front());
    if (b.evidence.size() > 1) details += " (" + MoreTurns(b.evidence, 1) + ")";
  }
  if (!details.empty()) text += " — " + details;
  if (!r.id.empty() && r.source.find(r.id) == std::string::npos)
    text += " [conversation " + r.id + "]";
  int turn = 0;
  if (!b.evidence.empty()) {
    turn = b.evidence.front().turn;
  } else {
    for (const auto& e : b.episodes) {
      if (!e.answered) {
        turn = e.turn;
        break;
      }
    }
  }

  w->BeginObject();
  w->Key("ruleId").String(b.id);
  w->Key("level").String(SarifLevel(b.kind, b.level));
  w->Key("message").BeginObject().Key("text").String(text).EndObject();
  w->Key("locations").BeginArray().BeginObject();
  if (HasFile(file)) PhysicalLocation(file, FindingLine(r, b), w);
  w->Key("logicalLocations").BeginArray().BeginObject();
  w->Key("name").String(r.id).Key("kind").String("conversation");
  w->EndObject().EndArray();
  w->EndObject().EndArray();
  w->Key("partialFingerprints").BeginObject();
  w->Key("conversationBehaviour/v1").String(std::string(file) + "|" + r.id + "|" + b.id);
  w->EndObject();
  w->Key("properties").BeginObject();
  w->Key("conversation").String(r.id);
  w->Key("source").String(r.source);
  w->Key("status").String(StatusName(b.status));
  if (turn > 0) w->Key("turn").Int(turn);
  if (!b.evidence.empty()) {
    w->Key("evidenceTurns").BeginArray();
    for (const auto& e : b.evidence) w->Int(e.turn);
    w->EndArray();
    w->Key("rule").String(b.evidence.front().rule);
  }
  w->Key("language").String(r.language);
  w->Key("score");
  if (r.score < 0)
    w->Null();
  else
    w->Number(Rounded(r.score, 10));
  w->Key("scoreBreakdown").String(r.score_breakdown.Explain(r.score));
  if (!b.tip.empty() && b.tip != b.tip_en)
    w->Key("tip").String(b.tip);  // the rule's help is English
  w->EndObject();
  w->EndObject();
}

void WriteSummaryResult(const std::string& id, const BehaviourSummary& b, JsonWriter* w) {
  std::string text = (b.title.empty() ? id : b.title) + ": " + CountsSentence(b);
  if (!b.worst.empty()) {
    const WorstEntry& worst = b.worst.front();
    text += "; worst: " + worst.source + " (score " + WholeScore(worst.score) + ")";
  }
  auto worst_location = [&](const WorstEntry& e, JsonWriter* jw) {
    std::string_view file = SourcePath(e.source);
    if (HasFile(file)) PhysicalLocation(file, SourceLine(e.source), jw);
    jw->Key("logicalLocations").BeginArray().BeginObject();
    jw->Key("name").String(e.id).Key("kind").String("conversation");
    jw->EndObject().EndArray();
  };
  w->BeginObject();
  w->Key("ruleId").String(id);
  w->Key("level").String(SarifLevel(b.kind, b.level));
  w->Key("message").BeginObject().Key("text").String(text).EndObject();
  if (!b.worst.empty()) {
    w->Key("locations").BeginArray().BeginObject();
    worst_location(b.worst.front(), w);
    w->EndObject().EndArray();
    w->Key("relatedLocations").BeginArray();
    int n = 0;
    for (const auto& e : b.worst) {
      w->BeginObject();
      w->Key("id").Int(++n);
      worst_location(e, w);
      w->Key("message").BeginObject().Key("text").String(DescribeWorst(e)).EndObject();
      w->EndObject();
    }
    w->EndArray();
  }
  w->Key("partialFingerprints").BeginObject().Key("behaviour/v1").String(id).EndObject();
  w->Key("properties").BeginObject();
  for (Status s :
       {Status::kMet, Status::kMissed, Status::kClean, Status::kViolated, Status::kNotApplicable}) {
    if (b.kind == BehaviourKind::kExpected && (s == Status::kClean || s == Status::kViolated))
      continue;
    if (b.kind == BehaviourKind::kAvoid && (s == Status::kMet || s == Status::kMissed)) continue;
    w->Key(StatusName(s)).Int(static_cast<long long>(b.counts.Get(s)));
  }
  double rate = b.counts.Rate(b.kind);
  w->Key("rate");
  if (rate < 0)
    w->Null();
  else
    w->Number(Rounded(rate, 1000));
  w->EndObject();
  w->EndObject();
}

void WriteRule(const std::string& id, const SarifReportWriter::Rule& rule, JsonWriter* w) {
  const bool avoid = rule.kind == BehaviourKind::kAvoid;
  std::string title = rule.title.empty() ? id : rule.title;
  std::string full = avoid ? "To avoid (severity " + std::string(LevelName(rule.level)) +
                                 "): " + title +
                                 ". A result is a conversation where an agent turn shows it."
                           : "Expected of the agent: " + title +
                                 ". A result is a conversation where the agent missed it.";
  w->BeginObject();
  w->Key("id").String(id);
  w->Key("name").String(CamelCase(id));
  w->Key("shortDescription").BeginObject().Key("text").String(title).EndObject();
  w->Key("fullDescription").BeginObject().Key("text").String(full).EndObject();
  if (!rule.tip.empty()) w->Key("help").BeginObject().Key("text").String(rule.tip).EndObject();
  w->Key("defaultConfiguration")
      .BeginObject()
      .Key("level")
      .String(SarifLevel(rule.kind, rule.level))
      .EndObject();
  w->Key("properties").BeginObject();
  w->Key("kind").String(KindName(rule.kind));
  if (avoid) w->Key("severity").String(LevelName(rule.level));
  w->Key("tags").BeginArray().String("customer-support").String(KindName(rule.kind)).EndArray();
  w->EndObject();
  w->EndObject();
}

}  // namespace

std::string ArtifactUri(std::string_view path) {
  std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/')
      out.push_back(static_cast<char>(c));
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

void SarifReportWriter::Note(const std::string& id, const Rule& rule) {
  auto [it, added] = rules_.emplace(id, rule);
  if (!added && it->second.tip.empty()) it->second.tip = rule.tip;
}

void SarifReportWriter::Begin(std::string* out) {
  out->append("{\"$schema\":");
  AppendJsonString(kSchemaUri, out);
  out->append(",\"version\":\"2.1.0\",\"runs\":[{\"results\":[");
}

void SarifReportWriter::Conversation(const ConversationResult& r, std::string* out) {
  if (r.unsupported_language()) {
    ++unsupported_[r.language];
    if (unsupported_notes_.size() < kMaxUnsupportedNotes) {
      std::string who = r.source;
      if (!r.id.empty() && r.source.find(r.id) == std::string::npos) who += " (id " + r.id + ")";
      unsupported_notes_.push_back(who + ": unsupported language '" + r.language +
                                   "': behaviours not judged");
    }
    return;
  }
  for (const auto& b : r.behaviours) {
    if (b.kind == BehaviourKind::kSignal) continue;
    Note(b.id, Rule{b.kind, b.level, b.title_en.empty() ? b.title : b.title_en, b.tip_en});
    if (!IsFinding(b)) continue;
    out->append(first_result_ ? "\n" : ",\n");
    first_result_ = false;
    JsonWriter w(out);
    WriteResult(r, b, &w);
  }
}

// With a summary, one result per behaviour that was missed or violated.
void SarifReportWriter::WriteSummaryResults(const Summary& summary, std::string* out) {
  for (BehaviourKind kind : {BehaviourKind::kExpected, BehaviourKind::kAvoid}) {
    for (const auto& [id, b] : summary.behaviours) {
      if (b.kind != kind) continue;
      Note(id, Rule{b.kind, b.level, b.title, ""});
      if (b.counts.Get(BadStatus(kind)) == 0) continue;
      out->append(first_result_ ? "\n" : ",\n");
      first_result_ = false;
      JsonWriter w(out);
      WriteSummaryResult(id, b, &w);
    }
  }
}

// tool.driver: tact and the rules (expected behaviours first, then avoid).
void SarifReportWriter::WriteTool(JsonWriter* w) const {
  w->Key("tool").BeginObject().Key("driver").BeginObject();
  w->Key("name").String("tact");
  w->Key("version").String(options_.version);
  w->Key("semanticVersion").String(options_.version);
  w->Key("rules").BeginArray();
  for (BehaviourKind kind : {BehaviourKind::kExpected, BehaviourKind::kAvoid}) {
    for (const auto& [id, rule] : rules_) {
      if (rule.kind == kind) WriteRule(id, rule, w);
    }
  }
  w->EndArray();
  w->EndObject().EndObject();
}

namespace {

void WriteNotification(std::string_view level, const std::string& text, JsonWriter* w) {
  w->BeginObject();
  w->Key("level").String(level);
  w->Key("message").BeginObject().Key("text").String(text).EndObject();
  w->EndObject();
}

}  // namespace

// The unsupported languages, input errors and failed gates, as notifications:
// a code-scanning view that shows the input errors shows the failed gates beside them.
void SarifReportWriter::WriteNotifications(const RunTotals& totals,
                                           const std::vector<CheckOutcome>& checks,
                                           JsonWriter* w) const {
  w->Key("toolExecutionNotifications").BeginArray();
  for (const auto& note : unsupported_notes_) WriteNotification("warning", note, w);
  for (const auto& d : totals.errors) {
    w->BeginObject();
    w->Key("level").String("error");
    w->Key("message").BeginObject().Key("text").String(d.message).EndObject();
    if (HasFile(d.file)) {
      w->Key("locations").BeginArray().BeginObject();
      PhysicalLocation(d.file, d.line, w);
      w->EndObject().EndArray();
    }
    w->EndObject();
  }
  if (totals.skipped > totals.errors.size()) {
    const size_t more = totals.skipped - totals.errors.size();
    WriteNotification(
        "error",
        totals.errors.empty()
            ? fmt::format("{} conversation(s) or input(s) skipped because of errors "
                          "(listed on stderr by the run that read them)",
                          more)
            : fmt::format("{} more input error(s), not listed here (see stderr)", more),
        w);
  }
  for (const auto& c : checks) {
    if (c.failed)
      WriteNotification("error",
                        fmt::format("threshold failed: {} (value {:g})", c.expression, c.value), w);
  }
  w->EndArray();
}

void SarifReportWriter::End(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                            const Summary* summary, std::string* out) {
  if (summary != nullptr) WriteSummaryResults(*summary, out);
  out->append(first_result_ ? "]," : "\n],");
  // The rest of the run object, written through a helper object whose opening
  // brace is dropped.
  std::string tail;
  JsonWriter w(&tail);
  w.BeginObject();
  WriteTool(&w);
  w.Key("invocations").BeginArray().BeginObject();
  w.Key("executionSuccessful").Bool(totals.skipped == 0);
  const auto& unsupported = summary != nullptr ? summary->unsupported_languages : unsupported_;
  const bool gate_failed =
      std::any_of(checks.begin(), checks.end(), [](const CheckOutcome& c) { return c.failed; });
  if (totals.skipped > 0 || !unsupported.empty() || gate_failed)
    WriteNotifications(totals, checks, &w);
  w.EndObject().EndArray();
  w.Key("properties").BeginObject();
  WriteTotalsJson(totals, &w);
  if (summary != nullptr)
    w.Key("conversations").Int(static_cast<long long>(summary->conversations));
  if (!unsupported.empty()) {
    w.Key("unsupported_languages").BeginObject();
    for (const auto& [lang, n] : unsupported) w.Key(lang).Int(static_cast<long long>(n));
    w.EndObject();
  }
  WriteChecksJson(checks, &w);
  w.EndObject();
  w.EndObject();
  out->append(tail.substr(1));
  out->append("]}\n");
}

}  // namespace tact::report
