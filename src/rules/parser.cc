// Rule files: one directive per line, each kind of block a table of
// directives (the pattern grammar is in pattern_parser.cc).
#include "rules/parser.h"

#include <cctype>
#include <charconv>
#include <span>
#include <string>
#include <vector>

#include "common/strings.h"
#include "rules/parse_util.h"

namespace tact::rules {
namespace {

constexpr int kMaxErrorsPerFile = 25;

const std::vector<std::string>& BlockKeywords() {
  static const std::vector<std::string> k = {"behaviour", "lexicon", "pack", "include"};
  return k;
}

// One line of a rule file, split into its directive word and the rest.
struct Line {
  std::string_view raw;   // as written, for the diagnostics
  std::string_view text;  // trimmed
  std::string_view word;  // the directive
  std::string_view rest;  // after the directive, leading blanks removed
  int no = 0;             // line number
  int col = 0;            // of the directive
  int rest_col = 0;       // of the rest
};

Line SplitLine(std::string_view raw, int line_no) {
  Line l;
  l.raw = raw;
  l.text = Trim(raw);
  l.no = line_no;
  size_t indent = static_cast<size_t>(l.text.data() - raw.data());
  l.col = static_cast<int>(indent) + 1;
  size_t sp = 0;
  while (sp < l.text.size() && l.text[sp] != ' ' && l.text[sp] != '\t') ++sp;
  l.word = l.text.substr(0, sp);
  l.rest = l.text.substr(sp);
  size_t rest_off = indent + sp;
  while (!l.rest.empty() && (l.rest[0] == ' ' || l.rest[0] == '\t')) {
    l.rest.remove_prefix(1);
    ++rest_off;
  }
  l.rest_col = static_cast<int>(rest_off) + 1;
  return l;
}

// A word among fixed choices ("kind expected"); the error names them all:
// "expected 'a', 'b' or 'c' after 'WORD', got 'ARG'".
template <typename E>
struct Choice {
  std::string_view word;
  E value;
};

template <typename E, size_t N>
bool Choose(std::string_view arg, const Choice<E> (&choices)[N], E* out, std::string* error,
            std::string_view directive) {
  for (const auto& c : choices) {
    if (arg == c.word) {
      *out = c.value;
      return true;
    }
  }
  std::string list;
  for (size_t i = 0; i < N; ++i) {
    list += (i == 0 ? "'" : i + 1 == N ? " or '" : ", '") + std::string(choices[i].word) + "'";
  }
  *error = "expected " + list + " after '" + std::string(directive) + "', got '" +
           std::string(arg) + "'";
  return false;
}

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

  // The directives of each kind of line, as tables: a new directive is a
  // handler and a row (the tables are at the end of the class, where every
  // handler is declared).
  using LineHandler = void (FileParser::*)(const Line&);
  using PackHandler = void (FileParser::*)(const Line&, std::string_view rest, PackDecl*);
  using BehaviourHandler = void (FileParser::*)(const Line&, BehaviourDecl*);
  struct BlockDirective {
    std::string_view word;
    LineHandler handler;
  };
  struct PackDirective {
    std::string_view word;
    PackHandler handler;
  };
  struct BehaviourDirective {
    std::string_view word;
    BehaviourHandler handler;
    bool suggested;  // offered by did-you-mean (`time` never was)
  };

  void Error(int line, int col, std::string msg, std::string_view source_line) {
    Diagnostic d = MakeError(path_, line, col, std::move(msg));
    d.source_line = std::string(source_line);
    diags_->push_back(std::move(d));
    ++errors_;
  }
  void Error(const Line& l, int col, std::string msg) { Error(l.no, col, std::move(msg), l.raw); }

  void FinishBlock() {
    if (block_ == Block::kBehaviour) {
      FinishBehaviour(out_->behaviours.back());
    } else if (block_ == Block::kLexicon && out_->lexicons.back().items.empty()) {
      const LexiconDecl& l = out_->lexicons.back();
      Error(l.loc.line, l.loc.column, "lexicon '" + l.name + "' is empty", "");
    }
    block_ = Block::kNone;
  }

  // The checks that need the whole behaviour.
  void FinishBehaviour(const BehaviourDecl& b) {
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
  }

  void ParseLine(std::string_view raw, int line_no) {
    const Line l = SplitLine(raw, line_no);
    if (l.text.empty() || l.text[0] == '#') return;
    for (const auto& d : BlockDirectives()) {
      if (l.word == d.word) {
        FinishBlock();
        (this->*d.handler)(l);
        return;
      }
    }
    switch (block_) {
      case Block::kNone: {
        std::string msg = "expected 'behaviour', 'lexicon' or 'pack' to start a block, got '" +
                          std::string(l.word) + "'";
        Error(l, l.col, msg + DidYouMean(l.word, BlockKeywords()));
        return;
      }
      case Block::kLexicon:
        return ParseLexiconLine(l);
      case Block::kPack:
        return ParsePackLine(l);
      case Block::kBehaviour:
        return ParseBehaviourLine(l);
    }
  }

  // --- Block starts -------------------------------------------------------

  void StartInclude(const Line& l) {
    std::string_view target = StripComment(l.rest);
    if (target.empty()) {
      Error(l, l.rest_col, "expected a file after 'include', e.g. 'include lists/jargon.rules'");
      return;
    }
    out_->includes.push_back({std::string(target), {path_, l.no, l.rest_col}});
  }

  void StartPack(const Line& l) {
    std::string_view name = StripComment(l.rest);
    if (!IsLanguageCode(name)) {
      Error(l, l.rest_col, "expected a language code after 'pack', e.g. 'pack en'");
      return;
    }
    PackDecl p;
    p.code = std::string(name);
    p.loc = {path_, l.no, l.col};
    out_->packs.push_back(std::move(p));
    block_ = Block::kPack;
  }

  // The name after 'behaviour' or 'lexicon', or "" after an error.
  std::string_view BlockName(const Line& l, const char* what) {
    std::string_view name = StripComment(l.rest);
    if (IsIdentifier(name)) return name;
    Error(l, l.rest_col,
          "expected a " + std::string(what) + " of lowercase letters, digits and '_' after '" +
              std::string(l.word) + "'");
    return {};
  }

  void StartLexicon(const Line& l) {
    std::string_view name = BlockName(l, "lexicon name");
    if (name.empty()) return;
    LexiconDecl d;
    d.name = std::string(name);
    d.loc = {path_, l.no, l.col};
    out_->lexicons.push_back(std::move(d));
    block_ = Block::kLexicon;
  }

  void StartBehaviour(const Line& l) {
    std::string_view name = BlockName(l, "behaviour id");
    if (name.empty()) return;
    context_.clear();
    BehaviourDecl b;
    b.id = std::string(name);
    b.loc = {path_, l.no, l.col};
    out_->behaviours.push_back(std::move(b));
    block_ = Block::kBehaviour;
  }

  // --- Lexicon and pack blocks --------------------------------------------

  void ParseLexiconLine(const Line& l) {
    Location loc{path_, l.no, l.col};
    PatternNode items;
    if (!ParsePattern(l.text, loc, l.raw, &items, diags_, /*lexicon_items=*/true)) {
      ++errors_;
      return;
    }
    for (auto& item : items.children) {
      Pattern p;
      p.loc = {path_, l.no, item.column};
      p.root = std::move(item);
      out_->lexicons.back().items.push_back(std::move(p));
    }
  }

  void ParsePackLine(const Line& l) {
    std::string_view rest = StripComment(l.rest);
    if (rest.empty()) {
      Error(l, l.rest_col, "expected a value after '" + std::string(l.word) + "'");
      return;
    }
    for (const auto& d : PackDirectiveTable()) {
      if (l.word == d.word) return (this->*d.handler)(l, rest, &out_->packs.back());
    }
    std::vector<std::string> known;
    for (const auto& d : PackDirectiveTable()) known.emplace_back(d.word);
    std::string list;
    for (size_t i = 0; i < known.size(); ++i)
      list += (i == 0 ? "" : i + 1 == known.size() ? " or " : ", ") + known[i];
    Error(l, l.col,
          "unknown pack directive '" + std::string(l.word) + "'" + DidYouMean(l.word, known) +
              "; expected " + list);
  }

  // The words of a list directive: separated by blanks, or in double quotes
  // to hold blanks or a '#' ("customer service", "#"). False after an error.
  bool QuotedWords(const Line& l, std::string_view rest, int rest_col,
                   std::vector<std::string>* out) {
    size_t i = 0;
    while (i < rest.size()) {
      if (rest[i] == ' ' || rest[i] == '\t') {
        ++i;
        continue;
      }
      const int col = rest_col + static_cast<int>(i);
      size_t end;
      if (rest[i] == '"') {
        end = rest.find('"', i + 1);
        if (end == std::string_view::npos) {
          Error(l, col, "'\"' without a matching '\"'");
          return false;
        }
        std::string_view word = Trim(rest.substr(i + 1, end - i - 1));
        if (word.empty()) {
          Error(l, col, "expected words between the quotes, got '\"\"'");
          return false;
        }
        out->emplace_back(word);
        ++end;
      } else {
        end = rest.find_first_of(" \t", i);
        if (end == std::string_view::npos) end = rest.size();
        out->emplace_back(rest.substr(i, end - i));
      }
      i = end;
    }
    return true;
  }

  // `agent-words`, `customer-words`, `agent-phrases`, `help-openings`.
  void PackWordList(const Line& l, std::string_view rest, PackDecl* p) {
    static constexpr Choice<std::vector<std::string> PackVocabulary::*> kLists[] = {
        {"agent-words", &PackVocabulary::agent_words},
        {"customer-words", &PackVocabulary::customer_words},
        {"agent-phrases", &PackVocabulary::agent_phrases},
        {"help-openings", &PackVocabulary::help_openings},
    };
    for (const auto& c : kLists) {
      if (l.word == c.word) QuotedWords(l, rest, l.rest_col, &(p->vocabulary.*c.value));
    }
  }

  // The KIND[+whole][+adjacent] of a `pii-cue` line; false after an error.
  bool PiiCueKindAndFlags(const Line& l, std::string_view spec, PiiCueDecl* cue) {
    static constexpr Choice<PiiCueKind> kKinds[] = {
        {"id", PiiCueKind::kId},       {"phone", PiiCueKind::kPhone},
        {"weak", PiiCueKind::kWeak},   {"card", PiiCueKind::kCard},
        {"money", PiiCueKind::kMoney}, {"money-after", PiiCueKind::kMoneyAfter},
    };
    static constexpr Choice<bool PiiCueDecl::*> kFlags[] = {{"whole", &PiiCueDecl::whole},
                                                            {"adjacent", &PiiCueDecl::adjacent}};
    size_t plus = spec.find('+');
    std::string error;
    if (!Choose(spec.substr(0, plus), kKinds, &cue->kind, &error, "pii-cue")) {
      Error(l, l.rest_col, error);
      return false;
    }
    while (plus != std::string_view::npos) {
      const size_t next = spec.find('+', plus + 1);
      const std::string_view flag = spec.substr(plus + 1, next - plus - 1);
      bool PiiCueDecl::*member = nullptr;
      if (!Choose(flag, kFlags, &member, &error, "+")) {
        Error(l, l.rest_col + static_cast<int>(plus), error);
        return false;
      }
      if (member == &PiiCueDecl::adjacent && cue->kind == PiiCueKind::kMoneyAfter) {
        Error(l, l.rest_col + static_cast<int>(plus),
              "'+adjacent' does not apply to 'money-after': its words are always right after "
              "the number");
        return false;
      }
      cue->*member = true;
      plus = next;
    }
    return true;
  }

  // `pii-cue KIND[+whole][+adjacent] WORD…`.
  void PackPiiCue(const Line& l, std::string_view rest, PackDecl* p) {
    const size_t sp = rest.find_first_of(" \t");
    PiiCueDecl cue;
    if (!PiiCueKindAndFlags(l, rest.substr(0, sp), &cue)) return;
    std::vector<std::string> words;
    size_t from = sp == std::string_view::npos ? rest.size() : sp;
    if (!QuotedWords(l, rest.substr(from), l.rest_col + static_cast<int>(from), &words)) return;
    if (words.empty()) {
      Error(l, l.rest_col,
            "expected cue words after 'pii-cue " + std::string(rest.substr(0, sp)) +
                "', e.g. 'pii-cue id order ticket'");
      return;
    }
    for (auto& w : words) {
      cue.word = std::move(w);
      p->vocabulary.pii_cues.push_back(cue);
    }
  }

  void PackName(const Line&, std::string_view rest, PackDecl* p) { p->name = std::string(rest); }
  void PackStemmer(const Line&, std::string_view rest, PackDecl* p) {
    p->stemmer = std::string(rest);
  }
  void PackAbbreviations(const Line&, std::string_view rest, PackDecl* p) {
    for (auto w : SplitWhitespace(rest)) p->abbreviations.emplace_back(w);
  }
  void PackStopwords(const Line&, std::string_view rest, PackDecl* p) {
    for (auto w : SplitWhitespace(rest)) p->stopwords.emplace_back(w);
  }
  void PackAcronyms(const Line&, std::string_view rest, PackDecl* p) {
    for (auto w : SplitWhitespace(rest)) p->acronyms.emplace_back(w);
  }
  void PackAlphabet(const Line&, std::string_view rest, PackDecl* p) {
    for (auto w : SplitWhitespace(rest)) p->alphabet += std::string(w);
  }
  // `message KEY TEXT`: KEY is one word, TEXT the rest of the line.
  void PackMessage(const Line& l, std::string_view rest, PackDecl* p) {
    size_t sp = rest.find_first_of(" \t");
    std::string_view key = rest.substr(0, sp);
    std::string_view text = sp == std::string_view::npos ? std::string_view() : rest.substr(sp);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    if (text.empty()) {
      Error(l, l.rest_col,
            "expected 'message KEY TEXT', got no text after '" + std::string(key) + "'");
      return;
    }
    for (const auto& [k, v] : p->messages) {
      if (k == key) {
        Error(l, l.rest_col, "message '" + std::string(key) + "' is defined twice");
        return;
      }
    }
    p->messages.emplace_back(std::string(key), std::string(text));
  }

  // --- Behaviour blocks ---------------------------------------------------

  void ParseBehaviourLine(const Line& l) {
    BehaviourDecl* b = &out_->behaviours.back();
    for (const auto& d : BehaviourDirectives()) {
      if (l.word == d.word) return (this->*d.handler)(l, b);
    }
    // `title-es`, `tip-nb`: the text in another language.
    if (StartsWith(l.word, "title-") || StartsWith(l.word, "tip-")) return TitleOrTip(l, b);
    std::vector<std::string> known;
    for (const auto& d : BehaviourDirectives()) {
      if (d.suggested) known.emplace_back(d.word);
    }
    Error(l, l.col,
          "unknown directive '" + std::string(l.word) + "'" + DidYouMean(l.word, known) +
              " in behaviour '" + b->id + "'");
  }

  bool NeedRest(const Line& l) {
    if (!Trim(StripComment(l.rest)).empty()) return true;
    Error(l, l.rest_col, "expected a value after '" + std::string(l.word) + "'");
    return false;
  }

  // A count of at least 1: `what` names it when it is no number, `too_small`
  // is the error for 0.
  bool ReadCount(std::string_view s, const Line& l, const char* what, const char* too_small,
                 int* out) {
    if (!ParseInt(s, out)) {
      Error(l, l.rest_col, std::string("expected ") + what + ", got '" + std::string(s) + "'");
      return false;
    }
    if (*out < 1) {
      Error(l, l.rest_col, too_small);
      return false;
    }
    return true;
  }

  // `+ TEXT` / `- TEXT`: an example that must (not) match; a `+` may mark
  // the words it must match with [ ] ("\[" and "\]" are literal).
  void ExampleLine(const Line& l, BehaviourDecl* b) {
    if (!NeedRest(l)) return;
    Example ex;
    ex.positive = l.word == "+";
    ex.loc = {path_, l.no, l.col};
    ex.context = context_;
    const std::string_view rest = l.rest;
    for (size_t i = 0; i < rest.size(); ++i) {
      char c = rest[i];
      if (c == '\\' && i + 1 < rest.size() && (rest[i + 1] == '[' || rest[i + 1] == ']')) {
        ex.text.push_back(rest[++i]);
      } else if (c == '[') {
        if (ex.mark_begin >= 0) {
          Error(l, l.rest_col + static_cast<int>(i), "only one [marked] span per example");
          return;
        }
        ex.mark_begin = static_cast<int>(ex.text.size());
      } else if (c == ']') {
        if (ex.mark_begin < 0 || ex.mark_end >= 0) {
          Error(l, l.rest_col + static_cast<int>(i), "']' without a matching '['");
          return;
        }
        ex.mark_end = static_cast<int>(ex.text.size());
      } else {
        ex.text.push_back(c);
      }
    }
    if (ex.mark_begin >= 0 && ex.mark_end < 0) {
      Error(l, l.rest_col, "'[' without a matching ']'");
      return;
    }
    if (!ex.positive && ex.mark_begin >= 0) {
      Error(l, l.rest_col, "a '-' example cannot mark a span; it must not match at all");
      return;
    }
    b->examples.push_back(std::move(ex));
  }

  // `< TEXT`: the context of the examples that follow.
  void ContextLine(const Line& l, BehaviourDecl*) {
    if (!NeedRest(l)) return;
    context_ = std::string(Trim(l.rest));
  }

  void TitleOrTip(const Line& l, BehaviourDecl* b) {
    if (!NeedRest(l)) return;
    size_t dash = l.word.find('-');
    std::string lang;
    if (dash != std::string_view::npos) {
      lang = std::string(l.word.substr(dash + 1));
      if (!IsLanguageCode(lang)) {
        Error(l, l.col + static_cast<int>(dash) + 1,
              "expected a language code after '" + std::string(l.word.substr(0, dash + 1)) + "'");
        return;
      }
    }
    auto& map = StartsWith(l.word, "tip") ? b->tips : b->titles;
    map[lang] = std::string(Trim(l.rest));
  }

  void Description(const Line& l, BehaviourDecl* b) {
    if (!NeedRest(l)) return;
    if (!b->description.empty()) b->description += ' ';
    b->description += std::string(Trim(l.rest));
  }

  // A directive whose argument is one of fixed words; an error leaves *out.
  template <typename E, size_t N>
  bool ChooseArg(const Line& l, const Choice<E> (&choices)[N], E* out) {
    std::string error;
    if (Choose(StripComment(l.rest), choices, out, &error, l.word)) return true;
    Error(l, l.rest_col, error);
    return false;
  }

  void KindLine(const Line& l, BehaviourDecl* b) {
    static constexpr Choice<Kind> kChoices[] = {
        {"expected", Kind::kExpected}, {"avoid", Kind::kAvoid}, {"signal", Kind::kSignal}};
    if (Kind k{}; ChooseArg(l, kChoices, &k)) b->kind = k;
    if (b->kind && *b->kind == Kind::kSignal && !b->speaker_set)
      b->speaker = SpeakerScope::kCustomer;
  }

  void SpeakerLine(const Line& l, BehaviourDecl* b) {
    static constexpr Choice<SpeakerScope> kChoices[] = {{"agent", SpeakerScope::kAgent},
                                                        {"customer", SpeakerScope::kCustomer},
                                                        {"any", SpeakerScope::kAny}};
    b->speaker_set = true;
    ChooseArg(l, kChoices, &b->speaker);
  }

  void SeverityLine(const Line& l, BehaviourDecl* b) {
    static constexpr Choice<Level> kChoices[] = {
        {"error", Level::kError}, {"warning", Level::kWarning}, {"info", Level::kInfo}};
    b->level_set = true;
    ChooseArg(l, kChoices, &b->level);
  }

  void OtherwiseLine(const Line& l, BehaviourDecl* b) {
    static constexpr Choice<Otherwise> kChoices[] = {{"missed", Otherwise::kMissed},
                                                     {"not_applicable", Otherwise::kNotApplicable}};
    b->otherwise_set = true;
    ChooseArg(l, kChoices, &b->otherwise);
  }

  void WeightLine(const Line& l, BehaviourDecl* b) {
    std::string_view arg = StripComment(l.rest);
    double w = 0;
    auto r = std::from_chars(arg.data(), arg.data() + arg.size(), w);
    if (arg.empty() || r.ec != std::errc() || r.ptr != arg.data() + arg.size() || w < 0 ||
        w > 100) {
      Error(l, l.rest_col, "expected a weight between 0 and 100, got '" + std::string(arg) + "'");
    } else {
      b->weight = w;
    }
  }

  void PositionLine(const Line& l, BehaviourDecl* b) {
    std::vector<std::string_view> args = SplitWhitespace(StripComment(l.rest));
    if (args.size() != 2 || (args[0] != "first" && args[0] != "last")) {
      Error(l, l.rest_col, "expected 'position first N' or 'position last N'");
      return;
    }
    int n;
    if (!ReadCount(args[1], l, "a number of turns", "position needs at least 1 turn", &n)) return;
    b->position =
        args[0] == "first" ? BehaviourDecl::Position::kFirst : BehaviourDecl::Position::kLast;
    b->position_n = n;
  }

  void TimeLine(const Line& l, BehaviourDecl* b) {
    std::vector<std::string_view> args = SplitWhitespace(StripComment(l.rest));
    std::string_view secs = args.size() == 2 ? args[1] : std::string_view();
    if (!secs.empty() && secs.back() == 's') secs.remove_suffix(1);
    int n;
    if (args.size() != 2 || (args[0] != "first" && args[0] != "last") || !ParseInt(secs, &n) ||
        n < 1) {
      Error(l, l.rest_col,
            "expected 'time first N' or 'time last N' (seconds, e.g. 'time first 30')");
      return;
    }
    b->time_window =
        args[0] == "first" ? BehaviourDecl::TimeWindow::kFirst : BehaviourDecl::TimeWindow::kLast;
    b->time_seconds = n;
  }

  void AfterLine(const Line& l, BehaviourDecl* b) {
    std::vector<std::string_view> args = SplitWhitespace(StripComment(l.rest));
    if (args.size() != 3 || args[1] != "within" || !IsIdentifier(args[0])) {
      Error(l, l.rest_col, "expected 'after SIGNAL within N'");
      return;
    }
    int n;
    if (!ReadCount(args[2], l, "a number of agent turns", "'within' needs at least 1 turn", &n))
      return;
    b->trigger = std::string(args[0]);
    b->trigger_window = n;
    b->trigger_loc = {path_, l.no, l.rest_col};
  }

  void AppliesLine(const Line& l, BehaviourDecl* b) {
    std::vector<std::string_view> args = SplitWhitespace(StripComment(l.rest));
    if (args.empty()) {
      Error(l, l.rest_col, "expected one or more signal ids after '" + std::string(l.word) + "'");
      return;
    }
    for (auto a : args) {
      if (!IsIdentifier(a)) {
        Error(l, l.rest_col, "expected a signal id, got '" + std::string(a) + "'");
        return;
      }
      (l.word == "applies-if" ? b->applies_if : b->applies_unless).emplace_back(a);
    }
    b->applies_loc = {path_, l.no, l.rest_col};
  }

  void FirstUseLine(const Line& l, BehaviourDecl* b) {
    if (!SplitWhitespace(StripComment(l.rest)).empty()) {
      Error(l, l.rest_col, "'first-use' takes no argument");
      return;
    }
    b->first_use = true;
  }

  void MinTurnsLine(const Line& l, BehaviourDecl* b) {
    std::vector<std::string_view> args = SplitWhitespace(StripComment(l.rest));
    int n;
    if (args.size() != 1 ||
        !ReadCount(args[0], l, "a number of turns", "'min-turns' needs at least 1", &n))
      return;
    b->min_turns = n;
  }

  void ChannelLine(const Line& l, BehaviourDecl* b) {
    std::vector<std::string_view> args = SplitWhitespace(StripComment(l.rest));
    Channel ch;
    for (auto a : args) {
      if (!ParseChannel(a, &ch)) {
        Error(
            l, l.rest_col,
            "expected channels (chat, call, email) after 'channel', got '" + std::string(a) + "'");
        return;
      }
      b->channels.push_back(ch);
    }
    if (args.empty()) Error(l, l.rest_col, "expected channels (chat, call, email)");
  }

  // --- Pattern lines ------------------------------------------------------

  static std::vector<Pattern>& PatternList(std::string_view word, BehaviourDecl* b) {
    return word == "match" || word == "match-turn" ? b->matches
           : word == "veto"                        ? b->vetoes
                                                   : b->turn_vetoes;
  }

  // An optional name: an identifier with a colon right after it. Removes it
  // from *rest (moving *rest_col); false after an error.
  bool ReadPatternName(const Line& l, BehaviourDecl* b, std::string_view* rest, int* rest_col,
                       Pattern* p) {
    size_t n = 0;
    while (n < rest->size() &&
           (std::islower(static_cast<unsigned char>((*rest)[n])) ||
            std::isdigit(static_cast<unsigned char>((*rest)[n])) || (*rest)[n] == '_'))
      ++n;
    if (n == 0 || n >= rest->size() || (*rest)[n] != ':' ||
        !(n + 1 == rest->size() || (*rest)[n + 1] == ' ' || (*rest)[n + 1] == '\t'))
      return true;
    p->name = std::string(rest->substr(0, n));
    size_t skip = n + 1;
    while (skip < rest->size() && ((*rest)[skip] == ' ' || (*rest)[skip] == '\t')) ++skip;
    rest->remove_prefix(skip);
    *rest_col += static_cast<int>(skip);
    for (const auto& q : PatternList(l.word, b)) {
      if (q.name == p->name) {
        Error(l, *rest_col - static_cast<int>(skip),
              "pattern name '" + p->name + "' is already used in behaviour '" + b->id + "' (line " +
                  std::to_string(q.loc.line) + ")");
        return false;
      }
    }
    return true;
  }

  // An optional condition in braces at the end ("{echo 2 40%}"). Removes it
  // from *rest; false after an error.
  bool ReadCondition(const Line& l, std::string_view* rest, int rest_col, Pattern* p) {
    std::string_view body = StripComment(*rest);
    if (body.empty() || body.back() != '}') return true;
    size_t open = body.rfind('{');
    if (open == std::string_view::npos) {
      Error(l, rest_col + static_cast<int>(body.size()) - 1, "'}' without a matching '{'");
      return false;
    }
    int cond_col = rest_col + static_cast<int>(open);
    if (l.word != "match" && l.word != "match-turn") {
      Error(l, cond_col, "a condition in braces applies only to 'match' and 'match-turn'");
      return false;
    }
    std::vector<std::string_view> args =
        SplitWhitespace(body.substr(open + 1, body.size() - open - 2));
    if (args.empty() || args[0] != "echo" || args.size() > 3) {
      Error(l, cond_col, "expected a condition like '{echo 2}', '{echo 40%}' or '{echo 2 40%}'");
      return false;
    }
    for (size_t i = 1; i < args.size(); ++i) {
      std::string_view a = args[i];
      bool percent = !a.empty() && a.back() == '%';
      if (percent) a.remove_suffix(1);
      int v = 0;
      if (!ParseInt(a, &v) || v < 1 || (percent ? v > 100 : v > 50)) {
        Error(l, cond_col,
              "expected a count of 1 to 50 or a share of 1% to 100% in '{echo ...}', got '" +
                  std::string(args[i]) + "'");
        return false;
      }
      (percent ? p->echo_share : p->echo_min) = v;
    }
    if (!p->has_echo()) {
      Error(l, cond_col, "'{echo}' needs a count or a share, e.g. '{echo 2}'");
      return false;
    }
    *rest = Trim(body.substr(0, open));
    return true;
  }

  // `match [NAME:] PATTERN [{echo N P%}]` and its siblings.
  void PatternLine(const Line& l, BehaviourDecl* b) {
    Pattern p;
    p.turn_scope = l.word == "match-turn";
    std::string_view rest = l.rest;
    int rest_col = l.rest_col;
    if (!ReadPatternName(l, b, &rest, &rest_col, &p)) return;
    if (!ReadCondition(l, &rest, rest_col, &p)) return;
    Location loc{path_, l.no, rest_col};
    p.loc = loc;
    p.source = std::string(StripComment(rest));
    if (p.source.empty() && p.has_echo()) {
      p.empty = true;  // the condition alone: judged on every sentence
    } else if (!ParsePattern(rest, loc, l.raw, &p.root, diags_)) {
      ++errors_;
      return;
    }
    PatternList(l.word, b).push_back(std::move(p));
  }

  // --- The tables (here, where every handler is declared) ------------------

  static std::span<const BlockDirective> BlockDirectives() {
    static const BlockDirective k[] = {
        {"include", &FileParser::StartInclude},    {"behaviour", &FileParser::StartBehaviour},
        {"behavior", &FileParser::StartBehaviour}, {"lexicon", &FileParser::StartLexicon},
        {"pack", &FileParser::StartPack},
    };
    return k;
  }

  static std::span<const PackDirective> PackDirectiveTable() {
    static const PackDirective k[] = {
        {"name", &FileParser::PackName},
        {"stemmer", &FileParser::PackStemmer},
        {"abbreviations", &FileParser::PackAbbreviations},
        {"stopwords", &FileParser::PackStopwords},
        {"alphabet", &FileParser::PackAlphabet},
        {"acronyms", &FileParser::PackAcronyms},
        {"message", &FileParser::PackMessage},
        {"agent-words", &FileParser::PackWordList},
        {"customer-words", &FileParser::PackWordList},
        {"agent-phrases", &FileParser::PackWordList},
        {"help-openings", &FileParser::PackWordList},
        {"pii-cue", &FileParser::PackPiiCue},
    };
    return k;
  }

  // In the order did-you-mean has always offered them.
  static std::span<const BehaviourDirective> BehaviourDirectives() {
    static const BehaviourDirective k[] = {
        {"kind", &FileParser::KindLine, true},
        {"speaker", &FileParser::SpeakerLine, true},
        {"title", &FileParser::TitleOrTip, true},
        {"description", &FileParser::Description, true},
        {"tip", &FileParser::TitleOrTip, true},
        {"severity", &FileParser::SeverityLine, true},
        {"weight", &FileParser::WeightLine, true},
        {"position", &FileParser::PositionLine, true},
        {"after", &FileParser::AfterLine, true},
        {"otherwise", &FileParser::OtherwiseLine, true},
        {"match", &FileParser::PatternLine, true},
        {"match-turn", &FileParser::PatternLine, true},
        {"veto", &FileParser::PatternLine, true},
        {"veto-turn", &FileParser::PatternLine, true},
        {"+", &FileParser::ExampleLine, true},
        {"-", &FileParser::ExampleLine, true},
        {"<", &FileParser::ContextLine, true},
        {"applies-if", &FileParser::AppliesLine, true},
        {"applies-unless", &FileParser::AppliesLine, true},
        {"min-turns", &FileParser::MinTurnsLine, true},
        {"channel", &FileParser::ChannelLine, true},
        {"first-use", &FileParser::FirstUseLine, true},
        {"time", &FileParser::TimeLine, false},
    };
    return k;
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

bool ParseRuleFile(const std::string& path, std::string_view content, RuleFile* out,
                   Diagnostics* diags) {
  FileParser p(path, content, out, diags);
  return p.Parse();
}

}  // namespace tact::rules
