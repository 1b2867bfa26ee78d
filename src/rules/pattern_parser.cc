// The pattern grammar (docs/rules.md, "Patterns"): recursive descent over
// the characters of one line.
#include <cctype>
#include <string>
#include <vector>

#include "common/strings.h"
#include "rules/parse_util.h"
#include "rules/parser.h"  // ParsePattern

namespace tact::rules {
namespace {

const std::vector<std::string>& ClassNames() {
  static const std::vector<std::string> k = {"caps",  "num", "word",  "punct",  "symbol",
                                             "range", "url", "email", "handle", "hashtag"};
  return k;
}

class PatternParser {
 public:
  PatternParser(std::string_view text, const Location& loc, std::string_view source_line,
                Diagnostics* diags)
      : t_(text), loc_(loc), line_(source_line), diags_(diags) {}

  bool Parse(PatternNode* out, bool lexicon_items) {
    SkipSpace();
    if (AtEnd()) return Error(pos_, "expected a pattern, got end of line");
    if (lexicon_items) {
      out->type = PatternNode::Type::kAlt;
      out->column = Col(pos_);
      while (SkipSpace(), !AtEnd()) {
        if (Peek() == '|') {
          return Error(pos_, "unexpected '|' in a lexicon; list alternatives separated by spaces");
        }
        PatternNode item;
        if (!ParseItem(&item)) return false;
        out->children.push_back(std::move(item));
      }
      return true;
    }
    if (!ParseAlt(out)) return false;
    SkipSpace();
    if (!AtEnd()) {
      if (Peek() == ')') return Error(pos_, "unexpected ')' without a matching '('");
      return Error(pos_, std::string("unexpected '") + Peek() + "'");
    }
    return Validate(*out);
  }

 private:
  bool AtEnd() const { return pos_ >= t_.size() || IsComment(); }
  bool IsComment() const {
    return pos_ < t_.size() && t_[pos_] == '#' &&
           (pos_ == 0 || t_[pos_ - 1] == ' ' || t_[pos_ - 1] == '\t');
  }
  char Peek() const { return t_[pos_]; }
  void SkipSpace() {
    while (pos_ < t_.size() && (t_[pos_] == ' ' || t_[pos_] == '\t')) ++pos_;
  }
  int Col(size_t p) const { return loc_.column + static_cast<int>(p); }

  bool Error(size_t p, std::string msg) {
    Diagnostic d = MakeError(loc_.file, loc_.line, Col(p), std::move(msg));
    d.source_line = std::string(line_);
    diags_->push_back(std::move(d));
    return false;
  }

  bool ParseAlt(PatternNode* out) {
    size_t start = pos_;
    PatternNode first;
    if (!ParseSeq(&first)) return false;
    SkipSpace();
    if (AtEnd() || Peek() != '|') {
      *out = std::move(first);
      return true;
    }
    out->type = PatternNode::Type::kAlt;
    out->column = Col(start);
    out->children.push_back(std::move(first));
    while (!AtEnd() && Peek() == '|') {
      size_t bar = pos_;
      ++pos_;
      SkipSpace();
      if (AtEnd() || Peek() == '|' || Peek() == ')') {
        return Error(bar, "expected an alternative after '|'");
      }
      PatternNode next;
      if (!ParseSeq(&next)) return false;
      out->children.push_back(std::move(next));
      SkipSpace();
    }
    return true;
  }

  // A sequence of one item is that item: most are (each word of an
  // alternation), so the list is only made when a second item follows.
  bool ParseSeq(PatternNode* out) {
    const int column = Col(pos_);
    auto at_end = [this] {
      SkipSpace();
      return AtEnd() || Peek() == '|' || Peek() == ')';
    };
    if (at_end()) {
      if (!AtEnd() && Peek() == '|') return Error(pos_, "expected a word or group before '|'");
      return Error(pos_, "expected a word or group");
    }
    PatternNode first;
    if (!ParseItem(&first)) return false;
    if (at_end()) {
      *out = std::move(first);
      return true;
    }
    out->type = PatternNode::Type::kSeq;
    out->column = column;
    out->children.push_back(std::move(first));
    while (!at_end()) {
      PatternNode item;
      if (!ParseItem(&item)) return false;
      out->children.push_back(std::move(item));
    }
    return true;
  }

  bool ParseItem(PatternNode* out) {
    size_t start = pos_;
    if (!ParsePrimary(out)) return false;
    if (pos_ < t_.size() && t_[pos_] == '?') {
      if (out->type == PatternNode::Type::kGap) {
        return Error(pos_, "a gap is already optional; remove the '?'");
      }
      if (out->type == PatternNode::Type::kAnchor)
        return Error(pos_, "an anchor cannot be optional");
      ++pos_;
      PatternNode opt;
      opt.type = PatternNode::Type::kOpt;
      opt.column = Col(start);
      opt.children.push_back(std::move(*out));
      *out = std::move(opt);
      if (pos_ < t_.size() && t_[pos_] == '?') return Error(pos_, "unexpected second '?'");
    }
    return true;
  }

  static bool IsWordStop(char c) {
    return c == ' ' || c == '\t' || c == '(' || c == ')' || c == '|' || c == '?' || c == '"';
  }

  std::string_view ReadWord() {
    size_t b = pos_;
    while (pos_ < t_.size() && !IsWordStop(t_[pos_])) ++pos_;
    return t_.substr(b, pos_ - b);
  }

  // Groups and negations nest by recursion: bounded, so a hostile rule file
  // gets an error instead of a stack overflow (found by fuzz_pattern).
  static constexpr int kMaxNesting = 32;

  bool ParsePrimary(PatternNode* out) {
    size_t start = pos_;
    out->column = Col(start);
    if (depth_ >= kMaxNesting) {
      return Error(start, "groups nested deeper than " + std::to_string(kMaxNesting));
    }
    ++depth_;
    bool ok = ParsePrimaryAt(start, out);
    --depth_;
    return ok;
  }

  // One function per primary form, chosen by its first character.
  bool ParsePrimaryAt(size_t start, PatternNode* out) {
    const char c = Peek();
    switch (c) {
      case '(':
        return ParseGroup(start, out);
      case '"':
        return ParseQuoted(start, out);
      case '/':
        return ParseRegex(start, out);
      case '<':
        return ParseClass(start, out);
      case '.':
        if (t_.substr(pos_, 3) == "...") return ParseGap(out);
        break;
      case '~':
        return ParseStem(start, out);
      case '@':
        return ParseLexiconRef(start, out);
      case '!':
        return ParseNot(start, out);
      case '^':
      case '$':
        return ParseAnchor(start, out);
      case '?':
        return Error(start,
                     "'?' must follow a word or group; quote it (\"?\") to match a question mark");
      case '|':
        return Error(start, "expected a word or group before '|'");
      default:
        break;
    }
    return ParseWord(start, out);
  }

  // `( ... )`
  bool ParseGroup(size_t start, PatternNode* out) {
    ++pos_;
    SkipSpace();
    if (pos_ < t_.size() && t_[pos_] == ')') return Error(start, "empty group '()'");
    if (!ParseAlt(out)) return false;
    SkipSpace();
    if (AtEnd() || Peek() != ')') {
      return Error(
          pos_, "expected ')' to close the group opened at column " + std::to_string(Col(start)));
    }
    ++pos_;
    if (out->type != PatternNode::Type::kAlt) {
      // A group of one sequence is just the sequence, kept as its own node.
      PatternNode seq;
      seq.type = PatternNode::Type::kSeq;
      seq.column = Col(start);
      seq.children.push_back(std::move(*out));
      *out = std::move(seq);
    }
    return true;
  }

  // `"quoted text"`
  bool ParseQuoted(size_t start, PatternNode* out) {
    ++pos_;
    size_t b = pos_;
    while (pos_ < t_.size() && t_[pos_] != '"') ++pos_;
    if (pos_ >= t_.size()) return Error(start, "unterminated quoted text; expected '\"'");
    out->type = PatternNode::Type::kLiteral;
    out->text = std::string(t_.substr(b, pos_ - b));
    ++pos_;
    if (Trim(out->text).empty()) return Error(start, "empty quoted text");
    return true;
  }

  // `/regex/` ("\/" is a slash)
  bool ParseRegex(size_t start, PatternNode* out) {
    ++pos_;
    std::string re;
    while (pos_ < t_.size() && t_[pos_] != '/') {
      if (t_[pos_] == '\\' && pos_ + 1 < t_.size() && t_[pos_ + 1] == '/') {
        re.push_back('/');
        pos_ += 2;
        continue;
      }
      re.push_back(t_[pos_++]);
    }
    if (pos_ >= t_.size()) return Error(start, "unterminated regex; expected a closing '/'");
    ++pos_;
    if (re.empty()) return Error(start, "empty regex '//'");
    out->type = PatternNode::Type::kRegex;
    out->text = std::move(re);
    return true;
  }

  // `<class>`, `<caps:N>`
  bool ParseClass(size_t start, PatternNode* out) {
    size_t close = t_.find('>', pos_);
    if (close == std::string_view::npos) return Error(start, "expected '>' to close the class");
    std::string_view body = t_.substr(pos_ + 1, close - pos_ - 1);
    pos_ = close + 1;
    std::string_view name = body;
    int n = 0;
    size_t colon = body.find(':');
    if (colon != std::string_view::npos) {
      name = body.substr(0, colon);
      if (!ParseInt(body.substr(colon + 1), &n) || n < 1) {
        return Error(start + 2 + colon,
                     "expected a positive number after ':' in '<" + std::string(body) + ">'");
      }
    }
    bool known = false;
    for (const auto& k : ClassNames()) known |= (k == name);
    if (!known) {
      return Error(start,
                   "unknown token class '<" + std::string(name) + ">'" +
                       DidYouMean(name, ClassNames()) +
                       "; expected one of <caps>, <caps:N>, <num>, <range>, <word>, <punct>, "
                       "<symbol>, <url>, <email>, <handle>, <hashtag>");
    }
    if (n != 0 && name != "caps") return Error(start, "only <caps:N> takes a number");
    out->type = PatternNode::Type::kClass;
    out->text = std::string(name);
    out->number = name == "caps" && n == 0 ? 2 : n;
    return true;
  }

  // `...N`
  bool ParseGap(PatternNode* out) {
    pos_ += 3;
    size_t b = pos_;
    while (pos_ < t_.size() && std::isdigit(static_cast<unsigned char>(t_[pos_]))) ++pos_;
    int n = 0;
    if (!ParseInt(t_.substr(b, pos_ - b), &n) || n < 1) {
      return Error(b, "expected the gap size after '...', e.g. '...3'");
    }
    out->type = PatternNode::Type::kGap;
    out->number = n;
    return true;
  }

  // `~word`
  bool ParseStem(size_t start, PatternNode* out) {
    ++pos_;
    std::string_view w = ReadWord();
    if (w.empty()) return Error(start, "expected a word after '~'");
    if (w.back() == '*') return Error(start, "'~' and '*' cannot be combined; use one of them");
    out->type = PatternNode::Type::kStem;
    out->text = std::string(w);
    return true;
  }

  // `@lexicon`
  bool ParseLexiconRef(size_t start, PatternNode* out) {
    ++pos_;
    std::string_view w = ReadWord();
    if (!IsIdentifier(w)) return Error(start, "expected a lexicon name after '@'");
    out->type = PatternNode::Type::kLexicon;
    out->text = std::string(w);
    return true;
  }

  // `!X`, or a lone `!` (the exclamation mark itself)
  bool ParseNot(size_t start, PatternNode* out) {
    ++pos_;
    if (pos_ >= t_.size() || t_[pos_] == ' ' || t_[pos_] == '\t' || t_[pos_] == '|' ||
        t_[pos_] == ')') {
      out->type = PatternNode::Type::kLiteral;
      out->text = "!";
      return true;
    }
    if (t_[pos_] == '!') return Error(pos_, "'!!' negates twice; remove both");
    PatternNode inner;
    if (!ParsePrimary(&inner)) return false;
    if (inner.type == PatternNode::Type::kGap || inner.type == PatternNode::Type::kAnchor) {
      return Error(start, "'!' applies to one word test, not to a gap or an anchor");
    }
    out->type = PatternNode::Type::kNot;
    out->column = Col(start);
    out->children.push_back(std::move(inner));
    return true;
  }

  // `^`, `$`
  bool ParseAnchor(size_t start, PatternNode* out) {
    const char c = Peek();
    ++pos_;
    if (pos_ < t_.size() && !IsWordStop(t_[pos_])) {
      return Error(start, std::string("'") + c +
                              "' stands alone: separate it from the next word with a space");
    }
    out->type = PatternNode::Type::kAnchor;
    out->text = std::string(1, c);
    return true;
  }

  // `word`, `prefix*`
  bool ParseWord(size_t start, PatternNode* out) {
    const char c = Peek();
    std::string_view w = ReadWord();
    if (w.empty()) return Error(start, std::string("unexpected '") + c + "'");
    if (w.size() > 1 && w.back() == '*') {
      out->type = PatternNode::Type::kPrefix;
      out->text = std::string(w.substr(0, w.size() - 1));
      if (out->text.find('*') != std::string::npos)
        return Error(start, "'*' only at the end of a word");
      return true;
    }
    if (w.find('*') != std::string_view::npos) return Error(start, "'*' only at the end of a word");
    out->type = PatternNode::Type::kLiteral;
    out->text = std::string(w);
    return true;
  }

  // A pattern must not be able to match nothing, nor start or end with a gap.
  static bool CanBeEmpty(const PatternNode& n) {
    switch (n.type) {
      case PatternNode::Type::kOpt:
      case PatternNode::Type::kGap:
      case PatternNode::Type::kAnchor:
        return true;
      case PatternNode::Type::kSeq:
        for (const auto& c : n.children) {
          if (!CanBeEmpty(c)) return false;
        }
        return true;
      case PatternNode::Type::kAlt:
        for (const auto& c : n.children) {
          if (CanBeEmpty(c)) return true;
        }
        return false;
      default:
        return false;
    }
  }

  static const PatternNode* Edge(const PatternNode& n, bool first) {
    const PatternNode* cur = &n;
    while (cur->type == PatternNode::Type::kSeq && !cur->children.empty()) {
      cur = first ? &cur->children.front() : &cur->children.back();
    }
    return cur;
  }

  bool Validate(const PatternNode& root) {
    if (CanBeEmpty(root))
      return Error(0, "pattern can match no words at all; make one part required");
    const PatternNode* f = Edge(root, true);
    if (f->type == PatternNode::Type::kGap)
      return Error(f->column - loc_.column, "a pattern cannot start with a gap");
    const PatternNode* l = Edge(root, false);
    if (l->type == PatternNode::Type::kGap)
      return Error(l->column - loc_.column, "a pattern cannot end with a gap");
    return true;
  }

  std::string_view t_;
  Location loc_;
  std::string_view line_;
  Diagnostics* diags_;
  size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

bool ParsePattern(std::string_view text, const Location& loc, std::string_view source_line,
                  PatternNode* out, Diagnostics* diags, bool lexicon_items) {
  PatternParser p(text, loc, source_line, diags);
  return p.Parse(out, lexicon_items);
}

}  // namespace tact::rules
