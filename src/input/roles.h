// Deciding who is the agent and who is the customer.
//
// Order of precedence: names given with --agent/--customer, then role words
// of the loaded language packs ("Agent", "Kunde", "Оператор", ...), then a
// field of the input format, then a heuristic: among speakers still unknown,
// the first one who greets or offers help is the agent; with two speakers the
// other one is the customer. The chosen source is recorded per speaker and
// reported, and a heuristic decision adds a warning.
//
// The words are data: each pack's `agent-words`, `customer-words`,
// `agent-phrases` and `help-openings` (rules/<code>/pack.rules), collected by
// run/vocabulary.h into a RoleVocabulary. Without one, only the flags and the
// format's fields give roles.
#ifndef TACT_INPUT_ROLES_H_
#define TACT_INPUT_ROLES_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "tact/conversation.h"

namespace tact::input {

// The words that tell roles apart, normalized (text/normalize.h). Immutable
// once built; safe to share between reader threads.
struct RoleVocabulary {
  std::unordered_set<std::string> agent_words;     // a label's first word: "agent", "kundtjänst"
  std::unordered_set<std::string> customer_words;  // "customer", "клиент"
  // A label's first words naming the company side ("customer service"),
  // split the way a label is; they win over a first customer word.
  std::vector<std::vector<std::string>> agent_phrases;
  // Openings only an agent uses ("how can i help"), found anywhere in a turn.
  std::vector<std::string> help_openings;

  // Adds `phrase` (normalized) to agent_phrases, split into a label's words.
  void AddAgentPhrase(std::string_view phrase);
};

struct RoleOptions {
  std::vector<std::string> agent_names;     // --agent (case-insensitive)
  std::vector<std::string> customer_names;  // --customer
  RoleVocabulary vocabulary;                // role words and help openings of the packs
};

// The role a speaker label names by itself ("Agent", "Customer 2", "Kund",
// "Customer Service"), or nullopt.
std::optional<Role> RoleFromWord(std::string_view label, const RoleVocabulary& vocabulary);

// The role a format's role field gives ("agent", "customer": tact's own names
// of the roles, in any case; else a role word as by RoleFromWord), or nullopt.
std::optional<Role> RoleFromField(std::string_view value, const RoleVocabulary& vocabulary);

// True when `label` is one of the names given in `opts` (then *role is set).
bool RoleFromFlags(std::string_view label, const RoleOptions& opts, Role* role);

// Assigns roles to every turn whose role is still kOther (by speaker name) and
// fills conversation->speakers. Returns a warning when the heuristic decided.
std::optional<std::string> ResolveRoles(Conversation* conversation, const RoleOptions& opts);

}  // namespace tact::input

#endif  // TACT_INPUT_ROLES_H_
