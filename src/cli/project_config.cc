#include "cli/project_config.h"

#include <filesystem>
#include <system_error>

namespace tact::cli {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// A comment starts at '#' at the line start or after a blank, so values such
// as "rate:empathy<0.8" or a regex with '#' inside a word keep it.
std::string_view StripComment(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) return s.substr(0, i);
  }
  return s;
}

}  // namespace

std::optional<std::string> FindProjectConfig(const std::string& start) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(start, ec).lexically_normal();
  if (dir.has_filename() == false && dir.has_parent_path())
    dir = dir.parent_path();  // "a/b/" -> "a/b"
  if (ec) return std::nullopt;
  while (true) {
    std::filesystem::path candidate = dir / ".tact";
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

bool ParseProjectConfig(const std::string& path, std::string_view text, ProjectConfig* out,
                        Diagnostics* diags) {
  out->path = path;
  bool ok = true;
  int line_no = 0;
  auto error = [&](int col, std::string message, std::string_view line) {
    Diagnostic d;
    d.file = path;
    d.line = line_no;
    d.column = col;
    d.message = std::move(message);
    d.source_line = std::string(line);
    diags->push_back(std::move(d));
    ok = false;
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view raw =
        text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (line_no == 1 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);  // a BOM
    std::string_view line = Trim(StripComment(raw));
    if (line.empty()) continue;
    size_t eq = line.find('=');
    const int col = static_cast<int>(raw.find(line.front()) + 1);
    if (eq == std::string_view::npos) {
      error(col, "expected 'key = value'", raw);
      continue;
    }
    std::string_view key = Trim(line.substr(0, eq));
    std::string_view value = Trim(line.substr(eq + 1));
    if (key.size() > 2 && key.substr(0, 2) == "--") key.remove_prefix(2);
    if (key.empty()) {
      error(col, "expected an option name before '='", raw);
      continue;
    }
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    if (value.empty()) {
      error(static_cast<int>(raw.find('=') + 2),
            "expected a value after '" + std::string(key) + " ='", raw);
      continue;
    }
    out->entries.push_back({std::string(key), std::string(value), line_no});
  }
  return ok;
}

bool IsPathKey(std::string_view key) {
  return key == "rules" || key == "scorecard" || key == "profile" || key == "output";
}

}  // namespace tact::cli
