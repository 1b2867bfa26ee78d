// The canonical tact JSON conversation (docs/input.md):
//   {"id", "language"?, "channel"?, "agent"?, "metadata"?,
//    "turns": [{"speaker"|"role", "text", "start"?, "end"?, "time"?}]}
// used by the .json and .jsonl readers.
#ifndef TACT_INPUT_TACT_JSON_H_
#define TACT_INPUT_TACT_JSON_H_

#include <string>

#include "input/json_util.h"
#include "input/roles.h"
#include "tact/conversation.h"

namespace tact::input {

// True when `e` looks like a tact conversation (an object with "turns").
bool IsTactConversation(json::Element e);

// Fills `c` (keeping its source and line); false with *error on a problem
// that makes the conversation unusable. A turn's "role" is a role name or a
// role word of `vocabulary`.
bool ConversationFromJson(json::Element e, const RoleVocabulary& vocabulary, Conversation* c,
                          std::string* error);

}  // namespace tact::input

#endif  // TACT_INPUT_TACT_JSON_H_
