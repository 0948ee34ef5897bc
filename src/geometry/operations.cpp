#include <barrierfree/geometry/operations.hpp>

#include "geometry/bg_adapt.hpp"
#include "geometry/clearance_field.hpp"
#include "geometry/crossing.hpp"
#include "geometry/point_in_ring.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bg = boost::geometry;

namespace barrierfree::geometry {

double signed_area(const Ring& ring) {
  const std::size_t n = ring.size();
  if (n < 3) return 0.0;
  // Shoelace relative to the first vertex: exact for rings far from the origin.
  double twice = 0.0;
  const Point2 o = ring[0];
  for (std::size_t i = 1; i + 1 < n; ++i) twice += cross(ring[i] - o, ring[i + 1] - o);
  return twice / 2.0;
}

Point2 centroid(const Ring& ring) {
  if (ring.empty()) return {};
  // Triangles fanned from the first vertex, as signed_area, so far from the origin too.
  const Point2 o = ring[0];
  double twice = 0, cx = 0, cy = 0;
  for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
    const Point2 a = ring[i] - o, b = ring[i + 1] - o;
    const double t = cross(a, b);
    twice += t;
    cx += t * (a.x + b.x);
    cy += t * (a.y + b.y);
  }
  if (std::abs(twice) < 1e-12) return o;
  return {o.x + cx / (3 * twice), o.y + cy / (3 * twice)};
}

Ring normalised(const Ring& ring) {
  Ring out;
  out.reserve(ring.size());
  for (const Point2& p : ring)
    if (out.empty() || distance(out.back(), p) > tolerance_mm) out.push_back(p);
  while (out.size() > 1 && distance(out.front(), out.back()) <= tolerance_mm) out.pop_back();
  if (signed_area(out) < 0) std::reverse(out.begin(), out.end());
  return out;
}

Ring without_collinear(const Ring& ring) {
  // A point goes only when every point between the corners on either side of it, the ones
  // dropped before it too, lies within a micrometre of the straight edge joining those corners,
  // so that what is dropped never drifts along a gentle curve. Each dropped point d allows the
  // edge from the corner a only the directions whose line passes within the tolerance of d (an
  // angle of ±asin(tolerance / |d − a|) about its own): the edge may go on to the next point
  // while that point's direction is in every dropped point's range ("sleeve fitting"), one
  // step per point however long the wall.
  constexpr double tolerance = 1e-3;  // mm
  constexpr double pi = 3.14159265358979323846;
  const std::size_t n = ring.size();
  if (n < 4) return ring;
  const auto angle = [](Point2 v) { return std::atan2(v.y, v.x); };
  const auto turn = [](double from, double to) {  // to − from, in (−π, π]
    return std::remainder(to - from, 2 * pi);
  };
  std::vector<std::size_t> kept{0};
  std::size_t end = 1;    // the point the current edge reaches, a corner unless the next extends it
  std::size_t first = 1;  // the first point after the current corner: its direction is the angles' base
  // The angles are taken only for an edge that may go on, so that a ring of true corners (a
  // room, a fixture: the geometry's every call) costs no trigonometry.
  double base = 0, lo = -pi, hi = pi, reach = 0;
  bool base_taken = false;
  const auto constrain = [&](Point2 a, Point2 d) {
    const double r = distance(a, d);
    reach = std::max(reach, r);
    if (r <= tolerance) return;  // any direction passes that close
    const double at = turn(base, angle(d - a)), w = std::asin(tolerance / r);
    lo = std::max(lo, at - w);
    hi = std::min(hi, at + w);
  };
  for (std::size_t j = 2; j <= n; ++j) {  // j == n: back to the first point, closing the ring
    const Point2 a = ring[kept.back()], e = ring[end], p = ring[j % n];
    const double r = distance(a, p), r_e = distance(a, e);
    // e can go only if the line from a to p passes within the tolerance of e: a cross product
    // tells most corners (with a margin for rounding, so that it never refuses what the angles take).
    bool straight = !(r > 0 && std::abs(cross(p - a, e - a)) > r * (tolerance * (1 + 1e-6) + 1e-12 * r_e));
    if (straight) {
      if (!base_taken) base = angle(ring[first] - a), base_taken = true;
      const double at = r > 0 ? turn(base, angle(p - a)) : 0;
      // e may go when, with it, p is still within every dropped point's range and beyond them.
      const double w_e = r_e > tolerance ? std::asin(tolerance / r_e) : pi;
      const double at_e = r_e > 0 ? turn(base, angle(e - a)) : 0;
      straight = r >= std::max(reach, r_e) - tolerance && at >= std::max(lo, at_e - w_e) && at <= std::min(hi, at_e + w_e);
    }
    if (straight) {
      constrain(a, e);
    } else {
      kept.push_back(end);
      first = j % n;
      base_taken = false;
      lo = -pi, hi = pi, reach = 0;
    }
    end = j % n;
  }
  // The first point is a corner unless it lies within the tolerance of the edge joining the
  // corners either side of it (checked point by point: once, and the run is short).
  if (kept.size() > 3) {
    const std::size_t last = kept.back(), next = kept[1];
    bool on_edge = true;
    for (std::size_t k = last + 1; k <= n + next - 1 && on_edge; ++k)
      on_edge = distance(ring[k % n], Segment{ring[last], ring[next]}) <= tolerance;
    if (on_edge) kept.erase(kept.begin());
  }
  if (kept.size() < 3) return ring;  // all on one line: a degenerate ring is reported, not reshaped
  Ring out;
  out.reserve(kept.size());
  for (std::size_t i : kept) out.push_back(ring[i]);
  return out;
}

namespace {

/// An axis-aligned rectangle at least a millimetre each way and within a kilometre of
/// the origin (where its corners are exact to far below that): valid by construction.
/// Most rooms are drawn so, and Boost.Geometry's validity check was most of validating them.
bool plain_rectangle(const Ring& r) {
  constexpr double exact_within = 1e6;
  if (r.size() != 4) return false;
  for (const Point2& p : r)
    if (std::abs(p.x) > exact_within || std::abs(p.y) > exact_within) return false;
  auto side = [&](std::size_t i, bool along_x) {
    const Point2 a = r[i], b = r[(i + 1) % 4];
    return along_x ? a.y == b.y && std::abs(b.x - a.x) >= 1 : a.x == b.x && std::abs(b.y - a.y) >= 1;
  };
  for (bool first_along_x : {true, false})
    if (side(0, first_along_x) && side(1, !first_along_x) && side(2, first_along_x) && side(3, !first_along_x))
      return true;
  return false;
}

}  // namespace

RingProblem validate_ring(const Ring& ring) {
  const Ring r = normalised(ring);
  if (plain_rectangle(r)) return RingProblem::none;
  if (r.size() < 3) return RingProblem::too_few_points;
  // All vertices on one line: no area, whatever Boost.Geometry calls it.
  Point2 a = r[0], b = r[0];
  for (const Point2& p : r)
    if (barrierfree::distance(a, p) > barrierfree::distance(a, b)) b = p;
  const double len = barrierfree::distance(a, b);
  bool collinear = true;
  for (const Point2& p : r)
    if (std::abs(cross(b - a, p - a)) / len > tolerance_mm) {
      collinear = false;
      break;
    }
  if (collinear) return RingProblem::zero_area;
  Polygon poly{r, {}};
  bg::validity_failure_type failure = bg::no_failure;
  if (!bg::is_valid(poly, failure)) {
    if (failure == bg::failure_few_points) return RingProblem::too_few_points;
    return RingProblem::self_intersecting;
  }
  // Less than a square millimetre is no room at all.
  if (std::abs(signed_area(r)) < 1.0) return RingProblem::zero_area;
  return RingProblem::none;
}

Ring rectangle(double x, double y, double width, double depth) {
  return {{x, y}, {x + width, y}, {x + width, y + depth}, {x, y + depth}};
}

Point2 facing_vector(double degrees) {
  // Exact axes for the common multiples of 90°, so that plans drawn square
  // stay exactly square.
  double a = std::fmod(degrees, 360.0);
  if (a < 0) a += 360.0;
  if (a == 0.0) return {1, 0};
  if (a == 90.0) return {0, 1};
  if (a == 180.0) return {-1, 0};
  if (a == 270.0) return {0, -1};
  return direction(a);
}

Ring footprint(Point2 centre, double width, double depth, double facing_degrees) {
  const Point2 along = facing_vector(facing_degrees);
  const Point2 across = left_normal(along);
  const Point2 d = along * (depth / 2.0);
  const Point2 w = across * (width / 2.0);
  // Counter-clockwise: back-right, front-right, front-left, back-left.
  return {centre - d - w, centre + d - w, centre + d + w, centre - d + w};
}

Box bounds(const Ring& ring) {
  Box b{{std::numeric_limits<double>::max(), std::numeric_limits<double>::max()},
        {std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()}};
  for (const Point2& p : ring) {
    b.min.x = std::min(b.min.x, p.x);
    b.min.y = std::min(b.min.y, p.y);
    b.max.x = std::max(b.max.x, p.x);
    b.max.y = std::max(b.max.y, p.y);
  }
  return b;
}

double distance(Point2 p, const Segment& s) {
  const Point2 d = s.b - s.a;
  const double len2 = dot(d, d);
  if (len2 <= 0) return barrierfree::distance(p, s.a);
  const double t = std::clamp(dot(p - s.a, d) / len2, 0.0, 1.0);
  return barrierfree::distance(p, s.a + d * t);
}

namespace {

Point2 closest_on_segment(Point2 p, Point2 a, Point2 b) {
  const Point2 d = b - a;
  const double len2 = dot(d, d);
  if (len2 <= 0) return a;
  const double t = std::clamp(dot(p - a, d) / len2, 0.0, 1.0);
  return a + d * t;
}

double squared_distance_to_boundary(const Ring& ring, Point2 p) {
  double best = std::numeric_limits<double>::max();
  const std::size_t n = ring.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Point2 c = closest_on_segment(p, ring[j], ring[i]);
    const Point2 d = p - c;
    best = std::min(best, dot(d, d));
  }
  return best;
}

}  // namespace

double distance(const Segment& s, const Segment& t) {
  if (detail::segments_cross(s, t)) return 0.0;
  return std::min({distance(s.a, t), distance(s.b, t), distance(t.a, s), distance(t.b, s)});
}

double distance_to_boundary(const Ring& ring, Point2 p) {
  if (ring.empty()) return std::numeric_limits<double>::max();
  return std::sqrt(squared_distance_to_boundary(ring, p));
}

double signed_distance(const Ring& ring, Point2 p) {
  const double d = distance_to_boundary(ring, p);
  return detail::inside(ring, p) ? -d : d;
}

Point2 closest_point_on_boundary(const Ring& ring, Point2 p) {
  Point2 best = ring.empty() ? p : ring.front();
  double best_d = std::numeric_limits<double>::max();
  const std::size_t n = ring.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Point2 c = closest_on_segment(p, ring[j], ring[i]);
    const double d = barrierfree::distance(p, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

bool covers(const Ring& ring, Point2 p, double tolerance) {
  if (ring.size() < 3) return false;
  return detail::inside(ring, p) || distance_to_boundary(ring, p) <= tolerance;
}

std::vector<Segment> edges(const Ring& ring) {
  std::vector<Segment> out;
  const std::size_t n = ring.size();
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back({ring[i], ring[(i + 1) % n]});
  return out;
}

std::optional<Segment> nearest_edge(const Ring& ring, Point2 p) {
  std::optional<Segment> best;
  double best_d = std::numeric_limits<double>::max();
  for (const Segment& e : edges(ring))
    if (const double d = distance(p, e); d < best_d && e.length() > 0) {
      best_d = d;
      best = e;
    }
  return best;
}

namespace {

// Overlap by clipping, not by Boost.Geometry's intersection: two rooms that share a
// wall drawn at 30° have edges that are collinear only to rounding, and there the
// intersection (Boost 1.74) could find no crossing and take one room for inside the
// other, reporting its whole area as overlap. Clipping a polygon by a convex one
// (Sutherland-Hodgman) only ever cuts between two vertices on opposite sides of a
// line, so rounding can cost a sliver of area, never a room.

bool convex(const Ring& r) {  // r counter-clockwise, no repeated vertices
  const std::size_t n = r.size();
  for (std::size_t i = 0; i < n; ++i)
    if (cross(r[(i + 1) % n] - r[i], r[(i + 2) % n] - r[(i + 1) % n]) < 0) return false;
  return true;
}

/// The part of `subject` on the left of the line a→b.
Ring clip_left(const Ring& subject, Point2 a, Point2 b) {
  Ring out;
  const Point2 u = b - a;
  const std::size_t n = subject.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Point2 p = subject[i], q = subject[(i + 1) % n];
    const double dp = cross(u, p - a), dq = cross(u, q - a);
    if (dp >= 0) out.push_back(p);
    if ((dp >= 0) != (dq >= 0)) out.push_back(p + (q - p) * (dp / (dp - dq)));
  }
  return out;
}

/// Area of `subject` (any simple ring) inside the convex counter-clockwise `clip`. The clipped
/// ring may run along itself where the subject is not convex; those runs enclose no area.
double area_inside(Ring subject, const Ring& clip) {
  for (std::size_t i = 0; i < clip.size() && subject.size() >= 3; ++i)
    subject = clip_left(subject, clip[i], clip[(i + 1) % clip.size()]);
  return std::abs(signed_area(subject));
}

double boost_overlap(const Ring& a, const Ring& b) {
  const Polygon pa{a, {}}, pb{b, {}};
  MultiPolygon out;
  bg::intersection(pa, pb, out);
  return bg::area(out);
}

/// A counter-clockwise simple ring cut into triangles (ear clipping); what no ear
/// can be cut from (a ring that is not simple after all) is left in `r`.
std::vector<Ring> triangles(Ring& r) {
  std::vector<Ring> out;
  auto inside_triangle = [](Point2 p, Point2 a, Point2 b, Point2 c) {
    return cross(b - a, p - a) > 0 && cross(c - b, p - b) > 0 && cross(a - c, p - c) > 0;
  };
  while (r.size() > 3) {
    const std::size_t n = r.size();
    bool cut = false;
    for (std::size_t i = 0; i < n && !cut; ++i) {
      const Point2 a = r[(i + n - 1) % n], b = r[i], c = r[(i + 1) % n];
      const double turn = cross(b - a, c - b);
      if (turn < 0) continue;  // a reflex corner is no ear
      bool ear = true;
      for (std::size_t j = 0; j < n && ear; ++j)
        if (j != i && j != (i + 1) % n && j != (i + n - 1) % n && inside_triangle(r[j], a, b, c)) ear = false;
      if (!ear) continue;
      if (turn > 0) out.push_back({a, b, c});  // a straight corner only leaves the ring
      r.erase(r.begin() + static_cast<std::ptrdiff_t>(i));
      cut = true;
    }
    if (!cut) return out;
  }
  if (r.size() == 3) out.push_back(r);
  r.clear();
  return out;
}

}  // namespace

double overlap_area(const Ring& a, const Ring& b) {
  Ring ra = normalised(a), rb = normalised(b);
  if (ra.size() < 3 || rb.size() < 3) return 0.0;
  const Box ba = bounds(ra), bb = bounds(rb);
  if (ba.max.x <= bb.min.x || bb.max.x <= ba.min.x || ba.max.y <= bb.min.y || bb.max.y <= ba.min.y) return 0.0;
  if (!convex(rb) && convex(ra)) std::swap(ra, rb);
  if (convex(rb)) return area_inside(ra, rb);
  double sum = 0;
  for (const Ring& t : triangles(rb)) sum += area_inside(ra, t);
  if (!rb.empty()) sum += boost_overlap(ra, rb);
  return sum;
}

std::vector<Segment> shared_walls(const Ring& a, const Ring& b, double tolerance) {
  std::vector<Segment> out;
  for (const Segment& e : edges(a)) {
    const double len = e.length();
    if (len <= tolerance_mm) continue;
    const Point2 u = (e.b - e.a) * (1.0 / len);
    for (const Segment& f : edges(b)) {
      if (std::abs(cross(u, f.a - e.a)) > tolerance || std::abs(cross(u, f.b - e.a)) > tolerance)
        continue;
      const double ta = dot(u, f.a - e.a), tb = dot(u, f.b - e.a);
      const double lo = std::max(0.0, std::min(ta, tb));
      const double hi = std::min(len, std::max(ta, tb));
      if (hi - lo > tolerance_mm) out.push_back({e.a + u * lo, e.a + u * hi});
    }
  }
  return out;
}

MultiPolygon difference(const Ring& outer, const std::vector<Ring>& holes) {
  MultiPolygon result{Polygon{normalised(outer), {}}};
  for (const Ring& h : holes) {
    const Polygon hp{normalised(h), {}};
    MultiPolygon next;
    bg::difference(result, hp, next);
    result = std::move(next);
  }
  return result;
}

double area(const MultiPolygon& shape) { return bg::area(shape); }

double clearance(const Ring& room, const std::vector<Ring>& obstacles, Point2 p) {
  double d = -signed_distance(room, p);
  for (const Ring& o : obstacles) {
    if (d <= 0) break;
    d = std::min(d, signed_distance(o, p));
  }
  return d;
}

Circle largest_inscribed_circle(const Ring& room, const std::vector<Ring>& obstacles,
                                double precision, double enough) {
  // The clearance is 1-Lipschitz: the pole of inaccessibility by cell search.
  if (room.size() < 3) return {};
  const Box b = bounds(room);
  const ClearanceField field(room, obstacles);
  return field.largest(b, precision, enough);
}

}  // namespace barrierfree::geometry
