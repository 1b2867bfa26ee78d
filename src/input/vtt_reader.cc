// WebVTT transcripts (Teams, Zoom and the like): cues whose text names the
// speaker with a <v Name> voice span (closing </v> optional) or a "Name: "
// prefix. Other tags are removed and entities decoded; NOTE blocks may carry
// metadata ("NOTE conversation c1, language es, channel call, agent-34").
#include <filesystem>
#include <regex>

#include "common/strings.h"
#include "input/cues.h"
#include "input/html.h"
#include "input/reader.h"
#include "input/stream.h"

namespace tact::input {
namespace {

// Removes <...> tags; an unclosed '<' at the end is dropped with its rest.
std::string StripTags(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      size_t close = s.find('>', i);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    out.push_back(s[i]);
  }
  return DecodeEntities(out);
}

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

}  // namespace

void ReadVtt(InputStream& in, const ReadContext& ctx) {
  std::string content;
  InputStream::Status st = in.ReadAll(&content, ctx.options.limits.max_document_bytes);
  if (st == InputStream::Status::kTooLong) {
    ctx.Error(0, "input is larger than the limit of " +
                     std::to_string(ctx.options.limits.max_document_bytes) + " bytes");
    return;
  }
  if (st != InputStream::Status::kOk) return;
  if (StartsWith(content, "\xEF\xBB\xBF")) content.erase(0, 3);
  std::vector<std::pair<int, std::string>> lines;
  {
    size_t pos = 0;
    int n = 0;
    while (pos <= content.size()) {
      size_t nl = content.find('\n', pos);
      if (nl == std::string::npos) nl = content.size();
      std::string l = content.substr(pos, nl - pos);
      if (!l.empty() && l.back() == '\r') l.pop_back();
      lines.emplace_back(++n, std::move(l));
      if (nl == content.size()) break;
      pos = nl + 1;
    }
  }
  if (lines.empty() || !StartsWith(lines[0].second, "WEBVTT")) {
    ctx.Error(1, "missing 'WEBVTT' header on the first line");
    return;
  }
  Conversation c;
  c.input_format = "vtt";
  c.source = ctx.label;
  c.line = 1;
  c.id = ctx.label == "-" ? "stdin" : std::filesystem::path(ctx.label).stem().string();
  std::vector<Cue> cues;
  size_t i = 1;
  // Skip the rest of the header block.
  while (i < lines.size() && !Trim(lines[i].second).empty()) ++i;
  while (i < lines.size()) {
    while (i < lines.size() && Trim(lines[i].second).empty()) ++i;
    if (i >= lines.size()) break;
    size_t b = i;
    while (i < lines.size() && !Trim(lines[i].second).empty()) ++i;
    const std::string& first = lines[b].second;
    if (StartsWith(first, "NOTE")) {
      std::string note;
      for (size_t k = b; k < i; ++k) note += lines[k].second + " ";
      static const std::regex kLang(R"(\blanguage[ :=]+([a-z]{2,3})\b)"),
          kChannel(R"(\bchannel[ :=]+(call|chat)\b)"),
          kConv(R"(\bconversation[ :=]+([A-Za-z0-9_.-]+))"), kAgent(R"(\b(agent-[A-Za-z0-9_.-]+))");
      std::smatch m;
      if (std::regex_search(note, m, kLang)) c.language = m[1];
      if (std::regex_search(note, m, kChannel)) {
        c.channel = m[1] == "call" ? Channel::kCall : Channel::kChat;
        c.channel_known = true;
      }
      if (std::regex_search(note, m, kConv)) c.id = m[1];
      if (std::regex_search(note, m, kAgent)) c.agent = m[1];
      continue;
    }
    if (StartsWith(first, "STYLE") || StartsWith(first, "REGION")) continue;
    size_t timing = b;
    if (first.find("-->") == std::string::npos) timing = b + 1;  // a cue identifier first
    if (timing >= i || lines[timing].second.find("-->") == std::string::npos) {
      ctx.Error(lines[b].first, "cue without timing: expected 'HH:MM:SS.mmm --> HH:MM:SS.mmm'");
      return;
    }
    Cue cue;
    if (!ParseCueTiming(lines[timing].second, &cue.start, &cue.end)) {
      ctx.Error(lines[timing].first, "invalid cue timing '" + lines[timing].second + "'");
      return;
    }
    std::string voice;
    for (size_t k = timing + 1; k < i; ++k) {
      std::vector<std::pair<std::string, std::string>> parts;
      VoiceParts(lines[k].second, &parts);
      for (auto& [v, text] : parts) {
        if (!v.empty()) voice = v;
        std::string speaker = voice, body = text;
        if (speaker.empty()) {
          std::string rest;
          std::string prefix = SpeakerPrefix(text, &rest);
          if (!prefix.empty()) {
            speaker = prefix;
            body = rest;
          }
        }
        Cue part = cue;
        part.speaker = speaker;
        part.text = body;
        part.line = lines[k].first;
        cues.push_back(std::move(part));
      }
    }
  }
  if (!CuesToTurns(cues, &c)) {
    ctx.Error(1,
              cues.empty()
                  ? "no cues"
                  : "no speakers: expected <v Name> voice spans or 'Name: ' prefixes in the cues");
    return;
  }
  ctx.Finish(std::move(c));
}

}  // namespace tact::input
