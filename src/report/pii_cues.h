// The redactor's cue words: the words before a number that say what it is
// (an order or ticket number, a phone, a card, an amount) and the currencies
// after one that make it an amount (text/pii_cue.h), collected over the
// loaded packs by run/vocabulary.h.
#ifndef TACT_REPORT_PII_CUES_H_
#define TACT_REPORT_PII_CUES_H_

#include <vector>

#include "text/pii_cue.h"

namespace tact::report {

using PiiCueKind = text::PiiCueKind;
using PiiCue = text::PiiCue;
using PiiCues = std::vector<PiiCue>;

}  // namespace tact::report

#endif  // TACT_REPORT_PII_CUES_H_
