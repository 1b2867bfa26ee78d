// Names of the model's enums as they appear in every report.
#include <cctype>

#include "tact/conversation.h"
#include "tact/result.h"

namespace tact {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAgent:
      return "agent";
    case Role::kCustomer:
      return "customer";
    case Role::kOther:
      return "other";
  }
  return "other";
}

std::string_view ChannelName(Channel channel) {
  switch (channel) {
    case Channel::kCall:
      return "call";
    case Channel::kEmail:
      return "email";
    case Channel::kChat:
      break;
  }
  return "chat";
}

bool ParseChannel(std::string_view name, Channel* out) {
  std::string v(name);
  for (auto& ch : v) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (v == "call" || v == "voice" || v == "phone") {
    *out = Channel::kCall;
  } else if (v == "email" || v == "e-mail" || v == "mail" || v == "ticket") {
    *out = Channel::kEmail;
  } else if (v == "chat" || v == "messaging" || v == "sms" || v == "text" || v == "web" ||
             v == "social" || v == "twitter") {
    *out = Channel::kChat;
  } else {
    return false;
  }
  return true;
}

std::string_view RoleSourceName(RoleSource source) {
  switch (source) {
    case RoleSource::kFlag:
      return "flag";
    case RoleSource::kRoleWord:
      return "role_word";
    case RoleSource::kFormatField:
      return "format_field";
    case RoleSource::kHeuristic:
      return "heuristic";
    case RoleSource::kUnknown:
      return "unknown";
  }
  return "heuristic";
}

std::string_view KindName(BehaviourKind k) {
  switch (k) {
    case BehaviourKind::kExpected:
      return "expected";
    case BehaviourKind::kAvoid:
      return "avoid";
    case BehaviourKind::kSignal:
      return "signal";
  }
  return "expected";
}

std::string_view StatusName(Status s) {
  switch (s) {
    case Status::kMet:
      return "met";
    case Status::kMissed:
      return "missed";
    case Status::kNotApplicable:
      return "not_applicable";
    case Status::kClean:
      return "clean";
    case Status::kViolated:
      return "violated";
    case Status::kPresent:
      return "present";
    case Status::kAbsent:
      return "absent";
  }
  return "not_applicable";
}

std::string_view LevelName(Level l) {
  switch (l) {
    case Level::kError:
      return "error";
    case Level::kWarning:
      return "warning";
    case Level::kInfo:
      return "info";
  }
  return "warning";
}

}  // namespace tact
