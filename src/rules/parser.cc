#include "rules/parser.h"

#include <cctype>
#include <charconv>
#include <string>
#include <vector>

#include "common/strings.h"

namespace tact::rules {
namespace {

constexpr int kMaxErrorsPerFile = 25;
constexpr int kMaxNumber = 1000;

const std::vector<std::string>& BehaviourDirectives() {
  static const std::vector<std::string> k = {
      "kind",           "speaker",   "title",   "description", "tip",   "severity",
      "weight",         "position",  "after",   "otherwise",   "match", "match-turn",
      "veto",           "veto-turn", "+",       "-",           "<",     "applies-if",
      "applies-unless", "min-turns", "channel", "first-use"};
  return k;
}

const std::vector<std::string>& PackDirectives() {
  static const std::vector<std::string> k = {"name",     "stemmer",  "abbreviations", "stopwords",
                                             "alphabet", "acronyms", "message"};
  return k;
}

const std::vector<std::string>& BlockKeywords() {
  static const std::vector<std::string> k = {"behaviour", "lexicon", "pack", "include"};
  return k;
}

const std::vector<std::string>& ClassNames() {
  static const std::vector<std::string> k = {"caps",  "num", "word",  "punct",  "symbol",
                                             "range", "url", "email", "handle", "hashtag"};
  return k;
}

bool IsIdentifier(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsLanguageCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 3) return false;
  for (char c : s) {
    if (!(c >= 'a' && c <= 'z')) return false;
  }
  return true;
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && *out >= 0 && *out <= kMaxNumber;
}

// Removes a trailing " # comment" from a directive line.
std::string_view StripComment(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) return Trim(s.substr(0, i));
  }
  return Trim(s);
}

// ---------------------------------------------------------------------------
// Pattern parsing: recursive descent over the characters of one line.

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

  bool ParsePrimaryAt(size_t start, PatternNode* out) {
    char c = Peek();
    if (c == '(') {
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
    if (c == '"') {
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
    if (c == '/') {
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
    if (c == '<') {
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
    if (c == '.' && t_.substr(pos_, 3) == "...") {
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
    if (c == '~') {
      ++pos_;
      std::string_view w = ReadWord();
      if (w.empty()) return Error(start, "expected a word after '~'");
      if (w.back() == '*') return Error(start, "'~' and '*' cannot be combined; use one of them");
      out->type = PatternNode::Type::kStem;
      out->text = std::string(w);
      return true;
    }
    if (c == '@') {
      ++pos_;
      std::string_view w = ReadWord();
      if (!IsIdentifier(w)) return Error(start, "expected a lexicon name after '@'");
      out->type = PatternNode::Type::kLexicon;
      out->text = std::string(w);
      return true;
    }
    if (c == '!') {
      ++pos_;
      // A lone '!' is the exclamation mark itself; '!X' negates X.
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
    if (c == '^' || c == '$') {
      ++pos_;
      if (pos_ < t_.size() && !IsWordStop(t_[pos_])) {
        return Error(start, std::string("'") + c +
                                "' stands alone: separate it from the next word with a space");
      }
      out->type = PatternNode::Type::kAnchor;
      out->text = std::string(1, c);
      return true;
    }
    if (c == '?')
      return Error(start,
                   "'?' must follow a word or group; quote it (\"?\") to match a question mark");
    if (c == '|') return Error(start, "expected a word or group before '|'");
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

// ---------------------------------------------------------------------------
// File parsing: one directive per line.

class FileParser {
 public:
  FileParser(const std::string& path, std::string_view content, RuleFile* out, Diagnostics* diags)
      : path_(path), content_(content), out_(out), diags_(diags) {}

  bool Parse() {
    out_->path = path_;
    size_t pos = 0;
    int line_no = 0;
    while (pos <= content_.size() && errors_ < kMaxErrorsPerFile) {
      size_t nl = content_.find('\n', pos);
      if (nl == std::string_view::npos) nl = content_.size();
      std::string_view line = content_.substr(pos, nl - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_no;
      ParseLine(line, line_no);
      if (nl == content_.size()) break;
      pos = nl + 1;
    }
    FinishBlock();
    return errors_ == 0;
  }

 private:
  enum class Block { kNone, kBehaviour, kLexicon, kPack };

  void Error(int line, int col, std::string msg, std::string_view source_line) {
    Diagnostic d = MakeError(path_, line, col, std::move(msg));
    d.source_line = std::string(source_line);
    diags_->push_back(std::move(d));
    ++errors_;
  }

  void FinishBlock() {
    if (block_ == Block::kBehaviour) {
      BehaviourDecl& b = out_->behaviours.back();
      if (!b.kind) {
        Error(b.loc.line, b.loc.column,
              "behaviour '" + b.id + "' has no 'kind' (expected, avoid or signal)", "");
      } else if (b.matches.empty()) {
        Error(b.loc.line, b.loc.column, "behaviour '" + b.id + "' has no 'match' line", "");
      }
      if (b.kind && *b.kind != Kind::kAvoid && b.level_set) {
        Error(b.loc.line, b.loc.column, "'severity' applies only to 'avoid' behaviours", "");
      }
      if (b.kind && *b.kind == Kind::kSignal && !b.trigger.empty()) {
        Error(b.trigger_loc.line, b.trigger_loc.column, "a signal cannot have an 'after' trigger",
              "");
      }
      if (b.kind && *b.kind != Kind::kExpected &&
          (!b.applies_if.empty() || !b.applies_unless.empty() || b.min_turns > 0 ||
           !b.channels.empty())) {
        Error(b.loc.line, b.loc.column,
              "'applies-if', 'applies-unless', 'min-turns' and 'channel' apply only to 'expected' "
              "behaviours",
              "");
      }
      if (b.kind && *b.kind != Kind::kAvoid && b.first_use) {
        Error(b.loc.line, b.loc.column, "'first-use' applies only to 'avoid' behaviours", "");
      }
      if (b.otherwise_set && b.trigger.empty()) {
        Error(b.loc.line, b.loc.column,
              "'otherwise' needs an 'after' trigger in behaviour '" + b.id + "'", "");
      }
    } else if (block_ == Block::kLexicon && out_->lexicons.back().items.empty()) {
      const LexiconDecl& l = out_->lexicons.back();
      Error(l.loc.line, l.loc.column, "lexicon '" + l.name + "' is empty", "");
    }
    block_ = Block::kNone;
  }

  void ParseLine(std::string_view raw, int line_no) {
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') return;
    size_t indent = static_cast<size_t>(line.data() - raw.data());
    int col = static_cast<int>(indent) + 1;
    // Split the directive word from its argument.
    size_t sp = 0;
    while (sp < line.size() && line[sp] != ' ' && line[sp] != '\t') ++sp;
    std::string_view word = line.substr(0, sp);
    std::string_view rest = line.substr(sp);
    size_t rest_off = indent + sp;
    while (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) {
      rest.remove_prefix(1);
      ++rest_off;
    }
    int rest_col = static_cast<int>(rest_off) + 1;

    if (word == "include") {
      FinishBlock();
      std::string_view target = StripComment(rest);
      if (target.empty()) {
        Error(line_no, rest_col,
              "expected a file after 'include', e.g. 'include lists/jargon.rules'", raw);
        return;
      }
      out_->includes.push_back({std::string(target), {path_, line_no, rest_col}});
      return;
    }
    if (word == "behaviour" || word == "behavior" || word == "lexicon" || word == "pack") {
      FinishBlock();
      std::string_view name = StripComment(rest);
      if (word == "pack") {
        if (!IsLanguageCode(name)) {
          Error(line_no, rest_col, "expected a language code after 'pack', e.g. 'pack en'", raw);
          return;
        }
        PackDecl p;
        p.code = std::string(name);
        p.loc = {path_, line_no, col};
        out_->packs.push_back(std::move(p));
        block_ = Block::kPack;
        return;
      }
      if (!IsIdentifier(name)) {
        Error(line_no, rest_col,
              "expected a " + std::string(word == "lexicon" ? "lexicon name" : "behaviour id") +
                  " of lowercase letters, digits and '_' after '" + std::string(word) + "'",
              raw);
        return;
      }
      if (word == "lexicon") {
        LexiconDecl l;
        l.name = std::string(name);
        l.loc = {path_, line_no, col};
        out_->lexicons.push_back(std::move(l));
        block_ = Block::kLexicon;
      } else {
        context_.clear();
        BehaviourDecl b;
        b.id = std::string(name);
        b.loc = {path_, line_no, col};
        out_->behaviours.push_back(std::move(b));
        block_ = Block::kBehaviour;
      }
      return;
    }

    switch (block_) {
      case Block::kNone: {
        std::string msg = "expected 'behaviour', 'lexicon' or 'pack' to start a block, got '" +
                          std::string(word) + "'";
        Error(line_no, col, msg + DidYouMean(word, BlockKeywords()), raw);
        return;
      }
      case Block::kLexicon: {
        Location loc{path_, line_no, col};
        PatternNode items;
        if (!ParsePattern(line, loc, raw, &items, diags_, /*lexicon_items=*/true)) {
          ++errors_;
          return;
        }
        for (auto& item : items.children) {
          Pattern p;
          p.loc = {path_, line_no, item.column};
          p.root = std::move(item);
          out_->lexicons.back().items.push_back(std::move(p));
        }
        return;
      }
      case Block::kPack:
        ParsePackLine(word, StripComment(rest), line_no, col, rest_col, raw);
        return;
      case Block::kBehaviour:
        ParseBehaviourLine(word, rest, line_no, col, rest_col, raw);
        return;
    }
  }

  void ParsePackLine(std::string_view word, std::string_view rest, int line_no, int col,
                     int rest_col, std::string_view raw) {
    PackDecl& p = out_->packs.back();
    if (rest.empty()) {
      Error(line_no, rest_col, "expected a value after '" + std::string(word) + "'", raw);
      return;
    }
    if (word == "name") {
      p.name = std::string(rest);
    } else if (word == "stemmer") {
      p.stemmer = std::string(rest);
    } else if (word == "abbreviations") {
      for (auto w : SplitWhitespace(rest)) p.abbreviations.emplace_back(w);
    } else if (word == "stopwords") {
      for (auto w : SplitWhitespace(rest)) p.stopwords.emplace_back(w);
    } else if (word == "acronyms") {
      for (auto w : SplitWhitespace(rest)) p.acronyms.emplace_back(w);
    } else if (word == "alphabet") {
      for (auto w : SplitWhitespace(rest)) p.alphabet += std::string(w);
    } else if (word == "message") {
      // `message KEY TEXT`: KEY is one word, TEXT the rest of the line.
      std::string_view r = rest;
      size_t sp = r.find_first_of(" \t");
      std::string_view key = r.substr(0, sp);
      std::string_view text = sp == std::string_view::npos ? std::string_view() : r.substr(sp);
      while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
      if (text.empty()) {
        Error(line_no, rest_col,
              "expected 'message KEY TEXT', got no text after '" + std::string(key) + "'", raw);
        return;
      }
      for (const auto& [k, v] : p.messages) {
        if (k == key) {
          Error(line_no, rest_col, "message '" + std::string(key) + "' is defined twice", raw);
          return;
        }
      }
      p.messages.emplace_back(std::string(key), std::string(text));
    } else {
      Error(line_no, col,
            "unknown pack directive '" + std::string(word) + "'" +
                DidYouMean(word, PackDirectives()) +
                "; expected name, stemmer, abbreviations, stopwords, alphabet, acronyms or message",
            raw);
    }
  }

  bool ParseNumberArg(std::string_view s, int line_no, int col, std::string_view raw, int* out,
                      const char* what) {
    if (!ParseInt(s, out)) {
      Error(line_no, col, std::string("expected ") + what + ", got '" + std::string(s) + "'", raw);
      return false;
    }
    return true;
  }

  // `match [NAME:] PATTERN [{echo N P%}]` and its siblings.
  void ParsePatternLine(std::string_view word, std::string_view rest, int line_no, int rest_col,
                        std::string_view raw, BehaviourDecl* b) {
    Pattern p;
    p.turn_scope = word == "match-turn";
    // An optional name: an identifier with a colon right after it.
    size_t n = 0;
    while (n < rest.size() && (std::islower(static_cast<unsigned char>(rest[n])) ||
                               std::isdigit(static_cast<unsigned char>(rest[n])) || rest[n] == '_'))
      ++n;
    if (n > 0 && n < rest.size() && rest[n] == ':' &&
        (n + 1 == rest.size() || rest[n + 1] == ' ' || rest[n + 1] == '\t')) {
      p.name = std::string(rest.substr(0, n));
      size_t skip = n + 1;
      while (skip < rest.size() && (rest[skip] == ' ' || rest[skip] == '\t')) ++skip;
      rest.remove_prefix(skip);
      rest_col += static_cast<int>(skip);
      const std::vector<Pattern>& same = word == "match" || word == "match-turn" ? b->matches
                                         : word == "veto"                        ? b->vetoes
                                                                                 : b->turn_vetoes;
      for (const auto& q : same) {
        if (q.name == p.name) {
          Error(line_no, rest_col - static_cast<int>(skip),
                "pattern name '" + p.name + "' is already used in behaviour '" + b->id +
                    "' (line " + std::to_string(q.loc.line) + ")",
                raw);
          return;
        }
      }
    }
    // An optional condition in braces at the end.
    std::string_view body = StripComment(rest);
    if (!body.empty() && body.back() == '}') {
      size_t open = body.rfind('{');
      if (open == std::string_view::npos) {
        Error(line_no, rest_col + static_cast<int>(body.size()) - 1, "'}' without a matching '{'",
              raw);
        return;
      }
      int cond_col = rest_col + static_cast<int>(open);
      if (word != "match" && word != "match-turn") {
        Error(line_no, cond_col, "a condition in braces applies only to 'match' and 'match-turn'",
              raw);
        return;
      }
      std::vector<std::string_view> args =
          SplitWhitespace(body.substr(open + 1, body.size() - open - 2));
      if (args.empty() || args[0] != "echo" || args.size() > 3) {
        Error(line_no, cond_col,
              "expected a condition like '{echo 2}', '{echo 40%}' or '{echo 2 40%}'", raw);
        return;
      }
      for (size_t i = 1; i < args.size(); ++i) {
        std::string_view a = args[i];
        bool percent = !a.empty() && a.back() == '%';
        if (percent) a.remove_suffix(1);
        int v = 0;
        if (!ParseInt(a, &v) || v < 1 || (percent ? v > 100 : v > 50)) {
          Error(line_no, cond_col,
                "expected a count of 1 to 50 or a share of 1% to 100% in '{echo ...}', got '" +
                    std::string(args[i]) + "'",
                raw);
          return;
        }
        (percent ? p.echo_share : p.echo_min) = v;
      }
      if (!p.has_echo()) {
        Error(line_no, cond_col, "'{echo}' needs a count or a share, e.g. '{echo 2}'", raw);
        return;
      }
      body = Trim(body.substr(0, open));
      rest = body;
    }
    Location loc{path_, line_no, rest_col};
    p.loc = loc;
    p.source = std::string(StripComment(rest));
    if (p.source.empty() && p.has_echo()) {
      p.empty = true;  // the condition alone: judged on every sentence
    } else if (!ParsePattern(rest, loc, raw, &p.root, diags_)) {
      ++errors_;
      return;
    }
    (word == "match" || word == "match-turn" ? b->matches
     : word == "veto"                        ? b->vetoes
                                             : b->turn_vetoes)
        .push_back(std::move(p));
  }

  void ParseBehaviourLine(std::string_view word, std::string_view rest, int line_no, int col,
                          int rest_col, std::string_view raw) {
    BehaviourDecl& b = out_->behaviours.back();
    Location loc{path_, line_no, rest_col};
    auto need_rest = [&]() {
      if (Trim(StripComment(rest)).empty()) {
        Error(line_no, rest_col, "expected a value after '" + std::string(word) + "'", raw);
        return false;
      }
      return true;
    };
    if (word == "+" || word == "-") {
      if (!need_rest()) return;
      Example ex;
      ex.positive = word == "+";
      ex.loc = {path_, line_no, col};
      ex.context = context_;
      // Remove the [ ] marks, remembering the span; "\[" and "\]" are literal.
      for (size_t i = 0; i < rest.size(); ++i) {
        char c = rest[i];
        if (c == '\\' && i + 1 < rest.size() && (rest[i + 1] == '[' || rest[i + 1] == ']')) {
          ex.text.push_back(rest[++i]);
        } else if (c == '[') {
          if (ex.mark_begin >= 0) {
            Error(line_no, rest_col + static_cast<int>(i), "only one [marked] span per example",
                  raw);
            return;
          }
          ex.mark_begin = static_cast<int>(ex.text.size());
        } else if (c == ']') {
          if (ex.mark_begin < 0 || ex.mark_end >= 0) {
            Error(line_no, rest_col + static_cast<int>(i), "']' without a matching '['", raw);
            return;
          }
          ex.mark_end = static_cast<int>(ex.text.size());
        } else {
          ex.text.push_back(c);
        }
      }
      if (ex.mark_begin >= 0 && ex.mark_end < 0) {
        Error(line_no, rest_col, "'[' without a matching ']'", raw);
        return;
      }
      if (!ex.positive && ex.mark_begin >= 0) {
        Error(line_no, rest_col, "a '-' example cannot mark a span; it must not match at all", raw);
        return;
      }
      b.examples.push_back(std::move(ex));
      return;
    }
    if (word == "<") {
      if (!need_rest()) return;
      context_ = std::string(Trim(rest));
      return;
    }
    if (word == "match" || word == "match-turn" || word == "veto" || word == "veto-turn") {
      ParsePatternLine(word, rest, line_no, rest_col, raw, &b);
      return;
    }
    if (word == "title" || word == "tip" || StartsWith(word, "title-") ||
        StartsWith(word, "tip-")) {
      if (!need_rest()) return;
      size_t dash = word.find('-');
      std::string lang;
      if (dash != std::string_view::npos) {
        lang = std::string(word.substr(dash + 1));
        if (!IsLanguageCode(lang)) {
          Error(line_no, col + static_cast<int>(dash) + 1,
                "expected a language code after '" + std::string(word.substr(0, dash + 1)) + "'",
                raw);
          return;
        }
      }
      auto& map = StartsWith(word, "tip") ? b.tips : b.titles;
      map[lang] = std::string(Trim(rest));
      return;
    }
    if (word == "description") {
      if (!need_rest()) return;
      if (!b.description.empty()) b.description += ' ';
      b.description += std::string(Trim(rest));
      return;
    }
    std::string_view arg = StripComment(rest);
    std::vector<std::string_view> args = SplitWhitespace(arg);
    if (word == "kind") {
      if (arg == "expected")
        b.kind = Kind::kExpected;
      else if (arg == "avoid")
        b.kind = Kind::kAvoid;
      else if (arg == "signal")
        b.kind = Kind::kSignal;
      else
        Error(
            line_no, rest_col,
            "expected 'expected', 'avoid' or 'signal' after 'kind', got '" + std::string(arg) + "'",
            raw);
      if (b.kind && *b.kind == Kind::kSignal && !b.speaker_set) b.speaker = SpeakerScope::kCustomer;
    } else if (word == "speaker") {
      b.speaker_set = true;
      if (arg == "agent")
        b.speaker = SpeakerScope::kAgent;
      else if (arg == "customer")
        b.speaker = SpeakerScope::kCustomer;
      else if (arg == "any")
        b.speaker = SpeakerScope::kAny;
      else
        Error(
            line_no, rest_col,
            "expected 'agent', 'customer' or 'any' after 'speaker', got '" + std::string(arg) + "'",
            raw);
    } else if (word == "severity") {
      b.level_set = true;
      if (arg == "error")
        b.level = Level::kError;
      else if (arg == "warning")
        b.level = Level::kWarning;
      else if (arg == "info")
        b.level = Level::kInfo;
      else
        Error(line_no, rest_col,
              "expected 'error', 'warning' or 'info' after 'severity', got '" + std::string(arg) +
                  "'",
              raw);
    } else if (word == "weight") {
      double w = 0;
      auto r = std::from_chars(arg.data(), arg.data() + arg.size(), w);
      if (arg.empty() || r.ec != std::errc() || r.ptr != arg.data() + arg.size() || w < 0 ||
          w > 100) {
        Error(line_no, rest_col,
              "expected a weight between 0 and 100, got '" + std::string(arg) + "'", raw);
      } else {
        b.weight = w;
      }
    } else if (word == "position") {
      if (args.size() != 2 || (args[0] != "first" && args[0] != "last")) {
        Error(line_no, rest_col, "expected 'position first N' or 'position last N'", raw);
        return;
      }
      int n;
      if (!ParseNumberArg(args[1], line_no, rest_col, raw, &n, "a number of turns")) return;
      if (n < 1) {
        Error(line_no, rest_col, "position needs at least 1 turn", raw);
        return;
      }
      b.position =
          args[0] == "first" ? BehaviourDecl::Position::kFirst : BehaviourDecl::Position::kLast;
      b.position_n = n;
    } else if (word == "time") {
      std::string_view secs = args.size() == 2 ? args[1] : std::string_view();
      if (!secs.empty() && secs.back() == 's') secs.remove_suffix(1);
      int n;
      if (args.size() != 2 || (args[0] != "first" && args[0] != "last") || !ParseInt(secs, &n) ||
          n < 1) {
        Error(line_no, rest_col,
              "expected 'time first N' or 'time last N' (seconds, e.g. 'time first 30')", raw);
        return;
      }
      b.time_window =
          args[0] == "first" ? BehaviourDecl::TimeWindow::kFirst : BehaviourDecl::TimeWindow::kLast;
      b.time_seconds = n;
    } else if (word == "after") {
      if (args.size() != 3 || args[1] != "within" || !IsIdentifier(args[0])) {
        Error(line_no, rest_col, "expected 'after SIGNAL within N'", raw);
        return;
      }
      int n;
      if (!ParseNumberArg(args[2], line_no, rest_col, raw, &n, "a number of agent turns")) return;
      if (n < 1) {
        Error(line_no, rest_col, "'within' needs at least 1 turn", raw);
        return;
      }
      b.trigger = std::string(args[0]);
      b.trigger_window = n;
      b.trigger_loc = loc;
    } else if (word == "applies-if" || word == "applies-unless") {
      if (args.empty()) {
        Error(line_no, rest_col,
              "expected one or more signal ids after '" + std::string(word) + "'", raw);
        return;
      }
      for (auto a : args) {
        if (!IsIdentifier(a)) {
          Error(line_no, rest_col, "expected a signal id, got '" + std::string(a) + "'", raw);
          return;
        }
        (word == "applies-if" ? b.applies_if : b.applies_unless).emplace_back(a);
      }
      b.applies_loc = loc;
    } else if (word == "first-use") {
      if (!args.empty()) {
        Error(line_no, rest_col, "'first-use' takes no argument", raw);
        return;
      }
      b.first_use = true;
    } else if (word == "min-turns") {
      int n;
      if (args.size() != 1 ||
          !ParseNumberArg(args[0], line_no, rest_col, raw, &n, "a number of turns"))
        return;
      if (n < 1) {
        Error(line_no, rest_col, "'min-turns' needs at least 1", raw);
        return;
      }
      b.min_turns = n;
    } else if (word == "channel") {
      Channel ch;
      for (auto a : args) {
        if (!ParseChannel(a, &ch)) {
          Error(
              line_no, rest_col,
              "expected channels (chat, call, email) after 'channel', got '" + std::string(a) + "'",
              raw);
          return;
        }
        b.channels.push_back(ch);
      }
      if (args.empty()) Error(line_no, rest_col, "expected channels (chat, call, email)", raw);
    } else if (word == "otherwise") {
      b.otherwise_set = true;
      if (arg == "missed")
        b.otherwise = Otherwise::kMissed;
      else if (arg == "not_applicable")
        b.otherwise = Otherwise::kNotApplicable;
      else
        Error(line_no, rest_col,
              "expected 'missed' or 'not_applicable' after 'otherwise', got '" + std::string(arg) +
                  "'",
              raw);
    } else {
      Error(line_no, col,
            "unknown directive '" + std::string(word) + "'" +
                DidYouMean(word, BehaviourDirectives()) + " in behaviour '" + b.id + "'",
            raw);
    }
  }

  const std::string& path_;
  std::string_view content_;
  RuleFile* out_;
  Diagnostics* diags_;
  Block block_ = Block::kNone;
  int errors_ = 0;
  std::string context_;  // the last `< TEXT` line of the current behaviour
};

}  // namespace

bool ParsePattern(std::string_view text, const Location& loc, std::string_view source_line,
                  PatternNode* out, Diagnostics* diags, bool lexicon_items) {
  PatternParser p(text, loc, source_line, diags);
  return p.Parse(out, lexicon_items);
}

bool ParseRuleFile(const std::string& path, std::string_view content, RuleFile* out,
                   Diagnostics* diags) {
  FileParser p(path, content, out, diags);
  return p.Parse();
}

}  // namespace tact::rules
