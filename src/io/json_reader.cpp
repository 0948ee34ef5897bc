#include "io/json_reader.hpp"

#include <barrierfree/model/case.hpp>

#include "util/suggest.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

namespace barrierfree::io {

std::string_view type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "object";
    case json::value_t::array: return "array";
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "boolean";
    case json::value_t::null: return "null";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "number";
    default: return "value";
  }
}

Error invalid_json_error(std::string_view prefix, std::string_view text, std::size_t byte,
                         std::string_view detail) {
  // nlohmann reports the 1-based byte count consumed; turn it into line:column.
  const std::size_t end = std::min(byte > 0 ? byte - 1 : 0, text.size());
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < end; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  const std::size_t column = end - line_start + 1;
  std::ostringstream msg;
  msg << "invalid JSON at line " << line << ", column " << column << ": " << detail;
  Error e{std::string(prefix) + "." + std::to_string(code::invalid_json), "", msg.str(), line};
  return e;
}

std::string JsonReader::id(int number) const { return prefix_ + "." + std::to_string(number); }

void JsonReader::error(int number, std::string path, std::string message) {
  errors.push_back(Error{id(number), std::move(path), std::move(message), 0});
}

void JsonReader::error_id(std::string id, std::string path, std::string message) {
  errors.push_back(Error{std::move(id), std::move(path), std::move(message), 0});
}

void JsonReader::warn(int number, std::string path, std::string message) {
  warnings.push_back(Error{id(number), std::move(path), std::move(message), 0});
}

std::string read_file(const std::filesystem::path& path, std::string_view prefix) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({Error{std::string(prefix) + ".100", "", "cannot open \"" + path.string() + "\"", 0}});
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

json parse_document(std::string_view text, std::string_view prefix) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    if (auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    throw InputError({invalid_json_error(prefix, text, e.byte, what)});
  } catch (const json::exception& e) {
    throw InputError({Error{std::string(prefix) + ".107", "", e.what(), 0}});
  }
}

std::string JsonReader::child(const std::string& path, std::string_view key) {
  return path + "/" + util::pointer_token(key);
}

std::string JsonReader::child(const std::string& path, std::size_t index) {
  return path + "/" + std::to_string(index);
}

void JsonReader::wrong_type(const std::string& path, std::string_view expected, const json& got) {
  error(code::wrong_type, path,
        "expected " + std::string(expected) + ", got " + std::string(type_name(got)));
}

void JsonReader::unknown_enum(const std::string& path, std::string_view value,
                              std::span<const std::string_view> allowed) {
  std::string list;
  for (auto a : allowed) {
    if (!list.empty()) list += ", ";
    list += a;
  }
  error(code::unknown_enum, path,
        "unknown value \"" + std::string(value) + "\"" + util::did_you_mean(value, allowed) +
            "; expected one of: " + list);
}

bool JsonReader::expect_object(const json& v, const std::string& path) {
  if (v.is_object()) return true;
  wrong_type(path, "an object", v);
  return false;
}

const json* JsonReader::get(const json& obj, std::string_view key, const std::string& path,
                            Need need) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (need == Need::required)
      error(code::missing_field, child(path, key), "missing required field \"" + std::string(key) + "\"");
    return nullptr;
  }
  return &*it;
}

const json* JsonReader::array(const json& obj, std::string_view key, const std::string& path,
                              Need need) {
  const json* v = get(obj, key, path, need);
  if (!v) return nullptr;
  if (!v->is_array()) {
    wrong_type(child(path, key), "an array", *v);
    return nullptr;
  }
  return v;
}

std::optional<std::string> JsonReader::string(const json& obj, std::string_view key,
                                              const std::string& path, Need need) {
  const json* v = get(obj, key, path, need);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    wrong_type(child(path, key), "a string", *v);
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<bool> JsonReader::boolean(const json& obj, std::string_view key,
                                        const std::string& path, Need need) {
  const json* v = get(obj, key, path, need);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    wrong_type(child(path, key), "true or false", *v);
    return std::nullopt;
  }
  return v->get<bool>();
}

namespace {
std::string number_text(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}
}  // namespace

std::optional<double> JsonReader::number(const json& obj, std::string_view key,
                                         const std::string& path, Need need, double min,
                                         double max) {
  const json* v = get(obj, key, path, need);
  if (!v) return std::nullopt;
  const auto p = [&] { return child(path, key); };  // built only for an error
  if (!v->is_number()) {
    wrong_type(p(), "a number", *v);
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d)) {
    error(code::bad_number, p(), "number is not finite");
    return std::nullopt;
  }
  if (d < min || d > max) {
    std::string range;
    if (min != -std::numeric_limits<double>::max() && max != std::numeric_limits<double>::max())
      range = "between " + number_text(min) + " and " + number_text(max);
    else if (min != -std::numeric_limits<double>::max())
      range = "at least " + number_text(min);
    else
      range = "at most " + number_text(max);
    error(code::bad_number, p(), number_text(d) + " is out of range: must be " + range);
    return std::nullopt;
  }
  return d;
}

std::optional<int> JsonReader::integer(const json& obj, std::string_view key,
                                       const std::string& path, Need need, int min, int max) {
  const json* v = get(obj, key, path, need);
  if (!v) return std::nullopt;
  const auto p = [&] { return child(path, key); };  // built only for an error
  if (!v->is_number()) {
    wrong_type(p(), "an integer", *v);
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d) || d != std::floor(d)) {
    wrong_type(p(), "an integer", *v);
    return std::nullopt;
  }
  if (d < min || d > max) {
    error(code::bad_number, p(),
          number_text(d) + " is out of range: must be between " + std::to_string(min) + " and " +
              std::to_string(max));
    return std::nullopt;
  }
  return static_cast<int>(d);
}

std::optional<Length> JsonReader::length(const json& obj, std::string_view key,
                                         const std::string& path, Need need) {
  const json* v = get(obj, key, path, need);
  if (!v) return std::nullopt;
  const auto p = [&] { return child(path, key); };  // built only for an error
  if (!v->is_number()) {
    wrong_type(p(), "a length in millimetres (a number)", *v);
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d)) {
    error(code::bad_number, p(), "length is not finite");
    return std::nullopt;
  }
  if (d < 0) {
    error(code::bad_number, p(), "length " + number_text(d) + " mm is negative");
    return std::nullopt;
  }
  if (d > max_length_mm) {
    error(code::bad_number, p(), "length " + number_text(d) + " mm is out of range: at most 1000000 mm (1 km)");
    return std::nullopt;
  }
  return Length::mm(d);
}

std::optional<Length> JsonReader::positive_length(const json& obj, std::string_view key,
                                                  const std::string& path, Need need) {
  auto l = length(obj, key, path, need);
  if (l && l->mm() <= 0) {
    error(code::bad_number, child(path, key), "length must be greater than 0 mm");
    return std::nullopt;
  }
  return l;
}

std::optional<Point2> JsonReader::point_value(const json& v, const std::string& p) {
  if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number()) {
    wrong_type(p, "a point [x, y] of two numbers", v);
    return std::nullopt;
  }
  const double x = v[0].get<double>(), y = v[1].get<double>();
  if (!std::isfinite(x) || !std::isfinite(y)) {
    error(code::bad_number, p, "coordinate is not finite");
    return std::nullopt;
  }
  if (!coordinates_in_range(x, y, p)) return std::nullopt;
  return Point2{x, y};
}

bool JsonReader::coordinates_in_range(double x, double y, const std::string& path) {
  if (std::abs(x) <= max_coordinate_mm && std::abs(y) <= max_coordinate_mm) return true;
  error(code::bad_number, path, "coordinate is out of range: at most 100000000 mm (100 km) from the origin");
  return false;
}

std::optional<Point2> JsonReader::point(const json& obj, std::string_view key,
                                        const std::string& path, Need need) {
  const json* v = get(obj, key, path, need);
  if (!v) return std::nullopt;
  return point_value(*v, child(path, key));
}

void JsonReader::unknown_fields(const json& obj, const std::string& path,
                                std::initializer_list<std::string_view> known) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    bool found = false;
    for (auto kn : known)
      if (kn == k) {
        found = true;
        break;
      }
    if (!found)
      warn(code::unknown_field, child(path, k),
           "unknown field \"" + k + "\" ignored" + util::did_you_mean(k, known));
  }
}

}  // namespace barrierfree::io
