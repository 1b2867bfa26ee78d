#include "agreement/labels.h"

#include <simdjson.h>

#include <algorithm>
#include <set>

#include "common/strings.h"

namespace tact::agreement {
namespace {

int LineAt(std::string_view text, size_t pos) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
}

// The line of the next occurrence of "key" (as a JSON key) at or after *from.
int FindKeyLine(std::string_view text, std::string_view key, size_t* from) {
  std::string quoted = "\"" + std::string(key) + "\"";
  size_t p = text.find(quoted, *from);
  while (p != std::string_view::npos) {
    size_t q = p + quoted.size();
    while (q < text.size() && (text[q] == ' ' || text[q] == '\t' || text[q] == '\r' || text[q] == '\n')) ++q;
    if (q < text.size() && text[q] == ':') {
      *from = q;
      return LineAt(text, p);
    }
    p = text.find(quoted, p + 1);
  }
  return 0;
}

std::string Folder(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

bool ReadJson(const std::string& path, std::string_view content,
              std::vector<LabelledConversation>* out, Diagnostics* diags) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(content);
  simdjson::dom::element root;
  if (auto err = parser.parse(padded).get(root)) {
    diags->push_back(MakeError(path, 0, 0, std::string("invalid JSON: ") + simdjson::error_message(err)));
    return false;
  }
  simdjson::dom::object top;
  if (root.get(top)) {
    diags->push_back(MakeError(path, 1, 0, "expected an object of conversations"));
    return false;
  }
  bool ok = true;
  size_t cursor = 0;
  std::set<std::string> seen;
  for (auto field : top) {
    std::string key(field.key);
    int line = FindKeyLine(content, key, &cursor);
    if (!key.empty() && key[0] == '_') continue;
    simdjson::dom::object labels;
    if (field.value.get(labels)) {
      diags->push_back(MakeError(path, line, 0, "'" + key + "': expected an object of behaviour: status"));
      ok = false;
      continue;
    }
    if (!seen.insert(key).second) {
      diags->push_back(MakeError(path, line, 0, "conversation '" + key + "' is labelled twice"));
      ok = false;
      continue;
    }
    LabelledConversation c;
    c.key = key;
    c.file = path;
    c.line = line;
    c.folder = Folder(path);
    for (auto lf : labels) {
      std::string behaviour(lf.key);
      if (!behaviour.empty() && behaviour[0] == '_') continue;
      std::string_view word;
      std::optional<Status> st;
      if (!lf.value.get(word)) st = ParseStatus(word);
      if (!st) {
        size_t at = cursor;
        int bline = FindKeyLine(content, behaviour, &at);
        diags->push_back(MakeError(path, bline ? bline : line, 0,
                                   "'" + key + "': '" + behaviour +
                                       "' needs a status (met, missed, violated, clean, present, "
                                       "absent or not_applicable)"));
        ok = false;
        continue;
      }
      c.labels.push_back({behaviour, *st});
    }
    out->push_back(std::move(c));
  }
  return ok;
}

std::vector<std::string> CsvFields(std::string_view line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        cur += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      out.emplace_back(Trim(cur));
      cur.clear();
    } else {
      cur += ch;
    }
  }
  out.emplace_back(Trim(cur));
  return out;
}

bool ReadCsv(const std::string& path, std::string_view content,
             std::vector<LabelledConversation>* out, Diagnostics* diags) {
  bool ok = true;
  std::map<std::string, size_t> index;  // key -> position in *out
  std::set<std::pair<std::string, std::string>> seen;
  int line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++line_no;
    std::string_view t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    std::vector<std::string> f = CsvFields(t);
    if (line_no == 1 || (f.size() == 3 && f[0] == "id" && f[1] == "behaviour")) {
      if (f.size() == 3 && (f[0] == "id" || f[0] == "conversation") &&
          (f[1] == "behaviour" || f[1] == "behavior"))
        continue;  // header
    }
    if (f.size() != 3) {
      diags->push_back(MakeError(path, line_no, 0,
                                 "expected 3 fields 'id,behaviour,status', got " + std::to_string(f.size())));
      ok = false;
      continue;
    }
    std::optional<Status> st = ParseStatus(f[2]);
    if (!st) {
      diags->push_back(MakeError(path, line_no, 0,
                                 "unknown status '" + f[2] +
                                     "' (met, missed, violated, clean, present, absent or not_applicable)"));
      ok = false;
      continue;
    }
    if (!seen.insert({f[0], f[1]}).second) {
      diags->push_back(MakeError(path, line_no, 0, "'" + f[0] + "': '" + f[1] + "' is labelled twice"));
      ok = false;
      continue;
    }
    auto it = index.find(f[0]);
    if (it == index.end()) {
      LabelledConversation c;
      c.key = f[0];
      c.file = path;
      c.line = line_no;
      c.folder = Folder(path);
      it = index.emplace(f[0], out->size()).first;
      out->push_back(std::move(c));
    }
    (*out)[it->second].labels.push_back({f[1], *st});
  }
  return ok;
}

}  // namespace

std::optional<Status> ParseStatus(std::string_view word) {
  std::string w(Trim(word));
  std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
  if (w == "met") return Status::kMet;
  if (w == "missed") return Status::kMissed;
  if (w == "violated") return Status::kViolated;
  if (w == "clean") return Status::kClean;
  if (w == "present") return Status::kPresent;
  if (w == "absent") return Status::kAbsent;
  if (w == "not_applicable" || w == "n/a" || w == "na") return Status::kNotApplicable;
  return std::nullopt;
}

bool ReadLabels(const std::string& path, std::string_view content,
                std::vector<LabelledConversation>* out, Diagnostics* diags) {
  size_t i = 0;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < content.size() && std::isspace(static_cast<unsigned char>(content[i]))) ++i;
  if (i < content.size() && content[i] == '{') return ReadJson(path, content, out, diags);
  return ReadCsv(path, content.substr(content.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0), out, diags);
}

LabelIndex::LabelIndex(const std::vector<LabelledConversation>& all)
    : all_(all), used_(all.size(), false) {
  for (size_t i = 0; i < all.size(); ++i) by_key_.emplace(all[i].key, i);
}

const LabelledConversation* LabelIndex::Find(std::string_view id, std::string_view source) {
  auto hit = [&](std::string_view k) -> const LabelledConversation* {
    auto it = by_key_.find(k);
    if (it == by_key_.end()) return nullptr;
    used_[it->second] = true;
    return &all_[it->second];
  };
  // A path first (most specific), then its tails, then the id.
  std::string_view s = source;
  while (s.substr(0, 2) == "./") s.remove_prefix(2);
  if (!s.empty()) {
    if (auto* e = hit(s)) return e;
    for (size_t p = s.find('/'); p != std::string_view::npos; p = s.find('/', p + 1)) {
      if (auto* e = hit(s.substr(p + 1))) return e;
    }
  }
  if (!id.empty()) return hit(id);
  return nullptr;
}

std::vector<const LabelledConversation*> LabelIndex::Unused() const {
  std::vector<const LabelledConversation*> out;
  for (size_t i = 0; i < all_.size(); ++i)
    if (!used_[i]) out.push_back(&all_[i]);
  return out;
}

}  // namespace tact::agreement
