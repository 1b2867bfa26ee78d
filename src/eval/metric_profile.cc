#include "eval/metric_profile.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include "common/strings.h"
#include "eval/metrics.h"
#include "rules/builtin.h"

namespace tact::eval {

const std::vector<std::string>& MetricProfile::Metrics() { return MetricIds(); }

const std::vector<std::string>& MetricProfile::Parameters() { return MetricParameters(); }

bool MetricProfile::Set(const std::string& key, double value, std::string* error) {
  if (!std::isfinite(value) || value < 0) {
    *error = "value for '" + key + "' must be a non-negative number";
    return false;
  }
  for (const auto& p : Parameters()) {
    if (key == p) {
      values_[key] = value;
      return true;
    }
  }
  std::string metric = key, channel;
  size_t dot = key.find('.');
  if (dot != std::string::npos) {
    metric = key.substr(0, dot);
    channel = key.substr(dot + 1);
    if (channel != "chat" && channel != "call" && channel != "email") {
      *error = "unknown channel '" + channel + "' in '" + key + "' (expected chat, call or email)";
      return false;
    }
  }
  bool known = false;
  for (const auto& m : Metrics()) known |= m == metric;
  if (!known) {
    std::vector<std::string> all = Metrics();
    all.insert(all.end(), Parameters().begin(), Parameters().end());
    *error = "unknown metric '" + metric + "'" + DidYouMean(metric, all);
    return false;
  }
  if (channel.empty() || channel == "chat") values_[metric + ".chat"] = value;
  if (channel.empty() || channel == "call") values_[metric + ".call"] = value;
  if (channel.empty() || channel == "email") values_[metric + ".email"] = value;
  thresholds_.resize(Metrics().size());
  for (size_t i = 0; i < Metrics().size(); ++i) {
    for (Channel ch : {Channel::kChat, Channel::kCall, Channel::kEmail})
      thresholds_[i][static_cast<size_t>(ch)] = Threshold(Metrics()[i], ch);
  }
  return true;
}

bool MetricProfile::Override(const std::string& spec, std::string* error) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos) {
    *error = "expected ID=VALUE, e.g. first_response_time.chat=90, got '" + spec + "'";
    return false;
  }
  std::string key(Trim(std::string_view(spec).substr(0, eq)));
  std::string_view num = Trim(std::string_view(spec).substr(eq + 1));
  double v;
  auto r = std::from_chars(num.data(), num.data() + num.size(), v);
  if (num.empty() || r.ec != std::errc() || r.ptr != num.data() + num.size()) {
    *error = "expected a number after '=' in '" + spec + "'";
    return false;
  }
  return Set(key, v, error);
}

bool MetricProfile::Parse(const std::string& file, const std::string& text, Diagnostics* diags) {
  bool ok = true;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line = Trim(std::string_view(text).substr(pos, nl - pos));
    ++line_no;
    pos = nl + 1;
    if (line.empty() || line[0] == '#') {
      if (nl == text.size()) break;
      continue;
    }
    size_t hash = line.find(" #");
    if (hash != std::string_view::npos) line = Trim(line.substr(0, hash));
    std::string error;
    if (!Override(std::string(line), &error)) {
      diags->push_back(MakeError(file, line_no, 1, error));
      ok = false;
    }
    if (nl == text.size()) break;
  }
  return ok;
}

std::optional<double> MetricProfile::Threshold(std::string_view metric, Channel channel) const {
  // The key "metric.channel", on the stack (a string only for a longer id
  // than any metric has).
  const std::string_view ch = ChannelName(channel);
  const size_t n = metric.size() + 1 + ch.size();
  char buf[64];
  std::string long_key;
  char* key = buf;
  if (n > sizeof buf) {
    long_key.resize(n);
    key = long_key.data();
  }
  std::memcpy(key, metric.data(), metric.size());
  key[metric.size()] = '.';
  std::memcpy(key + metric.size() + 1, ch.data(), ch.size());
  auto it = values_.find(std::string_view(key, n));
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

double MetricProfile::Parameter(const std::string& name, double fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

MetricProfile BuiltinMetricProfile() {
  MetricProfile p;
  for (const rules::EmbeddedFile* f : rules::BuiltinFilesEndingWith("thresholds.conf")) {
    Diagnostics d;
    p.Parse(f->path, std::string(f->data, f->size),
            &d);  // tested in CTest: the built-in file parses
  }
  return p;
}

}  // namespace tact::eval
