// Internal: the geometry of a case, computed once per check run and shared by
// the checks: room outlines, floor obstacles, door frames, swing areas and
// which grab bars serve which fixture.
#pragma once

#include <barrierfree/model/case.hpp>
#include <barrierfree/model/plan_geometry.hpp>

#include "geometry/passage.hpp"

#include <array>
#include <map>
#include <optional>
#include <tuple>
#include <string>
#include <vector>

namespace barrierfree::rules {

/// A door seen from one of its rooms.
struct DoorSide {
  std::string room;
  Point2 centre;   ///< the door's position projected onto the wall
  Point2 along;    ///< unit vector along the wall
  Point2 inward;   ///< unit normal pointing into the room
  double width = 0;  ///< clear width, 0 when not measured
  std::size_t edge = 0;  ///< index of the outline edge the door is in

  /// The opening (centre ± width/2 along the wall).
  [[nodiscard]] Segment mouth() const;
  /// The point at the end of the opening on `side` (seen facing the door from this room).
  [[nodiscard]] Point2 end(Side side) const;
};

/// A piece of obstacle inside a band, in the band's coordinates.
struct BandPiece {
  double s0, s1;  ///< extent across the band
  double t;       ///< nearest distance along the band's direction
  std::string what;  ///< fixture id, or "wall"
};

/// A fixture's own frame: `forward` is where its user faces, `back` the middle of its
/// back edge (against the wall for a toilet), `left` across it. The checks measure
/// around fixtures in it, and the remedies place grab bars in it.
struct FixtureFrame {
  Point2 forward, left, back;
  double half_width = 0, depth = 0;
  /// The point `u` forward of the back edge and `v` to the left of the centreline.
  [[nodiscard]] Point2 at(double u, double v) const { return back + forward * u + left * v; }
};
FixtureFrame frame_of(const Fixture& f);

class PlanModel {
 public:
  explicit PlanModel(const Case& c);

  [[nodiscard]] const Ring* outline(const std::string& room) const;
  [[nodiscard]] const Room* room(const std::string& id) const;
  /// What blocks the floor of a room (floor_obstacles()): the fixtures' footprints, each at its
  /// fixture's index in obstacle_fixtures(), then for turning spaces the ramps' sloped runs.
  [[nodiscard]] const std::vector<Ring>& obstacles(const std::string& room, KneeSpace knee) const;
  [[nodiscard]] const std::vector<const Fixture*>& obstacle_fixtures(const std::string& room, KneeSpace knee) const;
  [[nodiscard]] std::vector<const Fixture*> fixtures_in(const std::string& room) const;

  /// The door seen from `room` (nullopt for "outside" or an invalid position).
  [[nodiscard]] std::optional<DoorSide> side(const Door& d, const std::string& room) const;
  /// The wall of `room` nearest to `at`, seen from the room, with the point projected onto it
  /// (width 0; nullopt for "outside").
  [[nodiscard]] std::optional<DoorSide> wall_side(const std::string& room, Point2 at) const;
  /// The latch side seen from the room the door swings into (or its first room):
  /// as given, else the end farther from the corner (doors are hung beside a wall).
  [[nodiscard]] Side latch(const Door& d, bool* assumed = nullptr) const;
  /// The quarter disc a swing door's leaf sweeps in the room it swings into,
  /// with the latch on `latch_side` (default: as latch() says).
  [[nodiscard]] std::optional<Ring> swing_area(const Door& d, std::optional<Side> latch_side = std::nullopt) const;
  /// Length of the straight wall run containing `edge` beyond `p` in direction `dir`.
  [[nodiscard]] double wall_run(const std::string& room, std::size_t edge, Point2 p, Point2 dir) const;

  /// The fixture a bar serves: `serves`, else the nearest fixture of its room within `reach`.
  [[nodiscard]] const Fixture* served_fixture(const GrabBar& g, double reach) const;
  [[nodiscard]] std::vector<const GrabBar*> bars_serving(const Fixture& f, double reach) const;

  /// Obstacles (walls of `room`, obstacles() except the one with id `ignore`) inside the band
  /// { origin + across·s + dir·t : s in (s0, s1), t >= start }, as pieces.
  [[nodiscard]] std::vector<BandPiece> band(const std::string& room, Point2 origin, Point2 dir, Point2 across,
                                            double s0, double s1, double start, KneeSpace knee,
                                            const std::string& ignore = {}) const;

  /// A passage between two connections of a room, for a given required width.
  using PassageKey = std::tuple<std::string, std::string, std::string, double>;
  /// The passage for `key`, computed by `compute` the first time it is asked for.
  template <class F>
  const geometry::Pinch& memo_passage(const PassageKey& key, F&& compute) const {
    if (auto it = passages_.find(key); it != passages_.end()) return it->second;
    return passages_.emplace(key, compute()).first->second;
  }

  const Case& c;

 private:
  mutable std::map<PassageKey, geometry::Pinch> passages_;
  std::map<std::string, Ring> outlines_;
  mutable std::map<std::pair<std::string, int>, std::vector<Ring>> obstacles_;
  mutable std::map<std::pair<std::string, int>, std::vector<const Fixture*>> obstacle_fixtures_;
  mutable std::map<std::pair<std::string, int>, std::vector<const std::string*>> obstacle_names_;  ///< ids, by obstacle
};

/// Whether two connections (a door, a step, a ramp) join the same two rooms, in either order.
inline bool same_rooms(const std::array<std::string, 2>& a, const std::array<std::string, 2>& b) {
  return (a[0] == b[0] && a[1] == b[1]) || (a[0] == b[1] && a[1] == b[0]);
}

/// The clear extent of a band: the smallest `t` of its pieces, or `limit`.
double band_extent(const std::vector<BandPiece>& pieces, double limit);
/// The largest clear extent over windows of length `window` inside [s0, s1].
double best_window_extent(const std::vector<BandPiece>& pieces, double s0, double s1, double window, double limit);
/// That window: its extent and start; of equally clear ones, the one whose middle is nearest `prefer`.
struct Window {
  double extent = 0;
  double start = 0;
};
Window best_window(const std::vector<BandPiece>& pieces, double s0, double s1, double window, double limit,
                   double prefer);

}  // namespace barrierfree::rules
