#include "text/stemmer.h"

#include <gtest/gtest.h>

namespace tact::text {
namespace {

TEST(Stemmer, AllFiveLanguagesExist) {
  for (const char* a : {"english", "spanish", "norwegian", "swedish", "russian"}) {
    EXPECT_TRUE(StemmerExists(a)) << a;
    EXPECT_NE(Stemmer::Create(a), nullptr) << a;
  }
  EXPECT_FALSE(StemmerExists("klingon"));
  EXPECT_EQ(Stemmer::Create("klingon"), nullptr);
}

TEST(Stemmer, InflectedFormsShareAStem) {
  auto en = Stemmer::Create("english");
  std::string a(en->Stem("frustrating"));
  EXPECT_EQ(a, std::string(en->Stem("frustrated")));
  auto ru = Stemmer::Create("russian");
  std::string b(ru->Stem("извинения"));
  EXPECT_EQ(b, std::string(ru->Stem("извинений")));
}

}  // namespace
}  // namespace tact::text
