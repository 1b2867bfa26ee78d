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
  std::vector<std::string_view> keys;
  for (auto [k, v] : obj) {
    if (std::find(keys.begin(), keys.end(), k) != keys.end()) return std::string(k);
    keys.push_back(k);
  }
  return "";
}

}  // namespace

bool ConversationFromJson(json::Element e, Conversation* c, std::string* error) {
  if (!e.is_object()) {
    *error = "expected a conversation object";
    return false;
  }
  if (std::string dup = DuplicateKey(e); !dup.empty()) {
    *error = "duplicate key \"" + dup + "\" in the conversation: which one counts is ambiguous";
    return false;
  }
  if (auto id = json::String(e, "id"))
    c->id = *id;
  else if (auto id2 = json::String(e, "conversation_id"))
    c->id = *id2;
  if (auto l = json::String(e, "language")) c->language = *l;
  if (auto ch = json::String(e, "channel")) {
    if (ParseChannel(*ch, &c->channel)) {
      c->channel_known = true;
    } else {
      *error = "unknown channel '" + *ch + "' (expected chat, call or email)";
      return false;
    }
  }
  if (auto a = json::String(e, "agent")) c->agent = *a;
  if (auto md = json::Get(e, "metadata"); md && md->is_object()) {
    simdjson::dom::object list1 = md->get_object().value_unsafe();
    for (auto [k, v] : list1) {
      c->metadata.emplace_back(std::string(k), json::ScalarText(v));
    }
  }
  auto turns = json::Get(e, "turns");
  simdjson::dom::array arr;
  if (!turns || turns->get_array().get(arr)) {
    *error = "expected \"turns\": [...]";
    return false;
  }
  size_t index = 0;
  for (json::Element t : arr) {
    ++index;
    std::string where = "turn " + std::to_string(index) + ": ";
    if (!t.is_object()) {
      *error = where + "expected an object";
      return false;
    }
    if (std::string dup = DuplicateKey(t); !dup.empty()) {
      *error = where + "duplicate key \"" + dup + "\": which one counts is ambiguous";
      return false;
    }
    Turn turn;
    turn.line = c->line;
    auto speaker = json::String(t, "speaker");
    auto role = json::String(t, "role");
    if (!speaker && !role) {
      *error = where + "expected \"speaker\" or \"role\"";
      return false;
    }
    turn.speaker = speaker ? *speaker : *role;
    if (role) {
      auto r = RoleFromWord(*role);
      if (!r) {
        std::string v = *role;
        for (auto& x : v) x = static_cast<char>(std::tolower(static_cast<unsigned char>(x)));
        if (v == "system" || v == "bot" || v == "other" || v == "note")
          r = Role::kOther;
        else {
          *error = where + "unknown role '" + *role + "' (expected agent, customer or other)";
          return false;
        }
      }
      turn.role = *r;
    }
    auto text = json::Get(t, "text");
    std::string_view sv;
    if (!text || text->get_string().get(sv)) {
      *error = where + "expected \"text\" as a string";
      return false;
    }
    turn.text = std::string(sv);
    std::string terr;
    if (!json::Time(t, "start", &turn.start, &terr) || !json::Time(t, "end", &turn.end, &terr)) {
      *error = where + terr;
      return false;
    }
    if (!turn.start && !json::Time(t, "time", &turn.start, &terr)) {
      *error = where + terr;
      return false;
    }
    c->turns.push_back(std::move(turn));
  }
  return true;
}

}  // namespace tact::input
