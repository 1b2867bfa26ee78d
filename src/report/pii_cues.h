// The redactor's cue words: the words before a number that say what it is
// (an order or ticket number, a phone, a card, an amount) and the currencies
// after one that make it an amount.
//
// The words are data: each language pack's `pii-cue` lines
// (rules/<code>/pack.rules, docs/rules.md), collected by run/vocabulary.h.
// They are compared with normalized text (text/normalize.h), so they are
// normalized too.
#ifndef TACT_REPORT_PII_CUES_H_
#define TACT_REPORT_PII_CUES_H_

#include <string>
#include <vector>

namespace tact::report {

enum class PiiCueKind {
  kId,          // order, ticket, invoice, serial…: the number is no phone
  kPhone,       // phone, mobile, call me…: the number is a phone
  kWeak,        // number, número, номер: a phone unless an id word owns it
  kCard,        // card, tarjeta, карта
  kMoney,       // a currency right before the number: an amount
  kMoneyAfter,  // a currency right after the number: an amount
};

// One cue word. A cue before a number matches at the start of a word ("ref"
// is not in "preferred"); a `whole` one also ends a word ("sak" is not
// "saknar"); an `adjacent` one counts only right before the number ("no.
// 123"). A kMoneyAfter cue starts the text after the number ("%", "руб…"),
// or, when `whole`, is its whole first word ("kr", not "kring").
struct PiiCue {
  PiiCueKind kind = PiiCueKind::kId;
  std::string word;
  bool whole = false;
  bool adjacent = false;
};

using PiiCues = std::vector<PiiCue>;

}  // namespace tact::report

#endif  // TACT_REPORT_PII_CUES_H_
