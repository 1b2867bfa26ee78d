// Subtitle-style transcripts (WebVTT, SRT): cues with times and a speaker,
// merged into turns (consecutive cues of one speaker are one turn).
#ifndef TACT_INPUT_CUES_H_
#define TACT_INPUT_CUES_H_

#include <optional>
#include <string>
#include <vector>

#include "tact/conversation.h"

namespace tact::input {

struct Cue {
  double start = 0, end = 0;
  std::string speaker;  // "" when the cue names none
  std::string text;
  int line = 0;
};

// Builds turns from cues in order. A cue without a speaker continues the
// previous speaker's turn. Returns false when no cue names a speaker.
bool CuesToTurns(const std::vector<Cue>& cues, Conversation* c);

// Splits "Name: text" when Name looks like a speaker label (a role word or a
// short capitalized name); returns the speaker or "" and sets *rest.
std::string SpeakerPrefix(const std::string& line, std::string* rest);

// Parses "00:01:02.500 --> 00:01:04.000 [settings]" (',' allowed for SRT).
bool ParseCueTiming(const std::string& line, double* start, double* end);

}  // namespace tact::input

#endif  // TACT_INPUT_CUES_H_
