#include "report/sarif_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/json.h"
#include "report/report_util.h"

namespace tact::report {
namespace {

constexpr std::string_view kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

double Round(double v, double scale) { return std::round(v * scale) / scale; }

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
    if (b.evidence.size() > 1) {
      details += " (+" + std::to_string(b.evidence.size() - 1) + " more: turn";
      if (b.evidence.size() > 2) details += "s";
      for (size_t k = 1; k < b.evidence.size(); ++k)
        details += (k == 1 ? " " : ", ") + std::to_string(b.evidence[k].turn);
      details += ")";
    }
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
    w->Number(Round(r.score, 10));
  w->Key("scoreBreakdown").String(r.score_breakdown.Explain(r.score));
  if (!b.tip.empty() && b.tip != b.tip_en)
    w->Key("tip").String(b.tip);  // the rule's help is English
  w->EndObject();
  w->EndObject();
}

void WriteSummaryResult(const std::string& id, const BehaviourSummary& b, JsonWriter* w) {
  const bool avoid = b.kind == BehaviourKind::kAvoid;
  const uint64_t bad = b.counts.Get(avoid ? Status::kViolated : Status::kMissed);
  const uint64_t applicable = b.counts.Applicable(b.kind);
  std::string text =
      fmt::format("{}: {} in {} of {} conversation(s) ({}", b.title.empty() ? id : b.title,
                  avoid ? "violated" : "missed", bad, applicable,
                  FormatRate(b.counts.Rate(b.kind), avoid ? "clean" : "met"));
  if (avoid) text += ", severity " + std::string(LevelName(b.level));
  text += ")";
  if (!b.worst.empty()) {
    const WorstEntry& worst = b.worst.front();
    text += "; worst: " + worst.source +
            (worst.score < 0 ? " (score n/a)" : fmt::format(" (score {:.0f})", worst.score));
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
      std::string m = e.source;
      if (!e.id.empty() && e.source.find(e.id) == std::string::npos) m += " (id " + e.id + ")";
      m += e.score < 0 ? ": score n/a" : fmt::format(": score {:.0f}", e.score);
      if (e.turn > 0)
        m += ", turn " + std::to_string(e.turn) + ": \"" + e.quote + "\"";
      else if (!e.quote.empty())
        m += " (" + e.quote + ")";
      w->BeginObject();
      w->Key("id").Int(++n);
      worst_location(e, w);
      w->Key("message").BeginObject().Key("text").String(m).EndObject();
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
    w->Number(Round(rate, 1000));
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

void SarifReportWriter::End(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                            const Summary* summary, std::string* out) {
  if (summary != nullptr) {
    for (BehaviourKind kind : {BehaviourKind::kExpected, BehaviourKind::kAvoid}) {
      for (const auto& [id, b] : summary->behaviours) {
        if (b.kind != kind) continue;
        Note(id, Rule{b.kind, b.level, b.title, ""});
        if (b.counts.Get(kind == BehaviourKind::kAvoid ? Status::kViolated : Status::kMissed) == 0)
          continue;
        out->append(first_result_ ? "\n" : ",\n");
        first_result_ = false;
        JsonWriter w(out);
        WriteSummaryResult(id, b, &w);
      }
    }
  }
  out->append(first_result_ ? "]," : "\n],");
  // The rest of the run object, written through a helper object whose opening
  // brace is dropped.
  std::string tail;
  JsonWriter w(&tail);
  w.BeginObject();
  w.Key("tool").BeginObject().Key("driver").BeginObject();
  w.Key("name").String("tact");
  w.Key("version").String(options_.version);
  w.Key("semanticVersion").String(options_.version);
  w.Key("rules").BeginArray();
  for (BehaviourKind kind : {BehaviourKind::kExpected, BehaviourKind::kAvoid}) {
    for (const auto& [id, rule] : rules_) {
      if (rule.kind == kind) WriteRule(id, rule, &w);
    }
  }
  w.EndArray();
  w.EndObject().EndObject();
  w.Key("invocations").BeginArray().BeginObject();
  w.Key("executionSuccessful").Bool(totals.skipped == 0);
  const auto& unsupported = summary != nullptr ? summary->unsupported_languages : unsupported_;
  // A failed gate is a notification too, so a code-scanning view that shows
  // the input errors shows the failed gates beside them.
  const bool gate_failed =
      std::any_of(checks.begin(), checks.end(), [](const CheckOutcome& c) { return c.failed; });
  if (totals.skipped > 0 || !unsupported.empty() || gate_failed) {
    w.Key("toolExecutionNotifications").BeginArray();
    for (const auto& note : unsupported_notes_) {
      w.BeginObject();
      w.Key("level").String("warning");
      w.Key("message").BeginObject().Key("text").String(note).EndObject();
      w.EndObject();
    }
    for (const auto& d : totals.errors) {
      w.BeginObject();
      w.Key("level").String("error");
      w.Key("message").BeginObject().Key("text").String(d.message).EndObject();
      if (HasFile(d.file)) {
        w.Key("locations").BeginArray().BeginObject();
        PhysicalLocation(d.file, d.line, &w);
        w.EndObject().EndArray();
      }
      w.EndObject();
    }
    if (totals.skipped > totals.errors.size()) {
      const size_t more = totals.skipped - totals.errors.size();
      w.BeginObject();
      w.Key("level").String("error");
      w.Key("message").BeginObject().Key("text");
      w.String(totals.errors.empty()
                   ? fmt::format("{} conversation(s) or input(s) skipped because of errors "
                                 "(listed on stderr by the run that read them)",
                                 more)
                   : fmt::format("{} more input error(s), not listed here (see stderr)", more));
      w.EndObject().EndObject();
    }
    for (const auto& c : checks) {
      if (!c.failed) continue;
      w.BeginObject();
      w.Key("level").String("error");
      w.Key("message").BeginObject().Key("text");
      w.String(fmt::format("threshold failed: {} (value {:g})", c.expression, c.value));
      w.EndObject().EndObject();
    }
    w.EndArray();
  }
  w.EndObject().EndArray();
  w.Key("properties").BeginObject();
  w.Key("totals").BeginObject();
  w.Key("inputs").Int(static_cast<long long>(totals.inputs));
  w.Key("read").Int(static_cast<long long>(totals.read));
  w.Key("analyzed").Int(static_cast<long long>(totals.analyzed));
  w.Key("skipped").Int(static_cast<long long>(totals.skipped));
  w.EndObject();
  if (summary != nullptr)
    w.Key("conversations").Int(static_cast<long long>(summary->conversations));
  if (!unsupported.empty()) {
    w.Key("unsupported_languages").BeginObject();
    for (const auto& [lang, n] : unsupported) w.Key(lang).Int(static_cast<long long>(n));
    w.EndObject();
  }
  w.Key("checks").BeginArray();
  for (const auto& c : checks) {
    w.BeginObject();
    w.Key("expression").String(c.expression);
    if (c.na.empty())
      w.Key("value").Number(Round(c.value, 1000));
    else
      w.Key("value").Null();
    w.Key("failed").Bool(c.failed);
    if (!c.na.empty()) w.Key("na").String(c.na);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  out->append(tail.substr(1));
  out->append("]}\n");
}

}  // namespace tact::report
