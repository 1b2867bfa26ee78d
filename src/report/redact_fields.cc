// The redaction pass over everything a report or stderr can print that came
// from the input; the detectors are in redact.cc.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_map>
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

// Redacts the texts of one result, each distinct text searched once: the
// evidence of every behaviour that matched a turn quotes that turn in full
// (the same text a dozen times in a long conversation), and a speaker's name
// comes back with each of its turns. The spans found depend on the text alone
// (and the result's customer names), so reusing them changes nothing.
class ResultTexts {
 public:
  // `reuse` false: every text is searched (a summary redacts one quote per
  // finding, seldom the same text twice, and keeping them cost more).
  ResultTexts(const Redactor& redactor, const ConversationResult& r, bool reuse)
      : redactor_(redactor), customers_(CustomerNames(r)), reuse_(reuse) {}

  // Redacts *t; keeps the evidence span [*begin, *end) on the same words when given.
  void Redact(std::string* t, size_t* begin = nullptr, size_t* end = nullptr) {
    if (!reuse_) {
      Apply(SpansIn(*t), t, begin, end);
      return;
    }
    auto [it, added] = spans_.try_emplace(*t);
    if (added) it->second = SpansIn(*t);
    Apply(it->second, t, begin, end);
  }

  void Quote(Evidence* e) {
    Redact(&e->text, &e->span_begin, &e->span_end);
    Redact(&e->speaker);
  }

 private:
  std::vector<PiiSpan> SpansIn(const std::string& t) const {
    std::vector<PiiSpan> spans = redactor_.Find(t);
    if (!customers_.empty()) AddNames(t, customers_, &spans);
    return spans;
  }

  // Nothing found (most texts): the text and its span stay as they are.
  static void Apply(const std::vector<PiiSpan>& spans, std::string* t, size_t* begin, size_t* end) {
    if (!spans.empty()) *t = Redactor::Apply(*t, spans, begin, end);
  }

  const Redactor& redactor_;
  const std::vector<std::string> customers_;
  const bool reuse_;
  // A text's hash reads its length and at most its first and last 64 bytes:
  // quotes of different turns nearly always differ there, equal ones are
  // compared in full anyway, and hashing whole turns was a fifth of the pass.
  struct EndsHash {
    size_t operator()(const std::string& t) const {
      const std::string_view v(t);
      if (v.size() <= 128) return std::hash<std::string_view>{}(v);
      return std::hash<std::string_view>{}(v.substr(0, 64)) ^
             (std::hash<std::string_view>{}(v.substr(v.size() - 64)) * 31) ^ v.size();
    }
  };
  std::unordered_map<std::string, std::vector<PiiSpan>, EndsHash> spans_;  // by original text
};

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

void Redactor::RedactResult(ConversationResult* r) const {
  ResultTexts texts(*this, *r, true);
  for (auto& b : r->behaviours) {
    for (auto& e : b.evidence) texts.Quote(&e);
  }
  for (auto& f : r->focus) {
    if (f.evidence) texts.Quote(&*f.evidence);
  }
  // Warnings quote speaker names ("speaker 'Anna' is taken for the customer").
  for (auto& w : r->warnings) texts.Redact(&w);
  for (auto& s : r->speakers) texts.Redact(&s.name);
  r->id = Redact(r->id);
  r->source = RedactPath(r->source);
  r->agent = Redact(r->agent);
}

void Redactor::RedactForSummary(ConversationResult* r) const {
  ResultTexts texts(*this, *r, false);
  for (auto& b : r->behaviours) {
    if ((b.status != Status::kMissed && b.status != Status::kViolated) || b.evidence.empty())
      continue;
    texts.Quote(&b.evidence.front());
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
