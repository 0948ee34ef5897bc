// barrierfree.batch: a chunk of households checked or planned on worker threads
// with the GIL released; results come back in input order.
#include <barrierfree/batch.hpp>
#include <barrierfree/io/case_json.hpp>
#include <barrierfree/plan/plan.hpp>

#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <variant>

#include "bindings.hpp"

namespace py = pybind11;

namespace barrierfree::python {

namespace {

/// One household to process: JSON text to read, or a Case already read.
struct Input {
  std::string text;
  std::optional<Case> c;
};

/// What became of it: a result, or the batch's error line (JSON text).
using Output = std::variant<CheckResult, PlanResult, std::string>;

Output process(const Input& in, std::size_t line, const BatchOptions& o) {
  CaseOutcome r = in.c ? process_case(*in.c, o) : process_case(in.text, o);
  if (r.checked) return std::move(*r.checked);
  if (r.planned) return std::move(*r.planned);
  // The id of a Case given as an object is known even when it cannot be processed.
  return in.c ? error_line_for(in.c->id, line, r.errors) : error_line(in.text, line, r.errors);
}

}  // namespace

void bind_batch(py::module_& m) {
  m.def(
      "_batch_chunk",
      [](const py::list& items, std::size_t first_line, unsigned threads, bool check_only, const Ruleset* rules,
         const Catalog* catalog, const Regions* regions, std::optional<double> budget, bool no_budget,
         std::optional<std::string> region, bool structural_first, std::optional<int> max_items,
         std::map<std::string, double> caps) {
        std::vector<Input> inputs;
        inputs.reserve(items.size());
        for (const py::handle& item : items) {
          if (py::isinstance<Case>(item)) inputs.push_back({{}, item.cast<Case>()});
          else inputs.push_back({item.cast<std::string>(), std::nullopt});
        }
        BatchOptions o;
        o.check_only = check_only;
        o.rules = rules;
        o.catalog = catalog;
        o.regions = regions;
        o.plan = plan_options(budget, no_budget, std::move(region), structural_first, max_items, std::move(caps));
        std::vector<Output> outputs(inputs.size());
        {
          py::gil_scoped_release release;
          std::atomic<std::size_t> next{0};
          auto work = [&] {
            for (std::size_t i; (i = next++) < inputs.size();) outputs[i] = process(inputs[i], first_line + i, o);
          };
          const unsigned n = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(inputs.size())));
          std::vector<std::thread> pool;
          for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
          work();
          for (std::thread& t : pool) t.join();
        }
        py::list out;
        for (Output& r : outputs) {
          if (auto* c = std::get_if<CheckResult>(&r)) out.append(py::cast(std::move(*c)));
          else if (auto* p = std::get_if<PlanResult>(&r)) out.append(py::cast(std::move(*p)));
          else out.append(py::bytes(std::get<std::string>(r)));  // an error line, as the CLI writes it
        }
        return out;
      },
      py::arg("items"), py::arg("first_line"), py::arg("threads"), py::arg("check_only"), py::arg("rules").none(true),
      py::arg("catalog").none(true), py::arg("regions").none(true), py::arg("budget").none(true), py::arg("no_budget"),
      py::arg("region").none(true), py::arg("structural_first"), py::arg("max_items").none(true), py::arg("caps"));
}

}  // namespace barrierfree::python
