// Agreement between tact and human labels: a confusion table per language and
// behaviour, and the statistics a QA lead calibrates with.
//
// Each label is a binary decision: the behaviour shows (met, violated,
// present) or it does not (missed, clean, absent). tact's status is read the
// same way; a behaviour tact did not judge (not applicable, an unsupported
// language) counts as "does not show". Labels of not_applicable are not scored.
#ifndef TACT_AGREEMENT_AGREEMENT_H_
#define TACT_AGREEMENT_AGREEMENT_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tact/result.h"

namespace tact::agreement {

// True for the statuses that mean "the behaviour shows".
bool Shows(Status s);

struct Confusion {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  int n() const { return tp + fp + fn + tn; }
  void Add(bool gold, bool tact);
  void Merge(const Confusion& o);
  // nullopt where the ratio is 0/0.
  std::optional<double> Precision() const;
  std::optional<double> Recall() const;
  std::optional<double> F1() const;
  std::optional<double> Accuracy() const;
  // Cohen's kappa; nullopt when chance agreement is 1 (both sides constant).
  std::optional<double> Kappa() const;
};

// One label where tact disagrees, with what tact saw.
struct Disagreement {
  std::string conversation;  // the label key
  std::string language;
  std::string behaviour;
  Status gold = Status::kMet;
  Status tact = Status::kNotApplicable;
  std::string note;                   // tact's note (unanswered trigger, ...)
  std::vector<std::string> evidence;  // "turn 4 Agent: "...[match]..." (rules/en/x.rules:12)"
};

class Agreement {
 public:
  // Records one label of a conversation judged in `language`.
  void Add(const std::string& language, const std::string& behaviour, bool gold, bool tact);
  void AddConversation(const std::string& language) { ++conversations_[language]; }
  void AddDisagreement(Disagreement d) { disagreements_.push_back(std::move(d)); }

  // language -> behaviour -> counts (sorted by name).
  const std::map<std::string, std::map<std::string, Confusion>>& table() const { return table_; }
  // All behaviours of one language pooled.
  Confusion LanguageTotal(const std::string& language) const;
  // One behaviour across languages.
  Confusion BehaviourTotal(const std::string& behaviour) const;
  Confusion Total() const;
  int conversations(const std::string& language) const;
  int conversations() const;
  std::vector<std::string> behaviours() const;  // every behaviour labelled anywhere, sorted
  const std::vector<Disagreement>& disagreements() const { return disagreements_; }

 private:
  std::map<std::string, std::map<std::string, Confusion>> table_;
  std::map<std::string, int> conversations_;
  std::vector<Disagreement> disagreements_;
};

// A gate over the agreement, e.g. --min-f1 0.85: every (language, behaviour)
// with a defined F1 must reach it; --min-accuracy: every language.
struct GateFailure {
  std::string what;  // "f1 en/empathy" or "accuracy ru"
  double value = 0;
  double limit = 0;
};
std::vector<GateFailure> CheckGates(const Agreement& a, std::optional<double> min_f1,
                                    std::optional<double> min_accuracy,
                                    std::optional<double> min_kappa);

}  // namespace tact::agreement

#endif  // TACT_AGREEMENT_AGREEMENT_H_
