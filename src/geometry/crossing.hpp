// Internal: whether two segments cross, shared by the segment distance of the geometric
// operations and the passage widths' gaps (hence inline).
#pragma once

#include <barrierfree/geometry/types.hpp>

namespace barrierfree::geometry::detail {

/// True when s and t cross at a point inside both (touching or overlapping is not crossing).
inline bool segments_cross(const Segment& s, const Segment& t) {
  const double d1 = cross(t.b - t.a, s.a - t.a), d2 = cross(t.b - t.a, s.b - t.a);
  const double d3 = cross(s.b - s.a, t.a - s.a), d4 = cross(s.b - s.a, t.b - s.a);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

}  // namespace barrierfree::geometry::detail
