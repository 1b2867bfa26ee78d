// The conversation model every reader produces and every later stage consumes.
//
// A Conversation is a plain value: an ordered list of turns plus what is known
// about where it came from. Readers fill it; the analyzer never modifies it.
// Times are seconds from the start of the conversation (or absolute epoch
// seconds when a reader only knows absolute times); a negative value or an
// empty optional means "unknown" and every metric that needs it reports
// not_applicable instead of guessing.
#ifndef TACT_CONVERSATION_H_
#define TACT_CONVERSATION_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tact {

enum class Role { kAgent, kCustomer, kOther };
// A chat (live messaging), a call (voice) or an e-mail ticket (asynchronous,
// answered in hours rather than seconds).
enum class Channel { kChat, kCall, kEmail };

// How a speaker got its role, shown in reports so a user can check an export
// was read as intended.
enum class RoleSource { kFlag, kRoleWord, kFormatField, kHeuristic, kUnknown };

std::string_view RoleName(Role role);           // "agent", "customer", "other"
std::string_view ChannelName(Channel channel);  // "chat", "call", "email"
// "chat"/"call"/"email" and their synonyms (voice, phone; e-mail, ticket; sms,
// messaging); false for anything else.
bool ParseChannel(std::string_view name, Channel* out);
std::string_view RoleSourceName(RoleSource source);

struct Turn {
  Role role = Role::kOther;
  std::string speaker;          // the name or label as written in the input
  std::string text;             // UTF-8, as read (never normalized)
  std::optional<double> start;  // seconds
  std::optional<double> end;    // seconds
  int line = 0;                 // 1-based line in the source file, 0 if unknown
};

struct SpeakerInfo {
  std::string name;
  Role role = Role::kOther;
  RoleSource source = RoleSource::kRoleWord;
};

struct Conversation {
  std::string id;
  std::string source;    // "path" or "path:line" for multi-conversation files
  int line = 0;          // first line of the conversation in its input, 0 if unknown
  std::string language;  // "" = unknown, detect
  Channel channel = Channel::kChat;
  bool channel_known = false;  // false: the analyzer infers call vs chat
  std::string agent;           // agent id, "" if unknown
  std::vector<std::pair<std::string, std::string>> metadata;
  std::string input_format;  // "text", "json", ...
  std::vector<SpeakerInfo> speakers;
  std::vector<Turn> turns;
};

}  // namespace tact

#endif  // TACT_CONVERSATION_H_
