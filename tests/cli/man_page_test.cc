#include "cli/man_page.h"

#include <gtest/gtest.h>

#include "cli/command_doc.h"

namespace tact::cli {
namespace {

// A small command tree with what the real one has: choices, a LANG, a
// repeatable DIR, a positional, subcommands, notes and examples.
struct Demo {
  CLI::App app{"tact: a demo"};
  std::string format = "text", lang = "auto", out;
  std::vector<std::string> dirs, inputs;
  Demo() {
    CLI::App* check = app.add_subcommand("check", "analyze transcripts");
    check->add_option("inputs", inputs, "files")->type_name("PATH")->required();
    check->add_option("-f,--format", format, "report format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    check->add_option("--lang", lang, "language")->type_name("LANG")->capture_default_str();
    check->add_option("--rules", dirs, "rule folder")->type_name("DIR");
    check->add_option("-o,--output", out, "write to FILE")->type_name("FILE");
    check->footer("Exit codes: 0 ok, 2 usage.\n\nExamples:\n  tact check a.txt\n");
    CLI::App* rules = app.add_subcommand("rules", "rule packs");
    rules->add_subcommand("list", "list behaviours")->footer("Example:\n  tact rules list");
    rules->add_subcommand("test", "run the examples");
  }
};

TEST(CommandDoc, ReadsTypesChoicesDefaultsAndFooters) {
  Demo d;
  const CommandDoc root = DescribeCommand(d.app);
  ASSERT_EQ(root.subcommands.size(), 2u);
  const CommandDoc& check = root.subcommands[0];
  EXPECT_EQ(check.Name(), "tact check");
  ASSERT_EQ(check.positionals.size(), 1u);
  EXPECT_EQ(check.positionals[0].type, "PATH");
  EXPECT_TRUE(check.positionals[0].repeatable);
  ASSERT_EQ(check.options.size(), 5u);  // --help too
  EXPECT_EQ(check.options[1].names, (std::vector<std::string>{"-f", "--format"}));
  EXPECT_EQ(check.options[1].choices, (std::vector<std::string>{"text", "json"}));
  EXPECT_EQ(check.options[1].default_value, "text");
  EXPECT_TRUE(check.options[3].repeatable);
  EXPECT_EQ(check.notes, (std::vector<std::string>{"Exit codes: 0 ok, 2 usage."}));
  EXPECT_EQ(check.examples, (std::vector<std::string>{"tact check a.txt"}));
  EXPECT_EQ(root.subcommands[1].subcommands[0].Name(), "tact rules list");
  const Vocabulary v{{"en", "sv"}, {"empathy"}};
  EXPECT_EQ(ValuesOf(check.options[2], v), (std::vector<std::string>{"auto", "en", "sv"}));
  EXPECT_TRUE(TakesDirectory(check.options[3]));
  EXPECT_TRUE(TakesFile(check.options[4]));
  EXPECT_EQ(ShortDescription("exit 1 when this holds, e.g. 'x'; more"), "exit 1 when this holds");
}

TEST(ManPage, RoffEscapes) {
  EXPECT_EQ(RoffText("--format"), "\\-\\-format");
  EXPECT_EQ(RoffText(".tact file"), "\\&.tact file");  // not a request
  EXPECT_EQ(RoffText("a\\b 'x' `y`"), "a\\eb \\(aqx\\(aq \\(gay\\(ga");
  EXPECT_EQ(RoffText("caf\xc3\xa9 \xe2\x80\xa6"), "caf\\[u00E9] \\[u2026]");
  EXPECT_EQ(RoffText("bad \xff"), "bad \\[uFFFD]");
  EXPECT_EQ(RoffText("two\nlines"), "two lines");
}

TEST(ManPage, APagePerCommandWithEveryOption) {
  Demo d;
  const std::vector<ManPage> pages =
      ManPages(DescribeCommand(d.app), Vocabulary{{"en", "sv"}, {}}, "9.9");
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].file, "tact.1");
  EXPECT_EQ(pages[1].file, "tact-check.1");
  EXPECT_EQ(pages[2].file, "tact-rules.1");
  const std::string& check = pages[1].text;
  for (const char* s : {".TH TACT\\-CHECK 1", ".SH NAME\ntact\\-check \\- analyze transcripts",
                        ".SH SYNOPSIS", "\\fB\\-\\-format\\fR \\fITEXT\\fR", "Values: text, json.",
                        "Default: text.", "\\fB\\-\\-lang\\fR \\fILANG\\fR",
                        "Values: auto, en, sv.", ".SH EXIT STATUS\n.PP\n0 ok, 2 usage.",
                        ".SH EXAMPLES", "tact check a.txt", "\\fBtact\\fR(1)"})
    EXPECT_NE(check.find(s), std::string::npos) << s << "\n" << check;
  // Subcommands are sections of their command's page, examples gathered.
  const std::string& rules = pages[2].text;
  EXPECT_NE(rules.find(".SS tact rules list"), std::string::npos) << rules;
  EXPECT_NE(rules.find("tact rules list\n.RE"), std::string::npos) << rules;
  // The root page lists each command and its page.
  EXPECT_NE(pages[0].text.find("(\\fBtact\\-check\\fR(1))"), std::string::npos) << pages[0].text;
  for (const ManPage& p : pages)
    for (char c : p.text) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << p.file;
}

}  // namespace
}  // namespace tact::cli
