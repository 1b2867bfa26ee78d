// Plain-text transcripts: "[hh:mm:ss] Speaker: text" per line.
#include <map>
#include <optional>

#include "common/strings.h"
#include "input/reader.h"
#include "input/stream.h"
#include "input/timestamp.h"

namespace tact::input {
namespace {

struct Line {
  int number = 0;
  std::optional<double> time;
  std::string label;          // candidate speaker label, "" if none
  std::string_view rest;      // text after the label (or the whole line)
  std::string_view body;      // text after the timestamp
  std::string_view bad_time;  // a leading "[..]" that looks like a time but is none
};

// "00:00:61", "1:75": digits and colons (or dots), at least one colon.
bool LooksLikeClock(std::string_view s) {
  if (s.empty() || s.find(':') == std::string_view::npos) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || c == ':' || c == '.' || c == ',')) return false;
  return true;
}

bool HasLetter(std::string_view s) {
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) return true;
  }
  return false;
}

// Splits off a leading "[hh:mm:ss]", "(mm:ss)" or bare "hh:mm:ss".
// A bracketed time that does not parse ("[00:00:61]") is stripped too and
// returned in *bad, so the line keeps its speaker and the reader can warn.
std::string_view StripTime(std::string_view s, std::optional<double>* time, std::string_view* bad) {
  if (s.empty()) return s;
  if (s[0] == '[' || s[0] == '(') {
    char close = s[0] == '[' ? ']' : ')';
    size_t e = s.find(close);
    if (e != std::string_view::npos && e < 40) {
      double v;
      const std::string_view inside = Trim(s.substr(1, e - 1));
      if (ParseClock(inside, &v)) {
        *time = v;
        s.remove_prefix(e + 1);
      } else if (LooksLikeClock(inside)) {
        *bad = s.substr(0, e + 1);
        s.remove_prefix(e + 1);
      }
    }
  } else if (s[0] >= '0' && s[0] <= '9') {
    size_t e = 0;
    while (e < s.size() && s[e] != ' ' && s[e] != '\t') ++e;
    double v;
    std::string_view tok = s.substr(0, e);
    if (!tok.empty() && (tok.back() == '-' || tok.back() == '|')) tok.remove_suffix(1);
    if (ParseClock(tok, &v)) {
      *time = v;
      s.remove_prefix(e);
    }
  }
  s = Trim(s);
  if (time->has_value() && !s.empty() && (s[0] == '-' || s[0] == '|')) s = Trim(s.substr(1));
  return s;
}

// Words that begin a line with a colon without naming a speaker.
bool IsCommonLeadIn(std::string_view label) {
  static const char* const kWords[] = {
      "note",     "ps",      "p.s",    "re",     "subject", "fyi",      "update", "edit",
      "error",    "warning", "tip",    "step",   "example", "question", "answer", "important",
      "reminder", "status",  "reason", "result", "order",   "ticket",   "case",   "address",
      "email",    "e-mail",  "phone",  "date",   "time",    "total",    "link"};
  std::string l(label);
  for (auto& ch : l) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const char* w : kWords) {
    if (l == w) return true;
  }
  return false;
}

Line Split(std::string_view raw, int number) {
  Line l;
  l.number = number;
  l.body = StripTime(Trim(raw), &l.time, &l.bad_time);
  l.rest = l.body;
  size_t colon = l.body.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 48) return l;
  std::string_view label = Trim(l.body.substr(0, colon));
  if (label.empty() || !HasLetter(label)) return l;
  if (label.find_first_of(".?!,;\"") != std::string_view::npos) return l;
  if (SplitWhitespace(label).size() > 4) return l;
  // "http://x": a colon followed directly by '/' is not a speaker separator.
  if (colon + 1 < l.body.size() && l.body[colon + 1] == '/') return l;
  l.label = std::string(label);
  l.rest = Trim(l.body.substr(colon + 1));
  return l;
}

using HeaderLines = std::vector<std::pair<int, std::string_view>>;

// The transcript's lines, blank ones left out; "# key: value" lines before the
// first line go to *header.
std::vector<Line> SplitLines(std::string_view content, HeaderLines* header) {
  std::vector<Line> lines;
  int number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view raw = content.substr(pos, nl - pos);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    ++number;
    pos = nl + 1;
    std::string_view tr = Trim(raw);
    if (tr.empty()) continue;
    if (tr[0] == '#' && lines.empty()) {
      header->emplace_back(number, tr.substr(1));
      continue;
    }
    lines.push_back(Split(raw, number));
  }
  return lines;
}

// Which labels are speakers: a role word, a name given by flag, or a label
// that recurs (names in a chat recur; "Note:" in a sentence does not).
class SpeakerLabels {
 public:
  SpeakerLabels(const std::vector<Line>& lines, const RoleOptions& roles) : roles_(roles) {
    for (const auto& l : lines) {
      if (!l.label.empty()) ++count_[l.label];
    }
    for (const auto& [lbl, n] : count_)
      structured_ |= Known(lbl) || (n >= 2 && SplitWhitespace(lbl).size() <= 3);
  }

  bool IsSpeaker(const std::string& lbl) {
    if (lbl.empty()) return false;
    if (Known(lbl)) return true;
    std::vector<std::string_view> words = SplitWhitespace(lbl);
    if (words.size() > 3) return false;
    if (count_[lbl] >= 2) return true;
    // A name seen once ("Maria: ...") in a file that has speaker lines, unless
    // it is a word that often starts a sentence with a colon.
    if (!structured_ || IsCommonLeadIn(lbl)) return false;
    for (auto w : words) {
      unsigned char c = static_cast<unsigned char>(w[0]);
      if (c >= 'a' && c <= 'z') return false;
    }
    return true;
  }

 private:
  bool Known(const std::string& lbl) const {
    Role r;
    return RoleFromFlags(lbl, roles_, &r) || RoleFromWord(lbl, roles_.vocabulary).has_value();
  }
  const RoleOptions& roles_;
  std::map<std::string, int> count_;
  bool structured_ = false;  // some label is certainly a speaker
};

// Applies the "# key: value" header lines to `c`; false after an error.
bool ApplyHeader(const HeaderLines& header, const ReadContext& ctx, Conversation* c) {
  for (const auto& [n, h] : header) {
    size_t colon = h.find(':');
    if (colon == std::string_view::npos) continue;  // a plain comment
    std::string key(Trim(h.substr(0, colon)));
    std::string value(Trim(h.substr(colon + 1)));
    for (auto& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (key == "id" || key == "conversation") {
      c->id = value;
    } else if (key == "language" || key == "lang") {
      c->language = value;
    } else if (key == "agent") {
      c->agent = value;
    } else if (key == "channel") {
      if (!ParseChannel(value, &c->channel)) {
        ctx.Error(n, "unknown channel '" + value + "' (expected chat, call or email)");
        return false;
      }
      c->channel_known = true;
    } else {
      c->metadata.emplace_back(key, value);
    }
  }
  return true;
}

// Makes the lines turns: a speaker's line starts one, other lines continue
// it; lines before the first turn are counted in a warning.
void AddTurns(const std::vector<Line>& lines, SpeakerLabels& speakers, const ReadContext& ctx,
              Conversation* c) {
  int ignored_first = 0, ignored = 0;
  for (const auto& l : lines) {
    if (!l.bad_time.empty())
      ctx.Warning(l.number, "'" + std::string(l.bad_time) +
                                "' is not a valid time (minutes and seconds go to 59); the turn "
                                "has no time");
    if (speakers.IsSpeaker(l.label)) {
      Turn t;
      t.speaker = l.label;
      t.text = std::string(l.rest);
      t.start = l.time;
      t.line = l.number;
      c->turns.push_back(std::move(t));
    } else if (!c->turns.empty()) {
      Turn& prev = c->turns.back();
      if (!prev.text.empty()) prev.text += '\n';
      prev.text += std::string(l.body);
    } else {
      if (ignored == 0) ignored_first = l.number;
      ++ignored;
    }
  }
  if (ignored > 0 && !c->turns.empty())
    ctx.Warning(ignored_first, std::to_string(ignored) + " line(s) before the first turn ignored");
}

}  // namespace

void ReadText(InputStream& in, const ReadContext& ctx) {
  std::string content;
  if (ctx.ReadDocument(in, &content)) ReadTextContent(content, ctx);
}

void ReadTextContent(std::string_view content, const ReadContext& ctx) {
  if (content.size() >= 3 && content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  HeaderLines header;
  const std::vector<Line> lines = SplitLines(content, &header);
  SpeakerLabels speakers(lines, ctx.options.roles);
  Conversation c = ctx.WholeInput("text");
  if (!ApplyHeader(header, ctx, &c)) return;
  AddTurns(lines, speakers, ctx, &c);
  if (c.turns.empty()) {
    ctx.Error(lines.empty() ? 1 : lines.front().number,
              lines.empty() ? "empty transcript: no turns found"
                            : "no turns found: expected lines like 'Agent: text' or "
                              "'Customer: text' (name other speakers with --agent/--customer)");
    return;
  }
  c.line = c.turns.front().line;
  ctx.Finish(std::move(c));
}

}  // namespace tact::input
