// A cue word near a number and what it says about the number: an order or
// ticket id, a phone, a card, an amount.
//
// The words are data: each language pack's `pii-cue` lines (rules/<code>/
// pack.rules, docs/rules.md). The rule parser reads them (rules::PiiCueDecl),
// run/vocabulary.h collects them over the loaded packs, and the redactor
// (report::PiiCues) uses them. They are compared with normalized text
// (text/normalize.h), so they are normalized too.
#ifndef TACT_TEXT_PII_CUE_H_
#define TACT_TEXT_PII_CUE_H_

#include <string>

namespace tact::text {

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
  bool operator==(const PiiCue&) const = default;
  auto operator<=>(const PiiCue&) const = default;
};

}  // namespace tact::text

#endif  // TACT_TEXT_PII_CUE_H_
