// The plan optimiser is exact: on random problems with up to 20 candidate
// remedies, overlapping and mutually exclusive, partial remedies, routes that
// need several remedies at once, budgets, item limits and the
// structural-first policy, it chooses exactly what enumerating every subset
// chooses (ties included), also with pairs of items that do not go together.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "plan/optimizer.hpp"

using namespace barrierfree::planning;

namespace {

Problem random_problem(std::mt19937& rng, int max_candidates) {
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Problem p;
  const int n = uniform(1, max_candidates);
  const int groups = uniform(1, std::max(1, n / 2));
  double total = 0;
  for (int i = 0; i < n; ++i) {
    Candidate c;
    c.id = "c" + std::to_string(100 + uniform(0, 899)) + "-" + std::to_string(i);
    // Round costs to 50 so that ties in cost happen.
    c.cost = 50.0 * uniform(1, 60);
    if (uniform(0, 2) == 0) c.group = "g" + std::to_string(uniform(1, groups));  // alternatives for one element
    c.structural = uniform(0, 3) != 0;
    if (uniform(0, 5) == 0) c.harm = uniform(1, 6);  // it creates a barrier elsewhere
    c.excluded = uniform(0, 15) == 0;                  // it does not work with the others
    total += c.cost;
    p.candidates.push_back(c);
  }
  const int m = uniform(1, 25);
  for (int o = 0; o < m; ++o) {
    Objective obj;
    obj.weight = uniform(1, 12);
    const int kind = uniform(0, 9);
    if (kind < 6) {  // one clause: any of its remedies (overlapping between objectives)
      std::vector<int> clause;
      for (int k = uniform(1, 3); k > 0; --k) clause.push_back(uniform(0, n - 1));
      obj.clauses.push_back(clause);
    } else if (kind < 9) {  // a route: every barrier needs a remedy
      for (int k = uniform(2, 3); k > 0; --k) obj.clauses.push_back({uniform(0, n - 1), uniform(0, n - 1)});
    }  // else: no remedy at all
    if (uniform(0, 3) == 0) obj.partial.push_back({uniform(0, n - 1), std::floor(obj.weight / 2)});
    p.objectives.push_back(obj);
  }
  switch (uniform(0, 4)) {
    case 0: break;                                   // no budget
    case 1: p.budget = 0; break;                     // nothing affordable
    default: p.budget = std::round(total * uniform(10, 70) / 100.0);
  }
  if (uniform(0, 3) == 0) p.max_items = uniform(1, 4);
  if (uniform(0, 2) == 0)  // items learned not to go together
    for (int k = uniform(1, 3); k > 0; --k) p.conflicts.emplace_back(uniform(0, n - 1), uniform(0, n - 1));
  p.structural_first = uniform(0, 2) == 0;
  return p;
}

}  // namespace

TEST_CASE("the optimiser equals brute-force enumeration on 600 random problems") {
  std::mt19937 rng(20261129);
  std::size_t compared = 0;
  for (int i = 0; i < 600; ++i) {
    const Problem p = random_problem(rng, i < 450 ? 14 : 20);
    CAPTURE(i, p.candidates.size(), p.objectives.size());
    const Solution fast = solve(p);
    const Solution slow = brute_force(p);
    CHECK(fast.chosen == slow.chosen);
    CHECK(fast.value == Approx(slow.value));
    CHECK(fast.structural_value == Approx(slow.structural_value));
    CHECK(fast.cost == Approx(slow.cost));
    if (p.budget) CHECK(fast.cost <= *p.budget + 1e-9);
    ++compared;
  }
  CHECK(compared == 600);
}

TEST_CASE("optimiser edge cases") {
  Problem p;
  p.candidates = {{"a", 1000, "door", true, 0}, {"b", 600, "door", true, 0}, {"c", 300, "", false, 0}};
  // Objective 0: either door remedy; objective 1: only the device.
  p.objectives = {{4, {{0, 1}}, {}}, {2, {{2}}, {}}};
  SECTION("no budget: everything useful, the cheaper alternative") {
    const Solution s = solve(p);
    CHECK(s.chosen == std::vector<int>{1, 2});
    CHECK(s.value == 6);
    CHECK(s.cost == 900);
  }
  SECTION("a budget of 0 chooses nothing") {
    p.budget = 0;
    const Solution s = solve(p);
    CHECK(s.chosen.empty());
    CHECK(s.value == 0);
  }
  SECTION("alternatives for one element exclude each other") {
    p.objectives.push_back({5, {{0}}, {}});  // only the expensive one does this
    const Solution s = solve(p);
    CHECK(s.chosen == std::vector<int>{0, 2});
  }
  SECTION("structural work first") {
    p.budget = 600;
    p.candidates[2].cost = 100;
    p.objectives[1].weight = 5;  // the device removes more than the door…
    p.objectives[0].weight = 4;
    p.candidates[1].cost = 550;
    // …but together they do not fit, and the policy prefers the door.
    CHECK(solve(p).chosen == std::vector<int>{2});
    p.structural_first = true;
    CHECK(solve(p).chosen == std::vector<int>{1});
  }
  SECTION("ties go to the lower cost, then to the smaller ids") {
    Problem t;
    t.candidates = {{"z", 500, "", true, 0}, {"y", 400, "", true, 0}, {"x", 400, "", true, 0}};
    t.objectives = {{3, {{0, 1, 2}}, {}}};
    CHECK(solve(t).chosen == std::vector<int>{2});  // x and y cost the same: x
  }
  SECTION("a remedy that does more harm than good is left out") {
    p.candidates[2].harm = 3;  // removes 2, creates 3
    CHECK(solve(p).chosen == std::vector<int>{1});
  }
  SECTION("items that do not go together: the better one alone") {
    p.conflicts = {{1, 2}, {2, 0}};  // neither door remedy goes with the device
    p.objectives[0].weight = 1;  // the door now removes less than the device
    CHECK(solve(p).chosen == std::vector<int>{2});
    CHECK(brute_force(p).chosen == std::vector<int>{2});
    p.objectives[0].weight = 3;  // and now more
    CHECK(solve(p).chosen == std::vector<int>{1});
    p.candidates[1].excluded = true;  // the cheaper door remedy is out: the dearer one
    CHECK(solve(p).chosen == std::vector<int>{0});
  }
  SECTION("an item limit") {
    p.max_items = 1;
    CHECK(solve(p).chosen == std::vector<int>{1});
  }
}

TEST_CASE("a search too large for its limit stops with the best choice found, and says so") {
  // A home of 150 doors, each threshold to be removed or ramped: the bound cannot tell the
  // many near-equal choices apart, and the search once ran for minutes before giving up.
  Problem p;
  for (int door = 0; door < 150; ++door) {
    const std::string id = std::to_string(1000 + door);
    Candidate remove{"threshold.remove@d" + id, 37.3, "d" + id};
    Candidate ramp{"threshold.ramp@d" + id, 51.1, "d" + id};
    p.candidates.push_back(remove);
    p.candidates.push_back(ramp);
    Objective o;
    o.weight = 4;
    o.clauses = {{2 * door, 2 * door + 1}};
    p.objectives.push_back(o);
  }
  p.budget = 2000.5;
  p.max_nodes = 200'000;
  const Solution s = solve(p);
  CHECK_FALSE(s.complete);
  CHECK(s.nodes == p.max_nodes);
  // What it found holds: within the budget, one item per door, and as good as a greedy fill.
  double cost = 0;
  for (int c : s.chosen) cost += p.candidates[static_cast<std::size_t>(c)].cost;
  CHECK(cost <= *p.budget);
  CHECK(s.cost == Approx(cost));
  CHECK(s.value == 4.0 * std::floor(*p.budget / 37.3));
  // The same problem, the same answer (a count of nodes, not a time, is the limit).
  const Solution again = solve(p);
  CHECK(again.chosen == s.chosen);
  SECTION("a problem within the limit is solved exactly, and says so") {
    p.candidates.resize(20);
    p.objectives.resize(10);
    p.max_nodes = 1'000'000;
    const Solution small = solve(p);
    CHECK(small.complete);
    CHECK(small.chosen == brute_force(p).chosen);
  }
}
