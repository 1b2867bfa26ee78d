// Google CCAI Insights conversation JSON: entries[] of {text, role, user_id,
// start_timestamp_usec}. AGENT and HUMAN_AGENT are the agent, CUSTOMER and
// END_USER the customer; AUTOMATED_AGENT (a bot) is neither, so a human
// agent is not judged on what the bot said.
#include "input/vendor_json.h"

namespace tact::input {

bool IsCcai(json::Element doc) {
  auto e = json::Get(doc, "entries");
  if (!e || !e->is_array()) return false;
  simdjson::dom::array list6 = e->get_array().value_unsafe();
  for (json::Element x : list6)
    return json::Get(x, "role").has_value() || json::Get(x, "text").has_value();
  return true;
}

void ReadCcai(json::Element doc, const std::string& stem, const ReadContext& ctx) {
  Conversation c;
  c.input_format = "ccai";
  c.source = ctx.label;
  c.line = 1;
  c.id = json::String(doc, "conversation_id").value_or(json::String(doc, "name").value_or(stem));
  if (auto l = json::String(doc, "language_code")) c.language = l->substr(0, 2);
  size_t n = 0;
  simdjson::dom::array list7 = json::Get(doc, "entries")->get_array().value_unsafe();
  for (json::Element e : list7) {
    ++n;
    auto text = json::String(e, "text");
    auto role = json::String(e, "role");
    if (!text || !role) {
      ctx.Error(1, "CCAI: entry " + std::to_string(n) + " needs \"text\" and \"role\"");
      return;
    }
    Turn t;
    const std::string& r = *role;
    if (r == "AGENT" || r == "HUMAN_AGENT")
      t.role = Role::kAgent;
    else if (r == "CUSTOMER" || r == "END_USER")
      t.role = Role::kCustomer;
    else if (r == "AUTOMATED_AGENT")
      t.role = Role::kOther;
    else {
      ctx.Error(1, "CCAI: entry " + std::to_string(n) + " has unknown role '" + r + "'");
      return;
    }
    auto user = json::String(e, "user_id");
    t.speaker = r == "AUTOMATED_AGENT" ? "bot" : (user ? r + " " + *user : r);
    t.text = *text;
    if (auto us = json::Number(e, "start_timestamp_usec")) t.start = *us / 1e6;
    c.turns.push_back(std::move(t));
  }
  ctx.Finish(std::move(c));
}

}  // namespace tact::input
