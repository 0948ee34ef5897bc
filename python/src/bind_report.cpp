// Drawings and household reports: SVG and HTML text for notebooks and files.
#include <barrierfree/report.hpp>

#include <pybind11/stl.h>

#include "bindings.hpp"

namespace py = pybind11;

namespace barrierfree::python {

namespace {

/// The ruleset a result was checked with, when it is a built-in one; else one
/// without rules (the drawing then has no turning circles, everything else).
const Ruleset& ruleset_named(const std::string& id) {
  static const Ruleset none;
  for (const std::string& known : builtin_ruleset_ids())
    if (known == id) return builtin_ruleset(id);
  return none;
}

}  // namespace

void bind_report(py::module_& m) {
  m.def(
      "_draw",
      [](const Case& c, const Ruleset* rules, const PlanResult* plan, const CheckResult* checked,
         const std::string& lang, bool standalone, bool lists) {
        DrawingOptions o;
        o.lang = lang;
        o.standalone = standalone;
        o.lists = lists;
        if (plan) {
          const Ruleset& rs = rules ? *rules : ruleset_named(plan->before.standard);
          py::gil_scoped_release release;
          return draw_home(plan->home, rs, plan->before, plan, o);
        }
        if (checked) {  // the findings of a check made before, with the ruleset it names
          const Ruleset& rs = rules ? *rules : ruleset_named(checked->standard);
          py::gil_scoped_release release;
          return draw_home(c, rs, *checked, nullptr, o);
        }
        const Ruleset* rs = &ruleset_or_own(rules, c);
        py::gil_scoped_release release;
        return draw_home(c, *rs, check(c, *rs), nullptr, o);
      },
      py::arg("case"), py::arg("rules").none(true), py::arg("plan").none(true), py::arg("checked").none(true),
      py::arg("lang"), py::arg("standalone"), py::arg("lists"));
  m.def(
      "_report",
      [](const PlanResult& plan, const Ruleset* rules, const std::string& lang) {
        const Ruleset& rs = rules ? *rules : ruleset_named(plan.before.standard);
        py::gil_scoped_release release;
        return household_report(plan.home, rs, plan, ReportOptions{lang});
      },
      py::arg("plan"), py::arg("rules").none(true), py::arg("lang"));
}

}  // namespace barrierfree::python
