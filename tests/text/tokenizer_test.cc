#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tact::text {
namespace {

std::vector<std::string> Surfaces(std::string_view text) {
  std::vector<RawToken> toks;
  Tokenize(text, &toks);
  std::vector<std::string> out;
  for (const auto& t : toks) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

std::vector<int> Sentences(std::string_view text, std::function<bool(size_t)> abbrev = nullptr) {
  std::vector<RawToken> toks;
  Tokenize(text, &toks);
  AssignSentences(text, &toks, abbrev);
  std::vector<int> out;
  for (const auto& t : toks) out.push_back(t.sentence);
  return out;
}

TEST(Tokenize, HyphensJoinWordsAndCliticsSplit) {
  EXPECT_EQ(Surfaces("I don't use e-mail, что-то"),
            (std::vector<std::string>{"I", "do", "n't", "use", "e-mail", ",", "что-то"}));
}

TEST(Tokenize, TypographicApostropheStartsAClitic) {
  EXPECT_EQ(Surfaces("that\u2019s it 'quoted'"),
            (std::vector<std::string>{"that", "\u2019s", "it", "'", "quoted", "'"}));
}

TEST(Tokenize, NumbersKeepInnerSeparators) {
  EXPECT_EQ(Surfaces("at 10:30 pay 3.50, 1,000"),
            (std::vector<std::string>{"at", "10:30", "pay", "3.50", ",", "1,000"}));
}

TEST(Tokenize, PunctuationRunsAreOneToken) {
  EXPECT_EQ(Surfaces("READ IT!!! ok?!"),
            (std::vector<std::string>{"READ", "IT", "!!!", "ok", "?", "!"}));
}

TEST(Tokenize, SpanishInvertedMarksAreSeparate) {
  EXPECT_EQ(Surfaces("¿Podría ayudarme?"),
            (std::vector<std::string>{"¿", "Podría", "ayudarme", "?"}));
}

TEST(Tokenize, OffsetsPointIntoOriginalBytes) {
  std::string text = "Привет, мир";
  std::vector<RawToken> toks;
  Tokenize(text, &toks);
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_EQ(text.substr(toks[2].begin, toks[2].end - toks[2].begin), "мир");
  EXPECT_EQ(toks[0].kind, TokenKind::kWord);
  EXPECT_EQ(toks[1].kind, TokenKind::kPunct);
}

TEST(Tokenize, InvalidBytesBecomeSymbolsNotDropped) {
  std::vector<RawToken> toks;
  Tokenize(
      "a\xff"
      "b",
      &toks);
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_EQ(toks[1].kind, TokenKind::kSymbol);
}

TEST(Tokenize, EmojiIsASymbol) {
  std::vector<RawToken> toks;
  Tokenize("ok \U0001F600", &toks);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[1].kind, TokenKind::kSymbol);
}

TEST(Sentences, SplitAfterTerminalPunctuation) {
  EXPECT_EQ(Sentences("Hi. How are you? Fine!"), (std::vector<int>{0, 0, 1, 1, 1, 1, 2, 2}));
}

TEST(Sentences, DotInsideAddressOrAfterInitialDoesNotSplit) {
  EXPECT_EQ(Sentences("go to example.com now"), (std::vector<int>{0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(Sentences("e.g. this"), (std::vector<int>{0, 0, 0, 0, 0}));
}

TEST(Sentences, AbbreviationCallbackPreventsSplit) {
  auto abbrev = [](size_t i) { return i == 0; };  // "Dr"
  EXPECT_EQ(Sentences("Dr. Smith is here.", abbrev), (std::vector<int>{0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(Sentences("Dr. Smith is here."), (std::vector<int>{0, 0, 1, 1, 1, 1}));
}

TEST(Sentences, LineBreakSplits) { EXPECT_EQ(Sentences("hello\nthere"), (std::vector<int>{0, 1})); }

TEST(Sentences, ClosingQuoteStaysWithItsSentence) {
  EXPECT_EQ(Sentences("He said \"stop.\" Then"), (std::vector<int>{0, 0, 0, 0, 0, 0, 1}));
}

}  // namespace
}  // namespace tact::text

namespace tact::text {
namespace {

TEST(Sentences, QuestionMarkInsideUrlDoesNotSplit) {
  std::vector<RawToken> toks;
  std::string text = "see https://site.ru/a?b=1 now. Next";
  Tokenize(text, &toks);
  AssignSentences(text, &toks, nullptr);
  EXPECT_EQ(toks.front().sentence, 0);
  EXPECT_EQ(toks[toks.size() - 2].sentence, 0);  // "." after "now"
  EXPECT_EQ(toks.back().sentence, 1);
}

}  // namespace
}  // namespace tact::text
