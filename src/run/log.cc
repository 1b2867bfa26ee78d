#include "run/log.h"

#include <cstdio>

#include "tact/analyzer.h"

namespace tact::run {
namespace {

// Whether a source already names its line ("chats.jsonl:12").
bool EndsWithLine(const std::string& source, int line) {
  const std::string suffix = ":" + std::to_string(line);
  return source.size() > suffix.size() &&
         source.compare(source.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

void RunLog::Print(const Diagnostic& d) { fprintf(stderr, "%s\n", d.Format().c_str()); }

void RunLog::Problem(const Diagnostic& given) {
  if (!shard_.Owns(given.file + ":" + std::to_string(given.line))) return;
  // An error can quote the input ("cannot parse timestamp '…'") or name a
  // file after a customer: redacted like the report.
  Diagnostic d = given;
  redact_.Problem(&d);
  std::lock_guard<std::mutex> lock(mu_);
  if (quiet_ && d.severity != Severity::kError) return;
  Print(d);
  if (d.severity != Severity::kError) return;
  ++totals_.skipped;
  if (totals_.errors.size() < summary::RunTotals::kMaxRecordedErrors) totals_.errors.push_back(d);
  if (strict_) stop_->store(true);
}

void RunLog::OtherLanguage(const ConversationResult& r) {
  // In input order, like the reader's warnings: a wrong --lang is worth
  // seeing in a CI log, not only inside the report.
  if (r.detected_language.empty() || quiet_) return;
  Diagnostic d = MakeError(r.source, 0, 0, OtherLanguageNote(r));
  d.severity = Severity::kWarning;
  const int line = r.line;
  if (line > 0 && !EndsWithLine(r.source, line)) d.line = line;
  std::lock_guard<std::mutex> lock(mu_);
  Print(d);
}

void RunLog::RunError(const std::string& message) {
  Diagnostic d = MakeError("", 0, 0, message);
  fprintf(stderr, "tact: error: %s\n", d.message.c_str());
  std::lock_guard<std::mutex> lock(mu_);
  if (totals_.skipped == 0) {  // once: an empty file has already said so
    ++totals_.skipped;
    totals_.errors.push_back(d);
  }
}

}  // namespace tact::run
