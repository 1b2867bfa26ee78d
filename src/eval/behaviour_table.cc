#include "eval/behaviour_table.h"

#include <algorithm>
#include <map>

#include "eval/evaluator.h"

namespace tact::eval {
namespace {

// A behaviour's text in `lang` ("" = the pack's): the pack's own text when
// that is the language asked for, else the one written for `lang`, else the
// pack's own, else "".
std::string Pick(const std::map<std::string, std::string>& texts, const std::string& lang,
                 const std::string& pack_lang) {
  if (lang.empty() || lang == pack_lang) {
    auto it = texts.find("");
    if (it != texts.end()) return it->second;
  }
  auto it = texts.find(lang.empty() ? pack_lang : lang);
  if (it != texts.end()) return it->second;
  it = texts.find("");
  return it == texts.end() ? std::string() : it->second;
}

int KindOrder(BehaviourKind k) {
  return k == BehaviourKind::kExpected ? 0 : k == BehaviourKind::kAvoid ? 1 : 2;
}

BehaviourTable::Texts Resolve(const rules::LanguagePack& pack, const rules::BehaviourDecl& b,
                              const std::string& lang) {
  BehaviourTable::Texts t;
  t.title = Pick(b.titles, lang, pack.code);
  if (t.title.empty()) t.title = Pick(b.titles, "en", pack.code);
  if (t.title.empty()) t.title = b.id;
  t.title_en = Pick(b.titles, "en", pack.code);
  if (t.title_en.empty()) t.title_en = b.id;
  t.tip = Pick(b.tips, lang, pack.code);
  t.tip_en = Pick(b.tips, "en", pack.code);
  t.rules.reserve(b.matches.size());
  for (uint32_t i = 0; i < b.matches.size(); ++i) t.rules.push_back(RuleLocation(b, i));
  t.decl = RuleLocation(b, static_cast<uint32_t>(b.matches.size()));
  return t;
}

}  // namespace

BehaviourTable::BehaviourTable(const rules::LanguagePack& pack, const std::string& tips_language)
    : pack_(&pack), tips_language_(tips_language) {
  texts_.reserve(pack.behaviours.size());
  for (const auto& b : pack.behaviours) texts_.push_back(Resolve(pack, b, tips_language));
  order_.resize(pack.behaviours.size());
  for (uint32_t i = 0; i < order_.size(); ++i) order_[i] = i;
  std::stable_sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
    return KindOrder(*pack.behaviours[a].kind) < KindOrder(*pack.behaviours[b].kind);
  });
}

}  // namespace tact::eval
