#include "rules/parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace tact::rules {
namespace {

struct Parsed {
  bool ok;
  RuleFile file;
  Diagnostics diags;
  std::string First() const { return diags.empty() ? "" : diags.front().Format(); }
};

Parsed Parse(const std::string& text) {
  Parsed p;
  p.ok = ParseRuleFile("t.rules", text, &p.file, &p.diags);
  return p;
}

// A valid behaviour block around one pattern line.
std::string WithMatch(const std::string& pattern) {
  return "behaviour b\n  kind expected\n  match " + pattern + "\n  + x\n  - y\n";
}

TEST(Parser, ParsesACompleteBehaviour) {
  Parsed p = Parse(R"(# comment
behaviour empathy
  kind     expected
  speaker  agent
  title    Shows empathy
  title-es Muestra empatía
  description Names the feeling.
  tip      Name the feeling.   # not a comment: text keeps '#'
  tip-es   Nombra el sentimiento.
  after    customer_frustration within 2   # a comment
  otherwise not_applicable
  weight   2.5
  position first 3
  match  i (really|completely)? understand ...3 @feeling
  veto   i (do not|don't) understand
  veto-turn ^ no
  + I [really understand] how you feel
  - I don't understand
lexicon feeling
  ~frustrating worr* (fed up)
pack en
  name English
  stopwords the a
  stopwords i
  message unanswered   turn {turn} ({trigger}) was not answered
)");
  ASSERT_TRUE(p.ok) << p.First();
  ASSERT_EQ(p.file.behaviours.size(), 1u);
  const BehaviourDecl& b = p.file.behaviours[0];
  EXPECT_EQ(b.id, "empathy");
  ASSERT_EQ(p.file.packs.size(), 1u);
  ASSERT_EQ(p.file.packs[0].messages.size(), 1u);
  EXPECT_EQ(p.file.packs[0].messages[0].first, "unanswered");
  EXPECT_EQ(p.file.packs[0].messages[0].second, "turn {turn} ({trigger}) was not answered");
  EXPECT_EQ(*b.kind, Kind::kExpected);
  EXPECT_EQ(b.titles.at(""), "Shows empathy");
  EXPECT_EQ(b.titles.at("es"), "Muestra empatía");
  EXPECT_EQ(b.tips.at(""), "Name the feeling.   # not a comment: text keeps '#'");
  EXPECT_EQ(b.trigger, "customer_frustration");
  EXPECT_EQ(b.trigger_window, 2);
  EXPECT_EQ(b.otherwise, Otherwise::kNotApplicable);
  EXPECT_DOUBLE_EQ(b.weight, 2.5);
  EXPECT_EQ(b.position, BehaviourDecl::Position::kFirst);
  EXPECT_EQ(b.position_n, 3);
  ASSERT_EQ(b.matches.size(), 1u);
  EXPECT_EQ(b.matches[0].loc.line, 14);
  EXPECT_EQ(b.matches[0].loc.column, 10);
  EXPECT_EQ(b.vetoes.size(), 1u);
  EXPECT_EQ(b.turn_vetoes.size(), 1u);
  ASSERT_EQ(b.examples.size(), 2u);
  EXPECT_EQ(b.examples[0].text, "I really understand how you feel");
  EXPECT_EQ(b.examples[0].mark_begin, 2);
  EXPECT_EQ(b.examples[0].mark_end, 19);
  EXPECT_FALSE(b.examples[1].positive);
  ASSERT_EQ(p.file.lexicons.size(), 1u);
  EXPECT_EQ(p.file.lexicons[0].items.size(), 3u);
  ASSERT_EQ(p.file.packs.size(), 1u);
  EXPECT_EQ(p.file.packs[0].stopwords, (std::vector<std::string>{"the", "a", "i"}));
}

TEST(Parser, VocabularyDirectives) {
  Parsed p = Parse(
      "pack en\n"
      "  agent-words    agent support   # a comment\n"
      "  customer-words customer\n"
      "  agent-phrases  \"customer service\" \"client care\"\n"
      "  help-openings  \"how can i help\" speaking\n"
      "  pii-cue id+adjacent \"#\" no.\n"
      "  pii-cue money-after+whole kr\n");
  ASSERT_TRUE(p.ok) << p.First();
  const PackVocabulary& v = p.file.packs.at(0).vocabulary;
  EXPECT_EQ(v.agent_words, (std::vector<std::string>{"agent", "support"}));
  EXPECT_EQ(v.customer_words, (std::vector<std::string>{"customer"}));
  EXPECT_EQ(v.agent_phrases, (std::vector<std::string>{"customer service", "client care"}));
  EXPECT_EQ(v.help_openings, (std::vector<std::string>{"how can i help", "speaking"}));
  ASSERT_EQ(v.pii_cues.size(), 3u);
  EXPECT_TRUE((v.pii_cues[0] == PiiCueDecl{PiiCueKind::kId, "#", false, true}));
  EXPECT_TRUE((v.pii_cues[1] == PiiCueDecl{PiiCueKind::kId, "no.", false, true}));
  EXPECT_TRUE((v.pii_cues[2] == PiiCueDecl{PiiCueKind::kMoneyAfter, "kr", true, false}));
}

TEST(Parser, PatternStructure) {
  Parsed p = Parse(WithMatch("(a b|c)? ~d e* @f <caps:3> /x+/ \"?\" ...2 ^ $"));
  ASSERT_TRUE(p.ok) << p.First();
  const PatternNode& root = p.file.behaviours[0].matches[0].root;
  ASSERT_EQ(root.type, PatternNode::Type::kSeq);
  ASSERT_EQ(root.children.size(), 10u);
  EXPECT_EQ(root.children[0].type, PatternNode::Type::kOpt);
  EXPECT_EQ(root.children[0].children[0].type, PatternNode::Type::kAlt);
  EXPECT_EQ(root.children[1].type, PatternNode::Type::kStem);
  EXPECT_EQ(root.children[2].type, PatternNode::Type::kPrefix);
  EXPECT_EQ(root.children[2].text, "e");
  EXPECT_EQ(root.children[3].type, PatternNode::Type::kLexicon);
  EXPECT_EQ(root.children[4].type, PatternNode::Type::kClass);
  EXPECT_EQ(root.children[4].number, 3);
  EXPECT_EQ(root.children[5].type, PatternNode::Type::kRegex);
  EXPECT_EQ(root.children[6].type, PatternNode::Type::kLiteral);
  EXPECT_EQ(root.children[6].text, "?");
  EXPECT_EQ(root.children[7].type, PatternNode::Type::kGap);
  EXPECT_EQ(root.children[7].number, 2);
  EXPECT_EQ(root.children[8].type, PatternNode::Type::kAnchor);
}

struct ErrorCase {
  const char* name;
  std::string text;
  std::string expected;  // the first diagnostic, "file:line:col: error: message" (prefix)
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.name; }

class ParserErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ParserErrors, ReportsLocatedError) {
  Parsed p = Parse(GetParam().text);
  EXPECT_FALSE(p.ok);
  ASSERT_FALSE(p.diags.empty());
  std::string first = p.diags.front().Format();
  EXPECT_EQ(first.substr(0, GetParam().expected.size()), GetParam().expected) << first;
}

const ErrorCase kErrorCases[] = {
    {"empty_match", "behaviour b\n  kind expected\n  match\n", "t.rules:3:"},
    {"lexicon_bar", "lexicon l\n  a | b\n", "t.rules:2:5: error: unexpected '|' in a lexicon"},
    {"deep_nesting", WithMatch(std::string(40, '(') + "a" + std::string(40, ')')),
     "t.rules:3:41: error: groups nested deeper than 32"},
    {"deep_negation", WithMatch([] {
       std::string s;
       for (int i = 0; i < 20; ++i) s += "!(";
       return s + "a" + std::string(20, ')');
     }()),
     "t.rules:3:41: error: groups nested deeper than 32"},
    {"stray_close", WithMatch("a b)"),
     "t.rules:3:12: error: unexpected ')' without a matching '('"},
    {"dangling_bar", WithMatch("a |"), "t.rules:3:11: error: expected an alternative after '|'"},
    {"leading_bar", WithMatch("| a"), "t.rules:3:9: error: expected a word or group before '|'"},
    {"optional_gap", WithMatch("a ...2? b"), "t.rules:3:15: error: a gap is already optional"},
    {"optional_anchor", WithMatch("^? a"), "t.rules:3:10: error: an anchor cannot be optional"},
    {"double_question", WithMatch("a?? b"), "t.rules:3:11: error: unexpected second '?'"},
    {"empty_group", WithMatch("a () b"), "t.rules:3:11: error: empty group '()'"},
    {"unclosed_group", WithMatch("i (really|completely understand"),
     "t.rules:3:40: error: expected ')' to close the group opened at column 11"},
    {"unterminated_quote", WithMatch("a \"b"), "t.rules:3:11: error: unterminated quoted text"},
    {"empty_quote", WithMatch("a \" \""), "t.rules:3:11: error: empty quoted text"},
    {"unterminated_regex", WithMatch("/ab"), "t.rules:3:9: error: unterminated regex"},
    {"empty_regex", WithMatch("a //"), "t.rules:3:11: error: empty regex '//'"},
    {"unclosed_class", WithMatch("<caps"), "t.rules:3:9: error: expected '>' to close the class"},
    {"class_number", WithMatch("<caps:x>"),
     "t.rules:3:15: error: expected a positive number after ':'"},
    {"unknown_class", WithMatch("<cap>"),
     "t.rules:3:9: error: unknown token class '<cap>' (did you mean 'caps'?)"},
    {"class_takes_no_number", WithMatch("<num:2>"),
     "t.rules:3:9: error: only <caps:N> takes a number"},
    {"gap_without_size", WithMatch("a ... b"),
     "t.rules:3:14: error: expected the gap size after '...'"},
    {"stem_without_word", WithMatch("a ~ b"), "t.rules:3:11: error: expected a word after '~'"},
    {"stem_and_prefix", WithMatch("~abc*"), "t.rules:3:9: error: '~' and '*' cannot be combined"},
    {"lexicon_without_name", WithMatch("@ b"),
     "t.rules:3:9: error: expected a lexicon name after '@'"},
    {"question_alone", WithMatch("? a"), "t.rules:3:9: error: '?' must follow a word or group"},
    {"inner_star", WithMatch("a*b"), "t.rules:3:9: error: '*' only at the end of a word"},
    {"glued_anchor", WithMatch("^a"), "t.rules:3:9: error: '^' stands alone"},
    {"all_optional", WithMatch("a? b?"), "t.rules:3:9: error: pattern can match no words at all"},
    {"gap_first", WithMatch("...2 a"), "t.rules:3:9: error: a pattern cannot start with a gap"},
    {"gap_last", WithMatch("a ...2"), "t.rules:3:11: error: a pattern cannot end with a gap"},
    {"no_kind", "behaviour b\n  match a\n", "t.rules:1:1: error: behaviour 'b' has no 'kind'"},
    {"no_match", "behaviour b\n  kind expected\n",
     "t.rules:1:1: error: behaviour 'b' has no 'match' line"},
    {"severity_on_expected", "behaviour b\n  kind expected\n  severity error\n  match a\n",
     "t.rules:1:1: error: 'severity' applies only to 'avoid' behaviours"},
    {"signal_with_trigger", "behaviour b\n  kind signal\n  after x within 2\n  match a\n",
     "t.rules:3:9: error: a signal cannot have an 'after' trigger"},
    {"otherwise_without_trigger", "behaviour b\n  kind expected\n  otherwise missed\n  match a\n",
     "t.rules:1:1: error: 'otherwise' needs an 'after' trigger"},
    {"empty_lexicon", "lexicon l\nbehaviour b\n  kind expected\n  match a\n",
     "t.rules:1:1: error: lexicon 'l' is empty"},
    {"bad_pack_code", "pack English\n",
     "t.rules:1:6: error: expected a language code after 'pack'"},
    {"bad_id", "behaviour Empathy\n",
     "t.rules:1:11: error: expected a behaviour id of lowercase letters"},
    {"no_block", "kind expected\n",
     "t.rules:1:1: error: expected 'behaviour', 'lexicon' or 'pack' to start a block, got 'kind'"},
    {"block_typo", "behavour b\n",
     "t.rules:1:1: error: expected 'behaviour', 'lexicon' or 'pack' to start a block, got "
     "'behavour' (did you mean 'behaviour'?)"},
    {"pack_value", "pack en\n  name\n", "t.rules:2:7: error: expected a value after 'name'"},
    {"message_text", "pack en\n  message focus\n",
     "t.rules:2:11: error: expected 'message KEY TEXT', got no text after 'focus'"},
    {"message_twice", "pack en\n  message focus A\n  message focus B\n",
     "t.rules:3:11: error: message 'focus' is defined twice"},
    {"pack_directive", "pack en\n  stemer english\n",
     "t.rules:2:3: error: unknown pack directive 'stemer' (did you mean 'stemmer'?)"},
    {"pii_cue_kind", "pack en\n  pii-cue phon tel\n",
     "t.rules:2:11: error: expected 'id', 'phone', 'weak', 'card', 'money' or 'money-after' after "
     "'pii-cue', got 'phon'"},
    {"pii_cue_flag", "pack en\n  pii-cue id+hole sku\n",
     "t.rules:2:13: error: expected 'whole' or 'adjacent' after '+', got 'hole'"},
    {"pii_cue_no_words", "pack en\n  pii-cue id+whole   # sku\n",
     "t.rules:2:11: error: expected cue words after 'pii-cue id+whole'"},
    {"pii_cue_quote", "pack en\n  pii-cue id \"part no\n",
     "t.rules:2:14: error: '\"' without a matching '\"'"},
    {"pii_cue_empty_quote", "pack en\n  pii-cue id sku \"\"\n",
     "t.rules:2:18: error: expected words between the quotes"},
    {"pii_cue_money_after_adjacent", "pack en\n  pii-cue money-after+adjacent kr\n",
     "t.rules:2:22: error: '+adjacent' does not apply to 'money-after'"},
    {"help_openings_quote", "pack en\n  help-openings \"how can i help\n",
     "t.rules:2:17: error: '\"' without a matching '\"'"},
    {"empty_example", "behaviour b\n  kind expected\n  +\n",
     "t.rules:3:4: error: expected a value after '+'"},
    {"two_marks", "behaviour b\n  kind expected\n  + [a] [b]\n",
     "t.rules:3:9: error: only one [marked] span per example"},
    {"stray_mark_close", "behaviour b\n  kind expected\n  + a]\n",
     "t.rules:3:6: error: ']' without a matching '['"},
    {"unclosed_mark", "behaviour b\n  kind expected\n  + [a\n",
     "t.rules:3:5: error: '[' without a matching ']'"},
    {"negative_mark", "behaviour b\n  kind expected\n  - [a]\n",
     "t.rules:3:5: error: a '-' example cannot mark a span"},
    {"tip_language", "behaviour b\n  kind expected\n  tip-English x\n",
     "t.rules:3:7: error: expected a language code after 'tip-'"},
    {"bad_kind", "behaviour b\n  kind good\n",
     "t.rules:2:8: error: expected 'expected', 'avoid' or 'signal' after 'kind', got 'good'"},
    {"bad_speaker", "behaviour b\n  kind expected\n  speaker bot\n",
     "t.rules:3:11: error: expected 'agent', 'customer' or 'any' after 'speaker'"},
    {"bad_severity", "behaviour b\n  kind avoid\n  severity high\n",
     "t.rules:3:12: error: expected 'error', 'warning' or 'info' after 'severity'"},
    {"bad_weight", "behaviour b\n  kind expected\n  weight heavy\n",
     "t.rules:3:10: error: expected a weight between 0 and 100"},
    {"bad_position", "behaviour b\n  kind expected\n  position middle 2\n",
     "t.rules:3:12: error: expected 'position first N' or 'position last N'"},
    {"position_number", "behaviour b\n  kind expected\n  position first x\n",
     "t.rules:3:12: error: expected a number of turns, got 'x'"},
    {"position_zero", "behaviour b\n  kind expected\n  position last 0\n",
     "t.rules:3:12: error: position needs at least 1 turn"},
    {"bad_after", "behaviour b\n  kind expected\n  after x in 2\n",
     "t.rules:3:9: error: expected 'after SIGNAL within N'"},
    {"after_number", "behaviour b\n  kind expected\n  after x within many\n",
     "t.rules:3:9: error: expected a number of agent turns, got 'many'"},
    {"after_zero", "behaviour b\n  kind expected\n  after x within 0\n",
     "t.rules:3:9: error: 'within' needs at least 1 turn"},
    {"bad_otherwise", "behaviour b\n  kind expected\n  otherwise skip\n",
     "t.rules:3:13: error: expected 'missed' or 'not_applicable' after 'otherwise'"},
    {"double_not", WithMatch("!!a"), "t.rules:3:10: error: '!!' negates twice"},
    {"not_gap", WithMatch("a !...2 b"),
     "t.rules:3:11: error: '!' applies to one word test, not to a gap or an anchor"},
    {"bad_time", "behaviour b\n  kind expected\n  time first soon\n",
     "t.rules:3:8: error: expected 'time first N' or 'time last N'"},
    {"duplicate_name", "behaviour b\n  kind expected\n  match a1: a\n  match a1: b\n",
     "t.rules:4:9: error: pattern name 'a1' is already used in behaviour 'b' (line 3)"},
    {"bad_condition", WithMatch("a {near 2}"),
     "t.rules:3:11: error: expected a condition like '{echo 2}'"},
    {"bad_echo_count", WithMatch("a {echo 0}"),
     "t.rules:3:11: error: expected a count of 1 to 50 or a share of 1% to 100%"},
    {"echo_on_veto", "behaviour b\n  kind expected\n  match a\n  veto b {echo 2}\n",
     "t.rules:4:10: error: a condition in braces applies only to 'match' and 'match-turn'"},
    {"unknown_directive", "behaviour b\n  kind expected\n  matc a\n",
     "t.rules:3:3: error: unknown directive 'matc' (did you mean 'match'?) in behaviour 'b'"},
};

TEST(Parser, NamesTurnScopeConditionsAndExampleContext) {
  Parsed p = Parse(R"(behaviour b
  kind expected
  match thanks_for: thank you   # named
  match-turn steps: first ...8 then
  veto-turn not_me: nope
  match restate: ^ so {echo 2 40%}
  match bare: {echo 4}
  match 10:30 am
  < I was charged twice
  + so charged twice
  - nothing
behaviour c
  kind expected
  match x
  + x
  - y
)");
  ASSERT_TRUE(p.ok) << p.First();
  const BehaviourDecl& b = p.file.behaviours[0];
  ASSERT_EQ(b.matches.size(), 5u);
  EXPECT_EQ(b.matches[0].name, "thanks_for");
  EXPECT_EQ(b.matches[0].source, "thank you");
  EXPECT_EQ(b.matches[0].loc.column, 21);  // the pattern, after the name
  EXPECT_FALSE(b.matches[0].turn_scope);
  EXPECT_TRUE(b.matches[1].turn_scope);
  EXPECT_EQ(b.matches[1].name, "steps");
  EXPECT_EQ(b.turn_vetoes[0].name, "not_me");
  EXPECT_EQ(b.matches[2].echo_min, 2);
  EXPECT_EQ(b.matches[2].echo_share, 40);
  EXPECT_EQ(b.matches[2].source, "^ so");
  EXPECT_TRUE(b.matches[3].empty);
  EXPECT_EQ(b.matches[3].echo_min, 4);
  EXPECT_EQ(b.matches[4].name, "");  // "10:30" is a number, not a name
  EXPECT_EQ(b.examples[0].context, "I was charged twice");
  EXPECT_EQ(b.examples[1].context, "I was charged twice");
  EXPECT_EQ(p.file.behaviours[1].examples[0].context, "");  // a new behaviour resets it
}

INSTANTIATE_TEST_SUITE_P(All, ParserErrors, ::testing::ValuesIn(kErrorCases),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(Parser, ErrorShowsSourceLineWithCaret) {
  Parsed p = Parse(WithMatch("i (really"));
  ASSERT_FALSE(p.diags.empty());
  EXPECT_EQ(p.diags[0].Format(),
            "t.rules:3:18: error: expected ')' to close the group opened at column 11\n"
            "  match i (really\n"
            "                 ^");
}

TEST(Parser, ReportsSeveralErrorsInOneFile) {
  Parsed p = Parse(
      "behaviour a\n  kind nope\n  match (x\nbehaviour b\n  kind expected\n  match y\n  bogus z\n");
  EXPECT_GE(p.diags.size(), 3u);
}

TEST(Parser, CrLfLinesAndBlankLinesAreFine) {
  Parsed p = Parse("behaviour b\r\n\r\n  kind avoid\r\n  match a b\r\n  + a b\r\n  - c\r\n");
  ASSERT_TRUE(p.ok) << p.First();
  EXPECT_EQ(p.file.behaviours[0].examples[0].text, "a b");
}

}  // namespace
}  // namespace tact::rules

namespace tact::rules {
namespace {

// Inputs that once crashed a fuzz target (tests/data/regressions), fed the way
// that target feeds them.
TEST(Parser, FuzzRegressionDeepNestingIsAnErrorNotAStackOverflow) {
  std::ifstream in(std::string(TACT_SOURCE_DIR) + "/tests/data/regressions/pattern-deep-nesting",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string input = ss.str();
  ASSERT_GT(input.size(), 1000u);
  const std::string pattern = input.substr(0, input.find('\n'));
  Parsed p = Parse("behaviour b\n  kind expected\n  match " + pattern + "\n");
  EXPECT_FALSE(p.ok);
  ASSERT_FALSE(p.diags.empty());
  EXPECT_NE(p.diags[0].Format().find("groups nested deeper than 32"), std::string::npos)
      << p.diags[0].Format();
}

}  // namespace
}  // namespace tact::rules
