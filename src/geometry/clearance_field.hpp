// Internal: the clearance of a room with obstacles (distance to the nearest
// wall or obstacle, negative outside the free floor), and the search for its
// largest value: the largest turning circle of a room, or near a door.
//
// The search is a branch and bound over square cells (the "pole of
// inaccessibility" search) in a form whose result does not depend on the plan's
// orientation: the grid is symmetric about the box's centre and cells are refined
// in whole rounds, so turning or mirroring a plan by quarter turns maps the cells
// evaluated onto each other exactly.
//
// Two things make it fast:
//  * An exact bound. No wall or obstacle crosses a cell whose centre is farther
//    from them than the cell's half-diagonal, and there the clearance is the least
//    of a few distances, to straight edges and to their end points; its maximum
//    over the cell is computed exactly (clearance_field.cpp), so such a cell needs
//    no closer look. The generic bound (the value at the centre plus the
//    half-diagonal) never lets a cell on a ridge go (along a corridor the
//    clearance is the same all along the middle), nor one near a fixture's corner,
//    and would refine both down to the precision.
//  * Sides known from the parent. A cell whose centre lies within its parent's
//    clearance is on the parent's side of every wall and obstacle, so the
//    point-in-polygon test is needed only near the boundary.
#pragma once

#include <barrierfree/geometry/types.hpp>

#include <Eigen/Core>

#include <limits>
#include <vector>

namespace barrierfree::geometry {

class CellSites;

class ClearanceField {
 public:
  /// The room's clearance with `obstacles` and, when given, one `extra` obstacle (the
  /// swing of a door, say); all are referred to, not copied.
  ClearanceField(const Ring& room, const std::vector<Ring>& obstacles, const Ring* extra = nullptr);

  /// Distance to the nearest wall or obstacle; negative outside the room or inside an obstacle.
  [[nodiscard]] double value(Point2 p) const;

  /// Where a circle's centre may be: within `distance` of `anchor` (a door's opening).
  struct Reach {
    Segment anchor;
    double distance;
  };
  /// The largest circle clear of walls and obstacles with its centre in `box` (and in
  /// `reach`, when given), to within `precision` of its radius; the search stops as soon
  /// as one of radius `enough` is found. Radius 0 where there is none.
  [[nodiscard]] Circle largest(Box box, double precision,
                               double enough = std::numeric_limits<double>::infinity(),
                               const Reach* reach = nullptr) const;

 private:
  struct Cell {
    Point2 c;
    double clearance;  ///< signed, as value()
    double value;      ///< what is maximised: the clearance, -inf out of reach
    double to_anchor;  ///< distance from c to the reach's anchor (0 without a reach)
  };
  struct Bound {
    double value;      ///< at least the clearance anywhere in the cell
    bool exact;        ///< the cell's largest clearance is at `at`
    Point2 at;
    double at_value;   ///< the clearance at `at`, when exact
  };
  /// The cell centred at c. One within `step` of a parent cell's centre whose clearance
  /// was `parent` is on the parent's side of the boundary when |parent| > step.
  [[nodiscard]] Cell make_cell(Point2 c, double parent, double step) const;
  /// An upper bound of the clearance over the cell of half-size h (`sites`: scratch).
  [[nodiscard]] Bound bound(const Cell& cell, double h, CellSites& sites) const;
  [[nodiscard]] bool inside_free(Point2 p) const;

  const Ring& room_;
  const std::vector<Ring>& obstacles_;
  const Ring* extra_;
  std::vector<Box> boxes_;  ///< of the obstacles, then of `extra`
  /// The edges of the room and the obstacles, by coordinate (for Eigen): start a,
  /// unit vector u along the edge, length.
  Eigen::ArrayXd ax_, ay_, ux_, uy_, len_;
  mutable Eigen::ArrayXd distances_;  ///< bound()'s scratch, allocated once

  /// The squared distances from p to every edge (t = clamp((p - a)·u, 0, length),
  /// |p - (a + u t)|²), as an expression: evaluated in one vectorised pass without
  /// allocating.
  [[nodiscard]] auto squared_distances(Point2 p) const {
    const auto t = ((p.x - ax_) * ux_ + (p.y - ay_) * uy_).max(0.0).min(len_);
    return (p.x - (ax_ + ux_ * t)).square() + (p.y - (ay_ + uy_ * t)).square();
  }
};

}  // namespace barrierfree::geometry
