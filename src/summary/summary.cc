#include "summary/summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/dates.h"
#include "summary/layouts.h"

namespace tact::summary {

void StatusCounts::Add(Status s, uint64_t n) {
  switch (s) {
    case Status::kMet:
      met += n;
      break;
    case Status::kMissed:
      missed += n;
      break;
    case Status::kNotApplicable:
      not_applicable += n;
      break;
    case Status::kClean:
      clean += n;
      break;
    case Status::kViolated:
      violated += n;
      break;
    case Status::kPresent:
      present += n;
      break;
    case Status::kAbsent:
      absent += n;
      break;
  }
}

namespace {

// a += b; false when it overflows (merged summaries come from files).
template <typename T>
bool AddTo(T* a, T b) {
  return !__builtin_add_overflow(*a, b, a);
}

}  // namespace

bool StatusCounts::Merge(const StatusCounts& o) {
  return AddTo(&met, o.met) && AddTo(&missed, o.missed) &&
         AddTo(&not_applicable, o.not_applicable) && AddTo(&clean, o.clean) &&
         AddTo(&violated, o.violated) && AddTo(&present, o.present) && AddTo(&absent, o.absent);
}

uint64_t StatusCounts::Get(Status s) const {
  switch (s) {
    case Status::kMet:
      return met;
    case Status::kMissed:
      return missed;
    case Status::kNotApplicable:
      return not_applicable;
    case Status::kClean:
      return clean;
    case Status::kViolated:
      return violated;
    case Status::kPresent:
      return present;
    case Status::kAbsent:
      return absent;
  }
  return 0;
}

uint64_t StatusCounts::Applicable(BehaviourKind kind) const {
  switch (kind) {
    case BehaviourKind::kExpected:
      return met + missed;
    case BehaviourKind::kAvoid:
      return clean + violated;
    case BehaviourKind::kSignal:
      return present + absent;
  }
  return 0;
}

double StatusCounts::Rate(BehaviourKind kind) const {
  uint64_t n = Applicable(kind);
  if (n == 0) return -1;
  uint64_t good = kind == BehaviourKind::kExpected ? met
                  : kind == BehaviourKind::kAvoid  ? clean
                                                   : present;
  return static_cast<double>(good) / static_cast<double>(n);
}

// Buckets: 0 for exact zero; +k / -k for |v| in [1.01^(k-1), 1.01^k) scaled
// so that values from 1e-3 up are resolved to 1%.
int32_t Histogram::Bucket(double v) {
  if (v == 0 || !std::isfinite(v)) return 0;
  double a = std::fabs(v) * 1000.0;  // milli-units
  int32_t k = a < 1 ? 1 : static_cast<int32_t>(std::floor(std::log(a) / std::log(1.01))) + 2;
  return v < 0 ? -k : k;
}

double Histogram::Representative(int32_t b) {
  if (b == 0) return 0;
  int32_t k = std::abs(b);
  double lo = k == 1 ? 0 : std::pow(1.01, k - 2) / 1000.0;
  double hi = std::pow(1.01, k - 1) / 1000.0;
  double mid = (lo + hi) / 2;
  return b < 0 ? -mid : mid;
}

void Histogram::Add(double v) {
  if (!std::isfinite(v)) return;
  if (count_ == 0) min_ = max_ = v;
  min_ = std::min(min_, v);
  max_ = std::max(max_, v);
  // Saturating: a value past what thousandths in 64 bits hold (1e200 from a
  // broken input) pins the sum instead of overflowing it.
  const double milli = v * 1000.0;
  constexpr double kLimit = 9.2e18;  // just under INT64_MAX
  const int64_t m = std::fabs(milli) < kLimit ? static_cast<int64_t>(std::llround(milli))
                    : milli < 0               ? std::numeric_limits<int64_t>::min()
                                              : std::numeric_limits<int64_t>::max();
  if (__builtin_add_overflow(sum_milli_, m, &sum_milli_))
    sum_milli_ = m < 0 ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
  ++count_;
  const int32_t b = Bucket(v);
  if (window_.empty()) {
    window_.assign(kWindow, 0);
    window_lo_ = b - kWindow / 2;
  }
  if (b >= window_lo_ && b - window_lo_ < kWindow) {
    ++window_[static_cast<size_t>(b - window_lo_)];
    window_dirty_ = true;
  } else {
    ++buckets_[b];
  }
}

void Histogram::Fold() const {
  if (!window_dirty_) return;
  // In key order: each new node goes right before `next`.
  auto next = buckets_.lower_bound(window_lo_);
  for (int32_t i = 0; i < kWindow; ++i) {
    uint64_t& n = window_[static_cast<size_t>(i)];
    if (n == 0) continue;
    auto it = buckets_.try_emplace(next, window_lo_ + i, 0);
    it->second += n;
    next = std::next(it);
    n = 0;
  }
  window_dirty_ = false;
}

bool Histogram::Merge(const Histogram& o) {
  if (o.count_ == 0) return true;
  Fold();
  o.Fold();
  if (count_ == 0) {
    min_ = o.min_;
    max_ = o.max_;
  } else {
    min_ = std::min(min_, o.min_);
    max_ = std::max(max_, o.max_);
  }
  bool ok = AddTo(&count_, o.count_) && AddTo(&sum_milli_, o.sum_milli_);
  for (const auto& [b, n] : o.buckets_) ok = ok && AddTo(&buckets_[b], n);
  return ok;
}

void Histogram::Restore(uint64_t count, int64_t sum_milli, double min, double max,
                        std::map<int32_t, uint64_t> buckets) {
  count_ = count;
  sum_milli_ = sum_milli;
  min_ = min;
  max_ = max;
  buckets_ = std::move(buckets);
  window_.clear();
  window_dirty_ = false;
}

double Histogram::Quantile(double q) const {
  if (count_ == 0) return NAN;
  if (q <= 0) return min_;
  if (q >= 1) return max_;
  // The value at rank ceil(q * count) (nearest-rank).
  uint64_t rank = static_cast<uint64_t>(std::ceil(q * static_cast<double>(count_)));
  if (rank < 1) rank = 1;
  uint64_t seen = 0;
  for (const auto& [b, n] : buckets()) {
    seen += n;
    if (seen >= rank) return std::clamp(Representative(b), min_, max_);
  }
  return max_;
}

bool WorstEntry::operator<(const WorstEntry& o) const {
  // Unscored conversations sort after scored ones.
  double a = score < 0 ? 1e9 : score, b = o.score < 0 ? 1e9 : o.score;
  if (a != b) return a < b;
  if (id != o.id) return id < o.id;
  return source < o.source;
}

bool ParsePeriodDimension(std::string_view dimension, Period* period) {
  constexpr std::string_view kPrefix = "period:";
  return dimension.substr(0, kPrefix.size()) == kPrefix &&
         ParsePeriod(dimension.substr(kPrefix.size()), period);
}

std::string GroupKey(const ConversationResult& r, const std::string& dimension) {
  if (dimension == "agent") return r.agent.empty() ? "(none)" : r.agent;
  if (dimension == "language") return r.language;
  if (dimension == "channel") return std::string(ChannelName(r.channel));
  Period period;
  if (ParsePeriodDimension(dimension, &period)) {
    const std::optional<int> day = MetadataDay(r.metadata);
    return day ? PeriodKey(*day, period) : "(none)";
  }
  const std::string prefix = "metadata.";
  if (dimension.compare(0, prefix.size(), prefix) == 0) {
    std::string key = dimension.substr(prefix.size());
    for (const auto& [k, v] : r.metadata) {
      if (k == key) return v;
    }
  }
  return "(none)";
}

std::string SummaryBuilder::Key(const ConversationResult& r, const std::string& dimension) const {
  std::string key = GroupKey(r, dimension);
  if (key_filter_ && dimension.compare(0, 9, "metadata.") == 0) key = key_filter_(key);
  return key;
}

SummaryBuilder::SummaryBuilder(std::vector<std::string> group_by, size_t worst_n) {
  s_.group_by = std::move(group_by);
  s_.worst_n = worst_n;
}

namespace {

void KeepWorst(std::vector<WorstEntry>* list, WorstEntry e, size_t n) {
  auto pos = std::upper_bound(list->begin(), list->end(), e);
  if (list->size() >= n && pos == list->end()) return;
  list->insert(pos, std::move(e));
  if (list->size() > n) list->pop_back();
}

// Whether an entry for `r` would sort before the last of a non-empty `list`
// (as WorstEntry::operator<, without building the entry).
bool WorseThanLast(const std::vector<WorstEntry>& list, const ConversationResult& r) {
  if (list.empty()) return true;
  const WorstEntry& last = list.back();
  const double a = r.score < 0 ? 1e9 : r.score, b = last.score < 0 ? 1e9 : last.score;
  if (a != b) return a < b;
  if (r.id != last.id) return r.id < last.id;
  return r.source < last.source;
}

}  // namespace

void SummaryBuilder::Add(const ConversationResult& r) {
  ++s_.conversations;
  if (r.unsupported_language()) {
    ++s_.unsupported_languages[r.language];
    for (const auto& dim : s_.group_by) ++s_.groups[dim][Key(r, dim)].conversations;
    return;
  }
  if (r.score >= 0) s_.scores.Add(r.score);
  if (std::any_of(r.behaviours.begin(), r.behaviours.end(),
                  [](const BehaviourResult& b) { return b.status == Status::kViolated; }))
    ++s_.violated_conversations;
  Layout& layout = layouts_.For(r, &s_);
  for (size_t i = 0; i < r.behaviours.size(); ++i)
    AddBehaviour(r, r.behaviours[i], layout.behaviours()[i]);
  for (size_t i = 0; i < r.metrics.size(); ++i) {
    const MetricResult& m = r.metrics[i];
    MetricSummary& ms = *layout.metrics()[i];
    ms.unit = m.unit;
    ms.counts.Add(m.status);
    if (m.value) ms.values.Add(*m.value);
  }
  for (const auto& dim : s_.group_by) {
    GroupSummary& g = s_.groups[dim][Key(r, dim)];
    ++g.conversations;
    if (r.score >= 0) {
      ++g.scored;
      g.score_milli_sum += static_cast<int64_t>(std::llround(r.score * 1000.0));
    }
    const std::vector<StatusCounts*>& counts = layout.GroupCounts(&g);
    for (size_t i = 0; i < r.behaviours.size(); ++i) counts[i]->Add(r.behaviours[i].status);
  }
}

void SummaryBuilder::AddBehaviour(const ConversationResult& r, const BehaviourResult& b,
                                  BehaviourSummary* bs) {
  bs->kind = b.kind;
  if (bs->title.empty() || b.title_en < bs->title) bs->title = b.title_en;  // order-independent
  bs->level = b.level;
  bs->counts.Add(b.status);
  if (b.status != Status::kMissed && b.status != Status::kViolated) return;
  // Most misses do not make the worst list once it is full: no entry built.
  if (bs->worst.size() >= s_.worst_n && !WorseThanLast(bs->worst, r)) return;
  WorstEntry w;
  w.score = r.score;
  w.id = r.id;
  w.source = r.source;
  w.status = b.status;
  if (!b.evidence.empty()) {
    const Evidence& e = b.evidence.front();
    w.turn = e.turn;
    w.quote = e.text.substr(e.span_begin, e.span_end - e.span_begin);
  } else {
    w.quote = b.note;
  }
  KeepWorst(&bs->worst, std::move(w), s_.worst_n);
}

bool SummaryBuilder::Merge(const Summary& o, std::string* error) {
  if (o.group_by != s_.group_by || o.worst_n != s_.worst_n) {
    *error = "summaries were made with different --group-by or --worst settings";
    return false;
  }
  bool ok = AddTo(&s_.inputs, o.inputs) && AddTo(&s_.read, o.read) &&
            AddTo(&s_.analyzed, o.analyzed) && AddTo(&s_.skipped, o.skipped) &&
            AddTo(&s_.conversations, o.conversations) &&
            AddTo(&s_.violated_conversations, o.violated_conversations);
  for (const auto& [lang, n] : o.unsupported_languages)
    ok = ok && AddTo(&s_.unsupported_languages[lang], n);
  ok = ok && s_.scores.Merge(o.scores);
  for (const auto& [id, b] : o.behaviours) {
    BehaviourSummary& bs = s_.behaviours[id];
    bs.kind = b.kind;
    if (bs.title.empty() || b.title < bs.title) bs.title = b.title;
    bs.level = b.level;
    ok = ok && bs.counts.Merge(b.counts);
    for (const auto& w : b.worst) KeepWorst(&bs.worst, w, s_.worst_n);
  }
  for (const auto& [id, m] : o.metrics) {
    MetricSummary& ms = s_.metrics[id];
    ms.unit = m.unit;
    ok = ok && ms.counts.Merge(m.counts) && ms.values.Merge(m.values);
  }
  for (const auto& [dim, groups] : o.groups) {
    for (const auto& [key, g] : groups) {
      GroupSummary& gs = s_.groups[dim][key];
      ok = ok && AddTo(&gs.conversations, g.conversations) && AddTo(&gs.scored, g.scored) &&
           AddTo(&gs.score_milli_sum, g.score_milli_sum);
      for (const auto& [bid, c] : g.behaviours) ok = ok && gs.behaviours[bid].Merge(c);
    }
  }
  if (!ok) {
    *error = "a count overflows when merged: not the summary of a real run";
    return false;
  }
  return true;
}

}  // namespace tact::summary
