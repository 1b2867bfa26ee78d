// The HTML report's conversation index: every conversation of the run as a
// compact row — id, agent, channel, language, date, score, critical
// violations, missed and violated counts, and one letter per behaviour status.
//
// Write() puts the worst `shown` rows in an HTML table, readable without
// scripts, worst first: the lowest score, then the most critical violations,
// then input order; unscored conversations last. Then every row as JSON data
// (<script type="application/json" id="conv-data">), in input order, which the
// page's script (html_report.js) sorts, filters and pages through.
//
// Memory stays bounded however many conversations come: a row's JSON text
// goes to a temporary file as it is added (record_spool.h) and is copied out
// by Write(); only the table's `shown` worst rows stay in memory (a bounded
// heap), with the distinct agents, channels, languages and behaviour ids the
// rows refer to by number. Not thread-safe; rows are added in input order.
#ifndef TACT_REPORT_HTML_INDEX_H_
#define TACT_REPORT_HTML_INDEX_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "report/record_spool.h"
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
  // `shown`: how many rows the HTML table lists.
  explicit ConversationIndex(size_t shown) : shown_(shown) {}
  // `n` is the conversation's 1-based number in the run (its section's anchor).
  void Add(const ConversationResult& r, size_t n);
  size_t size() const { return added_; }
  // `titles` gives a behaviour's title by id (ids are kept for the data);
  // `has_detail(n)`: whether conversation n has a section on the page.
  // `flush()` hands *out to the output and empties it: called whenever *out
  // holds more than kFlushBytes, so the data need not be in memory at once.
  // Once only. False with *error (the table and an empty data list written)
  // when the temporary file could not be written or read.
  bool Write(const std::map<std::string, std::string>& titles,
             const std::function<bool(size_t)>& has_detail, std::string* out,
             const std::function<void()>& flush, std::string* error);

  static constexpr size_t kFlushBytes = 256 << 10;

 private:
  // What the HTML table shows of a conversation.
  struct Row {
    std::string id;
    Badness rank;
    int32_t day = INT32_MIN;  // days since 1970-01-01, INT32_MIN when undated
    uint32_t agent = 0, language = 0;
    uint16_t missed = 0, violated = 0;
    uint8_t channel = 0;
    bool operator<(const Row& o) const { return rank < o.rank; }
  };
  uint32_t Intern(std::vector<std::string>* list, std::map<std::string, uint32_t>* index,
                  const std::string& s);
  void Keep(Row row);
  void WriteHtmlRows(const std::function<bool(size_t)>& has_detail, std::string* out);
  bool WriteData(const std::map<std::string, std::string>& titles,
                 const std::function<bool(size_t)>& has_detail, std::string* out,
                 const std::function<void()>& flush, std::string* error);

  size_t shown_;
  size_t added_ = 0;
  std::vector<Row> worst_;  // a max-heap of the worst shown_ rows: the least bad on top
  // Each row's JSON text but its last field (whether it has a section on the
  // page, known at the end): "N,\"id\",agent,...,\"statuses\"," (script-safe).
  RecordSpool data_{"the HTML report's index"};
  std::vector<std::string> behaviours_, agents_, languages_, channels_;
  std::map<std::string, uint32_t> behaviour_index_, agent_index_, language_index_, channel_index_;
};

}  // namespace tact::report

#endif  // TACT_REPORT_HTML_INDEX_H_
