// Metric thresholds and parameters: the defaults in rules/thresholds.conf,
// then --profile files, then --threshold overrides. Each metric has a
// threshold per channel (or none: the metric is reported without a status).
// Immutable after loading; thread-safe.
#ifndef TACT_EVAL_METRIC_PROFILE_H_
#define TACT_EVAL_METRIC_PROFILE_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tact/conversation.h"
#include "tact/diagnostic.h"

namespace tact::eval {

class MetricProfile {
 public:
  // The metric ids and parameters a profile may set.
  static const std::vector<std::string>& Metrics();
  static const std::vector<std::string>& Parameters();

  // Parses `text` (file syntax) on top of the current settings; errors are
  // located at `file`:line.
  bool Parse(const std::string& file, const std::string& text, Diagnostics* diags);
  // One "--threshold" value: "id=value" (every channel) or "id.chat=value" /
  // "id.call=value" / "id.email=value".
  bool Override(const std::string& spec, std::string* error);

  std::optional<double> Threshold(std::string_view metric, Channel channel) const;
  // The same for Metrics()[metric], looked up when the profile was set, not
  // per call.
  std::optional<double> Threshold(size_t metric, Channel channel) const {
    return metric < thresholds_.size() ? thresholds_[metric][static_cast<size_t>(channel)]
                                       : std::nullopt;
  }
  double Parameter(const std::string& name, double fallback) const;

 private:
  bool Set(const std::string& key, double value, std::string* error);
  // "metric.chat", "metric.call", "parameter"; searched with views (no
  // key built per conversation).
  std::map<std::string, double, std::less<>> values_;
  // By Metrics() index, then Channel: what Threshold(id, channel) says.
  std::vector<std::array<std::optional<double>, 3>> thresholds_;
};

// The built-in profile (rules/thresholds.conf compiled into the binary).
MetricProfile BuiltinMetricProfile();

}  // namespace tact::eval

#endif  // TACT_EVAL_METRIC_PROFILE_H_
