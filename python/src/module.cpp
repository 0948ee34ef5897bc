// barrierfree._core: the compiled part of the Python package.
#include <barrierfree/version.hpp>

#include <pybind11/operators.h>

#include <barrierfree/rules/check.hpp>

#include "bindings.hpp"

namespace barrierfree::python {

const Ruleset& ruleset_or_own(const Ruleset* rules, const Case& c) {
  if (rules) return *rules;
  try {
    return ruleset_for(c);
  } catch (const InputError& e) {
    throw pybind11::value_error(e.what());
  }
}

pybind11::dict text_dict(const Text& t) {
  pybind11::dict d;
  d["en"] = t.en;
  d["zh"] = t.zh;
  return d;
}

pybind11::list errors_list(const std::vector<Error>& errors) {
  pybind11::list out;
  for (const Error& e : errors) out.append(pybind11::make_tuple(e.code, e.path, e.message, e.line));
  return out;
}

PlanOptions plan_options(std::optional<double> budget, bool no_budget, std::optional<std::string> region,
                         bool structural_first, std::optional<int> max_items, std::map<std::string, double> caps) {
  PlanOptions o;
  o.budget = budget;
  o.no_budget = no_budget;
  o.region = std::move(region);
  o.structural_first = structural_first;
  o.max_items = max_items;
  o.subsidy_caps = std::move(caps);
  return o;
}

}  // namespace barrierfree::python

PYBIND11_MODULE(_core, m) {
  m.doc() = "barrierfree's compiled core; use the barrierfree package instead.";
  m.attr("__version__") = barrierfree::version;
  // keep-sorted: in dependency order
  barrierfree::python::bind_case(m);
  barrierfree::python::bind_rules(m);
  barrierfree::python::bind_plan(m);
  barrierfree::python::bind_batch(m);
  barrierfree::python::bind_report(m);
}
