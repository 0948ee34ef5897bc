// Validation beyond types: ids, cross-references and geometry.
#include "model/case_parts.hpp"

#include <barrierfree/geometry/operations.hpp>

#include "util/suggest.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

namespace barrierfree::model {

namespace code = io::code;
using io::JsonReader;

namespace {

/// A door may stand at most this far (mm) from the wall its rooms share.
constexpr double door_wall_tolerance = 50.0;
/// Rooms overlapping by less than this (mm²) are taken to touch.
constexpr double overlap_tolerance_mm2 = 100.0;
/// A grab bar's ends may stand this far (mm) outside its room (bars sit on walls).
constexpr double grab_bar_tolerance = 50.0;

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string area_text(double mm2) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f m²", mm2 / 1e6);
  return buf;
}

class Validator {
 public:
  Validator(const Case& c, const Completeness& ok, JsonReader& r) : c_(c), ok_(ok), r_(r) {}

  void run() {
    ids();
    references();
    geometry();
  }

 private:
  const Case& c_;
  const Completeness& ok_;
  JsonReader& r_;
  std::vector<std::string> room_ids_;
  std::vector<std::string> fixture_ids_;
  std::vector<Ring> rings_;        // normalised outline per room (empty when invalid)

  /// Where a field is, spelled out as a JSON pointer only for an error: a valid case
  /// (nearly every one) then builds no pointer at all.
  struct Where {
    std::string_view list;
    std::size_t index;
    std::string_view field;
    int item = -1;  ///< an element of the field, as a door's "rooms/0"
    [[nodiscard]] std::string str() const {
      std::string out = "/" + std::string(list) + "/" + std::to_string(index) + "/" + std::string(field);
      if (item >= 0) out += "/" + std::to_string(item);
      return out;
    }
  };
  static Where at(std::string_view list, std::size_t i, std::string_view field, int item = -1) {
    return {list, i, field, item};
  }

  Where room_geometry_path(std::size_t i) const {
    return at("rooms", i, c_.rooms[i].rect ? "rect" : "polygon");
  }

  void ids() {
    std::unordered_map<std::string_view, Where> seen;
    auto claim = [&](const std::string& id, Where path) {
      if (id.empty()) return;
      if (id == outside_id || id == "building" || id == "home") {
        r_.error(code::invalid_value, path.str(),
                 quoted(id) + " is reserved (\"outside\", \"building\" and \"home\" name places "
                              "that are not elements)");
        return;
      }
      auto [it, fresh] = seen.emplace(id, path);
      if (!fresh) r_.error(code::duplicate_id, path.str(), "duplicate id " + quoted(id) + " (first used at " + it->second.str() + ")");
    };
    for (std::size_t i = 0; i < c_.rooms.size(); ++i) claim(c_.rooms[i].id, at("rooms", i, "id"));
    for (std::size_t i = 0; i < c_.doors.size(); ++i) claim(c_.doors[i].id, at("doors", i, "id"));
    for (std::size_t i = 0; i < c_.fixtures.size(); ++i) claim(c_.fixtures[i].id, at("fixtures", i, "id"));
    for (std::size_t i = 0; i < c_.grab_bars.size(); ++i) claim(c_.grab_bars[i].id, at("grab_bars", i, "id"));
    for (std::size_t i = 0; i < c_.steps.size(); ++i) claim(c_.steps[i].id, at("steps", i, "id"));
    for (std::size_t i = 0; i < c_.ramps.size(); ++i) claim(c_.ramps[i].id, at("ramps", i, "id"));
    for (std::size_t i = 0; i < c_.devices.size(); ++i) claim(c_.devices[i].id, at("devices", i, "id"));

    std::unordered_map<std::string_view, Where> people;
    for (std::size_t i = 0; i < c_.occupants.size(); ++i) {
      const std::string& id = c_.occupants[i].id;
      if (id.empty()) continue;
      const Where path = at("occupants", i, "id");
      auto [it, fresh] = people.emplace(id, path);
      if (!fresh) r_.error(code::duplicate_id, path.str(), "duplicate occupant id " + quoted(id) + " (first used at " + it->second.str() + ")");
    }
  }

  bool known_room(const std::string& id, bool allow_outside) const {
    if (allow_outside && id == outside_id) return true;
    return std::find(room_ids_.begin(), room_ids_.end(), id) != room_ids_.end();
  }

  /// False (and reported) when `id` names no room.
  bool room_ref(const std::string& id, const Where& path, bool allow_outside) {
    // A room list that could not be read would make every reference dangle.
    if (!ok_.rooms_listed || id.empty() || known_room(id, allow_outside)) return true;
    std::vector<std::string> candidates = room_ids_;
    if (allow_outside) candidates.emplace_back(outside_id);
    r_.error(code::unknown_reference, path.str(),
             "unknown room " + quoted(id) + util::did_you_mean(id, candidates));
    return false;
  }

  void references() {
    for (const Room& room : c_.rooms) room_ids_.push_back(room.id);
    for (const Fixture& f : c_.fixtures) fixture_ids_.push_back(f.id);

    for (std::size_t i = 0; i < c_.doors.size(); ++i) {
      const Door& d = c_.doors[i];
      bool rooms_known = true;
      for (std::size_t k = 0; k < 2; ++k)
        rooms_known &= room_ref(d.rooms[k], at("doors", i, "rooms", static_cast<int>(k)), true);
      // An empty id is a room that could not be read (its error is given): nothing to compare with.
      rooms_known &= !d.rooms[0].empty() && !d.rooms[1].empty();
      if (rooms_known && d.swing_into && *d.swing_into != d.rooms[0] && *d.swing_into != d.rooms[1])
        r_.error(code::invalid_value, at("doors", i, "swing_into").str(),
                 "swing_into " + quoted(*d.swing_into) + " is not one of the door's rooms (" +
                     quoted(d.rooms[0]) + ", " + quoted(d.rooms[1]) + ")" +
                     util::did_you_mean(*d.swing_into, d.rooms));
      if (d.swing_into && d.type != DoorType::swing)
        r_.error(code::conflicting_fields, at("doors", i, "swing_into").str(),
                 "swing_into is given but the door is of type " + quoted(std::string(to_string(d.type))));
    }
    for (std::size_t i = 0; i < c_.fixtures.size(); ++i) room_ref(c_.fixtures[i].room, at("fixtures", i, "room"), false);
    for (std::size_t i = 0; i < c_.grab_bars.size(); ++i) {
      const GrabBar& g = c_.grab_bars[i];
      room_ref(g.room, at("grab_bars", i, "room"), false);
      if (!g.serves) continue;
      const Fixture* f = c_.find_fixture(*g.serves);
      if (!f)
        r_.error(code::unknown_reference, at("grab_bars", i, "serves").str(),
                 "unknown fixture " + quoted(*g.serves) + util::did_you_mean(*g.serves, fixture_ids_));
      else if (f->room != g.room && known_room(f->room, false))
        r_.error(code::invalid_value, at("grab_bars", i, "serves").str(),
                 "serves fixture " + quoted(f->id) + " in room " + quoted(f->room) +
                     " but the bar is in room " + quoted(g.room));
    }
    // A level change's rooms, and the one of them a field names (a step's lower side, a ramp's room).
    auto level_change = [&](const char* list, std::size_t i, const std::array<std::string, 2>& rooms,
                            const std::optional<std::string>& side, const char* field, const char* what) {
      bool rooms_known = true;
      for (std::size_t k = 0; k < 2; ++k) rooms_known &= room_ref(rooms[k], at(list, i, "rooms", static_cast<int>(k)), true);
      rooms_known &= !rooms[0].empty() && !rooms[1].empty();
      if (rooms_known && side && *side != rooms[0] && *side != rooms[1])
        r_.error(code::invalid_value, at(list, i, field).str(),
                 std::string(field) + " " + quoted(*side) + " is not one of the " + what + "'s rooms (" +
                     quoted(rooms[0]) + ", " + quoted(rooms[1]) + ")" + util::did_you_mean(*side, rooms));
    };
    for (std::size_t i = 0; i < c_.steps.size(); ++i)
      level_change("steps", i, c_.steps[i].rooms, c_.steps[i].lower, "lower", "step");
    for (std::size_t i = 0; i < c_.ramps.size(); ++i) level_change("ramps", i, c_.ramps[i].rooms, c_.ramps[i].in, "in", "ramp");
    for (std::size_t i = 0; i < c_.devices.size(); ++i) room_ref(c_.devices[i].room, at("devices", i, "room"), false);
    for (std::size_t i = 0; i < c_.occupants.size(); ++i)
      if (const auto& b = c_.occupants[i].bedroom) {
        if (b->empty()) r_.error(code::invalid_value, at("occupants", i, "bedroom").str(), "bedroom is empty: give a room id");
        room_ref(*b, at("occupants", i, "bedroom"), false);
      }
  }

  const Ring* ring_of(const std::string& room_id) const {
    for (std::size_t i = 0; i < c_.rooms.size(); ++i)
      if (c_.rooms[i].id == room_id) return rings_[i].empty() ? nullptr : &rings_[i];
    return nullptr;
  }

  void geometry() {
    rings_.assign(c_.rooms.size(), {});
    for (std::size_t i = 0; i < c_.rooms.size(); ++i) {
      if (!ok_.rooms[i]) continue;
      const Where path = room_geometry_path(i);
      const auto& rect = c_.rooms[i].rect;
      // A rect narrower than the geometry's tolerance collapses to a line: zero width, too.
      if (rect && (rect->width == 0 || rect->depth == 0 ||
                   geometry::validate_ring(c_.rooms[i].polygon) != geometry::RingProblem::none)) {
        r_.error_id(errc::zero_area, path.str(), "rect has zero width or depth");
        continue;
      }
      switch (geometry::validate_ring(c_.rooms[i].polygon)) {
        case geometry::RingProblem::too_few_points:
          r_.error_id(errc::too_few_points, path.str(), "polygon has fewer than 3 distinct points");
          break;
        case geometry::RingProblem::self_intersecting:
          r_.error_id(errc::self_intersecting, path.str(), "polygon intersects itself");
          break;
        case geometry::RingProblem::zero_area:
          r_.error_id(errc::zero_area, path.str(), "polygon has zero area");
          break;
        case geometry::RingProblem::none: rings_[i] = geometry::normalised(c_.rooms[i].polygon); break;
      }
    }
    overlaps();
    for (std::size_t i = 0; i < c_.doors.size(); ++i) {
      if (!ok_.doors[i]) continue;
      const Door& d = c_.doors[i];
      const auto wall = on_shared_wall(d.rooms, d.at, at("doors", i, "at"), "door");
      // Likely a slip (metres for millimetres, the wrong wall): kept, but said.
      if (wall && d.clear_width && d.clear_width->mm() > wall->length() + 1.0)
        r_.warn(code::door_wider_than_wall, at("doors", i, "clear_width").str(),
                "door " + quoted(d.id) + " is " + std::to_string(std::lround(d.clear_width->mm())) +
                    " mm wide, but the wall it stands in is " + std::to_string(std::lround(wall->length())) + " mm long");
    }
    // A room no door, step or ramp leads into cannot be entered: in a plan that shows its doors,
    // one was likely left out, and the checks would call the room unreachable and the plan
    // could spend money in it. Kept, but said.
    // Only for a case without errors: a door whose rooms are misspelt is one mistake, said once.
    if (!c_.doors.empty() && r_.errors.empty())
      for (std::size_t i = 0; i < c_.rooms.size(); ++i) {
        const std::string& id = c_.rooms[i].id;
        const auto leads_in = [&](const auto& list) {
          return std::any_of(list.begin(), list.end(), [&](const auto& x) { return x.rooms[0] == id || x.rooms[1] == id; });
        };
        if (ok_.rooms[i] && !id.empty() && !leads_in(c_.doors) && !leads_in(c_.steps) && !leads_in(c_.ramps))
          r_.warn(code::room_without_door, at("rooms", i, "id").str(),
                  "no door, step or ramp leads into room " + quoted(id) + ": it cannot be entered (a door left out?)");
      }
    for (std::size_t i = 0; i < c_.steps.size(); ++i)
      if (ok_.steps[i] && c_.steps[i].at) on_shared_wall(c_.steps[i].rooms, *c_.steps[i].at, at("steps", i, "at"), "step");
    for (std::size_t i = 0; i < c_.ramps.size(); ++i)
      if (ok_.ramps[i] && c_.ramps[i].at) on_shared_wall(c_.ramps[i].rooms, *c_.ramps[i].at, at("ramps", i, "at"), "ramp");
    for (std::size_t i = 0; i < c_.fixtures.size(); ++i) {
      const Fixture& f = c_.fixtures[i];
      const Ring* ring = ok_.fixtures[i] ? ring_of(f.room) : nullptr;
      if (ring && !geometry::covers(*ring, f.at, 1.0))
        r_.error_id(errc::fixture_outside_room, at("fixtures", i, "at").str(),
                 "fixture " + quoted(f.id) + " stands outside its room " + quoted(f.room));
    }
    for (std::size_t i = 0; i < c_.grab_bars.size(); ++i) {
      const GrabBar& g = c_.grab_bars[i];
      const Ring* ring = ok_.grab_bars[i] ? ring_of(g.room) : nullptr;
      if (!ring) continue;
      for (const auto& [p, end] : {std::pair{g.from, "from"}, std::pair{g.to, "to"}})
        if (!geometry::covers(*ring, p, grab_bar_tolerance)) {
          // The end that is out; a vertical bar has one point.
          r_.error_id(errc::grab_bar_outside_room, at("grab_bars", i, g.vertical ? "at" : end).str(),
                   "grab bar " + quoted(g.id) + " is outside its room " + quoted(g.room));
          break;
        }
    }
  }

  void overlaps() {
    std::vector<Box> boxes(rings_.size());
    for (std::size_t i = 0; i < rings_.size(); ++i)
      if (!rings_[i].empty()) boxes[i] = geometry::bounds(rings_[i]);
    for (std::size_t j = 0; j < rings_.size(); ++j) {
      if (rings_[j].empty()) continue;
      for (std::size_t i = 0; i < j; ++i) {
        if (rings_[i].empty()) continue;
        if (c_.rooms[i].level_or_default() != c_.rooms[j].level_or_default()) continue;
        const Box& a = boxes[i];
        const Box& b = boxes[j];
        if (a.max.x <= b.min.x || b.max.x <= a.min.x || a.max.y <= b.min.y || b.max.y <= a.min.y) continue;
        const double common = geometry::overlap_area(rings_[i], rings_[j]);
        if (common > overlap_tolerance_mm2)
          r_.error_id(errc::rooms_overlap, room_geometry_path(j).str(),
                   "room " + quoted(c_.rooms[j].id) + " overlaps room " + quoted(c_.rooms[i].id) +
                       " by " + area_text(common) + " (rooms of one level must not overlap)");
      }
    }
  }

  /// The wall an opening at p between two rooms (or a room and outside) stands in, or
  /// nothing after an error that it stands in none.
  std::optional<Segment> on_shared_wall(const std::array<std::string, 2>& rooms, Point2 p, const Where& path,
                                        const char* what) {
    const bool outside0 = rooms[0] == outside_id, outside1 = rooms[1] == outside_id;
    // The nearest wall, joined with the pieces it continues in a straight line (a polygon
    // may have a vertex in the middle of a wall).
    auto nearest = [&](const std::vector<Segment>& walls) {
      const Segment s = *std::min_element(walls.begin(), walls.end(), [&](const Segment& x, const Segment& y) {
        return geometry::distance(p, x) < geometry::distance(p, y);
      });
      const double len = s.length();
      if (!(len > 0)) return s;
      const Point2 u = (s.b - s.a) * (1.0 / len);
      double lo = 0, hi = len;
      for (bool grew = true; grew;) {
        grew = false;
        for (const Segment& t : walls) {
          if (std::abs(cross(u, t.a - s.a)) > 1.0 || std::abs(cross(u, t.b - s.a)) > 1.0) continue;
          const double ta = dot(u, t.a - s.a), tb = dot(u, t.b - s.a);
          const double t_lo = std::min(ta, tb), t_hi = std::max(ta, tb);
          if (t_lo > hi + 1.0 || t_hi < lo - 1.0) continue;  // not touching the span
          if (t_lo < lo - 1e-9 || t_hi > hi + 1e-9) {
            lo = std::min(lo, t_lo);
            hi = std::max(hi, t_hi);
            grew = true;
          }
        }
      }
      return Segment{s.a + u * lo, s.a + u * hi};
    };
    if (outside0 || outside1) {
      const Ring* ring = ring_of(outside0 ? rooms[1] : rooms[0]);
      if (!ring || ring->size() < 3) return std::nullopt;
      const Segment wall = nearest(geometry::edges(*ring));
      const double d = geometry::distance(p, wall);
      if (d > door_wall_tolerance) {
        r_.error_id(errc::not_on_shared_wall, path.str(),
                 std::string(what) + " is " + std::to_string(static_cast<long>(std::lround(d))) +
                     " mm from the walls of room " + quoted(outside0 ? rooms[1] : rooms[0]) +
                     " (at most 50 mm allowed)");
        return std::nullopt;
      }
      return wall;
    }
    const Ring* a = ring_of(rooms[0]);
    const Ring* b = ring_of(rooms[1]);
    if (!a || !b) return std::nullopt;
    const auto walls = geometry::shared_walls(*a, *b, door_wall_tolerance);
    if (walls.empty()) {
      r_.error_id(errc::not_on_shared_wall, path.str(),
               "rooms " + quoted(rooms[0]) + " and " + quoted(rooms[1]) + " share no wall for the " + what + " to stand in");
      return std::nullopt;
    }
    const Segment wall = nearest(walls);
    const double best = geometry::distance(p, wall);
    if (best > door_wall_tolerance) {
      r_.error_id(errc::not_on_shared_wall, path.str(),
               std::string(what) + " is " + std::to_string(static_cast<long>(std::lround(best))) +
                   " mm from the wall shared by rooms " + quoted(rooms[0]) + " and " + quoted(rooms[1]) +
                   " (at most 50 mm allowed)");
      return std::nullopt;
    }
    return wall;
  }
};

}  // namespace

void validate_case(const Case& c, const Completeness& complete, io::JsonReader& reader) {
  Validator(c, complete, reader).run();
}

}  // namespace barrierfree::model
