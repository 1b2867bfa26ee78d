// PII redaction for everything a report prints.
//
// Finds e-mail addresses (any script: josé.garcía@correo.es, anna@müller.de,
// иван@почта.рф; and obfuscated or spoken: "john dot doe at gmail dot com",
// "john [at] gmail [dot] com", "juan arroba gmail punto com", "ola krøllalfa
// online punktum no", "anna snabel-a telia punkt se", "ivan собака mail
// точка ru"), phone numbers (international "+CC …" or "00CC …", grouped
// national numbers, and plain mobiles of Norway 4/9xxxxxxx, Spain 6/7xxxxxxxx,
// the US (NANP) and trunk-prefixed UK/SE/RU numbers), payment card numbers
// (13-19 digits starting 2-6 and passing the Luhn check), IBANs (any case,
// grouped or not, with the country's registered length and mod 97) and user
// patterns (RE2), and replaces them with [EMAIL], [PHONE], [CARD], [IBAN] or
// [NAME].
//
// Left alone: numbers whose closest cue word is an order, ticket, case,
// invoice, tracking, serial, SKU, version… word, amounts (a currency before or
// after, decimals, percentages), dates, year ranges, times, IPv4 addresses,
// ZIP+4 codes and version strings. The cue words are the packs' `pii-cue`
// lines (report/pii_cues.h); the words of spoken addresses ("dot", "arroba",
// "собака") are this file's own, each anchored on one of its rare bytes.
// tests/data/pii/cases.tsv holds the shared matrix of both kinds.
//
// Matching and scoring run on the original text; RedactResult() rewrites a
// result's evidence and moves each match span so it still points at the same
// words. Thread-safe once built.
#ifndef TACT_REPORT_REDACT_H_
#define TACT_REPORT_REDACT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "report/pii_cues.h"
#include "tact/diagnostic.h"
#include "tact/result.h"

namespace re2 {
class RE2;
}

namespace tact::report {

struct PiiSpan {
  size_t begin, end;
  std::string placeholder;  // "[EMAIL]"
};

struct CueIndex;  // redact.cc

class Redactor {
 public:
  // A redactor that reads numbers with `cues` (run/vocabulary.h collects
  // them from the packs; with none, a number is a phone by its form alone).
  explicit Redactor(const PiiCues& cues);
  ~Redactor();
  // Adds a pattern "NAME=REGEX" (RE2); its matches become "[NAME]". False
  // with *error for a bad spec or regex.
  bool AddPattern(const std::string& spec, std::string* error);

  // The PII in `text`, sorted and non-overlapping.
  std::vector<PiiSpan> Find(std::string_view text) const;
  // `text` with PII replaced; *begin/*end (byte offsets into `text`), when
  // given, are moved to the same words in the result.
  std::string Redact(std::string_view text, size_t* begin = nullptr, size_t* end = nullptr) const;
  // `text` with the given spans (sorted, non-overlapping) replaced, offsets
  // moved as by Redact().
  static std::string Apply(std::string_view text, const std::vector<PiiSpan>& spans,
                           size_t* begin = nullptr, size_t* end = nullptr);
  // A file name with its folders and extension kept apart ("a@b.com.txt" ->
  // "[EMAIL].txt"), and a "path:line" source with its line.
  std::string RedactPath(std::string_view path) const;
  // Redacts everything of a result a report can print (redact_fields.cc):
  // evidence texts (spans kept valid), the id, the source (file name), the
  // agent, speaker names and warnings. A customer's name, when the input
  // gives one (not a role word such as "Customer"), becomes [NAME].
  void RedactResult(ConversationResult* r) const;
  // Redacts only what a summary prints of a result (summary::SummaryBuilder):
  // the id, source and agent, and the first evidence of each missed or
  // violated behaviour (its worst-case quote). For --summary runs, where the
  // rest of the result is never printed and redacting it was wasted work.
  void RedactForSummary(ConversationResult* r) const;
  // Redacts a diagnostic's file name, message and quoted source line, for
  // stderr and for the errors a report lists.
  void RedactDiagnostic(Diagnostic* d) const;

 private:
  struct Extra;
  std::vector<std::unique_ptr<Extra>> extra_;
  std::unique_ptr<const CueIndex> cues_;
};

// Checks used by the detector, exposed for tests. LuhnValid: 13-19 digits
// passing Luhn. IbanValid: a compact IBAN (no spaces, letters in either
// case) of a registry country, with that country's length, passing mod 97.
bool LuhnValid(std::string_view digits);
bool IbanValid(std::string_view compact);

}  // namespace tact::report

#endif  // TACT_REPORT_REDACT_H_
