// Geometry of a case's elements: room outlines, fixture footprints, the walls
// two rooms share and the free floor of a room. Computed from the plan, never
// from a declared label.
#pragma once

#include <barrierfree/geometry/types.hpp>
#include <barrierfree/model/case.hpp>

#include <optional>
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

/// The straight wall of a room that a door, step or ramp at `p` stands on, seen from the room.
struct WallRun {
  Point2 at;      ///< p's foot on the wall
  Point2 along;   ///< unit vector along the wall
  Point2 inward;  ///< unit vector into the room
  double before = 0, after = 0;  ///< how far the straight wall runs from `at`, back and on along `along`
};

/// The wall of `room` that a connection at `p` to the room `beyond` stands on: of the walls
/// within wall_tolerance_mm of p, the nearest one `beyond` is beyond; else the nearest wall.
std::optional<WallRun> wall_at(const Case& c, const std::string& room, const std::string& beyond, Point2 p);

/// Where a placed ramp lies: its top end on a wall of its room `in`, centred on `top`, and its
/// run straight out from that wall into the room.
struct RampFrame {
  Point2 top;     ///< the middle of its top end, on the wall
  Point2 along;   ///< unit vector along the wall
  Point2 inward;  ///< unit vector into `in`, down the run
  double width = 0, length = 0;
  /// The floor `from` … `to` mm out from the wall, as wide as the ramp: the run is 0 … length,
  /// the bottom landing beyond it, the top landing at negative distances (in the other room).
  [[nodiscard]] Ring strip(double from, double to) const;
};

/// The frame of a ramp placed on the plan: on the wall of `in` that wall_at() gives for `at` and
/// its other room, its top end shifted along that straight wall as little as keeps it on the wall
/// (centred on a wall shorter than the ramp is wide). Nothing where the ramp is not placed (no
/// `in` or `at`), has no width, rise or length, or `in` has no outline.
std::optional<RampFrame> ramp_frame(const Case& c, const Ramp& ramp);

/// The floor a placed ramp's sloped run covers (ramp_frame()'s strip(0, length)), which is not level.
std::optional<Ring> ramp_run(const Case& c, const Ramp& ramp);

enum class KneeSpace {
  /// Floor to turn and manoeuvre on (turning spaces, manoeuvring clearances): knee space under
  /// basins and counters is free, a ramp's sloped run is not (it is not level: ADA 304.2, 404.2.4.4).
  counts_as_free,
  obstacle,  ///< every footprint blocks the floor; a ramp's run is floor to pass over
};

/// The footprints that block the floor of `room`, and with KneeSpace::counts_as_free the sloped
/// runs of the ramps placed in it.
std::vector<Ring> floor_obstacles(const Case& c, const Room& room, KneeSpace knee = KneeSpace::counts_as_free);

/// The room's free floor: its outline minus floor_obstacles() (Boost.Geometry difference).
MultiPolygon free_floor(const Case& c, const Room& room, KneeSpace knee = KneeSpace::counts_as_free);

}  // namespace barrierfree
