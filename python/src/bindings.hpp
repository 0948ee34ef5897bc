// The binding functions, one per public area, called in dependency order by module.cpp.
#pragma once

#include <barrierfree/errors.hpp>
#include <barrierfree/model/case.hpp>
#include <barrierfree/plan/plan.hpp>
#include <barrierfree/rules/ruleset.hpp>

#include <pybind11/pybind11.h>

#include <map>
#include <optional>
#include <string>

namespace barrierfree::python {

/// `rules` if given, else the case's own ruleset; an unknown standard is a ValueError.
const Ruleset& ruleset_or_own(const Ruleset* rules, const Case& c);
/// {"en": …, "zh": …}
pybind11::dict text_dict(const Text& t);
/// [(code, path, message, line), …]: the facade turns them into Error objects.
pybind11::list errors_list(const std::vector<Error>& errors);
/// The plan options as the facade passes them (barrierfree._plan_arguments).
PlanOptions plan_options(std::optional<double> budget, bool no_budget, std::optional<std::string> region,
                         bool structural_first, std::optional<int> max_items, std::map<std::string, double> caps);

void bind_case(pybind11::module_& m);
void bind_rules(pybind11::module_& m);
void bind_plan(pybind11::module_& m);
void bind_batch(pybind11::module_& m);
void bind_report(pybind11::module_& m);

}  // namespace barrierfree::python
