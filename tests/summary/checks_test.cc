#include "summary/checks.h"

#include <gtest/gtest.h>

namespace tact::summary {
namespace {

ConversationResult Conv(std::vector<std::pair<std::string, Status>> statuses, double score) {
  ConversationResult r;
  for (auto& [id, s] : statuses) {
    BehaviourResult b;
    b.id = id;
    b.status = s;
    b.kind = (s == Status::kClean || s == Status::kViolated) ? BehaviourKind::kAvoid
                                                             : BehaviourKind::kExpected;
    r.behaviours.push_back(b);
  }
  r.score = score;
  return r;
}

std::vector<summary::CheckOutcome> RunChecks(const std::vector<std::string>& exprs) {
  std::vector<Check> checks;
  for (const auto& e : exprs) {
    Check c;
    std::string err;
    EXPECT_TRUE(ParseCheck(e, &c, &err)) << err;
    checks.push_back(c);
  }
  CheckAccumulator acc(checks);
  acc.Observe(Conv({{"empathy", Status::kMet}, {"blame", Status::kViolated}}, 80));
  acc.Observe(Conv({{"empathy", Status::kMissed}, {"blame", Status::kClean}}, 40));
  acc.Observe(Conv({{"empathy", Status::kNotApplicable}, {"blame", Status::kClean}}, -1));
  return acc.Evaluate();
}

TEST(Checks, CountsRatesAndScores) {
  auto o = RunChecks({"violated>0", "missed:empathy>0", "missed:blame>0", "rate:empathy<0.8",
                      "rate:blame>=0.6", "score<70", "min_score<50", "met==1"});
  ASSERT_EQ(o.size(), 8u);
  EXPECT_TRUE(o[0].failed);
  EXPECT_EQ(o[0].value, 1);
  EXPECT_TRUE(o[1].failed);
  EXPECT_FALSE(o[2].failed);
  EXPECT_TRUE(o[3].failed);
  EXPECT_DOUBLE_EQ(o[3].value, 0.5);
  EXPECT_TRUE(o[4].failed);
  EXPECT_NEAR(o[4].value, 2.0 / 3.0, 1e-9);
  EXPECT_TRUE(o[5].failed);
  EXPECT_DOUBLE_EQ(o[5].value, 60);
  EXPECT_TRUE(o[6].failed);
  EXPECT_DOUBLE_EQ(o[6].value, 40);
  EXPECT_TRUE(o[7].failed);
}

TEST(Checks, RateOfUnseenBehaviourNeverFails) {
  auto o = RunChecks({"rate:apology<0.9"});
  EXPECT_FALSE(o[0].failed);
  EXPECT_EQ(o[0].na, "never applied");
}

TEST(Checks, ABehaviourThatNeverAppliedIsNotAZeroRate) {
  // Reported in every conversation, applicable in none: n/a, not 0 (which
  // would fail 'rate:empathy<0.8'), and not a pass either.
  std::vector<Check> checks;
  for (const char* e : {"rate:empathy<0.8", "missed:empathy>0", "rate:blame<0.8"}) {
    Check c;
    std::string err;
    ASSERT_TRUE(ParseCheck(e, &c, &err)) << err;
    checks.push_back(c);
  }
  summary::SummaryBuilder b({}, 0);
  b.Add(Conv({{"empathy", Status::kNotApplicable}, {"blame", Status::kClean}}, 90));
  b.Add(Conv({{"empathy", Status::kNotApplicable}, {"blame", Status::kViolated}}, 20));
  auto o = EvaluateChecks(checks, b.summary());
  EXPECT_EQ(o[0].na, "never applied");
  EXPECT_FALSE(o[0].failed);
  EXPECT_EQ(o[1].na, "");  // a count of 0 is a measured 0
  EXPECT_FALSE(o[1].failed);
  EXPECT_EQ(o[2].na, "");
  EXPECT_TRUE(o[2].failed);
  EXPECT_DOUBLE_EQ(o[2].value, 0.5);
}

TEST(Checks, ScoreAndMetricWithoutValuesAreNotApplicable) {
  std::vector<Check> checks;
  for (const char* e : {"score<70", "min_score<50", "metric:first_response_time.p90>60"}) {
    Check c;
    std::string err;
    ASSERT_TRUE(ParseCheck(e, &c, &err)) << err;
    checks.push_back(c);
  }
  summary::SummaryBuilder b({}, 0);
  b.Add(Conv({{"empathy", Status::kNotApplicable}}, -1));
  auto o = EvaluateChecks(checks, b.summary());
  EXPECT_EQ(o[0].na, "no scored conversation");
  EXPECT_EQ(o[1].na, "no scored conversation");
  EXPECT_EQ(o[2].na, "no value");
  for (const auto& x : o) EXPECT_FALSE(x.failed) << x.expression;
}

TEST(Checks, ParseErrorsNameWhatWasExpected) {
  Check c;
  std::string err;
  EXPECT_FALSE(ParseCheck("violated", &c, &err));
  EXPECT_NE(err.find("expected 'WHAT OP NUMBER'"), std::string::npos);
  EXPECT_FALSE(ParseCheck("violated=>1", &c, &err));
  EXPECT_NE(err.find("unknown comparison '=>'"), std::string::npos);
  EXPECT_FALSE(ParseCheck("violated>x", &c, &err));
  EXPECT_NE(err.find("expected a number"), std::string::npos);
  EXPECT_FALSE(ParseCheck("violatd>1", &c, &err));
  EXPECT_NE(err.find("did you mean 'violated'"), std::string::npos);
  EXPECT_FALSE(ParseCheck("rate<1", &c, &err));
  EXPECT_NE(err.find("expected 'rate:ID'"), std::string::npos);
  EXPECT_FALSE(ParseCheck("score:x<1", &c, &err));
  EXPECT_NE(err.find("takes no behaviour id"), std::string::npos);
}

TEST(Checks, NamesAreCheckedAgainstTheKnownOnes) {
  const std::vector<std::string> behaviours = {"apology", "blame", "empathy"};
  const std::vector<std::string> metrics = {"first_response_time", "talk_ratio"};
  auto known = [&](const std::string& expr, std::string* err) {
    Check c;
    EXPECT_TRUE(ParseCheck(expr, &c, err)) << *err;
    return CheckNamesKnown(c, behaviours, metrics, err);
  };
  std::string err;
  EXPECT_TRUE(known("rate:empathy<0.8", &err));
  EXPECT_TRUE(known("missed:apology>0", &err));
  EXPECT_TRUE(known("violated>0", &err));  // no id: every behaviour
  EXPECT_TRUE(known("score<70", &err));
  EXPECT_TRUE(known("metric:talk_ratio.max>2", &err));
  EXPECT_FALSE(known("rate:empahty<0.8", &err));
  EXPECT_EQ(err, "unknown behaviour 'empahty' (did you mean 'empathy'?)");
  EXPECT_FALSE(known("violated:talk_ratio>0", &err));  // a metric is not a behaviour
  EXPECT_EQ(err, "unknown behaviour 'talk_ratio'");
  EXPECT_FALSE(known("metric:first_respons_time.p90>1", &err));
  EXPECT_EQ(err, "unknown metric 'first_respons_time' (did you mean 'first_response_time'?)");
  EXPECT_FALSE(known("metric:empathy.max>1", &err));  // a behaviour is not a metric
  EXPECT_EQ(err, "unknown metric 'empathy'");
}

}  // namespace
}  // namespace tact::summary
