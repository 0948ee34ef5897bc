// Geometry of a case's elements: room outlines, fixture footprints, the walls
// two rooms share and the free floor of a room. Computed from the plan, never
// from a declared label.
#pragma once

#include <barrierfree/geometry/types.hpp>
#include <barrierfree/model/case.hpp>

#include <vector>

namespace barrierfree {

/// Doors, steps and ramps may stand this far (mm) from the wall their rooms share.
inline constexpr double wall_tolerance_mm = 50.0;

/// The room's outline: counter-clockwise, without repeated vertices.
Ring outline(const Room& room);

/// The fixture's footprint: `size` centred on `at`, depth along `facing`.
Ring footprint(const Fixture& fixture);

/// Whether a fixture blocks the floor. A level-entry shower (curb 0) does
/// not: its floor is walkable and counts as free floor.
bool blocks_floor(const Fixture& fixture);

/// Whether a fixture has knee space under it (basin or counter with
/// knee_clearance), which a wheelchair turning space may overlap.
bool has_knee_space(const Fixture& fixture);

/// The walls two rooms share (walls have no thickness; ends within `tolerance` mm count).
std::vector<Segment> shared_wall(const Room& a, const Room& b, double tolerance = wall_tolerance_mm);

enum class KneeSpace {
  counts_as_free,  ///< knee space under basins and counters is free floor (turning spaces)
  obstacle,        ///< every footprint blocks the floor
};

/// The footprints that block the floor of `room`.
std::vector<Ring> floor_obstacles(const Case& c, const Room& room, KneeSpace knee = KneeSpace::counts_as_free);

/// The room's free floor: its outline minus the footprints of the fixtures
/// that block the floor (Boost.Geometry difference).
MultiPolygon free_floor(const Case& c, const Room& room, KneeSpace knee = KneeSpace::counts_as_free);

}  // namespace barrierfree
