// Internal: what every check function sees, and how it reports.
#pragma once

#include <barrierfree/model/plan_geometry.hpp>
#include <barrierfree/rules/check.hpp>
#include <barrierfree/rules/occupants.hpp>

#include "io/json_text.hpp"
#include "rules/format.hpp"
#include "rules/plan_model.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace barrierfree::rules {

using json = nlohmann::ordered_json;

/// What a re-check needs of its findings: all of them, or no message text (the planner's
/// trials compare findings by rule, element, status and weight, thousands of times a plan).
enum class Messages { written, left_out };

/// Who a rule concerns in this household, and how much.
struct Concern {
  std::vector<std::string> occupants;
  std::map<std::string, int> severity;  ///< by occupant
  int max = 0;
  [[nodiscard]] bool empty() const { return occupants.empty(); }
};

/// What a check reports about one element.
struct Report {
  std::string element;
  Status status = Status::fail;
  json measured;
  json required;
  std::string unit;
  Vars vars;                 ///< values for the message template
  std::string room;
  std::optional<Point2> at;
  std::vector<std::string> missing;  ///< JSON pointers (insufficient_data)
  json detail = json::object();
  std::set<std::string> features;   ///< mitigations present on the element
  std::string clause;  ///< cited instead of the rule's clause (a value of the rule from another clause)
  /// How sure the value failed is, where it is less sure than its rule (a row of a table with a
  /// grade of its own). Values of the rule's params that `required` names are found by report().
  std::optional<Confidence> confidence;
};

class Context {
 public:
  Context(const Case& c, const Ruleset& rs, std::string focus_room = {});

  const Case& c;
  const Ruleset& rs;
  PlanModel plan;
  std::vector<Profile> profiles;

  /// Occupants a rule concerns (with the severities for the element's features). Without
  /// features it is worked out once per rule (checks run one rule at a time); the reference
  /// holds until the next call.
  [[nodiscard]] const Concern& concern(const Rule& rule, const std::set<std::string>& features = {});
  /// Record a finding (nothing when, with its features, nobody is concerned).
  void report(const Rule& rule, Report r);
  void not_assessed(const Rule& rule, std::string element, std::string reason);

  /// The display name of an element for messages: a room's name in Chinese, else its id.
  [[nodiscard]] Text name_of(const std::string& element) const;
  /// The unit lengths of this rule are shown in ("in" for ADA rules, else "mm").
  [[nodiscard]] static const std::string& display_unit(const Rule& rule);

  /// With a focus room, room-wise geometric checks look only at that room
  /// (its turning space, passages, beds and doors): for trials of remedies.
  [[nodiscard]] bool in_focus(const std::string& room) const { return focus.empty() || room == focus; }

  std::vector<Finding> findings;
  std::vector<NotAssessed> skipped;
  std::string focus;
  Messages messages = Messages::written;

 private:
  [[nodiscard]] Concern work_out_concern(const Rule& rule, const std::set<std::string>& features) const;
  const Rule* concern_rule_ = nullptr;  // the rule concern_ is for, without features
  Concern concern_;
  Concern featured_concern_;  // the last one with features
};

/// Run only the rules of the given check kinds (all when empty), optionally
/// only for one room (see Context::in_focus). Findings are numbered as usual.
CheckResult check_only(const Case& c, const Ruleset& rs, const std::set<std::string>& kinds,
                       const std::string& focus_room = {}, Messages messages = Messages::written);

using CheckFunction = std::function<void(Context&, const Rule&)>;

/// The check function of each kind (rules/checks_*.cpp register theirs).
const std::map<std::string, CheckFunction>& check_functions();

// Registration, one per file of checks.
void register_building_checks(std::map<std::string, CheckFunction>& m);
void register_door_checks(std::map<std::string, CheckFunction>& m);
void register_route_checks(std::map<std::string, CheckFunction>& m);
void register_ramp_checks(std::map<std::string, CheckFunction>& m);
void register_room_checks(std::map<std::string, CheckFunction>& m);
void register_sanitary_checks(std::map<std::string, CheckFunction>& m);
void register_device_checks(std::map<std::string, CheckFunction>& m);

/// The steepest slope a ramp.slope rule allows for a rise (mm); none when no run may rise that much.
std::optional<double> allowed_slope(const Rule& rule, double rise);
bool ramp_slope_ok(const Rule& rule, const Ramp& ramp);

/// Turning circles are searched to this precision (mm of radius), so a circle counts
/// as fitting when its diameter is within twice that of the one required.
inline constexpr double circle_precision_mm = 0.25;
inline bool circle_fits(double diameter, double required) { return diameter >= required - 2 * circle_precision_mm; }

/// True when a rule's list parameter (e.g. `rooms`, `fixture`) names `name`; false without the parameter.
inline bool listed(const Param* p, std::string_view name) {
  return p && std::find(p->names.begin(), p->names.end(), name) != p->names.end();
}

/// The rooms a rule's `rooms` asks a call button in that have none; the bedrooms only those the
/// `concerned` occupants sleep in where the case gives each one's `bedroom`; by id (safety.call and
/// its remedy).
std::vector<const Room*> rooms_without_call_button(const Case& c, const Param* rooms,
                                                   const std::vector<std::string>& concerned);

/// A check result's members before its score (id, standard, findings, not_assessed,
/// checked), into an open object: the check and the plan writers share them.
void write_check_members(io::JsonText& w, const CheckResult& r);

/// JSON pointer of an element's field, e.g. pointer(c, "d3", "threshold") = "/doors/2/threshold".
std::string pointer(const Case& c, const std::string& element, const std::string& field);

}  // namespace barrierfree::rules
