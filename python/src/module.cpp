// barrierfree._core: the compiled part of the Python package.
#include <barrierfree/version.hpp>

#include <pybind11/operators.h>

#include "bindings.hpp"

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
