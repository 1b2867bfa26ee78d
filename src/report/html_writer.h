// The HTML report: one self-contained page (inline CSS, SVG and a small
// script, nothing fetched) with the batch summary on top — cards, a bar chart
// of the behaviour rates, heat tables per agent (and per language, channel,
// metadata key or period when there is more than one), trends over time for
// dated conversations, metric histograms, the worst conversations per
// behaviour — then the index of every conversation, worst first, which the
// script sorts and filters (html_index.h), and the worst conversations in
// detail: behaviours with marks, evidence quotes with the match in <mark>,
// tips and metrics. Without scripts the page still shows the tables and the
// first rows of the index.
//
// The summary always covers every conversation; the page details at most
// max_conversations of them (default 500), the worst ones, kept in a bounded
// heap as they come (their rendered sections in a temporary file,
// text_store.h), and says how many it left out. The index keeps a row per
// conversation in a temporary file, so memory does not grow with the run
// (html_index.h); End() with a flush writes it out in parts, and fails when
// that file could not be written. End() needs the summary (its format's
// needs_summary, writer.cc) to write the top of the page.
#ifndef TACT_REPORT_HTML_WRITER_H_
#define TACT_REPORT_HTML_WRITER_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "report/html_index.h"
#include "report/html_trends.h"
#include "report/text_store.h"
#include "report/writer.h"

namespace tact::report {

class HtmlReportWriter : public Writer {
 public:
  static constexpr size_t kDefaultMaxConversations = 500;
  explicit HtmlReportWriter(const WriterOptions& o,
                            size_t max_conversations = kDefaultMaxConversations)
      : options_(o), max_conversations_(max_conversations), index_(max_conversations) {}
  void Begin(std::string* out) override;
  void Conversation(const ConversationResult& r, std::string* out) override;
  // An index that could not be written leaves its data empty.
  void End(const RunTotals& totals, const std::vector<CheckOutcome>& checks, const Summary* summary,
           std::string* out) override;
  bool End(const RunTotals& totals, const std::vector<CheckOutcome>& checks, const Summary* summary,
           std::string* out, std::string* error) override;

 private:
  struct Detail {
    Badness rank;
    std::string key;  // source + '\0' + id, for the summary's links
    size_t section;   // the rendered section's handle in sections_
    bool operator<(const Detail& o) const { return rank < o.rank; }
  };
  void KeepDetail(const ConversationResult& r, size_t n);
  bool WriteConversations(const std::map<std::string, std::string>& titles, std::string* out,
                          const std::function<void()>& flush, std::string* error);

  WriterOptions options_;
  size_t max_conversations_;
  size_t seen_ = 0;              // conversations given
  ConversationIndex index_;      // a row per conversation, the worst max_conversations_ shown
  TrendBuilder trends_;          // per day, for dated conversations
  std::vector<Detail> details_;  // a max-heap: the least bad kept detail on top
  TextStore sections_{"the HTML report's detailed conversations"};  // on disk, not in memory
  std::map<std::string, std::string> metric_titles_;  // id -> title, English when seen
};

// `s` with & < > " ' escaped; C0 control characters other than tab and
// newline become U+FFFD.
std::string HtmlEscape(std::string_view s);

// The evidence turn, escaped, with bytes [begin, end) in <mark> and at most
// `context` bytes kept on each side (cut at UTF-8 boundaries, marked "…").
// Out-of-range spans are clamped.
std::string HtmlHighlight(std::string_view text, size_t begin, size_t end, size_t context);

// A score as a coloured badge (green from 80, amber from 50, red below;
// "n/a" for a negative score).
std::string HtmlScoreBadge(double score);

}  // namespace tact::report

#endif  // TACT_REPORT_HTML_WRITER_H_
