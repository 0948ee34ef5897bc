// Internal: applying a remedy to the model.
#pragma once

#include <barrierfree/model/case.hpp>
#include <barrierfree/plan/catalog.hpp>
#include <barrierfree/rules/ruleset.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>

namespace barrierfree::planning {

/// The changed home and what the change measures, by quantity rule
/// ("element", "ramp_length" in m, "bars", "floor_area" in m², …).
struct Applied {
  Case modified;
  std::map<std::string, double> measures;
};

/// Apply `remedy` to `element`; nothing when it does not apply there. Where it would but does
/// not fit the plan (a ramp longer than the floor in front of the step), `why_not` is set to
/// "no_space".
std::optional<Applied> apply(const Case& c, const Ruleset& rules, const Catalog& catalog, const std::string& remedy,
                             const std::string& element, std::string* why_not = nullptr);

/// The check kinds whose findings a remedy can change (to learn what a
/// candidate does without checking everything again; the plan's final
/// check of the changed home is always complete).
const std::set<std::string>& affected_kinds(const std::string& remedy);

/// The element a remedy acts on for a finding: a grab-bar finding's fixture,
/// a furniture move's room, "home" for household devices.
std::string remedy_target(const Case& c, const std::string& remedy, const std::string& finding_element,
                          const std::string& finding_room);

}  // namespace barrierfree::planning
