#include "score/scorecard.h"

#include <algorithm>
#include <charconv>
#include <span>

#include "common/strings.h"
#include "rules/builtin.h"
#include "rules/parse_util.h"

namespace tact::score {
namespace {

bool ParseNumber(std::string_view s, double* out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

bool ScorecardItem::AppliesTo(Channel c) const {
  return channels.empty() || std::find(channels.begin(), channels.end(), c) != channels.end();
}

const ScorecardItem* Scorecard::Find(std::string_view id) const {
  for (const auto& i : items)
    if (i.id == id) return &i;
  return nullptr;
}

namespace {

// One scorecard file, line by line; each directive a handler in the table
// of Directives().
class ScorecardParser {
 public:
  ScorecardParser(const std::string& file, Scorecard* out, Diagnostics* diags)
      : file_(file), out_(out), diags_(diags) {}

  // Returns whether a `scorecard NAME` line was seen.
  bool Parse(std::string_view text) {
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      raw_ = text.substr(pos, nl - pos);
      if (!raw_.empty() && raw_.back() == '\r') raw_.remove_suffix(1);
      pos = nl + 1;
      ++line_no_;
      line_ = rules::StripComment(raw_);
      if (!line_.empty()) ParseLine();
      if (nl == text.size()) break;
    }
    return in_block_;
  }

 private:
  using Handler = void (ScorecardParser::*)();
  struct Directive {
    std::string_view word;
    Handler handler;
  };

  static std::span<const Directive> Directives() {
    static const Directive k[] = {
        {"title", &ScorecardParser::Title}, {"penalty", &ScorecardParser::Penalty},
        {"expect", &ScorecardParser::Item}, {"avoid", &ScorecardParser::Item},
        {"metric", &ScorecardParser::Item}, {"threshold", &ScorecardParser::Threshold},
    };
    return k;
  }

  void Error(int col, std::string msg) {
    Diagnostic d = MakeError(file_, line_no_, col, std::move(msg));
    d.source_line = std::string(raw_);
    diags_->push_back(std::move(d));
  }
  int ColOf(size_t i) const { return static_cast<int>(w_[i].data() - raw_.data()) + 1; }

  void ParseLine() {
    col_ = static_cast<int>(line_.data() - raw_.data()) + 1;
    w_ = SplitWhitespace(line_);
    if (w_[0] == "scorecard") return Start();
    if (!in_block_) {
      Error(col_, "expected 'scorecard NAME' first, got '" + std::string(w_[0]) + "'");
      return;
    }
    for (const auto& d : Directives()) {
      if (w_[0] == d.word) return (this->*d.handler)();
    }
    std::vector<std::string> known;
    for (const auto& d : Directives()) known.emplace_back(d.word);
    Error(col_,
          "unknown scorecard directive '" + std::string(w_[0]) + "'" + DidYouMean(w_[0], known));
  }

  void Start() {
    if (in_block_) {
      Error(col_, "one scorecard per file");
    } else if (w_.size() != 2) {
      Error(col_, "expected 'scorecard NAME'");
    } else {
      out_->name = std::string(w_[1]);
      in_block_ = true;
    }
  }

  void Title() { out_->title = std::string(Trim(line_.substr(5))); }

  void Penalty() {
    if (w_.size() % 2 != 1 || w_.size() < 3)
      Error(col_, "expected 'penalty error N warning N info N'");
    for (size_t i = 1; i + 1 < w_.size(); i += 2) {
      double v;
      Level l = w_[i] == "error"     ? Level::kError
                : w_[i] == "warning" ? Level::kWarning
                                     : Level::kInfo;
      if ((w_[i] != "error" && w_[i] != "warning" && w_[i] != "info") ||
          !ParseNumber(w_[i + 1], &v) || v < 0 || v > 100) {
        Error(ColOf(i), "expected a severity (error, warning, info) and points from 0 to 100");
        break;
      }
      out_->penalties[l] = v;
    }
  }

  void Threshold() {
    std::string spec;
    for (size_t i = 1; i < w_.size(); ++i) spec += std::string(w_[i]);
    if (spec.find('=') == std::string::npos) {
      Error(col_, "expected 'threshold METRIC[.CHANNEL] = VALUE'");
    } else {
      out_->thresholds.push_back(spec);
    }
  }

  // `expect|avoid|metric ID [weight N] [penalty N] [critical] [channel ...]`
  void Item() {
    ScorecardItem item;
    item.type = w_[0] == "expect"  ? ScorecardItem::Type::kExpect
                : w_[0] == "avoid" ? ScorecardItem::Type::kAvoid
                                   : ScorecardItem::Type::kMetric;
    item.file = file_;
    item.line = line_no_;
    if (w_.size() < 2) {
      Error(col_, "expected an id after '" + std::string(w_[0]) + "'");
      return;
    }
    item.id = std::string(w_[1]);
    if (!ItemOptions(&item)) return;
    bool ok = true;
    for (const auto& other : out_->items) {
      if (other.id == item.id && other.channels.empty() && item.channels.empty()) {
        Error(ColOf(1),
              "'" + item.id + "' is already listed (line " + std::to_string(other.line) + ")");
        ok = false;
      }
    }
    if (ok) out_->items.push_back(std::move(item));
  }

  // The words after an item's id; false after an error.
  bool ItemOptions(ScorecardItem* item) {
    const bool avoid = item->type == ScorecardItem::Type::kAvoid;
    bool ok = true;
    for (size_t i = 2; i < w_.size() && ok; ++i) {
      double v;
      if ((w_[i] == "weight" || w_[i] == "penalty") && i + 1 < w_.size() &&
          ParseNumber(w_[i + 1], &v) && v >= 0 && v <= 100) {
        if (w_[i] == "weight" && avoid) {
          Error(ColOf(i), "an 'avoid' item takes a 'penalty', not a 'weight'");
          ok = false;
        } else if (w_[i] == "penalty" && !avoid) {
          Error(ColOf(i), "only 'avoid' items take a 'penalty'; use 'weight'");
          ok = false;
        }
        (w_[i] == "weight" ? item->weight : item->penalty) = v;
        ++i;
      } else if (w_[i] == "weight" || w_[i] == "penalty") {
        Error(ColOf(i), "expected a number from 0 to 100 after '" + std::string(w_[i]) + "'");
        ok = false;
      } else if (w_[i] == "critical") {
        if (!avoid) {
          Error(ColOf(i), "only 'avoid' items can be critical");
          ok = false;
        }
        item->critical = true;
      } else if (w_[i] == "channel") {
        Channel c;
        size_t j = i + 1;
        while (j < w_.size() && ParseChannel(w_[j], &c)) {
          item->channels.push_back(c);
          ++j;
        }
        if (j == i + 1) {
          Error(ColOf(i), "expected channels (chat, call, email) after 'channel'");
          ok = false;
        }
        i = j - 1;
      } else {
        Error(ColOf(i), "unexpected '" + std::string(w_[i]) +
                            "'; expected weight N, penalty N, critical or channel ...");
        ok = false;
      }
    }
    return ok;
  }

  const std::string& file_;
  Scorecard* out_;
  Diagnostics* diags_;
  bool in_block_ = false;
  int line_no_ = 0;
  std::string_view raw_;             // the line as written
  std::string_view line_;            // without its comment, trimmed
  std::vector<std::string_view> w_;  // its words
  int col_ = 0;                      // of its first word
};

}  // namespace

bool ParseScorecard(const std::string& file, std::string_view text, Scorecard* out,
                    Diagnostics* diags) {
  out->file = file;
  size_t errors = diags->size();
  ScorecardParser parser(file, out, diags);
  if (!parser.Parse(text) && diags->size() == errors) {
    diags->push_back(MakeError(file, 0, 0, "no 'scorecard NAME' in this file"));
  }
  return diags->size() == errors;
}

bool CheckScorecardIds(const Scorecard& card,
                       const std::map<std::string, BehaviourKind>& behaviours,
                       const std::vector<std::string>& metrics, Diagnostics* diags) {
  bool ok = true;
  std::vector<std::string> names;
  for (const auto& [id, k] : behaviours) names.push_back(id);
  for (const auto& item : card.items) {
    auto fail = [&](std::string msg) {
      diags->push_back(MakeError(item.file, item.line, 0, std::move(msg)));
      ok = false;
    };
    if (item.id == "*") {
      if (item.critical) fail("'critical' needs a behaviour id, not '*'");
      continue;
    }
    if (item.type == ScorecardItem::Type::kMetric) {
      if (std::find(metrics.begin(), metrics.end(), item.id) == metrics.end())
        fail("unknown metric '" + item.id + "'" + DidYouMean(item.id, metrics));
      continue;
    }
    auto it = behaviours.find(item.id);
    if (it == behaviours.end()) {
      fail("unknown behaviour '" + item.id + "'" + DidYouMean(item.id, names));
      continue;
    }
    BehaviourKind want = item.type == ScorecardItem::Type::kExpect ? BehaviourKind::kExpected
                                                                   : BehaviourKind::kAvoid;
    if (it->second != want) {
      fail("'" + item.id + "' is " + std::string(KindName(it->second)) + "; list it with '" +
           (it->second == BehaviourKind::kExpected ? "expect"
            : it->second == BehaviourKind::kAvoid  ? "avoid"
                                                   : "(signals are not scored)") +
           "'");
    }
  }
  return ok;
}

Scorecard BuiltinScorecard() {
  Scorecard card;
  for (const rules::EmbeddedFile* f : rules::BuiltinFilesEndingWith("default.scorecard")) {
    Diagnostics d;
    ParseScorecard(f->path, std::string_view(f->data, f->size), &card,
                   &d);  // CTest checks it parses
  }
  return card;
}

}  // namespace tact::score
