#include "plan/optimizer.hpp"

#include <algorithm>
#include <map>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <tuple>

namespace barrierfree::planning {

namespace {

constexpr double eps = 1e-9;

double objective_value(const Objective& o, const std::vector<bool>& chosen) {
  if (resolved(o, chosen)) return o.weight;
  double best = 0;
  for (const auto& [c, v] : o.partial)
    if (chosen[static_cast<std::size_t>(c)]) best = std::max(best, v);
  return std::min(best, o.weight);
}

/// Orders solutions: true when a is better than b.
struct Better {
  bool structural_first;
  bool operator()(const Solution& a, const Solution& b, const std::vector<Candidate>& cands) const {
    if (structural_first && std::abs(a.structural_value - b.structural_value) > eps)
      return a.structural_value > b.structural_value;
    if (std::abs(a.value - b.value) > eps) return a.value > b.value;
    if (std::abs(a.cost - b.cost) > eps) return a.cost < b.cost;
    // Lexicographically smaller list of ids.
    return std::lexicographical_compare(
        a.chosen.begin(), a.chosen.end(), b.chosen.begin(), b.chosen.end(),
        [&](int x, int y) { return cands[static_cast<std::size_t>(x)].id < cands[static_cast<std::size_t>(y)].id; });
  }
};

class Search {
 public:
  explicit Search(const Problem& p) : p_(p), better_{p.structural_first} {
    const std::size_t n = p.candidates.size();
    // Groups as numbers and conflicts as lists per candidate: feasible() runs for every
    // candidate left at every node, and comparing group names there dominated.
    std::map<std::string, int> groups;
    group_.assign(n, -1);
    for (std::size_t c = 0; c < n; ++c)
      if (!p.candidates[c].group.empty()) group_[c] = groups.emplace(p.candidates[c].group, static_cast<int>(groups.size())).first->second;
    group_taken_.assign(groups.size(), false);
    conflicts_.resize(n);
    for (const auto& [a, b] : p.conflicts)
      if (a != b) {
        conflicts_[static_cast<std::size_t>(a)].push_back(b);
        conflicts_[static_cast<std::size_t>(b)].push_back(a);
      }
    // For the bound: what each candidate can add to each objective it touches.
    touches_.resize(n);
    for (std::size_t o = 0; o < p.objectives.size(); ++o) {
      const Objective& obj = p.objectives[o];
      std::map<int, Touch> t;
      for (std::size_t k = 0; k < obj.clauses.size(); ++k)
        for (int c : obj.clauses[k]) t[c].clauses.push_back(static_cast<int>(k));
      for (const auto& [c, v] : obj.partial) t[c].partial = std::max(t[c].partial, v);
      for (auto& [c, touch] : t) {
        touch.objective = static_cast<int>(o);
        touches_[static_cast<std::size_t>(c)].push_back(touch);
      }
    }
    // Branch on the candidates that remove most per yuan first, for a good
    // incumbent early; the result does not depend on this order (ties are
    // broken by the total order of Better, not by the search).
    std::vector<double> density(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
      double gain = 0;
      for (const Touch& t : touches_[c]) gain += p.objectives[static_cast<std::size_t>(t.objective)].weight;
      density[c] = gain / std::max(p.candidates[c].cost, 1.0);
    }
    order_.resize(n);
    std::iota(order_.begin(), order_.end(), 0);
    std::sort(order_.begin(), order_.end(), [&](int a, int b) {
      if (density[a] != density[b]) return density[a] > density[b];
      return p.candidates[a].id < p.candidates[b].id;
    });
    chosen_.assign(n, false);
  }

  Solution run() {
    best_.value = best_.structural_value = -1;
    best_.cost = 0;
    dfs(0, 0.0, 0);
    best_.nodes = nodes_;
    best_.complete = !stopped_;
    if (best_.value < 0) best_ = Solution{{}, 0, 0, 0, nodes_, !stopped_};  // stopped before any choice
    return best_;  // its choice already in order of id (record())
  }

 private:
  struct Touch {
    int objective = 0;
    std::vector<int> clauses;  ///< the objective's clauses the candidate appears in
    double partial = 0;        ///< its partial value for the objective
  };
  const Problem& p_;
  Better better_;
  std::vector<std::vector<Touch>> touches_;
  std::vector<int> order_;
  std::vector<bool> chosen_;
  std::vector<int> group_;                   ///< each candidate's group, -1 for none
  std::vector<bool> group_taken_;            ///< whether a group has a chosen candidate
  std::vector<std::vector<int>> conflicts_;  ///< the candidates each one does not go with

  /// Whether candidate c can join the choice (cost and count of the choice so far).
  [[nodiscard]] bool feasible(double cost, int count, int c) const {
    const std::size_t i = static_cast<std::size_t>(c);
    const Candidate& cand = p_.candidates[i];
    if (cand.excluded) return false;
    if (p_.budget && cost + cand.cost > *p_.budget + eps) return false;
    if (p_.max_items && count + 1 > *p_.max_items) return false;
    if (group_[i] >= 0 && group_taken_[static_cast<std::size_t>(group_[i])]) return false;
    return std::none_of(conflicts_[i].begin(), conflicts_[i].end(),
                        [&](int other) { return chosen_[static_cast<std::size_t>(other)]; });
  }
  void set_chosen(int c, bool on) {
    chosen_[static_cast<std::size_t>(c)] = on;
    if (group_[static_cast<std::size_t>(c)] >= 0) group_taken_[static_cast<std::size_t>(group_[static_cast<std::size_t>(c)])] = on;
  }
  Solution best_;
  std::size_t nodes_ = 0;
  bool stopped_ = false;

  /// An upper bound on the value reachable by adding candidates from order_[k…]:
  /// the current value plus a fractional knapsack over what each candidate
  /// could add. An objective whose clauses are not all met counts for a
  /// candidate in proportion to the unmet clauses it meets (resolving it takes
  /// one candidate per unmet clause); a partial remedy counts its partial value.
  double bound(std::size_t k, double cost, int count, const std::vector<double>& current, bool structural_only) const {
    double value = 0;
    for (double v : current) value += v;
    // Harm already done by the chosen candidates (what is still to come can only add harm).
    for (std::size_t i = 0; i < chosen_.size(); ++i)
      if (chosen_[i] && (!structural_only || p_.candidates[i].structural)) value -= p_.candidates[i].harm;
    struct Gain {
      double gain, cost;
    };
    std::vector<Gain> gains;
    std::vector<bool> mask = chosen_;
    if (structural_only)
      for (std::size_t i = 0; i < mask.size(); ++i) mask[i] = mask[i] && p_.candidates[i].structural;
    for (std::size_t i = k; i < order_.size(); ++i) {
      const int c = order_[i];
      const Candidate& cand = p_.candidates[static_cast<std::size_t>(c)];
      if (structural_only && !cand.structural) continue;
      if (!feasible(cost, count, c)) continue;
      double g = 0;
      for (const Touch& t : touches_[static_cast<std::size_t>(c)]) {
        const Objective& o = p_.objectives[static_cast<std::size_t>(t.objective)];
        const double gap = o.weight - current[static_cast<std::size_t>(t.objective)];
        if (gap <= eps) continue;
        double share = 0;
        if (!t.clauses.empty()) {
          int unmet = 0, mine = 0;
          for (std::size_t q = 0; q < o.clauses.size(); ++q) {
            const auto& clause = o.clauses[q];
            if (std::none_of(clause.begin(), clause.end(), [&](int x) { return mask[static_cast<std::size_t>(x)]; })) {
              ++unmet;
              if (std::find(t.clauses.begin(), t.clauses.end(), static_cast<int>(q)) != t.clauses.end()) ++mine;
            }
          }
          if (unmet > 0) share = gap * mine / unmet;
        }
        g += std::max(share, std::min(gap, t.partial - current[static_cast<std::size_t>(t.objective)]));
      }
      g -= cand.harm;
      if (g > eps) gains.push_back({g, cand.cost});
    }
    // Fractional knapsack on the remaining budget; also at most max_items more.
    double by_budget = 0;
    if (p_.budget) {
      std::sort(gains.begin(), gains.end(), [](const Gain& a, const Gain& b) {
        return a.gain * std::max(b.cost, eps) > b.gain * std::max(a.cost, eps);
      });
      double room = *p_.budget - cost;
      for (const Gain& g : gains) {
        if (g.cost <= room + eps) {
          by_budget += g.gain;
          room -= g.cost;
        } else {
          by_budget += g.gain * std::max(0.0, room) / g.cost;
          break;
        }
      }
    } else {
      for (const Gain& g : gains) by_budget += g.gain;
    }
    double by_count = by_budget;
    if (p_.max_items) {
      std::vector<double> v;
      for (const Gain& g : gains) v.push_back(g.gain);
      std::sort(v.rbegin(), v.rend());
      by_count = 0;
      for (std::size_t i = 0; i < v.size() && static_cast<int>(i) < *p_.max_items - count; ++i) by_count += v[i];
    }
    return value + std::min(by_budget, by_count);
  }

  std::vector<double> values(bool structural_only) const {
    std::vector<bool> mask = chosen_;
    if (structural_only)
      for (std::size_t i = 0; i < mask.size(); ++i) mask[i] = mask[i] && p_.candidates[i].structural;
    std::vector<double> out;
    out.reserve(p_.objectives.size());
    for (const Objective& o : p_.objectives) out.push_back(objective_value(o, mask));
    return out;
  }

  void record(double cost) {
    Solution s;
    for (std::size_t i = 0; i < chosen_.size(); ++i)
      if (chosen_[i]) s.chosen.push_back(static_cast<int>(i));
    std::sort(s.chosen.begin(), s.chosen.end(), [&](int a, int b) { return p_.candidates[a].id < p_.candidates[b].id; });
    std::tie(s.value, s.structural_value) = evaluate(p_, chosen_);
    s.cost = cost;
    if (best_.value < 0 || better_(s, best_, p_.candidates)) best_ = s;
  }

  void dfs(std::size_t k, double cost, int count) {
    if (stopped_) return;
    if (nodes_ == p_.max_nodes) {
      stopped_ = true;
      return;
    }
    ++nodes_;
    if (best_.value >= 0) {
      // Prune what cannot beat the best (lexicographic: structural, value, cost).
      const std::vector<double> all = values(false);
      const double ub = bound(k, cost, count, all, false);
      if (p_.structural_first) {
        const double ub_struct = bound(k, cost, count, values(true), true);
        if (ub_struct < best_.structural_value - eps) return;
        if (ub_struct <= best_.structural_value + eps && ub < best_.value - eps) return;
        if (ub_struct <= best_.structural_value + eps && ub <= best_.value + eps && cost > best_.cost + eps) return;
      } else {
        if (ub < best_.value - eps) return;
        if (ub <= best_.value + eps && cost > best_.cost + eps) return;
      }
    }
    if (k == order_.size()) {
      record(cost);
      return;
    }
    const int c = order_[k];
    if (feasible(cost, count, c)) {
      set_chosen(c, true);
      dfs(k + 1, cost + p_.candidates[static_cast<std::size_t>(c)].cost, count + 1);
      set_chosen(c, false);
    }
    dfs(k + 1, cost, count);
  }
};

}  // namespace

bool resolved(const Objective& o, const std::vector<bool>& chosen) {
  if (o.clauses.empty()) return false;
  for (const auto& clause : o.clauses)
    if (std::none_of(clause.begin(), clause.end(), [&](int c) { return chosen[static_cast<std::size_t>(c)]; }))
      return false;
  return true;
}

bool goes_with(const Problem& p, int c, const std::vector<bool>& chosen) {
  if (p.candidates[static_cast<std::size_t>(c)].excluded) return false;
  return std::none_of(p.conflicts.begin(), p.conflicts.end(), [&](const std::pair<int, int>& x) {
    return x.first != x.second && ((x.first == c && chosen[static_cast<std::size_t>(x.second)]) ||
                                   (x.second == c && chosen[static_cast<std::size_t>(x.first)]));
  });
}

std::pair<double, double> evaluate(const Problem& p, const std::vector<bool>& chosen) {
  double value = 0, structural = 0;
  std::vector<bool> only_structural = chosen;
  for (std::size_t i = 0; i < chosen.size(); ++i) only_structural[i] = chosen[i] && p.candidates[i].structural;
  for (const Objective& o : p.objectives) {
    value += objective_value(o, chosen);
    structural += objective_value(o, only_structural);
  }
  for (std::size_t i = 0; i < chosen.size(); ++i)
    if (chosen[i]) {
      value -= p.candidates[i].harm;
      if (p.candidates[i].structural) structural -= p.candidates[i].harm;
    }
  return {value, structural};
}

Solution solve(const Problem& p) { return Search(p).run(); }

Solution brute_force(const Problem& p) {
  const std::size_t n = p.candidates.size();
  if (n > 24) throw std::invalid_argument("brute_force: too many candidates");
  Better better{p.structural_first};
  Solution best;
  best.value = -1;
  std::vector<bool> chosen(n);
  for (unsigned long mask = 0; mask < (1ul << n); ++mask) {
    double cost = 0;
    int count = 0;
    bool ok = true;
    std::vector<std::string> groups;
    for (std::size_t i = 0; i < n && ok; ++i) {
      chosen[i] = (mask >> i) & 1;
      if (!chosen[i]) continue;
      if (p.candidates[i].excluded) ok = false;
      cost += p.candidates[i].cost;
      ++count;
      const std::string& g = p.candidates[i].group;
      if (!g.empty()) {
        if (std::find(groups.begin(), groups.end(), g) != groups.end()) ok = false;
        groups.push_back(g);
      }
    }
    for (const auto& [a, b] : p.conflicts)
      if (a != b && chosen[static_cast<std::size_t>(a)] && chosen[static_cast<std::size_t>(b)]) ok = false;
    if (!ok || (p.budget && cost > *p.budget + eps) || (p.max_items && count > *p.max_items)) continue;
    Solution s;
    for (std::size_t i = 0; i < n; ++i)
      if (chosen[i]) s.chosen.push_back(static_cast<int>(i));
    std::sort(s.chosen.begin(), s.chosen.end(), [&](int a, int b) { return p.candidates[a].id < p.candidates[b].id; });
    std::tie(s.value, s.structural_value) = evaluate(p, chosen);
    s.cost = cost;
    if (best.value < 0 || better(s, best, p.candidates)) best = s;
  }
  return best;
}

}  // namespace barrierfree::planning
