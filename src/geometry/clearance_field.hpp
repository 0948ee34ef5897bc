// Internal: the clearance of a room with obstacles (distance to the nearest
// wall or obstacle, negative outside the free floor) and a tight upper bound
// of it over a square cell, for the turning-circle searches.
//
// The bound is what makes the searches fast: along a corridor the clearance
// is constant on a long "ridge" between two parallel walls, and the generic
// Lipschitz bound (value at the centre + half-diagonal) never lets a cell on
// the ridge go, so the search refines the whole ridge down to the precision.
// Where only straight edges can be nearest anywhere in a cell, the clearance
// there is the minimum of linear functions and its maximum over the cell is
// computed exactly, which lets such cells go at once.
#pragma once

#include <barrierfree/geometry/types.hpp>

#include <vector>

namespace barrierfree::geometry {

class ClearanceField {
 public:
  ClearanceField(const Ring& room, const std::vector<Ring>& obstacles);

  /// Distance to the nearest wall or obstacle; negative outside the room or inside an obstacle.
  [[nodiscard]] double value(Point2 p) const;
  /// An upper bound of value() over the square of half-size h centred at c,
  /// and, where it is exact, a point of the square where value() attains it.
  /// `at_c` is value(c), which the search has already computed.
  struct Bound {
    double value;
    bool exact;
    Point2 at;
  };
  [[nodiscard]] Bound bound(Point2 c, double h, double at_c) const;

 private:
  struct Edge {
    Point2 a, b;
    Point2 unit;   ///< along the edge
    double length;
  };
  const Ring& room_;
  const std::vector<Ring>& obstacles_;
  std::vector<Edge> edges_;
  std::vector<Box> boxes_;  ///< of the obstacles

  [[nodiscard]] bool inside_free(Point2 p) const;
};

}  // namespace barrierfree::geometry
