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

Ring RampFrame::run() const {
  const Point2 half = along * (width / 2), down = inward * length;
  return geometry::normalised(Ring{top - half, top + half, top + half + down, top - half + down});
}

std::optional<RampFrame> ramp_frame(const Case& c, const Ramp& ramp) {
  if (!ramp.in || !ramp.at || !ramp.width || ramp.width->mm() <= 0 || ramp.rise.mm() <= 0 || ramp.length.mm() <= 0)
    return std::nullopt;
  const Room* room = c.find_room(*ramp.in);
  if (!room) return std::nullopt;
  const Ring ring = outline(*room);
  const std::string& other_id = ramp.rooms[0] == *ramp.in ? ramp.rooms[1] : ramp.rooms[0];
  const Room* other = other_id == outside_id ? nullptr : c.find_room(other_id);
  const std::vector<Segment> shared = other ? shared_wall(*room, *other) : std::vector<Segment>{};
  // Whether the wall along `e` just beside `at` (2 mm on, within the edge) is one the other room
  // is beyond.
  auto faces_other = [&](const Segment& e) {
    const Point2 dir = (e.b - e.a) * (1.0 / e.length());
    const double t = dot(*ramp.at - e.a, dir);
    for (const double step : {2.0, -2.0}) {
      if (t + step < 0 || t + step > e.length()) continue;
      const Point2 p = e.a + dir * (t + step);
      for (const Segment& s : shared)
        if (geometry::distance(p, s) <= 1.0) return true;
    }
    return false;
  };
  constexpr double tie = 1e-6;
  std::optional<Segment> wall;
  double best = std::numeric_limits<double>::max();
  bool best_faces = false;
  for (const Segment& e : geometry::edges(ring)) {
    if (e.length() <= 0) continue;
    const double d = geometry::distance(*ramp.at, e);
    if (d > best + tie) continue;
    const bool faces = faces_other(e);
    if (d < best - tie || (faces && !best_faces)) {
      wall = e;
      best = std::min(best, d);
      best_faces = faces;
    }
  }
  if (!wall) return std::nullopt;
  RampFrame f;
  f.width = ramp.width->mm();
  f.length = ramp.length.mm();
  const double len = wall->length();
  f.along = (wall->b - wall->a) * (1.0 / len);
  f.inward = left_normal(f.along);  // outlines are counter-clockwise
  const double t = dot(*ramp.at - wall->a, f.along);
  f.top = wall->a + f.along * (len >= f.width ? std::clamp(t, f.width / 2, len - f.width / 2) : len / 2);
  return f;
}

std::optional<Ring> ramp_run(const Case& c, const Ramp& ramp) {
  if (auto f = ramp_frame(c, ramp)) return f->run();
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
