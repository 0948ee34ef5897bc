// The household case: the people, their home and the money available.
//
// One struct per element of the case format (`barrierfree.case/1`, see
// docs/format.md). Fields the format marks optional are std::optional here, so
// that "not measured" stays distinguishable from zero: checks that need a
// missing value report `insufficient_data`, never a silent pass.
// Lengths are barrierfree::Length (millimetres inside); plan coordinates are
// Point2 in millimetres, x right, y up.
#pragma once

#include <barrierfree/geometry/types.hpp>
#include <barrierfree/model/enums.hpp>
#include <barrierfree/units.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace barrierfree {

/// The id a door, step or ramp uses for the common corridor or landing outside the flat.
inline constexpr std::string_view outside_id = "outside";
/// The format tag this library reads and writes.
inline constexpr std::string_view case_format_tag = "barrierfree.case/1";

/// Nothing in a home is longer than a kilometre: a longer length or room is a mistake in the
/// input (a value in the wrong unit), and would make the geometry needlessly slow.
inline constexpr double max_length_mm = 1e6;
/// A room has at most this many corners (points on a straight wall between two others do not
/// count): a plan of a home needs far fewer, and the geometry's time grows with them (a room
/// of 400 corners takes a second to plan; docs/performance.md).
inline constexpr std::size_t max_room_corners = 256;
/// Plan coordinates are within 100 km of the origin (plans may use a site's coordinates).
inline constexpr double max_coordinate_mm = 1e8;

struct Disability {
  DisabilityCategory category = DisabilityCategory::physical;
  int grade = 1;  ///< 1 (most severe) … 4
  friend bool operator==(const Disability&, const Disability&) = default;
};

struct Occupant {
  std::string id;
  std::optional<std::string> name;  ///< free text, kept for the programme's records; no check reads it
  std::optional<int> age;
  std::optional<Mobility> mobility;  ///< absent = none
  std::vector<Disability> disabilities;
  /// Functional limitations as assessed; absent = derived (see docs/occupants.md).
  std::optional<std::vector<Limitation>> limitations;
  std::optional<std::string> notes;  ///< free text, kept; no check reads it
  /// The room they sleep in (extension): where an emergency call must reach them.
  std::optional<std::string> bedroom;

  [[nodiscard]] Mobility mobility_or_none() const { return mobility.value_or(Mobility::none); }
  friend bool operator==(const Occupant&, const Occupant&) = default;
};

struct EntranceSteps {
  int count = 0;
  std::optional<Length> rise;  ///< per step
  std::optional<bool> ramp;    ///< a ramp beside the steps (extension)
  friend bool operator==(const EntranceSteps&, const EntranceSteps&) = default;
};

struct Building {
  std::optional<int> storey;  ///< 1 = ground
  std::optional<bool> lift;
  std::optional<EntranceSteps> entrance_steps;  ///< between the street and the flat's door
  std::optional<bool> stair_climber;  ///< the household has a stair-climbing device (extension)
  friend bool operator==(const Building&, const Building&) = default;
};

struct Floor {
  std::optional<bool> slip_resistant;
  std::optional<bool> wet;
  friend bool operator==(const Floor&, const Floor&) = default;
};

/// `rect: [x, y, width, depth]` as given, kept for a faithful round trip.
struct Rect {
  double x = 0, y = 0, width = 0, depth = 0;
  friend bool operator==(const Rect&, const Rect&) = default;
};

struct Room {
  std::string id;
  RoomType type = RoomType::other;
  /// The outline as given (open ring, either orientation). When the room was
  /// given as `rect`, this is the rectangle's corners and `rect` is set.
  Ring polygon;
  std::optional<Rect> rect;
  std::optional<Floor> floor;
  std::optional<std::string> level;  ///< absent = "1"
  std::optional<std::string> name;   ///< display name (extension)

  [[nodiscard]] std::string level_or_default() const { return level.value_or("1"); }
  friend bool operator==(const Room&, const Room&) = default;
};

struct Door {
  std::string id;
  std::array<std::string, 2> rooms;
  Point2 at;  ///< centre of the opening, on the shared wall
  std::optional<Length> clear_width;
  DoorType type = DoorType::swing;
  std::optional<std::string> swing_into;
  std::optional<Length> threshold;  ///< sill height or level difference; 0 = flush
  std::optional<HandleType> handle;
  std::optional<Length> handle_height;
  std::optional<bool> threshold_ramp;  ///< a bevel / threshold ramp is fitted (extension)
  std::optional<Side> latch_side;      ///< extension, see Side in model/enums.hpp
  friend bool operator==(const Door&, const Door&) = default;
};

struct Fixture {
  std::string id;
  FixtureType type = FixtureType::other;
  std::string room;
  Point2 at;  ///< centre of the footprint
  Length width;
  Length depth;  ///< along `facing`
  std::optional<double> facing;  ///< degrees; absent = 0
  // Attributes by type (see docs/format.md for which type takes which).
  std::optional<ToiletKind> kind;
  std::optional<Length> seat_height;
  std::optional<Length> height;  ///< basin rim, counter surface, bed top
  std::optional<bool> knee_clearance;
  std::optional<Length> curb;
  std::optional<bool> seat;
  std::optional<Length> rim_height;
  std::optional<Fuel> fuel;
  std::optional<bool> commode_chair;  ///< toilets: a commode chair over the squat pan (extension)

  [[nodiscard]] double facing_or_default() const { return facing.value_or(0.0); }
  friend bool operator==(const Fixture&, const Fixture&) = default;
};

struct GrabBar {
  std::string id;
  std::string room;
  bool vertical = false;
  Point2 from;  ///< horizontal bars: one end; vertical bars: `at`
  Point2 to;    ///< horizontal bars: the other end; vertical bars: `at`
  Length height;  ///< horizontal bars
  Length bottom;  ///< vertical bars
  Length top;     ///< vertical bars
  std::optional<std::string> serves;
  std::optional<Length> diameter;
  std::optional<Length> wall_gap;
  friend bool operator==(const GrabBar&, const GrabBar&) = default;
};

struct Step {
  std::string id;
  std::array<std::string, 2> rooms;
  std::optional<Point2> at;
  int count = 1;
  std::optional<Length> rise;  ///< per step
  std::optional<bool> handrail;  ///< a handrail beside the step (extension)
  /// The one of `rooms` whose floor is lower (extension): a ramp is built up from it.
  std::optional<std::string> lower;
  friend bool operator==(const Step&, const Step&) = default;
};

struct Ramp {
  std::string id;
  std::array<std::string, 2> rooms;
  std::optional<Point2> at;
  Length rise;
  Length length;  ///< horizontal run
  std::optional<Length> width;
  std::optional<int> handrails;  ///< number of sides with a handrail
  std::optional<Length> landing_top;
  std::optional<Length> landing_bottom;
  /// The one of `rooms` its run and bottom landing lie in, straight out from the wall at `at`
  /// (extension; set by ramp.build, which measures that it fits there; ramp.rebuild measures there).
  std::optional<std::string> in;
  friend bool operator==(const Ramp&, const Ramp&) = default;
};

struct Device {
  std::string id;
  DeviceType type = DeviceType::switch_;
  std::string room;
  std::optional<Length> height;
  std::optional<bool> visual;
  std::optional<bool> audible;
  std::optional<bool> voice;
  std::optional<bool> shutoff;  ///< gas alarm closes the gas valve (extension)
  friend bool operator==(const Device&, const Device&) = default;
};

/// One household: what the case format calls a case.
struct Case {
  std::string id;
  std::optional<std::string> region;    ///< ISO 3166-2, e.g. "CN-42"
  std::optional<std::string> standard;  ///< ruleset id
  std::optional<double> budget;         ///< in catalogue currency; absent = no cap
  std::optional<std::string> notes;     ///< free text, kept; no check reads it
  std::vector<Occupant> occupants;
  std::optional<Building> building;
  std::vector<Room> rooms;
  std::vector<Door> doors;
  std::vector<Fixture> fixtures;
  std::vector<GrabBar> grab_bars;
  std::vector<Step> steps;
  std::vector<Ramp> ramps;
  std::vector<Device> devices;

  [[nodiscard]] const Room* find_room(std::string_view id) const;
  [[nodiscard]] const Door* find_door(std::string_view id) const;
  [[nodiscard]] const Fixture* find_fixture(std::string_view id) const;
  [[nodiscard]] const Step* find_step(std::string_view id) const;
  friend bool operator==(const Case&, const Case&) = default;
};

}  // namespace barrierfree
