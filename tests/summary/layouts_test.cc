#include "summary/layouts.h"

#include <gtest/gtest.h>

#include "summary/summary.h"

namespace tact::summary {
namespace {

// A judged result with behaviours `ids` (statuses in turn: met, missed,
// violated, ...) and one metric.
ConversationResult Result(const std::string& id, const std::vector<std::string>& ids,
                          const std::string& agent, double score) {
  ConversationResult r;
  r.id = id;
  r.language = "en";
  r.language_method = "detected";
  r.agent = agent;
  r.score = score;
  const Status statuses[] = {Status::kMet, Status::kMissed, Status::kViolated};
  for (size_t i = 0; i < ids.size(); ++i) {
    BehaviourResult b;
    b.id = ids[i];
    b.title_en = "T " + ids[i];
    b.status = statuses[i % 3];
    b.note = "why " + id;
    r.behaviours.push_back(b);
  }
  MetricResult m;
  m.id = "handle_time";
  m.unit = "s";
  m.value = score;
  m.status = Status::kMet;
  r.metrics.push_back(m);
  return r;
}

TEST(Layouts, OneLayoutPerListOfIds) {
  Summary s;
  Layouts ls;
  Layout& a = ls.For(Result("1", {"x", "y"}, "ann", 50), &s);
  EXPECT_EQ(&ls.For(Result("2", {"x", "y"}, "bob", 60), &s), &a);
  Layout& b = ls.For(Result("3", {"y", "x"}, "ann", 50), &s);  // another order
  EXPECT_NE(&b, &a);
  EXPECT_NE(&ls.For(Result("4", {"x"}, "ann", 50), &s), &a);
  EXPECT_EQ(&ls.For(Result("5", {"x", "y"}, "ann", 50), &s), &a);
  EXPECT_EQ(ls.size(), 3u);
  EXPECT_EQ(a.behaviours()[0], &s.behaviours.at("x"));
  EXPECT_EQ(b.behaviours()[0], &s.behaviours.at("y"));
  EXPECT_EQ(a.metrics()[0], &s.metrics.at("handle_time"));
  GroupSummary g;
  const auto& counts = a.GroupCounts(&g);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[1], &g.behaviours.at("y"));
  EXPECT_EQ(&a.GroupCounts(&g), &counts);
}

TEST(Layouts, KeepsAtMostKMax) {
  Summary s;
  Layouts ls;
  for (size_t i = 0; i < Layouts::kMax + 3; ++i)
    ls.For(Result("c", {"b" + std::to_string(i)}, "ann", 1), &s);
  EXPECT_EQ(ls.size(), Layouts::kMax);
}

// The summary of results in several behaviour orders (packs), adding by
// position, equals the one counted id by id.
TEST(Layouts, SummaryCountsByIdWhateverTheOrder) {
  SummaryBuilder sb({"agent"}, 2);
  std::map<std::string, StatusCounts> want;
  std::map<std::string, std::map<std::string, StatusCounts>> want_groups;
  const std::vector<std::vector<std::string>> orders = {
      {"a", "b", "c"}, {"c", "a", "b"}, {"b", "c"}, {"a", "b", "c"}};
  for (int n = 0; n < 40; ++n) {
    const auto& ids = orders[n % orders.size()];
    const std::string agent = n % 3 ? "ann" : "bob";
    ConversationResult r = Result("c" + std::to_string(100 - n), ids, agent, n);
    for (const auto& b : r.behaviours) {
      want[b.id].Add(b.status);
      want_groups[agent][b.id].Add(b.status);
    }
    sb.Add(r);
  }
  const Summary& s = sb.summary();
  for (const auto& [id, counts] : want) {
    const StatusCounts& got = s.behaviours.at(id).counts;
    EXPECT_EQ(got.met, counts.met) << id;
    EXPECT_EQ(got.missed, counts.missed) << id;
    EXPECT_EQ(got.violated, counts.violated) << id;
    EXPECT_EQ(s.behaviours.at(id).title, "T " + id);
  }
  for (const auto& [agent, bs] : want_groups) {
    for (const auto& [id, counts] : bs) {
      const StatusCounts& got = s.groups.at("agent").at(agent).behaviours.at(id);
      EXPECT_EQ(got.met + got.missed + got.violated, counts.met + counts.missed + counts.violated);
      EXPECT_EQ(got.missed, counts.missed);
    }
  }
  EXPECT_EQ(s.metrics.at("handle_time").values.count(), 40u);
  // The worst lists: the lowest scores, built only for entries that make it.
  const auto& worst = s.behaviours.at("b").worst;
  ASSERT_EQ(worst.size(), 2u);
  EXPECT_LE(worst[0].score, worst[1].score);
  EXPECT_EQ(worst[0].quote.substr(0, 4), "why ");
}

// An entry tying the last of a full worst list on score sorts by id, then
// source, as WorstEntry::operator< does.
TEST(Layouts, WorstListTiesSortByIdThenSource) {
  SummaryBuilder sb({}, 1);
  sb.Add(Result("m", {"x", "y"}, "ann", 10));  // y missed
  sb.Add(Result("z", {"x", "y"}, "ann", 10));
  EXPECT_EQ(sb.summary().behaviours.at("y").worst.at(0).id, "m");
  sb.Add(Result("a", {"x", "y"}, "ann", 10));
  EXPECT_EQ(sb.summary().behaviours.at("y").worst.at(0).id, "a");
  ConversationResult r = Result("a", {"x", "y"}, "ann", 10);
  r.source = "0.jsonl";  // "" < "0.jsonl": stays
  sb.Add(r);
  EXPECT_EQ(sb.summary().behaviours.at("y").worst.at(0).source, "");
  sb.Add(Result("q", {"x", "y"}, "ann", -1));  // unscored sorts last
  EXPECT_EQ(sb.summary().behaviours.at("y").worst.at(0).id, "a");
}

}  // namespace
}  // namespace tact::summary
