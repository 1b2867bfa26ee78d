#include "report/html_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <tuple>
#include <vector>

namespace tact::report {
namespace {

// Scores from a few values (many ties), some unscored, some critical
// violations: every rule of the ranking matters.
std::vector<ConversationResult> Results(size_t count) {
  std::vector<ConversationResult> rs;
  uint32_t x = 12345;
  auto next = [&x] { return x = x * 1103515245u + 12345u, (x >> 16) & 0x7fff; };
  for (size_t i = 0; i < count; ++i) {
    ConversationResult r;
    r.id = "c" + std::to_string(i + 1);
    r.agent = "agent" + std::to_string(next() % 5);
    r.language = "en";
    const uint32_t s = next() % 8;
    r.score = s == 7 ? -1 : 40.0 + 10 * s;
    for (uint32_t k = next() % 3; k > 0; --k) r.score_breakdown.critical.push_back("blame");
    BehaviourResult b;
    b.id = next() % 2 ? "greeting" : "empathy";
    b.status = next() % 2 ? Status::kMissed : Status::kMet;
    r.behaviours.push_back(b);
    rs.push_back(std::move(r));
  }
  return rs;
}

// The ids of the HTML table's rows, top to bottom.
std::vector<std::string> TableIds(const std::string& html) {
  std::vector<std::string> ids;
  const std::string cell = "<tr class=\"row\"><td class=\"num\">";
  for (size_t at = html.find(cell); at != std::string::npos; at = html.find(cell, at + 1)) {
    const size_t id = html.find("<td>", at + cell.size()) + 4;
    ids.push_back(html.substr(id, html.find("</td>", id) - id));
  }
  return ids;
}

// The order the index promises, computed the plain way: every row sorted.
std::vector<std::string> WorstFirst(const std::vector<ConversationResult>& rs, size_t shown) {
  std::vector<std::tuple<bool, double, long, size_t>> keys;  // unscored, score, -critical, n
  for (size_t i = 0; i < rs.size(); ++i)
    keys.emplace_back(rs[i].score < 0, rs[i].score,
                      -static_cast<long>(rs[i].score_breakdown.critical.size()), i + 1);
  std::sort(keys.begin(), keys.end());
  std::vector<std::string> ids;
  for (size_t i = 0; i < std::min(shown, keys.size()); ++i)
    ids.push_back("c" + std::to_string(std::get<3>(keys[i])));
  return ids;
}

std::string Write(ConversationIndex* index, const std::function<void()>& flush, std::string* out,
                  bool* ok = nullptr) {
  std::string error;
  const bool written = index->Write(
      {}, [](size_t n) { return n % 2 == 0; }, out, flush, &error);
  if (ok != nullptr) *ok = written;
  return error;
}

TEST(ConversationIndex, TableListsTheWorstShownInRankOrder) {
  const auto rs = Results(3000);
  for (size_t shown : {0, 1, 7, 500, 2999, 3000, 5000}) {
    ConversationIndex index(shown);
    for (size_t i = 0; i < rs.size(); ++i) index.Add(rs[i], i + 1);
    std::string out;
    EXPECT_EQ(Write(
                  &index, [] {}, &out),
              "");
    std::vector<std::string> ids = TableIds(out);
    for (auto& id : ids) {  // even n link to their section
      if (id.rfind("<a ", 0) == 0)
        id = id.substr(id.find('>') + 1, id.find("</a>") - id.find('>') - 1);
    }
    EXPECT_EQ(ids, WorstFirst(rs, shown)) << "shown " << shown;
  }
}

// Written in parts through flush, the page is the same as written whole; the
// data keeps input order, each row with whether it has a section.
TEST(ConversationIndex, DataInInputOrderTheSameWhenFlushedInParts) {
  const auto rs = Results(20000);  // data far over kFlushBytes
  ConversationIndex whole(10), parts(10);
  for (size_t i = 0; i < rs.size(); ++i) {
    whole.Add(rs[i], i + 1);
    parts.Add(rs[i], i + 1);
  }
  std::string one, out, flushed;
  size_t flushes = 0;
  EXPECT_EQ(Write(
                &whole, [] {}, &one),
            "");
  EXPECT_EQ(Write(
                &parts,
                [&] {
                  ++flushes;
                  EXPECT_GT(out.size(), ConversationIndex::kFlushBytes);
                  flushed += out;
                  out.clear();
                },
                &out),
            "");
  flushed += out;
  EXPECT_GT(flushes, 2u);
  EXPECT_EQ(flushed, one);
  const size_t data = one.find("\"rows\":[\n[");
  ASSERT_NE(data, std::string::npos);
  size_t at = data + 8, n = 0;
  for (; at != std::string::npos; at = one.find("\n[", at + 1)) {
    ++n;
    ASSERT_EQ(one.compare(at + 2, std::to_string(n).size() + 1, std::to_string(n) + ","), 0)
        << one.substr(at, 40);
    const size_t end = one.find(']', at);
    EXPECT_EQ(one[end - 1], n % 2 == 0 ? '1' : '0');
  }
  EXPECT_EQ(n, rs.size());
  EXPECT_EQ(one.substr(one.size() - 13), "]]}</script>\n");
}

TEST(ConversationIndex, DataCannotEndItsScript) {
  auto rs = Results(2);
  rs[0].id = "</script><b>";
  ConversationIndex index(5);
  index.Add(rs[0], 1);
  index.Add(rs[1], 2);
  std::string out;
  EXPECT_EQ(Write(
                &index, [] {}, &out),
            "");
  EXPECT_NE(out.find("[1,\"<\\/script><b>\","), std::string::npos) << out;
  EXPECT_EQ(out.find("</script><b>"), std::string::npos);
}

TEST(ConversationIndex, ATemporaryFileThatCannotBeWrittenIsAnError) {
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  setenv("TMPDIR", "/nonexistent-tact-dir", 1);
  const auto rs = Results(3);
  ConversationIndex index(5);
  for (size_t i = 0; i < rs.size(); ++i) index.Add(rs[i], i + 1);
  if (old)
    setenv("TMPDIR", saved.c_str(), 1);
  else
    unsetenv("TMPDIR");
  std::string out;
  bool ok = true;
  const std::string error = Write(
      &index, [] {}, &out, &ok);
  EXPECT_FALSE(ok);
  EXPECT_NE(error.find("'/nonexistent-tact-dir' for the HTML report's index"), std::string::npos)
      << error;
  EXPECT_EQ(TableIds(out).size(), 3u);  // the table is in memory
  EXPECT_EQ(out.substr(out.size() - 13), "\n]}</script>\n");
}

}  // namespace
}  // namespace tact::report
