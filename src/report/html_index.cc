#include "report/html_index.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

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
  ++added_;
  Row row;
  row.rank = Badness::Of(r, n);
  if (auto day = MetadataDay(r.metadata)) row.day = *day;
  row.agent = Intern(&agents_, &agent_index_, r.agent);
  row.language = Intern(&languages_, &language_index_, r.language);
  row.channel = static_cast<uint8_t>(
      Intern(&channels_, &channel_index_, std::string(ChannelName(r.channel))));
  std::string statuses;  // a letter per behaviour (behaviours_ order), '-' when not reported
  for (const auto& b : r.behaviours) {
    const uint32_t k = Intern(&behaviours_, &behaviour_index_, b.id);
    if (statuses.size() <= k) statuses.resize(k + 1, '-');
    statuses[k] = StatusLetter(b.status);
    row.missed += b.status == Status::kMissed;
    row.violated += b.status == Status::kViolated;
  }
  const std::string& id = r.id.empty() ? r.source : r.id;
  // A row of the data: [n, id, agent, channel, language, day|null,
  // score|null, critical, missed, violated, statuses, on the page (0/1)];
  // all but the last field now.
  std::string text = std::to_string(n) + ",";
  AppendJsonString(id, &text);
  text += fmt::format(",{},{},{},{},{},{},{},{},\"{}\",", row.agent, row.channel, row.language,
                      row.day == INT32_MIN ? "null" : std::to_string(row.day),
                      row.rank.score < 0 ? "null" : fmt::format("{:g}", row.rank.score),
                      row.rank.critical, row.missed, row.violated, statuses);
  data_.Append(ScriptSafe(std::move(text)));
  if (worst_.size() >= shown_ && (shown_ == 0 || !(row.rank < worst_.front().rank))) return;
  row.id = id;
  Keep(std::move(row));
}

void ConversationIndex::Keep(Row row) {
  if (worst_.size() >= shown_) {
    std::pop_heap(worst_.begin(), worst_.end());
    worst_.pop_back();
  }
  worst_.push_back(std::move(row));
  std::push_heap(worst_.begin(), worst_.end());
}

void ConversationIndex::WriteHtmlRows(const std::function<bool(size_t)>& has_detail,
                                      std::string* out) {
  std::sort(worst_.begin(), worst_.end());  // worst first (ranks are distinct: n breaks ties)
  for (size_t i = 0; i < worst_.size(); ++i) {
    const Row& r = worst_[i];
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
  worst_.clear();
  worst_.shrink_to_fit();
}

bool ConversationIndex::WriteData(const std::map<std::string, std::string>& titles,
                                  const std::function<bool(size_t)>& has_detail, std::string* out,
                                  const std::function<void()>& flush, std::string* error) {
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
  json += ",\"rows\":[\n";
  // Script-safe in parts: no "</" can straddle a part's edge, which is
  // always a comma, bracket or newline.
  out->append("<script type=\"application/json\" id=\"conv-data\">" + ScriptSafe(std::move(json)));
  bool first = true;
  const bool ok = data_.ForEach(
      [&](std::string_view row) {
        out->append(first ? "[" : ",\n[");
        first = false;
        out->append(row);
        size_t n = 0;  // the row's first field
        std::from_chars(row.data(), row.data() + row.size(), n);
        out->append(has_detail(n) ? "1]" : "0]");
        if (out->size() > kFlushBytes) flush();
      },
      error);
  out->append("]}</script>\n");
  return ok;
}

bool ConversationIndex::Write(const std::map<std::string, std::string>& titles,
                              const std::function<bool(size_t)>& has_detail, std::string* out,
                              const std::function<void()>& flush, std::string* error) {
  out->append(
      "<form id=\"filters\" class=\"filters\" hidden></form>\n"
      "<div class=\"scroll\"><table class=\"index\" id=\"index\"><thead><tr>"
      "<th class=\"num\" data-sort=\"rank\">#</th><th data-sort=\"id\">conversation</th>"
      "<th data-sort=\"agent\">agent</th><th data-sort=\"channel\">channel</th>"
      "<th data-sort=\"language\">language</th><th data-sort=\"date\">date</th>"
      "<th class=\"num\" data-sort=\"score\">score</th><th class=\"num\" "
      "data-sort=\"critical\">critical</th><th class=\"num\" data-sort=\"missed\">missed</th>"
      "<th class=\"num\" data-sort=\"violated\">violated</th></tr></thead>\n<tbody>\n");
  WriteHtmlRows(has_detail, out);
  out->append("</tbody></table></div>\n<p class=\"muted small\" id=\"pager\"></p>\n");
  return WriteData(titles, has_detail, out, flush, error);
}

}  // namespace tact::report
