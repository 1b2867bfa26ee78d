#include "report/eval_writer.h"

#include <fmt/format.h>

#include "report/format.h"
#include "report/json.h"
#include "report/report_util.h"

namespace tact::report {
namespace {

using agreement::Agreement;
using agreement::Confusion;

// Two decimals; 0/0 as "-" (text) or "–" (Markdown).
std::string Ratio(const std::optional<double>& v, std::string_view none = "-") {
  return v ? Fixed(*v, 2) : std::string(none);
}

void TextRow(const std::string& name, const Confusion& c, std::string* out) {
  *out += fmt::format("  {:<22} {:>4} {:>4} {:>4} {:>4} {:>4}  {:>5} {:>5} {:>5} {:>5}\n", name,
                      c.n(), c.tp, c.fp, c.fn, c.tn, Ratio(c.Precision()), Ratio(c.Recall()),
                      Ratio(c.F1()), Ratio(c.Kappa()));
}

void TextHeader(std::string* out) {
  *out += fmt::format("  {:<22} {:>4} {:>4} {:>4} {:>4} {:>4}  {:>5} {:>5} {:>5} {:>5}\n",
                      "behaviour", "n", "TP", "FP", "FN", "TN", "prec", "rec", "F1", "kappa");
}

void Text(const Agreement& a, const EvalReportInfo& info, std::string* out) {
  Confusion total = a.Total();
  *out += fmt::format("tact eval: {} labelled conversation(s), {} label(s), accuracy {}\n",
                      a.conversations(), total.n(), Ratio(total.Accuracy()));
  for (const auto& [lang, rows] : a.table()) {
    Confusion lt = a.LanguageTotal(lang);
    *out += fmt::format("\n{}: {} conversation(s), {} label(s), accuracy {}\n", lang,
                        a.conversations(lang), lt.n(), Ratio(lt.Accuracy()));
    TextHeader(out);
    for (const auto& [b, c] : rows) TextRow(b, c, out);
  }
  if (a.table().size() > 1) {
    *out += fmt::format("\nall languages: accuracy {}\n", Ratio(total.Accuracy()));
    TextHeader(out);
    for (const auto& b : a.behaviours()) TextRow(b, a.BehaviourTotal(b), out);
  }
  if (info.show_disagreements && !a.disagreements().empty()) {
    *out += fmt::format("\ndisagreements ({})\n", a.disagreements().size());
    for (const auto& d : a.disagreements()) {
      *out += fmt::format("  {} [{}] {}: gold {}, tact {}", d.conversation, d.language, d.behaviour,
                          StatusName(d.gold), StatusName(d.tact));
      if (!d.note.empty()) *out += " (" + d.note + ")";
      *out += "\n";
      if (d.evidence.empty()) *out += "      no evidence\n";
      for (const auto& e : d.evidence) *out += "      " + e + "\n";
    }
  }
  if (info.unlabelled_conversations > 0)
    *out += fmt::format("\n{} conversation(s) analyzed without labels\n",
                        info.unlabelled_conversations);
  if (!info.unmatched.empty()) {
    *out +=
        fmt::format("\n{} labelled conversation(s) not among the inputs:", info.unmatched.size());
    for (const auto& k : info.unmatched) *out += " " + k;
    *out += "\n";
  }
  for (const auto& g : info.gates)
    *out += fmt::format("\ngate failed: {} = {:.2f} < {:.2f}", g.what, g.value, g.limit);
  if (!info.gates.empty()) *out += "\n";
}

std::string MdRatio(const std::optional<double>& v) { return Ratio(v, kDash); }

void MdTable(const std::vector<std::pair<std::string, Confusion>>& rows, std::string* out) {
  *out += "| behaviour | n | TP | FP | FN | TN | precision | recall | F1 | κ |\n";
  *out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& [b, c] : rows)
    *out += fmt::format("| `{}` | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", b, c.n(), c.tp,
                        c.fp, c.fn, c.tn, MdRatio(c.Precision()), MdRatio(c.Recall()),
                        MdRatio(c.F1()), MdRatio(c.Kappa()));
}

std::string MdEscape(const std::string& s) { return MarkdownCell(s, CarriageReturn::kKeep); }

void Markdown(const Agreement& a, const EvalReportInfo& info, std::string* out) {
  Confusion total = a.Total();
  *out += "# tact eval\n\n";
  *out += fmt::format("{} labelled conversation(s), {} label(s), accuracy **{}**.\n\n",
                      a.conversations(), total.n(), MdRatio(total.Accuracy()));
  *out += "| language | conversations | labels | accuracy |\n|---|---:|---:|---:|\n";
  for (const auto& [lang, rows] : a.table()) {
    Confusion lt = a.LanguageTotal(lang);
    *out += fmt::format("| {} | {} | {} | {} |\n", lang, a.conversations(lang), lt.n(),
                        MdRatio(lt.Accuracy()));
  }
  for (const auto& [lang, rows] : a.table()) {
    *out += fmt::format("\n## {}\n\n", lang);
    MdTable({rows.begin(), rows.end()}, out);
  }
  if (a.table().size() > 1) {
    *out += "\n## All languages\n\n";
    std::vector<std::pair<std::string, Confusion>> rows;
    for (const auto& b : a.behaviours()) rows.emplace_back(b, a.BehaviourTotal(b));
    MdTable(rows, out);
  }
  if (info.show_disagreements && !a.disagreements().empty()) {
    *out += fmt::format("\n## Disagreements ({})\n\n", a.disagreements().size());
    *out +=
        "| conversation | language | behaviour | gold | tact | evidence "
        "|\n|---|---|---|---|---|---|\n";
    for (const auto& d : a.disagreements()) {
      std::string ev;
      if (!d.note.empty()) ev = d.note;
      for (const auto& e : d.evidence) ev += (ev.empty() ? "" : "<br>") + e;
      if (ev.empty()) ev = "no evidence";
      *out +=
          fmt::format("| {} | {} | `{}` | {} | {} | {} |\n", MdEscape(d.conversation), d.language,
                      d.behaviour, StatusName(d.gold), StatusName(d.tact), MdEscape(ev));
    }
  }
  if (!info.unmatched.empty()) {
    *out +=
        fmt::format("\n{} labelled conversation(s) not among the inputs.\n", info.unmatched.size());
  }
  for (const auto& g : info.gates)
    *out += fmt::format("\n**Gate failed:** {} = {:.2f} < {:.2f}\n", g.what, g.value, g.limit);
}

void JsonConfusion(const Confusion& c, JsonWriter* w) {
  w->Key("n").Int(c.n());
  w->Key("tp").Int(c.tp);
  w->Key("fp").Int(c.fp);
  w->Key("fn").Int(c.fn);
  w->Key("tn").Int(c.tn);
  w->Key("precision").OptNumber(c.Precision());
  w->Key("recall").OptNumber(c.Recall());
  w->Key("f1").OptNumber(c.F1());
  w->Key("kappa").OptNumber(c.Kappa());
}

void Json(const Agreement& a, const EvalReportInfo& info, std::string* out) {
  JsonWriter w(out);
  Confusion total = a.Total();
  w.BeginObject();
  w.Key("tool")
      .BeginObject()
      .Key("name")
      .String("tact")
      .Key("version")
      .String(info.version)
      .EndObject();
  w.Key("conversations").Int(a.conversations());
  w.Key("labels").Int(total.n());
  w.Key("accuracy").OptNumber(total.Accuracy());
  w.Key("languages").BeginArray();
  for (const auto& [lang, rows] : a.table()) {
    Confusion lt = a.LanguageTotal(lang);
    w.BeginObject();
    w.Key("language").String(lang);
    w.Key("conversations").Int(a.conversations(lang));
    w.Key("labels").Int(lt.n());
    w.Key("accuracy").OptNumber(lt.Accuracy());
    w.Key("behaviours").BeginArray();
    for (const auto& [b, c] : rows) {
      w.BeginObject().Key("id").String(b);
      JsonConfusion(c, &w);
      w.EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  w.Key("behaviours").BeginArray();
  for (const auto& b : a.behaviours()) {
    w.BeginObject().Key("id").String(b);
    JsonConfusion(a.BehaviourTotal(b), &w);
    w.EndObject();
  }
  w.EndArray();
  w.Key("disagreements").BeginArray();
  if (info.show_disagreements) {
    for (const auto& d : a.disagreements()) {
      w.BeginObject();
      w.Key("conversation").String(d.conversation);
      w.Key("language").String(d.language);
      w.Key("behaviour").String(d.behaviour);
      w.Key("gold").String(StatusName(d.gold));
      w.Key("tact").String(StatusName(d.tact));
      if (!d.note.empty()) w.Key("note").String(d.note);
      w.Key("evidence").BeginArray();
      for (const auto& e : d.evidence) w.String(e);
      w.EndArray().EndObject();
    }
  }
  w.EndArray();
  w.Key("unlabelled_conversations").Int(info.unlabelled_conversations);
  w.Key("unmatched_labels").BeginArray();
  for (const auto& k : info.unmatched) w.String(k);
  w.EndArray();
  w.Key("skipped").Int(info.skipped);
  w.Key("gates_failed").BeginArray();
  for (const auto& g : info.gates)
    w.BeginObject()
        .Key("gate")
        .String(g.what)
        .Key("value")
        .Number(g.value)
        .Key("limit")
        .Number(g.limit)
        .EndObject();
  w.EndArray();
  w.EndObject();
  *out += "\n";
}

struct EvalFormat {
  const char* name;
  void (*write)(const Agreement& a, const EvalReportInfo& info, std::string* out);
};

// The eval report's formats; the first is the default.
constexpr EvalFormat kEvalFormats[] = {{"text", Text}, {"json", Json}, {"markdown", Markdown}};

}  // namespace

std::vector<std::string> EvalFormats() {
  std::vector<std::string> names;
  for (const auto& f : kEvalFormats) names.emplace_back(f.name);
  return names;
}

void WriteEvalReport(const std::string& format, const Agreement& a, const EvalReportInfo& info,
                     std::string* out) {
  for (const auto& f : kEvalFormats) {
    if (format == f.name) return f.write(a, info, out);
  }
  kEvalFormats[0].write(a, info, out);
}

}  // namespace tact::report
