#include "report/csv_wide.h"

#include "common/dates.h"
#include "report/csv_writer.h"
#include "report/format.h"
#include "report/summary_stats.h"

namespace tact::report {
namespace {

std::string ValueText(const std::optional<double>& v) {
  if (!v) return "";
  std::string s = Fixed(*v, 3);
  // "12.500" -> "12.5", "3.000" -> "3": values as the JSON report prints them.
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string RateCell(const StatusCounts& c, BehaviourKind kind) {
  const double r = c.Rate(kind);
  return r < 0 ? "" : Fixed(r, 4);
}

}  // namespace

void WideConversationHeader(const WriterOptions& o, std::string* out) {
  std::vector<std::string> h = {"id", "source", "date", "agent", "channel", "language", "score"};
  h.insert(h.end(), o.behaviour_columns.begin(), o.behaviour_columns.end());
  h.insert(h.end(), o.metric_columns.begin(), o.metric_columns.end());
  AppendCsvRow(h, out);
}

void WideConversationRow(const ConversationResult& r, const WriterOptions& o, std::string* out) {
  const std::optional<int> day = MetadataDay(r.metadata);
  std::vector<std::string> row = {r.id,
                                  r.source,
                                  day ? DayText(*day) : "",
                                  r.agent,
                                  std::string(ChannelName(r.channel)),
                                  r.language,
                                  r.score < 0 ? "" : Fixed(r.score, 1)};
  for (const std::string& id : o.behaviour_columns) {
    std::string cell;
    for (const auto& b : r.behaviours) {
      if (b.id == id) cell = std::string(StatusName(b.status));
    }
    row.push_back(std::move(cell));
  }
  for (const std::string& id : o.metric_columns) {
    std::string cell;
    for (const auto& m : r.metrics) {
      if (m.id == id) cell = ValueText(m.value);
    }
    row.push_back(std::move(cell));
  }
  AppendCsvRow(row, out);
}

void WideSummary(const Summary& s, std::string* out) {
  std::vector<std::string> h = {"dimension", "group", "conversations", "scored", "mean_score"};
  for (const auto& [id, b] : s.behaviours) {
    h.push_back(id);
    h.push_back(id + "_n");
  }
  AppendCsvRow(h, out);
  auto row = [&](const std::string& dim, const std::string& key, uint64_t conversations,
                 uint64_t scored, const std::optional<double>& mean,
                 const std::map<std::string, StatusCounts>& counts) {
    std::vector<std::string> r = {dim, key, std::to_string(conversations), std::to_string(scored),
                                  mean ? Fixed(*mean, 1) : ""};
    for (const auto& [id, b] : s.behaviours) {
      auto it = counts.find(id);
      r.push_back(it == counts.end() ? "" : RateCell(it->second, b.kind));
      r.push_back(it == counts.end() ? "0" : std::to_string(it->second.Applicable(b.kind)));
    }
    AppendCsvRow(r, out);
  };
  std::map<std::string, StatusCounts> all;
  for (const auto& [id, b] : s.behaviours) all[id] = b.counts;
  const Distribution d = Describe(s.scores);
  row("all", "all", s.conversations, s.scores.count(),
      d.count ? std::optional<double>(d.mean) : std::nullopt, all);
  for (const std::string& dim : s.group_by) {
    auto it = s.groups.find(dim);
    if (it == s.groups.end()) continue;
    for (const auto& [key, g] : it->second)
      row(dim, key, g.conversations, g.scored, MeanScore(g), g.behaviours);
  }
}

}  // namespace tact::report
