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
