// SRT transcripts: numbered cues with "HH:MM:SS,mmm --> HH:MM:SS,mmm" timing
// and the speaker as a "Name: " prefix (or a <v Name> span).
#include <algorithm>
#include <cctype>

#include "common/strings.h"
#include "input/cues.h"
#include "input/html.h"
#include "input/reader.h"
#include "input/stream.h"

namespace tact::input {
namespace {

// The speaker and text of the cue lines [from, to): simple tags (<i>, <b>,
// <font>) are stripped, and a <v Name> span or a "Name: " prefix before any
// text names the speaker.
void ReadCueText(const std::vector<CueLine>& lines, size_t from, size_t to,
                 const RoleVocabulary& vocabulary, Cue* cue) {
  std::string speaker, text;
  for (size_t k = from; k < to; ++k) {
    std::string l(Trim(lines[k].text));
    if (StartsWith(l, "<v ")) {
      size_t close = l.find('>');
      if (close != std::string::npos) {
        speaker = std::string(Trim(std::string_view(l).substr(3, close - 3)));
        l = l.substr(close + 1);
      }
    }
    std::string plain = StripTags(l);
    if (speaker.empty() && text.empty()) {
      std::string rest;
      std::string prefix = SpeakerPrefix(plain, vocabulary, &rest);
      if (!prefix.empty()) {
        speaker = prefix;
        plain = rest;
      }
    }
    if (!text.empty()) text += " ";
    text += plain;
  }
  cue->speaker = speaker;
  cue->text = std::string(Trim(text));
}

}  // namespace

// A cue number on the first line, then a timing line.
bool SniffSrt(std::string_view head) {
  const size_t nl = head.find('\n');
  if (nl == std::string_view::npos) return false;
  const std::string_view first = Trim(head.substr(0, nl));
  const std::string_view second = head.substr(nl + 1, 64);
  return !first.empty() && std::all_of(first.begin(), first.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  }) && second.find("-->") != std::string_view::npos;
}

void ReadSrt(InputStream& in, const ReadContext& ctx) {
  std::string content;
  if (!ctx.ReadDocument(in, &content)) return;
  const std::vector<CueLine> lines = SplitCueLines(content);
  Conversation c = ctx.WholeInput("srt");
  std::vector<Cue> cues;
  size_t i = 0, b = 0, text = 0;
  while (NextCueBlock(lines, &i, &b)) {
    Cue cue;
    if (!ReadCueTiming(lines, b, i, "HH:MM:SS,mmm --> HH:MM:SS,mmm", ctx, &cue, &text)) return;
    ReadCueText(lines, text, i, ctx.options.roles.vocabulary, &cue);
    cues.push_back(std::move(cue));
  }
  FinishCues(cues, std::move(c), "no speakers: expected 'Name: ' prefixes in the cues", ctx);
}

}  // namespace tact::input
