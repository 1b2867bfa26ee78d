#include "input/cues.h"

#include "common/strings.h"
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

std::string SpeakerPrefix(const std::string& line, std::string* rest) {
  size_t colon = line.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 40) return "";
  std::string label(Trim(std::string_view(line).substr(0, colon)));
  if (label.empty() || label.find_first_of(".?!,;\"") != std::string::npos) return "";
  if (colon + 1 < line.size() && line[colon + 1] == '/') return "";  // a URL
  std::vector<std::string_view> words = SplitWhitespace(label);
  if (words.size() > 3) return "";
  bool role_word = RoleFromWord(label).has_value();
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

}  // namespace tact::input
