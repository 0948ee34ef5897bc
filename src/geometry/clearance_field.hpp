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

#include <Eigen/Core>

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
  const Ring& room_;
  const std::vector<Ring>& obstacles_;
  std::vector<Box> boxes_;  ///< of the obstacles
  /// The edges of the room and the obstacles, by coordinate (for Eigen): start a,
  /// unit vector u along the edge, length.
  Eigen::ArrayXd ax_, ay_, ux_, uy_, len_;
  mutable Eigen::ArrayXd distances_;        ///< bound()'s scratch, allocated once

  /// The squared distances from p to every edge (t = clamp((p - a)·u, 0, length),
  /// |p - (a + u t)|²), as an expression: evaluated in one vectorised pass without
  /// allocating.
  [[nodiscard]] auto squared_distances(Point2 p) const {
    const auto t = ((p.x - ax_) * ux_ + (p.y - ay_) * uy_).max(0.0).min(len_);
    return (p.x - (ax_ + ux_ * t)).square() + (p.y - (ay_ + uy_ * t)).square();
  }

  [[nodiscard]] bool inside_free(Point2 p) const;
};

}  // namespace barrierfree::geometry
