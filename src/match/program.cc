#include "match/program.h"

#include <algorithm>

#include "common/bytes.h"

namespace tact::match {

void Program::ViewStorage() {
  states_ = own_->states;
  edges_ = own_->edges;
  targets_ = own_->targets;
  accepts_ = own_->accepts;
  index_keys_ = own_->index_keys;
  index_values_ = own_->index_values;
}

void Program::Save(ByteWriter* w) const {
  w->U32(start_);
  w->U32(num_patterns_);
  w->U64(index_mask_);
  w->Array(states_);
  w->Array(edges_);
  w->Array(targets_);
  w->Array(accepts_);
  w->Array(index_keys_);
  w->Array(index_values_);
}

bool Program::Load(ByteReader* r, bool borrow) {
  start_ = r->U32();
  num_patterns_ = r->U32();
  index_mask_ = r->U64();
  states_ = r->ArrayView<State>();
  edges_ = r->ArrayView<Edge>();
  targets_ = r->ArrayView<uint32_t>();
  accepts_ = r->ArrayView<uint32_t>();
  index_keys_ = r->ArrayView<uint64_t>();
  index_values_ = r->ArrayView<uint32_t>();
  own_.reset();
  if (!r->ok() || !Valid()) {
    *this = Program();
    return false;
  }
  if (!borrow) {
    own_ = std::make_unique<Storage>();
    own_->states.assign(states_.begin(), states_.end());
    own_->edges.assign(edges_.begin(), edges_.end());
    own_->targets.assign(targets_.begin(), targets_.end());
    own_->accepts.assign(accepts_.begin(), accepts_.end());
    own_->index_keys.assign(index_keys_.begin(), index_keys_.end());
    own_->index_values.assign(index_values_.begin(), index_values_.end());
    ViewStorage();
  }
  return true;
}

bool Program::Valid() const {
  if (states_.empty()) return start_ == 0 && edges_.empty() && index_keys_.empty();
  if (start_ >= states_.size()) return false;
  if (index_keys_.size() != index_values_.size() || index_keys_.size() != index_mask_ + 1 ||
      (index_mask_ & (index_mask_ + 1)) != 0)
    return false;
  for (const State& s : states_) {
    if (s.edge_begin > s.edge_end || s.edge_end > edges_.size() || s.accept_begin > s.accept_end ||
        s.accept_end > accepts_.size())
      return false;
  }
  for (const Edge& e : edges_) {
    if (e.target_begin > e.target_end || e.target_end > targets_.size()) return false;
  }
  for (uint32_t t : targets_) {
    if (t >= states_.size()) return false;
  }
  for (uint32_t a : accepts_) {
    if (a >= num_patterns_) return false;
  }
  for (size_t i = 0; i < index_keys_.size(); ++i) {
    if (index_keys_[i] != 0 && index_values_[i] >= edges_.size()) return false;
  }
  return true;
}

bool Program::Lookup(uint32_t state, AtomId atom, const uint32_t** begin,
                     const uint32_t** end) const {
  const State& s = states_[state];
  const Edge* e = nullptr;
  if (s.edge_end - s.edge_begin > kIndexThreshold) {
    const uint64_t key = ((static_cast<uint64_t>(state) << 32) | atom) + 1;
    for (uint64_t i = Mix(key) & index_mask_;; i = (i + 1) & index_mask_) {
      const uint64_t k = index_keys_[i];
      if (k == key) {
        e = &edges_[index_values_[i]];
        break;
      }
      if (k == 0) return false;
    }
  } else {
    for (uint32_t i = s.edge_begin; i < s.edge_end; ++i) {
      if (edges_[i].atom == atom) {
        e = &edges_[i];
        break;
      }
      if (edges_[i].atom > atom) break;
    }
    if (e == nullptr) return false;
  }
  *begin = targets_.data() + e->target_begin;
  *end = targets_.data() + e->target_end;
  return true;
}

ProgramBuilder::ProgramBuilder() { NewState(); }  // state 0: the shared start

uint32_t ProgramBuilder::NewState() {
  accept_.push_back(-1);
  return static_cast<uint32_t>(accept_.size() - 1);
}

uint32_t ProgramBuilder::Build(const Node& n, uint32_t from) {
  switch (n.type) {
    case Node::Type::kAtom: {
      uint32_t to = NewState();
      edges_.push_back({from, n.atom, to});
      return to;
    }
    case Node::Type::kSeq: {
      uint32_t cur = from;
      for (const Node& c : n.children) cur = Build(c, cur);
      return cur;
    }
    case Node::Type::kAlt: {
      // Each alternative starts from a fresh state reached by epsilon, so that
      // optional parts of one alternative cannot leak into another.
      uint32_t end = NewState();
      for (const Node& c : n.children) {
        uint32_t begin = NewState();
        eps_.push_back({from, begin});
        uint32_t e = Build(c, begin);
        eps_.push_back({e, end});
      }
      return end;
    }
    case Node::Type::kOpt: {
      uint32_t begin = NewState();
      eps_.push_back({from, begin});
      uint32_t e = Build(n.children.at(0), begin);
      eps_.push_back({begin, e});
      return e;
    }
    case Node::Type::kGap: {
      uint32_t end = NewState();
      uint32_t cur = NewState();
      eps_.push_back({from, cur});
      eps_.push_back({cur, end});
      for (int i = 0; i < n.gap; ++i) {
        uint32_t next = NewState();
        edges_.push_back({cur, kAnyAtom, next});
        eps_.push_back({next, end});
        cur = next;
      }
      return end;
    }
  }
  return from;
}

void ProgramBuilder::Add(const Node& root, uint32_t pattern_id) {
  // Each pattern hangs off the start state through its own epsilon edge.
  uint32_t begin = NewState();
  eps_.push_back({0, begin});
  uint32_t end = Build(root, begin);
  uint32_t accept = NewState();
  eps_.push_back({end, accept});
  accept_[accept] = pattern_id;
  num_patterns_ = std::max(num_patterns_, pattern_id + 1);
}

void ProgramBuilder::StoreState(const std::vector<std::pair<AtomId, uint32_t>>& merged,
                                const std::vector<uint32_t>& accepts, Program::Storage* store,
                                Program::State* st) {
  Program::Storage& o = *store;
  st->edge_begin = static_cast<uint32_t>(o.edges.size());
  for (size_t k = 0; k < merged.size();) {
    Program::Edge e{merged[k].first, static_cast<uint32_t>(o.targets.size()), 0};
    while (k < merged.size() && merged[k].first == e.atom) o.targets.push_back(merged[k++].second);
    e.target_end = static_cast<uint32_t>(o.targets.size());
    o.edges.push_back(e);
  }
  st->edge_end = static_cast<uint32_t>(o.edges.size());
  st->accept_begin = static_cast<uint32_t>(o.accepts.size());
  o.accepts.insert(o.accepts.end(), accepts.begin(), accepts.end());
  st->accept_end = static_cast<uint32_t>(o.accepts.size());
}

void ProgramBuilder::BuildEdgeIndex(Program* p) {
  Program::Storage& o = *p->own_;
  size_t indexed = 0;
  for (const auto& st : o.states) {
    if (st.edge_end - st.edge_begin > Program::kIndexThreshold)
      indexed += st.edge_end - st.edge_begin;
  }
  size_t cap = 16;
  while (cap < indexed * 2) cap <<= 1;
  o.index_keys.assign(cap, 0);
  o.index_values.assign(cap, 0);
  p->index_mask_ = cap - 1;
  for (uint32_t sid = 0; sid < o.states.size(); ++sid) {
    const Program::State& st = o.states[sid];
    if (st.edge_end - st.edge_begin <= Program::kIndexThreshold) continue;
    for (uint32_t k = st.edge_begin; k < st.edge_end; ++k) {
      const uint64_t key = ((static_cast<uint64_t>(sid) << 32) | o.edges[k].atom) + 1;
      uint64_t i = Program::Mix(key) & p->index_mask_;
      while (o.index_keys[i] != 0) i = (i + 1) & p->index_mask_;
      o.index_keys[i] = key;
      o.index_values[i] = k;
    }
  }
}

Program ProgramBuilder::Finish() {
  const uint32_t n = static_cast<uint32_t>(accept_.size());
  // Edges and epsilon edges grouped by their source state (counting sort).
  std::vector<uint32_t> edge_at(n + 1, 0), eps_at(n + 1, 0);
  for (const auto& e : edges_) ++edge_at[e.from + 1];
  for (const auto& e : eps_) ++eps_at[e.first + 1];
  for (uint32_t i = 0; i < n; ++i) {
    edge_at[i + 1] += edge_at[i];
    eps_at[i + 1] += eps_at[i];
  }
  std::vector<std::pair<AtomId, uint32_t>> edge_list(edges_.size());
  std::vector<uint32_t> eps_list(eps_.size());
  {
    std::vector<uint32_t> fill(edge_at.begin(), edge_at.end() - 1);
    for (const auto& e : edges_) edge_list[fill[e.from]++] = {e.atom, e.to};
    fill.assign(eps_at.begin(), eps_at.end() - 1);
    for (const auto& e : eps_) eps_list[fill[e.first]++] = e.second;
  }
  // States that can be entered: the start and every atom-edge target.
  std::vector<bool> entered(n, false);
  entered[0] = true;
  for (const auto& e : edges_) entered[e.to] = true;
  // Renumber entered states densely.
  std::vector<uint32_t> dense(n, UINT32_MAX);
  uint32_t count = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (entered[i]) dense[i] = count++;
  }
  Program p;
  p.own_ = std::make_unique<Program::Storage>();
  Program::Storage& o = *p.own_;
  p.start_ = dense[0];
  p.num_patterns_ = num_patterns_;
  o.states.resize(count);
  std::vector<uint32_t> stack;
  std::vector<uint32_t> mark(n, UINT32_MAX);
  std::vector<std::pair<AtomId, uint32_t>> merged;
  std::vector<uint32_t> accepts;
  for (uint32_t i = 0; i < n; ++i) {
    if (!entered[i]) continue;
    // Epsilon closure of i.
    merged.clear();
    accepts.clear();
    stack.assign(1, i);
    mark[i] = i;
    while (!stack.empty()) {
      uint32_t s = stack.back();
      stack.pop_back();
      for (uint32_t k = edge_at[s]; k < edge_at[s + 1]; ++k)
        merged.emplace_back(edge_list[k].first, dense[edge_list[k].second]);
      if (accept_[s] >= 0) accepts.push_back(static_cast<uint32_t>(accept_[s]));
      for (uint32_t k = eps_at[s]; k < eps_at[s + 1]; ++k) {
        const uint32_t t = eps_list[k];
        if (mark[t] != i) {
          mark[t] = i;
          stack.push_back(t);
        }
      }
    }
    std::sort(merged.begin(), merged.end());
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    std::sort(accepts.begin(), accepts.end());
    accepts.erase(std::unique(accepts.begin(), accepts.end()), accepts.end());
    StoreState(merged, accepts, &o, &o.states[dense[i]]);
  }
  BuildEdgeIndex(&p);
  p.ViewStorage();
  edges_.clear();
  eps_.clear();
  accept_.clear();
  return p;
}

}  // namespace tact::match
