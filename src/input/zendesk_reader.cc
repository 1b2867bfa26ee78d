// Zendesk ticket exports with their comments: {"ticket": {...}, "comments":
// [...], "users": [...]}, a ticket object holding "comments", or {"tickets":
// [...]} of those. A comment by the ticket's requester (or by a user whose
// role is "end-user") is the customer's; other authors are agents. Private
// comments (internal notes, "public": false) are excluded and counted.
#include <map>

#include "input/html.h"
#include "input/timestamp.h"
#include "input/vendor_json.h"

namespace tact::input {
namespace {

struct User {
  std::string name;
  std::string role;
};

void ReadUsers(json::Element doc, std::map<std::string, User>* users) {
  auto u = json::Get(doc, "users");
  if (!u || !u->is_array()) return;
  simdjson::dom::array list8 = u->get_array().value_unsafe();
  for (json::Element x : list8) {
    auto id = json::String(x, "id");
    if (id)
      (*users)[*id] = {json::String(x, "name").value_or(""), json::String(x, "role").value_or("")};
  }
}

void ReadTicket(json::Element ticket, std::optional<json::Element> comments,
                std::map<std::string, User> users, const std::string& stem,
                const ReadContext& ctx) {
  ReadUsers(ticket, &users);
  Conversation c;
  c.input_format = "zendesk";
  c.source = ctx.label;
  c.line = 1;
  c.id = json::String(ticket, "id").value_or(stem);
  std::string requester = json::String(ticket, "requester_id").value_or("");
  if (auto via = json::Get(ticket, "via")) {
    std::string ch = json::String(*via, "channel").value_or("");
    // Zendesk's via.channel: "email", "web" (the web form: a ticket too),
    // "voice", "chat", "native_messaging", "api", ...
    if (ch == "web" || ch == "api" || ch == "mail") ch = "email";
    c.channel_known = !ch.empty() && ParseChannel(ch, &c.channel);
  }
  if (auto a = json::String(ticket, "assignee_id")) c.agent = *a;
  if (auto s = json::String(ticket, "subject")) c.metadata.emplace_back("subject", *s);
  if (!comments) comments = json::Get(ticket, "comments");
  if (!comments || !comments->is_array()) {
    ctx.Error(1, "Zendesk: ticket '" + c.id + "' has no \"comments\" array");
    return;
  }
  size_t private_notes = 0;
  simdjson::dom::array list9 = comments->get_array().value_unsafe();
  for (json::Element cm : list9) {
    auto pub = json::Get(cm, "public");
    bool is_public = true;
    if (pub && pub->get_bool().get(is_public)) is_public = true;
    if (!is_public) {
      ++private_notes;
      continue;
    }
    std::string author = json::String(cm, "author_id").value_or("");
    auto u = users.find(author);
    Turn t;
    if (!requester.empty())
      t.role = author == requester ? Role::kCustomer : Role::kAgent;
    else if (u != users.end())
      t.role = u->second.role == "end-user" ? Role::kCustomer : Role::kAgent;
    t.speaker = u != users.end() && !u->second.name.empty() ? u->second.name : "user " + author;
    if (auto plain = json::String(cm, "plain_body"))
      t.text = *plain;
    else if (auto body = json::String(cm, "body"))
      t.text = *body;
    else if (auto html = json::String(cm, "html_body"))
      t.text = HtmlToText(*html);
    double at;
    if (auto created = json::String(cm, "created_at"); created && ParseTimeString(*created, &at))
      t.start = at;
    c.turns.push_back(std::move(t));
  }
  if (private_notes > 0) {
    ctx.Warning(1, "Zendesk ticket '" + c.id + "': " + std::to_string(private_notes) +
                       " private note(s) excluded");
    c.metadata.emplace_back("private_notes_excluded", std::to_string(private_notes));
  }
  ctx.Finish(std::move(c));
}

}  // namespace

bool IsZendesk(json::Element doc) {
  if (json::Get(doc, "tickets")) return true;
  if (auto t = json::Get(doc, "ticket"); t && t->is_object()) return true;
  auto c = json::Get(doc, "comments");
  return c && c->is_array() && json::Get(doc, "requester_id").has_value();
}

void ReadZendesk(json::Element doc, const std::string& stem, const ReadContext& ctx) {
  std::map<std::string, User> users;
  ReadUsers(doc, &users);
  if (auto ts = json::Get(doc, "tickets")) {
    if (!ts->is_array()) {
      ctx.Error(1, "Zendesk: \"tickets\" is not an array");
      return;
    }
    simdjson::dom::array list10 = ts->get_array().value_unsafe();
    for (json::Element t : list10) ReadTicket(t, std::nullopt, users, stem, ctx);
    return;
  }
  if (auto t = json::Get(doc, "ticket")) {
    ReadTicket(*t, json::Get(doc, "comments"), users, stem, ctx);
    return;
  }
  ReadTicket(doc, std::nullopt, users, stem, ctx);
}

}  // namespace tact::input
