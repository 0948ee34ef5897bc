// Geometric operations on plan geometry. The heavy ones (Boolean operations,
// validity) are Boost.Geometry instantiated once in src/geometry; the API shows
// only barrierfree's own types (see geometry/types.hpp for the conventions).
#pragma once

#include <barrierfree/geometry/types.hpp>

#include <limits>
#include <optional>
#include <vector>

namespace barrierfree::geometry {

/// Two points closer than this (mm) are the same point.
inline constexpr double tolerance_mm = 0.01;

/// Twice-signed shoelace area / 2: positive for a counter-clockwise ring (mm²).
double signed_area(const Ring& ring);

/// The ring without a repeated closing vertex or repeated consecutive vertices,
/// turned counter-clockwise.
Ring normalised(const Ring& ring);

/// The ring's corners: without the points that, with every point dropped beside them, lie within
/// a micrometre of the straight edge between the corners either side (repeated points too). The
/// same boundary in fewer edges: a wall a survey drew as a hundred collinear pieces costs the
/// geometry one edge, not a hundred, while a gentle curve stays a curve. The ring itself when
/// fewer than three corners would be left.
Ring without_collinear(const Ring& ring);

/// What is wrong with a ring, if anything (validation codes 201–203).
enum class RingProblem {
  none,
  too_few_points,     ///< fewer than 3 distinct vertices
  self_intersecting,  ///< edges cross or touch (including spikes)
  zero_area,          ///< all vertices on a line
};
RingProblem validate_ring(const Ring& ring);

/// The axis-aligned rectangle [x, x+width] × [y, y+depth], counter-clockwise.
Ring rectangle(double x, double y, double width, double depth);

/// The unit vector at `degrees` counter-clockwise from +x, exact for multiples of 90°.
Point2 facing_vector(double degrees);

/// The footprint of a fixture centred at `centre`: `depth` runs along `facing`
/// (degrees), `width` across it. Counter-clockwise.
Ring footprint(Point2 centre, double width, double depth, double facing_degrees);

Box bounds(const Ring& ring);
/// The centre of area of a ring (its first vertex when it has no area).
Point2 centroid(const Ring& ring);

/// True when p is inside the ring or within `tolerance` of its boundary.
bool covers(const Ring& ring, Point2 p, double tolerance = tolerance_mm);

/// Distance from p to the segment.
double distance(Point2 p, const Segment& s);
/// Distance from p to the ring's boundary.
double distance_to_boundary(const Ring& ring, Point2 p);
/// Distance from p to the ring's boundary, negative when p is inside.
double signed_distance(const Ring& ring, Point2 p);
/// The closest point of the ring's boundary to p.
Point2 closest_point_on_boundary(const Ring& ring, Point2 p);
/// Minimum distance between two segments (0 if they intersect).
double distance(const Segment& s, const Segment& t);

/// The edges of a ring as segments, in order.
std::vector<Segment> edges(const Ring& ring);
/// The edge of `ring` nearest to p (of equally near edges the first), skipping edges of no
/// length; nothing for a ring without one.
std::optional<Segment> nearest_edge(const Ring& ring, Point2 p);

/// Area common to two rings (mm²): one clipped by the other (cut into triangles where
/// neither is convex), robust where their edges are collinear only to rounding.
double overlap_area(const Ring& a, const Ring& b);

/// The pieces of boundary that rings a and b share: edges of one lying on
/// edges of the other within `tolerance` (walls have no thickness).
std::vector<Segment> shared_walls(const Ring& a, const Ring& b, double tolerance);

/// `outer` minus the union of `holes` (Boost.Geometry difference).
MultiPolygon difference(const Ring& outer, const std::vector<Ring>& holes);
double area(const MultiPolygon& shape);

/// The largest circle inside `room` that overlaps none of `obstacles`,
/// found to within `precision` mm (the radius found is at most `precision`
/// smaller than the true one). A degenerate room gives radius 0. The search
/// stops early once a circle of radius `enough` is found (when only
/// "does a circle of this size fit?" matters).
Circle largest_inscribed_circle(const Ring& room, const std::vector<Ring>& obstacles,
                                double precision = 0.25,
                                double enough = std::numeric_limits<double>::infinity());

/// The clearance at p: the distance from p to the nearest wall of `room` or
/// obstacle; negative when p is outside the room or inside an obstacle.
double clearance(const Ring& room, const std::vector<Ring>& obstacles, Point2 p);

}  // namespace barrierfree::geometry
