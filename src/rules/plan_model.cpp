#include "rules/plan_model.hpp"

#include <barrierfree/geometry/operations.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace barrierfree::rules {

FixtureFrame frame_of(const Fixture& f) {
  FixtureFrame fr;
  fr.forward = geometry::facing_vector(f.facing_or_default());
  fr.left = left_normal(fr.forward);
  fr.back = f.at - fr.forward * (f.depth.mm() / 2);
  fr.half_width = f.width.mm() / 2;
  fr.depth = f.depth.mm();
  return fr;
}


namespace g = barrierfree::geometry;

namespace {

constexpr double eps = 1e-6;

// Sutherland–Hodgman clipping of a polygon by the half-plane dot(p - o, n) >= c.
std::vector<Point2> clip(const std::vector<Point2>& poly, Point2 o, Point2 n, double c) {
  std::vector<Point2> out;
  const std::size_t k = poly.size();
  for (std::size_t i = 0; i < k; ++i) {
    const Point2 a = poly[i], b = poly[(i + 1) % k];
    const double da = dot(a - o, n) - c, db = dot(b - o, n) - c;
    if (da >= 0) out.push_back(a);
    if ((da >= 0) != (db >= 0)) out.push_back(a + (b - a) * (da / (da - db)));
  }
  return out;
}

// Clip a segment to the half-plane; false when nothing is left.
bool clip(Point2& a, Point2& b, Point2 o, Point2 n, double c) {
  const double da = dot(a - o, n) - c, db = dot(b - o, n) - c;
  if (da < 0 && db < 0) return false;
  if (da < 0) a = a + (b - a) * (da / (da - db));
  else if (db < 0) b = a + (b - a) * (da / (da - db));
  return true;
}

}  // namespace

Segment DoorSide::mouth() const { return {centre - along * (width / 2), centre + along * (width / 2)}; }

Point2 DoorSide::end(Side side) const {
  // Facing the door from inside the room one looks along -inward; right is
  // that direction turned clockwise.
  const Point2 facing = inward * -1.0;
  const Point2 right{facing.y, -facing.x};
  return centre + right * ((side == Side::right ? 1.0 : -1.0) * width / 2);
}

PlanModel::PlanModel(const Case& c_) : c(c_) {
  for (const Room& r : c.rooms) outlines_[r.id] = barrierfree::outline(r);
}

const Ring* PlanModel::outline(const std::string& room) const {
  auto it = outlines_.find(room);
  return it == outlines_.end() ? nullptr : &it->second;
}

const Room* PlanModel::room(const std::string& id) const { return c.find_room(id); }

const std::vector<Ring>& PlanModel::obstacles(const std::string& room, KneeSpace knee) const {
  const auto key = std::make_pair(room, static_cast<int>(knee));
  auto it = obstacles_.find(key);
  if (it != obstacles_.end()) return it->second;
  std::vector<Ring> rings;
  std::vector<const Fixture*> fixtures;
  std::vector<const std::string*> names;
  for (const Fixture& f : c.fixtures) {
    if (f.room != room || !blocks_floor(f)) continue;
    if (knee == KneeSpace::counts_as_free && has_knee_space(f)) continue;
    rings.push_back(footprint(f));
    fixtures.push_back(&f);
    names.push_back(&f.id);
  }
  // After the fixtures, so that an obstacle's index is its fixture's where it has one.
  if (knee == KneeSpace::counts_as_free)
    for (const Ramp& r : c.ramps)
      if (r.in == room)
        if (auto run = ramp_run(c, r)) {
          rings.push_back(std::move(*run));
          names.push_back(&r.id);
        }
  obstacle_fixtures_[key] = std::move(fixtures);
  obstacle_names_[key] = std::move(names);
  return obstacles_[key] = std::move(rings);
}

const std::vector<const Fixture*>& PlanModel::obstacle_fixtures(const std::string& room, KneeSpace knee) const {
  (void)obstacles(room, knee);
  return obstacle_fixtures_.at(std::make_pair(room, static_cast<int>(knee)));
}

std::vector<const Fixture*> PlanModel::fixtures_in(const std::string& room) const {
  std::vector<const Fixture*> out;
  for (const Fixture& f : c.fixtures)
    if (f.room == room) out.push_back(&f);
  return out;
}

std::optional<DoorSide> PlanModel::side(const Door& d, const std::string& room) const {
  auto s = wall_side(room, d.at);
  if (s) s->width = d.clear_width ? d.clear_width->mm() : 0.0;
  return s;
}

std::optional<DoorSide> PlanModel::wall_side(const std::string& room, Point2 at) const {
  const Ring* ring = outline(room);
  if (!ring || ring->size() < 3) return std::nullopt;
  // The wall the point is in: the nearest edge.
  std::size_t best = 0;
  double best_d = std::numeric_limits<double>::max();
  const auto es = g::edges(*ring);
  for (std::size_t i = 0; i < es.size(); ++i) {
    const double dist = g::distance(at, es[i]);
    if (dist < best_d - eps) {
      best_d = dist;
      best = i;
    }
  }
  const Segment& e = es[best];
  const double len = e.length();
  if (len <= 0) return std::nullopt;
  DoorSide s;
  s.room = room;
  s.edge = best;
  s.along = (e.b - e.a) * (1.0 / len);
  s.inward = left_normal(s.along);  // outlines are counter-clockwise
  s.centre = e.a + s.along * std::clamp(dot(at - e.a, s.along), 0.0, len);
  return s;
}

double PlanModel::wall_run(const std::string& room, std::size_t edge, Point2 p, Point2 dir) const {
  const Ring* ring = outline(room);
  if (!ring) return 0;
  const std::size_t n = ring->size();
  // Follow the edges that continue straight on in `dir`.
  const Point2 a = (*ring)[edge], b = (*ring)[(edge + 1) % n];
  const bool forward = dot(b - a, dir) > 0;
  std::size_t i = edge;
  Point2 end = forward ? b : a;
  for (std::size_t steps = 0; steps < n; ++steps) {
    const std::size_t next = forward ? (i + 1) % n : (i + n - 1) % n;
    const Point2 na = (*ring)[next], nb = (*ring)[(next + 1) % n];
    const Point2 d = forward ? nb - na : na - nb;
    const double len = norm(d);
    if (len <= 0 || std::abs(cross(dir, d * (1.0 / len))) > 1e-9 || dot(dir, d) <= 0) break;
    end = forward ? nb : na;
    i = next;
  }
  return std::max(0.0, dot(end - p, dir));
}

Side PlanModel::latch(const Door& d, bool* assumed) const {
  if (assumed) *assumed = !d.latch_side.has_value();
  if (d.latch_side) return *d.latch_side;
  const std::string& room = d.swing_into ? *d.swing_into : (d.rooms[0] == outside_id ? d.rooms[1] : d.rooms[0]);
  const auto s = side(d, room);
  if (!s) return Side::right;
  // Doors are hung with the hinge on the end nearer the corner, so that the
  // leaf opens against the wall; the latch is on the other end.
  const Point2 facing = s->inward * -1.0;
  const Point2 right{facing.y, -facing.x};
  const double corner_left = wall_run(room, s->edge, s->end(Side::left), right * -1.0);
  const double corner_right = wall_run(room, s->edge, s->end(Side::right), right);
  return corner_left <= corner_right ? Side::right : Side::left;
}

std::optional<Ring> PlanModel::swing_area(const Door& d, std::optional<Side> which) const {
  if (d.type != DoorType::swing || !d.swing_into || !d.clear_width) return std::nullopt;
  const auto s = side(d, *d.swing_into);
  if (!s) return std::nullopt;
  const Side latch_side = which ? *which : latch(d);
  const Point2 hinge = s->end(latch_side == Side::left ? Side::right : Side::left);
  const Point2 latch_pt = s->end(latch_side);
  const double r = s->width;
  const Point2 closed = (latch_pt - hinge) * (1.0 / r);
  // Sweep from the closed leaf to the open leaf (perpendicular, into the room).
  Ring ring{hinge};
  constexpr int segments = 8;
  const double turn = cross(closed, s->inward) > 0 ? 1.0 : -1.0;
  for (int k = 0; k <= segments; ++k) {
    const double a = turn * (3.14159265358979323846 / 2) * k / segments;
    const Point2 dir{closed.x * std::cos(a) - closed.y * std::sin(a), closed.x * std::sin(a) + closed.y * std::cos(a)};
    ring.push_back(hinge + dir * r);
  }
  return g::normalised(ring);
}

const Fixture* PlanModel::served_fixture(const GrabBar& gb, double reach) const {
  if (gb.serves) return c.find_fixture(*gb.serves);
  const Segment bar{gb.from, gb.to};
  const Fixture* best = nullptr;
  double best_d = reach;
  for (const Fixture& f : c.fixtures) {
    if (f.room != gb.room) continue;
    if (f.type != FixtureType::toilet && f.type != FixtureType::shower && f.type != FixtureType::bathtub) continue;
    double dist = std::numeric_limits<double>::max();
    for (const Segment& e : g::edges(footprint(f))) dist = std::min(dist, g::distance(bar, e));
    if (dist <= best_d) {
      best_d = dist;
      best = &f;
    }
  }
  return best;
}

std::vector<const GrabBar*> PlanModel::bars_serving(const Fixture& f, double reach) const {
  std::vector<const GrabBar*> out;
  for (const GrabBar& gb : c.grab_bars) {
    const Fixture* served = served_fixture(gb, reach);
    if (served && served->id == f.id) out.push_back(&gb);
  }
  return out;
}

std::vector<BandPiece> PlanModel::band(const std::string& room, Point2 origin, Point2 dir, Point2 across,
                                       double s0, double s1, double start, KneeSpace knee,
                                       const std::string& ignore) const {
  std::vector<BandPiece> out;
  // Open band: obstacles that only touch its long edges do not narrow it.
  const double lo = s0 + 0.5, hi = s1 - 0.5;
  if (hi <= lo) return out;
  const double t0 = start + 0.5;
  auto local = [&](Point2 p) { return Point2{dot(p - origin, across), dot(p - origin, dir)}; };
  const auto& rings = obstacles(room, knee);
  const auto& names = obstacle_names_.at(std::make_pair(room, static_cast<int>(knee)));
  for (std::size_t i = 0; i < rings.size(); ++i) {
    if (*names[i] == ignore) continue;
    std::vector<Point2> poly;
    for (Point2 p : rings[i]) poly.push_back(local(p));
    poly = clip(poly, {0, 0}, {1, 0}, lo);
    poly = clip(poly, {0, 0}, {-1, 0}, -hi);
    poly = clip(poly, {0, 0}, {0, 1}, t0);
    if (poly.size() < 3) continue;
    BandPiece piece{std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                    std::numeric_limits<double>::max(), *names[i]};
    for (Point2 p : poly) {
      piece.s0 = std::min(piece.s0, p.x);
      piece.s1 = std::max(piece.s1, p.x);
      piece.t = std::min(piece.t, p.y);
    }
    out.push_back(piece);
  }
  if (const Ring* ring = outline(room)) {
    for (const Segment& e : g::edges(*ring)) {
      Point2 a = local(e.a), b = local(e.b);
      if (!clip(a, b, {0, 0}, {1, 0}, lo) || !clip(a, b, {0, 0}, {-1, 0}, -hi) || !clip(a, b, {0, 0}, {0, 1}, t0))
        continue;
      out.push_back({std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), "wall"});
    }
  }
  // Clipping began half a millimetre past the start so that what merely
  // touches the start line does not count; what crosses it blocks at once.
  for (BandPiece& p : out)
    if (p.t <= t0 + eps) p.t = start;
  // A band that starts against a wall (a bed pushed to the wall, a latch at a
  // corner) has no room at all: just past its start is outside the room.
  if (const Ring* ring = outline(room)) {
    const Point2 probe = origin + across * ((s0 + s1) / 2) + dir * (start + 1.0);
    if (!g::covers(*ring, probe, 0)) out.push_back({s0, s1, start, "wall"});
  }
  return out;
}

double band_extent(const std::vector<BandPiece>& pieces, double limit) {
  double t = limit;
  for (const BandPiece& p : pieces) t = std::min(t, p.t);
  return t;
}

double best_window_extent(const std::vector<BandPiece>& pieces, double s0, double s1, double window, double limit) {
  return best_window(pieces, s0, s1, window, limit, (s0 + s1) / 2).extent;
}

Window best_window(const std::vector<BandPiece>& pieces, double s0, double s1, double window, double limit,
                   double prefer) {
  if (window >= s1 - s0) return {band_extent(pieces, limit), s0};
  auto extent_at = [&](double a) {
    double t = limit;
    for (const BandPiece& p : pieces)
      if (p.s1 > a + eps && p.s0 < a + window - eps) t = std::min(t, p.t);
    return t;
  };
  // The clear extent changes only where a window's edge meets a piece's: those starts are enough
  // for the largest extent.
  std::vector<double> starts{s0, s1 - window};
  for (const BandPiece& p : pieces) {
    starts.push_back(p.s1);
    starts.push_back(p.s0 - window);
  }
  std::vector<std::pair<double, double>> clear;  // start, extent
  double most = 0;
  for (double a : starts) {
    if (a < s0 - eps || a + window > s1 + eps) continue;
    clear.emplace_back(a, extent_at(a));
    most = std::max(most, clear.back().second);
  }
  // The window: of those that reach the largest extent, the one centred on `prefer` where it does,
  // else the one whose middle is nearest it.
  const double centred = std::clamp(prefer - window / 2, s0, s1 - window);
  clear.emplace_back(centred, extent_at(centred));
  Window best{most, s0};
  double best_off = std::numeric_limits<double>::infinity();
  for (const auto& [a, t] : clear) {
    const double off = std::abs(a + window / 2 - prefer);
    if (t >= most - eps && off < best_off - eps) {
      best.start = a;
      best_off = off;
    }
  }
  return best;
}

}  // namespace barrierfree::rules
