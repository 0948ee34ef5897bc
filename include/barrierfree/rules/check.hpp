// Checking a home: the barriers that stand in the way of *these* occupants.
//
// check() runs every rule of a ruleset that matters to someone in the
// household and returns findings: data, never exceptions. A finding says which
// check failed on which element, by how much, under which clause, and for
// whom. When the case lacks what a check needs, the finding's status is
// insufficient_data: never a silent pass. Passing checks are not listed.
#pragma once

#include <barrierfree/geometry/types.hpp>
#include <barrierfree/model/case.hpp>
#include <barrierfree/rules/ruleset.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace barrierfree {

enum class Status { fail, insufficient_data };
std::string_view to_string(Status s);

struct Finding {
  std::string id;       ///< "F1", "F2", … in the result's order
  std::string check;    ///< check kind
  std::string element;  ///< element id, "building" or "home"
  Status status = Status::fail;
  std::string rule;     ///< citation, e.g. "GB50763-2012 3.5.3-3"
  std::string rule_id;  ///< stable rule id, e.g. "gb50763.door.clear_width"
  Confidence confidence = Confidence::confirmed;
  int severity = 0;     ///< 1 (minor) … 4 (impossible), the highest over `occupants`
  nlohmann::ordered_json measured;  ///< number (in `unit`), string, bool or null
  nlohmann::ordered_json required;  ///< e.g. {"min": 800}
  std::string unit;                 ///< "mm", "m2", "ratio", "count", "" …
  std::vector<std::string> occupants;            ///< whom it matters to
  std::map<std::string, int> severity_by_occupant;
  Text message;
  std::string room;                  ///< where: the room (may be empty)
  std::optional<Point2> at;          ///< where: a point in the plan
  std::vector<std::string> missing;  ///< insufficient_data: JSON pointers of what is missing
  std::vector<std::string> remedies; ///< remedies of the rule that may resolve it
  nlohmann::ordered_json detail;     ///< check-specific facts (see docs/rules.md)

  /// Sum of severities over the occupants concerned (the Housing Enabler score of this barrier).
  [[nodiscard]] int weight() const;
};

/// A check that ran but could not look at part of the home (the landing outside
/// the flat, say); listed so that nothing is passed over in silence.
struct NotAssessed {
  std::string check;
  std::string element;
  std::string rule_id;
  std::string reason;
};

struct CheckResult {
  std::string id;        ///< the case's id
  std::string standard;  ///< the ruleset used
  std::vector<Finding> findings;
  std::vector<NotAssessed> not_assessed;
  /// The check kinds that ran (someone in the household needs them), in the
  /// order of check-kinds.md: a kind listed here without a finding passed.
  std::vector<std::string> checked;

  /// Person–environment fit score: severities summed over findings × occupants concerned.
  [[nodiscard]] int score() const;
};

/// Check a case against a ruleset.
CheckResult check(const Case& c, const Ruleset& rules);
/// Check a case against its own standard (`standard`, else the region's default).
CheckResult check(const Case& c);
/// The ruleset a case asks for (built-in); throws InputError ("case.110") for an unknown id.
const Ruleset& ruleset_for(const Case& c);
/// A built-in ruleset by id; throws InputError ("case.110", at `pointer`) for an unknown id.
const Ruleset& builtin_ruleset_or_error(const std::string& id, const std::string& pointer);

/// The result as the contract's JSON (`findings`, `score`; see docs/format.md).
nlohmann::ordered_json to_json(const CheckResult& r);
/// The same as compact text (`to_json(r).dump()`), written directly: what a batch writes.
std::string to_json_text(const CheckResult& r);

}  // namespace barrierfree
