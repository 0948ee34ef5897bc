// The binding functions, one per public area, called in dependency order by module.cpp.
#pragma once

#include <pybind11/pybind11.h>

namespace barrierfree::python {

void bind_case(pybind11::module_& m);
void bind_rules(pybind11::module_& m);
void bind_plan(pybind11::module_& m);
void bind_batch(pybind11::module_& m);
void bind_report(pybind11::module_& m);

}  // namespace barrierfree::python
