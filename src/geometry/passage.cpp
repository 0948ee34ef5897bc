#include "geometry/passage.hpp"

#include "geometry/clearance_field.hpp"
#include "geometry/crossing.hpp"

#include <barrierfree/geometry/operations.hpp>

#include <algorithm>
#include <cmath>

namespace barrierfree::geometry {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// Parameter of p along the closed boundary (arc length from vertex 0).
double boundary_parameter(const Ring& ring, Point2 p, const std::vector<double>& offsets) {
  std::size_t best = 0;
  double best_d = inf, best_t = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Segment e{ring[i], ring[(i + 1) % ring.size()]};
    const double len = e.length();
    if (len <= 0) continue;
    const double t = std::clamp(dot(p - e.a, e.b - e.a) / (len * len), 0.0, 1.0);
    const double d = barrierfree::distance(p, e.a + (e.b - e.a) * t);
    if (d < best_d) {
      best_d = d;
      best = i;
      best_t = t * len;
    }
  }
  return offsets[best] + best_t;
}

// The boundary from parameter s0 forward to s1 (wrapping), as segments.
std::vector<Segment> boundary_piece(const Ring& ring, const std::vector<double>& offsets, double total, double s0,
                                    double s1) {
  std::vector<Segment> out;
  if (s1 < s0) s1 += total;
  const std::size_t n = ring.size();
  for (int lap = 0; lap < 2; ++lap)
    for (std::size_t i = 0; i < n; ++i) {
      const double e0 = offsets[i] + lap * total;
      const Point2 a = ring[i], b = ring[(i + 1) % n];
      const double len = barrierfree::distance(a, b);
      const double e1 = e0 + len;
      const double lo = std::max(e0, s0), hi = std::min(e1, s1);
      if (hi - lo <= 1e-9 || len <= 0) continue;
      out.push_back({a + (b - a) * ((lo - e0) / len), a + (b - a) * ((hi - e0) / len)});
    }
  return out;
}

// The parts of a segment farther than r from c.
void subtract_disc(const Segment& s, Point2 c, double r, std::vector<Segment>& out) {
  const Point2 d = s.b - s.a;
  const double a2 = dot(d, d);
  if (a2 <= 0) return;
  const Point2 f = s.a - c;
  const double b = 2 * dot(f, d), cc = dot(f, f) - r * r;
  const double disc = b * b - 4 * a2 * cc;
  if (disc <= 0) {
    out.push_back(s);
    return;
  }
  const double sq = std::sqrt(disc);
  const double t1 = (-b - sq) / (2 * a2), t2 = (-b + sq) / (2 * a2);
  if (t1 > 1e-9) out.push_back({s.a, s.a + d * std::min(t1, 1.0)});
  if (t2 < 1 - 1e-9) out.push_back({s.a + d * std::max(t2, 0.0), s.b});
}

struct Gap {
  double d;
  Point2 p, q;
};

Gap segment_gap(const Segment& s, const Segment& t) {
  auto closest = [](Point2 p, const Segment& e) {
    const Point2 d = e.b - e.a;
    const double l2 = dot(d, d);
    return l2 <= 0 ? e.a : e.a + d * std::clamp(dot(p - e.a, d) / l2, 0.0, 1.0);
  };
  // Segments that cross, or touch, are no gap at all.
  if (detail::segments_cross(s, t)) return {0, s.a, s.a};
  Gap best{inf, {}, {}};
  for (auto [p, e] : {std::pair{s.a, t}, std::pair{s.b, t}, std::pair{t.a, s}, std::pair{t.b, s}}) {
    const Point2 q = closest(p, e);
    const double d = barrierfree::distance(p, q);
    if (d < best.d) best = {d, p, q};
  }
  if (best.d == 0) return {0, s.a, s.a};
  return best;
}

Gap gap(const std::vector<Segment>& x, const std::vector<Segment>& y) {
  Gap best{inf, {}, {}};
  for (const Segment& s : x)
    for (const Segment& t : y) {
      const Gap g = segment_gap(s, t);
      if (g.d < best.d) best = g;
    }
  return best;
}

}  // namespace

Pinch passage_width(const Ring& drawn, const std::vector<Ring>& obstacles, const Segment& a, const Segment& b,
                    double exclusion) {
  // The walls are compared piece by piece with each other: a wall drawn in many collinear
  // pieces would cost the square of their number.
  const Ring room = without_collinear(drawn);
  const std::size_t n = room.size();
  std::vector<double> offsets(n);
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    offsets[i] = total;
    total += barrierfree::distance(room[i], room[(i + 1) % n]);
  }
  // Each opening as an interval of the boundary.
  auto interval = [&](const Segment& m) {
    double s0 = boundary_parameter(room, m.a, offsets), s1 = boundary_parameter(room, m.b, offsets);
    // The opening runs forward along the boundary from its smaller end.
    double span = s1 - s0;
    if (span < 0) span += total;
    if (span > total / 2) std::swap(s0, s1);
    return std::pair{s0, s1};
  };
  const auto [a0, a1] = interval(a);
  const auto [b0, b1] = interval(b);
  std::vector<Segment> wall_a = boundary_piece(room, offsets, total, a1, b0);
  std::vector<Segment> wall_b = boundary_piece(room, offsets, total, b1, a0);
  // Walls near the openings' ends would measure the openings themselves.
  auto exclude = [&](std::vector<Segment> segs) {
    for (Point2 c : {a.a, a.b, b.a, b.b}) {
      std::vector<Segment> next;
      for (const Segment& s : segs) subtract_disc(s, c, exclusion, next);
      segs = std::move(next);
    }
    return segs;
  };
  wall_a = exclude(wall_a);
  wall_b = exclude(wall_b);
  Pinch none;
  if (wall_a.empty() || wall_b.empty()) return none;

  // Nodes: 0 = wall A, 1 = wall B, 2… = obstacles. Minimax path from 0 to 1.
  std::vector<std::vector<Segment>> nodes{wall_a, wall_b};
  for (const Ring& o : obstacles) nodes.push_back(edges(without_collinear(o)));
  const std::size_t k = nodes.size();
  std::vector<Gap> gap_list(k * k, {inf, {}, {}});
  const auto gaps = [&](std::size_t i) { return gap_list.data() + i * k; };  // gaps(i)[j]
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = i + 1; j < k; ++j) {
      Gap g = gap(nodes[i], nodes[j]);
      // An obstacle containing a point of the other touches it.
      if (i >= 2 && !nodes[j].empty() && covers(obstacles[i - 2], nodes[j][0].a, 0)) g.d = 0;
      if (j >= 2 && !nodes[i].empty() && covers(obstacles[j - 2], nodes[i][0].a, 0)) g.d = 0;
      gaps(i)[j] = gaps(j)[i] = g;
    }
  std::vector<double> best(k, inf);
  std::vector<int> via(k, -1);
  std::vector<bool> done(k, false);
  best[0] = 0;
  for (std::size_t round = 0; round < k; ++round) {
    std::size_t u = k;
    for (std::size_t i = 0; i < k; ++i)
      if (!done[i] && (u == k || best[i] < best[u])) u = i;
    if (u == k || best[u] == inf) break;
    done[u] = true;
    for (std::size_t v = 0; v < k; ++v) {
      if (done[v] || gaps(u)[v].d == inf) continue;
      const double w = std::max(best[u], gaps(u)[v].d);
      if (w < best[v]) {
        best[v] = w;
        via[v] = static_cast<int>(u);
      }
    }
  }
  if (best[1] == inf) return none;
  // The widest gap on the chain is the pinch.
  Pinch p;
  p.width = best[1];
  for (int v = 1; via[v] >= 0; v = via[v]) {
    const int u = via[v];
    const Gap& g = gaps(static_cast<std::size_t>(u))[v];
    if (g.d >= p.width - 1e-9) {
      auto id = [](int node) { return node == 0 ? Pinch::wall_a : node == 1 ? Pinch::wall_b : node - 2; };
      p.first = id(u);
      p.second = id(v);
      p.at = (g.p + g.q) * 0.5;
      break;
    }
  }
  return p;
}

Circle largest_circle_near(const Ring& room, const std::vector<Ring>& obstacles, const Segment& anchor, double reach,
                           double precision, double enough, const Ring* extra) {
  // Maximise the clearance over the centres within `reach` of the anchor. (A
  // penalty for leaving the reach instead would be flat wherever walking away
  // from the door also walks away from the nearest obstacle, and a flat top
  // defeats the pruning of cells.)
  if (room.size() < 3) return {};
  Box box = bounds(room);
  // Only the neighbourhood of the anchor matters.
  const Box ab = bounds({anchor.a, anchor.b});
  box.min.x = std::max(box.min.x, ab.min.x - reach);
  box.min.y = std::max(box.min.y, ab.min.y - reach);
  box.max.x = std::min(box.max.x, ab.max.x + reach);
  box.max.y = std::min(box.max.y, ab.max.y + reach);
  if (!(box.max.x > box.min.x && box.max.y > box.min.y)) return {};
  const ClearanceField field(room, obstacles, extra);
  const ClearanceField::Reach within{anchor, reach};
  const auto value = [&](Point2 c) { return distance(c, anchor) <= reach ? field.value(c) : -inf; };
  // Most doors have room in front of them: try the circle straight in front first (on
  // either side of the wall, the other side is outside the room), then search.
  if (std::isfinite(enough)) {
    const Point2 mid = (anchor.a + anchor.b) * 0.5;
    const double len = norm(anchor.b - anchor.a);
    if (len > 0) {
      const Point2 n = left_normal((anchor.b - anchor.a) * (1.0 / len));
      for (Point2 c : {mid + n * (enough + 1), mid - n * (enough + 1)})
        if (const double v = value(c); v >= enough) return {c, v};
    }
  }
  return field.largest(box, precision, enough, &within);
}

}  // namespace barrierfree::geometry
