#include "eval/metrics.h"

#include <array>
#include <iterator>

#include "eval/metrics/metric.h"

namespace tact::eval {
namespace {

// Every metric, in report order: a new metric is a file in eval/metrics/
// and a row here.
struct MetricDef {
  const char* id;
  const char* unit;
  // kMax: judged against the profile's threshold; kNone: judged by the
  // metric itself (no threshold).
  MetricResult::Direction direction;
  MetricResult (*compute)(const metrics::Prep&, MetricResult);
  // The profile parameters it reads (MetricProfile::Parameter), if any.
  std::array<const char*, 2> parameters = {};
};

constexpr auto kMax = MetricResult::Direction::kMax;
constexpr auto kNone = MetricResult::Direction::kNone;

constexpr MetricDef kMetrics[] = {
    {"first_response_time", "s", kMax, metrics::FirstResponseTime},
    {"response_time", "s", kMax, metrics::ResponseTime},
    {"handle_time", "s", kMax, metrics::HandleTime},
    {"talk_ratio", "ratio", kMax, metrics::TalkRatio},
    {"interruptions", "count", kMax, metrics::Interruptions, {"interruption_min"}},
    {"non_talk_time", "count", kMax, metrics::NonTalkTime, {"silence_min", "hold_max"}},
    {"talk_speed", "wpm", kMax, metrics::TalkSpeed},
    {"longest_monologue", "words", kMax, metrics::LongestMonologue},
    {"de_escalation", "ratio", kNone, metrics::DeEscalation},
};

}  // namespace

const std::vector<std::string>& MetricIds() {
  static const std::vector<std::string> k = [] {
    std::vector<std::string> ids;
    for (const MetricDef& d : kMetrics) ids.emplace_back(d.id);
    return ids;
  }();
  return k;
}

const std::vector<std::string>& MetricParameters() {
  static const std::vector<std::string> k = [] {
    std::vector<std::string> names;
    for (const MetricDef& d : kMetrics) {
      for (const char* p : d.parameters)
        if (p != nullptr) names.emplace_back(p);
    }
    return names;
  }();
  return k;
}

std::vector<MetricResult> ComputeMetrics(const Conversation& c,
                                         const std::vector<TextMatches>& turns,
                                         const rules::LanguagePack& pack,
                                         const MetricProfile& profile,
                                         std::vector<std::string>* warnings) {
  metrics::Prep x{c, turns, pack, profile};
  metrics::Prepare(&x, warnings);
  std::vector<MetricResult> out;
  out.reserve(std::size(kMetrics));
  for (const MetricDef& d : kMetrics) {
    MetricResult m;
    m.id = d.id;
    m.unit = d.unit;
    m.direction = d.direction;
    if (d.direction == kMax) m.threshold = profile.Threshold(d.id, c.channel);
    out.push_back(d.compute(x, std::move(m)));
  }
  return out;
}

}  // namespace tact::eval
