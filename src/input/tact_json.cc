#include "input/tact_json.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "input/roles.h"

namespace tact::input {

bool IsTactConversation(json::Element e) {
  return e.is_object() && json::Get(e, "turns").has_value();
}

namespace {

// The first key an object has twice, or "": with two "text" keys, which one
// is the turn is a guess, and a guess is not made silently.
std::string DuplicateKey(json::Element e) {
  simdjson::dom::object obj;
  if (e.get_object().get(obj)) return "";
  // Once per turn and conversation: the keys seen go to a buffer kept per
  // thread (a turn has a handful, so the search is a short scan).
  thread_local std::vector<std::string_view> keys;
  keys.clear();
  for (auto [k, v] : obj) {
    if (std::find(keys.begin(), keys.end(), k) != keys.end()) return std::string(k);
    keys.push_back(k);
  }
  return "";
}

// The conversation's own fields (all but its turns); false with *error set.
bool ReadConversationFields(json::Element e, Conversation* c, std::string* error) {
  if (auto id = json::String(e, "id"))
    c->id = *id;
  else if (auto id2 = json::String(e, "conversation_id"))
    c->id = *id2;
  if (auto l = json::String(e, "language")) c->language = *l;
  if (auto ch = json::String(e, "channel")) {
    if (!ParseChannel(*ch, &c->channel)) {
      *error = "unknown channel '" + *ch + "' (expected chat, call or email)";
      return false;
    }
    c->channel_known = true;
  }
  if (auto a = json::String(e, "agent")) c->agent = *a;
  if (auto md = json::Get(e, "metadata"); md && md->is_object()) {
    simdjson::dom::object list1 = md->get_object().value_unsafe();
    for (auto [k, v] : list1) {
      c->metadata.emplace_back(std::string(k), json::ScalarText(v));
    }
  }
  return true;
}

// A turn's "role": a role word, or system/bot/other/note for Role::kOther.
bool ReadRole(const std::string& role, const RoleVocabulary& vocabulary, Role* out,
              std::string* error) {
  if (auto r = RoleFromField(role, vocabulary)) {
    *out = *r;
    return true;
  }
  std::string v = role;
  for (auto& x : v) x = static_cast<char>(std::tolower(static_cast<unsigned char>(x)));
  if (v == "system" || v == "bot" || v == "other" || v == "note") {
    *out = Role::kOther;
    return true;
  }
  *error = "unknown role '" + role + "' (expected agent, customer or other)";
  return false;
}

// One element of "turns"; false with *error set (without the turn's number).
bool ReadTurn(json::Element t, const RoleVocabulary& vocabulary, Turn* turn, std::string* error) {
  if (!t.is_object()) {
    *error = "expected an object";
    return false;
  }
  if (std::string dup = DuplicateKey(t); !dup.empty()) {
    *error = "duplicate key \"" + dup + "\": which one counts is ambiguous";
    return false;
  }
  auto speaker = json::String(t, "speaker");
  auto role = json::String(t, "role");
  if (!speaker && !role) {
    *error = "expected \"speaker\" or \"role\"";
    return false;
  }
  turn->speaker = speaker ? *speaker : *role;
  if (role && !ReadRole(*role, vocabulary, &turn->role, error)) return false;
  auto text = json::Get(t, "text");
  std::string_view sv;
  if (!text || text->get_string().get(sv)) {
    *error = "expected \"text\" as a string";
    return false;
  }
  turn->text = std::string(sv);
  if (!json::Time(t, "start", &turn->start, error) || !json::Time(t, "end", &turn->end, error))
    return false;
  return turn->start || json::Time(t, "time", &turn->start, error);
}

}  // namespace

bool ConversationFromJson(json::Element e, const RoleVocabulary& vocabulary, Conversation* c,
                          std::string* error) {
  if (!e.is_object()) {
    *error = "expected a conversation object";
    return false;
  }
  if (std::string dup = DuplicateKey(e); !dup.empty()) {
    *error = "duplicate key \"" + dup + "\" in the conversation: which one counts is ambiguous";
    return false;
  }
  if (!ReadConversationFields(e, c, error)) return false;
  auto turns = json::Get(e, "turns");
  simdjson::dom::array arr;
  if (!turns || turns->get_array().get(arr)) {
    *error = "expected \"turns\": [...]";
    return false;
  }
  size_t index = 0;
  for (json::Element t : arr) {
    ++index;
    Turn turn;
    turn.line = c->line;
    std::string terr;
    if (!ReadTurn(t, vocabulary, &turn, &terr)) {
      *error = "turn " + std::to_string(index) + ": " + terr;
      return false;
    }
    c->turns.push_back(std::move(turn));
  }
  return true;
}

}  // namespace tact::input
