#include "cli/man_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace tact::cli {
namespace {

// The next code point of `s` at `*i` (advanced past it); U+FFFD for a byte
// that does not start a valid sequence.
uint32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto b = static_cast<unsigned char>(s[*i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  uint32_t cp = len == 1 ? b : b & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[*i + k]);
    if ((c >> 6) != 2) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  *i += len;
  return cp;
}

std::string Bold(std::string_view s) { return "\\fB" + RoffText(s) + "\\fR"; }
std::string Italic(std::string_view s) { return "\\fI" + RoffText(s) + "\\fR"; }

// "tact-rules": a command's page name.
std::string PageName(const CommandDoc& cmd) {
  std::string name = "tact";
  for (const auto& p : cmd.path) name += "-" + p;
  return name;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool Contains(const std::string& s, std::string_view word) {
  return s.find(word) != std::string::npos;
}

// "[OPTIONS] inputs..." after the command name.
std::string SynopsisArgs(const CommandDoc& cmd) {
  std::string out;
  if (!cmd.options.empty()) out += "[" + Italic("OPTIONS") + "]";
  if (!cmd.subcommands.empty()) out += " " + Italic("COMMAND");
  for (const ArgDoc& p : cmd.positionals) {
    std::string arg = Italic(p.names[0]) + (p.repeatable ? "..." : "");
    out += " " + (p.required ? arg : "[" + arg + "]");
  }
  return out;
}

// Leaf commands under `cmd` (itself when it has no subcommands).
void Leaves(const CommandDoc& cmd, std::vector<const CommandDoc*>* out) {
  if (cmd.subcommands.empty()) {
    out->push_back(&cmd);
    return;
  }
  for (const auto& sub : cmd.subcommands) Leaves(sub, out);
}

void Synopsis(const CommandDoc& cmd, std::string* out) {
  *out += ".SH SYNOPSIS\n";
  std::vector<const CommandDoc*> leaves;
  Leaves(cmd, &leaves);
  bool first = true;
  for (const CommandDoc* leaf : leaves) {
    if (!first) *out += ".br\n";
    first = false;
    *out += Bold(leaf->Name()) + " " + SynopsisArgs(*leaf) + "\n";
  }
}

// One .TP entry per argument: its names and type, its description, then the
// values it takes, its default and whether it repeats or is required.
void Arguments(const std::vector<ArgDoc>& args, const Vocabulary& vocabulary, std::string* out) {
  for (const ArgDoc& a : args) {
    std::string tag;
    for (const auto& n : a.names)
      tag += (tag.empty() ? "" : ", ") + (a.positional ? Italic(n) : Bold(n));
    if (!a.type.empty() && !a.positional) tag += " " + Italic(a.type);
    if (a.positional && a.repeatable) tag += "...";
    *out += ".TP\n" + tag + "\n" + RoffText(a.description) + "\n";
    std::vector<std::string> facts;
    const std::vector<std::string> values = ValuesOf(a, vocabulary);
    if (!values.empty()) {
      std::string list;
      for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
      facts.push_back("Values: " + list + ".");
    }
    if (!a.default_value.empty() && a.default_value != "[]" && !Contains(a.description, "default"))
      facts.push_back("Default: " + a.default_value + ".");
    if (a.repeatable && !a.positional && !Contains(a.description, "repeatable"))
      facts.push_back("Repeatable.");
    if (a.required && !a.positional) facts.push_back("Required.");
    if (!facts.empty()) {
      std::string line;
      for (const auto& f : facts) line += (line.empty() ? "" : " ") + f;
      *out += ".br\n" + RoffText(line) + "\n";
    }
  }
}

// Arguments, then options, of one command.
void ArgumentSections(const CommandDoc& cmd, const Vocabulary& vocabulary, std::string* out) {
  if (!cmd.positionals.empty()) {
    *out += ".SH ARGUMENTS\n";
    Arguments(cmd.positionals, vocabulary, out);
  }
  if (!cmd.options.empty()) {
    *out += ".SH OPTIONS\n";
    Arguments(cmd.options, vocabulary, out);
  }
}

// A subcommand as a subsection of its command's page: its synopsis and
// description, then its arguments and options but --help, which the page
// gave once.
void Subsection(const CommandDoc& sub, const Vocabulary& vocabulary, std::string* out) {
  *out += ".SS " + RoffText(sub.Name()) + "\n" + Bold(sub.Name()) + " " + SynopsisArgs(sub) +
          "\n.PP\n" + RoffText(sub.description) + ".\n";
  std::vector<ArgDoc> args = sub.positionals;
  for (const ArgDoc& o : sub.options)
    if (std::find(o.names.begin(), o.names.end(), "--help") == o.names.end()) args.push_back(o);
  Arguments(args, vocabulary, out);
}

void CollectExamples(const CommandDoc& cmd, std::vector<std::string>* out) {
  for (const auto& e : cmd.examples)
    if (std::find(out->begin(), out->end(), e) == out->end()) out->push_back(e);
  for (const auto& sub : cmd.subcommands) CollectExamples(sub, out);
}

void Examples(const std::vector<std::string>& examples, std::string* out) {
  if (examples.empty()) return;
  *out += ".SH EXAMPLES\n.PP\n.nf\n.RS 4\n";
  for (const auto& e : examples) *out += RoffText(e) + "\n";
  *out += ".RE\n.fi\n";
}

// The footer's notes: "Exit codes: …" is the EXIT STATUS, the rest NOTES.
void Notes(const CommandDoc& cmd, std::string* out) {
  std::vector<std::string> exit_status, notes;
  for (const auto& n : cmd.notes) {
    static constexpr std::string_view kExit = "Exit codes: ";
    if (n.rfind(kExit, 0) == 0)
      exit_status.push_back(n.substr(kExit.size()));
    else
      notes.push_back(n);
  }
  if (!exit_status.empty()) {
    *out += ".SH EXIT STATUS\n";
    for (const auto& n : exit_status) *out += ".PP\n" + RoffText(n) + "\n";
  }
  if (!notes.empty()) {
    *out += ".SH NOTES\n";
    for (const auto& n : notes) *out += ".PP\n" + RoffText(n) + "\n";
  }
}

std::string Header(const std::string& page, const std::string& version) {
  return fmt::format(
      ".\\\" Generated by 'tact help --man' from tact's command definitions; do not edit.\n"
      ".TH {} 1 \"\" \"tact {}\" \"User Commands\"\n"
      ".nh\n"
      ".ad l\n",
      RoffText(Upper(page)), RoffText(version));
}

std::string SeeAlso(const CommandDoc& root, const CommandDoc* self) {
  std::string out = ".SH SEE ALSO\n";
  std::vector<std::string> refs;
  if (self != nullptr) refs.push_back("\\fBtact\\fR(1)");
  for (const auto& cmd : root.subcommands)
    if (&cmd != self) refs.push_back("\\fB" + RoffText(PageName(cmd)) + "\\fR(1)");
  for (size_t i = 0; i < refs.size(); ++i) out += refs[i] + (i + 1 < refs.size() ? ",\n" : "\n");
  out += ".PP\n" +
         RoffText(
             "The README and the guides in docs/ (input formats, reports, gates, rules, "
             "evaluation) are installed with tact in share/doc/tact, e.g. "
             "/usr/share/doc/tact.") +
         "\n";
  return out;
}

std::string RootPage(const CommandDoc& root, const Vocabulary& vocabulary,
                     const std::string& version) {
  std::string description = root.description;
  for (char& c : description)
    if (c == '\n') c = ' ';
  if (description.rfind("tact: ", 0) == 0) description = description.substr(6);
  std::string out = Header("tact", version);
  out += ".SH NAME\ntact \\- " + RoffText(description) + "\n";
  out += ".SH SYNOPSIS\n" + Bold("tact") + " " + Italic("COMMAND") + " [" + Italic("OPTIONS") +
         "] [" + Italic("ARGUMENTS") + "]\n.br\n" + Bold("tact help") + " [" + Italic("COMMAND") +
         "]\n.br\n" + Bold("tact --version") + "\n";
  out += ".SH DESCRIPTION\n" + Bold("tact") + " " + RoffText(description) + "\n.PP\n" +
         RoffText(
             "Each command has its own page, tact-COMMAND(1); 'tact help COMMAND' prints the "
             "same options.") +
         "\n";
  out += ".SH COMMANDS\n";
  for (const auto& cmd : root.subcommands) {
    out += ".TP\n" + Bold(cmd.path.back()) + "\n" + RoffText(cmd.description) + " (\\fB" +
           RoffText(PageName(cmd)) + "\\fR(1))\n";
  }
  out += ".TP\n" + Bold("help") + " [" + Italic("COMMAND") + "]\n" +
         RoffText("the commands, or a command's options with examples") + "\n";
  ArgumentSections(root, vocabulary, &out);
  // An example of each command: its first that runs it.
  std::vector<std::string> examples;
  for (const auto& cmd : root.subcommands) {
    std::vector<std::string> all;
    CollectExamples(cmd, &all);
    for (const auto& e : all) {
      if (e.rfind(cmd.Name() + " ", 0) == 0 || e == cmd.Name()) {
        examples.push_back(e);
        break;
      }
    }
  }
  Examples(examples, &out);
  out += SeeAlso(root, nullptr);
  return out;
}

std::string CommandPage(const CommandDoc& root, const CommandDoc& cmd, const Vocabulary& vocabulary,
                        const std::string& version) {
  const std::string page = PageName(cmd);
  std::string out = Header(page, version);
  out += ".SH NAME\n" + RoffText(page) + " \\- " + RoffText(cmd.description) + "\n";
  Synopsis(cmd, &out);
  out += ".SH DESCRIPTION\n" + Bold(cmd.Name()) + ": " + RoffText(cmd.description) + ".\n";
  ArgumentSections(cmd, vocabulary, &out);
  if (!cmd.subcommands.empty()) {
    out += ".SH COMMANDS\n";
    for (const auto& sub : cmd.subcommands) Subsection(sub, vocabulary, &out);
  }
  Notes(cmd, &out);
  for (const auto& sub : cmd.subcommands) Notes(sub, &out);
  std::vector<std::string> examples;
  CollectExamples(cmd, &examples);
  Examples(examples, &out);
  out += SeeAlso(root, &cmd);
  return out;
}

}  // namespace

std::string RoffText(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      out += fmt::format("\\[u{:04X}]", NextCodePoint(text, &i));
      continue;
    }
    ++i;
    switch (c) {
      case '\\':
        out += "\\e";
        break;
      case '-':
        out += "\\-";
        break;
      case '\'':
        out += "\\(aq";
        break;
      case '`':
        out += "\\(ga";
        break;
      case '\n':
        out += ' ';
        break;
      case '.':
        if (out.empty()) out += "\\&";
        out += '.';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::vector<ManPage> ManPages(const CommandDoc& root, const Vocabulary& vocabulary,
                              const std::string& version) {
  std::vector<ManPage> pages;
  pages.push_back({"tact.1", RootPage(root, vocabulary, version)});
  for (const auto& cmd : root.subcommands)
    pages.push_back({PageName(cmd) + ".1", CommandPage(root, cmd, vocabulary, version)});
  return pages;
}

}  // namespace tact::cli
