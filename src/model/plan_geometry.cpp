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

std::vector<Ring> floor_obstacles(const Case& c, const Room& room, KneeSpace knee) {
  std::vector<Ring> out;
  for (const Fixture& f : c.fixtures) {
    if (f.room != room.id || !blocks_floor(f)) continue;
    if (knee == KneeSpace::counts_as_free && has_knee_space(f)) continue;
    out.push_back(footprint(f));
  }
  return out;
}

MultiPolygon free_floor(const Case& c, const Room& room, KneeSpace knee) {
  return geometry::difference(outline(room), floor_obstacles(c, room, knee));
}

}  // namespace barrierfree
