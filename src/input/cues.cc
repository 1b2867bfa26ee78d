#include "input/cues.h"

#include "common/strings.h"
#include "input/reader.h"
#include "input/roles.h"
#include "input/timestamp.h"

namespace tact::input {

bool CuesToTurns(const std::vector<Cue>& cues, Conversation* c) {
  bool any_speaker = false;
  for (const auto& cue : cues) {
    if (cue.text.empty()) continue;
    std::string speaker = cue.speaker;
    if (speaker.empty() && !c->turns.empty()) speaker = c->turns.back().speaker;
    if (speaker.empty())
      continue;  // text before any speaker: reported by the caller via the return value
    any_speaker = true;
    if (!c->turns.empty() && c->turns.back().speaker == speaker) {
      Turn& t = c->turns.back();
      t.text += " " + cue.text;
      t.end = cue.end;
      continue;
    }
    Turn t;
    t.speaker = speaker;
    t.text = cue.text;
    t.start = cue.start;
    t.end = cue.end;
    t.line = cue.line;
    c->turns.push_back(std::move(t));
  }
  return any_speaker;
}

std::string SpeakerPrefix(const std::string& line, const RoleVocabulary& vocabulary,
                          std::string* rest) {
  size_t colon = line.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 40) return "";
  std::string label(Trim(std::string_view(line).substr(0, colon)));
  if (label.empty() || label.find_first_of(".?!,;\"") != std::string::npos) return "";
  if (colon + 1 < line.size() && line[colon + 1] == '/') return "";  // a URL
  std::vector<std::string_view> words = SplitWhitespace(label);
  if (words.size() > 3) return "";
  bool role_word = RoleFromWord(label, vocabulary).has_value();
  unsigned char first = static_cast<unsigned char>(label[0]);
  if (!role_word && !(first >= 'A' && first <= 'Z') && first < 0x80) return "";
  *rest = std::string(Trim(std::string_view(line).substr(colon + 1)));
  return label;
}

bool ParseCueTiming(const std::string& line, double* start, double* end) {
  size_t arrow = line.find("-->");
  if (arrow == std::string::npos) return false;
  std::string_view a = Trim(std::string_view(line).substr(0, arrow));
  std::string_view rest = Trim(std::string_view(line).substr(arrow + 3));
  size_t sp = rest.find_first_of(" \t");
  std::string_view b = sp == std::string_view::npos ? rest : rest.substr(0, sp);
  return ParseClock(a, start) && ParseClock(b, end) && *end >= *start;
}

std::vector<CueLine> SplitCueLines(std::string_view content) {
  if (StartsWith(content, "\xEF\xBB\xBF")) content.remove_prefix(3);
  std::vector<CueLine> lines;
  size_t pos = 0;
  int n = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view l = content.substr(pos, nl - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back({++n, std::string(l)});
    if (nl == content.size()) break;
    pos = nl + 1;
  }
  return lines;
}

bool NextCueBlock(const std::vector<CueLine>& lines, size_t* i, size_t* begin) {
  while (*i < lines.size() && Trim(lines[*i].text).empty()) ++*i;
  if (*i >= lines.size()) return false;
  *begin = *i;
  while (*i < lines.size() && !Trim(lines[*i].text).empty()) ++*i;
  return true;
}

bool ReadCueTiming(const std::vector<CueLine>& lines, size_t begin, size_t end,
                   std::string_view syntax, const ReadContext& ctx, Cue* cue, size_t* text) {
  size_t timing = begin;
  if (lines[begin].text.find("-->") == std::string::npos) timing = begin + 1;  // a cue number
  if (timing >= end || lines[timing].text.find("-->") == std::string::npos) {
    ctx.Error(lines[begin].number, "cue without timing: expected '" + std::string(syntax) + "'");
    return false;
  }
  if (!ParseCueTiming(lines[timing].text, &cue->start, &cue->end)) {
    ctx.Error(lines[timing].number, "invalid cue timing '" + lines[timing].text + "'");
    return false;
  }
  cue->line = lines[timing].number;
  *text = timing + 1;
  return true;
}

void FinishCues(const std::vector<Cue>& cues, Conversation&& c, std::string_view no_speakers,
                const ReadContext& ctx) {
  if (!CuesToTurns(cues, &c)) {
    ctx.Error(1, cues.empty() ? "no cues" : std::string(no_speakers));
    return;
  }
  ctx.Finish(std::move(c));
}

}  // namespace tact::input
