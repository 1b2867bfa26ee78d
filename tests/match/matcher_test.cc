// The compiled matcher, exercised through TurnMatcher on compiled packs.
#include <gtest/gtest.h>

#include "eval/turn_matcher.h"
#include "test_util.h"

namespace tact::eval {
namespace {

struct Fixture {
  std::unique_ptr<rules::LanguagePack> pack;
  std::unique_ptr<TurnMatcher> matcher;
  TextMatches m;

  Fixture(const std::string& code, const std::string& rules) {
    Diagnostics d;
    pack = tact::testing::CompileOne(code, rules, &d);
    EXPECT_NE(pack, nullptr) << (d.empty() ? "" : d[0].Format());
    if (pack) matcher = std::make_unique<TurnMatcher>(*pack);
  }
  // The matched text of behaviour `b` (surviving matches only), "" if none.
  std::string Match(const std::string& text, const std::string& b = "b") {
    matcher->Match(text, &m);
    const RuleMatch* r = m.First(pack->behaviour_index.at(b));
    return r ? text.substr(r->byte_begin, r->byte_end - r->byte_begin) : "";
  }
};

std::string Rule(const std::string& match, const std::string& extra = "") {
  return "behaviour b\n  kind expected\n  match " + match + "\n" + extra;
}

TEST(Matcher, LiteralsAreCaseAndApostropheInsensitive) {
  Fixture f("en", Rule("don't worry"));
  EXPECT_EQ(f.Match("Please DON\u2019T Worry about it"), "DON\u2019T Worry");
  EXPECT_EQ(f.Match("do not worry"), "");
}

TEST(Matcher, StemMatchesInflections) {
  Fixture f("en", Rule("~frustrating"));
  EXPECT_EQ(f.Match("I'm so frustrated"), "frustrated");
  EXPECT_EQ(f.Match("such frustration"), "frustration");
  EXPECT_EQ(f.Match("fine"), "");
}

TEST(Matcher, RussianStemsAndYo) {
  Fixture f("ru", Rule("приношу ~извинения") + "behaviour c\n  kind expected\n  match еще\n");
  EXPECT_EQ(f.Match("Приношу извинений"), "Приношу извинений");
  EXPECT_EQ(f.Match("Ещё раз", "c"), "Ещё");
}

TEST(Matcher, PrefixMatch) {
  Fixture f("ru", Rule("извин*"));
  EXPECT_EQ(f.Match("Извините, пожалуйста"), "Извините");
  EXPECT_EQ(f.Match("Извиняюсь"), "Извиняюсь");
  EXPECT_EQ(f.Match("вина"), "");
}

TEST(Matcher, OptionalAndAlternatives) {
  Fixture f("en", Rule("i (really|totally)? (get|understand) it"));
  EXPECT_EQ(f.Match("I get it."), "I get it");
  EXPECT_EQ(f.Match("I totally understand it"), "I totally understand it");
  EXPECT_EQ(f.Match("I really really get it"), "");
}

TEST(Matcher, GapIsBounded) {
  Fixture f("en", Rule("sorry ...2 trouble"));
  EXPECT_EQ(f.Match("sorry for the trouble"), "sorry for the trouble");
  EXPECT_EQ(f.Match("sorry trouble"), "sorry trouble");
  EXPECT_EQ(f.Match("sorry for all the trouble"), "");
}

TEST(Matcher, MatchesStayInsideASentence) {
  Fixture f("en", Rule("sorry ...3 trouble"));
  EXPECT_EQ(f.Match("I'm sorry. Trouble is here"), "");
}

TEST(Matcher, AnchorsMarkSentenceEdges) {
  Fixture f("en", Rule("^ calm down") + "behaviour e\n  kind expected\n  match down $\n");
  EXPECT_EQ(f.Match("Calm down, sir."), "Calm down");
  EXPECT_EQ(f.Match("Sir. Calm down"), "Calm down");
  EXPECT_EQ(f.Match("It helps me calm down"), "");
  EXPECT_EQ(f.Match("calm down", "e"), "down");
  EXPECT_EQ(f.Match("down the road", "e"), "");
}

TEST(Matcher, LexiconsExpandInline) {
  Fixture f("en", "lexicon feeling\n  ~frustrating (fed up) worr*\n" + Rule("so @feeling"));
  EXPECT_EQ(f.Match("I am so fed up"), "so fed up");
  EXPECT_EQ(f.Match("so worried"), "so worried");
  EXPECT_EQ(f.Match("so fed"), "");
}

TEST(Matcher, ClassesAndRegex) {
  Fixture f("en", Rule("<caps:2> <caps:2> <caps:2>") +
                      "behaviour e\n  kind avoid\n  match /!{3,}/\n" +
                      "behaviour n\n  kind expected\n  match order <num>\n");
  EXPECT_EQ(f.Match("please READ THE EMAIL now"), "READ THE EMAIL");
  EXPECT_EQ(f.Match("the DNS and VPN"), "");
  EXPECT_EQ(f.Match("Great!!!", "e"), "!!!");
  EXPECT_EQ(f.Match("Great!!", "e"), "");
  EXPECT_EQ(f.Match("your order 12345 shipped", "n"), "order 12345");
}

TEST(Matcher, QuotedPunctuation) {
  Fixture f("es", Rule("\"¿\" ...6 \"?\""));
  EXPECT_EQ(f.Match("Bien. ¿Qué pasa exactamente?"), "¿Qué pasa exactamente?");
  EXPECT_EQ(f.Match("Qué pasa."), "");
}

TEST(Matcher, VetoCancelsOnlyItsSentence) {
  Fixture f("en", Rule("understand", "  veto (don't|do not) understand\n"));
  EXPECT_EQ(f.Match("I don't understand."), "");
  EXPECT_EQ(f.Match("I don't understand. Now I understand."), "understand");
  f.matcher->Match("I don't understand.", &f.m);
  ASSERT_EQ(f.m.matches.size(), 1u);
  EXPECT_TRUE(f.m.matches[0].vetoed);
  EXPECT_GE(f.m.matches[0].veto_pattern, 0);
}

TEST(Matcher, TurnVetoCancelsWholeTurn) {
  Fixture f("en", Rule("dns", "  veto-turn which means\n"));
  EXPECT_EQ(f.Match("Flush the DNS. That is the cache, which means a list."), "");
  EXPECT_EQ(f.Match("Flush the DNS."), "DNS");
}

TEST(Matcher, ManyPatternsShareOneProgram) {
  std::string text = "behaviour b\n  kind expected\n";
  for (int i = 0; i < 500; ++i)
    text += "  match word" + std::to_string(i) + " (x|y)? end" + std::to_string(i) + "\n";
  Fixture f("en", text);
  EXPECT_EQ(f.pack->owners.size(), 500u);
  EXPECT_EQ(f.Match("say word123 y end123 now"), "word123 y end123");
  EXPECT_EQ(f.Match("say word123 end124 now"), "");
}

TEST(Matcher, SpansAreByteOffsetsIntoTheOriginal) {
  Fixture f("ru", Rule("спасибо"));
  std::string text = "Ну, СПАСИБО!";
  f.matcher->Match(text, &f.m);
  ASSERT_EQ(f.m.matches.size(), 1u);
  EXPECT_EQ(
      text.substr(f.m.matches[0].byte_begin, f.m.matches[0].byte_end - f.m.matches[0].byte_begin),
      "СПАСИБО");
}

}  // namespace
}  // namespace tact::eval

namespace tact::eval {
namespace {

TEST(Matcher, NegatedTokenTests) {
  Fixture f("en", Rule("is that !(right|correct|ok) \"?\""));
  EXPECT_EQ(f.Match("is that fine?"), "is that fine?");
  EXPECT_EQ(f.Match("is that right?"), "");
  Fixture g("en", Rule("right !now") + "behaviour c\n  kind expected\n  match <caps> !<num>\n");
  EXPECT_EQ(g.Match("right here"), "right here");
  EXPECT_EQ(g.Match("right now"), "");
  EXPECT_EQ(g.Match("right"), "");  // a negation still needs a token
  EXPECT_EQ(g.Match("READ THIS", "c"), "READ THIS");
  EXPECT_EQ(g.Match("CODE 42", "c"), "");
}

TEST(Matcher, CapsIgnoresAcronymsCodesAndForeignLetters) {
  Fixture f("ru", "pack ru\n  alphabet абвгдеёжзийклмнопрстуфхцчшщъыьэюя\n  acronyms ПВЗ СМС\n" +
                      Rule("<caps:2> <caps:2>"));
  EXPECT_EQ(f.Match("ВЫ МЕНЯ СЛЫШИТЕ"), "ВЫ МЕНЯ");
  EXPECT_EQ(f.Match("ПВЗ СМС рядом"), "");
  EXPECT_EQ(f.Match("роутер ASUS RT"), "");
  EXPECT_EQ(f.Match("модель ТП 300 А5Б"), "");
}

TEST(Matcher, CliticsMatchWhicheverWayThePatternWritesThem) {
  Fixture f("en",
            Rule("i ('ll|will) check") + "behaviour c\n  kind expected\n  match don't worry\n");
  EXPECT_EQ(f.Match("I\u2019ll check it"), "I\u2019ll check");
  EXPECT_EQ(f.Match("I will check it"), "I will check");
  EXPECT_EQ(f.Match("Don't worry", "c"), "Don't worry");
  EXPECT_EQ(f.Match("Dont worry", "c"), "");
  Fixture g("en", Rule("(is|was) (not|n't) ready") +
                      "behaviour c\n  kind expected\n  match ('t|never) happy\n");
  EXPECT_EQ(g.Match("It isn\u2019t ready"), "isn\u2019t ready");
  EXPECT_EQ(g.Match("it was not ready"), "was not ready");
  EXPECT_EQ(g.Match("I wasn't happy", "c"), "n't happy");
}

}  // namespace
}  // namespace tact::eval

namespace tact::eval {
namespace {

// Single-word alternatives become one union atom; these cases must behave
// exactly like the alternation they replace.
TEST(Matcher, JoinedAlternativesKeepTheirMeaning) {
  Fixture f("en",
            "lexicon inner\n  glad happy\n"
            "lexicon outer\n  @inner ~frustrating worr* (fed up) sad\n" +
                Rule("so @outer") + "behaviour n\n  kind expected\n  match not !@inner\n" +
                "behaviour a\n  kind expected\n  match (^|well) sorry\n");
  EXPECT_EQ(f.Match("I am so glad"), "so glad");         // from the nested lexicon
  EXPECT_EQ(f.Match("so frustrated"), "so frustrated");  // stem member
  EXPECT_EQ(f.Match("so worrying"), "so worrying");      // prefix member
  EXPECT_EQ(f.Match("so fed up"), "so fed up");          // multi-word item kept aside
  EXPECT_EQ(f.Match("so fed"), "");
  EXPECT_EQ(f.Match("not happy", "n"), "");
  EXPECT_EQ(f.Match("not here", "n"), "not here");
  EXPECT_EQ(f.Match("Sorry about that", "a"), "Sorry");  // '^' is never joined
  EXPECT_EQ(f.Match("oh well sorry", "a"), "well sorry");
  EXPECT_EQ(f.Match("oh sorry", "a"), "");
  // One union atom for the same single words, in whatever order.
  match::AtomTable t;
  const match::AtomId sad = t.Literal("sad"), glad = t.Literal("glad");
  const size_t atoms = t.size();
  EXPECT_EQ(t.Union({sad, glad}), t.Union({glad, sad}));
  EXPECT_EQ(t.size(), atoms + 1);
}

}  // namespace
}  // namespace tact::eval

namespace tact::eval {
namespace {

TEST(Matcher, RangeIsANumberToo) {
  Fixture f("en", Rule("within <range> (days|hours)") +
                      "behaviour n\n  kind expected\n  match within <num> days\n");
  EXPECT_EQ(f.Match("within 3-5 days"), "within 3-5 days");
  EXPECT_EQ(f.Match("within 3\u20135 hours"), "within 3\u20135 hours");
  EXPECT_EQ(f.Match("within 3 days"), "");
  EXPECT_EQ(f.Match("within 2024-01-05 days"), "");  // two dashes: a date, not a range
  EXPECT_EQ(f.Match("within 3-5 days", "n"), "within 3-5 days");
}

TEST(Matcher, AddressClasses) {
  Fixture f("en", Rule("(visit|see) <url>") +
                      "behaviour h\n  kind expected\n  match thanks <handle>\n" +
                      "behaviour t\n  kind expected\n  match <hashtag>\n" +
                      "behaviour e\n  kind expected\n  match email <email>\n" +
                      "behaviour w\n  kind expected\n  match see <word>\n");
  EXPECT_EQ(f.Match("Please see https://x.io/help?a=1."), "see https://x.io/help?a=1");
  EXPECT_EQ(f.Match("visit www.x.io/status!"), "visit www.x.io/status");
  EXPECT_EQ(f.Match("see x"), "");
  EXPECT_EQ(f.Match("see https://x.io", "w"), "");  // a URL is not a word
  EXPECT_EQ(f.Match("thanks @AcmeHelp", "h"), "thanks @AcmeHelp");
  EXPECT_EQ(f.Match("thanks @ you", "h"), "");
  EXPECT_EQ(f.Match("so slow #fail", "t"), "#fail");
  EXPECT_EQ(f.Match("order #123", "t"), "");
  EXPECT_EQ(f.Match("email help@x.io.", "e"), "email help@x.io");
}

TEST(Matcher, QuestionAndExclamationRunsSatisfyTheirMarks) {
  Fixture f("en", Rule("why \"?\"") + "behaviour x\n  kind expected\n  match great \"!\"\n" +
                      "behaviour n\n  kind expected\n  match why !\"?\"\n" +
                      "behaviour r\n  kind expected\n  match why \"?!\"\n");
  EXPECT_EQ(f.Match("why?"), "why?");
  EXPECT_EQ(f.Match("but why??"), "why??");
  EXPECT_EQ(f.Match("why?!"), "why?!");
  EXPECT_EQ(f.Match("why!!!"), "");
  EXPECT_EQ(f.Match("great!!!", "x"), "great!!!");
  EXPECT_EQ(f.Match("great?!", "x"), "great?!");
  EXPECT_EQ(f.Match("great??", "x"), "");
  EXPECT_EQ(f.Match("why?!", "n"), "");
  EXPECT_EQ(f.Match("why!!", "n"), "why!!");
  EXPECT_EQ(f.Match("why?!", "r"), "why?!");
  EXPECT_EQ(f.Match("why?", "r"), "");
}

TEST(Matcher, LeadingAddressesDoNotHideTheSentenceStart) {
  Fixture f("en", Rule("^ (hi|hello)") + "behaviour a\n  kind expected\n  match ^ <handle>\n");
  EXPECT_EQ(f.Match("@dan_okafor Hi Dan, how can I help?"), "Hi");
  EXPECT_EQ(f.Match("@Brand @AnotherBrand hello"), "hello");
  EXPECT_EQ(f.Match("#help https://x.io hello there"), "hello");
  EXPECT_EQ(f.Match("Thanks. @dan hi"), "hi");  // in a later sentence too
  EXPECT_EQ(f.Match("oh hi"), "");
  EXPECT_EQ(f.Match("@dan oh hi"), "");
  EXPECT_EQ(f.Match("@dan", "a"), "@dan");  // a sentence of addresses only keeps '^' first
  EXPECT_EQ(f.Match("@dan hi", "a"), "");
}

}  // namespace
}  // namespace tact::eval
