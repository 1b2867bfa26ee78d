// Amazon Connect Contact Lens / Transcribe Call Analytics output: Transcript[]
// with ParticipantRole (or ParticipantId resolved through Participants[]),
// Content, BeginOffsetMillis/EndOffsetMillis (calls) or AbsoluteTime (chats);
// both the 1.0.0 layout (ParticipantId "AGENT"/"CUSTOMER") and 1.1.0 (ids
// resolved through Participants) are read. Events and system messages are not
// turns of the agent or the customer.
#include <map>

#include "input/timestamp.h"
#include "input/vendor_json.h"

namespace tact::input {

bool IsContactLens(json::Element doc) {
  auto t = json::Get(doc, "Transcript");
  return t && t->is_array();
}

void ReadContactLens(json::Element doc, const std::string& stem, const ReadContext& ctx) {
  std::map<std::string, std::pair<std::string, std::string>> participants;  // id -> (role, name)
  if (auto ps = json::Get(doc, "Participants"); ps && ps->is_array()) {
    simdjson::dom::array list2 = ps->get_array().value_unsafe();
    for (json::Element p : list2) {
      auto id = json::String(p, "ParticipantId");
      if (!id) continue;
      participants[*id] = {json::String(p, "ParticipantRole").value_or(""),
                           json::String(p, "DisplayName").value_or("")};
    }
  }
  Conversation c;
  c.input_format = "contact_lens";
  c.source = ctx.label;
  c.line = 1;
  c.id = stem;
  if (auto md = json::Get(doc, "CustomerMetadata")) {
    if (auto cid = json::String(*md, "ContactId")) c.id = *cid;
  }
  std::string channel = json::String(doc, "Channel").value_or("");
  c.channel = channel == "CHAT" ? Channel::kChat : Channel::kCall;
  c.channel_known = !channel.empty();
  if (auto l = json::String(doc, "LanguageCode")) c.language = l->substr(0, 2);
  size_t events = 0;
  simdjson::dom::array list3 = json::Get(doc, "Transcript")->get_array().value_unsafe();
  for (json::Element e : list3) {
    auto type = json::String(e, "Type");
    auto content = json::String(e, "Content");
    if ((type && *type != "MESSAGE") || !content) {
      ++events;
      continue;
    }
    std::string id = json::String(e, "ParticipantId").value_or("");
    std::string role = json::String(e, "ParticipantRole").value_or("");
    std::string name = json::String(e, "DisplayName").value_or("");
    auto p = participants.find(id);
    if (role.empty() && p != participants.end()) role = p->second.first;
    if (name.empty() && p != participants.end()) name = p->second.second;
    if (role.empty() && (id == "AGENT" || id == "CUSTOMER")) role = id;
    Turn t;
    t.role = role == "AGENT" ? Role::kAgent : role == "CUSTOMER" ? Role::kCustomer : Role::kOther;
    t.speaker = !name.empty() && name != "[PII]" ? name : (!role.empty() ? role : id);
    if (t.role == Role::kOther && role != "SYSTEM" && role != "SUPERVISOR" && !role.empty()) {
      ctx.Warning(1, "Contact Lens: participant role '" + role + "' is neither AGENT nor CUSTOMER");
    }
    t.text = *content;
    if (auto b = json::Number(e, "BeginOffsetMillis")) t.start = *b / 1000.0;
    if (auto en = json::Number(e, "EndOffsetMillis")) t.end = *en / 1000.0;
    double abs;
    if (!t.start) {
      if (auto at = json::String(e, "AbsoluteTime"); at && ParseIso8601(*at, &abs)) t.start = abs;
    }
    // Consecutive messages of one participant in a call are one turn.
    if (!c.turns.empty() && c.channel == Channel::kCall && c.turns.back().speaker == t.speaker) {
      c.turns.back().text += " " + t.text;
      if (t.end) c.turns.back().end = t.end;
      continue;
    }
    c.turns.push_back(std::move(t));
  }
  if (c.turns.empty()) {
    ctx.Error(1, "Contact Lens: no MESSAGE entries in 'Transcript'");
    return;
  }
  ctx.Finish(std::move(c));
}

}  // namespace tact::input
