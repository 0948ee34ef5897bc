#include <barrierfree/geometry/operations.hpp>
#include <barrierfree/model/plan_geometry.hpp>

#include <algorithm>
#include <limits>

namespace barrierfree {

Ring outline(const Room& room) { return geometry::normalised(room.polygon); }

Ring footprint(const Fixture& f) {
  return geometry::footprint(f.at, f.width.mm(), f.depth.mm(), f.facing_or_default());
}

bool blocks_floor(const Fixture& f) {
  return !(f.type == FixtureType::shower && f.curb && f.curb->mm() == 0);
}

bool has_knee_space(const Fixture& f) {
  return (f.type == FixtureType::basin || f.type == FixtureType::kitchen_counter || f.type == FixtureType::sink) &&
         f.knee_clearance.value_or(false);
}

std::vector<Segment> shared_wall(const Room& a, const Room& b, double tolerance) {
  return geometry::shared_walls(outline(a), outline(b), tolerance);
}

Ring RampFrame::strip(double from, double to) const {
  const Point2 half = along * (width / 2);
  return geometry::normalised(
      Ring{top - half + inward * from, top + half + inward * from, top + half + inward * to, top - half + inward * to});
}

std::optional<WallRun> wall_at(const Case& c, const std::string& room_id, const std::string& beyond, Point2 p) {
  const Room* room = c.find_room(room_id);
  if (!room) return std::nullopt;
  const Ring ring = outline(*room);
  const std::vector<Segment> es = geometry::edges(ring);
  const Room* other = beyond == outside_id ? nullptr : c.find_room(beyond);
  const std::vector<Segment> shared = other ? shared_wall(*room, *other) : std::vector<Segment>{};
  // Whether the wall along `e` beside p's foot (2 mm on, within the edge) is one `beyond` is beyond.
  auto faces = [&](const Segment& e) {
    const Point2 dir = (e.b - e.a) * (1.0 / e.length());
    const double t = std::clamp(dot(p - e.a, dir), 0.0, e.length());
    for (const double step : {2.0, -2.0}) {
      if (t + step < 0 || t + step > e.length()) continue;
      for (const Segment& s : shared)
        if (geometry::distance(e.a + dir * (t + step), s) <= 1.0) return true;
    }
    return false;
  };
  // Of the walls p may stand on (within wall_tolerance_mm), one `beyond` is beyond, the nearest;
  // else the nearest wall.
  std::optional<std::size_t> best;
  double best_d = std::numeric_limits<double>::max();
  bool best_faces = false;
  for (std::size_t i = 0; i < es.size(); ++i) {
    if (es[i].length() <= 0) continue;
    const double d = geometry::distance(p, es[i]);
    const bool f = d <= wall_tolerance_mm && faces(es[i]);
    if ((f && !best_faces) || (f == best_faces && d < best_d - 1e-9)) {
      best = i;
      best_d = d;
      best_faces = f;
    }
  }
  if (!best) return std::nullopt;
  const Segment& e = es[*best];
  WallRun w;
  w.along = (e.b - e.a) * (1.0 / e.length());
  w.inward = left_normal(w.along);  // outlines are counter-clockwise
  w.at = e.a + w.along * dot(p - e.a, w.along);
  // The straight wall: the edges before and after in line with this one.
  auto in_line = [&](const Segment& x) {
    if (x.length() <= 0) return true;  // a repeated vertex
    const Point2 d = (x.b - x.a) * (1.0 / x.length());
    return std::abs(cross(d, w.along)) < 1e-9 && dot(d, w.along) > 0 && std::abs(dot(x.a - e.a, w.inward)) < 1e-6;
  };
  const std::size_t n = es.size();
  std::size_t first = *best, last = *best;
  for (std::size_t k = 1; k < n && in_line(es[(first + n - 1) % n]); ++k) first = (first + n - 1) % n;
  for (std::size_t k = 1; k < n && in_line(es[(last + 1) % n]); ++k) last = (last + 1) % n;
  w.before = dot(w.at - es[first].a, w.along);
  w.after = dot(es[last].b - w.at, w.along);
  return w;
}

std::optional<RampFrame> ramp_frame(const Case& c, const Ramp& ramp) {
  if (!ramp.in || !ramp.at || !ramp.width || ramp.width->mm() <= 0 || ramp.rise.mm() <= 0 || ramp.length.mm() <= 0)
    return std::nullopt;
  const std::string& other = ramp.rooms[0] == *ramp.in ? ramp.rooms[1] : ramp.rooms[0];
  const auto wall = wall_at(c, *ramp.in, other, *ramp.at);
  if (!wall) return std::nullopt;
  RampFrame f;
  f.width = ramp.width->mm();
  f.length = ramp.length.mm();
  f.along = wall->along;
  f.inward = wall->inward;
  // Shifted along the wall as little as keeps its top end on it (centred on a wall too short).
  const double half = f.width / 2;
  const double shift = wall->before + wall->after >= f.width ? std::clamp(0.0, half - wall->before, wall->after - half)
                                                             : (wall->after - wall->before) / 2;
  f.top = wall->at + f.along * shift;
  return f;
}

std::optional<Ring> ramp_run(const Case& c, const Ramp& ramp) {
  if (auto f = ramp_frame(c, ramp)) return f->strip(0, f->length);
  return std::nullopt;
}

std::vector<Ring> floor_obstacles(const Case& c, const Room& room, KneeSpace knee) {
  std::vector<Ring> out;
  for (const Fixture& f : c.fixtures) {
    if (f.room != room.id || !blocks_floor(f)) continue;
    if (knee == KneeSpace::counts_as_free && has_knee_space(f)) continue;
    out.push_back(footprint(f));
  }
  if (knee == KneeSpace::counts_as_free)
    for (const Ramp& r : c.ramps)
      if (r.in == room.id)
        if (auto run = ramp_run(c, r)) out.push_back(std::move(*run));
  return out;
}

MultiPolygon free_floor(const Case& c, const Room& room, KneeSpace knee) {
  return geometry::difference(outline(room), floor_obstacles(c, room, knee));
}

}  // namespace barrierfree
