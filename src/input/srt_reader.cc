// SRT transcripts: numbered cues with "HH:MM:SS,mmm --> HH:MM:SS,mmm" timing
// and the speaker as a "Name: " prefix (or a <v Name> span).
#include <filesystem>

#include "common/strings.h"
#include "input/cues.h"
#include "input/html.h"
#include "input/reader.h"
#include "input/stream.h"

namespace tact::input {

void ReadSrt(InputStream& in, const ReadContext& ctx) {
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
  Conversation c;
  c.input_format = "srt";
  c.source = ctx.label;
  c.line = 1;
  c.id = ctx.label == "-" ? "stdin" : std::filesystem::path(ctx.label).stem().string();
  std::vector<Cue> cues;
  size_t i = 0;
  while (i < lines.size()) {
    while (i < lines.size() && Trim(lines[i].second).empty()) ++i;
    if (i >= lines.size()) break;
    size_t b = i;
    while (i < lines.size() && !Trim(lines[i].second).empty()) ++i;
    size_t timing = b;
    if (lines[b].second.find("-->") == std::string::npos) timing = b + 1;  // the cue number
    if (timing >= i || lines[timing].second.find("-->") == std::string::npos) {
      ctx.Error(lines[b].first, "cue without timing: expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm'");
      return;
    }
    Cue cue;
    if (!ParseCueTiming(lines[timing].second, &cue.start, &cue.end)) {
      ctx.Error(lines[timing].first, "invalid cue timing '" + lines[timing].second + "'");
      return;
    }
    cue.line = lines[timing].first;
    std::string speaker, text;
    for (size_t k = timing + 1; k < i; ++k) {
      std::string l(Trim(lines[k].second));
      // Strip simple tags (<i>, <b>, <font>) and take a <v Name> span as the speaker.
      if (StartsWith(l, "<v ")) {
        size_t close = l.find('>');
        if (close != std::string::npos) {
          speaker = std::string(Trim(std::string_view(l).substr(3, close - 3)));
          l = l.substr(close + 1);
        }
      }
      std::string plain;
      for (size_t q = 0; q < l.size(); ++q) {
        if (l[q] == '<') {
          size_t close = l.find('>', q);
          if (close == std::string::npos) break;
          q = close;
          continue;
        }
        plain.push_back(l[q]);
      }
      plain = DecodeEntities(plain);
      if (speaker.empty() && text.empty()) {
        std::string rest;
        std::string prefix = SpeakerPrefix(plain, &rest);
        if (!prefix.empty()) {
          speaker = prefix;
          plain = rest;
        }
      }
      if (!text.empty()) text += " ";
      text += plain;
    }
    cue.speaker = speaker;
    cue.text = std::string(Trim(text));
    cues.push_back(std::move(cue));
  }
  if (!CuesToTurns(cues, &c)) {
    ctx.Error(1, cues.empty() ? "no cues" : "no speakers: expected 'Name: ' prefixes in the cues");
    return;
  }
  ctx.Finish(std::move(c));
}

}  // namespace tact::input
