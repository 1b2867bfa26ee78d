// End-to-end tests of languages: a conversation in a language without a pack
// is reported as unsupported in every format, never judged with another
// pack's rules; a customer and an agent in two pack languages are each
// matched with their own pack.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {
namespace fs = std::filesystem;

struct RunResult {
  int rc = -1;
  std::string out, err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream f(p);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// A Japanese thread like the one in twcs-head, with an agent's "TY" sign-off.
const char kJapanese[] =
    "Agent: @116930 Amazonをご利用いただき、ありがとうございます！またのご利用お待ちしております "
    "TY\nCustomer: 昨日届きました。ありがとうございます、助かりました\n";
const char kGerman[] =
    "Customer: Guten Tag, mein Router funktioniert seit gestern überhaupt nicht mehr.\n"
    "Agent: Das tut mir leid. Ich schaue mir das sofort an.\n";
const char kMixed[] =
    "Customer: Hola, el pedido llegó roto y nadie me responde. Es la tercera vez que escribo y "
    "estoy muy molesto con el servicio.\n"
    "Agent: Hi, I am so sorry to hear that your order arrived broken. I will send you a "
    "replacement today and you will get a confirmation email within the hour.\n"
    "Customer: Vale, muchas gracias por la ayuda.\n"
    "Agent: You are welcome! Is there anything else I can help you with today?\n";

class LanguageCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tact_lang_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("ja.txt", kJapanese);
    Write("de.txt", kGerman);
    Write("mixed.txt", kMixed);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& text) { std::ofstream(dir_ / rel) << text; }
  RunResult Run(const std::string& args) {
    fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    std::string cmd = std::string("cd '") + dir_.string() + "' && NO_COLOR=1 '" + TACT_BINARY +
                      "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }
  fs::path dir_;
};

bool Has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST_F(LanguageCli, JapaneseIsUnsupportedAndNotJudged) {
  RunResult r = Run("check --format jsonl ja.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "\"language\":\"ja\"")) << r.out;
  EXPECT_TRUE(Has(r.out, "\"language_method\":\"unsupported\"")) << r.out;
  EXPECT_TRUE(Has(r.out, "\"score\":null")) << r.out;
  EXPECT_TRUE(Has(r.out, "\"note\":\"unsupported language 'ja'\"")) << r.out;
  // "TY" is not thanks, and nothing else was judged either.
  for (const char* judged :
       {"\"met\"", "\"missed\"", "\"clean\"", "\"violated\"", "\"present\"", "\"absent\""}) {
    EXPECT_FALSE(Has(r.out, std::string("\"status\":") + judged)) << judged << "\n" << r.out;
  }
  EXPECT_TRUE(Has(r.out, "\"metrics\":{}")) << r.out;
}

TEST_F(LanguageCli, EveryFormatSaysUnsupported) {
  const std::string why = "unsupported language 'ja'";
  RunResult text = Run("check --format text ja.txt");
  EXPECT_TRUE(Has(text.out, "language ja (unsupported)")) << text.out;
  EXPECT_TRUE(Has(text.out, "not judged: " + why)) << text.out;
  EXPECT_TRUE(Has(text.out, "score n/a")) << text.out;
  EXPECT_TRUE(Has(Run("check --format csv ja.txt").out,
                  ",ja,chat,,,greeting,expected,"
                  "not_applicable,,,,,," +
                      why));
  EXPECT_TRUE(Has(Run("check --format markdown ja.txt").out, "not judged: " + why));
  RunResult junit = Run("check --format junit ja.txt");
  EXPECT_TRUE(Has(junit.out,
                  "<skipped message=\"unsupported language &apos;ja&apos;: behaviours not judged"))
      << junit.out;
  EXPECT_TRUE(Has(junit.out, "skipped=\"1\"")) << junit.out;
  RunResult sarif = Run("check --format sarif ja.txt");
  EXPECT_TRUE(Has(sarif.out, "ja.txt: " + why + ": behaviours not judged")) << sarif.out;
  EXPECT_TRUE(Has(sarif.out, "\"unsupported_languages\":{\"ja\":1}")) << sarif.out;
  RunResult html = Run("check --format html ja.txt");
  // The count is the English pack's catalogue, signals included.
  EXPECT_TRUE(Has(html.out, "<strong>not judged</strong>: " + why + " ("))
      << html.out.substr(0, 200);
  EXPECT_TRUE(Has(html.out, " behaviours n/a)"))
      << html.out.substr(0, 200);
}

TEST_F(LanguageCli, SummaryCountsUnsupportedByLanguage) {
  RunResult r = Run("check --summary --format json ja.txt de.txt mixed.txt");
  EXPECT_TRUE(Has(r.out, "\"unsupported_languages\":{\"ja\":1,\"und\":1}")) << r.out;
  RunResult text = Run("check --summary ja.txt de.txt mixed.txt");
  EXPECT_TRUE(Has(text.out, "not judged: 2 in an unsupported language (ja 1, und 1)")) << text.out;
  RunResult md = Run("check --format markdown ja.txt de.txt");
  EXPECT_TRUE(Has(md.out, "Not judged, in an unsupported language: 2 (`ja` 1, `und` 1)")) << md.out;
}

TEST_F(LanguageCli, UnsureLatinTextIsUndUnlessAPackIsForced) {
  RunResult r = Run("check --format jsonl de.txt");
  EXPECT_TRUE(Has(r.out, "\"language\":\"und\",")) << r.out;
  EXPECT_TRUE(Has(r.out, "\"language_method\":\"unsupported\"")) << r.out;
  r = Run("check --format jsonl --fallback-lang en de.txt");
  EXPECT_TRUE(Has(r.out, "\"language\":\"en\",")) << r.out;
  EXPECT_TRUE(Has(r.out, "\"language_method\":\"fallback\"")) << r.out;
  r = Run("check --format jsonl --lang en ja.txt");
  EXPECT_TRUE(Has(r.out, "\"language\":\"en\",")) << r.out;
  EXPECT_TRUE(Has(r.out, "\"language_method\":\"option\"")) << r.out;
  EXPECT_FALSE(Has(r.out, "unsupported")) << r.out;
}

TEST_F(LanguageCli, AnInputLanguageWithoutAPackIsUnsupported) {
  Write("fr.json",
        "{\"id\":\"fr1\",\"language\":\"fr\",\"turns\":[{\"role\":\"customer\",\"text\":"
        "\"Bonjour, ma commande est en retard\"},{\"role\":\"agent\",\"text\":\"Je suis "
        "désolé\"}]}");
  RunResult r = Run("check --format jsonl fr.json");
  EXPECT_TRUE(Has(r.out, "\"language\":\"fr\",")) << r.out;
  EXPECT_TRUE(Has(r.out, "\"language_method\":\"unsupported\"")) << r.out;
  r = Run("check --format jsonl --fallback-lang en fr.json");
  EXPECT_TRUE(Has(r.out, "\"language\":\"en\",")) << r.out;
  EXPECT_TRUE(Has(r.out, "\"language_method\":\"fallback\"")) << r.out;
}

TEST_F(LanguageCli, EachSideMatchedWithItsOwnPack) {
  RunResult r = Run("check --format jsonl mixed.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "\"language\":\"en\",")) << r.out;
  EXPECT_TRUE(Has(r.out, "\"customer_language\":\"es\"")) << r.out;
  // The Spanish complaint and thanks are signals found by the Spanish rules...
  // Cited by name (file#name) or line (file:line), in the customer's pack.
  EXPECT_TRUE(Has(r.out, "\"rule\":\"rules/es/fault_report.rules")) << r.out;
  EXPECT_TRUE(Has(r.out, "\"rule\":\"rules/es/customer_gratitude.rules")) << r.out;
  // ...and the English agent is judged by the English ones, the apology answering them.
  EXPECT_TRUE(Has(r.out, "\"id\":\"apology\",\"kind\":\"expected\",\"status\":\"met\"")) << r.out;
  EXPECT_TRUE(Has(r.out, "rules/en/apology.rules:")) << r.out;
  RunResult text = Run("check mixed.txt");
  EXPECT_TRUE(Has(text.out, "; customer es)")) << text.out;
}

TEST_F(LanguageCli, ACustomerWritingBothLanguagesKeepsTheAgentsForUnclearTurns) {
  // Like twcs-head's thread 747: English questions, one Spanish turn, a short "thank you".
  Write("both.txt",
        "Agent: Hi there! Which iOS version is currently showing in Settings, General, About?\n"
        "Customer: I need the software update urgently because the battery lasts literally half "
        "a day now\n"
        "Customer: Hola, necesito urgente la actualización de software porque la batería me dura "
        "literal medio día\n"
        "Agent: We offer support on Twitter in English. Please check Settings and update to the "
        "latest version, then let us know how it goes for you.\n"
        "Customer: Okey. Thank you!\n");
  RunResult r = Run("check --format jsonl both.txt");
  EXPECT_TRUE(Has(r.out, "\"customer_language\":\"es\"")) << r.out;
  // "Okey. Thank you!" is too short to detect: the English rules find the gratitude.
  EXPECT_TRUE(Has(r.out, "rules/en/customer_gratitude.rules:")) << r.out;
}

TEST_F(LanguageCli, OneLanguageConversationsHaveNoCustomerLanguage) {
  Write("en.txt",
        "Customer: My parcel has not arrived and the tracking has not moved for a week now.\n"
        "Agent: I am sorry about that. I will check the tracking for you right away.\n");
  RunResult r = Run("check --format jsonl en.txt");
  EXPECT_TRUE(Has(r.out, "\"language\":\"en\",")) << r.out;
  EXPECT_FALSE(Has(r.out, "customer_language")) << r.out;
}

}  // namespace
