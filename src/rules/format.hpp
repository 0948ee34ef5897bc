// Bilingual formatting of values for finding messages.
#pragma once

#include <barrierfree/rules/ruleset.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace barrierfree::rules {

/// The values of a message's placeholders by name: a handful per finding, so kept in a
/// vector and looked up in order (a map's nodes cost more than the search).
class Vars {
 public:
  /// The value of `name`, added empty if there is none.
  Text& operator[](std::string_view name) {
    const std::size_t i = position(name);
    return i < items_.size() ? items_[i].second : add(name, {});
  }
  /// Adds `name` unless it has a value already.
  void emplace(std::string_view name, Text value) {
    if (position(name) == items_.size()) add(name, std::move(value));
  }
  [[nodiscard]] bool count(std::string_view name) const { return position(name) < items_.size(); }
  [[nodiscard]] const Text* find(std::string_view name) const {
    const std::size_t i = position(name);
    return i < items_.size() ? &items_[i].second : nullptr;
  }

 private:
  /// Where `name` is, or size() when it is not there.
  [[nodiscard]] std::size_t position(std::string_view name) const {
    std::size_t i = 0;
    while (i < items_.size() && items_[i].first != name) ++i;
    return i;
  }
  Text& add(std::string_view name, Text value) {
    if (items_.empty()) items_.reserve(8);
    return items_.emplace_back(std::string(name), std::move(value)).second;
  }
  std::vector<std::pair<std::string, Text>> items_;
};

inline Text same(const std::string& s) { return {s, s}; }

/// "800 mm"; in a rule shown in inches "31.5 in (800 mm)".
Text length_text(double mm, const std::string& display_unit);
/// "7.00 m²"
Text area_text(double m2);
/// "1:12" (to one decimal where needed: "1:9.5")
Text slope_text(double ratio);
/// "at least 800 mm" / "不小于800 mm"
Text at_least(const Text& value);
/// "at most 15 mm" / "不大于15 mm"
Text at_most(const Text& value);
/// "850–1000 mm"
Text range_text(double lo_mm, double hi_mm, const std::string& display_unit);

/// Calls f(name) for each of the template's {placeholders}, in order.
template <class F>
void for_each_placeholder(std::string_view templ, F&& f) {
  for (std::size_t at = templ.find('{'); at != std::string_view::npos; at = templ.find('{', at + 1))
    if (const std::size_t end = templ.find('}', at); end != std::string_view::npos) f(templ.substr(at + 1, end - at - 1));
}

/// Fill {placeholders} of a template from vars (unknown ones are left as they are).
std::string fill(const std::string& templ, const Vars& vars, bool zh);

/// A number with at most `decimals` decimals, trailing zeros dropped.
std::string number_text(double v, int decimals = 1);

/// Round a length to the millimetre (areas, sizes given as integers).
double round_mm(double mm);
/// Round a computed length for reporting, to 0.1 mm.
double report_mm(double mm);
/// `measured` meets a minimum as the finding reports it (to 0.1 mm, report_mm): a wall
/// drawn 0.0004 mm short of 1200 mm is reported as 1200 mm, and 1200 mm meets 1200 mm.
inline bool reaches(double measured, double minimum) { return report_mm(measured) >= report_mm(minimum) - 1e-9; }

}  // namespace barrierfree::rules
