#include "text/address.h"

#include <gtest/gtest.h>

#include <string>

namespace tact::text {
namespace {

std::string Url(std::string_view text, size_t i = 0) {
  return std::string(text.substr(i, UrlLength(text, i)));
}

std::string Email(std::string_view text, size_t i = 0) {
  size_t local_end = 0;
  return std::string(text.substr(i, EmailLength(text, i, &local_end)));
}

TEST(UrlLength, SchemeOrWwwThenToTheNextSpace) {
  EXPECT_EQ(Url("https://help.example.com/a?b=1&c=2#x rest"),
            "https://help.example.com/a?b=1&c=2#x");
  EXPECT_EQ(Url("HTTP://x.io"), "HTTP://x.io");
  EXPECT_EQ(Url("www.example.co.uk/track/123 now"), "www.example.co.uk/track/123");
}

TEST(UrlLength, TrailingSentencePunctuationIsNotPartOfIt) {
  EXPECT_EQ(Url("www.example.com."), "www.example.com");
  EXPECT_EQ(Url("https://x.io/a?!"), "https://x.io/a");
  EXPECT_EQ(Url("https://x.io/a\","), "https://x.io/a");
}

TEST(UrlLength, ParenthesesCloseOnlyTheirOwn) {
  EXPECT_EQ(Url("https://en.wikipedia.org/wiki/Foo_(bar))."),
            "https://en.wikipedia.org/wiki/Foo_(bar)");
  EXPECT_EQ(Url("(see https://x.io/help)"
                "",
                5),
            "https://x.io/help");
}

TEST(UrlLength, NoUrlWithoutSchemeOrHost) {
  EXPECT_EQ(UrlLength("http:// x", 0), 0u);
  EXPECT_EQ(UrlLength("www. example", 0), 0u);
  EXPECT_EQ(UrlLength("whatever", 0), 0u);
  EXPECT_EQ(UrlLength("https:", 0), 0u);
}

TEST(EmailLength, LocalPartAtDomainWithLetterTld) {
  EXPECT_EQ(Email("ana.lund+tact@mail.example.se, thanks"), "ana.lund+tact@mail.example.se");
  EXPECT_EQ(Email("help@x.io."), "help@x.io");
}

TEST(EmailLength, NotAnAddress) {
  EXPECT_EQ(Email("me@home"), "");    // no dot in the domain
  EXPECT_EQ(Email("me@1.2"), "");     // no letters in the last label
  EXPECT_EQ(Email("at @x.io"), "");   // nothing before '@' at i
  EXPECT_EQ(Email("a@b.c"), "");      // a one-letter top-level domain
  EXPECT_EQ(Email(".dot@x.io"), "");  // a local part cannot start with '.'
}

TEST(EmailLength, ReportsWhereTheLocalPartEnds) {
  size_t local_end = 0;
  EXPECT_EQ(EmailLength("a.b.c d@x.io", 0, &local_end), 0u);
  EXPECT_EQ(local_end, 5u);
}

}  // namespace
}  // namespace tact::text
