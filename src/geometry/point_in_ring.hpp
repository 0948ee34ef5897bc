// Internal: the crossing-number point-in-ring test, shared by the geometric
// operations and the clearance field's hot loop (hence inline).
#pragma once

#include <barrierfree/geometry/types.hpp>

namespace barrierfree::geometry::detail {

/// True when p is inside the ring; points on the boundary may go either way.
inline bool inside(const Ring& ring, Point2 p) {
  bool in = false;
  const std::size_t n = ring.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Point2 a = ring[i], b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)) in = !in;
  }
  return in;
}

}  // namespace barrierfree::geometry::detail
