// End-to-end tests of the CI gates: names in --fail-on, --only, --skip and
// --group-by are checked, exit codes and their precedence.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace tact::testing
