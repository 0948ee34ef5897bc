#include "io/json_reader.hpp"

#include <barrierfree/model/case.hpp>

#include "util/suggest.hpp"

#include <cmath>
#include <cstdlib>
#include <iomanip>
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

std::string_view type_name(const JsonValue& v) {
  switch (v.kind()) {
    case JsonValue::Kind::object: return "object";
    case JsonValue::Kind::array: return "array";
    case JsonValue::Kind::string: return "string";
    case JsonValue::Kind::boolean: return "boolean";
    case JsonValue::Kind::null: return "null";
    case JsonValue::Kind::number: return "number";
    case JsonValue::Kind::other: break;
  }
  return "value";
}

namespace {

// nlohmann's SAX events, only to know where the parser was when it stopped.
struct StopFinder {
  struct Level {
    bool object;
    std::size_t index = 0;  // of an array: the element being read
    std::optional<std::string> key;  // of an object: the member being read
  };
  std::vector<Level> open;
  ParseStop stop;
  std::optional<std::string> pointer;

  bool done(const std::string* text = nullptr) {
    if (open.empty()) return true;
    Level& top = open.back();
    if (!top.object) {
      ++top.index;
      return true;
    }
    if (open.size() == 1 && top.key == "id") stop.id = text ? std::optional(*text) : std::nullopt;
    top.key.reset();
    return true;
  }
  bool null() { return done(); }
  bool boolean(bool) { return done(); }
  bool number_integer(std::int64_t) { return done(); }
  bool number_unsigned(std::uint64_t) { return done(); }
  bool number_float(double, const std::string&) { return done(); }
  bool string(std::string& s) { return done(&s); }
  bool binary(json::binary_t&) { return done(); }
  bool start_object(std::size_t) {
    open.push_back({true, 0, std::nullopt});
    return true;
  }
  bool start_array(std::size_t) {
    open.push_back({false, 0, std::nullopt});
    return true;
  }
  bool key(std::string& k) {
    open.back().key = k;
    return true;
  }
  bool end() {
    open.pop_back();
    return done();
  }
  bool end_object() { return end(); }
  bool end_array() { return end(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    std::string p;
    for (const Level& l : open) {
      if (!l.object) p += "/" + std::to_string(l.index);
      else if (l.key) p += "/" + util::pointer_token(*l.key);
    }
    pointer = std::move(p);
    return false;
  }
};

}  // namespace

ParseStop parse_stop(std::string_view text) {
  StopFinder finder;
  json::sax_parse(text.begin(), text.end(), &finder);
  if (finder.pointer) finder.stop.pointer = std::move(*finder.pointer);
  return std::move(finder.stop);
}

Error number_error(std::string_view prefix, std::string_view text, const json::exception& e) {
  std::string what = e.what();
  // Drop nlohmann's "[json.exception.out_of_range.406] " prefix.
  if (auto bracket = what.find("] "); bracket != std::string::npos) what = what.substr(bracket + 2);
  return Error{std::string(prefix) + "." + std::to_string(code::bad_number), parse_stop(text).pointer, what, 0};
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
  Error e{std::string(prefix) + "." + std::to_string(code::invalid_json), parse_stop(text).pointer, msg.str(), line};
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
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))  // it opens on Linux, and reads as empty
    throw InputError({Error{std::string(prefix) + ".100", "", "cannot open \"" + path.string() + "\": it is a directory", 0}});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({Error{std::string(prefix) + ".100", "", "cannot open \"" + path.string() + "\"", 0}});
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Error invalid_json_error(std::string_view prefix, std::string_view text, const json::parse_error& e) {
  std::string what = e.what();
  // Drop nlohmann's own "[json.exception.parse_error.101] parse error at line…: " prefix.
  if (auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
  return invalid_json_error(prefix, text, e.byte, what);
}

json parse_document(std::string_view text, std::string_view prefix) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    throw InputError({invalid_json_error(prefix, text, e)});
  } catch (const json::exception& e) {
    throw InputError({number_error(prefix, text, e)});
  }
}

std::string JsonReader::child(const std::string& path, std::string_view key) {
  return path + "/" + util::pointer_token(key);
}

std::string JsonReader::child(const std::string& path, std::size_t index) {
  return path + "/" + std::to_string(index);
}

void JsonReader::wrong_type_named(const std::string& path, std::string_view expected, std::string_view got) {
  error(code::wrong_type, path, "expected " + std::string(expected) + ", got " + std::string(got));
}

void JsonReader::missing(const std::string& path, std::string_view key) {
  error(code::missing_field, child(path, key), "missing required field \"" + std::string(key) + "\"");
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

namespace {
/// As short as it can be and still read back as the same number (1000001 is not "1e+06").
std::string number_text(double v) {
  std::ostringstream s;
  s << std::setprecision(17) << v;
  for (int digits = 6; digits < 17; ++digits) {
    std::ostringstream t;
    t << std::setprecision(digits) << v;
    if (std::strtod(t.str().c_str(), nullptr) == v) return t.str();
  }
  return s.str();
}
}  // namespace

std::optional<double> JsonReader::checked_number(double d, const std::string& path, std::string_view key,
                                                 double min, double max) {
  if (!std::isfinite(d)) {
    error(code::bad_number, child(path, key), "number is not finite");
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
    error(code::bad_number, child(path, key), number_text(d) + " is out of range: must be " + range);
    return std::nullopt;
  }
  return d;
}

std::optional<int> JsonReader::checked_integer(double d, const std::string& path, std::string_view key, int min,
                                               int max) {
  if (!std::isfinite(d) || d != std::floor(d)) {
    wrong_type_named(child(path, key), "an integer", "number");
    return std::nullopt;
  }
  if (d < min || d > max) {
    error(code::bad_number, child(path, key),
          number_text(d) + " is out of range: must be between " + std::to_string(min) + " and " +
              std::to_string(max));
    return std::nullopt;
  }
  return static_cast<int>(d);
}

std::optional<Length> JsonReader::checked_length(double d, const std::string& path, std::string_view key) {
  if (!std::isfinite(d)) {
    error(code::bad_number, child(path, key), "length is not finite");
    return std::nullopt;
  }
  if (d < 0) {
    error(code::bad_number, child(path, key), "length " + number_text(d) + " mm is negative");
    return std::nullopt;
  }
  if (d > max_length_mm) {
    error(code::bad_number, child(path, key),
          "length " + number_text(d) + " mm is out of range: at most 1000000 mm (1 km)");
    return std::nullopt;
  }
  return Length::mm(d);
}

std::optional<Point2> JsonReader::checked_point(double x, double y, const std::string& p) {
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

void JsonReader::unknown_field(const std::string& path, std::string_view key,
                               std::initializer_list<std::string_view> known) {
  warn(code::unknown_field, child(path, key),
       "unknown field \"" + std::string(key) + "\" ignored" + util::did_you_mean(key, known));
}

void JsonReader::duplicate_key(const std::string& path, std::string_view key) {
  warn(code::duplicate_key, child(path, key), "field \"" + std::string(key) + "\" is given more than once: the last is used");
}

}  // namespace barrierfree::io
