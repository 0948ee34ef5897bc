#include "json_convert.hpp"

namespace py = pybind11;

namespace barrierfree::python {

namespace {

/// Deeper than any case nests; a dict that contains itself reaches it at once.
constexpr int max_depth = 256;

/// A str as UTF-8; one holding a lone surrogate has none (pybind11 would say only "Unable to cast").
std::string text_of(py::handle obj, const std::string& path) {
  try {
    return obj.cast<std::string>();
  } catch (const py::cast_error&) {
    throw py::value_error("text that cannot be UTF-8 (a lone surrogate?) at '" + path.substr(0, 200) + "'");
  }
}

nlohmann::json convert(py::handle obj, const std::string& path, int depth) {
  if (depth > max_depth)
    throw py::value_error("a case nests deeper than " + std::to_string(max_depth) +
                          " levels (a dict or list that contains itself?) at '" + path.substr(0, 200) + "'");
  if (obj.is_none()) return nullptr;
  if (py::isinstance<py::bool_>(obj)) return obj.cast<bool>();
  if (py::isinstance<py::int_>(obj)) {
    try {
      return obj.cast<long long>();
    } catch (const py::cast_error&) {
      return obj.cast<double>();  // too large for 64 bits
    }
  }
  if (py::isinstance<py::float_>(obj)) return obj.cast<double>();
  if (py::isinstance<py::str>(obj)) return text_of(obj, path);
  if (py::isinstance<py::dict>(obj)) {
    nlohmann::json out = nlohmann::json::object();
    for (auto item : obj.cast<py::dict>()) {
      if (!py::isinstance<py::str>(item.first))
        throw py::type_error("keys of a case must be strings (at '" + path + "')");
      const std::string key = text_of(item.first, path);
      out[key] = convert(item.second, path + "/" + key, depth + 1);
    }
    return out;
  }
  if (py::isinstance<py::list>(obj) || py::isinstance<py::tuple>(obj)) {
    nlohmann::json out = nlohmann::json::array();
    std::size_t i = 0;
    for (auto item : obj) out.push_back(convert(item, path + "/" + std::to_string(i++), depth + 1));
    return out;
  }
  // numpy scalars and arrays (pandas gives them): the Python values they hold.
  if (py::hasattr(obj, "tolist")) return convert(obj.attr("tolist")(), path, depth + 1);
  if (py::hasattr(obj, "__float__")) {
    try {
      return py::float_(py::reinterpret_borrow<py::object>(obj)).cast<double>();
    } catch (const py::error_already_set&) {
    }
  }
  throw py::type_error("cannot put a " + std::string(py::str(py::type::of(obj).attr("__name__"))) +
                       " into a case (at '" + path + "')");
}

}  // namespace

nlohmann::json to_json(py::handle obj, const std::string& path) { return convert(obj, path, 0); }

py::object from_json(const nlohmann::ordered_json& j) {
  switch (j.type()) {
    case nlohmann::ordered_json::value_t::null: return py::none();
    case nlohmann::ordered_json::value_t::boolean: return py::bool_(j.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer: return py::int_(j.get<long long>());
    case nlohmann::ordered_json::value_t::number_unsigned: return py::int_(j.get<unsigned long long>());
    case nlohmann::ordered_json::value_t::number_float: return py::float_(j.get<double>());
    case nlohmann::ordered_json::value_t::string: return py::str(j.get_ref<const std::string&>());
    case nlohmann::ordered_json::value_t::array: {
      py::list out;
      for (const auto& v : j) out.append(from_json(v));
      return out;
    }
    case nlohmann::ordered_json::value_t::object: {
      py::dict out;
      for (auto it = j.begin(); it != j.end(); ++it) out[py::str(it.key())] = from_json(it.value());
      return out;
    }
    default: return py::none();
  }
}

}  // namespace barrierfree::python
