// Names of the model's enums as they appear in every report.
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
  return channel == Channel::kCall ? "call" : "chat";
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
