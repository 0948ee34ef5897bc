// Internal geometry for routes: how wide a way is between two openings of a
// room, and the largest circle near an opening.
#pragma once

#include <barrierfree/geometry/types.hpp>

#include <limits>
#include <vector>

namespace barrierfree::geometry {

/// What narrows a passage most: two obstacles and the gap between them.
/// Obstacle indices refer to the `obstacles` argument; wall_a / wall_b are
/// the two walls running between the openings.
struct Pinch {
  static constexpr int wall_a = -1;
  static constexpr int wall_b = -2;
  double width = std::numeric_limits<double>::infinity();
  int first = wall_a;
  int second = wall_b;
  Point2 at;  ///< midpoint of the gap
};

/// The widest way through `room` from opening `a` to opening `b` (segments on
/// the room's boundary): the largest w such that a disc of diameter w can
/// travel between them without crossing a wall or an obstacle. Computed
/// exactly as a minimax chain: the way is as wide as the narrowest gap of the
/// best chain of obstacles linking the wall on one side of the openings to the
/// wall on the other. Walls within `exclusion` of the openings' ends do not
/// count, so that a door's own width is not taken for the passage's.
/// Infinite when nothing can separate the openings.
Pinch passage_width(const Ring& room, const std::vector<Ring>& obstacles, const Segment& a, const Segment& b,
                    double exclusion);

/// The largest circle in `room` clear of `obstacles` (and of `extra`, when given) whose
/// centre lies within `reach` of `anchor` (for the turning space in front of a door);
/// radius 0 if none.
Circle largest_circle_near(const Ring& room, const std::vector<Ring>& obstacles, const Segment& anchor,
                           double reach, double precision = 0.25,
                           double enough = std::numeric_limits<double>::infinity(), const Ring* extra = nullptr);

}  // namespace barrierfree::geometry
