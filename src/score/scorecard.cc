#include "score/scorecard.h"

#include <algorithm>
#include <charconv>

#include "common/strings.h"
#include "rules/builtin.h"

namespace tact::score {
namespace {

bool ParseNumber(std::string_view s, double* out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string_view StripComment(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) return Trim(s.substr(0, i));
  return Trim(s);
}

const std::vector<std::string>& Directives() {
  static const std::vector<std::string> k = {"title", "penalty", "expect", "avoid", "metric",
                                             "threshold"};
  return k;
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

bool ParseScorecard(const std::string& file, std::string_view text, Scorecard* out,
                    Diagnostics* diags) {
  out->file = file;
  size_t errors = diags->size();
  bool in_block = false;
  int line_no = 0;
  size_t pos = 0;
  auto error = [&](int col, std::string msg, std::string_view raw) {
    Diagnostic d = MakeError(file, line_no, col, std::move(msg));
    d.source_line = std::string(raw);
    diags->push_back(std::move(d));
  };
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    pos = nl + 1;
    ++line_no;
    std::string_view line = StripComment(raw);
    if (!line.empty()) {
      int col = static_cast<int>(line.data() - raw.data()) + 1;
      std::vector<std::string_view> w = SplitWhitespace(line);
      auto col_of = [&](size_t i) { return static_cast<int>(w[i].data() - raw.data()) + 1; };
      if (w[0] == "scorecard") {
        if (in_block) {
          error(col, "one scorecard per file", raw);
        } else if (w.size() != 2) {
          error(col, "expected 'scorecard NAME'", raw);
        } else {
          out->name = std::string(w[1]);
          in_block = true;
        }
      } else if (!in_block) {
        error(col, "expected 'scorecard NAME' first, got '" + std::string(w[0]) + "'", raw);
      } else if (w[0] == "title") {
        out->title = std::string(Trim(line.substr(5)));
      } else if (w[0] == "penalty") {
        if (w.size() % 2 != 1 || w.size() < 3) {
          error(col, "expected 'penalty error N warning N info N'", raw);
        }
        for (size_t i = 1; i + 1 < w.size(); i += 2) {
          double v;
          Level l = w[i] == "error" ? Level::kError : w[i] == "warning" ? Level::kWarning : Level::kInfo;
          if ((w[i] != "error" && w[i] != "warning" && w[i] != "info") || !ParseNumber(w[i + 1], &v) ||
              v < 0 || v > 100) {
            error(col_of(i), "expected a severity (error, warning, info) and points from 0 to 100", raw);
            break;
          }
          out->penalties[l] = v;
        }
      } else if (w[0] == "threshold") {
        std::string spec;
        for (size_t i = 1; i < w.size(); ++i) spec += std::string(w[i]);
        if (spec.find('=') == std::string::npos) {
          error(col, "expected 'threshold METRIC[.CHANNEL] = VALUE'", raw);
        } else {
          out->thresholds.push_back(spec);
        }
      } else if (w[0] == "expect" || w[0] == "avoid" || w[0] == "metric") {
        ScorecardItem item;
        item.type = w[0] == "expect"  ? ScorecardItem::Type::kExpect
                    : w[0] == "avoid" ? ScorecardItem::Type::kAvoid
                                      : ScorecardItem::Type::kMetric;
        item.file = file;
        item.line = line_no;
        if (w.size() < 2) {
          error(col, "expected an id after '" + std::string(w[0]) + "'", raw);
          continue;
        }
        item.id = std::string(w[1]);
        bool ok = true;
        for (size_t i = 2; i < w.size() && ok; ++i) {
          double v;
          if ((w[i] == "weight" || w[i] == "penalty") && i + 1 < w.size() &&
              ParseNumber(w[i + 1], &v) && v >= 0 && v <= 100) {
            if (w[i] == "weight" && item.type == ScorecardItem::Type::kAvoid) {
              error(col_of(i), "an 'avoid' item takes a 'penalty', not a 'weight'", raw);
              ok = false;
            } else if (w[i] == "penalty" && item.type != ScorecardItem::Type::kAvoid) {
              error(col_of(i), "only 'avoid' items take a 'penalty'; use 'weight'", raw);
              ok = false;
            }
            (w[i] == "weight" ? item.weight : item.penalty) = v;
            ++i;
          } else if (w[i] == "weight" || w[i] == "penalty") {
            error(col_of(i), "expected a number from 0 to 100 after '" + std::string(w[i]) + "'", raw);
            ok = false;
          } else if (w[i] == "critical") {
            if (item.type != ScorecardItem::Type::kAvoid) {
              error(col_of(i), "only 'avoid' items can be critical", raw);
              ok = false;
            }
            item.critical = true;
          } else if (w[i] == "channel") {
            Channel c;
            size_t j = i + 1;
            while (j < w.size() && ParseChannel(w[j], &c)) {
              item.channels.push_back(c);
              ++j;
            }
            if (j == i + 1) {
              error(col_of(i), "expected channels (chat, call, email) after 'channel'", raw);
              ok = false;
            }
            i = j - 1;
          } else {
            error(col_of(i),
                  "unexpected '" + std::string(w[i]) +
                      "'; expected weight N, penalty N, critical or channel ...",
                  raw);
            ok = false;
          }
        }
        if (!ok) continue;
        for (const auto& other : out->items) {
          if (other.id == item.id && other.channels.empty() && item.channels.empty()) {
            error(col_of(1),
                  "'" + item.id + "' is already listed (line " + std::to_string(other.line) + ")", raw);
            ok = false;
          }
        }
        if (ok) out->items.push_back(std::move(item));
      } else {
        error(col,
              "unknown scorecard directive '" + std::string(w[0]) + "'" +
                  DidYouMean(w[0], Directives()),
              raw);
      }
    }
    if (nl == text.size()) break;
  }
  if (!in_block && diags->size() == errors) {
    diags->push_back(MakeError(file, 0, 0, "no 'scorecard NAME' in this file"));
  }
  return diags->size() == errors;
}

bool CheckScorecardIds(const Scorecard& card, const std::map<std::string, BehaviourKind>& behaviours,
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
    BehaviourKind want =
        item.type == ScorecardItem::Type::kExpect ? BehaviourKind::kExpected : BehaviourKind::kAvoid;
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
  for (const auto& f : rules::BuiltinRuleFiles()) {
    std::string path(f.path);
    if (path.size() >= 17 && path.compare(path.size() - 17, 17, "default.scorecard") == 0) {
      Diagnostics d;
      ParseScorecard(path, std::string_view(f.data, f.size), &card, &d);  // CTest checks it parses
    }
  }
  return card;
}

}  // namespace tact::score
