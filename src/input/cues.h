// Subtitle-style transcripts (WebVTT, SRT): cues with times and a speaker,
// merged into turns (consecutive cues of one speaker are one turn).
#ifndef TACT_INPUT_CUES_H_
#define TACT_INPUT_CUES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/roles.h"
#include "tact/conversation.h"

namespace tact::input {

struct ReadContext;

struct Cue {
  double start = 0, end = 0;
  std::string speaker;  // "" when the cue names none
  std::string text;
  int line = 0;
};

// Builds turns from cues in order. A cue without a speaker continues the
// previous speaker's turn. Returns false when no cue names a speaker.
bool CuesToTurns(const std::vector<Cue>& cues, Conversation* c);

// Splits "Name: text" when Name looks like a speaker label (a role word of
// `vocabulary` or a short capitalized name); returns the speaker or "" and
// sets *rest.
std::string SpeakerPrefix(const std::string& line, const RoleVocabulary& vocabulary,
                          std::string* rest);

// Parses "00:01:02.500 --> 00:01:04.000 [settings]" (',' allowed for SRT).
bool ParseCueTiming(const std::string& line, double* start, double* end);

// A line of a caption document, numbered from 1.
struct CueLine {
  int number = 0;
  std::string text;  // without its line end
};

// Splits a caption document into its lines ("\r\n" line ends and a byte order
// mark removed).
std::vector<CueLine> SplitCueLines(std::string_view content);

// Finds the next block of non-blank lines at or after *i: sets *begin to its
// first line and *i past its last. False when no block is left.
bool NextCueBlock(const std::vector<CueLine>& lines, size_t* i, size_t* begin);

// Reads the timing of the cue block [begin, end): its first line, or the
// second after a cue number or identifier. Sets the cue's times and line and
// *text to the block's first text line; false after reporting the error
// (`syntax` says what a timing looks like: "HH:MM:SS,mmm --> HH:MM:SS,mmm").
bool ReadCueTiming(const std::vector<CueLine>& lines, size_t begin, size_t end,
                   std::string_view syntax, const ReadContext& ctx, Cue* cue, size_t* text);

// Makes the cues `c`'s turns and finishes it, or reports "no cues" or, when no
// cue names a speaker, `no_speakers`.
void FinishCues(const std::vector<Cue>& cues, Conversation&& c, std::string_view no_speakers,
                const ReadContext& ctx);

}  // namespace tact::input

#endif  // TACT_INPUT_CUES_H_
