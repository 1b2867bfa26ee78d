#include "report/redact.h"

#include "text/normalize.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace tact::report {

struct Redactor::Extra {
  std::string placeholder;
  std::unique_ptr<re2::RE2> re;
};

Redactor::Redactor() = default;
Redactor::~Redactor() = default;

bool Redactor::AddPattern(const std::string& spec, std::string* error) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) {
    *error = "expected NAME=REGEX, e.g. ORDER=#\\d{6}, got '" + spec + "'";
    return false;
  }
  auto e = std::make_unique<Extra>();
  std::string name = spec.substr(0, eq);
  for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  e->placeholder = "[" + name + "]";
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(1 << 20);
  e->re = std::make_unique<re2::RE2>(spec.substr(eq + 1), opts);
  if (!e->re->ok()) {
    *error = "invalid regex in '" + spec + "': " + e->re->error();
    return false;
  }
  extra_.push_back(std::move(e));
  return true;
}

bool LuhnValid(std::string_view digits) {
  if (digits.size() < 13 || digits.size() > 19) return false;
  int sum = 0;
  bool dbl = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 == 0;
}

bool IbanValid(std::string_view s) {
  if (s.size() < 15 || s.size() > 34) return false;
  if (!std::isupper(static_cast<unsigned char>(s[0])) ||
      !std::isupper(static_cast<unsigned char>(s[1])) ||
      !std::isdigit(static_cast<unsigned char>(s[2])) ||
      !std::isdigit(static_cast<unsigned char>(s[3]))) {
    return false;
  }
  // Move the first four characters to the end, letters to numbers, mod 97.
  std::string r(s.substr(4));
  r += s.substr(0, 4);
  int mod = 0;
  for (char c : r) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      mod = (mod * 10 + (c - '0')) % 97;
    } else if (std::isupper(static_cast<unsigned char>(c))) {
      int v = c - 'A' + 10;
      mod = (mod * 100 + v) % 97;
    } else {
      return false;
    }
  }
  return mod == 1;
}

namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Up to `n` bytes before `pos`, normalized (case-folded in every script).
std::string Before(std::string_view t, size_t pos, size_t n) {
  size_t b = pos > n ? pos - n : 0;
  while (b > 0 && b < pos && (static_cast<unsigned char>(t[b]) & 0xC0) == 0x80) ++b;
  return text::Normalize(t.substr(b, pos - b));
}

bool HasAny(const std::string& hay, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (hay.find(w) != std::string::npos) return true;
  }
  return false;
}

// The end of the last occurrence of any of `words` in `hay` (0 if none): the
// closer a cue word is to the number, the larger.
size_t LastEnd(const std::string& hay, std::initializer_list<const char*> words) {
  size_t best = 0;
  for (const char* w : words) {
    size_t p = hay.rfind(w);
    if (p != std::string::npos) best = std::max(best, p + std::char_traits<char>::length(w));
  }
  return best;
}

void FindEmails(std::string_view t, std::vector<PiiSpan>* out) {
  for (size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
    size_t b = at;
    while (b > 0 && (IsAlnum(t[b - 1]) ||
                     std::string_view("._%+-").find(t[b - 1]) != std::string_view::npos))
      --b;
    size_t e = at + 1;
    while (e < t.size() && (IsAlnum(t[e]) || t[e] == '.' || t[e] == '-')) ++e;
    while (e > at + 1 && (t[e - 1] == '.' || t[e - 1] == '-')) --e;
    if (b == at || e == at + 1) continue;
    std::string_view domain = t.substr(at + 1, e - at - 1);
    size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || domain.size() - dot - 1 < 2) continue;
    bool tld_alpha = true;
    for (char c : domain.substr(dot + 1))
      tld_alpha &= std::isalpha(static_cast<unsigned char>(c)) != 0;
    if (!tld_alpha) continue;
    out->push_back({b, e, "[EMAIL]"});
  }
}

void FindIbans(std::string_view t, std::vector<PiiSpan>* out) {
  for (size_t i = 0; i + 15 <= t.size(); ++i) {
    if ((i > 0 && IsAlnum(t[i - 1])) || !std::isupper(static_cast<unsigned char>(t[i])) ||
        !std::isupper(static_cast<unsigned char>(t[i + 1])) || !IsDigit(t[i + 2]) ||
        !IsDigit(t[i + 3])) {
      continue;
    }
    // Collect alphanumerics, allowing single spaces between groups.
    std::string compact;
    std::vector<size_t> ends;  // byte end of each collected character
    size_t j = i;
    while (j < t.size() && compact.size() < 34) {
      char c = t[j];
      if (std::isdigit(static_cast<unsigned char>(c)) ||
          std::isupper(static_cast<unsigned char>(c))) {
        compact.push_back(c);
        ends.push_back(j + 1);
        ++j;
      } else if (c == ' ' && j + 1 < t.size() && IsAlnum(t[j + 1]) && !compact.empty()) {
        ++j;
      } else {
        break;
      }
    }
    for (size_t len = compact.size(); len >= 15; --len) {
      size_t e = ends[len - 1];
      if (e < t.size() && IsAlnum(t[e])) continue;  // must end at a word boundary
      if (IbanValid(std::string_view(compact).substr(0, len))) {
        out->push_back({i, e, "[IBAN]"});
        i = e;
        break;
      }
    }
  }
}

// Digit runs with phone/card separators: [+](digits|space|-|.|(|))*
void FindNumbers(std::string_view t, std::vector<PiiSpan>* out) {
  size_t i = 0;
  while (i < t.size()) {
    bool plus = t[i] == '+' && i + 1 < t.size() && IsDigit(t[i + 1]);
    bool paren = t[i] == '(' && i + 1 < t.size() && IsDigit(t[i + 1]);
    if (!(IsDigit(t[i]) || plus || paren) ||
        (i > 0 && (IsAlnum(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == ','))) {
      ++i;
      continue;
    }
    size_t b = i, e = i + (plus || paren ? 1 : 0);
    std::string digits;
    bool separators = false, dots = false, slashes = false;
    size_t last_digit_end = e;
    while (e < t.size()) {
      char c = t[e];
      if (IsDigit(c)) {
        digits.push_back(c);
        last_digit_end = e + 1;
        ++e;
      } else if ((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/') &&
                 e + 1 < t.size() &&
                 (IsDigit(t[e + 1]) || (c == ')' && t[e + 1] == ' ') ||
                  (c == ' ' && t[e + 1] == '('))) {
        separators = true;
        dots |= c == '.';
        slashes |= c == '/';
        ++e;
      } else {
        break;
      }
    }
    e = last_digit_end;
    if (paren && e < t.size() && t[e] == ')') ++e;
    i = std::max(e, i + 1);
    const size_t d = digits.size();
    if (d < 8 || (e < t.size() && IsAlnum(t[e]))) continue;
    std::string_view span = t.substr(b, e - b);
    // Cards first: 13-19 digits passing Luhn, grouped or not.
    if (!plus && d >= 13 && d <= 19 && LuhnValid(digits)) {
      out->push_back({b, e, "[CARD]"});
      continue;
    }
    if (d > 15) continue;
    // Dates and versions: 12.05.2024, 2024-05-12, 12/05/2024, 1.2.3.4.
    if (slashes) continue;
    if (dots && !plus) {
      bool date_like = span.size() == 10 && (span[2] == '.' || span[4] == '.');
      if (date_like || d < 9) continue;
    }
    if (span.size() == 10 && span[4] == '-' && span[7] == '-') continue;  // ISO date
    const std::string before = Before(t, b, 32);
    // The closest cue word before the number decides between an order,
    // ticket or invoice number and a phone number.
    size_t order_at = LastEnd(
        before, {"order",  "ticket",     "case",    "invoice", "ref",   " id",     "#",   "no.",
                 "nr",     "pedido",     "factura", "caso",    "ordre", "faktura", "sak", "ärende",
                 "arende", "bestilling", "заказ",   "счет",    "заявк", "договор"});
    size_t phone_at = LastEnd(
        before, {"phone",    "tel",      "mobile",   "cell",    "call me", "call you", "text me",
                 "whatsapp", "teléfono", "telefono", "móvil",   "movil",   "llám",     "llam",
                 "telefon",  "mobil",    "ring",     "телефон", "тел",     "моб",      "звон"});
    // Weak cues ("number") count only when no order word is near.
    size_t weak_at = LastEnd(before, {"number", "número", "numero", "nummer", "номер"});
    bool phone_context = phone_at > order_at || (weak_at > 0 && order_at == 0);
    bool order_context = !phone_context && order_at > 0;
    const std::string after = Lower(t.substr(e, std::min<size_t>(8, t.size() - e)));
    bool amount_context =
        HasAny(after, {" kr", " sek", " nok", " eur", " usd", " руб", " р.", " €", "€", "$"}) ||
        HasAny(Before(t, b, 3), {"$", "€", "£"});
    if (amount_context) continue;
    bool phone = false;
    if (plus) {
      phone = d >= 8 && d <= 15;
    } else if (phone_context) {
      phone = d >= 8 && d <= 15;
    } else if (order_context) {
      phone = false;
    } else if (separators) {
      // National formats with groups: 8 digits (NO), 9 (ES), 10 (US/UK/SE/RU), 11 (UK/RU with trunk
      // prefix).
      phone = d >= 8 && d <= 12;
    } else {
      // Plain digit strings: only with a trunk prefix, e.g. 07700900123, 0701234567, 89123456789.
      phone = (digits[0] == '0' && (d == 10 || d == 11)) ||
              ((digits[0] == '8' || digits[0] == '7') && d == 11 && digits[1] == '9');
    }
    if (phone) out->push_back({b, e, "[PHONE]"});
  }
}

}  // namespace

std::vector<PiiSpan> Redactor::Find(std::string_view text) const {
  std::vector<PiiSpan> found;
  FindEmails(text, &found);
  std::vector<PiiSpan> more;
  // IBANs, cards and phone numbers all have digits; most texts have none,
  // and one scan for a digit is far cheaper than the two detectors.
  if (std::any_of(text.begin(), text.end(), IsDigit)) {
    FindIbans(text, &more);
    FindNumbers(text, &more);
  }
  for (const auto& x : extra_) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece m;
    size_t pos = 0;
    while (pos <= text.size() && x->re->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      size_t b = static_cast<size_t>(m.data() - text.data());
      size_t e = b + m.size();
      if (e > b) more.push_back({b, e, x->placeholder});
      pos = e > b ? e : b + 1;
    }
  }
  // Earlier detectors win overlaps (e-mail, then IBAN/card/phone/patterns).
  std::vector<PiiSpan> out;
  auto overlaps = [&](const PiiSpan& s) {
    for (const auto& o : out) {
      if (s.begin < o.end && o.begin < s.end) return true;
    }
    return false;
  };
  for (auto& s : found) {
    if (!overlaps(s)) out.push_back(s);
  }
  for (auto& s : more) {
    if (!overlaps(s)) out.push_back(s);
  }
  std::sort(out.begin(), out.end(),
            [](const PiiSpan& a, const PiiSpan& b) { return a.begin < b.begin; });
  return out;
}

std::string Redactor::Redact(std::string_view text, size_t* begin, size_t* end) const {
  return Apply(text, Find(text), begin, end);
}

std::string Redactor::Apply(std::string_view text, const std::vector<PiiSpan>& spans, size_t* begin,
                            size_t* end) {
  if (spans.empty()) return std::string(text);
  std::string out;
  size_t pos = 0;
  auto map = [&](size_t x, bool is_end) {
    // Where original offset x lands in the output.
    size_t shift_out = 0, last = 0;
    for (const auto& s : spans) {
      if (x <= s.begin) break;
      if (x < s.end) return shift_out + (s.begin - last) + (is_end ? s.placeholder.size() : 0);
      shift_out += (s.begin - last) + s.placeholder.size();
      last = s.end;
    }
    return shift_out + (x - last);
  };
  size_t nb = begin ? map(*begin, false) : 0, ne = end ? map(*end, true) : 0;
  for (const auto& s : spans) {
    out.append(text.substr(pos, s.begin - pos));
    out.append(s.placeholder);
    pos = s.end;
  }
  out.append(text.substr(pos));
  if (begin) *begin = nb;
  if (end) *end = ne;
  return out;
}

}  // namespace tact::report
