#include "report/html_writer.h"

#include <gtest/gtest.h>

#include <string>

#include "report/writer.h"

namespace tact::report {
namespace {

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos;
       p = haystack.find(needle, p + needle.size()))
    ++n;
  return n;
}

Evidence Ev(int turn, const std::string& text, const std::string& match) {
  Evidence e;
  e.turn = turn;
  e.speaker = "Agent";
  e.role = Role::kAgent;
  e.text = text;
  e.span_begin = text.find(match);
  e.span_end = e.span_begin + match.size();
  return e;
}

// A conversation with an empathy miss (no evidence), a met greeting with a
// quote, a violated avoid behaviour and a signal.
ConversationResult Sample(const std::string& id, double score, const std::string& agent = "ann",
                          const std::string& language = "en") {
  ConversationResult r;
  r.id = id;
  r.source = "chats/" + id + ".txt";
  r.language = language;
  r.language_method = "detected";
  r.language_confidence = 0.99;
  r.agent = agent;
  r.turn_count = 4;
  r.score = score;
  BehaviourResult g;
  g.id = "greeting";
  g.title = g.title_en = "Greets the customer";
  g.status = Status::kMet;
  g.evidence = {Ev(1, "Hi <there> & welcome, how can I help?", "how can I help")};
  g.evidence[0].time = 65;
  r.behaviours.push_back(g);
  BehaviourResult e;
  e.id = "empathy";
  e.title = e.title_en = "Shows empathy";
  e.status = Status::kMissed;
  e.note = "'customer_frustration' not answered within 2 turn(s)";
  e.tip = e.tip_en = "Name the customer's feeling.";
  r.behaviours.push_back(e);
  BehaviourResult b;
  b.id = "blame";
  b.kind = BehaviourKind::kAvoid;
  b.title = b.title_en = "Blames the customer";
  b.status = score < 50 ? Status::kViolated : Status::kClean;
  if (b.status == Status::kViolated) {
    b.evidence = {Ev(3, "That is your fault", "your fault")};
    b.tip = b.tip_en = "Focus on the fix.";
  }
  r.behaviours.push_back(b);
  BehaviourResult s;
  s.id = "customer_frustration";
  s.kind = BehaviourKind::kSignal;
  s.status = Status::kPresent;
  r.behaviours.push_back(s);
  MetricResult m;
  m.id = "first_response_time";
  m.unit = "s";
  m.value = 12 + score / 10;
  m.threshold = 60;
  m.direction = MetricResult::Direction::kMax;
  m.status = Status::kMet;
  r.metrics.push_back(m);
  MetricResult t;
  t.id = "talk_speed";
  t.unit = "wpm";
  t.note = "only for calls";
  r.metrics.push_back(t);
  return r;
}

// Renders `results` like `tact check --format html` does (summary of all).
std::string Render(const std::vector<ConversationResult>& results, WriterOptions o = {},
                   size_t max_conversations = HtmlReportWriter::kDefaultMaxConversations) {
  HtmlReportWriter w(o, max_conversations);
  SummaryBuilder sb;
  RunTotals t;
  std::string out;
  w.Begin(&out);
  for (const auto& r : results) {
    sb.Add(r);
    if (!o.summary) w.Conversation(r, &out);
    ++t.read;
    ++t.analyzed;
  }
  t.inputs = results.size();
  Summary& s = sb.summary();
  s.inputs = t.inputs;
  s.read = t.read;
  s.analyzed = t.analyzed;
  w.End(t, {}, &s, &out);
  return out;
}

TEST(HtmlReport, EscapesMarkupAndQuotes) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape("a\x01"
                       "b\tc\nd"),
            "a\xEF\xBF\xBD"
            "b\tc\nd");
  EXPECT_EQ(HtmlEscape("Привет, мир"), "Привет, мир");  // UTF-8 passes through
}

TEST(HtmlReport, HighlightsTheSpan) {
  std::string t = "I'm so <sorry> & sad";
  size_t b = t.find("<sorry>");
  EXPECT_EQ(HtmlHighlight(t, b, b + 7, 100), "I&#39;m so <mark>&lt;sorry&gt;</mark> &amp; sad");
  // Context is cut on both sides and marked.
  EXPECT_EQ(HtmlHighlight("aaaa sorry bbbb", 5, 10, 2), "…a <mark>sorry</mark> b…");
  // Empty and out-of-range spans are clamped, never read past the text.
  EXPECT_EQ(HtmlHighlight("abc", 5, 9, 10), "abc");
  EXPECT_EQ(HtmlHighlight("abc", 1, 1, 10), "abc");
}

TEST(HtmlReport, HighlightsCyrillicAtTheByteSpan) {
  std::string t = "Здравствуйте! Приношу извинения, это наша ошибка.";
  std::string match = "Приношу извинения";
  size_t b = t.find(match);
  ASSERT_NE(b, std::string::npos);
  EXPECT_EQ(b, 26u);  // bytes, not characters
  EXPECT_EQ(HtmlHighlight(t, b, b + match.size(), 1000),
            "Здравствуйте! <mark>Приношу извинения</mark>, это наша ошибка.");
  // A span that cuts a two-byte letter is widened to whole code points.
  EXPECT_EQ(HtmlHighlight(t, b + 1, b + match.size() - 1, 1000),
            "Здравствуйте! <mark>Приношу извинения</mark>, это наша ошибка.");
  // Context is cut at code point boundaries, so the output stays valid UTF-8.
  std::string cut = HtmlHighlight(t, b, b + match.size(), 5);
  EXPECT_EQ(cut, "…те! <mark>Приношу извинения</mark>, эт…");
}

TEST(HtmlReport, IsOneSelfContainedDocument) {
  std::string out = Render({Sample("c1", 90), Sample("c2", 40, "bob")});
  EXPECT_EQ(out.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_NE(out.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_EQ(out.substr(out.size() - 8), "</html>\n");
  for (const char* external : {"<link", "src=", "url(", "@import", "http:", "https:"})
    EXPECT_EQ(out.find(external), std::string::npos) << external;
  // Two inline scripts: the index's data and the script that sorts and filters it.
  EXPECT_EQ(Count(out, "<script"), 2u);
  EXPECT_EQ(Count(out, "<script type=\"application/json\" id=\"conv-data\">"), 1u);
  EXPECT_EQ(Count(out, "<svg"), Count(out, "</svg>"));
  EXPECT_EQ(Count(out, "<table"), Count(out, "</table>"));
  EXPECT_EQ(Count(out, "<section"), Count(out, "</section>"));
  EXPECT_EQ(out, Render({Sample("c1", 90), Sample("c2", 40, "bob")}));  // deterministic
}

TEST(HtmlReport, RendersConversations) {
  ConversationResult r = Sample("c<1>", 40);
  r.source = "a&b.txt";
  r.warnings = {"roles guessed <here>"};
  std::string out = Render({r});
  EXPECT_EQ(out.find("<here>"), std::string::npos);
  EXPECT_NE(out.find("warning: roles guessed &lt;here&gt;"), std::string::npos);
  EXPECT_NE(out.find("<a href=\"#conv-1\">a&amp;b.txt</a>"), std::string::npos);
  EXPECT_NE(out.find("id c&lt;1&gt;"), std::string::npos);
  EXPECT_EQ(Count(out, "<section class=\"conv\""), 1u);
  // The quote, escaped, with the match marked, and where it was said.
  EXPECT_NE(out.find("turn 1 · 1:05 · Agent</span>Hi &lt;there&gt; &amp; welcome, <mark>how can I "
                     "help</mark>?"),
            std::string::npos);
  EXPECT_NE(out.find("That is <mark>your fault</mark>"), std::string::npos);
  EXPECT_NE(out.find("<b>Tip:</b> Focus on the fix."), std::string::npos);
  // Metrics with their threshold and note.
  EXPECT_NE(out.find("<td>first_response_time</td><td class=\"num\">16.0 s</td><td "
                     "class=\"num\">≤ 60</td>"),
            std::string::npos);
  EXPECT_NE(out.find("only for calls"), std::string::npos);
}

TEST(HtmlReport, BehaviourWithoutEvidence) {
  std::string out = Render({Sample("c1", 80)});
  size_t row = out.find("<tr class=\"st-missed\" data-behaviour=\"empathy\">");
  ASSERT_NE(row, std::string::npos);
  std::string tr = out.substr(row, out.find("</tr>", row) - row);
  EXPECT_EQ(tr.find("<blockquote>"), std::string::npos);
  EXPECT_NE(tr.find("✘"), std::string::npos);
  EXPECT_NE(tr.find("&#39;customer_frustration&#39; not answered within 2 turn(s)"),
            std::string::npos);
  EXPECT_NE(tr.find("<b>Tip:</b> Name the customer&#39;s feeling."), std::string::npos);
}

TEST(HtmlReport, TipInTheConversationLanguageAndEnglish) {
  ConversationResult r = Sample("c1", 80, "ann", "ru");
  r.behaviours[1].tip = "Назовите чувство клиента.";
  std::string out = Render({r});
  EXPECT_NE(out.find("<b>Tip:</b> Назовите чувство клиента.<span class=\"en\" lang=\"en\">(en) "
                     "Name the customer&#39;s feeling.</span>"),
            std::string::npos);
}

TEST(HtmlReport, SummaryCardsChartsAndTables) {
  std::string out = Render(
      {Sample("c1", 90, "ann"), Sample("c2", 40, "bob", "ru"), Sample("c3", 30, "bob", "ru")});
  EXPECT_NE(out.find("id=\"card-conversations\"><div class=\"k\">Conversations</div><div "
                     "class=\"v\">3</div>"),
            std::string::npos);
  // Two of three conversations violated something; empathy was missed in all three.
  EXPECT_NE(out.find("<div class=\"v\">66.7%</div><div class=\"d\">2 of 3 conversation(s)</div>"),
            std::string::npos);
  EXPECT_NE(out.find("id=\"card-most-missed\"><div class=\"k\">Most missed</div><div class=\"v "
                     "id\">Shows empathy</div><div class=\"d\">missed in 3 of 3 (100.0%)</div>"),
            std::string::npos);
  // One bar per behaviour, in the chart.
  size_t chart = out.find("<svg id=\"behaviour-chart\"");
  ASSERT_NE(chart, std::string::npos);
  std::string svg = out.substr(chart, out.find("</svg>", chart) - chart);
  EXPECT_EQ(Count(svg, "<g class=\"bar\""), 4u);
  EXPECT_NE(svg.find("data-behaviour=\"blame\" data-kind=\"avoid\"><title>blame — Blames the "
                     "customer: clean 1 · violated 2 → 33.3% clean</title>"),
            std::string::npos);
  // Heat tables: agents always, languages because there are two.
  EXPECT_NE(out.find("id=\"heat-agent\""), std::string::npos);
  EXPECT_NE(out.find("id=\"heat-language\""), std::string::npos);
  EXPECT_EQ(out.find("id=\"heat-channel\""), std::string::npos);  // one channel only
  // Groups under 20 conversations are marked as too small to judge; each
  // cell has the conversations behind its rate.
  EXPECT_NE(out.find("<tr class=\"heat-row few\"><th>bob</th><td class=\"num\">2<i>*</i></td><td "
                     "class=\"num\" title=\"2 scored\">35.0</td>"),
            std::string::npos);
  EXPECT_NE(out.find("title=\"Blames the customer: clean 0 · violated 2 (too few to judge)\">0%"
                     "<i>*</i><small>2</small></td>"),
            std::string::npos);
  // Columns by title, the id kept for machines.
  EXPECT_NE(out.find("<th class=\"v\" title=\"empathy\"><span>Shows empathy</span></th>"),
            std::string::npos);
  // Histograms of the score and of the metrics with values, median and p90 marked.
  EXPECT_NE(out.find("id=\"hist-score\""), std::string::npos);
  EXPECT_NE(out.find("id=\"hist-first_response_time\""), std::string::npos);
  EXPECT_EQ(out.find("id=\"hist-talk_speed\""), std::string::npos);  // no values
  EXPECT_EQ(Count(out, "class=\"q50\""), 2u);
  EXPECT_EQ(Count(out, "class=\"q90\""), 2u);
  EXPECT_EQ(Count(out, "<section class=\"conv\""), 3u);
  EXPECT_NE(out.find("id=\"index\""), std::string::npos);
  EXPECT_EQ(out.find("id=\"omitted\""), std::string::npos);
}

TEST(HtmlReport, SummaryOnly) {
  WriterOptions o;
  o.summary = true;
  std::string out = Render({Sample("c1", 90), Sample("c2", 40)}, o);
  EXPECT_NE(out.find("<svg id=\"behaviour-chart\""), std::string::npos);
  EXPECT_NE(out.find("id=\"hist-score\""), std::string::npos);
  EXPECT_NE(out.find("id=\"summary-only\""), std::string::npos);
  EXPECT_EQ(out.find("<section class=\"conv\""), std::string::npos);
  EXPECT_EQ(out.find("id=\"index\""), std::string::npos);
  // The worst conversations come from the summary.
  EXPECT_NE(out.find("<li>chats/c2.txt <span class=\"score s-bad\">40</span> turn 3: “your "
                     "fault”</li>"),
            std::string::npos);
}

TEST(HtmlReport, NotesOmittedConversations) {
  std::vector<ConversationResult> rs;
  for (int i = 0; i < 5; ++i) rs.push_back(Sample("c" + std::to_string(i), 20.0 * i));
  std::string out = Render(rs, {}, 2);
  EXPECT_EQ(Count(out, "<section class=\"conv\""), 2u);
  EXPECT_NE(out.find("conv-2"), std::string::npos);
  EXPECT_EQ(out.find("conv-3"), std::string::npos);
  EXPECT_NE(out.find("The index lists all 5 conversations, worst first; the worst 2 are "
                     "detailed below, 3 are not (the summary above covers all of them)."),
            std::string::npos);
  EXPECT_NE(out.find("<div class=\"v\">5</div>"), std::string::npos);  // the summary covers all
  // Worst conversations link to their section only when it is on the page.
  EXPECT_NE(out.find("<li><a href=\"#conv-1\">chats/c0.txt</a> "), std::string::npos);
  EXPECT_NE(out.find("<li>chats/c4.txt "), std::string::npos);
}

// The page details the worst conversations (lowest score, then most critical
// violations), whatever their input order, and lists every one in the index.
TEST(HtmlReport, DetailsTheWorstConversationsWorstFirst) {
  std::vector<ConversationResult> rs = {Sample("c1", 80), Sample("c2", 10), Sample("c3", 50),
                                        Sample("c4", 10), Sample("c5", 90)};
  rs[3].score_breakdown.critical = {"blame"};
  std::string out = Render(rs, {}, 2);
  EXPECT_EQ(Count(out, "<section class=\"conv\""), 2u);
  const size_t c4 = out.find("<section class=\"conv\" id=\"conv-4\""),
               c2 = out.find("<section class=\"conv\" id=\"conv-2\"");
  ASSERT_NE(c4, std::string::npos);
  ASSERT_NE(c2, std::string::npos);
  EXPECT_LT(c4, c2);  // same score, the critical violation first
  // The index without scripts: the worst rows first, by id, linked to their detail.
  const size_t rows = out.find("<tbody>\n<tr class=\"row\">", out.find("id=\"index\""));
  ASSERT_NE(rows, std::string::npos);
  EXPECT_EQ(out.find("<tr class=\"row\"><td class=\"num\">1</td><td><a href=\"#conv-4\">c4</a>"
                     "</td><td>ann</td>",
                     rows),
            rows + 8)
      << out.substr(rows, 200);
  // Every conversation is in the data, with its statuses.
  const size_t data = out.find("id=\"conv-data\">");
  ASSERT_NE(data, std::string::npos);
  const std::string json = out.substr(data, out.find("</script>", data) - data);
  EXPECT_EQ(Count(json, "\n["), 5u);  // a row a line
  EXPECT_NE(json.find("[4,\"c4\",0,0,0,null,10,1,"), std::string::npos) << json;
  EXPECT_NE(json.find("\"titles\":[\"Greets the customer\",\"Shows empathy\""), std::string::npos)
      << json;
}

TEST(HtmlReport, EmptyRun) {
  std::string out = Render({});
  EXPECT_NE(out.find("<div class=\"v\">0</div>"), std::string::npos);
  EXPECT_EQ(out.find("<svg"), std::string::npos);  // nothing to plot
  EXPECT_NE(out.find("No conversations were analyzed."), std::string::npos);
  EXPECT_EQ(out.substr(out.size() - 8), "</html>\n");
}

TEST(HtmlReport, RegisteredAndNeedsTheSummary) {
  auto w = MakeWriter("html", {});
  ASSERT_NE(w, nullptr);
  EXPECT_TRUE(FindWriterFormat("html")->needs_summary);
  EXPECT_FALSE(FindWriterFormat("text")->needs_summary);
  auto formats = WriterFormats();
  EXPECT_NE(std::find(formats.begin(), formats.end(), "html"), formats.end());
}

TEST(HtmlReport, SummaryCountsConversationsWithAViolation) {
  SummaryBuilder a, b;
  a.Add(Sample("c1", 90));
  a.Add(Sample("c2", 40));
  b.Add(Sample("c3", 30));
  EXPECT_EQ(a.summary().violated_conversations, 1u);
  std::string err;
  ASSERT_TRUE(a.Merge(b.summary(), &err)) << err;
  EXPECT_EQ(a.summary().violated_conversations, 2u);
}

}  // namespace
}  // namespace tact::report
