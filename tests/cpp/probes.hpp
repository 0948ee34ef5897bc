// Probes: tiny flats built around one element for a rule's check kind, from
// the rule's own parameters, exactly at the rule's limit or just past it.
// Shared by the limit tests and the remedy tests.
#pragma once

#include <barrierfree/io/case_json.hpp>
#include <barrierfree/rules/check.hpp>
#include <barrierfree/rules/kinds.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <functional>

#include "rules/engine.hpp"

namespace probes {

using namespace barrierfree;
/// A flat of an entrance hall (3000 × 3000, everything in it compliant) and
/// whatever the probe adds; the entrance door is 1000 wide and flush.
struct Flat {
  Case c;

  Flat() {
    c.id = "probe";
    c.building = Building{1, false, EntranceSteps{0, Length::mm(0), std::nullopt}, std::nullopt};
    room("hall", RoomType::entrance_hall, 0, 0, 3000, 3000);
    door("d-entry", outside_id.data(), "hall", {1500, 0}, 1000, DoorType::sliding);
  }

  Room& room(const std::string& id, RoomType type, double x, double y, double w, double d) {
    Room r;
    r.id = id;
    r.type = type;
    r.rect = Rect{x, y, w, d};
    r.polygon = {{x, y}, {x + w, y}, {x + w, y + d}, {x, y + d}};
    c.rooms.push_back(r);
    return c.rooms.back();
  }

  Door& door(const std::string& id, const std::string& a, const std::string& b, Point2 at, double width, DoorType type) {
    Door d;
    d.id = id;
    d.rooms = {a, b};
    d.at = at;
    d.clear_width = Length::mm(width);
    d.type = type;
    d.threshold = Length::mm(0);
    d.handle = HandleType::lever;
    d.handle_height = Length::mm(900);
    c.doors.push_back(d);
    return c.doors.back();
  }

  Fixture& fixture(const std::string& id, FixtureType type, const std::string& room, Point2 at, double w, double d,
                   double facing) {
    Fixture f;
    f.id = id;
    f.type = type;
    f.room = room;
    f.at = at;
    f.width = Length::mm(w);
    f.depth = Length::mm(d);
    f.facing = facing;
    c.fixtures.push_back(f);
    return c.fixtures.back();
  }

  GrabBar& bar(const std::string& id, const std::string& room, Point2 from, Point2 to, double height,
               const std::string& serves) {
    GrabBar g;
    g.id = id;
    g.room = room;
    g.from = from;
    g.to = to;
    g.height = Length::mm(height);
    g.serves = serves;
    c.grab_bars.push_back(g);
    return c.grab_bars.back();
  }

  /// A ramp with both handrails and landings of `landings`.
  Ramp& ramp(const std::string& id, const std::array<std::string, 2>& rooms, double rise, double length, double width,
             double landings) {
    Ramp r;
    r.id = id;
    r.rooms = rooms;
    r.rise = Length::mm(rise);
    r.length = Length::mm(length);
    r.width = Length::mm(width);
    r.handrails = 2;
    r.landing_top = r.landing_bottom = Length::mm(landings);
    c.ramps.push_back(r);
    return c.ramps.back();
  }

  Device& device(const std::string& id, DeviceType type, const std::string& room) {
    Device d;
    d.id = id;
    d.type = type;
    d.room = room;
    c.devices.push_back(d);
    return c.devices.back();
  }

  /// A bathroom east of the hall, reached by a wide flush door.
  void bathroom(double w = 3000, double d = 3000) {
    room("bath", RoomType::bathroom, 3000, 0, w, d);
    door("d-bath", "hall", "bath", {3000, 500}, 1000, DoorType::sliding);
  }
};

/// An occupant who has `need` (and, as far as possible, nothing else).
inline Occupant needing(const std::string& need) {
  Occupant o;
  o.id = "p1";
  o.limitations = std::vector<Limitation>{};
  if (need == "wheelchair") o.mobility = Mobility::manual_wheelchair;
  else if (need == "walker") o.mobility = Mobility::walker;
  else if (need == "walking_aid" || need == "mobility_aid") o.mobility = Mobility::cane;
  else if (need == "bedbound") o.mobility = Mobility::bedbound;
  else if (need == "severe") o.disabilities = {{DisabilityCategory::speech, 1}};
  else if (need == "severe_physical") o.disabilities = {{DisabilityCategory::physical, 1}};
  else if (auto cat = parse_enum<DisabilityCategory>(need)) o.disabilities = {{*cat, 3}};
  else if (auto lim = parse_enum<Limitation>(need)) o.limitations = std::vector<Limitation>{*lim};
  else FAIL("no occupant for need " << need);
  return o;
}

inline Occupant needing_nothing() {
  Occupant o;
  o.id = "p1";
  o.mobility = Mobility::none;
  o.limitations = std::vector<Limitation>{};
  return o;
}

/// A probe: the flat at the limit (`past` false) or just past it, and the element to look at.
struct Probe {
  std::string element;
  std::function<void(Flat&, bool past)> build;
};

inline const Param& param(const Rule& r, const char* name) {
  const Param* p = r.param(name);
  if (!p) FAIL("rule " << r.id << " has no parameter " << name);
  return *p;
}

inline std::string first_name(const Rule& r, const char* name, const std::string& fallback) {
  const Param* p = r.param(name);
  return p && !p->names.empty() ? p->names.front() : fallback;
}

inline FixtureType fixture_type(const Rule& r) {
  return parse_enum<FixtureType>(first_name(r, "fixture", "toilet")).value();
}

/// A toilet (or the fixture a bar rule names) against the south wall of a big bathroom.
inline Fixture& sanitary(Flat& f, FixtureType type) {
  f.bathroom();
  // Against the back (south) wall, facing north.
  return f.fixture("fx", type, "bath", {4500, 350}, 400, 700, 90);
}

using ProbeFactory = std::function<Probe(const Ruleset&, const Rule&)>;

inline std::map<std::string, ProbeFactory> factories() {
  std::map<std::string, ProbeFactory> p;

  p["building.access"] = [](const Ruleset&, const Rule& r) {
    const std::string cause = first_name(r, "cause", "no_lift");
    return Probe{"building", [cause](Flat& f, bool past) {
                   if (cause == "no_lift") f.c.building->storey = past ? 2 : 1;
                   else f.c.building->entrance_steps = EntranceSteps{past ? 1 : 0, Length::mm(150), std::nullopt};
                 }};
  };
  p["door.clear_width"] = [](const Ruleset&, const Rule& r) {
    const double min = r.mm("min");
    return Probe{"d-entry", [min](Flat& f, bool past) { f.c.doors[0].clear_width = Length::mm(min - (past ? 1 : 0)); }};
  };
  p["door.threshold"] = [](const Ruleset&, const Rule& r) {
    const double max = r.mm("max");
    return Probe{"d-entry", [max](Flat& f, bool past) { f.c.doors[0].threshold = Length::mm(max + (past ? 1 : 0)); }};
  };
  p["door.handle"] = [](const Ruleset&, const Rule& r) {
    const double min = r.mm("min");
    return Probe{"d-entry", [min](Flat& f, bool past) { f.c.doors[0].handle_height = Length::mm(min - (past ? 1 : 0)); }};
  };
  p["door.latch_side"] = [](const Ruleset&, const Rule& r) {
    const double min = r.mm("min");
    return Probe{"d-room", [min](Flat& f, bool past) {
                   // A room east of the hall; the door swings into it and its
                   // latch (right, seen from the room) points north, `min` from the corner.
                   f.room("room", RoomType::bedroom, 3000, 0, 3000, 3000);
                   const double y = 3000 - 400 - min + (past ? 1 : 0);
                   Door& d = f.door("d-room", "hall", "room", {3000, y}, 800, DoorType::swing);
                   d.swing_into = "room";
                   d.latch_side = Side::right;
                 }};
  };
  p["door.turning_space"] = [](const Ruleset&, const Rule& r) {
    const double need = r.has("diameter") ? r.mm("diameter") : r.mm("opening_depth");
    return Probe{"d-room", [need](Flat& f, bool past) {
                   // A sliding door into a room exactly `need` deep.
                   f.room("room", RoomType::bedroom, 3000, 0, need - (past ? 1 : 0), 4000);
                   f.door("d-room", "hall", "room", {3000, 1500}, 900, DoorType::sliding);
                 }};
  };
  p["route.reachable"] = [](const Ruleset& rs, const Rule&) {
    // The way into the living room is exactly as wide as the ruleset's doors must be.
    const double min = rs.first("door.clear_width")->mm("min");
    return Probe{"living", [min](Flat& f, bool past) {
                   f.room("living", RoomType::living, 3000, 0, 4000, 3000);
                   f.door("d-living", "hall", "living", {3000, 1500}, min - (past ? 1 : 0), DoorType::sliding);
                 }};
  };
  p["route.clear_width"] = [](const Ruleset&, const Rule& r) {
    const double min = r.mm("min");
    return Probe{"corridor", [min](Flat& f, bool past) {
                   const double w = min - (past ? 1 : 0);
                   f.room("corridor", RoomType::corridor, 3000, 0, 5000, w);
                   f.room("living", RoomType::living, 8000, 0, 4000, 4000);
                   f.door("d-corridor", "hall", "corridor", {3000, w / 2}, 800, DoorType::opening);
                   f.door("d-living", "corridor", "living", {8000, w / 2}, 800, DoorType::opening);
                 }};
  };
  p["route.step"] = [](const Ruleset&, const Rule& rule) {
    const double max = rule.mm("max", 0);
    return Probe{"s1", [max](Flat& f, bool past) {
                   f.room("living", RoomType::living, 3000, 0, 4000, 3000);
                   f.door("d-living", "hall", "living", {3000, 1500}, 900, DoorType::opening);
                   // At the limit: a level change of exactly `max` (none at all when max is 0).
                   if (past || max > 0)
                     f.c.steps.push_back(
                         Step{"s1", {"hall", "living"}, Point2{3000, 1500}, 1, Length::mm(past ? max + 1 : max), std::nullopt, "living"});
                 }};
  };
  auto ramp = [](Flat& f, double rise, double length) {
    return &f.ramp("r1", {std::string(outside_id), "hall"}, rise, length, 1500, 1600);
  };
  p["ramp.slope"] = [ramp](const Ruleset&, const Rule& r) {
    return Probe{"r1", [ramp, &r](Flat& f, bool past) {
                   const double rise = 150;
                   const double length = rise / *rules::allowed_slope(r, rise);
                   ramp(f, rise, length - (past ? 1 : 0));
                 }};
  };
  p["ramp.width"] = [ramp](const Ruleset&, const Rule& r) {
    const double min = r.mm("min");
    return Probe{"r1", [ramp, min](Flat& f, bool past) { ramp(f, 50, 1000)->width = Length::mm(min - (past ? 1 : 0)); }};
  };
  p["ramp.landing"] = [ramp](const Ruleset&, const Rule& r) {
    const double min = r.mm("min");
    return Probe{"r1", [ramp, min](Flat& f, bool past) { ramp(f, 50, 1000)->landing_top = Length::mm(min - (past ? 1 : 0)); }};
  };
  p["ramp.handrail"] = [ramp](const Ruleset&, const Rule& r) {
    const double over = r.mm("rise_over");
    return Probe{"r1", [ramp, over](Flat& f, bool past) {
                   const double rise = over + (past ? 1 : 0);
                   ramp(f, rise, rise * 10)->handrails = 0;  // 1:10, steeper than any trigger slope
                 }};
  };
  p["turning_space"] = [](const Ruleset&, const Rule& r) {
    const double d = r.mm("diameter");
    const RoomType type = parse_enum<RoomType>(first_name(r, "rooms", "bathroom")).value();
    return Probe{"room", [d, type](Flat& f, bool past) {
                   f.room("room", type, 3000, 0, d - (past ? 1 : 0), 3000);
                   f.door("d-room", "hall", "room", {3000, 1500}, 900, DoorType::opening);
                 }};
  };
  p["room.area"] = [](const Ruleset&, const Rule& r) {
    double min = 0;
    for (const auto& row : param(r, "table").raw)
      if (row["kind"] == "living") min = row["min"]["value"].get<double>();
    return Probe{"living", [min](Flat& f, bool past) {
                   // 4000 deep, as wide as the area needs (one millimetre less when past).
                   f.room("living", RoomType::living, 3000, 0, min * 1e6 / 4000 - (past ? 1 : 0), 4000);
                   f.door("d-living", "hall", "living", {3000, 1500}, 900, DoorType::opening);
                 }};
  };
  p["toilet.type"] = [](const Ruleset&, const Rule&) {
    return Probe{"fx", [](Flat& f, bool past) {
                   Fixture& t = sanitary(f, FixtureType::toilet);
                   t.kind = past ? ToiletKind::squat : ToiletKind::seated;
                   t.seat_height = Length::mm(450);
                 }};
  };
  p["toilet.seat_height"] = [](const Ruleset&, const Rule& r) {
    const double min = r.mm("min");
    return Probe{"fx", [min](Flat& f, bool past) {
                   Fixture& t = sanitary(f, FixtureType::toilet);
                   t.kind = ToiletKind::seated;
                   t.seat_height = Length::mm(min - (past ? 1 : 0));
                 }};
  };
  p["toilet.transfer_space"] = [](const Ruleset&, const Rule& r) {
    const double w = r.mm("width"), d = r.mm("depth");
    return Probe{"fx", [w, d](Flat& f, bool past) {
                   // A cubicle exactly w × d with the toilet in the middle of its back wall.
                   const double width = w - (past ? 1 : 0);
                   f.room("bath", RoomType::bathroom, 3000, 0, width, d);
                   f.door("d-bath", "hall", "bath", {3000, d - 500}, 800, DoorType::sliding);
                   f.fixture("fx", FixtureType::toilet, "bath", {3000 + width / 2, 350}, 400, 700, 90).kind = ToiletKind::seated;
                 }};
  };
  auto bars_probe = [](FixtureType type) {
    return [type](const Ruleset&, const Rule& r) {
      const int h = static_cast<int>(r.mm("horizontal")), v = static_cast<int>(r.mm("vertical"));
      return Probe{"fx", [type, h, v](Flat& f, bool past) {
                     Fixture& fx = sanitary(f, type);
                     fx.curb = Length::mm(0);
                     const int horizontal = h - (past && h > 0 ? 1 : 0);
                     const int vertical = v - (past && h == 0 ? 1 : 0);
                     for (int i = 0; i < horizontal; ++i) {
                       const double x = 4500 + (i % 2 ? -1 : 1) * 450;
                       f.bar("h" + std::to_string(i), "bath", {x, 100}, {x, 900}, 700, "fx");
                     }
                     for (int i = 0; i < vertical; ++i) {
                       GrabBar& g = f.bar("v" + std::to_string(i), "bath", {4950, 950.0 + 50 * i}, {4950, 950.0 + 50 * i}, 0, "fx");
                       g.vertical = true;
                       g.bottom = Length::mm(750);
                       g.top = Length::mm(1400);
                     }
                   }};
    };
  };
  p["toilet.grab_bars"] = bars_probe(FixtureType::toilet);
  p["shower.grab_bars"] = bars_probe(FixtureType::shower);
  p["grab_bar.height"] = [](const Ruleset&, const Rule& r) {
    const double min = r.mm("horizontal_min");
    const FixtureType type = fixture_type(r);
    return Probe{"h0", [min, type](Flat& f, bool past) {
                   sanitary(f, type);
                   f.bar("h0", "bath", {4950, 100}, {4950, 900}, min - (past ? 1 : 0), "fx");
                 }};
  };
  p["grab_bar.position"] = [](const Ruleset&, const Rule& r) {
    const double length = r.mm("length_min");
    const double rear = r.mm("rear_max", 0);
    const double front = std::max({r.mm("reach_min", 0), 700 + r.mm("front_min", 0), rear + length});
    const double offset = r.has("offset_min") ? r.mm("offset_min") : 400;
    return Probe{"h0", [rear, front, offset](Flat& f, bool past) {
                   sanitary(f, FixtureType::toilet);
                   // Toilet back at y = 0, centreline x = 4500: a side bar east of it.
                   f.bar("h0", "bath", {4500 + offset, rear + (past ? 1 : 0)}, {4500 + offset, front}, 700, "fx");
                 }};
  };
  p["shower.curb"] = [](const Ruleset&, const Rule& r) {
    const double max = r.mm("max");
    return Probe{"fx", [max](Flat& f, bool past) { sanitary(f, FixtureType::shower).curb = Length::mm(max + (past ? 1 : 0)); }};
  };
  p["shower.seat"] = [](const Ruleset&, const Rule&) {
    return Probe{"fx", [](Flat& f, bool past) { sanitary(f, FixtureType::shower).seat = !past; }};
  };
  p["bathtub.access"] = [](const Ruleset&, const Rule& r) {
    const int bars = static_cast<int>(r.mm("bars", 2));
    return Probe{"fx", [bars](Flat& f, bool past) {
                   sanitary(f, FixtureType::bathtub).seat = !past;
                   for (int i = 0; i < bars; ++i) f.bar("h" + std::to_string(i), "bath", {4400.0 + 200 * i, 100}, {4400.0 + 200 * i, 600}, 600, "fx");
                 }};
  };
  auto height_probe = [](FixtureType type) {
    return [type](const Ruleset&, const Rule& r) {
      const double max = r.mm("max");
      return Probe{"fx", [type, max](Flat& f, bool past) {
                     f.bathroom();
                     const std::string room = type == FixtureType::kitchen_counter ? "kitchen" : "bath";
                     if (room == "kitchen") {
                       f.room("kitchen", RoomType::kitchen, 0, 3000, 3000, 3000);
                       f.door("d-kitchen", "hall", "kitchen", {1500, 3000}, 900, DoorType::sliding);
                     }
                     Fixture& fx = f.fixture("fx", type, room, {room == "bath" ? 4500.0 : 1500.0, room == "bath" ? 300.0 : 5700.0},
                                             600, 600, room == "bath" ? 90 : 270);
                     fx.height = Length::mm(max + (past ? 1 : 0));
                     fx.knee_clearance = true;
                   }};
    };
  };
  p["basin.height"] = height_probe(FixtureType::basin);
  p["counter.height"] = height_probe(FixtureType::kitchen_counter);
  p["bed.side_space"] = [](const Ruleset&, const Rule& r) {
    const double min = r.mm("min");
    return Probe{"bed", [min](Flat& f, bool past) {
                   // A bed against the west wall; the free strip east of it is `min` wide.
                   f.room("bedroom", RoomType::bedroom, 3000, 0, 1000 + min - (past ? 1 : 0), 3000);
                   f.door("d-bed", "hall", "bedroom", {3000, 2500}, 900, DoorType::sliding);
                   f.fixture("bed", FixtureType::bed, "bedroom", {3500, 1000}, 1000, 2000, 90);
                 }};
  };
  p["control.height"] = [](const Ruleset&, const Rule& r) {
    const double min = r.mm("min");
    const DeviceType type = parse_enum<DeviceType>(first_name(r, "devices", "switch")).value();
    return Probe{"dev", [min, type](Flat& f, bool past) { f.device("dev", type, "hall").height = Length::mm(min - (past ? 1 : 0)); }};
  };
  p["floor.slip"] = [](const Ruleset&, const Rule&) {
    return Probe{"bath", [](Flat& f, bool past) {
                   f.bathroom();
                   f.c.rooms.back().floor = Floor{!past, true};
                 }};
  };
  auto signal_probe = [](std::optional<bool> Device::*signal) {
    return [signal](const Ruleset&, const Rule& r) {
      const DeviceType type = parse_enum<DeviceType>(first_name(r, "device", "doorbell")).value();
      return Probe{"home", [signal, type](Flat& f, bool past) { f.device("dev", type, "hall").*signal = !past; }};
    };
  };
  p["alert.visual"] = signal_probe(&Device::visual);
  p["alert.voice"] = signal_probe(&Device::voice);
  p["safety.gas"] = [](const Ruleset&, const Rule&) {
    return Probe{"home", [](Flat& f, bool past) {
                   f.room("kitchen", RoomType::kitchen, 0, 3000, 3000, 3000);
                   f.door("d-kitchen", "hall", "kitchen", {1500, 3000}, 900, DoorType::sliding);
                   f.fixture("stove", FixtureType::stove, "kitchen", {1500, 5700}, 800, 600, 270).fuel = Fuel::gas;
                   f.device("gas", DeviceType::gas_alarm, "kitchen").shutoff = !past;
                 }};
  };
  p["safety.call"] = [](const Ruleset&, const Rule& r) {
    const Param* types = r.param("rooms");
    return Probe{"home", [types](Flat& f, bool past) {
                   f.room("room", parse_enum<RoomType>(types->names.front()).value(), 3000, 0, 3000, 3000);
                   f.door("d-room", "hall", "room", {3000, 1500}, 900, DoorType::sliding);
                   if (!past) f.device("call", DeviceType::call_button, "room").height = Length::mm(450);
                 }};
  };
  return p;
}


}  // namespace probes
