#include "text/normalize.h"

#include <gtest/gtest.h>

namespace tact::text {
namespace {

TEST(Normalize, AsciiIsLowercased) { EXPECT_EQ(Normalize("Hello WORLD"), "hello world"); }

TEST(Normalize, TypographicApostropheBecomesAscii) {
  EXPECT_EQ(Normalize("Don\u2019t"), "don't");
  EXPECT_EQ(Normalize("I\u02BCm"), "i'm");
}

TEST(Normalize, QuotesUnified) {
  EXPECT_EQ(Normalize("\u00ABhola\u00BB \u201Chi\u201D"), "\"hola\" \"hi\"");
}

TEST(Normalize, NfkcFoldsCompatibilityForms) {
  EXPECT_EQ(Normalize("\uFB01le"), "file");           // ligature fi
  EXPECT_EQ(Normalize("\uFF21\uFF22\uFF23"), "abc");  // fullwidth
}

TEST(Normalize, CaseFoldingHandlesNonAscii) {
  EXPECT_EQ(Normalize("ÅSE ÆØÅ"), "åse æøå");
  EXPECT_EQ(Normalize("СПАСИБО"), "спасибо");
  EXPECT_EQ(Normalize("Straße"), "strasse");
}

TEST(Normalize, RussianYoBecomesYe) { EXPECT_EQ(Normalize("ещё всё Ёлка"), "еще все елка"); }

TEST(Normalize, CombiningSequencesCompose) { EXPECT_EQ(Normalize("Cafe\u0301"), "caf\u00e9"); }

TEST(Normalize, InvalidUtf8BecomesReplacementCharacter) {
  std::string s =
      "ab\xff"
      "c\xc3";
  std::string n = Normalize(s + "\xc3\xa9");  // trailing é keeps its bytes valid
  EXPECT_NE(n.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(n.substr(0, 2), "ab");
}

// Every byte that cannot start a character becomes U+FFFD (three bytes
// from one), and the text around stays as it was.
TEST(Normalize, InvalidBytesEachBecomeOneReplacement) {
  EXPECT_EQ(Normalize("\xff\xfe\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(Normalize("A\xffЁ\x80`"),
            "a\xEF\xBF\xBD"
            "е\xEF\xBF\xBD'");
}

// NormalizeAppend keeps what *out held, on the ASCII and the Unicode path,
// and folds only the text it appends.
TEST(Normalize, AppendKeepsWhatWasThere) {
  std::string out = "Ё`X";
  NormalizeAppend("AB`c", &out);
  EXPECT_EQ(out, "Ё`Xab'c");
  NormalizeAppend("Ёж Ё\u2019", &out);
  EXPECT_EQ(out, "Ё`Xab'cеж е'");
  NormalizeAppend("", &out);
  EXPECT_EQ(out, "Ё`Xab'cеж е'");
}

}  // namespace
}  // namespace tact::text
