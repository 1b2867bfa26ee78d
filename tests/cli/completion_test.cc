#include "cli/completion.h"

#include <gtest/gtest.h>

namespace tact::cli {
namespace {

struct Demo {
  CLI::App app{"tact: a demo"};
  std::string format = "text", lang = "auto", id;
  std::vector<std::string> dirs, inputs;
  Demo() {
    CLI::App* check = app.add_subcommand("check", "analyze transcripts");
    check->add_option("inputs", inputs, "files")->type_name("PATH");
    check->add_option("-f,--format", format, "report format: text or json")
        ->check(CLI::IsMember({"text", "json"}));
    check->add_option("--lang", lang, "language")->type_name("LANG")->capture_default_str();
    check->add_option("--rules", dirs, "rule folder")->type_name("DIR");
    app.add_subcommand("explain", "a behaviour")->add_option("id", id)->type_name("BEHAVIOUR");
    CLI::App* rules = app.add_subcommand("rules", "rule packs");
    rules->add_subcommand("list", "list behaviours");
  }
};

const Vocabulary kVocabulary{{"en", "sv"}, {"empathy", "it's"}};

void ExpectAll(const std::string& script, const std::vector<std::string>& parts) {
  for (const auto& p : parts) EXPECT_NE(script.find(p), std::string::npos) << p << "\n" << script;
}

TEST(Completion, Bash) {
  Demo d;
  const std::string s = BashCompletion(DescribeCommand(d.app), kVocabulary);
  ExpectAll(s, {"complete -F _tact tact", "\":check\" | \":explain\" | \":rules\" | \":help\")",
                "\"rules:list\") cmd=\"rules ${COMP_WORDS[i]}\"",
                "\"check:-f\" | \"check:--format\")\n      _tact_words \"text json\"",
                "\"check:--lang\")\n      _tact_words \"auto en sv\"",
                "\"check:--rules\")\n      _tact_dirs", "\"check\") _tact_files ;;",
                "\"explain\") _tact_words \"empathy\" ;;",  // it's: not a plain word
                "\"check\") _tact_words \"-h --help -f --format --lang --rules\" ;;",
                "\"\") _tact_words \"check explain rules help\" ;;"});
}

TEST(Completion, Zsh) {
  Demo d;
  const std::string s = ZshCompletion(DescribeCommand(d.app), kVocabulary);
  ExpectAll(s, {"#compdef tact\n", "_tact_check() {",
                "'(-f --format)'{-f+,--format=}'[report format]:TEXT:(text json)'",
                "--lang='[language]:LANG:(auto en sv)'", "'*'--rules='[rule folder]:DIR:_files -/'",
                "'*:inputs:_files'", "rules) _tact_rules ;;", "list) _tact_rules_list ;;",
                "compdef _tact tact"});
}

TEST(Completion, Fish) {
  Demo d;
  const std::string s = FishCompletion(DescribeCommand(d.app), kVocabulary);
  ExpectAll(s, {"complete -c tact -f\n",
                "complete -c tact -n '__tact_at ' -a 'check' -d 'analyze transcripts'",
                "-n '__tact_at check' -s 'f' -l 'format' -x -a 'text json' -d 'report format'",
                "-l 'lang' -x -a 'auto en sv'", "complete -c tact -n '__tact_at check' -F\n",
                "complete -c tact -n '__tact_at explain' -f -a 'empathy'", "case 'rules:list'"});
}

TEST(Completion, PlainWords) {
  EXPECT_TRUE(PlainWord("--format"));
  EXPECT_TRUE(PlainWord("first_response_time.p90"));
  EXPECT_FALSE(PlainWord(""));
  EXPECT_FALSE(PlainWord("a b"));
  EXPECT_FALSE(PlainWord("$(rm)"));
}

}  // namespace
}  // namespace tact::cli
