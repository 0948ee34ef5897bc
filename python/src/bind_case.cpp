// barrierfree.Case and reading cases.
#include <barrierfree/io/case_json.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "json_convert.hpp"

namespace py = pybind11;

namespace barrierfree::python {

namespace {

/// (case or None, errors, warnings): the facade raises CaseError itself.
py::tuple read(const ReadResult& r) {
  py::object value = r.value ? py::cast(*r.value) : py::none();
  return py::make_tuple(value, errors_list(r.errors), errors_list(r.warnings));
}

}  // namespace

void bind_case(py::module_& m) {
  py::class_<Case>(m, "Case", "One household: the people, their home and the money available.")
      .def_readonly("id", &Case::id)
      .def_readonly("region", &Case::region)
      .def_readonly("standard", &Case::standard)
      .def_readonly("budget", &Case::budget)
      .def_property_readonly("room_ids", [](const Case& c) {
        std::vector<std::string> ids;
        for (const Room& r : c.rooms) ids.push_back(r.id);
        return ids;
      })
      .def_property_readonly("occupant_ids", [](const Case& c) {
        std::vector<std::string> ids;
        for (const Occupant& o : c.occupants) ids.push_back(o.id);
        return ids;
      })
      .def("to_dict", [](const Case& c) { return from_json(to_json(c)); },
           "The case as a dict in the barrierfree.case/1 format.")
      .def("to_json", [](const Case& c) { return serialise(c); },
           "The case as compact JSON text (one line).")
      .def(py::self == py::self)
      // Pickled as its JSON text (for process pools, joblib and copy.deepcopy); read back exactly.
      .def(py::pickle([](const Case& c) { return serialise(c); },
                      [](const std::string& text) {
                        ReadResult r = read_case(text);
                        if (!r.value) throw py::value_error("a pickled case that no longer reads: " + to_string(r.errors.front()));
                        return std::move(*r.value);
                      }))
      .def("__repr__", [](const Case& c) {
        return "<barrierfree.Case " + c.id + ": " + std::to_string(c.occupants.size()) + " occupants, " +
               std::to_string(c.rooms.size()) + " rooms>";
      });

  m.def("_read_case_text", [](const std::string& text) {
        ReadResult r;
        {
          py::gil_scoped_release release;
          r = read_case(text);
        }
        return read(r);
      }, py::arg("text"));
  m.def("_read_case_object", [](py::handle obj) {
        const nlohmann::json document = to_json(obj);  // needs the GIL: it walks Python objects
        ReadResult r;
        {
          py::gil_scoped_release release;  // reading and validating do not
          r = read_case_document(document);
        }
        return read(r);
      }, py::arg("obj"));
}

}  // namespace barrierfree::python
