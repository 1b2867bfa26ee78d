#include "agreement/agreement.h"

#include <set>

namespace tact::agreement {

bool Shows(Status s) {
  return s == Status::kMet || s == Status::kViolated || s == Status::kPresent;
}

void Confusion::Add(bool gold, bool tact) {
  if (gold && tact) ++tp;
  else if (!gold && tact) ++fp;
  else if (gold && !tact) ++fn;
  else ++tn;
}

void Confusion::Merge(const Confusion& o) {
  tp += o.tp;
  fp += o.fp;
  fn += o.fn;
  tn += o.tn;
}

std::optional<double> Confusion::Precision() const {
  if (tp + fp == 0) return std::nullopt;
  return static_cast<double>(tp) / (tp + fp);
}

std::optional<double> Confusion::Recall() const {
  if (tp + fn == 0) return std::nullopt;
  return static_cast<double>(tp) / (tp + fn);
}

std::optional<double> Confusion::F1() const {
  if (2 * tp + fp + fn == 0) return std::nullopt;
  return 2.0 * tp / (2 * tp + fp + fn);
}

std::optional<double> Confusion::Accuracy() const {
  if (n() == 0) return std::nullopt;
  return static_cast<double>(tp + tn) / n();
}

std::optional<double> Confusion::Kappa() const {
  if (n() == 0) return std::nullopt;
  const double total = n();
  const double po = (tp + tn) / total;
  const double pe = ((tp + fp) * static_cast<double>(tp + fn) +
                     (fn + tn) * static_cast<double>(fp + tn)) /
                    (total * total);
  if (pe >= 1.0) return std::nullopt;
  return (po - pe) / (1.0 - pe);
}

void Agreement::Add(const std::string& language, const std::string& behaviour, bool gold,
                    bool tact) {
  table_[language][behaviour].Add(gold, tact);
}

Confusion Agreement::LanguageTotal(const std::string& language) const {
  Confusion c;
  auto it = table_.find(language);
  if (it != table_.end())
    for (const auto& [b, conf] : it->second) c.Merge(conf);
  return c;
}

Confusion Agreement::BehaviourTotal(const std::string& behaviour) const {
  Confusion c;
  for (const auto& [lang, rows] : table_) {
    auto it = rows.find(behaviour);
    if (it != rows.end()) c.Merge(it->second);
  }
  return c;
}

Confusion Agreement::Total() const {
  Confusion c;
  for (const auto& [lang, rows] : table_)
    for (const auto& [b, conf] : rows) c.Merge(conf);
  return c;
}

int Agreement::conversations(const std::string& language) const {
  auto it = conversations_.find(language);
  return it == conversations_.end() ? 0 : it->second;
}

int Agreement::conversations() const {
  int n = 0;
  for (const auto& [l, c] : conversations_) n += c;
  return n;
}

std::vector<std::string> Agreement::behaviours() const {
  std::set<std::string> s;
  for (const auto& [lang, rows] : table_)
    for (const auto& [b, conf] : rows) s.insert(b);
  return {s.begin(), s.end()};
}

std::vector<GateFailure> CheckGates(const Agreement& a, std::optional<double> min_f1,
                                    std::optional<double> min_accuracy,
                                    std::optional<double> min_kappa) {
  std::vector<GateFailure> out;
  for (const auto& [lang, rows] : a.table()) {
    if (min_accuracy) {
      auto acc = a.LanguageTotal(lang).Accuracy();
      if (acc && *acc < *min_accuracy) out.push_back({"accuracy " + lang, *acc, *min_accuracy});
    }
    for (const auto& [b, conf] : rows) {
      if (min_f1) {
        auto f1 = conf.F1();
        if (f1 && *f1 < *min_f1) out.push_back({"f1 " + lang + "/" + b, *f1, *min_f1});
      }
      if (min_kappa) {
        auto k = conf.Kappa();
        if (k && *k < *min_kappa) out.push_back({"kappa " + lang + "/" + b, *k, *min_kappa});
      }
    }
  }
  return out;
}

}  // namespace tact::agreement
