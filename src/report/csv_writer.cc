#include "report/csv_writer.h"

#include "report/csv_wide.h"
#include "report/format.h"
#include "report/summary_stats.h"

namespace tact::report {

namespace {

// Whether a spreadsheet would read the cell as a formula ("=HYPERLINK(…)",
// "+cmd", "@SUM", a leading tab); numbers such as "-0.5" are not.
bool LooksLikeFormula(std::string_view f) {
  if (f.empty() || std::string_view("=+-@\t\r").find(f[0]) == std::string_view::npos) return false;
  if (f[0] == '-' || f[0] == '+') {
    bool number = f.size() > 1;
    for (size_t i = 1; i < f.size(); ++i)
      number = number && ((f[i] >= '0' && f[i] <= '9') || f[i] == '.');
    return !number;
  }
  return true;
}

}  // namespace

void AppendCsvField(std::string_view field, std::string* out) {
  // A cell from the input that a spreadsheet would run is kept as text: a
  // leading apostrophe (the OWASP advice against CSV injection).
  std::string guarded;
  if (LooksLikeFormula(field)) {
    guarded = "'" + std::string(field);
    field = guarded;
  }
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvRow(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out->push_back(',');
    AppendCsvField(fields[i], out);
  }
  out->append("\r\n");
}

namespace {

void Row(const std::vector<std::string>& fields, std::string* out) { AppendCsvRow(fields, out); }

// Empty cells for no score and no rate; a rate as a fraction, not in percent.
std::string Score(double s) { return s < 0 ? "" : Fixed(s, 1); }

std::string RateText(double r) { return r < 0 ? "" : Fixed(r, 4); }

}  // namespace

void CsvReportWriter::Begin(std::string* out) {
  if (options_.csv_wide) {
    if (!options_.summary) WideConversationHeader(options_, out);  // a summary's is in End()
  } else if (options_.summary) {
    Row({"dimension", "group", "behaviour", "kind", "conversations", "met", "missed",
         "not_applicable", "clean", "violated", "present", "absent", "rate"},
        out);
  } else {
    Row({"source", "id", "language", "channel", "agent", "score", "behaviour", "kind", "status",
         "severity", "evidence_turns", "first_match", "rule", "tip", "note", "score_breakdown"},
        out);
  }
}

void CsvReportWriter::Conversation(const ConversationResult& r, std::string* out) {
  Render(r, out);
}

void CsvReportWriter::Conversation(const ConversationResult&, const std::string& rendered,
                                   std::string* out) {
  out->append(rendered);
}

bool CsvReportWriter::Render(const ConversationResult& r, std::string* out) const {
  if (options_.csv_wide) {
    WideConversationRow(r, options_, out);
    return true;
  }
  const std::string breakdown =
      r.score_breakdown.scored ? r.score_breakdown.Explain(r.score) : std::string();
  for (const auto& b : r.behaviours) {
    std::string turns, match, rule;
    for (const auto& e : b.evidence) turns += (turns.empty() ? "" : " ") + std::to_string(e.turn);
    if (!b.evidence.empty()) {
      const Evidence& e = b.evidence.front();
      match = e.text.substr(e.span_begin, e.span_end - e.span_begin);
      rule = e.rule;
    }
    bool bad = b.status == Status::kMissed || b.status == Status::kViolated;
    Row({r.source, r.id, r.language, std::string(ChannelName(r.channel)), r.agent, Score(r.score),
         b.id, std::string(KindName(b.kind)), std::string(StatusName(b.status)),
         b.kind == BehaviourKind::kAvoid ? std::string(LevelName(b.level)) : "", turns, match, rule,
         bad ? b.tip : "", b.note, breakdown},
        out);
  }
  return true;
}

void CsvReportWriter::End(const RunTotals&, const std::vector<CheckOutcome>&,
                          const Summary* summary, std::string* out) {
  if (summary == nullptr) return;
  if (options_.csv_wide) {
    WideSummary(*summary, out);
    return;
  }
  auto rows = [&](const std::string& dim, const std::string& group, uint64_t conversations,
                  const std::map<std::string, StatusCounts>& counts) {
    for (const auto& [id, c] : counts) {
      const BehaviourKind kind = KindOf(*summary, id);
      Row({dim, group, id, std::string(KindName(kind)), std::to_string(conversations),
           std::to_string(c.met), std::to_string(c.missed), std::to_string(c.not_applicable),
           std::to_string(c.clean), std::to_string(c.violated), std::to_string(c.present),
           std::to_string(c.absent), RateText(c.Rate(kind))},
          out);
    }
  };
  std::map<std::string, StatusCounts> all;
  for (const auto& [id, b] : summary->behaviours) all[id] = b.counts;
  rows("all", "all", summary->conversations, all);
  for (const auto& [dim, groups] : summary->groups) {
    for (const auto& [key, g] : groups) rows(dim, key, g.conversations, g.behaviours);
  }
}

}  // namespace tact::report
