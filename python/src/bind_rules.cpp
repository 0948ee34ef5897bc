// barrierfree.check, rulesets and findings.
#include <barrierfree/rules/check.hpp>
#include <barrierfree/rules/kinds.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "json_convert.hpp"

namespace py = pybind11;

namespace barrierfree::python {

namespace {

/// Rule as the plain data of `barrierfree rules --format json`.
py::dict rule_dict(const Rule& r) {
  py::dict d;
  d["id"] = r.id;
  d["check"] = r.check;
  d["standard"] = r.standard;
  d["clause"] = r.clause;
  d["citation"] = r.citation();
  d["grade"] = r.grade;
  d["confidence"] = std::string(to_string(r.confidence));
  py::dict params;
  for (const auto& [name, p] : r.params) params[py::str(name)] = from_json(p.raw);
  d["params"] = params;
  d["applies"] = r.applies;
  d["remedies"] = r.remedies;
  d["title"] = text_dict(r.title);
  d["message"] = text_dict(r.message);
  d["note"] = r.note;
  return d;
}

}  // namespace

void bind_rules(py::module_& m) {
  py::class_<Ruleset>(m, "Ruleset", "The requirements of one standard, as data (docs/rules.md).")
      .def_readonly("id", &Ruleset::id)
      .def_property_readonly("title", [](const Ruleset& r) { return text_dict(r.title); })
      .def_readonly("edition", &Ruleset::edition)
      .def_property_readonly("rules", [](const Ruleset& r) {
        py::list out;
        for (const Rule& rule : r.rules) out.append(rule_dict(rule));
        return out;
      }, "Every rule as a dict: id, check, clause, citation, confidence, params, applies, remedies, note.")
      .def("__len__", [](const Ruleset& r) { return r.rules.size(); })
      .def("__repr__", [](const Ruleset& r) {
        return "<barrierfree.Ruleset " + r.id + ": " + std::to_string(r.rules.size()) + " rules>";
      });

  py::class_<Finding>(m, "Finding", "One barrier: a check that failed, or could not be made, for some occupants.")
      .def("to_dict", [](const Finding& f) {
        // As it stands in its result's JSON: written by the same writer.
        CheckResult one;
        one.findings.push_back(f);
        return from_json(nlohmann::ordered_json::parse(to_json_text(one))["findings"][0]);
      }, "The finding as in its result's JSON.")
      .def_readonly("id", &Finding::id)
      .def_readonly("check", &Finding::check)
      .def_readonly("element", &Finding::element)
      .def_property_readonly("status", [](const Finding& f) { return std::string(to_string(f.status)); })
      .def_readonly("rule", &Finding::rule)
      .def_readonly("rule_id", &Finding::rule_id)
      .def_property_readonly("confidence", [](const Finding& f) { return std::string(to_string(f.confidence)); })
      .def_readonly("severity", &Finding::severity)
      .def_property_readonly("measured", [](const Finding& f) { return from_json(f.measured); })
      .def_property_readonly("required", [](const Finding& f) { return from_json(f.required); })
      .def_readonly("unit", &Finding::unit)
      .def_readonly("occupants", &Finding::occupants)
      .def_readonly("severity_by_occupant", &Finding::severity_by_occupant)
      .def_property_readonly("message", [](const Finding& f) { return text_dict(f.message); })
      .def_readonly("room", &Finding::room)
      .def_property_readonly("at", [](const Finding& f) -> py::object {
        if (!f.at) return py::none();
        return py::make_tuple(f.at->x, f.at->y);
      })
      .def_readonly("missing", &Finding::missing)
      .def_readonly("remedies", &Finding::remedies)
      .def_property_readonly("detail", [](const Finding& f) { return from_json(f.detail); })
      .def_property_readonly("weight", &Finding::weight, "Severities summed over the occupants concerned.")
      .def("__repr__", [](const Finding& f) {
        return "<barrierfree.Finding " + f.id + " " + f.check + " " + f.element + " (" +
               std::string(to_string(f.status)) + ", severity " + std::to_string(f.severity) + ")>";
      });

  py::class_<CheckResult>(m, "CheckResult", "The findings for one household under one ruleset.")
      .def_readonly("id", &CheckResult::id)
      .def_readonly("standard", &CheckResult::standard)
      .def_readonly("findings", &CheckResult::findings)
      .def_property_readonly("not_assessed", [](const CheckResult& r) {
        py::list out;
        for (const NotAssessed& n : r.not_assessed) {
          py::dict d;
          d["check"] = n.check;
          d["element"] = n.element;
          d["rule_id"] = n.rule_id;
          d["reason"] = n.reason;
          out.append(d);
        }
        return out;
      })
      .def_readonly("checked", &CheckResult::checked,
                    "Check kinds that ran (someone needs them); a kind here without a finding passed.")
      .def_property_readonly("score", &CheckResult::score, "Person–environment fit score (higher is worse).")
      .def("to_dict", [](const CheckResult& r) { return from_json(to_json(r)); },
           "The result as a dict, equal to what `barrierfree check` prints.")
      .def("to_json", [](const CheckResult& r, int indent) { return to_json(r).dump(indent); },
           py::arg("indent") = -1)
      .def("__len__", [](const CheckResult& r) { return r.findings.size(); })
      .def("__repr__", [](const CheckResult& r) {
        return "<barrierfree.CheckResult " + r.id + " (" + r.standard + "): " + std::to_string(r.findings.size()) +
               " findings, score " + std::to_string(r.score()) + ">";
      });

  m.def("_builtin_ruleset_ids", &builtin_ruleset_ids);
  m.def("_builtin_ruleset", [](const std::string& id) -> const Ruleset& {
        try {
          return builtin_ruleset(id);
        } catch (const std::out_of_range& e) {
          throw py::value_error(e.what());
        }
      }, py::return_value_policy::reference);
  // (ruleset or None, errors): the facade raises RulesetError itself.
  m.def("_parse_ruleset", [](const std::string& text) -> py::tuple {
    try {
      return py::make_tuple(py::cast(parse_ruleset(text)), py::list());
    } catch (const InputError& e) {
      py::list errors;
      for (const Error& x : e.errors()) errors.append(py::make_tuple(x.code, x.path, x.message, x.line));
      return py::make_tuple(py::none(), errors);
    }
  });
  m.def("_check", [](const Case& c, const Ruleset* rules) {
        const Ruleset* chosen = &ruleset_or_own(rules, c);
        py::gil_scoped_release release;
        return check(c, *chosen);
      }, py::arg("case"), py::arg("rules").none(true));
  m.def("check_kinds", [] {
        std::vector<std::string> out(check_kinds().begin(), check_kinds().end());
        return out;
      }, "The names of every check kind, in the order of check-kinds.md.");
  m.def("remedy_kinds", [] {
        std::vector<std::string> out(remedy_kinds().begin(), remedy_kinds().end());
        return out;
      }, "The names of every remedy.");
}

}  // namespace barrierfree::python
