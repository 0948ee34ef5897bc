#include "geometry/clearance_field.hpp"

#include <barrierfree/geometry/operations.hpp>

#include "geometry/point_in_ring.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace barrierfree::geometry {

namespace {

constexpr double sqrt2 = 1.4142135623730951;

bool in_box(const Box& b, Point2 p) { return p.x >= b.min.x && p.x <= b.max.x && p.y >= b.min.y && p.y <= b.max.y; }

/// A linear function f(p) = n·p + k.
struct Linear {
  Point2 n;
  double k;
  [[nodiscard]] double at(Point2 p) const { return dot(n, p) + k; }
};

}  // namespace

ClearanceField::ClearanceField(const Ring& room, const std::vector<Ring>& obstacles) : room_(room), obstacles_(obstacles) {
  std::size_t count = room.size();
  for (const Ring& o : obstacles) count += o.size();
  for (Eigen::ArrayXd* a : {&ax_, &ay_, &ux_, &uy_, &len_}) a->resize(static_cast<Eigen::Index>(count));
  Eigen::Index n = 0;
  auto add = [&](const Ring& r) {
    for (std::size_t i = 0; i < r.size(); ++i) {
      const Point2 a = r[i], b = r[(i + 1) % r.size()];
      const double len = distance(a, b);
      if (!(len > 0)) continue;
      const Point2 unit = (b - a) * (1.0 / len);
      ax_[n] = a.x, ay_[n] = a.y, ux_[n] = unit.x, uy_[n] = unit.y, len_[n] = len;
      ++n;
    }
  };
  add(room);
  for (const Ring& o : obstacles) {
    add(o);
    boxes_.push_back(bounds(o));
  }
  for (Eigen::ArrayXd* a : {&ax_, &ay_, &ux_, &uy_, &len_}) a->conservativeResize(n);  // without zero-length edges
}

bool ClearanceField::inside_free(Point2 p) const {
  if (!detail::inside(room_, p)) return false;
  for (std::size_t i = 0; i < obstacles_.size(); ++i)
    if (in_box(boxes_[i], p) && detail::inside(obstacles_[i], p)) return false;
  return true;
}

double ClearanceField::value(Point2 p) const {
  // All edges at once (Eigen vectorises it), one square root per point.
  if (len_.size() == 0) return inside_free(p) ? std::numeric_limits<double>::max() : -std::numeric_limits<double>::max();
  const double d = std::sqrt(squared_distances(p).minCoeff());
  return inside_free(p) ? d : -d;
}

ClearanceField::Bound ClearanceField::bound(Point2 c, double h, double v) const {
  const Bound lipschitz{v + h * sqrt2, false, c};
  if (v <= h * sqrt2) return lipschitz;  // the cell may reach the boundary
  // Edges that can be nearest somewhere in the cell.
  const double m = std::abs(v);
  // Fixed buffers: this runs for every cell of every search, and allocating here dominated.
  constexpr std::size_t max_near = 6;
  std::array<Linear, max_near> near;
  std::size_t n_near = 0;
  const double reach = m + 2 * h * sqrt2;
  const std::array<Point2, 4> corners = {
      Point2{c.x - h, c.y - h}, Point2{c.x + h, c.y - h}, Point2{c.x + h, c.y + h}, Point2{c.x - h, c.y + h}};
  distances_ = squared_distances(c);
  for (Eigen::Index i = 0; i < len_.size(); ++i) {
    if (distances_[i] > reach * reach) continue;
    const Point2 a{ax_[i], ay_[i]}, unit{ux_[i], uy_[i]};
    // Within the cell the distance must be to the edge's line (every corner
    // projects inside the edge), else it is not linear there.
    for (Point2 q : corners) {
      const double t = dot(q - a, unit);
      if (t < 0 || t > len_[i]) return lipschitz;
    }
    Point2 n = left_normal(unit);
    double k = -dot(n, a);
    if (dot(n, c) + k < 0) {
      n = n * -1.0;
      k = -k;
    }
    if (n_near == max_near) return lipschitz;
    near[n_near++] = {n, k};
  }
  // The clearance over the cell is min of these linear functions (no edge
  // crosses the cell: v > h√2); its maximum is at a corner, where a break
  // line meets the cell's side, or where three of them meet.
  // 4 corners, at most 4 points per pair of lines, 1 per triple: 4 + 15·4 + 20.
  std::array<Point2, 84> candidates;
  std::size_t n_cand = 0;
  for (Point2 q : corners) candidates[n_cand++] = q;
  const double lo_x = c.x - h, hi_x = c.x + h, lo_y = c.y - h, hi_y = c.y + h;
  for (std::size_t i = 0; i < n_near; ++i)
    for (std::size_t j = i + 1; j < n_near; ++j) {
      // Break line: (n_i - n_j)·p + (k_i - k_j) = 0.
      const Point2 dn = near[i].n - near[j].n;
      const double dk = near[i].k - near[j].k;
      if (std::abs(dn.y) > 1e-12)
        for (double x : {lo_x, hi_x}) {
          const double y = -(dn.x * x + dk) / dn.y;
          if (y >= lo_y && y <= hi_y) candidates[n_cand++] = {x, y};
        }
      if (std::abs(dn.x) > 1e-12)
        for (double y : {lo_y, hi_y}) {
          const double x = -(dn.y * y + dk) / dn.x;
          if (x >= lo_x && x <= hi_x) candidates[n_cand++] = {x, y};
        }
      for (std::size_t k = j + 1; k < n_near; ++k) {
        const Point2 dm = near[i].n - near[k].n;
        const double dl = near[i].k - near[k].k;
        const double det = cross(dn, dm);
        if (std::abs(det) < 1e-12) continue;
        const Point2 p{(-dk * dm.y + dl * dn.y) / det, (-dn.x * dl + dm.x * dk) / det};
        if (p.x >= lo_x && p.x <= hi_x && p.y >= lo_y && p.y <= hi_y) candidates[n_cand++] = p;
      }
    }
  Bound best{-std::numeric_limits<double>::max(), true, c};
  for (std::size_t ci = 0; ci < n_cand; ++ci) {
    const Point2 p = candidates[ci];
    double f = std::numeric_limits<double>::max();
    for (std::size_t li = 0; li < n_near; ++li) f = std::min(f, near[li].at(p));
    if (f > best.value) best = {f, true, p};
  }
  // Guard against rounding: never above the generic bound.
  best.value = std::min(lipschitz.value, best.value + 1e-9);
  return best;
}

}  // namespace barrierfree::geometry
