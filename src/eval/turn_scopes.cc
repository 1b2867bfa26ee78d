#include "eval/turn_scopes.h"

#include <algorithm>

#include "text/normalize.h"

namespace tact::eval {

void TurnScopes::Reset(const Conversation& c) {
  c_ = &c;
  agent_.clear();
  customer_.clear();
  all_.clear();
  for (size_t i = 0; i < c.turns.size(); ++i) {
    all_.push_back(i);
    if (c.turns[i].role == Role::kAgent) agent_.push_back(i);
    if (c.turns[i].role == Role::kCustomer) customer_.push_back(i);
  }
  timed_ = c.channel == Channel::kCall && !c.turns.empty() &&
           std::all_of(c.turns.begin(), c.turns.end(),
                       [](const Turn& t) { return t.start.has_value(); });
  have_normalized_.assign(c.turns.size(), 0);
  if (normalized_.size() < c.turns.size()) normalized_.resize(c.turns.size());
  matches_.clear();
  offsets_.clear();
}

void TurnScopes::IndexMatches(const std::vector<TextMatches>& turns, size_t behaviours) {
  // A counting sort: the count per behaviour, then each match at its slot.
  const size_t n = std::min(turns.size(), c_->turns.size());
  offsets_.assign(behaviours + 1, 0);
  for (size_t t = 0; t < n; ++t) {
    for (const RuleMatch& m : turns[t].matches)
      if (!m.vetoed && m.behaviour < behaviours) ++offsets_[m.behaviour + 1];
  }
  for (size_t b = 0; b < behaviours; ++b) offsets_[b + 1] += offsets_[b];
  matches_.resize(offsets_[behaviours]);
  thread_local std::vector<uint32_t> next;
  next.assign(offsets_.begin(), offsets_.end() - 1);
  for (size_t t = 0; t < n; ++t) {
    for (const RuleMatch& m : turns[t].matches)
      if (!m.vetoed && m.behaviour < behaviours) matches_[next[m.behaviour]++] = {t, &m};
  }
}

const std::vector<size_t>& TurnScopes::Speaker(rules::SpeakerScope s) const {
  switch (s) {
    case rules::SpeakerScope::kAgent:
      return agent_;
    case rules::SpeakerScope::kCustomer:
      return customer_;
    case rules::SpeakerScope::kAny:
      break;
  }
  return all_;
}

void TurnScopes::TimeWindow(const rules::BehaviourDecl& b) {
  const auto& turns = c_->turns;
  double first = *turns.front().start, last = first;
  for (const auto& t : turns) last = std::max(last, t.end ? *t.end : *t.start);
  window_.clear();
  for (size_t i : Speaker(b.speaker)) {
    const Turn& t = turns[i];
    bool in = b.time_window == rules::BehaviourDecl::TimeWindow::kFirst
                  ? *t.start <= first + b.time_seconds
                  : (t.end ? *t.end : *t.start) >= last - b.time_seconds;
    if (in) window_.push_back(i);
  }
}

std::span<const size_t> TurnScopes::Of(const rules::BehaviourDecl& b) {
  if (b.time_window != rules::BehaviourDecl::TimeWindow::kNone && timed_) {
    TimeWindow(b);
    return window_;
  }
  std::span<const size_t> out = Speaker(b.speaker);
  const size_t n = static_cast<size_t>(b.position_n);
  if (b.position == rules::BehaviourDecl::Position::kFirst && out.size() > n) return out.first(n);
  if (b.position == rules::BehaviourDecl::Position::kLast && out.size() > n) return out.last(n);
  return out;
}

const std::string& TurnScopes::Normalized(size_t t) {
  if (!have_normalized_[t]) {
    normalized_[t].clear();
    text::NormalizeAppend(c_->turns[t].text, &normalized_[t]);
    have_normalized_[t] = 1;
  }
  return normalized_[t];
}

}  // namespace tact::eval
