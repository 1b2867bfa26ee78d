#include "eval/checks.h"

#include <charconv>

#include "common/strings.h"

namespace tact::eval {
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

}  // namespace

bool ParseCheck(const std::string& expr, Check* out, std::string* error) {
  out->expression = expr;
  size_t op_pos = expr.find_first_of("<>=!");
  if (op_pos == std::string::npos || op_pos == 0) {
    *error =
        "expected 'WHAT OP NUMBER', e.g. 'violated>0' or 'missed:empathy>0', got '" + expr + "'";
    return false;
  }
  std::string lhs(Trim(std::string_view(expr).substr(0, op_pos)));
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
  size_t colon = lhs.find(':');
  std::string head = lhs.substr(0, colon);
  std::string tail = colon == std::string::npos ? "" : lhs.substr(colon + 1);
  if (head == "score" || head == "min_score") {
    if (!tail.empty()) {
      *error = "'" + head + "' takes no behaviour id in '" + expr + "'";
      return false;
    }
    out->what = head == "score" ? Check::What::kScore : Check::What::kMinScore;
    return true;
  }
  if (head == "rate") {
    if (tail.empty()) {
      *error = "expected 'rate:ID', e.g. 'rate:empathy<0.8', got '" + expr + "'";
      return false;
    }
    out->what = Check::What::kRate;
    out->behaviour = tail;
    return true;
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
  all.insert(all.end(), {"rate", "score", "min_score"});
  *error = "unknown measure '" + head + "' in '" + expr + "'" + DidYouMean(head, all) +
           "; expected a status (met, missed, violated, ...), rate, score or min_score";
  return false;
}

void CheckAccumulator::Observe(const ConversationResult& r) {
  for (const auto& b : r.behaviours) {
    std::string s(StatusName(b.status));
    ++counts_[{s, ""}];
    ++counts_[{s, b.id}];
    auto& rate = rates_[b.id];
    if (b.status == Status::kMet || b.status == Status::kClean) {
      ++rate.first;
      ++rate.second;
    } else if (b.status == Status::kMissed || b.status == Status::kViolated) {
      ++rate.second;
    }
  }
  if (r.score >= 0) {
    score_sum_ += r.score;
    ++scored_;
    if (min_score_ < 0 || r.score < min_score_) min_score_ = r.score;
  }
}

std::vector<report::CheckOutcome> CheckAccumulator::Evaluate() const {
  std::vector<report::CheckOutcome> out;
  for (const auto& c : checks_) {
    report::CheckOutcome o;
    o.expression = c.expression;
    bool defined = true;
    switch (c.what) {
      case Check::What::kCount: {
        auto it = counts_.find({c.status, c.behaviour});
        o.value = it == counts_.end() ? 0 : static_cast<double>(it->second);
        break;
      }
      case Check::What::kRate: {
        auto it = rates_.find(c.behaviour);
        defined = it != rates_.end() && it->second.second > 0;
        o.value =
            defined ? static_cast<double>(it->second.first) / static_cast<double>(it->second.second)
                    : 0;
        break;
      }
      case Check::What::kScore:
        defined = scored_ > 0;
        o.value = defined ? score_sum_ / static_cast<double>(scored_) : 0;
        break;
      case Check::What::kMinScore:
        defined = scored_ > 0;
        o.value = defined ? min_score_ : 0;
        break;
    }
    o.failed = defined && Compare(o.value, c.op, c.number);
    out.push_back(o);
  }
  return out;
}

}  // namespace tact::eval
