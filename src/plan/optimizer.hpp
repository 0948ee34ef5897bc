// Internal: choosing remedies exactly.
//
// The problem: candidates (a remedy applied to an element) with a cost, an
// exclusivity group (door.widen and door.sliding for one door cannot both be
// done) and a structural/device flag; objectives (findings) with a weight
// (severity summed over the occupants concerned), resolved when every clause
// of a conjunction of disjunctions holds (a door finding: any of its
// remedies; a route: a remedy for every barrier on it), and partial values
// that a candidate gives when the objective is not fully resolved (a commode
// chair over a squat pan). Maximise the value removed within the budget and
// item limit; ties go to the lower cost, then to the smaller list of ids.
// Solved by branch and bound with a fractional-knapsack bound, which is exact; a search
// that would visit more than `max_nodes` nodes (a home of 150 doors: C(150, k) equally good
// choices) stops there with the best choice found so far, and says so.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace barrierfree::planning {

struct Candidate {
  std::string id;         ///< "door.widen@d-bath": orders ties
  double cost = 0;        ///< what counts against the budget
  std::string group;      ///< at most one candidate per non-empty group
  bool structural = true;
  /// Weight of the barriers it creates or worsens (a bathroom enlarged into a
  /// bedroom too small afterwards): subtracted from the value when chosen.
  double harm = 0;
  /// Learned not to work on top of the items chosen with it (none of them to blame alone).
  bool excluded = false;
};

struct Objective {
  double weight = 0;
  /// Resolved when each clause has a chosen candidate (indices into candidates).
  /// No clauses: cannot be resolved.
  std::vector<std::vector<int>> clauses;
  /// Value given by a chosen candidate when the objective is not resolved (the largest counts).
  std::vector<std::pair<int, double>> partial;
};

struct Problem {
  std::vector<Candidate> candidates;
  /// Pairs of candidates that do not go together (learned by applying a choice:
  /// one no longer applies, or no longer does what it was chosen for, on top of the other).
  std::vector<std::pair<int, int>> conflicts;
  std::vector<Objective> objectives;
  std::optional<double> budget;
  std::optional<int> max_items;
  /// 设施改造优先: first maximise what structural work removes, then the rest.
  bool structural_first = false;
  /// Where the search stops with the best choice found so far (about a second; the bundled
  /// households need at most a few thousand nodes). A count, not a time: the same case gives
  /// the same plan on any machine and in any batch.
  std::size_t max_nodes = 1'000'000;
};

struct Solution {
  std::vector<int> chosen;  ///< candidate indices, in order of id
  double value = 0;         ///< weight removed
  double structural_value = 0;
  double cost = 0;
  std::size_t nodes = 0;    ///< search nodes visited (for benchmarks)
  bool complete = true;     ///< false: stopped at max_nodes, the best choice found, not proven optimal
};

/// Whether a choice resolves an objective: each of its clauses has a chosen candidate.
bool resolved(const Objective& o, const std::vector<bool>& chosen);

/// Whether candidate c goes with a choice: it is not left out, and in no pair that does not go
/// together with a chosen candidate (groups, budget and item limit aside).
bool goes_with(const Problem& p, int c, const std::vector<bool>& chosen);

/// The value of a choice (the weight it removes), and the part removed by structural work.
std::pair<double, double> evaluate(const Problem& p, const std::vector<bool>& chosen);

/// The optimal choice (branch and bound).
Solution solve(const Problem& p);
/// The optimal choice by enumerating every subset (tests; at most ~22 candidates).
Solution brute_force(const Problem& p);

}  // namespace barrierfree::planning
