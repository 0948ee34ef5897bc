// Python objects <-> nlohmann::json, so that dicts go to the C++ readers
// without a detour through text (a NaN stays a NaN and is reported with its
// JSON pointer instead of failing as invalid JSON).
#pragma once

#include <nlohmann/json.hpp>
#include <pybind11/pybind11.h>

namespace barrierfree::python {

nlohmann::json to_json(pybind11::handle obj, const std::string& path = "");
pybind11::object from_json(const nlohmann::ordered_json& j);

}  // namespace barrierfree::python
