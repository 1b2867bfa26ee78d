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
  std::vector<MetricResult> out;
  ComputeMetrics(c, turns, pack, profile, warnings, &out);
  return out;
}

namespace {

// *m, perhaps another conversation's metric, as a new one of `d`: every
// field at its default, lists emptied with their memory kept.
void Restart(const MetricDef& d, MetricResult* m) {
  m->id = d.id;
  m->value.reset();
  m->unit = d.unit;
  m->threshold.reset();
  m->direction = d.direction;
  m->status = Status::kNotApplicable;
  m->evidence.clear();
  m->fields.clear();
  m->per_turn.clear();
  m->note.clear();
  m->note_key.clear();
  m->note_args.clear();
  m->title.clear();
  m->explain.clear();
}

}  // namespace

void ComputeMetrics(const Conversation& c, const std::vector<TextMatches>& turns,
                    const rules::LanguagePack& pack, const MetricProfile& profile,
                    std::vector<std::string>* warnings, std::vector<MetricResult>* out) {
  metrics::Prep x{c, turns, pack, profile};
  metrics::Prepare(&x, warnings);
  out->resize(std::size(kMetrics));
  for (size_t i = 0; i < std::size(kMetrics); ++i) {
    const MetricDef& d = kMetrics[i];
    MetricResult& slot = (*out)[i];
    Restart(d, &slot);
    // kMetrics' order is MetricIds()': its index is the profile's.
    if (d.direction == kMax) slot.threshold = profile.Threshold(i, c.channel);
    slot = d.compute(x, std::move(slot));
  }
}

}  // namespace tact::eval
