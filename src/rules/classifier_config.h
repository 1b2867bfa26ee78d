// The token classifier's view of a language pack: match::Classifier knows
// nothing of packs (match sits below rules), so the pack's caller hands it
// only the tables it reads.
#ifndef TACT_RULES_CLASSIFIER_CONFIG_H_
#define TACT_RULES_CLASSIFIER_CONFIG_H_

#include "match/classifier.h"
#include "rules/pack.h"

namespace tact::rules {

// Points into `pack`, which must outlive the classifier built from it.
inline match::ClassifierConfig ClassifierConfigOf(const LanguagePack& pack) {
  match::ClassifierConfig c;
  c.stemmer = pack.stemmer;
  c.atoms = &pack.atoms;
  c.alphabet = &pack.alphabet_set;
  c.acronyms = &pack.acronyms;
  c.abbreviations = &pack.abbreviations;
  c.stopwords = &pack.stopword_set;
  return c;
}

}  // namespace tact::rules

#endif  // TACT_RULES_CLASSIFIER_CONFIG_H_
