// End-to-end tests of the CI gates: names in --fail-on, --only, --skip and
// --group-by are checked, exit codes and their precedence.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "cli/cli_run.h"

namespace tact::testing {
namespace {

const char kChat[] =
    "Customer: my order is late and I am really upset about it\n"
    "Agent: I'm so sorry, I understand how frustrating that is. Let me check it for you.\n";

class Gates : public CliRun {
 protected:
  void SetUp() override {
    CliRun::SetUp();
    Write("chat.txt", kChat);
  }
};

TEST_F(Gates, UnknownBehaviourInFailOnIsAUsageError) {
  RunResult r = Run("check --fail-on 'rate:empahty<0.8' chat.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: --fail-on 'rate:empahty<0.8': unknown behaviour 'empahty' (did you mean "
            "'empathy'?)\n");
  EXPECT_TRUE(r.out.empty());
  r = Run("check --fail-on 'missed:apolgy>0' chat.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: --fail-on 'missed:apolgy>0': unknown behaviour 'apolgy' (did you mean "
            "'apology'?)\n");
  // Far from every id: no suggestion.
  r = Run("check --fail-on 'violated:zzzzzzzz>0' chat.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "tact: error: --fail-on 'violated:zzzzzzzz>0': unknown behaviour 'zzzzzzzz'\n");
}

TEST_F(Gates, UnknownMetricInFailOnIsAUsageError) {
  RunResult r = Run("check --fail-on 'metric:first_respons_time.p90>120' chat.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: --fail-on 'metric:first_respons_time.p90>120': unknown metric "
            "'first_respons_time' (did you mean 'first_response_time'?)\n");
}

TEST_F(Gates, KnownNamesStillRun) {
  RunResult r =
      Run("check --fail-on 'rate:empathy<0.5' --fail-on 'missed:apology>0' "
          "--fail-on 'metric:talk_ratio.max>2' --fail-on 'violated>5' chat.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
}

TEST_F(Gates, GateOnABehaviourLeftOutOfTheReport) {
  RunResult r = Run("check --only empathy --fail-on 'rate:apology<0.8' chat.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: --fail-on 'rate:apology<0.8': behaviour 'apology' is left out of the "
            "report by --only, so this gate could never be measured\n");
  r = Run("check --skip apology --fail-on 'missed:apology>0' chat.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("is left out of the report by --skip"), std::string::npos) << r.err;
}

TEST_F(Gates, UnknownIdsInOnlySkipAndThreshold) {
  RunResult r = Run("check --only empahty chat.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: unknown behaviour 'empahty' in --only (did you mean 'empathy'?)\n");
  r = Run("check --skip blam chat.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "tact: error: unknown behaviour 'blam' in --skip (did you mean 'blame'?)\n");
  r = Run("check --threshold frist_response_time=60 chat.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "--threshold: error: unknown metric 'frist_response_time' (did you mean "
            "'first_response_time'?)\n");
}

TEST_F(Gates, ExtraPacksAddBehaviourIds) {
  // A behaviour defined only by a --rules pack is a known id.
  Write("extra/en/refund.rules",
        "behaviour refund_offer\n  kind expected\n  title Offers a refund\n  tip Offer it.\n"
        "  match refund\n  + we will refund you\n  - no\n");
  RunResult r = Run("check --rules extra --fail-on 'missed:refund_offer>0' chat.txt");
  EXPECT_EQ(r.rc, 1) << r.err;
  EXPECT_NE(r.err.find("tact: threshold failed: missed:refund_offer>0 (value 1)"),
            std::string::npos)
      << r.err;
  r = Run("check --rules extra --fail-on 'missed:refund_ofer>0' chat.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("unknown behaviour 'refund_ofer' (did you mean 'refund_offer'?)"),
            std::string::npos)
      << r.err;
}

TEST_F(Gates, MergeChecksNamesAgainstTheSummaries) {
  ASSERT_EQ(Run("check --summary --format json -o s.json chat.txt").rc, 0);
  RunResult r = Run("merge --fail-on 'rate:empahty<0.8' s.json");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: --fail-on 'rate:empahty<0.8': unknown behaviour 'empahty' (did you mean "
            "'empathy'?)\n");
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(Run("merge --fail-on 'rate:empathy<0.5' s.json").rc, 0);
}

TEST_F(Gates, GroupByAMetadataKeyNoConversationHas) {
  Write("q.txt", std::string("# queue: billing\n# region: north\n") + kChat);
  RunResult r = Run("check --summary --group-by agent,metadata.queu q.txt chat.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: --group-by metadata.queu: no conversation in the input has the metadata "
            "key 'queu' (did you mean 'queue'?); keys in the input: queue, region\n");
  // Known only after reading: the report is still written.
  EXPECT_NE(r.out.find("Summary: 2 conversation(s)"), std::string::npos) << r.out;
  r = Run("check --summary --group-by metadata.queue chat.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: --group-by metadata.queue: no conversation in the input has the "
            "metadata key 'queue'; the input has no metadata\n");
  EXPECT_EQ(Run("check --summary --group-by metadata.queue q.txt chat.txt").rc, 0);
}

TEST_F(Gates, EveryShardKnowsTheKeysOfTheWholeInput) {
  // Whichever shard gets q.txt, the other one has no conversation with the
  // key and must not call it unknown.
  Write("q.txt", std::string("# queue: billing\n") + kChat);
  for (const char* shard : {"1/2", "2/2"}) {
    RunResult r = Run(std::string("check --summary --format json --group-by metadata.queue "
                                  "--shard ") +
                      shard + " q.txt chat.txt");
    EXPECT_EQ(r.rc, 0) << shard << ": " << r.err;
  }
}

// Nothing in it calls for empathy: no frustration, so empathy never applies.
const char kHours[] =
    "Customer: hi, what are your opening hours on saturday?\n"
    "Agent: We open at 9 and close at 17 on Saturdays.\n";

TEST_F(Gates, ARateOverABehaviourThatNeverAppliedIsNotApplicable) {
  Write("hours.txt", kHours);
  RunResult r = Run("check --fail-on 'rate:empathy<0.8' hours.txt");
  EXPECT_EQ(r.rc, 0) << r.err;  // n/a does not fail...
  EXPECT_EQ(r.err,
            "tact: threshold n/a: rate:empathy<0.8 (never applied)\n");  // ...nor pass quietly
  EXPECT_NE(r.out.find("\nn/a    --fail-on 'rate:empathy<0.8' (never applied)\n"),
            std::string::npos)
      << r.out;
  r = Run("check --format json --fail-on 'rate:empathy<0.8' hours.txt");
  EXPECT_NE(r.out.find("\"checks\":[{\"expression\":\"rate:empathy<0.8\",\"value\":null,"
                       "\"failed\":false,\"na\":\"never applied\"}]"),
            std::string::npos)
      << r.out;
  r = Run("check --format junit --fail-on 'rate:empathy<0.8' hours.txt");
  EXPECT_NE(r.out.find("<skipped message=\"n/a (never applied)\"/>"), std::string::npos) << r.out;
  r = Run("check --format markdown --fail-on 'rate:empathy<0.8' hours.txt");
  EXPECT_NE(r.out.find("- ➖ n/a `--fail-on 'rate:empathy<0.8'` (never applied)"), std::string::npos)
      << r.out;
  // Where it applied once, the rate is measured again.
  r = Run("check --fail-on 'rate:empathy<0.8' hours.txt chat.txt");
  EXPECT_EQ(r.err.find("n/a"), std::string::npos) << r.err;
}

TEST_F(Gates, AFailedGateIsNeverHiddenByInputErrors) {
  Write("bad.csv", "id,speaker,text\n1,agent,too,many\n");
  Write("rude.txt",
        "Customer: my order is late\nAgent: That is your own fault, read the manual.\n");
  RunResult r = Run("check --fail-on 'violated>0' --format json -o report.json rude.txt bad.csv");
  EXPECT_EQ(r.rc, 3);  // input errors take precedence over the failed gate...
  EXPECT_EQ(r.err,
            "bad.csv:2: error: conversation '1': row has 4 fields, the header has 3\n"
            "tact: 1 conversation(s) read, 1 analyzed, 1 skipped (errors)\n"
            "tact: threshold failed: violated>0 (value 1)\n"
            "tact: exit 3 for the input errors; 1 --fail-on gate(s) failed too (above)\n");
  // ...and the report has both.
  std::string report = Read("report.json");
  EXPECT_NE(report.find("\"totals\":{\"inputs\":2,\"read\":1,\"analyzed\":1,\"skipped\":1},"
                        "\"checks\":[{\"expression\":\"violated>0\",\"value\":1,"
                        "\"failed\":true}]"),
            std::string::npos)
      << report;
  r = Run("check --fail-on 'violated>0' --format junit rude.txt bad.csv");
  EXPECT_EQ(r.rc, 3);
  EXPECT_NE(r.out.find("<testsuite name=\"input errors\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("<failure type=\"fail-on\" message=\"threshold failed: violated&gt;0 "
                       "(value 1)\"/>"),
            std::string::npos)
      << r.out;
  r = Run("check --fail-on 'violated>0' --format sarif rude.txt bad.csv");
  EXPECT_NE(r.out.find("{\"level\":\"error\",\"message\":{\"text\":\"threshold failed: "
                       "violated>0 (value 1)\"}}"),
            std::string::npos)
      << r.out;
  r = Run("check --fail-on 'violated>0' rude.txt bad.csv");
  EXPECT_NE(r.out.find("1 conversation(s) analyzed, 1 skipped\nFAILED --fail-on 'violated>0'"),
            std::string::npos)
      << r.out;
  // Without input errors the failed gate alone decides: exit 1.
  r = Run("check --fail-on 'violated>0' rude.txt");
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(r.err, "tact: threshold failed: violated>0 (value 1)\n");
}

TEST_F(Gates, AnUnknownGroupKeyOutranksInputErrorsAndGates) {
  Write("bad.jsonl", "{\"id\":\"broken\",\"turns\":[\n");
  Write("rude.txt",
        "Customer: my order is late\nAgent: That is your own fault, read the manual.\n");
  RunResult r =
      Run("check --summary --group-by metadata.queue --fail-on 'violated>0' rude.txt "
          "bad.jsonl");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(
      r.err.find("tact: threshold failed: violated>0 (value 1)\n"
                 "tact: exit 2 for the usage error; 1 --fail-on gate(s) failed too (above)\n"),
      std::string::npos)
      << r.err;
}

TEST_F(Gates, MergeExitsLikeTheSingleRun) {
  Write("bad.jsonl", "{\"id\":\"broken\",\"turns\":[\n");
  Write("rude.txt",
        "Customer: my order is late\nAgent: That is your own fault, read the manual.\n");
  for (const char* k : {"1", "2"}) {
    Run(std::string("check --summary --format json --shard ") + k + "/2 -o s" + k +
        ".json rude.txt bad.jsonl");
  }
  RunResult r = Run("merge --fail-on 'violated>0' s1.json s2.json");
  EXPECT_EQ(r.rc, 3);
  EXPECT_EQ(r.err,
            "tact: 1 conversation(s) read, 1 analyzed, 1 skipped (errors)\n"
            "tact: threshold failed: violated>0 (value 1)\n"
            "tact: exit 3 for the input errors; 1 --fail-on gate(s) failed too (above)\n");
}

TEST_F(Gates, NoConversationsAtAllIsAnInputError) {
  std::filesystem::create_directories(dir_ / "quiet");
  Write("empty.jsonl", "");
  RunResult r = Run("check --fail-on 'violated>0' quiet");
  EXPECT_EQ(r.rc, 3);
  EXPECT_EQ(r.err,
            "quiet: warning: no transcript files (.txt .json .jsonl .csv .vtt .srt) in this "
            "directory\n"
            "tact: error: no conversations in the input (use --allow-empty to accept)\n"
            "tact: 0 conversation(s) read, 0 analyzed, 1 skipped (errors)\n");
  r = Run("check --format json empty.jsonl");
  EXPECT_EQ(r.rc, 3);
  EXPECT_EQ(r.err,
            "empty.jsonl:1: error: empty input: no conversations\n"
            "tact: error: no conversations in the input (use --allow-empty to accept)\n"
            "tact: 0 conversation(s) read, 0 analyzed, 1 skipped (errors)\n");
  EXPECT_NE(r.out.find("\"totals\":{\"inputs\":1,\"read\":0,\"analyzed\":0,\"skipped\":1}"),
            std::string::npos)
      << r.out;
  // A glob the shell could not expand reaches tact as a path that does not exist.
  r = Run("check 'logs/*.jsonl'");
  EXPECT_EQ(r.rc, 3);
  EXPECT_NE(
      r.err.find("logs/*.jsonl: error: no such file or directory\n"
                 "tact: error: no conversations in the input (use --allow-empty to accept)\n"),
      std::string::npos)
      << r.err;
  // The JUnit report shows it as an input error.
  r = Run("check --format junit quiet");
  EXPECT_NE(r.out.find("message=\"no conversations in the input (use --allow-empty to accept)\""),
            std::string::npos)
      << r.out;
}

TEST_F(Gates, AllowEmptyAcceptsAnInputWithoutConversations) {
  std::filesystem::create_directories(dir_ / "quiet");
  Write("empty.jsonl", "");
  RunResult r = Run("check --allow-empty --fail-on 'rate:empathy<0.8' quiet empty.jsonl");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.err,
            "quiet: warning: no transcript files (.txt .json .jsonl .csv .vtt .srt) in this "
            "directory\n"
            "empty.jsonl:1: warning: empty input: no conversations\n"
            "tact: threshold n/a: rate:empathy<0.8 (never applied)\n");
  // A shard that gets no conversation of a non-empty input is not empty.
  for (const char* shard : {"1/2", "2/2"}) {
    r = Run(std::string("check --summary --format json --shard ") + shard + " chat.txt");
    EXPECT_EQ(r.rc, 0) << shard << ": " << r.err;
  }
}

class MergeShards : public Gates {
 protected:
  void SetUp() override {
    Gates::SetUp();
    Write("rude.txt",
          "Customer: my order is late\nAgent: That is your own fault, read the manual.\n");
    Write("hours.txt", kHours);
    for (const char* k : {"1", "2"}) {
      ASSERT_EQ(Run(std::string("check --summary --format json --shard ") + k + "/2 -o s" + k +
                    ".json chat.txt rude.txt hours.txt")
                    .rc,
                0);
    }
  }
};

TEST_F(MergeShards, TheSameFileTwiceIsRefused) {
  RunResult r = Run("merge s1.json s2.json s1.json");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "s1.json: error: the same summary is given twice (also as 's1.json')\n");
  EXPECT_TRUE(r.out.empty());
  r = Run("merge s1.json ./s1.json");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "./s1.json: error: the same summary is given twice (also as 's1.json')\n");
}

TEST_F(MergeShards, ACopyOrARerunOfAShardIsRefused) {
  Write("copy.json", Read("s2.json"));
  RunResult r = Run("merge s1.json s2.json copy.json");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("copy.json: error: shard 2/2 of input "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" is already merged from s2.json\n"), std::string::npos) << r.err;
  // A re-run of shard 2 with other options is still shard 2 of the same input.
  ASSERT_EQ(Run("check --summary --format json --shard 2/2 --min-confidence 0.6 -o again.json "
                "chat.txt rude.txt hours.txt")
                .rc,
            0);
  r = Run("merge s1.json s2.json again.json");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find(" is already merged from s2.json\n"), std::string::npos) << r.err;
  // The whole run overlaps its shards.
  ASSERT_EQ(Run("check --summary --format json -o all.json hours.txt rude.txt chat.txt").rc, 0);
  r = Run("merge s1.json all.json");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("all.json: error: shard 1/1 of input "), std::string::npos) << r.err;
}

TEST_F(MergeShards, AllShardsMergeIntoTheSingleRun) {
  // The inputs in another order: the same input, the same identity.
  RunResult all = Run("check --summary --format json hours.txt rude.txt chat.txt");
  RunResult merged = Run("merge --format json s2.json s1.json");
  EXPECT_EQ(merged.rc, 0) << merged.err;
  EXPECT_EQ(merged.out, all.out);
  EXPECT_NE(all.out.find("\"shards\":[{\"input\":\""), std::string::npos) << all.out;
  // Summaries of different inputs merge (a month of days).
  ASSERT_EQ(Run("check --summary --format json -o other.json chat.txt").rc, 0);
  EXPECT_EQ(Run("merge s1.json s2.json other.json").rc, 0);
}

TEST_F(MergeShards, SummariesWithoutIdentityAreComparedByContent) {
  // A summary from before shard identities: the same content is the same shard.
  std::string old = Read("s1.json");
  size_t at = old.find(",\"shards\":[");
  ASSERT_NE(at, std::string::npos);
  old.erase(at, old.find(']', at) + 1 - at);
  Write("old1.json", old);
  Write("old1-copy.json", old);
  RunResult r = Run("merge old1.json old1-copy.json");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "old1-copy.json: error: the same summary as 'old1.json' (identical content)\n");
  EXPECT_EQ(Run("merge old1.json s2.json").rc, 0);
}

TEST_F(Gates, LangThatTheConversationClearlyIsNotIsWarned) {
  Write("es.txt",
        "Customer: Hola, el pedido llegó roto y nadie me responde. Es la tercera vez que escribo.\n"
        "Agent: Lo siento mucho, entiendo que es muy frustrante. Voy a revisar su pedido ahora "
        "mismo y le enviaré uno nuevo hoy.\n");
  RunResult r = Run("check --lang en --format json es.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.err, "es.txt:1: warning: --lang en, but the conversation reads as es (1.00)\n");
  EXPECT_NE(r.out.find("\"language\":\"en\",\"language_confidence\":1,\"language_method\":"
                       "\"option\",\"detected_language\":\"es\",\"detected_confidence\":1,"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"warnings\":[\"--lang en, but the conversation reads as es (1.00)\"]"),
            std::string::npos)
      << r.out;
  // In a JSON Lines file the warning points at the conversation's line.
  Write("two.jsonl",
        "{\"id\":\"a\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"I'm so sorry about the "
        "delay, I will check your order right now and send you an update today.\"}]}\n"
        "{\"id\":\"b\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"Lo siento mucho por el "
        "retraso, voy a revisar su pedido ahora mismo y le enviaré una respuesta hoy.\"}]}\n");
  r = Run("check --lang en --format jsonl two.jsonl");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.err.rfind("two.jsonl:2: warning: --lang en, but the conversation reads as es (", 0),
            0u)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  // The right --lang, or detection, says nothing.
  EXPECT_EQ(Run("check --lang es es.txt").err, "");
  EXPECT_EQ(Run("check es.txt").err, "");
}

}  // namespace
}  // namespace tact::testing
