// The lazy-DFA runner against a reference: the same program run with a cache
// so small it is flushed before every sentence must give the same hits, and
// so must a run after the token classes were renumbered.
#include "match/runner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace tact::match {
namespace {

Node Atom(AtomId a) {
  Node n;
  n.atom = a;
  return n;
}
Node Seq(std::vector<Node> c) {
  Node n;
  n.type = Node::Type::kSeq;
  n.children = std::move(c);
  return n;
}
Node Gap(int g) {
  Node n;
  n.type = Node::Type::kGap;
  n.gap = g;
  return n;
}
Node Opt(Node c) {
  Node n;
  n.type = Node::Type::kOpt;
  n.children.push_back(std::move(c));
  return n;
}

// Atoms 3..6 are "words"; a token is one word plus kAnyAtom, class = word
// (a test may renumber the classes: a class's atoms are its first token's).
struct Text : ClassAtoms {
  std::vector<std::vector<AtomId>> store;
  std::vector<std::span<const AtomId>> atoms;
  std::vector<uint32_t> classes;
  std::vector<uint16_t> sentence;
  explicit Text(const std::vector<std::pair<AtomId, uint16_t>>& toks) {
    store.reserve(toks.size());
    for (auto [w, s] : toks) {
      store.push_back({kAnyAtom, w});
      classes.push_back(w);  // classes are the word ids: 3..6 (0 and 1 are the edges)
      sentence.push_back(s);
    }
    for (auto& v : store) atoms.emplace_back(v);
  }
  std::span<const AtomId> Of(uint32_t cls) const override {
    for (size_t i = 0; i < classes.size(); ++i) {
      if (classes[i] == cls) return atoms[i];
    }
    return {};
  }
  // Where each sentence ends, from the sentence numbers.
  std::vector<uint32_t> Ends() const {
    std::vector<uint32_t> ends;
    for (size_t i = 0; i < sentence.size(); ++i) {
      if (i + 1 == sentence.size() || sentence[i + 1] != sentence[i])
        ends.push_back(static_cast<uint32_t>(i + 1));
    }
    return ends;
  }
};

Program TestProgram() {
  ProgramBuilder b;
  b.Add(Seq({Atom(3), Atom(4)}), 0);                     // "3 4"
  b.Add(Seq({Atom(3), Gap(2), Atom(5)}), 1);             // "3 ...2 5"
  b.Add(Seq({Opt(Atom(4)), Atom(5), Atom(6)}), 2);       // "4? 5 6"
  b.Add(Seq({Atom(6), Opt(Atom(6)), Opt(Atom(6))}), 3);  // "6 6? 6?"
  return b.Finish();
}

std::vector<Hit> RunOnce(Runner* r, const Program& p, const Text& t, uint64_t generation = 0) {
  std::vector<Hit> hits;
  r->Run(p, t.classes, t.Ends(), t, generation, &hits);
  return hits;
}

TEST(Runner, LeftmostStartLongestEndPerSentence) {
  Program p = TestProgram();
  Runner r;
  // sentence 0: 3 4 5 6 6 | sentence 1: 4 5 6
  Text t({{3, 0}, {4, 0}, {5, 0}, {6, 0}, {6, 0}, {4, 1}, {5, 1}, {6, 1}});
  std::vector<Hit> hits = RunOnce(&r, p, t);
  ASSERT_EQ(hits.size(), 6u);
  EXPECT_EQ((std::vector<uint32_t>{hits[0].pattern, hits[0].begin, hits[0].end}),
            (std::vector<uint32_t>{0, 0, 2}));
  EXPECT_EQ((std::vector<uint32_t>{hits[1].pattern, hits[1].begin, hits[1].end}),
            (std::vector<uint32_t>{1, 0, 3}));
  EXPECT_EQ((std::vector<uint32_t>{hits[2].pattern, hits[2].begin, hits[2].end}),
            (std::vector<uint32_t>{2, 1, 4}));  // leftmost start: "4 5 6", not "5 6"
  EXPECT_EQ((std::vector<uint32_t>{hits[3].pattern, hits[3].begin, hits[3].end}),
            (std::vector<uint32_t>{3, 3, 5}));  // extended to the longest end
  EXPECT_EQ((std::vector<uint32_t>{hits[4].pattern, hits[4].begin, hits[4].end}),
            (std::vector<uint32_t>{2, 5, 8}));  // no match crosses the sentence edge
  EXPECT_EQ(hits[5].pattern, 3u);
}

// Word 7 is in no pattern: met with no live thread it is skipped without a
// lookup (once its class is known), but inside a gap it still counts.
TEST(Runner, TokensThatStartNothingAreSkippedWithTheSameHits) {
  Program p = TestProgram();
  Runner r;
  Text t({{7, 0}, {3, 0}, {7, 0}, {5, 0}, {7, 0}, {7, 0}, {3, 0}, {4, 0}});
  // Idle: the last 7 ("5" starts "4? 5 6", alive at the 7 after it) and, once
  // the first run has learnt that class 7 starts nothing, the first.
  for (uint64_t idle : {uint64_t{1}, uint64_t{2}}) {
    const uint64_t before = r.stats().idle_steps;
    std::vector<Hit> hits = RunOnce(&r, p, t);
    EXPECT_EQ(r.stats().idle_steps - before, idle);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ((std::vector<uint32_t>{hits[0].pattern, hits[0].begin, hits[0].end}),
              (std::vector<uint32_t>{1, 1, 4}));  // "3 7 5": the 7 inside the gap
    EXPECT_EQ((std::vector<uint32_t>{hits[1].pattern, hits[1].begin, hits[1].end}),
              (std::vector<uint32_t>{0, 6, 8}));
  }
  // In a new class generation class 7 may stand for other atoms: here word 3's.
  Text renamed({{3, 0}, {3, 0}, {3, 0}, {5, 0}, {3, 0}, {3, 0}, {3, 0}, {4, 0}});
  renamed.classes = t.classes;
  std::vector<Hit> hits = RunOnce(&r, p, renamed, /*generation=*/1);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].pattern, 1u);
  EXPECT_EQ(hits[0].begin, 0u);  // "3 3 3 5": the first token now starts a thread
}

TEST(Runner, CacheFlushesAndNewClassNumbersDoNotChangeHits) {
  Program p = TestProgram();
  std::mt19937 rng(7);
  Runner cached, flushing(/*max_cache_entries=*/0);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::pair<AtomId, uint16_t>> toks;
    uint16_t s = 0;
    for (int i = 0; i < 40; ++i) {
      if (rng() % 7 == 0) ++s;
      toks.push_back({static_cast<AtomId>(3 + rng() % 4), s});
    }
    Text t(toks);
    std::vector<Hit> a = RunOnce(&cached, p, t), b = RunOnce(&flushing, p, t);
    ASSERT_EQ(a.size(), b.size()) << "round " << round;
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].pattern, b[i].pattern);
      EXPECT_EQ(a[i].begin, b[i].begin);
      EXPECT_EQ(a[i].end, b[i].end);
    }
  }
  EXPECT_GT(flushing.stats().flushes, 100u);
  EXPECT_EQ(cached.stats().flushes, 0u);
  // Most tokens reuse a transition once the cache is warm.
  EXPECT_LT(cached.stats().transitions_built * 20, cached.stats().tokens);

  // The same class numbers now meaning other words: a new generation must not
  // reuse transitions learnt for the old meaning.
  Text t({{3, 0}, {4, 0}});
  Text swapped = t;
  swapped.classes = {4, 3};  // "3" now has class 4 and "4" class 3
  std::vector<Hit> before = RunOnce(&cached, p, t);
  std::vector<Hit> after = RunOnce(&cached, p, swapped, /*generation=*/1);
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].pattern, 0u);
}

}  // namespace
}  // namespace tact::match

namespace tact::match {
namespace {

// Forty patterns "3 ...1000 K" over one 20 000-token sentence keep tens of
// thousands of threads alive: the runner stops early, says where, keeps the
// hits before that point and is usable again.
// Pattern ids past 16 bits make the runner keep its pool 32 bits wide
// (RunnerPool); the hits must be those of the same patterns numbered small.
TEST(Runner, PatternIdsPastSixteenBitsGiveTheSameHits) {
  constexpr uint32_t kFar = 70000;
  ProgramBuilder b;
  b.Add(Seq({Atom(3), Atom(4)}), kFar + 0);
  b.Add(Seq({Atom(3), Gap(2), Atom(5)}), kFar + 1);
  b.Add(Seq({Opt(Atom(4)), Atom(5), Atom(6)}), kFar + 2);
  b.Add(Seq({Atom(6), Opt(Atom(6)), Opt(Atom(6))}), kFar + 3);
  Program far = b.Finish(), near = TestProgram();
  Runner rf, rn;
  std::mt19937 rng(11);
  for (int round = 0; round < 100; ++round) {
    std::vector<std::pair<AtomId, uint16_t>> toks;
    uint16_t s = 0;
    for (int i = 0; i < 30; ++i) {
      if (rng() % 9 == 0) ++s;
      toks.push_back({static_cast<AtomId>(3 + rng() % 4), s});
    }
    Text t(toks);
    std::vector<Hit> a = RunOnce(&rf, far, t), c = RunOnce(&rn, near, t);
    ASSERT_EQ(a.size(), c.size()) << "round " << round;
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].pattern, c[i].pattern + kFar);
      EXPECT_EQ(a[i].begin, c[i].begin);
      EXPECT_EQ(a[i].end, c[i].end);
    }
  }
}

TEST(Runner, ACostlyPackOverALongSentenceStopsEarly) {
  ProgramBuilder b;
  for (uint32_t k = 0; k < 40; ++k) b.Add(Seq({Atom(3), Gap(1000), Atom(4)}), k);
  Program p = b.Finish();
  std::mt19937 rng(3);
  std::vector<std::pair<AtomId, uint16_t>> toks;
  for (int i = 0; i < 20000; ++i) toks.push_back({static_cast<AtomId>(3 + rng() % 4), 0});
  Text t(toks);
  Runner r;
  std::vector<Hit> hits;
  EXPECT_FALSE(r.Run(p, t.classes, t.Ends(), t, 1, &hits));
  EXPECT_GT(r.stopped_at(), 0u);
  EXPECT_LT(r.stopped_at(), toks.size());
  EXPECT_EQ(r.stats().stops, 1u);
  EXPECT_FALSE(hits.empty());  // "3 ... 4" matched early in the sentence
  for (const Hit& h : hits) EXPECT_LE(h.end, r.stopped_at());
  // The same text cut into sentences of 20 tokens is cheap: no stop.
  for (size_t i = 0; i < t.sentence.size(); ++i) t.sentence[i] = static_cast<uint16_t>(i / 20);
  hits.clear();
  EXPECT_TRUE(r.Run(p, t.classes, t.Ends(), t, 1, &hits));
  EXPECT_EQ(r.stats().stops, 1u);
}

}  // namespace
}  // namespace tact::match

namespace tact::match {
namespace {

// A state with many edges is probed through its index for a token with few
// atoms and scanned for one with many: the targets, and their order, must be
// those of a lookup per atom either way.
TEST(Program, ForEachTargetProbesOrScansWithTheSameTargets) {
  ProgramBuilder b;
  Node alt;  // 10 | 11 | ... | 69, then 4 after every other one
  alt.type = Node::Type::kAlt;
  for (uint32_t k = 0; k < 60; ++k)
    alt.children.push_back(k % 2 == 0 ? Seq({Atom(10 + k), Opt(Atom(4))}) : Atom(10 + k));
  b.Add(Seq({Atom(3), alt}), 0);
  Program p = b.Finish();
  const uint32_t *sb, *se;
  ASSERT_TRUE(p.Lookup(p.start(), 3, &sb, &se));
  ASSERT_EQ(se - sb, 1);
  const uint32_t state = *sb;  // after "3": 60 edges
  for (size_t n : {size_t{1}, size_t{3}, size_t{40}, size_t{60}}) {
    std::vector<AtomId> atoms;
    for (size_t k = 0; k < n; ++k) atoms.push_back(static_cast<AtomId>(10 + (k * 7) % 60));
    std::sort(atoms.begin(), atoms.end());
    atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
    std::vector<uint32_t> expected, got;
    for (AtomId a : atoms) {
      const uint32_t *tb, *te;
      if (p.Lookup(state, a, &tb, &te)) expected.insert(expected.end(), tb, te);
    }
    auto has = [&](AtomId a) { return std::binary_search(atoms.begin(), atoms.end(), a); };
    p.ForEachTarget(state, atoms.data(), atoms.data() + atoms.size(), has,
                    [&](uint32_t s) { got.push_back(s); });
    EXPECT_EQ(got, expected) << n << " atoms";
    EXPECT_FALSE(got.empty());
  }
}

}  // namespace
}  // namespace tact::match
