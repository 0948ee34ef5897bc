// Plans: choose, prove and price a household's modifications (一户一策).
//
// plan() checks the home, turns each finding's remedies into candidate items
// (a remedy applied to an element), learns what each candidate resolves by
// applying it to the model and checking again, chooses the set that removes
// the most severity-weighted barriers within the budget — exactly — then
// applies the chosen set and checks the changed home again: what remains is
// the residual, and every item's claims are verified. Items are priced from
// the catalogue with regional factors into a bill of quantities.
#pragma once

#include <barrierfree/model/case.hpp>
#include <barrierfree/plan/catalog.hpp>
#include <barrierfree/rules/check.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace barrierfree {

struct PlanOptions {
  std::optional<double> budget;       ///< overrides the case's budget
  bool no_budget = false;             ///< ignore any budget
  /// Overrides the case's region for cost factors. A code the regions table lacks is priced at
  /// the reference level (factors 1, `Plan::region` empty), as a case's own unknown region is;
  /// the command line and Python refuse it, so check with Regions::find() when it comes from a user.
  std::optional<std::string> region;
  /// 设施改造优先: first remove what structural work can, then use devices for the rest.
  bool structural_first = false;
  std::optional<int> max_items;       ///< at most this many items per household
  /// Per-item subsidy caps by remedy: the budget pays at most the cap, the household the rest.
  std::map<std::string, double> subsidy_caps;
  std::optional<Fees> fees;           ///< overrides the catalogue's fees
};

struct PlanItem {
  std::string remedy;
  std::string element;
  Text name;
  WorkKind kind = WorkKind::structural;
  double quantity = 0;
  std::string unit;             ///< item, m, m2
  double unit_material = 0;     ///< per unit, after the regional factor
  double unit_labour = 0;
  double unit_cost = 0;         ///< unit_material + unit_labour
  double material = 0;          ///< quantity × unit_material
  double labour = 0;
  double cost = 0;              ///< material + labour (before fees)
  double all_in = 0;            ///< cost with fees
  double subsidy = 0;           ///< what the budget pays (capped)
  std::vector<std::string> resolves;  ///< finding ids it removes (alone or with other items)
  std::vector<std::string> reduces;   ///< finding ids it makes less severe
};

/// A remedy that would help but was left out, and why: "budget", "item_limit", "conflict"
/// (it does not go together with an item chosen), "not_worth_it".
struct Deferred {
  std::string remedy;
  std::string element;
  double cost = 0;  ///< all-in
  std::vector<std::string> would_resolve;
  std::string reason;
};

/// A finding left after the plan: the re-checked finding and why it remains.
struct Residual {
  Finding finding;       ///< as found when the changed home was checked again
  std::string original;  ///< the id of the finding before the plan, if it was there
  /// "budget" (a remedy exists but was not affordable), "item_limit", "conflict" (its remedies
  /// do not go together with the items chosen), "not_worth_it" (no budget, but it would do more
  /// harm than good), "no_remedy", "no_space" (its remedy does not fit the plan: a ramp longer
  /// than the floor in front of the step), "insufficient_data" (measure first), "partial" (made less
  /// severe), "new" (appeared with the plan).
  std::string reason;
};

struct Plan {
  std::vector<PlanItem> items;
  std::string currency;
  std::string region;            ///< the region whose factors were used ("" = reference prices)
  double region_material = 1.0;
  double region_labour = 1.0;
  double subtotal = 0;           ///< Σ item cost
  double management = 0;
  double contingency = 0;
  double tax = 0;
  double total = 0;              ///< all in
  double subsidy = 0;            ///< what the budget pays
  double copay = 0;              ///< beyond per-item subsidy caps
  std::optional<double> budget;
  std::vector<Deferred> deferred;
  std::vector<Residual> residual;
  /// Every finding an item claims to resolve is gone when the changed home is checked again.
  bool verified = true;
  /// The choice is proven the best; false where the search stopped at its limit (hundreds of
  /// candidates, as in a home of 150 doors) with the best choice it had found.
  bool optimal = true;
};

struct PlanResult {
  Case home;            ///< the household as planned (before any change)
  CheckResult before;   ///< the home as it is
  CheckResult after;    ///< the home with the plan applied
  Case modified;        ///< the changed home
  Plan plan;
  [[nodiscard]] int score_before() const { return before.score(); }
  [[nodiscard]] int score_after() const { return after.score(); }
};

/// Plan a household against a ruleset with a catalogue and regional factors.
PlanResult plan(const Case& c, const Ruleset& rules, const Catalog& catalog, const Regions& regions,
                const PlanOptions& options = {});
/// With the case's own ruleset and the built-in catalogue and regions.
PlanResult plan(const Case& c, const PlanOptions& options = {});

/// What whoever plans `c` should be told: the case's `region` (PlanOptions::region, chosen by the
/// caller, is not looked at) has no price factors in `regions`, so the plan is priced at the
/// reference level (case.906 at /region; the 31 built-in factors are mainland provinces, and
/// Hong Kong, Macao and Taiwan are valid regions without them).
std::vector<Error> plan_warnings(const Case& c, const Regions& regions, const PlanOptions& options = {});

/// Apply one remedy to one element ("door.widen" to "d-bath"): the changed
/// home, or nothing when the remedy does not apply to that element.
std::optional<Case> apply_remedy(const Case& c, const Ruleset& rules, const Catalog& catalog,
                                 const std::string& remedy, const std::string& element);

/// The result as the contract's JSON: findings, plan and score before and after.
nlohmann::ordered_json to_json(const PlanResult& r);
/// The same as compact text (`to_json(r).dump()`), written directly: what a batch writes.
std::string to_json_text(const PlanResult& r);

}  // namespace barrierfree
