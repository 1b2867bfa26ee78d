#include "input/roles.h"

#include <algorithm>

#include "common/strings.h"
#include "text/label_words.h"
#include "text/normalize.h"

namespace tact::input {
namespace {

// Whether the label's words start with `phrase`.
bool StartsWithWords(const std::vector<std::string>& words,
                     const std::vector<std::string>& phrase) {
  return !phrase.empty() && words.size() >= phrase.size() &&
         std::equal(phrase.begin(), phrase.end(), words.begin());
}

}  // namespace

void RoleVocabulary::AddAgentPhrase(std::string_view phrase) {
  std::vector<std::string> words = text::LabelWords(phrase);
  if (!words.empty()) agent_phrases.push_back(std::move(words));
}

std::optional<Role> RoleFromWord(std::string_view label, const RoleVocabulary& vocabulary) {
  std::vector<std::string> w = text::LabelWords(label);
  if (w.empty()) return std::nullopt;
  // Phrases naming the company side that start with a customer word.
  for (const auto& phrase : vocabulary.agent_phrases) {
    if (StartsWithWords(w, phrase)) return Role::kAgent;
  }
  if (vocabulary.agent_words.count(w[0]) > 0) return Role::kAgent;
  if (vocabulary.customer_words.count(w[0]) > 0) return Role::kCustomer;
  return std::nullopt;
}

std::optional<Role> RoleFromField(std::string_view value, const RoleVocabulary& vocabulary) {
  const std::string v = text::Normalize(Trim(value));
  for (Role r : {Role::kAgent, Role::kCustomer}) {
    if (v == RoleName(r)) return r;
  }
  return RoleFromWord(value, vocabulary);
}

bool RoleFromFlags(std::string_view label, const RoleOptions& opts, Role* role) {
  std::string l = text::Normalize(Trim(label));
  for (const auto& n : opts.agent_names) {
    if (text::Normalize(n) == l) {
      *role = Role::kAgent;
      return true;
    }
  }
  for (const auto& n : opts.customer_names) {
    if (text::Normalize(n) == l) {
      *role = Role::kCustomer;
      return true;
    }
  }
  return false;
}

namespace {

// Openings an agent uses and a customer rarely does.
bool OffersHelp(std::string_view text, const RoleVocabulary& vocabulary) {
  if (vocabulary.help_openings.empty()) return false;
  const std::string n = text::Normalize(text);
  for (const auto& c : vocabulary.help_openings) {
    if (n.find(c) != std::string::npos) return true;
  }
  return false;
}

SpeakerInfo* FindSpeaker(std::vector<SpeakerInfo>& sp, const std::string& name) {
  for (auto& s : sp) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

bool HasRole(const std::vector<SpeakerInfo>& sp, Role role) {
  return std::any_of(sp.begin(), sp.end(), [&](const SpeakerInfo& s) { return s.role == role; });
}

// The speakers in order of first appearance, with the role a flag, the
// format's field or a role word gives them.
void CollectSpeakers(Conversation* c, const RoleOptions& opts) {
  std::vector<SpeakerInfo>& sp = c->speakers;
  for (const auto& t : c->turns) {
    if (FindSpeaker(sp, t.speaker) != nullptr) continue;
    SpeakerInfo s;
    s.name = t.speaker;
    s.role = t.role;
    s.source = t.role != Role::kOther ? RoleSource::kFormatField : RoleSource::kUnknown;
    Role r;
    if (RoleFromFlags(t.speaker, opts, &r)) {
      s.role = r;
      s.source = RoleSource::kFlag;
    } else if (t.role != Role::kOther) {
      s.source = RoleSource::kFormatField;
    } else if (auto w = RoleFromWord(t.speaker, opts.vocabulary)) {
      s.role = *w;
      s.source = RoleSource::kRoleWord;
    }
    sp.push_back(s);
  }
}

// Guesses the roles still unknown: the first who greets or offers help is
// the agent; then one unknown speaker takes the role nobody has. Returns the
// warning that names the guesses, if any.
std::optional<std::string> GuessRoles(Conversation* c, const RoleVocabulary& vocabulary) {
  std::vector<SpeakerInfo>& sp = c->speakers;
  std::vector<SpeakerInfo*> unknown;
  for (auto& s : sp) {
    if (s.role == Role::kOther) unknown.push_back(&s);
  }
  if (unknown.empty()) return std::nullopt;
  bool has_agent = HasRole(sp, Role::kAgent), has_customer = HasRole(sp, Role::kCustomer);
  for (const auto& t : c->turns) {
    if (has_agent) break;
    SpeakerInfo* s = FindSpeaker(sp, t.speaker);
    if (s->role == Role::kOther && OffersHelp(t.text, vocabulary)) {
      s->role = Role::kAgent;
      s->source = RoleSource::kHeuristic;
      has_agent = true;
    }
  }
  for (auto* s : unknown) {
    if (s->role != Role::kOther) continue;
    if (has_agent && !has_customer) {
      s->role = Role::kCustomer;
      s->source = RoleSource::kHeuristic;
      has_customer = true;
    } else if (has_customer && !has_agent) {
      s->role = Role::kAgent;
      s->source = RoleSource::kHeuristic;
      has_agent = true;
    }
  }
  std::string names;
  size_t guessed = 0;
  for (const auto& s : sp) {
    if (s.source != RoleSource::kHeuristic) continue;
    if (++guessed > 5) continue;
    if (!names.empty()) names += ", ";
    names += "'" + s.name + "' as " + std::string(RoleName(s.role));
  }
  if (guessed > 5) names += " and " + std::to_string(guessed - 5) + " more";
  if (names.empty()) return std::nullopt;
  return "roles guessed from the conversation (" + names + "); name them with --agent/--customer";
}

// The warning that names the speakers whose role is still unknown, if any.
// At most a few names: 20 000 unknown speakers are one short line, not 300 KB.
std::optional<std::string> UnknownRolesWarning(const std::vector<SpeakerInfo>& sp) {
  constexpr size_t kNamesShown = 5;
  std::string unknown_names;
  size_t unknown_count = 0;
  for (const auto& s : sp) {
    if (s.source != RoleSource::kUnknown) continue;
    if (++unknown_count <= kNamesShown)
      unknown_names += (unknown_names.empty() ? "'" : ", '") + s.name + "'";
  }
  if (unknown_count > kNamesShown)
    unknown_names += " and " + std::to_string(unknown_count - kNamesShown) + " more";
  if (unknown_names.empty()) return std::nullopt;
  return "role of " + unknown_names + " unknown" +
         (HasRole(sp, Role::kAgent) ? ""
                                    : ": no agent found, so agent behaviours are not applicable") +
         "; name the speakers with --agent NAME / --customer NAME";
}

}  // namespace

std::optional<std::string> ResolveRoles(Conversation* c, const RoleOptions& opts) {
  CollectSpeakers(c, opts);
  std::optional<std::string> warning = GuessRoles(c, opts.vocabulary);
  if (auto w = UnknownRolesWarning(c->speakers)) warning = warning ? *warning + "; " + *w : *w;
  for (auto& t : c->turns) {
    const SpeakerInfo* s = FindSpeaker(c->speakers, t.speaker);
    if (t.role == Role::kOther || s->source == RoleSource::kFlag) t.role = s->role;
  }
  return warning;
}

}  // namespace tact::input
