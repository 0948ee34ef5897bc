// Helpers for deterministic JSON output.
#pragma once

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

namespace barrierfree::io {

/// True when a double is written as a JSON integer (650, not 650.0).
inline bool written_as_integer(double v) { return std::isfinite(v) && v == std::floor(v) && std::abs(v) < 9.0e15; }

/// A number as JSON: integral values as integers (650, not 650.0), others as
/// the shortest decimal that reads back to the same double.
inline nlohmann::ordered_json number(double v) {
  if (written_as_integer(v)) return static_cast<std::int64_t>(v);
  return v;
}

}  // namespace barrierfree::io
