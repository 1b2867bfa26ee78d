// The redaction pass over everything a report or stderr can print that came
// from the input; the detectors are in redact.cc.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "report/redact.h"

namespace tact::report {
namespace {

constexpr const char* kName = "[NAME]";

bool WordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

// The customer's own name, when the input gives one (not a role word such as
// "Customer" or "Cliente"), and its capitalized parts of three or more
// letters ("Ana Garcia": "Ana Garcia", "Garcia", "Ana"), longest first: an
// agent writes "Hi Ana".
std::vector<std::string> CustomerNames(const ConversationResult& r) {
  std::vector<std::string> names;
  auto add = [&](std::string n) {
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(std::move(n));
  };
  for (const auto& s : r.speakers) {
    if (s.role != Role::kCustomer || s.source == RoleSource::kRoleWord || s.name.empty()) continue;
    add(s.name);
    size_t i = 0;
    while (i < s.name.size()) {
      while (i < s.name.size() && !WordByte(s.name[i])) ++i;
      size_t j = i;
      while (j < s.name.size() && WordByte(s.name[j])) ++j;
      if (j - i >= 3 && std::isupper(static_cast<unsigned char>(s.name[i])))
        add(s.name.substr(i, j - i));
      i = j;
    }
  }
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return names;
}

// Whole-word occurrences of `names` in `text`, as [NAME] spans, added to
// `spans` where they overlap nothing found already.
void AddNames(std::string_view text, const std::vector<std::string>& names,
              std::vector<PiiSpan>* spans) {
  for (const auto& n : names) {
    for (size_t at = text.find(n); at != std::string_view::npos; at = text.find(n, at + 1)) {
      const size_t end = at + n.size();
      if ((at > 0 && WordByte(text[at - 1])) || (end < text.size() && WordByte(text[end])))
        continue;
      bool overlaps = false;
      for (const auto& s : *spans) overlaps |= at < s.end && s.begin < end;
      if (!overlaps) spans->push_back({at, end, kName});
    }
  }
  std::sort(spans->begin(), spans->end(),
            [](const PiiSpan& a, const PiiSpan& b) { return a.begin < b.begin; });
}

}  // namespace

std::string Redactor::RedactPath(std::string_view path) const {
  // "path:line" keeps its line number.
  size_t colon = path.rfind(':');
  if (colon != std::string_view::npos && colon + 1 < path.size() &&
      std::all_of(path.begin() + static_cast<std::ptrdiff_t>(colon) + 1, path.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return RedactPath(path.substr(0, colon)) + std::string(path.substr(colon));
  std::string out;
  size_t i = 0;
  while (i <= path.size()) {
    size_t slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(i, slash - i);
    // The extension stays: "ana@example.com.txt" is an e-mail, then ".txt".
    size_t dot = part.rfind('.');
    std::string_view ext;
    if (dot != std::string_view::npos && dot > 0 && part.size() - dot <= 6) {
      ext = part.substr(dot);
      part = part.substr(0, dot);
    }
    out += Redact(part);
    out += ext;
    if (slash < path.size()) out += '/';
    i = slash + 1;
  }
  return out;
}

void Redactor::RedactText(const std::vector<std::string>& customers, std::string* t, size_t* begin,
                          size_t* end) const {
  std::vector<PiiSpan> spans = Find(*t);
  if (!customers.empty()) AddNames(*t, customers, &spans);
  *t = Apply(*t, spans, begin, end);
}

void Redactor::RedactResult(ConversationResult* r) const {
  const std::vector<std::string> customers = CustomerNames(*r);
  auto text = [&](std::string* t, size_t* begin, size_t* end) {
    RedactText(customers, t, begin, end);
  };
  auto evidence = [&](Evidence* e) {
    text(&e->text, &e->span_begin, &e->span_end);
    text(&e->speaker, nullptr, nullptr);
  };
  for (auto& b : r->behaviours) {
    for (auto& e : b.evidence) evidence(&e);
  }
  for (auto& f : r->focus) {
    if (f.evidence) evidence(&*f.evidence);
  }
  // Warnings quote speaker names ("speaker 'Anna' is taken for the customer").
  for (auto& w : r->warnings) text(&w, nullptr, nullptr);
  for (auto& s : r->speakers) text(&s.name, nullptr, nullptr);
  r->id = Redact(r->id);
  r->source = RedactPath(r->source);
  r->agent = Redact(r->agent);
}

void Redactor::RedactForSummary(ConversationResult* r) const {
  const std::vector<std::string> customers = CustomerNames(*r);
  auto text = [&](std::string* t, size_t* begin, size_t* end) {
    RedactText(customers, t, begin, end);
  };
  for (auto& b : r->behaviours) {
    if ((b.status != Status::kMissed && b.status != Status::kViolated) || b.evidence.empty())
      continue;
    Evidence& e = b.evidence.front();
    text(&e.text, &e.span_begin, &e.span_end);
    text(&e.speaker, nullptr, nullptr);
  }
  r->id = Redact(r->id);
  r->source = RedactPath(r->source);
  r->agent = Redact(r->agent);
}

void Redactor::RedactDiagnostic(Diagnostic* d) const {
  d->file = RedactPath(d->file);
  d->message = Redact(d->message);
  d->source_line = Redact(d->source_line);
}

}  // namespace tact::report
