// WebVTT transcripts (Teams, Zoom and the like): cues whose text names the
// speaker with a <v Name> voice span (closing </v> optional) or a "Name: "
// prefix. Other tags are removed and entities decoded; NOTE blocks may carry
// metadata ("NOTE conversation c1, language es, channel call, agent-34").
#include <regex>

#include "common/strings.h"
#include "input/cues.h"
#include "input/html.h"
#include "input/reader.h"
#include "input/stream.h"

namespace tact::input {
namespace {

// Splits a cue line into (voice, text) parts at each <v ...> span.
void VoiceParts(std::string_view line, std::vector<std::pair<std::string, std::string>>* parts) {
  size_t pos = 0;
  std::string voice;
  bool found = false;
  while (pos < line.size()) {
    size_t v = line.find("<v", pos);
    while (v != std::string_view::npos && v + 2 < line.size() && line[v + 2] != ' ' &&
           line[v + 2] != '.' && line[v + 2] != '\t') {
      v = line.find("<v", v + 2);
    }
    std::string_view chunk =
        line.substr(pos, v == std::string_view::npos ? std::string_view::npos : v - pos);
    std::string text(Trim(StripTags(chunk)));
    if (!text.empty()) parts->emplace_back(voice, text);
    if (v == std::string_view::npos) break;
    size_t close = line.find('>', v);
    std::string_view annot = line.substr(
        v + 2, close == std::string_view::npos ? std::string_view::npos : close - v - 2);
    // "<v.loud Esme Tan>": classes after dots, then the name.
    size_t sp = annot.find_first_of(" \t");
    voice =
        sp == std::string_view::npos ? "" : std::string(Trim(DecodeEntities(annot.substr(sp + 1))));
    found = true;
    if (close == std::string_view::npos) {
      // No '>': the rest of the line is the annotation (the text is lost, as in browsers).
      break;
    }
    pos = close + 1;
  }
  (void)found;
}

// A NOTE block's metadata: "NOTE conversation c1, language es, channel call, agent-34".
void ReadNote(const std::vector<CueLine>& lines, size_t from, size_t to, Conversation* c) {
  std::string note;
  for (size_t k = from; k < to; ++k) note += lines[k].text + " ";
  static const std::regex kLang(R"(\blanguage[ :=]+([a-z]{2,3})\b)"),
      kChannel(R"(\bchannel[ :=]+(call|chat)\b)"),
      kConv(R"(\bconversation[ :=]+([A-Za-z0-9_.-]+))"), kAgent(R"(\b(agent-[A-Za-z0-9_.-]+))");
  std::smatch m;
  if (std::regex_search(note, m, kLang)) c->language = m[1];
  if (std::regex_search(note, m, kChannel)) {
    c->channel = m[1] == "call" ? Channel::kCall : Channel::kChat;
    c->channel_known = true;
  }
  if (std::regex_search(note, m, kConv)) c->id = m[1];
  if (std::regex_search(note, m, kAgent)) c->agent = m[1];
}

// The cues of the text lines [from, to) of a cue with the times of `timing`:
// one per voice part, a voice lasting to the next <v> span; a part without
// one may name its speaker with a "Name: " prefix.
void AddVoiceCues(const std::vector<CueLine>& lines, size_t from, size_t to, const Cue& timing,
                  const RoleVocabulary& vocabulary, std::vector<Cue>* cues) {
  std::string voice;
  for (size_t k = from; k < to; ++k) {
    std::vector<std::pair<std::string, std::string>> parts;
    VoiceParts(lines[k].text, &parts);
    for (auto& [v, text] : parts) {
      if (!v.empty()) voice = v;
      Cue part = timing;
      part.speaker = voice;
      part.text = text;
      if (part.speaker.empty()) {
        std::string rest;
        std::string prefix = SpeakerPrefix(text, vocabulary, &rest);
        if (!prefix.empty()) {
          part.speaker = prefix;
          part.text = rest;
        }
      }
      part.line = lines[k].number;
      cues->push_back(std::move(part));
    }
  }
}

}  // namespace

bool SniffVtt(std::string_view head) { return StartsWith(head, "WEBVTT"); }

void ReadVtt(InputStream& in, const ReadContext& ctx) {
  std::string content;
  if (!ctx.ReadDocument(in, &content)) return;
  const std::vector<CueLine> lines = SplitCueLines(content);
  if (lines.empty() || !StartsWith(lines[0].text, "WEBVTT")) {
    ctx.Error(1, "missing 'WEBVTT' header on the first line");
    return;
  }
  Conversation c = ctx.WholeInput("vtt");
  std::vector<Cue> cues;
  size_t i = 1, b = 0, text = 0;
  // Skip the rest of the header block.
  while (i < lines.size() && !Trim(lines[i].text).empty()) ++i;
  while (NextCueBlock(lines, &i, &b)) {
    const std::string& first = lines[b].text;
    if (StartsWith(first, "NOTE")) {
      ReadNote(lines, b, i, &c);
      continue;
    }
    if (StartsWith(first, "STYLE") || StartsWith(first, "REGION")) continue;
    Cue cue;
    if (!ReadCueTiming(lines, b, i, "HH:MM:SS.mmm --> HH:MM:SS.mmm", ctx, &cue, &text)) return;
    AddVoiceCues(lines, text, i, cue, ctx.options.roles.vocabulary, &cues);
  }
  FinishCues(cues, std::move(c),
             "no speakers: expected <v Name> voice spans or 'Name: ' prefixes in the cues", ctx);
}

}  // namespace tact::input
