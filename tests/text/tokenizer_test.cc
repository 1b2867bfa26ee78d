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
            (std::vector<std::string>{"READ", "IT", "!!!", "ok", "?!"}));
}

TEST(Tokenize, MixedQuestionAndExclamationMarksAreOneRun) {
  EXPECT_EQ(Surfaces("what!?! why?? no?!... \u203C?"),
            (std::vector<std::string>{"what", "!?!", "why", "??", "no", "?!", "...", "\u203C?"}));
  EXPECT_EQ(Surfaces("?,!"), (std::vector<std::string>{"?", ",", "!"}));
}

TEST(Tokenize, RangesOfNumbersAreOneNumber) {
  EXPECT_EQ(Surfaces("3-5 days, 3\u20135 or 10:00\u201312:00"),
            (std::vector<std::string>{"3-5", "days", ",", "3\u20135", "or", "10:00\u201312:00"}));
  std::vector<RawToken> toks;
  Tokenize("3-5", &toks);
  ASSERT_EQ(toks.size(), 1u);
  EXPECT_EQ(toks[0].kind, TokenKind::kNumber);
  // Not a range: a dash before a number, a dash after a word, spaced dashes.
  EXPECT_EQ(Surfaces("-5 covid-19 3 - 5"),
            (std::vector<std::string>{"-", "5", "covid-19", "3", "-", "5"}));
}

TEST(Tokenize, OrdinalsAreOneToken) {
  EXPECT_EQ(Surfaces("den 8:e, 1:a och 21:a"),
            (std::vector<std::string>{"den", "8:e", ",", "1:a", "och", "21:a"}));
  EXPECT_EQ(Surfaces("1st/2nd 28th"), (std::vector<std::string>{"1st", "/", "2nd", "28th"}));
  EXPECT_EQ(Surfaces("kl 8:ex 8:"), (std::vector<std::string>{"kl", "8", ":", "ex", "8", ":"}));
}

TEST(Tokenize, AddressesAreOneTokenOfTheirKind) {
  std::string text =
      "@dan_okafor see https://x.io/a?b=1, www.x.io. Mail ana@x.se #NoMore @ 5 order #123 C#";
  std::vector<RawToken> toks;
  Tokenize(text, &toks);
  std::vector<std::string> surfaces;
  for (const auto& t : toks) surfaces.emplace_back(text.substr(t.begin, t.end - t.begin));
  EXPECT_EQ(surfaces, (std::vector<std::string>{"@dan_okafor", "see", "https://x.io/a?b=1", ",",
                                                "www.x.io", ".", "Mail", "ana@x.se", "#NoMore", "@",
                                                "5", "order", "#", "123", "C", "#"}));
  EXPECT_EQ(toks[0].kind, TokenKind::kHandle);
  EXPECT_EQ(toks[2].kind, TokenKind::kUrl);
  EXPECT_EQ(toks[4].kind, TokenKind::kUrl);
  EXPECT_EQ(toks[7].kind, TokenKind::kEmail);
  EXPECT_EQ(toks[8].kind, TokenKind::kHashtag);
  EXPECT_EQ(toks[9].kind, TokenKind::kPunct);
}

TEST(Tokenize, LongRunsWithoutAnAddressStayLinear) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "a.";
  std::vector<RawToken> toks;
  Tokenize(text, &toks);  // quadratic rescans would take minutes
  EXPECT_EQ(toks.size(), 400000u);
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

// Code points of two UTF-8 bytes are classified from a table built from
// their Unicode properties: letters with diacritics and Cyrillic are word
// characters, a combining accent stays in its word, a no-break space and
// NEL separate (NEL as a line break), guillemets and the inverted marks are
// punctuation, the degree and section signs symbols.
TEST(Tokenize, TwoByteCodePointsKeepTheirClasses) {
  EXPECT_EQ(
      Surfaces("caf\u00e9 n\u00e4r \u0436\u0434\u0443 e\u0301t\u00e9"),
      (std::vector<std::string>{"caf\u00e9", "n\u00e4r", "\u0436\u0434\u0443", "e\u0301t\u00e9"}));
  EXPECT_EQ(Surfaces("a\u00a0b\u0085c"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(Sentences("a\u00a0b\u0085c"), (std::vector<int>{0, 0, 1}));
  EXPECT_EQ(Surfaces("\u00abja\u00bb \u00bfs\u00ed? 5\u00b0 \u00a72"),
            (std::vector<std::string>{"\u00ab", "ja", "\u00bb", "\u00bf", "s\u00ed", "?", "5",
                                      "\u00b0", "\u00a7", "2"}));
  std::vector<RawToken> toks;
  Tokenize("\u00b0 \u00ab", &toks);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[0].kind, TokenKind::kSymbol);
  EXPECT_EQ(toks[1].kind, TokenKind::kPunct);
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

TEST(Sentences, QuestionAndExclamationRunEndsOnce) {
  EXPECT_EQ(Sentences("Really?! Yes"), (std::vector<int>{0, 0, 1}));
}

TEST(Sentences, OrdinalDotBeforeALowercaseWordDoesNotSplit) {
  EXPECT_EQ(Sentences("den 20. mars"), (std::vector<int>{0, 0, 0, 0}));
  auto kl = [](size_t at) { return [at](size_t i) { return i == at; }; };  // "kl."
  EXPECT_EQ(Sentences("Kom 2. mai kl. 10. Da", kl(4)),
            (std::vector<int>{0, 0, 0, 0, 0, 0, 0, 0, 1}));
  // At the end of a turn, before a capital, a longer number or a line break it ends.
  EXPECT_EQ(Sentences("i morgen kl. 10.", kl(2)), (std::vector<int>{0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(Sentences("Room 12. Then"), (std::vector<int>{0, 0, 0, 1}));
  EXPECT_EQ(Sentences("order 12345. it"), (std::vector<int>{0, 0, 0, 1}));
  EXPECT_EQ(Sentences("step 2.\nnext"), (std::vector<int>{0, 0, 0, 1}));
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
