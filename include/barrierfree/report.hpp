// What a social worker prints and shows the family: a drawing of the home
// with its barriers (and the proposed modifications), and a one-page report.
//
// Both are deterministic (the same case gives the same bytes) and
// self-contained: no network, no external fonts or scripts.
#pragma once

#include <barrierfree/model/case.hpp>
#include <barrierfree/plan/plan.hpp>
#include <barrierfree/rules/check.hpp>
#include <barrierfree/rules/ruleset.hpp>

#include <string>

namespace barrierfree {

struct DrawingOptions {
  std::string lang = "zh";  ///< "zh" or "en": labels, names and the list of barriers
  /// An A4 landscape page (297 × 210 mm) with XML declaration; false: an <svg>
  /// element sized to its container, for embedding in HTML.
  bool standalone = true;
  /// The list of barriers (and of modifications) beside the plan; without it
  /// the plan takes the width and only the legend is beside it.
  bool lists = true;
};

/// The plan of the home at a standard scale on A4 landscape: rooms with names
/// and areas, doors with their swing, fixtures, grab bars, steps and ramps, the
/// largest turning circle of each room the turning-space rule looks at (green
/// where it fits, red where not), the findings of `check` numbered at their
/// location, a list of them, a legend and a scale bar. With `plan`, the
/// modifications are drawn in blue on the modified home and listed with costs.
std::string draw_home(const Case& c, const Ruleset& rules, const CheckResult& check, const PlanResult* plan = nullptr,
                      const DrawingOptions& options = {});

struct ReportOptions {
  std::string lang = "zh";  ///< "zh" or "en"
};

/// One self-contained HTML page for the household: who lives there and what
/// they need, the drawing, each barrier with its clause in plain words, the plan
/// with its bill of quantities against the budget, what is left and why, and
/// lines for signatures. Prints on A4.
std::string household_report(const Case& c, const Ruleset& rules, const PlanResult& plan,
                             const ReportOptions& options = {});

}  // namespace barrierfree
