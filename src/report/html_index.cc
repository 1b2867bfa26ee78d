#include "report/html_index.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "common/dates.h"
#include "report/html_writer.h"
#include "report/json.h"

namespace tact::report {
namespace {

// The letter of a status in the data (html_report.js reads the same table).
char StatusLetter(Status s) {
  static constexpr std::pair<Status, char> kLetters[] = {
      {Status::kMet, 'm'},   {Status::kMissed, 'x'},   {Status::kNotApplicable, 'n'},
      {Status::kClean, 'c'}, {Status::kViolated, 'v'}, {Status::kPresent, 'p'},
      {Status::kAbsent, 'a'}};
  for (const auto& [status, letter] : kLetters) {
    if (status == s) return letter;
  }
  return '-';
}

// JSON for inside a <script> element: "</" cannot end it early.
std::string ScriptSafe(std::string json) {
  for (size_t at = json.find("</"); at != std::string::npos; at = json.find("</", at + 2))
    json.insert(at + 1, "\\");
  return json;
}

void AppendStrings(const std::vector<std::string>& list, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(list[i], out);
  }
  out->push_back(']');
}

}  // namespace

bool Badness::operator<(const Badness& o) const {
  const bool scored = score >= 0, o_scored = o.score >= 0;
  if (scored != o_scored) return scored;
  if (score != o.score) return score < o.score;
  if (critical != o.critical) return critical > o.critical;
  return n < o.n;
}

Badness Badness::Of(const ConversationResult& r, size_t n) {
  return {r.score < 0 ? -1 : r.score, r.score_breakdown.critical.size(), n};
}

uint32_t ConversationIndex::Intern(std::vector<std::string>* list,
                                   std::map<std::string, uint32_t>* index, const std::string& s) {
  auto [it, added] = index->emplace(s, static_cast<uint32_t>(list->size()));
  if (added) list->push_back(s);
  return it->second;
}

void ConversationIndex::Add(const ConversationResult& r, size_t n) {
  Row row;
  row.id = r.id.empty() ? r.source : r.id;
  row.rank = Badness::Of(r, n);
  if (auto day = MetadataDay(r.metadata)) row.day = *day;
  row.agent = Intern(&agents_, &agent_index_, r.agent);
  row.language = Intern(&languages_, &language_index_, r.language);
  row.channel = static_cast<uint8_t>(
      Intern(&channels_, &channel_index_, std::string(ChannelName(r.channel))));
  for (const auto& b : r.behaviours) {
    const uint32_t k = Intern(&behaviours_, &behaviour_index_, b.id);
    if (row.statuses.size() <= k) row.statuses.resize(k + 1, '-');
    row.statuses[k] = StatusLetter(b.status);
    row.missed += b.status == Status::kMissed;
    row.violated += b.status == Status::kViolated;
  }
  rows_.push_back(std::move(row));
}

void ConversationIndex::WriteHtmlRows(size_t shown, const std::function<bool(size_t)>& has_detail,
                                      std::string* out) const {
  std::vector<size_t> order(rows_.size());
  std::iota(order.begin(), order.end(), 0);
  shown = std::min(shown, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                    [&](size_t a, size_t b) { return rows_[a].rank < rows_[b].rank; });
  for (size_t i = 0; i < shown; ++i) {
    const Row& r = rows_[order[i]];
    const std::string id = HtmlEscape(r.id);
    const std::string agent = agents_[r.agent].empty() ? "–" : HtmlEscape(agents_[r.agent]);
    out->append(fmt::format(
        "<tr class=\"row\"><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td></tr>\n",
        i + 1, has_detail(r.rank.n) ? fmt::format("<a href=\"#conv-{}\">{}</a>", r.rank.n, id) : id,
        agent, HtmlEscape(channels_[r.channel]), HtmlEscape(languages_[r.language]),
        r.day == INT32_MIN ? "–" : DayText(r.day), HtmlScoreBadge(r.rank.score), r.rank.critical,
        r.missed, r.violated));
  }
}

void ConversationIndex::WriteData(const std::map<std::string, std::string>& titles,
                                  const std::function<bool(size_t)>& has_detail,
                                  std::string* out) const {
  std::string json = "{\"behaviours\":";
  AppendStrings(behaviours_, &json);
  std::vector<std::string> names;
  for (const auto& id : behaviours_) {
    auto it = titles.find(id);
    names.push_back(it == titles.end() || it->second.empty() ? id : it->second);
  }
  json += ",\"titles\":";
  AppendStrings(names, &json);
  json += ",\"agents\":";
  AppendStrings(agents_, &json);
  json += ",\"channels\":";
  AppendStrings(channels_, &json);
  json += ",\"languages\":";
  AppendStrings(languages_, &json);
  // A row: [n, id, agent, channel, language, day|null, score|null, critical,
  // missed, violated, statuses, on the page (0/1)], in input order.
  json += ",\"rows\":[\n";
  for (size_t i = 0; i < rows_.size(); ++i) {
    const Row& r = rows_[i];
    json += i ? ",\n[" : "[";
    json += std::to_string(r.rank.n) + ",";
    AppendJsonString(r.id, &json);
    json +=
        fmt::format(",{},{},{},{},{},{},{},{},\"{}\",{}]", r.agent, r.channel, r.language,
                    r.day == INT32_MIN ? "null" : std::to_string(r.day),
                    r.rank.score < 0 ? "null" : fmt::format("{:g}", r.rank.score), r.rank.critical,
                    r.missed, r.violated, r.statuses, has_detail(r.rank.n) ? 1 : 0);
  }
  json += "]}";
  out->append("<script type=\"application/json\" id=\"conv-data\">" + ScriptSafe(std::move(json)) +
              "</script>\n");
}

void ConversationIndex::Write(size_t shown, const std::map<std::string, std::string>& titles,
                              const std::function<bool(size_t)>& has_detail, std::string* out) {
  out->append(
      "<form id=\"filters\" class=\"filters\" hidden></form>\n"
      "<div class=\"scroll\"><table class=\"index\" id=\"index\"><thead><tr>"
      "<th class=\"num\" data-sort=\"rank\">#</th><th data-sort=\"id\">conversation</th>"
      "<th data-sort=\"agent\">agent</th><th data-sort=\"channel\">channel</th>"
      "<th data-sort=\"language\">language</th><th data-sort=\"date\">date</th>"
      "<th class=\"num\" data-sort=\"score\">score</th><th class=\"num\" "
      "data-sort=\"critical\">critical</th><th class=\"num\" data-sort=\"missed\">missed</th>"
      "<th class=\"num\" data-sort=\"violated\">violated</th></tr></thead>\n<tbody>\n");
  WriteHtmlRows(shown, has_detail, out);
  out->append("</tbody></table></div>\n<p class=\"muted small\" id=\"pager\"></p>\n");
  WriteData(titles, has_detail, out);
}

}  // namespace tact::report
