// The HTML report: one self-contained page (inline CSS and SVG, no script,
// no network) with the batch summary on top — cards, a bar chart of the
// behaviour rates, heat tables per agent (and per language, channel or
// metadata key when there is more than one), metric histograms, the worst
// conversations — and below it each conversation: its behaviours with marks,
// evidence quotes with the match in <mark>, tips and metrics.
//
// The summary always covers every conversation; the page renders at most
// max_conversations of them (default 500) and says how many it left out.
// Conversations are rendered as they come and kept until End(), which needs
// the summary (its format's needs_summary, writer.cc) to write the top of the page.
#ifndef TACT_REPORT_HTML_WRITER_H_
#define TACT_REPORT_HTML_WRITER_H_

#include <map>
#include <string>
#include <string_view>

#include "report/writer.h"

namespace tact::report {

class HtmlReportWriter : public Writer {
 public:
  static constexpr size_t kDefaultMaxConversations = 500;
  explicit HtmlReportWriter(const WriterOptions& o,
                            size_t max_conversations = kDefaultMaxConversations)
      : options_(o), max_conversations_(max_conversations) {}
  void Begin(std::string* out) override;
  void Conversation(const ConversationResult& r, std::string* out) override;
  void End(const RunTotals& totals, const std::vector<CheckOutcome>& checks, const Summary* summary,
           std::string* out) override;

 private:
  WriterOptions options_;
  size_t max_conversations_;
  size_t seen_ = 0;                        // conversations given
  std::string index_;                      // rows of the conversation index
  std::string details_;                    // the rendered conversations
  std::map<std::string, size_t> anchors_;  // source + '\0' + id -> section number
};

// `s` with & < > " ' escaped; C0 control characters other than tab and
// newline become U+FFFD.
std::string HtmlEscape(std::string_view s);

// The evidence turn, escaped, with bytes [begin, end) in <mark> and at most
// `context` bytes kept on each side (cut at UTF-8 boundaries, marked "…").
// Out-of-range spans are clamped.
std::string HtmlHighlight(std::string_view text, size_t begin, size_t end, size_t context);

}  // namespace tact::report

#endif  // TACT_REPORT_HTML_WRITER_H_
