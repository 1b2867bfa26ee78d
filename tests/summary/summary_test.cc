#include "summary/summary.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>

#include "report/json.h"
#include "report/summary_json.h"

namespace tact::summary {
namespace {

// The summary's JSON form (report/summary_json.h) round-trips it.
using report::JsonWriter;
using report::ReadSummaryJson;
using report::WriteSummaryJson;

ConversationResult Unsupported(const std::string& lang) {
  ConversationResult r;
  r.id = "c-" + lang;
  r.language = lang;
  r.language_method = "unsupported";
  r.score = -1;
  BehaviourResult b;
  b.id = "greeting";
  b.status = Status::kNotApplicable;
  b.note = "unsupported language '" + lang + "'";
  r.behaviours.push_back(b);
  return r;
}

ConversationResult Judged() {
  ConversationResult r;
  r.id = "c-en";
  r.language = "en";
  r.language_method = "detected";
  r.score = 100;
  BehaviourResult b;
  b.id = "greeting";
  b.status = Status::kMet;
  r.behaviours.push_back(b);
  return r;
}

TEST(Summary, UnsupportedConversationsAreCountedByLanguageNotJudged) {
  SummaryBuilder sb;
  sb.Add(Unsupported("ja"));
  sb.Add(Unsupported("ja"));
  sb.Add(Unsupported("und"));
  sb.Add(Judged());
  const Summary& s = sb.summary();
  EXPECT_EQ(s.conversations, 4u);
  EXPECT_EQ(s.unsupported_languages, (std::map<std::string, uint64_t>{{"ja", 2}, {"und", 1}}));
  // Their behaviours were not judged: not even counted as not applicable.
  EXPECT_EQ(s.behaviours.at("greeting").counts.met, 1u);
  EXPECT_EQ(s.behaviours.at("greeting").counts.not_applicable, 0u);
  EXPECT_EQ(s.scores.count(), 1u);
  EXPECT_EQ(s.groups.at("language").at("ja").conversations, 2u);
  EXPECT_EQ(s.groups.at("language").at("ja").scored, 0u);
}

TEST(Summary, PeriodDimensionsGroupByTheConversationsDate) {
  SummaryBuilder sb({"period:week", "period:month", "period:day"});
  ConversationResult a = Judged(), b = Judged(), undated = Judged();
  a.metadata = {{"started_at", "2024-11-25T08:00:00.000Z"}};
  b.metadata = {{"date", "2024-12-01"}};
  sb.Add(a);
  sb.Add(b);
  sb.Add(undated);
  const auto& groups = sb.summary().groups;
  EXPECT_EQ(groups.at("period:week").at("2024-W48").conversations, 2u);
  EXPECT_EQ(groups.at("period:week").at("(none)").conversations, 1u);
  EXPECT_EQ(groups.at("period:month").at("2024-11").conversations, 1u);
  EXPECT_EQ(groups.at("period:month").at("2024-12").conversations, 1u);
  EXPECT_EQ(groups.at("period:day").size(), 3u);
  Period p;
  EXPECT_TRUE(ParsePeriodDimension("period:day", &p));
  EXPECT_FALSE(ParsePeriodDimension("period:year", &p));
  EXPECT_FALSE(ParsePeriodDimension("metadata.week", &p));
}

TEST(Summary, UnsupportedCountsMergeAndSurviveJson) {
  SummaryBuilder a, b;
  a.Add(Unsupported("ja"));
  b.Add(Unsupported("ja"));
  b.Add(Unsupported("ko"));
  std::string error;
  ASSERT_TRUE(a.Merge(b.summary(), &error)) << error;
  EXPECT_EQ(a.summary().unsupported_languages,
            (std::map<std::string, uint64_t>{{"ja", 2}, {"ko", 1}}));
  std::string doc = "{\"summary\":";
  JsonWriter w(&doc);
  WriteSummaryJson(a.summary(), &w);
  doc += "}";
  EXPECT_NE(doc.find("\"unsupported_languages\":{\"ja\":2,\"ko\":1}"), std::string::npos) << doc;
  Summary back;
  ASSERT_TRUE(ReadSummaryJson(doc, &back, &error)) << error;
  EXPECT_EQ(back.unsupported_languages, a.summary().unsupported_languages);
}

// Another JSON document with a "summary" object is refused, not merged as an
// empty run; counts that would overflow when merged are refused too.
TEST(Summary, ReadRefusesOtherLayoutsAndMergeRefusesOverflow) {
  Summary s;
  std::string error;
  EXPECT_FALSE(ReadSummaryJson("{\"summary\":{}}", &s, &error));
  EXPECT_NE(error.find("not a tact summary: \"summary\" has no \"conversations\""),
            std::string::npos)
      << error;
  EXPECT_FALSE(ReadSummaryJson(
      "{\"summary\":{\"conversations\":-1,\"totals\":{},\"behaviours\":[],\"metrics\":[]}}", &s,
      &error));
  EXPECT_FALSE(ReadSummaryJson(
      "{\"summary\":{\"conversations\":1,\"totals\":[],\"behaviours\":[]}}", &s, &error));
  EXPECT_NE(error.find("\"totals\""), std::string::npos) << error;
  SummaryBuilder a, b;
  a.Add(Judged());
  b.Add(Judged());
  std::string doc = "{\"summary\":";
  JsonWriter w(&doc);
  WriteSummaryJson(b.summary(), &w);
  doc += "}";
  ASSERT_TRUE(ReadSummaryJson(doc, &s, &error)) << error;
  ASSERT_TRUE(a.Merge(s, &error)) << error;
  EXPECT_EQ(a.summary().conversations, 2u);
  s.conversations = UINT64_MAX;  // crafted
  EXPECT_FALSE(a.Merge(s, &error));
  EXPECT_NE(error.find("overflows"), std::string::npos) << error;
  Summary big;
  big.groups = s.groups;
  big.group_by = s.group_by;
  big.worst_n = s.worst_n;
  for (auto& [dim, groups] : big.groups)
    for (auto& [key, g] : groups) g.score_milli_sum = INT64_MAX;
  SummaryBuilder c;
  c.Add(Judged());
  EXPECT_FALSE(c.Merge(big, &error));  // was signed overflow (undefined behaviour)
}

// Inputs that once broke fuzz_merge (tests/data/regressions/merge-*): a
// summary `tact merge` accepts must be written so that it reads back as the
// same summary, since merged summaries are merged again. Counts over INT64_MAX
// were written as negative numbers (then refused as "not a tact summary"), and
// a min or max near DBL_MAX was rounded to inf, written as null, read as 0.
std::string Document(const Summary& s) {
  std::string doc = "{\"summary\":";
  JsonWriter w(&doc);
  WriteSummaryJson(s, &w);
  return doc + "}";
}

Summary ReadRegression(const std::string& name) {
  std::ifstream in(std::string(TACT_SOURCE_DIR) + "/tests/data/regressions/" + name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Summary s;
  std::string error;
  EXPECT_TRUE(ReadSummaryJson(ss.str(), &s, &error)) << name << ": " << error;
  return s;
}

TEST(Summary, FuzzRegressionCountsOverInt64ReadBack) {
  const Summary s = ReadRegression("merge-count-over-int64");
  ASSERT_EQ(s.conversations, UINT64_MAX);
  const std::string doc = Document(s);
  EXPECT_NE(doc.find("\"conversations\":18446744073709551615"), std::string::npos) << doc;
  Summary back;
  std::string error;
  ASSERT_TRUE(ReadSummaryJson(doc, &back, &error)) << error;
  EXPECT_EQ(back.conversations, UINT64_MAX);
  EXPECT_EQ(back.read, 9223372036854775808u);
  EXPECT_EQ(back.behaviours.at("empathy").counts.met, UINT64_MAX);
  EXPECT_EQ(Document(back), doc);
}

TEST(Summary, FuzzRegressionMinMaxNearDblMaxReadBack) {
  const Summary s = ReadRegression("merge-min-max-near-dbl-max");
  const std::string doc = Document(s);
  Summary back;
  std::string error;
  ASSERT_TRUE(ReadSummaryJson(doc, &back, &error)) << error;
  const Histogram& h = back.metrics.at("handle_time").values;
  EXPECT_EQ(h.min(), 1e308) << doc;
  EXPECT_DOUBLE_EQ(h.max(), 1.7e308) << doc;
  EXPECT_EQ(Document(back), doc);
}

}  // namespace
}  // namespace tact::summary
