// Intercom conversations: the opening message in "source" and the rest in
// "conversation_parts". Authors of type admin are agents, user/lead/contact
// customers, bot neither. Notes, assignments and other non-comment parts are
// excluded (notes are counted). HTML bodies become plain text. The channel
// comes from source.type (email, phone_call, or a chat).
#include "input/html.h"
#include "input/vendor_json.h"

namespace tact::input {
namespace {

Role AuthorRole(json::Element part) {
  auto a = json::Get(part, "author");
  std::string type = a ? json::String(*a, "type").value_or("") : "";
  if (type == "admin" || type == "team") return Role::kAgent;
  if (type == "user" || type == "lead" || type == "contact") return Role::kCustomer;
  return Role::kOther;
}

std::string AuthorName(json::Element part) {
  auto a = json::Get(part, "author");
  if (!a) return "unknown";
  if (auto n = json::String(*a, "name"); n && !n->empty()) return *n;
  std::string type = json::String(*a, "type").value_or("author");
  return type + " " + json::String(*a, "id").value_or("");
}

void ReadOne(json::Element conv, const std::string& stem, const ReadContext& ctx) {
  Conversation c;
  c.input_format = "intercom";
  c.source = ctx.label;
  c.line = 1;
  c.id = json::String(conv, "id").value_or(stem);
  auto add = [&](json::Element part, double fallback_time) {
    auto body = json::String(part, "body");
    if (!body) return;
    Turn t;
    t.role = AuthorRole(part);
    t.speaker = AuthorName(part);
    t.text = HtmlToText(*body);
    if (t.text.empty()) return;
    if (auto at = json::Number(part, "created_at"))
      t.start = *at;
    else if (fallback_time > 0)
      t.start = fallback_time;
    c.turns.push_back(std::move(t));
  };
  if (auto src = json::Get(conv, "source")) {
    add(*src, json::Number(conv, "created_at").value_or(0));
    // Intercom's source.type says how it started: "email" is an e-mail ticket
    // (answered in hours, its own thresholds), "phone_call" a call; the
    // messenger ("conversation"), social and SMS are chats.
    std::string type = json::String(*src, "type").value_or("");
    if (type == "email") {
      c.channel = Channel::kEmail;
      c.channel_known = true;
    } else if (type == "phone_call" || type == "phone_switch") {
      c.channel = Channel::kCall;
      c.channel_known = true;
    } else if (!type.empty()) {
      c.channel = Channel::kChat;
      c.channel_known = true;
    }
  }
  size_t notes = 0, other = 0;
  auto parts = json::Get(conv, "conversation_parts");
  if (parts && parts->is_object()) parts = json::Get(*parts, "conversation_parts");
  if (parts && parts->is_array()) {
    simdjson::dom::array list4 = parts->get_array().value_unsafe();
    for (json::Element p : list4) {
      std::string type = json::String(p, "part_type").value_or("comment");
      if (type == "note") {
        ++notes;
        continue;
      }
      if (type != "comment" && type != "open" && type != "close") {
        ++other;
        continue;
      }
      add(p, 0);
    }
  }
  if (notes > 0) {
    ctx.Warning(
        1, "Intercom conversation '" + c.id + "': " + std::to_string(notes) + " note(s) excluded");
    c.metadata.emplace_back("notes_excluded", std::to_string(notes));
  }
  ctx.Finish(std::move(c));
}

}  // namespace

bool IsIntercom(json::Element doc) {
  if (json::Get(doc, "conversation_parts")) return true;
  auto t = json::String(doc, "type");
  if (t && (*t == "conversation" || *t == "conversation.list")) return true;
  auto cs = json::Get(doc, "conversations");
  return cs && cs->is_array();
}

void ReadIntercom(json::Element doc, const std::string& stem, const ReadContext& ctx) {
  if (auto cs = json::Get(doc, "conversations"); cs && cs->is_array()) {
    simdjson::dom::array list5 = cs->get_array().value_unsafe();
    for (json::Element c : list5) ReadOne(c, stem, ctx);
    return;
  }
  ReadOne(doc, stem, ctx);
}

}  // namespace tact::input
