#include "text/label_words.h"

#include <gtest/gtest.h>

namespace tact::text {
namespace {

using Words = std::vector<std::string>;

TEST(LabelWords, WordsAreNormalizedAndOtherTokensDropped) {
  EXPECT_EQ(LabelWords("Customer (John)"), (Words{"customer", "john"}));
  EXPECT_EQ(LabelWords("Atención al Cliente:"), (Words{"atención", "al", "cliente"}));
  EXPECT_EQ(LabelWords("Agent 007 -"), (Words{"agent"}));
  EXPECT_TRUE(LabelWords("12:30 —").empty());
}

TEST(LabelWords, AddressesCountByTheirWords) {
  EXPECT_EQ(LabelWords("support@acme.com"), (Words{"support", "acme", "com"}));
  EXPECT_EQ(LabelWords("@AcmeSupport"), (Words{"acmesupport"}));
  EXPECT_EQ(LabelWords("#HelpDesk team"), (Words{"helpdesk", "team"}));
}

}  // namespace
}  // namespace tact::text
