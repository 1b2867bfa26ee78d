#include "cli/config_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/common.h"
#include "common/strings.h"

namespace tact::cli {
namespace {

std::string LongName(const CLI::Option& o) {
  return o.get_lnames().empty() ? "" : o.get_lnames().front();
}

bool IsFlag(const CLI::Option& o) { return o.get_expected_min() == 0; }

// Whether the command line sets option `o` ("--name", "--name=v", "-x", "-xv").
bool OnCommandLine(const CLI::Option& o, const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") break;
    for (const auto& l : o.get_lnames()) {
      if (a == "--" + l || a.rfind("--" + l + "=", 0) == 0) return true;
    }
    for (const auto& s : o.get_snames()) {
      if (a.rfind("-" + s, 0) == 0 && a.rfind("--", 0) != 0) return true;
    }
  }
  return false;
}

std::vector<std::string> LongNames(const CLI::App& check) {
  std::vector<std::string> names;
  for (const CLI::Option* o : check.get_options()) {
    std::string n = LongName(*o);
    if (!n.empty() && n != "help") names.push_back(n);
  }
  return names;
}

std::string Located(const ProjectConfig& cfg, int line, const std::string& message) {
  Diagnostic d;
  d.file = cfg.path;
  d.line = line;
  d.message = message;
  return d.Format();
}

}  // namespace

bool LoadProjectConfig(const std::string& dir, ProjectConfig* cfg) {
  *cfg = ProjectConfig{};
  auto path = FindProjectConfig(dir);
  if (!path) return true;
  std::ifstream in(*path, std::ios::binary);
  if (!in) {
    PrintError("cannot read " + *path);
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  Diagnostics diags;
  if (!ParseProjectConfig(*path, ss.str(), cfg, &diags)) {
    for (const auto& d : diags) std::cerr << d.Format() << "\n";
    return false;
  }
  return true;
}

bool ApplyProjectConfig(const CLI::App& check, const ProjectConfig& cfg,
                        std::vector<std::string>* args) {
  std::vector<std::string> added;
  const std::filesystem::path base = std::filesystem::path(cfg.path).parent_path();
  for (const auto& e : cfg.entries) {
    const CLI::Option* o = check.get_option_no_throw("--" + e.key);
    if (o == nullptr || e.key == "help") {
      std::cerr << Located(cfg, e.line,
                           "unknown option '" + e.key + "' for 'tact check'" +
                               DidYouMean(e.key, LongNames(check)))
                << "\n";
      return false;
    }
    if (OnCommandLine(*o, *args)) continue;  // the command line wins
    if (IsFlag(*o)) {
      if (e.value == "true" || e.value == "yes" || e.value == "on" || e.value == "1") {
        added.push_back("--" + e.key);
      } else if (!(e.value == "false" || e.value == "no" || e.value == "off" || e.value == "0")) {
        std::cerr << Located(
                         cfg, e.line,
                         "'" + e.key + "' is a flag: expected true or false, got '" + e.value + "'")
                  << "\n";
        return false;
      }
      continue;
    }
    std::string value = e.value;
    if (IsPathKey(e.key) && value != "-" && std::filesystem::path(value).is_relative())
      value = (base / value).lexically_normal().string();
    added.push_back("--" + e.key + "=" + value);
  }
  args->insert(args->begin(), added.begin(), added.end());
  return true;
}

void RegisterConfig(CLI::App* app, ConfigOptions* o) {
  (void)o;
  app->allow_extras();  // the `tact check` flags to show as overrides
}

int RunConfig(const CLI::App& check, const ProjectConfig& cfg, const ConfigOptions& o) {
  std::vector<std::string> flags = o.flags;
  std::cout << (cfg.path.empty() ? "# no .tact in this folder or above: built-in defaults\n"
                                 : "# project file: " + cfg.path + "\n");
  const std::filesystem::path base = std::filesystem::path(cfg.path).parent_path();
  for (const CLI::Option* opt : check.get_options()) {
    const std::string name = LongName(*opt);
    if (name.empty() || name == "help") continue;
    // The command line: "--name value", "--name=value" or a flag.
    std::vector<std::string> cli;
    bool cli_flag = false;
    for (size_t i = 0; i < flags.size(); ++i) {
      const std::string& a = flags[i];
      if (a == "--" + name) {
        if (IsFlag(*opt))
          cli_flag = true;
        else if (i + 1 < flags.size())
          cli.push_back(flags[++i]);
      } else if (a.rfind("--" + name + "=", 0) == 0) {
        cli.push_back(a.substr(name.size() + 3));
      }
    }
    if (cli_flag || !cli.empty()) {
      if (cli_flag) std::cout << name << " = true";
      for (size_t i = 0; i < cli.size(); ++i)
        std::cout << (i ? "\n" : "") << name << " = " << cli[i];
      std::cout << "    # command line\n";
      continue;
    }
    bool from_file = false;
    for (const auto& e : cfg.entries) {
      if (e.key != name) continue;
      std::string value = e.value;
      if (IsPathKey(name) && value != "-" && std::filesystem::path(value).is_relative())
        value = (base / value).lexically_normal().string();
      std::cout << name << " = " << value << "    # "
                << std::filesystem::path(cfg.path).filename().string() << ":" << e.line << "\n";
      from_file = true;
    }
    if (from_file) continue;
    std::string def = opt->get_default_str();
    std::cout << name << " = " << (def.empty() ? (IsFlag(*opt) ? "false" : "(none)") : def)
              << "    # default\n";
  }
  return kExitOk;
}

}  // namespace tact::cli
