// A programme roll-up over many households: what the district's plans cost,
// by item, how many homes are fully resolved, and what is left and why.
//
// A roll-up is computed from results as JSON (the lines the batch runner
// writes), so that a batch resumed from a half-written file and one run in a
// single go give the same summary: there is one way to count a household.
#pragma once

#include <barrierfree/plan/plan.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>

namespace barrierfree {

class Rollup {
 public:
  /// Count one household's plan.
  void add(const PlanResult& r);
  /// Count one household's check (no plan).
  void add(const CheckResult& r);
  /// Count one output line: a plan or check result, or an error line
  /// (`{"id", "line", "error": {"code", …}}`) of a case that could not be read.
  void add(const nlohmann::ordered_json& result);
  /// Count a household that could not be read.
  void add_error(std::string_view code = "case.100");
  /// Add another roll-up's counts (in a fixed order, the sums are deterministic).
  void merge(const Rollup& other);

  /// Totals as JSON (the batch runner's summary; docs/planning.md).
  [[nodiscard]] nlohmann::ordered_json to_json() const;

  [[nodiscard]] std::size_t households() const { return households_; }
  [[nodiscard]] std::size_t errors() const { return errors_; }
  [[nodiscard]] double total() const { return total_; }

 private:
  struct Item {
    std::size_t households = 0;  ///< households with at least one line of the item
    std::size_t lines = 0;       ///< lines of bills (a household widening two doors has two)
    double quantity = 0;
    double cost = 0;
    std::string unit;
  };
  std::size_t households_ = 0, planned_ = 0, errors_ = 0, fully_resolved_ = 0, verified_ = 0;
  std::size_t not_optimal_ = 0;  ///< plans whose search stopped at its limit
  double total_ = 0, subsidy_ = 0, copay_ = 0, budget_ = 0;
  long score_before_ = 0, score_after_ = 0;
  std::size_t barriers_ = 0, removed_ = 0, unassessed_ = 0;
  std::map<std::string, Item> items_;
  std::map<std::string, std::size_t> findings_by_check_;
  std::map<std::string, std::size_t> left_by_reason_;
  std::map<std::string, std::size_t> left_by_check_;
  std::map<std::string, std::size_t> errors_by_code_;
  std::string currency_;
};

}  // namespace barrierfree
