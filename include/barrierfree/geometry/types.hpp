// Plane geometry value types.
//
// Conventions (the same everywhere in barrierfree):
//  * coordinates are millimetres, x to the right and y up (a plan seen from above);
//  * angles are degrees counter-clockwise from +x;
//  * a Ring is a simple closed curve given by its vertices, *open* (the first
//    vertex is not repeated at the end); rings produced by barrierfree are
//    counter-clockwise, holes clockwise;
//  * two points closer than geometry::tolerance_mm (0.01 mm) are the same point.
#pragma once

#include <cmath>
#include <vector>

namespace barrierfree {

/// A point or vector in the plan, in millimetres.
struct Point2 {
  double x = 0.0;
  double y = 0.0;

  friend constexpr Point2 operator+(Point2 a, Point2 b) { return {a.x + b.x, a.y + b.y}; }
  friend constexpr Point2 operator-(Point2 a, Point2 b) { return {a.x - b.x, a.y - b.y}; }
  friend constexpr Point2 operator*(Point2 a, double k) { return {a.x * k, a.y * k}; }
  friend constexpr Point2 operator*(double k, Point2 a) { return {a.x * k, a.y * k}; }
  friend constexpr bool operator==(Point2, Point2) = default;
};

constexpr double dot(Point2 a, Point2 b) { return a.x * b.x + a.y * b.y; }
/// z of the 3-D cross product: > 0 when b is counter-clockwise of a.
constexpr double cross(Point2 a, Point2 b) { return a.x * b.y - a.y * b.x; }
// Plan coordinates are millimetres (|x| far below 1e150): the plain formula is exact enough
// and several times faster than std::hypot, which guards against overflow we cannot have.
inline double norm(Point2 a) { return std::sqrt(a.x * a.x + a.y * a.y); }
inline double distance(Point2 a, Point2 b) { return norm(a - b); }
/// The unit vector at `degrees` counter-clockwise from +x.
inline Point2 direction(double degrees) {
  const double r = degrees * 3.14159265358979323846 / 180.0;
  return {std::cos(r), std::sin(r)};
}
/// a rotated by +90 degrees.
constexpr Point2 left_normal(Point2 a) { return {-a.y, a.x}; }

/// A straight segment from a to b.
struct Segment {
  Point2 a;
  Point2 b;
  [[nodiscard]] double length() const { return distance(a, b); }
  friend constexpr bool operator==(const Segment&, const Segment&) = default;
};

/// An open ring of vertices (see the conventions above).
using Ring = std::vector<Point2>;

/// A polygon: a counter-clockwise outer ring and clockwise holes.
struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
  friend bool operator==(const Polygon&, const Polygon&) = default;
};

using MultiPolygon = std::vector<Polygon>;

/// A circle (a wheelchair turning space, for instance).
struct Circle {
  Point2 centre;
  double radius = 0.0;
  [[nodiscard]] double diameter() const { return 2.0 * radius; }
};

/// An axis-aligned box.
struct Box {
  Point2 min;
  Point2 max;
};

}  // namespace barrierfree
