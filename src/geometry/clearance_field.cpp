#include "geometry/clearance_field.hpp"

#include <barrierfree/geometry/operations.hpp>

#include "geometry/point_in_ring.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace barrierfree::geometry {

namespace {

constexpr double sqrt2 = 1.4142135623730951;
constexpr double minus_inf = -std::numeric_limits<double>::infinity();

bool in_box(const Box& b, Point2 p) { return p.x >= b.min.x && p.x <= b.max.x && p.y >= b.min.y && p.y <= b.max.y; }

/// A linear function f(p) = n·p + k; {f = 0} is a line.
struct Linear {
  Point2 n;
  double k;
  [[nodiscard]] double at(Point2 p) const { return dot(n, p) + k; }
};

/// What the clearance is a distance to, somewhere in a cell: a line (`line.at(p)`, n a
/// unit vector, positive on the cell's side) or a point.
struct Site {
  bool is_point;
  Point2 p;
  Linear line;
  Point2 a, u;  ///< a line site's edge: from a along u over `len`
  double len = 0;
  /// An upper bound of the clearance at q: the distance to this site where it is a
  /// distance to the edge (at least that), else nothing.
  [[nodiscard]] double upper(Point2 q) const {
    if (is_point) return distance(q, p);
    const double t = dot(q - a, u);
    return t >= 0 && t <= len ? line.at(q) : std::numeric_limits<double>::infinity();
  }
};

/// A line as o + s·d (|d| = 1), o the point of it nearest `near`; false for no line.
bool parametrise(const Linear& l, Point2 near, Point2& o, Point2& d) {
  const double nn = dot(l.n, l.n);
  if (!(nn > 1e-24)) return false;
  const double len = std::sqrt(nn);
  d = {-l.n.y / len, l.n.x / len};
  o = near - l.n * (l.at(near) / nn);
  return true;
}

/// Where two sites are equally far, when that is a line: two lines (their bisector
/// n_a·p + k_a = n_b·p + k_b) or two points (the perpendicular bisector).
std::optional<Linear> break_line(const Site& a, const Site& b) {
  if (!a.is_point && !b.is_point) return Linear{a.line.n - b.line.n, a.line.k - b.line.k};
  if (a.is_point && b.is_point) return Linear{(b.p - a.p) * 2.0, dot(a.p, a.p) - dot(b.p, b.p)};
  return std::nullopt;
}

/// The points of the line o + s·d where sites a and b are equally far: one for a line
/// break, up to two where a line site meets a point site (their break is a parabola).
template <class Out>
void meet(const Site& a, const Site& b, Point2 o, Point2 d, Out&& out) {
  if (const auto l = break_line(a, b)) {
    const double den = dot(l->n, d);
    if (std::abs(den) > 1e-12 * std::sqrt(dot(l->n, l->n))) out(o + d * (-l->at(o) / den));
    return;
  }
  const Site& line = a.is_point ? b : a;
  const Point2 w = o - (a.is_point ? a.p : b.p);
  // |o + s·d - P|² = (α + s·β)²
  const double alpha = line.line.at(o), beta = dot(line.line.n, d);
  const double qa = 1 - beta * beta, qb = 2 * (dot(w, d) - alpha * beta), qc = dot(w, w) - alpha * alpha;
  if (std::abs(qa) < 1e-12) {
    if (std::abs(qb) > 1e-12) out(o + d * (-qc / qb));
    return;
  }
  const double disc = qb * qb - 4 * qa * qc;
  if (disc < 0) return;
  // The stable form of the two roots.
  const double q = -(qb + std::copysign(std::sqrt(disc), qb)) / 2;
  out(o + d * (q / qa));
  if (q != 0) out(o + d * (qc / q));
}

}  // namespace

/// The clearance over one square cell that no edge crosses, as the minimum of distances
/// to sites (lines and points), and the points where its maximum over the cell may be:
/// the cell's corners, where the lines that split the cell between a line site and an
/// end point cross each other or the cell's sides, where a break between two sites
/// crosses either, and where three sites are equally far. Inside a piece of the cell
/// where one site is nearest, the clearance is linear or a point's distance, with no
/// maximum inside; along a break it is linear (two lines), convex (two points) or grows
/// away from the parabola's vertex (a line and a point): so the maximum is at one of
/// these points, and the bound is exact.
class CellSites {
 public:
  /// Empty, for the cell at c of half-size h (one object serves a search's cells in turn:
  /// its arrays are not cleared, only counted from zero).
  void reset(Point2 c, double h) {
    c_ = c;
    h_ = h;
    n_edges_ = n_sites_ = n_splits_ = 0;
    // The cell's sides as lines.
    splits_[n_splits_++] = {{1, 0}, -(c.x - h)};
    splits_[n_splits_++] = {{1, 0}, -(c.x + h)};
    splits_[n_splits_++] = {{0, 1}, -(c.y - h)};
    splits_[n_splits_++] = {{0, 1}, -(c.y + h)};
  }

  /// Adds the edge from a along unit vector u over length len; false when the cell is
  /// beyond what this exact bound handles (too many sites, or a line whose side is unclear).
  bool add_edge(Point2 a, Point2 u, double len) {
    if (n_edges_ == max_edges) return false;
    edges_[n_edges_++] = {a, u, len};
    const double tc = dot(c_ - a, u), spread = h_ * (std::abs(u.x) + std::abs(u.y));
    const double tmin = tc - spread, tmax = tc + spread;
    if (tmax >= 0 && tmin <= len) {
      Linear l{left_normal(u), 0};
      l.k = -dot(l.n, a);
      const double lc = l.at(c_), across = h_ * (std::abs(l.n.x) + std::abs(l.n.y));
      // The line may cross the cell only beyond the edge's ends (no edge crosses it):
      // then which side of the line the edge's own part of the cell is on is not simply known.
      if (std::abs(lc) <= across) return false;
      if (lc < 0) l = {l.n * -1.0, -l.k};
      if (!add_site({false, {}, l, a, u, len})) return false;
    }
    // Beyond an end, the end point is nearest; the line through it across the edge
    // separates the two.
    if (tmin < 0) {
      if (!add_site({true, a, {}, {}, {}, 0})) return false;
      if (tmax > 0 && !add_split({u, -dot(u, a)})) return false;
    }
    if (tmax > len) {
      const Point2 b = a + u * len;
      if (!add_site({true, b, {}, {}, {}, 0})) return false;
      if (tmin < len && !add_split({u, -dot(u, b)})) return false;
    }
    return true;
  }

  /// The true clearance at p in the cell: the distance to the nearest of the edges.
  [[nodiscard]] double clearance(Point2 p) const {
    double best = std::numeric_limits<double>::max();
    for (std::size_t i = 0; i < n_edges_; ++i) {
      const Edge& e = edges_[i];
      const double t = std::clamp(dot(p - e.a, e.u), 0.0, e.len);
      const Point2 q = e.a + e.u * t;
      best = std::min(best, dot(p - q, p - q));
    }
    return std::sqrt(best);
  }

  template <class F>
  void for_each_candidate(F&& f) const {
    const double eps = 1e-9 * (1 + std::abs(c_.x) + std::abs(c_.y) + h_);
    const Site* on = nullptr;  // a site the candidates being made are equally far from
    const auto consider = [&](Point2 p) {
      if (!(std::abs(p.x - c_.x) <= h_ + eps && std::abs(p.y - c_.y) <= h_ + eps)) return;
      p = {std::clamp(p.x, c_.x - h_, c_.x + h_), std::clamp(p.y, c_.y - h_, c_.y + h_)};
      f(p, on ? on->upper(p) : std::numeric_limits<double>::infinity());
    };
    for (Point2 q : {Point2{c_.x - h_, c_.y - h_}, Point2{c_.x + h_, c_.y - h_}, Point2{c_.x + h_, c_.y + h_},
                     Point2{c_.x - h_, c_.y + h_}})
      f(q, std::numeric_limits<double>::infinity());
    // The splitting lines as o + s·d, and with each other (the cell's sides with each
    // other are its corners).
    std::array<Point2, max_splits> so, sd;
    std::size_t n_lines = 0;
    for (std::size_t i = 0; i < n_splits_; ++i) {
      if (!parametrise(splits_[i], c_, so[n_lines], sd[n_lines])) continue;
      if (i >= 4)
        for (std::size_t j = 0; j < i; ++j) {
          const double den = dot(splits_[j].n, sd[n_lines]);
          if (std::abs(den) > 1e-12) consider(so[n_lines] + sd[n_lines] * (-splits_[j].at(so[n_lines]) / den));
        }
      ++n_lines;
    }
    Point2 o, d;
    for (std::size_t i = 0; i < n_sites_; ++i)
      for (std::size_t j = i + 1; j < n_sites_; ++j) {
        on = &sites_[i];
        // A break with the splitting lines and the cell's sides.
        for (std::size_t s = 0; s < n_lines; ++s) meet(sites_[i], sites_[j], so[s], sd[s], consider);
        // Where a third site is as far: along the break of two of the three that is a line.
        for (std::size_t k = j + 1; k < n_sites_; ++k) {
          // Two of any three sites are of a kind, and their break is a line.
          const Site *x = &sites_[i], *y = &sites_[j], *z = &sites_[k];
          if (x->is_point != y->is_point) std::swap(x->is_point == z->is_point ? y : x, z);
          const auto l = break_line(*x, *y);
          if (l && parametrise(*l, c_, o, d)) meet(*x, *z, o, d, consider);
        }
      }
  }

 private:
  struct Edge {
    Point2 a, u;
    double len;
  };
  static constexpr std::size_t max_edges = 10, max_sites = 4, max_splits = 4 + 8;

  bool add_site(const Site& s) {
    if (s.is_point)
      for (std::size_t i = 0; i < n_sites_; ++i)
        if (sites_[i].is_point && sites_[i].p == s.p) return true;  // a corner shared by two edges
    if (n_sites_ == max_sites) return false;
    sites_[n_sites_++] = s;
    return true;
  }
  bool add_split(const Linear& l) {
    if (n_splits_ == max_splits) return false;
    splits_[n_splits_++] = l;
    return true;
  }

  Point2 c_;
  double h_ = 0;
  std::array<Edge, max_edges> edges_;
  std::array<Site, max_sites> sites_;
  std::array<Linear, max_splits> splits_;
  std::size_t n_edges_ = 0, n_sites_ = 0, n_splits_ = 0;
};

ClearanceField::ClearanceField(const Ring& room, const std::vector<Ring>& obstacles, const Ring* extra)
    : room_(room), obstacles_(obstacles), extra_(extra) {
  // The rings' edges between corners, counted first so that each array is allocated once. A
  // wall drawn as many short collinear pieces (a survey's output) is then one edge, so that
  // the exact bound of a cell beside it sees one edge, not a dozen, and the search does not
  // refine along the whole wall.
  std::vector<Ring> corners;
  corners.reserve(obstacles.size() + 2);
  corners.push_back(without_collinear(room));
  for (const Ring& o : obstacles) corners.push_back(without_collinear(o));
  if (extra) corners.push_back(without_collinear(*extra));
  const auto rings = [&](auto&& f) {
    for (const Ring& r : corners) f(r);
  };
  Eigen::Index count = 0;
  rings([&](const Ring& r) {
    for (std::size_t i = 0; i < r.size(); ++i) count += distance(r[i], r[(i + 1) % r.size()]) > 0;
  });
  for (Eigen::ArrayXd* a : {&ax_, &ay_, &ux_, &uy_, &len_}) a->resize(count);
  Eigen::Index n = 0;
  rings([&](const Ring& r) {
    for (std::size_t i = 0; i < r.size(); ++i) {
      const Point2 a = r[i], b = r[(i + 1) % r.size()];
      const double len = distance(a, b);
      if (!(len > 0)) continue;
      const Point2 unit = (b - a) * (1.0 / len);
      ax_[n] = a.x, ay_[n] = a.y, ux_[n] = unit.x, uy_[n] = unit.y, len_[n] = len;
      ++n;
    }
  });
  boxes_.reserve(obstacles.size() + 1);
  for (const Ring& o : obstacles) boxes_.push_back(bounds(o));
  if (extra) boxes_.push_back(bounds(*extra));
}

bool ClearanceField::inside_free(Point2 p) const {
  if (!detail::inside(room_, p)) return false;
  for (std::size_t i = 0; i < obstacles_.size(); ++i)
    if (in_box(boxes_[i], p) && detail::inside(obstacles_[i], p)) return false;
  return !extra_ || !in_box(boxes_.back(), p) || !detail::inside(*extra_, p);
}

double ClearanceField::value(Point2 p) const {
  // All edges at once (Eigen vectorises it), one square root per point.
  if (len_.size() == 0) return inside_free(p) ? std::numeric_limits<double>::max() : -std::numeric_limits<double>::max();
  const double d = std::sqrt(squared_distances(p).minCoeff());
  return inside_free(p) ? d : -d;
}

ClearanceField::Cell ClearanceField::make_cell(Point2 c, double parent, double step) const {
  const double m = std::sqrt(squared_distances(c).minCoeff());
  // Inside the free floor or not: known from the parent cell when c lies within its
  // clearance (a disc of that radius about the parent's centre is all on one side).
  const bool free = parent > step ? true : parent < -step ? false : inside_free(c);
  return {c, free ? m : -m, free ? m : -m, 0};
}

ClearanceField::Bound ClearanceField::bound(const Cell& cell, double h, CellSites& sites) const {
  const double v = cell.clearance;
  const Bound lipschitz{v + h * sqrt2, false, cell.c, v};
  if (v <= h * sqrt2) return lipschitz;  // the cell may reach the boundary
  // No edge crosses the cell (v > h√2), and the cell's edges are all that can be nearest
  // in it: each is, over the cell, the distance to its line where the cell lies beside
  // the edge, and to an end point beyond the edge's ends.
  const double near = v + 2 * h * sqrt2;
  distances_ = squared_distances(cell.c);
  sites.reset(cell.c, h);
  for (Eigen::Index i = 0; i < len_.size(); ++i)
    if (distances_[i] <= near * near && !sites.add_edge({ax_[i], ay_[i]}, {ux_[i], uy_[i]}, len_[i])) return lipschitz;
  Bound best{-std::numeric_limits<double>::max(), true, cell.c, 0};
  sites.for_each_candidate([&](Point2 p, double upper) {
    if (upper <= best.value) return;  // cannot beat the best so far
    const double f = sites.clearance(p);
    if (f > best.value) best = {f, true, p, f};
  });
  // Guard against rounding: never above the generic bound.
  best.value = std::min(lipschitz.value, best.value + 1e-9);
  return best;
}

Circle ClearanceField::largest(Box box, double precision, double enough, const Reach* reach) const {
  if (len_.size() == 0) return {};
  const auto in_reach = [&](Point2 p) { return !reach || distance(p, reach->anchor) <= reach->distance; };
  const double w = box.max.x - box.min.x, hgt = box.max.y - box.min.y;
  const Point2 centre{(box.min.x + box.max.x) / 2, (box.min.y + box.max.y) / 2};
  Circle best{centre, minus_inf};
  {
    const double v = value(centre);
    best.radius = in_reach(centre) ? v : minus_inf;
  }
  // Square cells of the shorter side, but never more than a thousand or so to start with (a
  // long thin box would otherwise start with one cell per width along its whole length).
  const double size = std::max(std::min(w, hgt), std::sqrt(w * hgt / 1024));
  const auto result = [&] { return Circle{best.centre, std::max(0.0, best.radius)}; };
  if (!(size > 0)) return result();
  CellSites sites;
  std::vector<Cell> cells, next;
  cells.reserve(64);
  next.reserve(64);
  double half = size / 2;
  const auto add = [&](std::vector<Cell>& to, Point2 c, double parent, double step) {
    Cell cell = make_cell(c, parent, step);
    if (reach) {
      cell.to_anchor = distance(c, reach->anchor);
      if (cell.to_anchor > reach->distance) cell.value = minus_inf;
    }
    to.push_back(cell);
  };
  const int nx = static_cast<int>(std::ceil(w / size - 1e-9)), ny = static_cast<int>(std::ceil(hgt / size - 1e-9));
  for (int i = 0; i < nx; ++i)
    for (int j = 0; j < ny; ++j)
      add(cells, {centre.x + (i - (nx - 1) / 2.0) * size, centre.y + (j - (ny - 1) / 2.0) * size}, 0, 0);
  while (!cells.empty()) {
    for (const Cell& c : cells)
      if (c.value > best.radius ||
          (c.value == best.radius && (c.c.x < best.centre.x || (c.c.x == best.centre.x && c.c.y < best.centre.y))))
        best = {c.c, c.value};
    if (best.radius >= enough) return result();
    // Keep the cells that could still beat the best by more than the precision.
    next.clear();
    const double q = half / 2;
    for (const Cell& c : cells) {
      // A cell the generic bound already lets go needs no closer one (-inf marks centres
      // out of reach, where only the bound knows the cell's best).
      if (c.value > minus_inf && c.value + half * sqrt2 <= best.radius + precision) continue;
      if (reach && c.to_anchor - half * sqrt2 > reach->distance) continue;  // wholly out of reach
      Bound b = bound(c, half, sites);
      // The reach is convex: a cell's best point counts only if it is within it.
      if (b.exact && !in_reach(b.at)) b.exact = false;
      if (b.exact) {
        // The cell's maximum is known: no need to look inside it.
        if (b.at_value > best.radius) best = {b.at, b.at_value};
        if (best.radius >= enough) return result();
        continue;
      }
      if (b.value <= best.radius + precision) continue;
      for (Point2 off : {Point2{-q, -q}, Point2{q, -q}, Point2{-q, q}, Point2{q, q}})
        add(next, c.c + off, c.clearance, q * sqrt2);
    }
    cells.swap(next);
    half = q;
  }
  return result();
}

}  // namespace barrierfree::geometry
