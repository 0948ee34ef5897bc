// The remedy catalogue and regional cost factors, as data.
//
// data/catalog/cn-reference.json (`barrierfree.catalog/1`) gives each remedy
// its unit, how its quantity is derived from the plan, material and labour
// unit costs, whether it is structural work or a device, and where the price
// comes from. data/catalog/regions.json (`barrierfree.regions/1`) gives
// material and labour factors per province. Both are reference values:
// users pass their own (docs/planning.md).
#pragma once

#include <barrierfree/errors.hpp>
#include <barrierfree/rules/ruleset.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace barrierfree {

/// 设施改造 (building works), 辅具/设备 (devices) or labour only.
enum class WorkKind { structural, device, labour };
std::string_view to_string(WorkKind k);

struct CatalogItem {
  std::string remedy;    ///< a remedy of check-kinds.md
  Text name;
  std::string unit;      ///< "item", "m" or "m2"
  std::string quantity;  ///< how the quantity is derived: element, household, ramp_length, …
  double material = 0;   ///< per unit, catalogue currency
  double labour = 0;     ///< per unit
  WorkKind kind = WorkKind::structural;
  std::string group;     ///< alternatives for one element share a group
  std::map<std::string, double> params;
  std::string source;
  std::string confidence;

  [[nodiscard]] double param(std::string_view name, double fallback) const;
};

/// Rates on the items' cost: management fee, contingency, then tax on both. Each item carries
/// its own to the cent and a plan's fees are their sum, so the budget the choice counted is the
/// total billed.
struct Fees {
  double management = 0;
  double contingency = 0;
  double tax = 0;
  /// All-in cost of 1 unit of items: (1 + management + contingency) × (1 + tax).
  [[nodiscard]] double multiplier() const { return (1 + management + contingency) * (1 + tax); }
};

struct Catalog {
  std::string id;
  std::string currency = "CNY";
  int price_year = 0;
  Text title;
  Fees fees;
  std::vector<CatalogItem> items;

  [[nodiscard]] const CatalogItem* find(std::string_view remedy) const;
};

struct RegionFactor {
  std::string code;   ///< ISO 3166-2, e.g. "CN-42"
  std::string alias;  ///< another spelling, e.g. "CN-HB"
  Text name;
  double material = 1.0;
  double labour = 1.0;
};

struct Regions {
  std::string id;
  std::vector<RegionFactor> regions;
  /// The factors of a region by code or alias; nullptr if unknown.
  [[nodiscard]] const RegionFactor* find(std::string_view code) const;
};

/// Read a catalogue (`barrierfree.catalog/1`); throws InputError with "catalog.*" ids.
/// A catalogue may list only some remedies: `base` supplies the rest (an override file).
Catalog parse_catalog(std::string_view json_text, const Catalog* base = nullptr);
Catalog load_catalog(const std::filesystem::path& path, const Catalog* base = nullptr);
/// The reference catalogue built into the library (CN-REFERENCE, CNY).
const Catalog& builtin_catalog();

/// Read regional factors (`barrierfree.regions/1`); throws InputError with "regions.*" ids.
Regions parse_regions(std::string_view json_text);
Regions load_regions(const std::filesystem::path& path);
/// The provincial factors built into the library (31 mainland provinces).
const Regions& builtin_regions();

}  // namespace barrierfree
