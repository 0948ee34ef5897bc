// Rulesets: the requirements of a standard, as data.
//
// A ruleset (data/rules/*.json, format `barrierfree.ruleset/1`) lists rules;
// each rule names its check kind, the clause it comes from, its parameters
// with units, which occupants it matters to and how much (severity 1–4 per
// need), message templates in Chinese and English, and the remedies that can
// resolve it. No requirement value lives in code. See docs/rules.md.
#pragma once

#include <barrierfree/errors.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace barrierfree {

/// How sure the value is (after ../shared/standards/requirements.md).
enum class Confidence {
  confirmed,           ///< read verbatim in the standard or a full-text copy (grades A, B)
  needs_verification,  ///< read in a partial or secondary source (grade C)
  unconfirmed,         ///< not found in any source reached (grade U): used, but flagged
  interpretation,      ///< the standard gives no number; barrierfree's documented reading
  programme,           ///< programme practice (CDPF catalogue), not a code requirement
};

/// A parameter of a rule: a number in a unit ("mm", "in", "m2", "ratio",
/// "count", "storey"), or a list of names. Lengths given in inches are
/// converted to millimetres on load; `unit` keeps what the ruleset wrote, for display.
struct Param {
  double value = 0.0;  ///< in base units: mm for lengths, m² for areas
  std::string unit;    ///< as written in the ruleset
  std::vector<std::string> names;  ///< for list parameters (device types, room types, handles)
  nlohmann::ordered_json raw;      ///< the JSON as written (tables and other structures)
  /// The clause the value comes from where it is not the rule's own (a finding that fails
  /// this value cites it), or "".
  std::string clause;
  /// How sure this value is where it has a grade of its own ("grade": "U" on the value): a
  /// finding that fails it is no surer than that. Empty: as sure as its rule.
  std::optional<Confidence> confidence;
};

/// The confidence a source grade gives: A and B confirmed, C needs verification, U unconfirmed.
Confidence confidence_of_grade(std::string_view grade);
/// The less sure of two (confirmed < needs_verification < unconfirmed); a reading of ours
/// (interpretation, programme) stays what it is.
Confidence least_sure(Confidence rule, Confidence value);

struct Text {
  std::string en;
  std::string zh;
};

struct Rule {
  std::string id;          ///< stable, e.g. "gb50763.door.clear_width"
  std::string check;       ///< a check kind of check-kinds.md, e.g. "door.clear_width"
  std::string standard;    ///< the ruleset the rule comes from, e.g. "GB50763-2012"
  std::string clause;      ///< e.g. "3.5.3-3"
  Confidence confidence = Confidence::confirmed;
  std::string grade;       ///< source grade A/B/C/U as in requirements.md, or ""
  std::map<std::string, Param> params;
  /// Need (docs/occupants.md) -> severity 1..4. Occupants with none of these needs are not concerned.
  std::map<std::string, int> applies;
  /// When the element has the named feature (e.g. a step with a handrail), these severities apply instead.
  std::map<std::string, std::map<std::string, int>> mitigations;
  std::vector<std::string> remedies;
  Text message;            ///< templates for a failure
  Text title;              ///< what is checked, short
  std::string note;        ///< where the value comes from, and how it is read

  /// "GB50763-2012 3.5.3-3": what a finding cites.
  [[nodiscard]] std::string citation() const { return standard + " " + clause; }
  [[nodiscard]] const Param* param(std::string_view name) const;
  /// A length parameter in millimetres, or `fallback`.
  [[nodiscard]] double mm(std::string_view name, double fallback = 0.0) const;
  [[nodiscard]] bool has(std::string_view name) const { return param(name) != nullptr; }
};

struct Ruleset {
  std::string id;     ///< e.g. "GB50763-2012"
  Text title;
  std::string edition;
  std::vector<Rule> rules;  ///< own rules followed by included ones

  [[nodiscard]] const Rule* find(std::string_view rule_id) const;
  /// The first rule of a check kind, if the ruleset covers it.
  [[nodiscard]] const Rule* first(std::string_view check) const;
};

/// Read a ruleset (`barrierfree.ruleset/1`); throws InputError with
/// "ruleset.*" ids and JSON pointers. Rules included from other rulesets are
/// resolved against the built-in rulesets and `others`.
Ruleset parse_ruleset(std::string_view json_text, const std::vector<Ruleset>& others = {});
Ruleset load_ruleset(const std::filesystem::path& path, const std::vector<Ruleset>& others = {});

/// The rulesets built into the library: GB50763-2012, GB55019-2021, ADA-2010, CDPF-HOME.
std::vector<std::string> builtin_ruleset_ids();
/// A built-in ruleset by id; throws std::out_of_range for an unknown id.
const Ruleset& builtin_ruleset(std::string_view id);

/// The default ruleset id for a region: GB50763-2012 for CN-*, ADA-2010 for US-*, else GB50763-2012.
std::string default_standard(std::string_view region);

std::string_view to_string(Confidence c);

}  // namespace barrierfree
