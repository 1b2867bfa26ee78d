// The HTML report's conversation index: every conversation of the run as a
// compact row — id, agent, channel, language, date, score, critical
// violations, missed and violated counts, and one letter per behaviour status
// (about 0.5 KB with its strings: 100 000 conversations take ~50 MB) — listed worst
// first: the lowest score, then the most critical violations, then input
// order; unscored conversations last.
//
// Write() puts the first `shown` rows in an HTML table, readable without
// scripts, and every row as JSON data (<script type="application/json"
// id="conv-data">) that the page's script (html_report.js) sorts, filters and
// pages through. Not thread-safe; rows are added in input order.
#ifndef TACT_REPORT_HTML_INDEX_H_
#define TACT_REPORT_HTML_INDEX_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tact/result.h"

namespace tact::report {

// Where a conversation ranks: a < b when a is worse.
struct Badness {
  double score = -1;  // -1: unscored (ranks after every scored one)
  size_t critical = 0;
  size_t n = 0;  // 1-based input order
  bool operator<(const Badness& o) const;
  static Badness Of(const ConversationResult& r, size_t n);
};

class ConversationIndex {
 public:
  // `n` is the conversation's 1-based number in the run (its section's anchor).
  void Add(const ConversationResult& r, size_t n);
  size_t size() const { return rows_.size(); }
  // `titles` gives a behaviour's title by id (ids are kept for the data);
  // `has_detail(n)`: whether conversation n has a section on the page.
  void Write(size_t shown, const std::map<std::string, std::string>& titles,
             const std::function<bool(size_t)>& has_detail, std::string* out);

 private:
  struct Row {
    std::string id;
    std::string statuses;  // a letter per behaviour (behaviours_ order), '-' when not reported
    Badness rank;
    int32_t day = INT32_MIN;  // days since 1970-01-01, INT32_MIN when undated
    uint32_t agent = 0, language = 0;
    uint16_t missed = 0, violated = 0;
    uint8_t channel = 0;
  };
  uint32_t Intern(std::vector<std::string>* list, std::map<std::string, uint32_t>* index,
                  const std::string& s);
  void WriteHtmlRows(size_t shown, const std::function<bool(size_t)>& has_detail,
                     std::string* out) const;
  void WriteData(const std::map<std::string, std::string>& titles,
                 const std::function<bool(size_t)>& has_detail, std::string* out) const;

  std::vector<Row> rows_;
  std::vector<std::string> behaviours_, agents_, languages_, channels_;
  std::map<std::string, uint32_t> behaviour_index_, agent_index_, language_index_, channel_index_;
};

}  // namespace tact::report

#endif  // TACT_REPORT_HTML_INDEX_H_
