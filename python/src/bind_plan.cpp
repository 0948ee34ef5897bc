// barrierfree.plan, catalogues, regions and calibration.
#include <barrierfree/plan/calibrate.hpp>
#include <barrierfree/plan/plan.hpp>
#include <barrierfree/plan/rollup.hpp>

#include <pybind11/stl.h>

#include <cmath>
#include <cstdio>

#include "bindings.hpp"
#include "json_convert.hpp"

namespace py = pybind11;

namespace barrierfree::python {

namespace {

py::dict item_dict(const CatalogItem& i) {
  py::dict d;
  d["remedy"] = i.remedy;
  d["name"] = text_dict(i.name);
  d["unit"] = i.unit;
  d["quantity"] = i.quantity;
  d["material"] = i.material;
  d["labour"] = i.labour;
  d["unit_cost"] = i.material + i.labour;
  d["kind"] = std::string(to_string(i.kind));
  d["group"] = i.group;
  d["params"] = i.params;
  d["source"] = i.source;
  d["confidence"] = i.confidence;
  return d;
}

template <class F>
py::tuple guarded(F&& f) {
  try {
    return py::make_tuple(f(), py::list());
  } catch (const InputError& e) {
    return py::make_tuple(py::object(py::none()), errors_list(e.errors()));
  }
}

}  // namespace

void bind_plan(py::module_& m) {
  py::class_<Catalog>(m, "Catalog", "Remedy unit costs and how quantities are derived (docs/planning.md).")
      .def_readonly("id", &Catalog::id)
      .def_readonly("currency", &Catalog::currency)
      .def_readonly("price_year", &Catalog::price_year)
      .def_property_readonly("fees", [](const Catalog& c) {
        return py::dict(py::arg("management") = c.fees.management, py::arg("contingency") = c.fees.contingency,
                        py::arg("tax") = c.fees.tax);
      })
      .def_property_readonly("items", [](const Catalog& c) {
        py::list out;
        for (const CatalogItem& i : c.items) out.append(item_dict(i));
        return out;
      })
      .def("__getitem__", [](const Catalog& c, const std::string& remedy) {
        const CatalogItem* i = c.find(remedy);
        if (!i) throw py::key_error(remedy);
        return item_dict(*i);
      })
      .def("__len__", [](const Catalog& c) { return c.items.size(); })
      .def("__contains__", [](const Catalog& c, const std::string& remedy) { return c.find(remedy) != nullptr; })
      .def("__iter__", [](const Catalog& c) {
        std::vector<std::string> remedies;  // like a dict: its keys
        for (const CatalogItem& i : c.items) remedies.push_back(i.remedy);
        return py::iter(py::cast(remedies));
      })
      .def("__repr__", [](const Catalog& c) {
        return "<barrierfree.Catalog " + c.id + ": " + std::to_string(c.items.size()) + " items, " + c.currency + ">";
      });

  py::class_<Regions>(m, "Regions", "Material and labour cost factors by region.")
      .def_readonly("id", &Regions::id)
      .def("factors", [](const Regions& r, const std::string& code) -> py::object {
        const RegionFactor* f = r.find(code);
        if (!f) return py::none();
        return py::dict(py::arg("code") = f->code, py::arg("alias") = f->alias, py::arg("name_en") = f->name.en,
                        py::arg("name_zh") = f->name.zh, py::arg("material") = f->material, py::arg("labour") = f->labour);
      }, py::arg("code"), "The factors of a region (ISO 3166-2 code or alias), or None.")
      .def_property_readonly("codes", [](const Regions& r) {
        std::vector<std::string> out;
        for (const RegionFactor& f : r.regions) out.push_back(f.code);
        return out;
      })
      .def("__len__", [](const Regions& r) { return r.regions.size(); })
      .def("__repr__", [](const Regions& r) {
        return "<barrierfree.Regions " + r.id + ": " + std::to_string(r.regions.size()) + " regions>";
      });

  // A plan and its items as they stand in a result's JSON, written by the same writer.
  const auto plan_json = [](const Plan& p) {
    PlanResult r;
    r.plan = p;
    return nlohmann::ordered_json::parse(to_json_text(r))["plan"];
  };
  py::class_<PlanItem>(m, "PlanItem", "One line of the bill of quantities.")
      .def("to_dict", [plan_json](const PlanItem& i) {
        Plan p;
        p.items = {i};
        return from_json(plan_json(p)["items"][0]);
      }, "The item as in the plan's JSON.")
      .def_readonly("remedy", &PlanItem::remedy)
      .def_readonly("element", &PlanItem::element)
      .def_property_readonly("name", [](const PlanItem& i) { return text_dict(i.name); })
      .def_property_readonly("kind", [](const PlanItem& i) { return std::string(to_string(i.kind)); })
      .def_readonly("quantity", &PlanItem::quantity)
      .def_readonly("unit", &PlanItem::unit)
      .def_readonly("unit_cost", &PlanItem::unit_cost)
      .def_readonly("material", &PlanItem::material)
      .def_readonly("labour", &PlanItem::labour)
      .def_readonly("cost", &PlanItem::cost)
      .def_readonly("subsidy", &PlanItem::subsidy)
      .def_readonly("resolves", &PlanItem::resolves)
      .def_readonly("reduces", &PlanItem::reduces)
      .def("__repr__", [](const PlanItem& i) {
        return "<barrierfree.PlanItem " + i.remedy + " " + i.element + " " +
               std::to_string(static_cast<long>(std::lround(i.cost))) + ">";
      });

  py::class_<Plan>(m, "Plan", "The chosen modifications, priced, and what is left.")
      .def("to_dict", [plan_json](const Plan& p) { return from_json(plan_json(p)); }, "The plan as in its result's JSON.")
      .def_readonly("items", &Plan::items)
      .def_readonly("currency", &Plan::currency)
      .def_readonly("region", &Plan::region)
      .def_readonly("subtotal", &Plan::subtotal)
      .def_readonly("total", &Plan::total)
      .def_readonly("subsidy", &Plan::subsidy)
      .def_readonly("copay", &Plan::copay)
      .def_readonly("budget", &Plan::budget)
      .def_readonly("verified", &Plan::verified)
      .def_readonly("optimal", &Plan::optimal)
      .def_property_readonly("fees", [](const Plan& p) {
        return py::dict(py::arg("management") = p.management, py::arg("contingency") = p.contingency,
                        py::arg("tax") = p.tax);
      }, "Fees on the subtotal, in money.")
      .def_property_readonly("deferred", [](const Plan& p) {
        py::list out;
        for (const Deferred& d : p.deferred)
          out.append(py::dict(py::arg("remedy") = d.remedy, py::arg("element") = d.element, py::arg("cost") = d.cost,
                              py::arg("would_resolve") = d.would_resolve, py::arg("reason") = d.reason));
        return out;
      }, "Remedies left out, with what they would resolve and why (as in the JSON).")
      .def_property_readonly("residual", [](const Plan& p) {
        py::list out;
        for (const Residual& r : p.residual)
          out.append(py::dict(py::arg("finding") = r.original.empty() ? py::object(py::none()) : py::cast(r.original),
                              py::arg("check") = r.finding.check, py::arg("element") = r.finding.element,
                              py::arg("rule") = r.finding.rule, py::arg("status") = std::string(to_string(r.finding.status)),
                              py::arg("severity") = r.finding.severity, py::arg("weight") = r.finding.weight(),
                              py::arg("reason") = r.reason));
        return out;
      }, "What is left when the plan is applied, and why (as in the JSON).")
      .def("__repr__", [](const Plan& p) {
        char total[32];
        std::snprintf(total, sizeof total, "%.2f", p.total);
        return "<barrierfree.Plan " + std::to_string(p.items.size()) + " items, " + total + " " + p.currency +
               (p.verified ? "" : ", not verified") + ">";
      });

  py::class_<PlanResult>(m, "PlanResult", "A household's findings, plan and scores before and after.")
      .def_readonly("before", &PlanResult::before)
      .def_readonly("after", &PlanResult::after)
      .def_readonly("plan", &PlanResult::plan)
      .def_readonly("modified", &PlanResult::modified, "The home with the plan applied.")
      .def_readonly("home", &PlanResult::home, "The household as planned (before any change).")
      .def_property_readonly("id", [](const PlanResult& r) { return r.before.id; })
      .def_property_readonly("standard", [](const PlanResult& r) { return r.before.standard; })
      .def_property_readonly("findings", [](const PlanResult& r) { return r.before.findings; })
      .def_property_readonly("score_before", &PlanResult::score_before)
      .def_property_readonly("score_after", &PlanResult::score_after)
      .def("to_dict", [](const PlanResult& r) { return from_json(to_json(r)); },
           "The result as a dict, equal to what `barrierfree plan` prints.")
      .def("to_json", [](const PlanResult& r, int indent) { return to_json(r).dump(indent); }, py::arg("indent") = -1)
      .def("__repr__", [](const PlanResult& r) {
        return "<barrierfree.PlanResult " + r.before.id + ": " + std::to_string(r.plan.items.size()) + " items, total " +
               std::to_string(static_cast<long>(std::lround(r.plan.total))) + " " + r.plan.currency + ", score " +
               std::to_string(r.score_before()) + " -> " + std::to_string(r.score_after()) + ">";
      });

  m.def("_builtin_catalog", &builtin_catalog, py::return_value_policy::reference);
  m.def("_builtin_regions", &builtin_regions, py::return_value_policy::reference);
  m.def("_parse_catalog", [](const std::string& text, bool over_reference) {
    return guarded([&] { return py::cast(parse_catalog(text, over_reference ? &builtin_catalog() : nullptr)); });
  });
  m.def("_parse_regions", [](const std::string& text) { return guarded([&] { return py::cast(parse_regions(text)); }); });
  m.def("_plan", [](const Case& c, const Ruleset* rules, const Catalog* catalog, const Regions* regions,
                    std::optional<double> budget, bool no_budget, std::optional<std::string> region, bool structural_first,
                    std::optional<int> max_items, std::map<std::string, double> caps) {
        const PlanOptions o = plan_options(budget, no_budget, std::move(region), structural_first, max_items, std::move(caps));
        const Ruleset* rs = &ruleset_or_own(rules, c);
        py::gil_scoped_release release;
        return plan(c, *rs, catalog ? *catalog : builtin_catalog(), regions ? *regions : builtin_regions(), o);
      });
  m.def("_plan_warnings", [](const Case& c, const Regions* regions, std::optional<std::string> region) {
    PlanOptions o;
    o.region = std::move(region);
    return errors_list(plan_warnings(c, regions ? *regions : builtin_regions(), o));
  });
  m.def("_calibrate_csv", [](const std::string& text, const Catalog* catalog, std::optional<std::string> region) -> py::tuple {
    const Catalog& cat = catalog ? *catalog : builtin_catalog();
    const RegionFactor* factors = nullptr;
    if (region) {
      factors = builtin_regions().find(*region);
      if (!factors) throw py::value_error("unknown region " + *region);
    }
    try {
      const Calibration c = calibrate(read_bills_csv(text), cat, factors);
      return py::make_tuple(from_json(to_catalog_json(c, cat)), py::list());
    } catch (const InputError& e) {
      return py::make_tuple(py::none(), errors_list(e.errors()));
    } catch (const std::invalid_argument& e) {
      throw py::value_error(e.what());
    }
  });

  py::class_<Rollup>(m, "Rollup", "Totals over many households' plans.")
      .def(py::init<>())
      .def("add", [](Rollup& r, const PlanResult& p) { r.add(p); }, py::arg("result"), "Count one household's plan.")
      .def("add", [](Rollup& r, const CheckResult& c) { r.add(c); }, py::arg("result"),
           "Count one household's check (no plan).")
      // Results saved as their to_dict(), or as the lines of `barrierfree batch`'s output.
      .def("add", [](Rollup& r, const py::dict& d) { r.add(nlohmann::ordered_json::parse(to_json(d).dump())); },
           py::arg("result"), "Count one result given as its to_dict(), or an error line's dict.")
      .def(
          "add",
          [](Rollup& r, const std::string& line) {
            auto j = nlohmann::ordered_json::parse(line, nullptr, false);
            if (j.is_discarded() || !j.is_object()) throw py::value_error("Rollup.add: not a JSON object (a line of barrierfree batch's output)");
            r.add(j);
          },
          py::arg("line"), "Count one line of `barrierfree batch`'s output.")
      .def("add_error", &Rollup::add_error, py::arg("code") = "case.100", "Count a household that could not be read.")
      .def("merge", &Rollup::merge, py::arg("other"), "Add another roll-up's counts.")
      .def_property_readonly("households", &Rollup::households)
      .def_property_readonly("errors", &Rollup::errors)
      .def_property_readonly("total", [](const Rollup& r) { return std::round(r.total() * 100) / 100; },
                             "The cost of all plans, to the cent (as to_dict() gives it).")
      .def("to_dict", [](const Rollup& r) { return from_json(r.to_json()); })
      .def("__repr__", [](const Rollup& r) {
        return "<barrierfree.Rollup " + std::to_string(r.households()) + " households, " + std::to_string(r.errors()) +
               " errors>";
      });
}

}  // namespace barrierfree::python
