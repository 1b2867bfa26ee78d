#include "summary/checks.h"

#include <algorithm>
#include <charconv>

#include "common/strings.h"

namespace tact::summary {
namespace {

const std::vector<std::string>& Statuses() {
  static const std::vector<std::string> k = {"met",      "missed",  "not_applicable", "clean",
                                             "violated", "present", "absent"};
  return k;
}

bool Compare(double a, const std::string& op, double b) {
  if (op == ">") return a > b;
  if (op == ">=") return a >= b;
  if (op == "<") return a < b;
  if (op == "<=") return a <= b;
  if (op == "==") return a == b;
  return a != b;
}

// The measures other than a status count, as a table: `HEAD[:TAIL] OP N`.
// Each parser fills what it reads of *out, or sets *error.
using MeasureParser = bool (*)(const std::string& head, const std::string& tail,
                               const std::string& expr, Check* out, std::string* error);

bool ParseRate(const std::string&, const std::string& tail, const std::string& expr, Check* out,
               std::string* error) {
  if (tail.empty()) {
    *error = "expected 'rate:ID', e.g. 'rate:empathy<0.8', got '" + expr + "'";
    return false;
  }
  out->what = Check::What::kRate;
  out->behaviour = tail;
  return true;
}

bool ParseScore(const std::string& head, const std::string& tail, const std::string& expr,
                Check* out, std::string* error) {
  if (!tail.empty()) {
    *error = "'" + head + "' takes no behaviour id in '" + expr + "'";
    return false;
  }
  out->what = head == "score" ? Check::What::kScore : Check::What::kMinScore;
  return true;
}

bool ParseMetric(const std::string&, const std::string& tail, const std::string& expr, Check* out,
                 std::string* error) {
  size_t dot = tail.rfind('.');
  static const std::vector<std::string> kStats = {"median", "p90", "max", "min", "mean"};
  std::string stat = dot == std::string::npos ? "" : tail.substr(dot + 1);
  if (dot == std::string::npos || dot == 0 ||
      std::find(kStats.begin(), kStats.end(), stat) == kStats.end()) {
    *error =
        "expected 'metric:ID.STAT' with STAT one of median, p90, max, min, mean, e.g. "
        "'metric:first_response_time.p90>120', got '" +
        expr + "'";
    return false;
  }
  out->what = Check::What::kMetric;
  out->behaviour = tail.substr(0, dot);
  out->stat = stat;
  return true;
}

struct Measure {
  const char* head;
  MeasureParser parse;
};

// In the order the did-you-mean offers them, after the statuses.
constexpr Measure kMeasures[] = {
    {"rate", ParseRate}, {"score", ParseScore}, {"min_score", ParseScore}, {"metric", ParseMetric}};

// `WHAT OP NUMBER`: splits the comparison off; false with *error set.
bool ParseComparison(const std::string& expr, Check* out, std::string* lhs, std::string* error) {
  size_t op_pos = expr.find_first_of("<>=!");
  if (op_pos == std::string::npos || op_pos == 0) {
    *error =
        "expected 'WHAT OP NUMBER', e.g. 'violated>0' or 'missed:empathy>0', got '" + expr + "'";
    return false;
  }
  *lhs = std::string(Trim(std::string_view(expr).substr(0, op_pos)));
  size_t num_pos = op_pos;
  while (num_pos < expr.size() &&
         std::string_view("<>=!").find(expr[num_pos]) != std::string_view::npos)
    ++num_pos;
  out->op = expr.substr(op_pos, num_pos - op_pos);
  if (out->op != ">" && out->op != ">=" && out->op != "<" && out->op != "<=" && out->op != "==" &&
      out->op != "!=") {
    *error = "unknown comparison '" + out->op + "' in '" + expr + "'; expected > >= < <= == or !=";
    return false;
  }
  std::string_view num = Trim(std::string_view(expr).substr(num_pos));
  auto r = std::from_chars(num.data(), num.data() + num.size(), out->number);
  if (num.empty() || r.ec != std::errc() || r.ptr != num.data() + num.size()) {
    *error = "expected a number after '" + out->op + "' in '" + expr + "'";
    return false;
  }
  return true;
}

}  // namespace

bool ParseCheck(const std::string& expr, Check* out, std::string* error) {
  out->expression = expr;
  std::string lhs;
  if (!ParseComparison(expr, out, &lhs, error)) return false;
  size_t colon = lhs.find(':');
  std::string head = lhs.substr(0, colon);
  std::string tail = colon == std::string::npos ? "" : lhs.substr(colon + 1);
  for (const Measure& m : kMeasures) {
    if (head == m.head) return m.parse(head, tail, expr, out, error);
  }
  for (const auto& s : Statuses()) {
    if (s == head) {
      out->what = Check::What::kCount;
      out->status = head;
      out->behaviour = tail;
      return true;
    }
  }
  std::vector<std::string> all = Statuses();
  for (const Measure& m : kMeasures) all.emplace_back(m.head);
  *error = "unknown measure '" + head + "' in '" + expr + "'" + DidYouMean(head, all) +
           "; expected a status (met, missed, violated, ...), rate, score or min_score";
  return false;
}

bool CheckNamesKnown(const Check& c, const std::vector<std::string>& behaviours,
                     const std::vector<std::string>& metrics, std::string* error) {
  const bool is_metric = c.what == Check::What::kMetric;
  if (c.behaviour.empty()) return true;  // score, min_score, a status over all behaviours
  const std::vector<std::string>& known = is_metric ? metrics : behaviours;
  if (std::find(known.begin(), known.end(), c.behaviour) != known.end()) return true;
  *error = std::string(is_metric ? "unknown metric '" : "unknown behaviour '") + c.behaviour + "'" +
           DidYouMean(c.behaviour, known);
  return false;
}

namespace {

// error < warning < info: a level passes when it is at least as severe.
bool AtLeast(Level l, Level min) { return static_cast<int>(l) <= static_cast<int>(min); }

}  // namespace

std::vector<summary::CheckOutcome> EvaluateChecks(const std::vector<Check>& checks,
                                                  const summary::Summary& s, Level min_level) {
  std::vector<summary::CheckOutcome> out;
  for (const auto& c : checks) {
    summary::CheckOutcome o;
    o.expression = c.expression;
    bool defined = true;
    switch (c.what) {
      case Check::What::kCount: {
        Status st = Status::kMet;
        for (Status x : {Status::kMet, Status::kMissed, Status::kNotApplicable, Status::kClean,
                         Status::kViolated, Status::kPresent, Status::kAbsent}) {
          if (StatusName(x) == c.status) st = x;
        }
        uint64_t n = 0;
        for (const auto& [id, b] : s.behaviours) {
          if (!c.behaviour.empty() && id != c.behaviour) continue;
          if (c.behaviour.empty() && b.kind == BehaviourKind::kAvoid &&
              !AtLeast(b.level, min_level))
            continue;
          n += b.counts.Get(st);
        }
        o.value = static_cast<double>(n);
        break;
      }
      case Check::What::kRate: {
        auto it = s.behaviours.find(c.behaviour);
        double r = it == s.behaviours.end() ? -1 : it->second.counts.Rate(it->second.kind);
        defined = r >= 0;
        o.value = defined ? r : 0;
        if (!defined) o.na = "never applied";
        break;
      }
      case Check::What::kScore:
      case Check::What::kMinScore:
        defined = s.scores.count() > 0;
        o.value = !defined ? 0 : c.what == Check::What::kScore ? s.scores.mean() : s.scores.min();
        if (!defined) o.na = "no scored conversation";
        break;
      case Check::What::kMetric: {
        auto it = s.metrics.find(c.behaviour);
        defined = it != s.metrics.end() && it->second.values.count() > 0;
        if (!defined) o.na = "no value";
        if (defined) {
          const summary::Histogram& h = it->second.values;
          o.value = c.stat == "median" ? h.Quantile(0.5)
                    : c.stat == "p90"  ? h.Quantile(0.9)
                    : c.stat == "max"  ? h.max()
                    : c.stat == "min"  ? h.min()
                                       : h.mean();
        }
        break;
      }
    }
    o.failed = defined && Compare(o.value, c.op, c.number);
    out.push_back(o);
  }
  return out;
}

}  // namespace tact::summary
