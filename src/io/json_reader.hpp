// Reads fields out of a parsed JSON document, collecting every problem as an
// Error with a stable id ("<prefix>.<number>") and the field's JSON pointer
// instead of stopping at the first. Shared by the case, ruleset and catalogue
// readers so that all inputs fail the same way.
#pragma once

#include <barrierfree/errors.hpp>
#include <barrierfree/geometry/types.hpp>
#include <barrierfree/model/enums.hpp>
#include <barrierfree/units.hpp>

#include <nlohmann/json.hpp>

#include "io/json_document.hpp"

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace barrierfree::io {

using nlohmann::json;

enum class Need { required, optional };

/// Error numbers shared by every input kind (the prefix says which input).
namespace code {
inline constexpr int unreadable = 100, invalid_json = 101, missing_field = 102, wrong_type = 103,
                     unknown_reference = 104, unknown_enum = 105, duplicate_id = 106,
                     bad_number = 107, unsupported_format = 108, conflicting_fields = 109,
                     invalid_value = 110, unknown_field = 901, door_wider_than_wall = 902, room_without_door = 903,
                     duplicate_key = 905;
}

/// "object", "array", "string", "number", "boolean" or "null".
std::string_view type_name(const json& value);
std::string_view type_name(const JsonValue& value);

// The readers read two kinds of document: nlohmann::json (rulesets, catalogues)
// and JsonValue (cases, read once per household). These give both one face.
inline const json* member(const json& obj, std::string_view key) {
  const auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}
inline const JsonValue* member(const JsonValue& obj, std::string_view key) { return obj.find(key); }
inline double number_of(const json& v) { return v.get<double>(); }
inline double number_of(const JsonValue& v) { return v.number(); }
inline bool boolean_of(const json& v) { return v.get<bool>(); }
inline bool boolean_of(const JsonValue& v) { return v.boolean(); }
inline std::string_view string_of(const json& v) { return v.get_ref<const std::string&>(); }
inline std::string_view string_of(const JsonValue& v) { return v.string(); }
template <class F>
void for_each_name(const json& obj, F&& f) {
  for (auto it = obj.begin(); it != obj.end(); ++it) f(std::string_view(it.key()));
}
template <class F>
void for_each_name(const JsonValue& obj, F&& f) {
  for (std::size_t i = 0; i < obj.size(); ++i) f(obj[i].key());
}

/// Where reading a text that is not JSON stopped: the JSON pointer of the value being
/// read (of the array element or member, or of the container expecting a name), and the
/// top-level "id" when a string one came before, so that a broken line of a batch can
/// still be matched to its household. Of a valid text: an empty pointer and its top-level
/// string "id", if any. Read by SAX events into a heap stack, so that no nesting, however
/// deep, can overflow the (worker thread's) stack as a DOM would.
struct ParseStop {
  std::string pointer;
  std::optional<std::string> id;
};
ParseStop parse_stop(std::string_view text);

/// The Error for text that is not JSON, with line and column, and the pointer where it stopped.
Error invalid_json_error(std::string_view prefix, std::string_view text, std::size_t byte,
                         std::string_view detail);
/// The same for nlohmann's parse error, in nlohmann's words without its "[json.exception…]" prefix.
Error invalid_json_error(std::string_view prefix, std::string_view text, const json::parse_error& e);
/// PREFIX.107 for well-formed JSON with a number no double holds (1e400), at the number's pointer.
Error number_error(std::string_view prefix, std::string_view text, const json::exception& e);

/// The text of a file; InputError PREFIX.100 when it cannot be opened.
std::string read_file(const std::filesystem::path& path, std::string_view prefix);
/// A JSON document; InputError PREFIX.101 (with line and column) when the text is not JSON.
json parse_document(std::string_view text, std::string_view prefix);

class JsonReader {
 public:
  explicit JsonReader(std::string prefix) : prefix_(std::move(prefix)) {}

  void error(int number, std::string path, std::string message);
  void warn(int number, std::string path, std::string message);
  /// An error with a full id ("case.204") for codes specific to one input kind.
  void error_id(std::string id, std::string path, std::string message);
  [[nodiscard]] std::string id(int number) const;

  static std::string child(const std::string& path, std::string_view key);
  static std::string child(const std::string& path, std::size_t index);

  // Each reader below reports what is wrong at `path` (or its child `key`) and
  // returns nothing; J is nlohmann::json or JsonValue.

  /// True when v is an object; otherwise reports a wrong type at path.
  template <class J>
  bool expect_object(const J& v, const std::string& path) {
    if (v.is_object()) return true;
    wrong_type(path, "an object", v);
    return false;
  }
  /// obj[key] or nullptr; reports a missing required field.
  template <class J>
  const J* get(const J& obj, std::string_view key, const std::string& path, Need need) {
    const J* v = member(obj, key);
    if (!v && need == Need::required) missing(path, key);
    return v;
  }
  /// The array at obj[key] (nullptr if absent or not an array; errors reported).
  template <class J>
  const J* array(const J& obj, std::string_view key, const std::string& path, Need need) {
    const J* v = get(obj, key, path, need);
    if (!v) return nullptr;
    if (!v->is_array()) {
      wrong_type(child(path, key), "an array", *v);
      return nullptr;
    }
    return v;
  }
  template <class J>
  std::optional<std::string> string(const J& obj, std::string_view key, const std::string& path, Need need) {
    const J* v = get(obj, key, path, need);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
      wrong_type(child(path, key), "a string", *v);
      return std::nullopt;
    }
    return std::string(string_of(*v));
  }
  template <class J>
  std::optional<bool> boolean(const J& obj, std::string_view key, const std::string& path, Need need) {
    const J* v = get(obj, key, path, need);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
      wrong_type(child(path, key), "true or false", *v);
      return std::nullopt;
    }
    return boolean_of(*v);
  }
  /// A finite number in [min, max].
  template <class J>
  std::optional<double> number(const J& obj, std::string_view key, const std::string& path, Need need,
                               double min = -std::numeric_limits<double>::max(),
                               double max = std::numeric_limits<double>::max()) {
    const J* v = get(obj, key, path, need);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      wrong_type(child(path, key), "a number", *v);
      return std::nullopt;
    }
    return checked_number(number_of(*v), path, key, min, max);
  }
  template <class J>
  std::optional<int> integer(const J& obj, std::string_view key, const std::string& path, Need need,
                             int min = std::numeric_limits<int>::min(),
                             int max = std::numeric_limits<int>::max()) {
    const J* v = get(obj, key, path, need);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      wrong_type(child(path, key), "an integer", *v);
      return std::nullopt;
    }
    return checked_integer(number_of(*v), path, key, min, max);
  }
  /// A non-negative finite length in millimetres.
  template <class J>
  std::optional<Length> length(const J& obj, std::string_view key, const std::string& path, Need need) {
    const J* v = get(obj, key, path, need);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      wrong_type(child(path, key), "a length in millimetres (a number)", *v);
      return std::nullopt;
    }
    return checked_length(number_of(*v), path, key);
  }
  /// A strictly positive finite length in millimetres.
  template <class J>
  std::optional<Length> positive_length(const J& obj, std::string_view key, const std::string& path,
                                        Need need) {
    auto l = length(obj, key, path, need);
    if (l && l->mm() <= 0) {
      error(code::bad_number, child(path, key), "length must be greater than 0 mm");
      return std::nullopt;
    }
    return l;
  }
  /// An [x, y] pair of finite numbers.
  template <class J>
  std::optional<Point2> point(const J& obj, std::string_view key, const std::string& path, Need need) {
    const J* v = get(obj, key, path, need);
    if (!v) return std::nullopt;
    return point_value(*v, child(path, key));
  }
  template <class J>
  std::optional<Point2> point_value(const J& v, const std::string& p) {
    if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number()) {
      wrong_type(p, "a point [x, y] of two numbers", v);
      return std::nullopt;
    }
    return checked_point(number_of(v[0]), number_of(v[1]), p);
  }
  /// True when (x, y) is within max_coordinate_mm of the origin; else an error at `path`.
  bool coordinates_in_range(double x, double y, const std::string& path);

  template <class E, class J>
  std::optional<E> enumeration(const J& obj, std::string_view key, const std::string& path, Need need) {
    const J* v = get(obj, key, path, need);
    if (!v) return std::nullopt;
    return enumeration_value<E>(*v, child(path, key));
  }

  template <class E, class J>
  std::optional<E> enumeration_value(const J& v, const std::string& p) {
    if (!v.is_string()) {
      wrong_type(p, "a string", v);
      return std::nullopt;
    }
    const std::string_view s = string_of(v);
    if (auto e = parse_enum<E>(s)) return e;
    unknown_enum(p, s, enum_names<E>());
    return std::nullopt;
  }

  template <class J>
  void wrong_type(const std::string& path, std::string_view expected, const J& got) {
    wrong_type_named(path, expected, type_name(got));
  }
  void unknown_enum(const std::string& path, std::string_view value,
                    std::span<const std::string_view> allowed);
  /// Warn about keys of obj not in `known` (they are ignored), in the order of their names, each once.
  template <class J>
  void unknown_fields(const J& obj, const std::string& path, std::initializer_list<std::string_view> known) {
    std::vector<std::string_view> unknown;
    std::uint64_t seen = 0;  // the known names met, by their place in `known`
    for_each_name(obj, [&](std::string_view k) {
      const auto it = std::find(known.begin(), known.end(), k);
      if (it == known.end()) {
        unknown.push_back(k);
        return;
      }
      // JSON leaves a repeated name undefined; the reader takes the last, and says so.
      const auto bit = static_cast<std::size_t>(it - known.begin());
      if (bit < 64 && (seen >> bit & 1)) duplicate_key(path, k);
      if (bit < 64) seen |= std::uint64_t{1} << bit;
    });
    if (unknown.empty()) return;
    std::sort(unknown.begin(), unknown.end());
    unknown.erase(std::unique(unknown.begin(), unknown.end()), unknown.end());
    for (std::string_view k : unknown) unknown_field(path, k, known);
  }

  std::vector<Error> errors;
  std::vector<Error> warnings;

 private:
  void missing(const std::string& path, std::string_view key);
  void wrong_type_named(const std::string& path, std::string_view expected, std::string_view got);
  void unknown_field(const std::string& path, std::string_view key, std::initializer_list<std::string_view> known);
  void duplicate_key(const std::string& path, std::string_view key);
  // The checks on a value of the right type, with messages built only on error.
  std::optional<double> checked_number(double d, const std::string& path, std::string_view key, double min, double max);
  std::optional<int> checked_integer(double d, const std::string& path, std::string_view key, int min, int max);
  std::optional<Length> checked_length(double d, const std::string& path, std::string_view key);
  std::optional<Point2> checked_point(double x, double y, const std::string& path);

  std::string prefix_;
};

}  // namespace barrierfree::io
