#include <barrierfree/geometry/operations.hpp>
#include <barrierfree/model/plan_geometry.hpp>

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

std::optional<Ring> ramp_run(const Case& c, const Ramp& ramp) {
  if (!ramp.in || !ramp.at || ramp.rise.mm() <= 0 || ramp.length.mm() <= 0) return std::nullopt;
  const Room* room = c.find_room(*ramp.in);
  if (!room) return std::nullopt;
  std::optional<double> width;
  if (ramp.width) width = ramp.width->mm();
  for (const Door& d : c.doors)
    if (!width && d.clear_width && ((d.rooms[0] == ramp.rooms[0] && d.rooms[1] == ramp.rooms[1]) ||
                                    (d.rooms[0] == ramp.rooms[1] && d.rooms[1] == ramp.rooms[0])))
      width = d.clear_width->mm();
  const auto wall = geometry::nearest_edge(outline(*room), *ramp.at);
  if (!width || *width <= 0 || !wall) return std::nullopt;
  const Point2 along = (wall->b - wall->a) * (1.0 / wall->length());
  const Point2 inward = left_normal(along);  // outlines are counter-clockwise
  const Point2 foot = wall->a + along * dot(*ramp.at - wall->a, along);
  const Point2 half = along * (*width / 2), run = inward * ramp.length.mm();
  return geometry::normalised(Ring{foot - half, foot + half, foot + half + run, foot - half + run});
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
