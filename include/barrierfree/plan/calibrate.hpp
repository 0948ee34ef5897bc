// Calibrating unit costs to what past projects paid.
//
// Given past bills — per household, the quantity of each item installed and
// the total actually paid — fit one unit cost per item by non-negative least
// squares (Lawson–Hanson, with Eigen), and write a catalogue override with the
// fitted prices and the fit's residuals (docs/planning.md).
#pragma once

#include <barrierfree/plan/catalog.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace barrierfree {

/// One household of a past programme: what was installed and what was paid.
struct Bill {
  std::string household;
  double paid = 0;
  std::map<std::string, double> quantities;  ///< remedy -> quantity in the catalogue's unit
  int line = 0;                              ///< line in the CSV it came from
};

/// Read bills from CSV: a header `household,total,<remedy>,<remedy>,…` and one
/// row per household. Throws InputError ("bills.1xx", with the line).
std::vector<Bill> read_bills_csv(std::string_view text);

struct Calibration {
  std::map<std::string, double> unit_cost;  ///< fitted, per unit, reference level
  struct Fit {
    std::string household;
    double paid = 0, fitted = 0;
  };
  std::vector<Fit> households;
  double rmse = 0;       ///< root mean square residual (currency)
  double r_squared = 0;  ///< share of the variance of totals explained
  std::string region;    ///< prices were divided by this region's factors
};

/// Fit unit costs; with `region`, the bills' prices are brought back to the
/// reference level by the region's material and labour factors (split as in
/// `reference`). Throws std::invalid_argument when there is nothing to fit.
Calibration calibrate(const std::vector<Bill>& bills, const Catalog& reference, const RegionFactor* region = nullptr);

/// The calibration as a catalogue override (`barrierfree.catalog/1`): the
/// fitted items with the reference's split of material and labour, and a
/// `calibration` block with the residuals.
nlohmann::ordered_json to_catalog_json(const Calibration& c, const Catalog& reference);

}  // namespace barrierfree
