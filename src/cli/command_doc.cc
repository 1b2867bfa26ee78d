#include "cli/command_doc.h"

#include <algorithm>

#include "common/strings.h"

namespace tact::cli {
namespace {

bool Listed(const CLI::App* sub) { return !sub->get_name().empty() && !sub->get_group().empty(); }

ArgDoc DescribeArg(const CLI::Option& opt) {
  ArgDoc a;
  a.positional = opt.get_positional();
  if (a.positional) {
    a.names.push_back(opt.get_name(true));
  } else {
    for (const auto& s : opt.get_snames()) a.names.push_back("-" + s);
    for (const auto& l : opt.get_lnames()) a.names.push_back("--" + l);
  }
  if (opt.get_type_size_max() > 0) {
    // "TEXT:{text,json}", "INT:INT in [1 - 1024]": the type, then what each
    // validator says; a set of values is the one that matters here.
    std::vector<std::string> parts = Split(opt.get_type_name(), ':');
    if (!parts.empty()) a.type = parts[0];
    for (size_t i = 1; i < parts.size(); ++i) {
      const std::string& p = parts[i];
      if (p.size() >= 2 && p.front() == '{' && p.back() == '}')
        a.choices = Split(p.substr(1, p.size() - 2), ',');
    }
    a.default_value = opt.get_default_str();
  }
  a.description = opt.get_description();
  a.required = opt.get_required();
  a.repeatable = opt.get_expected_max() > 1;
  return a;
}

// Splits a footer into paragraphs; "Example:"/"Examples:" ones give the
// command lines, the others are notes.
void ReadFooter(const std::string& footer, CommandDoc* doc) {
  size_t pos = 0;
  while (pos < footer.size()) {
    size_t end = footer.find("\n\n", pos);
    if (end == std::string::npos) end = footer.size();
    std::string para = footer.substr(pos, end - pos);
    pos = end + 2;
    std::vector<std::string> lines = Split(para, '\n');
    while (!lines.empty() && Trim(lines.back()).empty()) lines.pop_back();
    if (lines.empty()) continue;
    const std::string head = std::string(Trim(lines[0]));
    if (head == "Example:" || head == "Examples:") {
      for (size_t i = 1; i < lines.size(); ++i)
        if (!Trim(lines[i]).empty()) doc->examples.push_back(std::string(Trim(lines[i])));
    } else {
      std::string text;
      for (const auto& l : lines) text += (text.empty() ? "" : " ") + std::string(Trim(l));
      doc->notes.push_back(text);
    }
  }
}

CommandDoc Describe(const CLI::App& app, std::vector<std::string> path) {
  CommandDoc doc;
  doc.path = std::move(path);
  doc.description = app.get_description();
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // hidden
    ArgDoc a = DescribeArg(*opt);
    (a.positional ? doc.positionals : doc.options).push_back(std::move(a));
  }
  ReadFooter(app.get_footer(), &doc);
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (!Listed(sub)) continue;
    std::vector<std::string> sub_path = doc.path;
    sub_path.push_back(sub->get_name());
    doc.subcommands.push_back(Describe(*sub, std::move(sub_path)));
  }
  return doc;
}

}  // namespace

std::string CommandDoc::Name() const {
  std::string name = "tact";
  for (const auto& p : path) name += " " + p;
  return name;
}

CommandDoc DescribeCommand(const CLI::App& app) { return Describe(app, {}); }

std::vector<std::string> ValuesOf(const ArgDoc& arg, const Vocabulary& vocabulary) {
  if (!arg.choices.empty()) return arg.choices;
  if (arg.type == "LANG") {
    std::vector<std::string> values;
    const auto& langs = vocabulary.languages;
    if (!arg.default_value.empty() &&
        std::find(langs.begin(), langs.end(), arg.default_value) == langs.end())
      values.push_back(arg.default_value);  // auto
    values.insert(values.end(), langs.begin(), langs.end());
    return values;
  }
  if (arg.type == "BEHAVIOUR") return vocabulary.behaviours;
  return {};
}

bool TakesFile(const ArgDoc& arg) { return arg.type == "FILE" || arg.type == "PATH"; }

bool TakesDirectory(const ArgDoc& arg) { return arg.type == "DIR"; }

std::string ShortDescription(const std::string& description) {
  size_t end = description.size();
  for (const char* stop : {"; ", " (", ": ", ", e.g."}) end = std::min(end, description.find(stop));
  return description.substr(0, end);
}

}  // namespace tact::cli
