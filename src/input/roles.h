// Deciding who is the agent and who is the customer.
//
// Order of precedence: names given with --agent/--customer, then role words
// in any of the five languages ("Agent", "Kunde", "Оператор", ...), then a
// field of the input format, then a heuristic: among speakers still unknown,
// the first one who greets or offers help is the agent; with two speakers the
// other one is the customer. The chosen source is recorded per speaker and
// reported, and a heuristic decision adds a warning.
#ifndef TACT_INPUT_ROLES_H_
#define TACT_INPUT_ROLES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tact/conversation.h"

namespace tact::input {

struct RoleOptions {
  std::vector<std::string> agent_names;     // --agent (case-insensitive)
  std::vector<std::string> customer_names;  // --customer
};

// The role a speaker label names by itself ("Agent", "Customer 2", "Kund",
// "Customer Service"), or nullopt.
std::optional<Role> RoleFromWord(std::string_view label);

// True when `label` is one of the names given in `opts` (then *role is set).
bool RoleFromFlags(std::string_view label, const RoleOptions& opts, Role* role);

// Assigns roles to every turn whose role is still kOther (by speaker name) and
// fills conversation->speakers. Returns a warning when the heuristic decided.
std::optional<std::string> ResolveRoles(Conversation* conversation, const RoleOptions& opts);

}  // namespace tact::input

#endif  // TACT_INPUT_ROLES_H_
