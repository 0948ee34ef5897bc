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
                     invalid_value = 110, unknown_field = 901;
}

/// "object", "array", "string", "number", "boolean" or "null".
std::string_view type_name(const json& value);

/// The Error for text that is not JSON, with line and column.
Error invalid_json_error(std::string_view prefix, std::string_view text, std::size_t byte,
                         std::string_view detail);

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

  /// True when v is an object; otherwise reports a wrong type at path.
  bool expect_object(const json& v, const std::string& path);
  /// The array at obj[key] (nullptr if absent or not an array; errors reported).
  const json* array(const json& obj, std::string_view key, const std::string& path, Need need);
  /// obj[key] or nullptr; reports a missing required field.
  const json* get(const json& obj, std::string_view key, const std::string& path, Need need);

  std::optional<std::string> string(const json& obj, std::string_view key, const std::string& path,
                                    Need need);
  std::optional<bool> boolean(const json& obj, std::string_view key, const std::string& path,
                              Need need);
  /// A finite number in [min, max].
  std::optional<double> number(const json& obj, std::string_view key, const std::string& path,
                               Need need, double min = -std::numeric_limits<double>::max(),
                               double max = std::numeric_limits<double>::max());
  std::optional<int> integer(const json& obj, std::string_view key, const std::string& path,
                             Need need, int min = std::numeric_limits<int>::min(),
                             int max = std::numeric_limits<int>::max());
  /// A non-negative finite length in millimetres.
  std::optional<Length> length(const json& obj, std::string_view key, const std::string& path,
                               Need need);
  /// A strictly positive finite length in millimetres.
  std::optional<Length> positive_length(const json& obj, std::string_view key,
                                        const std::string& path, Need need);
  /// An [x, y] pair of finite numbers.
  std::optional<Point2> point(const json& obj, std::string_view key, const std::string& path,
                              Need need);
  std::optional<Point2> point_value(const json& v, const std::string& path);
  /// True when (x, y) is within max_coordinate_mm of the origin; else an error at `path`.
  bool coordinates_in_range(double x, double y, const std::string& path);

  template <class E>
  std::optional<E> enumeration(const json& obj, std::string_view key, const std::string& path,
                               Need need) {
    const json* v = get(obj, key, path, need);
    if (!v) return std::nullopt;
    return enumeration_value<E>(*v, child(path, key));
  }

  template <class E>
  std::optional<E> enumeration_value(const json& v, const std::string& p) {
    if (!v.is_string()) {
      wrong_type(p, "a string", v);
      return std::nullopt;
    }
    const auto& s = v.get_ref<const std::string&>();
    if (auto e = parse_enum<E>(s)) return e;
    unknown_enum(p, s, enum_names<E>());
    return std::nullopt;
  }

  void wrong_type(const std::string& path, std::string_view expected, const json& got);
  void unknown_enum(const std::string& path, std::string_view value,
                    std::span<const std::string_view> allowed);
  /// Warn about keys of obj not in `known` (they are ignored).
  void unknown_fields(const json& obj, const std::string& path,
                      std::initializer_list<std::string_view> known);

  std::vector<Error> errors;
  std::vector<Error> warnings;

 private:
  std::string prefix_;
};

}  // namespace barrierfree::io
