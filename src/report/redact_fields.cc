// The redaction pass over everything a report or stderr can print that came
// from the input; the detectors are in redact.cc.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
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
//
// Two passes: Look() finds the spans of every quote and name while no text
// has changed yet, Redact() then applies them in the same order. A quote is
// looked up by its turn number and compared in full with the first quote of
// that turn (another text is searched anew), a name among the few seen: no
// hashing, and no copy of a text.
class ResultTexts {
 public:
  explicit ResultTexts(const Redactor& redactor, const ConversationResult& r)
      : redactor_(redactor), customers_(CustomerNames(r)), s_(Scratch()) {
    s_.turns.clear();
    s_.names.clear();
    s_.order.clear();
    s_.found_used = 0;
    s_.next = 0;
  }

  // Pass 1, in the order of pass 2.
  void Look(const Evidence& e) {
    if (e.turn > 0) {
      const size_t t = static_cast<size_t>(e.turn);
      if (t >= s_.turns.size()) s_.turns.resize(t + 1);
      s_.order.push_back(Lookup(&s_.turns[t], e.text));
    } else {
      s_.order.push_back(Found(SpansIn(e.text)));
    }
    Look(e.speaker);
  }
  void Look(const std::string& name) {
    for (Seen& s : s_.names) {
      if (*s.text == name) return s_.order.push_back(s.found);
    }
    Seen& s = s_.names.emplace_back();
    s.text = &name;
    s_.order.push_back(s.found = Found(SpansIn(name)));
  }

  // Pass 2.
  void Redact(Evidence* e) {
    Apply(s_.order[s_.next++], &e->text, &e->span_begin, &e->span_end);
    Redact(&e->speaker);
  }
  void Redact(std::string* name) { Apply(s_.order[s_.next++], name, nullptr, nullptr); }

 private:
  static constexpr uint32_t kNone = ~0u;  // nothing found
  // The first text of its kind and where its spans are.
  struct Seen {
    const std::string* text = nullptr;
    uint32_t found = kNone;
  };
  struct Scratches {
    std::vector<Seen> turns;  // by turn number
    std::vector<Seen> names;
    std::vector<std::vector<PiiSpan>> found;  // [0, found_used) in use
    size_t found_used = 0;
    std::vector<uint32_t> order;  // per text of pass 1: its spans (index in found), or kNone
    size_t next = 0;              // pass 2's position in `order`
  };
  // One per thread, kept: no allocation per result.
  static Scratches& Scratch() {
    thread_local Scratches s;
    return s;
  }

  uint32_t Lookup(Seen* seen, const std::string& t) {
    if (seen->text != nullptr && *seen->text == t) return seen->found;
    const uint32_t found = Found(SpansIn(t));
    if (seen->text == nullptr) *seen = {&t, found};
    return found;
  }

  // Keeps non-empty spans; their index.
  uint32_t Found(std::vector<PiiSpan> spans) {
    if (spans.empty()) return kNone;
    if (s_.found_used == s_.found.size()) s_.found.emplace_back();
    s_.found[s_.found_used] = std::move(spans);
    return static_cast<uint32_t>(s_.found_used++);
  }

  std::vector<PiiSpan> SpansIn(const std::string& t) const {
    std::vector<PiiSpan> spans = redactor_.Find(t);
    if (!customers_.empty()) AddNames(t, customers_, &spans);
    return spans;
  }

  // Nothing found (most texts): the text and its span stay as they are.
  void Apply(uint32_t found, std::string* t, size_t* begin, size_t* end) const {
    if (found != kNone) *t = Redactor::Apply(*t, s_.found[found], begin, end);
  }

  const Redactor& redactor_;
  const std::vector<std::string> customers_;
  Scratches& s_;
};

// Redacts *t, searched on its own (a summary's quotes, one per finding and
// seldom the same text twice; a result's warnings).
void Searched(const Redactor& redactor, const std::vector<std::string>& customers, std::string* t,
              size_t* begin = nullptr, size_t* end = nullptr) {
  std::vector<PiiSpan> spans = redactor.Find(*t);
  if (!customers.empty()) AddNames(*t, customers, &spans);
  if (!spans.empty()) *t = Redactor::Apply(*t, spans, begin, end);
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

void Redactor::RedactResult(ConversationResult* r) const {
  ResultTexts texts(*this, *r);
  for (const auto& b : r->behaviours) {
    for (const auto& e : b.evidence) texts.Look(e);
  }
  for (const auto& f : r->focus) {
    if (f.evidence) texts.Look(*f.evidence);
  }
  for (const auto& s : r->speakers) texts.Look(s.name);
  for (auto& b : r->behaviours) {
    for (auto& e : b.evidence) texts.Redact(&e);
  }
  for (auto& f : r->focus) {
    if (f.evidence) texts.Redact(&*f.evidence);
  }
  for (auto& s : r->speakers) texts.Redact(&s.name);
  // Warnings quote speaker names ("speaker 'Anna' is taken for the customer").
  const std::vector<std::string> customers = CustomerNames(*r);
  for (auto& w : r->warnings) Searched(*this, customers, &w);
  r->id = Redact(r->id);
  r->source = RedactPath(r->source);
  r->agent = Redact(r->agent);
}

void Redactor::RedactForSummary(ConversationResult* r) const {
  const std::vector<std::string> customers = CustomerNames(*r);
  for (auto& b : r->behaviours) {
    if ((b.status != Status::kMissed && b.status != Status::kViolated) || b.evidence.empty())
      continue;
    Evidence& e = b.evidence.front();
    Searched(*this, customers, &e.text, &e.span_begin, &e.span_end);
    Searched(*this, customers, &e.speaker);
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
