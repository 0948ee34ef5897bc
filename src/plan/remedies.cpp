// What each remedy changes in the model (check-kinds.md, "Remedies"), so that
// a plan is proven by checking the changed home again.
#include "plan/remedies.hpp"

#include <barrierfree/geometry/operations.hpp>
#include <barrierfree/model/plan_geometry.hpp>
#include <barrierfree/rules/check.hpp>

#include "rules/engine.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace barrierfree::planning {

namespace {

namespace g = barrierfree::geometry;

template <class T>
T* find(std::vector<T>& list, const std::string& id) {
  for (T& x : list)
    if (x.id == id) return &x;
  return nullptr;
}

/// A fresh id: `base`, or base-2, base-3, … when taken.
std::string fresh_id(const Case& c, const std::string& base) {
  std::set<std::string> used;
  for (const auto& x : c.rooms) used.insert(x.id);
  for (const auto& x : c.doors) used.insert(x.id);
  for (const auto& x : c.fixtures) used.insert(x.id);
  for (const auto& x : c.grab_bars) used.insert(x.id);
  for (const auto& x : c.steps) used.insert(x.id);
  for (const auto& x : c.ramps) used.insert(x.id);
  for (const auto& x : c.devices) used.insert(x.id);
  if (!used.count(base)) return base;
  for (int i = 2;; ++i)
    if (!used.count(base + "-" + std::to_string(i))) return base + "-" + std::to_string(i);
}

double ceil_to(double v, double step) { return std::ceil(v / step - 1e-9) * step; }
double floor_to(double v, double step) { return std::floor(v / step + 1e-9) * step; }

/// The first rule of a check kind whose `fixture` / `devices` list names `type` (or has none).
const Rule* rule_for(const Ruleset& rs, std::string_view check, std::string_view list_param, std::string_view type) {
  for (const Rule& r : rs.rules) {
    if (r.check != check) continue;
    const Param* p = r.param(list_param);
    if (!p || rules::listed(p, type)) return &r;
  }
  return nullptr;
}

/// Midpoint of a rule's [min, max], rounded to 10 mm; `fallback` without a rule.
double middle(const Rule* r, const char* lo, const char* hi, double fallback) {
  if (!r || !r->has(lo)) return fallback;
  const double a = r->mm(lo), b = r->mm(hi, a);
  return std::round((a + b) / 2 / 10) * 10;
}

/// The room holding the entrance door (a door to "outside"), or the first room.
std::string entrance_room(const Case& c) {
  for (const Door& d : c.doors) {
    if (d.rooms[0] == outside_id) return d.rooms[1];
    if (d.rooms[1] == outside_id) return d.rooms[0];
  }
  return c.rooms.empty() ? std::string() : c.rooms.front().id;
}

/// The steepest compliant slope for a rise under the ruleset (1:12 without a ramp.slope rule).
double compliant_slope(const Ruleset& rs, double rise) {
  if (const Rule* r = rs.first("ramp.slope"))
    if (auto s = rules::allowed_slope(*r, rise)) return *s;
  return 1.0 / 12;
}

/// The slope a new or rebuilt ramp is designed at: the catalogue's (`design_run` of run per
/// unit of rise), which a wheelchair user can climb alone, where the ruleset allows steeper for
/// short rises (GB 50763 Table 3.4.4: 1:8 up to 300 mm); never steeper than the ruleset allows.
double design_slope(const Ruleset& rs, const CatalogItem* item, double rise) {
  const double allowed = compliant_slope(rs, rise);
  const double run = item ? item->param("design_run", 0) : 0;
  return run > 0 ? std::min(allowed, 1 / run) : allowed;
}

/// Make a ramp compliant with the ruleset at `slope`: length, width, landings, handrails.
void make_compliant(Ramp& ramp, const Ruleset& rs, double slope) {
  ramp.length = Length::mm(ceil_to(ramp.rise.mm() / slope, 10));
  if (const Rule* w = rs.first("ramp.width")) ramp.width = Length::mm(std::max(ramp.width ? ramp.width->mm() : 0, ceil_to(w->mm("min"), 10)));
  if (const Rule* l = rs.first("ramp.landing")) {
    const double min = ceil_to(l->mm("min"), 10);
    ramp.landing_top = Length::mm(std::max(ramp.landing_top ? ramp.landing_top->mm() : 0, min));
    ramp.landing_bottom = Length::mm(std::max(ramp.landing_bottom ? ramp.landing_bottom->mm() : 0, min));
  }
  if (const Rule* h = rs.first("ramp.handrail")) {
    const double s = ramp.rise.mm() / ramp.length.mm();
    const Param* over = h->param("slope_over");
    if (ramp.rise.mm() > h->mm("rise_over") && (!over || s > over->value))
      ramp.handrails = std::max(ramp.handrails.value_or(0), static_cast<int>(h->mm("sides", 2)));
  }
  if (!ramp.handrails) ramp.handrails = 0;
}

/// The clear floor straight out from the wall at a ramp's `at` into `room`: how deep it is over
/// a band as wide as the ramp (at least the door opening there) that covers the opening, and the
/// middle of that band on the wall. The band is the deepest such one, or with `centred` the one
/// centred on the opening (on `at` without a door). Nothing for "outside" or a room without a
/// plan, which cannot be measured.
struct ClearRun {
  double depth = 0;
  Point2 middle;
};

std::optional<ClearRun> clear_run(const rules::PlanModel& model, const Ramp& ramp, const std::string& room,
                                  bool centred) {
  // The wall the checks will take it to stand on (ramp_frame).
  const auto side = wall_at(model.c, room, ramp.rooms[0] == room ? ramp.rooms[1] : ramp.rooms[0], *ramp.at);
  if (!side) return std::nullopt;
  // The opening the ramp serves: a door between the same rooms in the same straight wall.
  double lo = 0, hi = 0;
  for (const Door& d : model.c.doors) {
    if (!rules::same_rooms(d.rooms, ramp.rooms)) continue;
    const auto ds = model.side(d, room);
    if (!ds || dot(ds->along, side->along) < 1 - 1e-9 || std::abs(dot(ds->centre - side->at, side->inward)) > 1)
      continue;
    const double centre = dot(ds->centre - side->at, side->along);
    if (std::abs(centre) > ds->width / 2 + 1) continue;
    lo = centre - ds->width / 2;
    hi = centre + ds->width / 2;
    break;
  }
  // A ruleset without a ramp width and a step without a door: the floor along the line out from `at`.
  const double width = std::max({ramp.width ? ramp.width->mm() : 0.0, hi - lo, 2.0});
  const double s0 = centred ? (lo + hi - width) / 2 : hi - width;
  const double s1 = centred ? (lo + hi + width) / 2 : lo + width;
  const auto pieces = model.band(room, side->at, side->inward, side->along, s0, s1, 0, KneeSpace::obstacle);
  const rules::Window w = rules::best_window(pieces, s0, s1, width, 1e7, (lo + hi) / 2);
  return ClearRun{w.extent, side->at + side->along * (w.start + width / 2)};
}

/// Where a ramp goes: its run and bottom landing straight out from the wall at `at` into one of
/// its rooms, the top landing into the other. `in` is that room, `middle` the middle of its width
/// on the wall; the landings are as long as the clear floor allows, up to the compliant length
/// (nothing where it cannot be measured: "outside").
struct RampPlace {
  std::string in;
  Point2 middle;
  std::optional<double> landing_top, landing_bottom;
};

/// Whether `p` stands on the wall a level change's two rooms share (on the run room's walls where
/// the other is "outside"), as the case's validation asks of a ramp's `at`.
bool on_wall_between(const rules::PlanModel& model, const std::array<std::string, 2>& rooms, Point2 p) {
  constexpr double on = 1.0;  // mm
  const Ring* a = model.outline(rooms[0]);
  const Ring* b = model.outline(rooms[1]);
  std::vector<Segment> walls;
  if (a && b) walls = g::shared_walls(*a, *b, on);
  else if (a || b) walls = g::edges(a ? *a : *b);
  return std::any_of(walls.begin(), walls.end(), [&](const Segment& s) { return g::distance(p, s) <= on; });
}

/// The side a ramp's run fits on (`ramp.in` if given): a side measured on the plan before
/// "outside", which cannot be; then the one whose landings fall least short of the compliant
/// length; then the one with the most floor to spare. Nothing when the run fits on no side it
/// may go on. A ramp without `at` cannot be placed: it is taken to fit as it is (empty `in`).
std::optional<RampPlace> place_ramp(const Case& c, const Ramp& ramp) {
  if (!ramp.at) return RampPlace{};
  const rules::PlanModel model(c);
  const double top = ramp.landing_top ? ramp.landing_top->mm() : 0;
  const double bottom = ramp.landing_bottom ? ramp.landing_bottom->mm() : 0;
  // Each side's deepest band, where its middle can be the ramp's `at` (on the wall the two rooms
  // share); else the band centred on the opening, so that what is measured is where it stands,
  // and which stays at `at` where even that middle is not on the shared wall.
  auto measure = [&](const std::string& room) {
    auto run = clear_run(model, ramp, room, false);
    if (run && !on_wall_between(model, ramp.rooms, run->middle)) {
      run = clear_run(model, ramp, room, true);
      if (run && !on_wall_between(model, ramp.rooms, run->middle)) run->middle = *ramp.at;
    }
    return run;
  };
  const std::array<std::optional<ClearRun>, 2> clear = {measure(ramp.rooms[0]), measure(ramp.rooms[1])};
  constexpr double tolerance = 1e-6;  // a run exactly as long as needed fits
  std::optional<RampPlace> best;
  bool best_measured = false;
  double best_short = 0, best_spare = 0;
  for (std::size_t k = 0; k < 2; ++k) {
    if (ramp.in && *ramp.in != ramp.rooms[k]) continue;
    const auto& here = clear[k];
    const auto& there = clear[1 - k];
    if (here && here->depth < ramp.length.mm() - tolerance) continue;
    RampPlace place{ramp.rooms[k], here ? here->middle : *ramp.at, std::nullopt, std::nullopt};
    if (here) place.landing_bottom = std::clamp(here->depth - ramp.length.mm(), 0.0, bottom);
    if (there) place.landing_top = std::clamp(there->depth, 0.0, top);
    const double shortfall = (bottom - place.landing_bottom.value_or(bottom)) + (top - place.landing_top.value_or(top));
    const bool measured = here.has_value();
    double spare = std::numeric_limits<double>::infinity();
    if (here) spare = std::min(spare, here->depth - ramp.length.mm() - bottom);
    if (there) spare = std::min(spare, there->depth - top);
    const bool better = !best || (measured && !best_measured) ||
                        (measured == best_measured && (shortfall < best_short - tolerance ||
                                                       (shortfall <= best_short + tolerance && spare > best_spare + tolerance)));
    if (better) {
      best = place;
      best_measured = measured;
      best_short = shortfall;
      best_spare = spare;
    }
  }
  return best;
}

/// Put a ramp where place_ramp() says, its `at` the middle of its width on the wall: false when
/// its run fits on no side it may go on.
bool put_in_place(const Case& c, Ramp& ramp) {
  const auto place = place_ramp(c, ramp);
  if (!place) return false;
  if (place->in.empty()) return true;
  ramp.in = place->in;
  if (distance(place->middle, *ramp.at) > 0.5) ramp.at = place->middle;
  // Landings as long as the floor allows (to the millimetre, as the plan is drawn); a ruleset
  // without a landing rule leaves them as they were.
  if (place->landing_top && ramp.landing_top) ramp.landing_top = Length::mm(std::floor(*place->landing_top + 1e-6));
  if (place->landing_bottom && ramp.landing_bottom)
    ramp.landing_bottom = Length::mm(std::floor(*place->landing_bottom + 1e-6));
  return true;
}

/// A ramp made compliant and put in place, at the design slope where its run fits with landings as
/// long as at the steepest slope the ruleset allows, else at that slope. Nothing when no run fits.
/// `steepest` is the ramp made compliant at that slope, as it stood before placing.
std::optional<Ramp> design_in_place(const Case& c, const Ramp& ramp, const Ruleset& rs, const CatalogItem* item,
                                    Ramp& steepest) {
  const double rise = ramp.rise.mm();
  steepest = ramp;
  make_compliant(steepest, rs, compliant_slope(rs, rise));
  Ramp gentle = ramp;
  make_compliant(gentle, rs, design_slope(rs, item, rise));
  const auto landings = [](const Ramp& r) {
    return r.landing_top.value_or(Length::mm(0)).mm() + r.landing_bottom.value_or(Length::mm(0)).mm();
  };
  const bool gentler = gentle.length != steepest.length;
  const bool gentle_fits = gentler && put_in_place(c, gentle);
  // Placing never lengthens a landing: with the landings it asked for, no steeper run does better.
  if (gentle_fits && landings(gentle) >= landings(steepest) - 0.5) return gentle;
  Ramp steep = steepest;
  if (!put_in_place(c, steep)) return gentle_fits ? std::optional<Ramp>(gentle) : std::nullopt;
  if (gentle_fits && landings(gentle) >= landings(steep) - 0.5) return gentle;
  return steep;
}

GrabBar horizontal_bar(const std::string& id, const Fixture& f, Point2 a, Point2 b, double height) {
  GrabBar g;
  g.id = id;
  g.room = f.room;
  g.from = a;
  g.to = b;
  g.height = Length::mm(height);
  g.serves = f.id;
  g.diameter = Length::mm(35);
  g.wall_gap = Length::mm(40);
  return g;
}

GrabBar vertical_bar(const std::string& id, const Fixture& f, Point2 at, double bottom, double top) {
  GrabBar g;
  g.id = id;
  g.room = f.room;
  g.vertical = true;
  g.from = g.to = at;
  g.bottom = Length::mm(bottom);
  g.top = Length::mm(top);
  g.serves = f.id;
  g.diameter = Length::mm(35);
  g.wall_gap = Length::mm(40);
  return g;
}

/// Distance from a fixture's centreline to the nearest wall or fixture on side `sign` (+1 left, -1 right).
double side_clearance(const rules::PlanModel& model, const Fixture& f, double sign) {
  const rules::FixtureFrame fr = rules::frame_of(f);
  const auto pieces = model.band(f.room, fr.back, fr.left * sign, fr.forward, 0, fr.depth, fr.half_width,
                                 KneeSpace::obstacle, f.id);
  return rules::band_extent(pieces, 1e6);
}

/// The grab bars the ruleset asks for at a fixture, where it asks for them.
std::vector<GrabBar> standard_bars(const Case& c, const Ruleset& rs, const Fixture& f) {
  std::vector<GrabBar> bars;
  const rules::FixtureFrame fr = rules::frame_of(f);
  const std::string type(to_string(f.type));
  const std::string count_check = f.type == FixtureType::toilet ? "toilet.grab_bars"
                                  : f.type == FixtureType::shower ? "shower.grab_bars"
                                                                  : "bathtub.access";
  const Rule* count = rs.first(count_check);
  const Rule* height = rule_for(rs, "grab_bar.height", "fixture", type);
  const Rule* position = rule_for(rs, "grab_bar.position", "fixture", type);
  int horizontal = count ? static_cast<int>(count->mm(f.type == FixtureType::bathtub ? "bars" : "horizontal", 1)) : 1;
  const int vertical = count && f.type != FixtureType::bathtub ? static_cast<int>(count->mm("vertical", 0)) : 0;
  horizontal = std::max(horizontal, 1);
  const double h = middle(height, "horizontal_min", "horizontal_max", 700);
  const double v_top = height && height->has("vertical_top_min") ? middle(height, "vertical_top_min", "vertical_top_max", height->mm("vertical_top_min")) : 1400;
  // The side with the nearer wall takes the first bar.
  const rules::PlanModel model(c);
  const double left = side_clearance(model, f, 1), right = side_clearance(model, f, -1);
  const double side = left <= right ? 1.0 : -1.0;
  const double wall = std::min(left, right);
  auto bar_id = [&](const char* kind) { return fresh_id(c, f.id + "-" + kind); };

  if (f.type == FixtureType::toilet) {
    // Along the side: within the rule's distance from the centreline, as close to the wall as that allows.
    double offset = wall - 40;  // the bar stands off the wall
    if (position && position->has("offset_min"))
      offset = std::clamp(offset, position->mm("offset_min"), position->mm("offset_max", position->mm("offset_min")));
    const double rear = position ? position->mm("rear_max", 0) : 0;
    const double length = position ? position->mm("length_min", 700) : 700;
    double front = std::max({rear + ceil_to(length, 10), fr.depth + (position ? position->mm("front_min", 0) : 0),
                             position ? position->mm("reach_min", 0) : 0.0});
    front = ceil_to(front, 10);
    bars.push_back(horizontal_bar(bar_id("bar"), f, fr.at(std::floor(rear), side * offset), fr.at(front, side * offset), h));
    if (horizontal >= 2) {
      if (position && position->has("rear_max")) {
        // ADA: the second bar on the rear wall, 12 in to one side of the centreline and 24 in to the other.
        bars.push_back(horizontal_bar(fresh_id(c, f.id + "-rear-bar"), f, fr.at(40, side * 310), fr.at(40, -side * 610), h));
      } else {
        // GB 55019: a bar on each side.
        bars.push_back(horizontal_bar(fresh_id(c, f.id + "-bar-2"), f, fr.at(std::floor(rear), -side * offset),
                                      fr.at(front, -side * offset), h));
      }
    }
    for (int i = 0; i < vertical; ++i)
      bars.push_back(vertical_bar(fresh_id(c, f.id + "-post" + (i ? "-" + std::to_string(i + 1) : "")), f,
                                  fr.at(fr.depth + 100, -side * offset), 750, v_top));
  } else {
    // Shower and bathtub: bars along the back wall, a post on the side.
    for (int i = 0; i < horizontal; ++i) {
      const double bh = f.type == FixtureType::bathtub ? (i == 0 ? 600 : 900) : h;
      bars.push_back(horizontal_bar(fresh_id(c, f.id + "-bar" + (i ? "-" + std::to_string(i + 1) : "")), f,
                                    fr.at(40, -fr.half_width + 100), fr.at(40, fr.half_width - 100), bh));
    }
    for (int i = 0; i < vertical; ++i)
      bars.push_back(vertical_bar(fresh_id(c, f.id + "-post" + (i ? "-" + std::to_string(i + 1) : "")), f,
                                  fr.at(fr.depth / 2, side * (fr.half_width - 40)), 750, v_top));
  }
  return bars;
}

/// Replace the bars serving a fixture by the standard set; returns how many were installed.
int install_bars(Case& c, const Ruleset& rs, const std::string& fixture_id) {
  const Fixture* f = c.find_fixture(fixture_id);
  if (!f) return 0;
  const Fixture fixture = *f;
  const rules::PlanModel model(c);
  std::set<std::string> serving;
  for (const GrabBar* g : model.bars_serving(fixture, 1000)) serving.insert(g->id);
  std::erase_if(c.grab_bars, [&](const GrabBar& g) { return serving.count(g.id) > 0; });
  const std::vector<GrabBar> bars = standard_bars(c, rs, fixture);
  c.grab_bars.insert(c.grab_bars.end(), bars.begin(), bars.end());
  return static_cast<int>(bars.size());
}

/// A door's handle height kept where the rule accepts it, else moved to the middle of its range.
void put_handle_in_range(Door& d, const Ruleset& rs) {
  const Rule* h = rs.first("door.handle");
  if (!d.handle_height || (h && (d.handle_height->mm() < h->mm("min") || d.handle_height->mm() > h->mm("max", 1e9))))
    d.handle_height = Length::mm(middle(h, "min", "max", 900));
}

/// Configure every device of `type` with `set`, or add one in `room` when there is none:
/// how many were changed or added (what is billed; 0 when all already had it).
template <class F>
int ensure_device(Case& c, DeviceType type, const std::string& room, const std::string& id_base, F&& set) {
  int found = 0, changed = 0;
  for (Device& d : c.devices)
    if (d.type == type) {
      const Device before = d;
      set(d);
      ++found;
      changed += !(d == before);
    }
  if (found) return changed;
  Device d;
  d.id = fresh_id(c, id_base);
  d.type = type;
  d.room = room;
  set(d);
  c.devices.push_back(d);
  return 1;
}

bool movable(FixtureType t) {
  return t == FixtureType::bed || t == FixtureType::wardrobe || t == FixtureType::table || t == FixtureType::sofa ||
         t == FixtureType::other || t == FixtureType::washing_machine;
}

/// How far a failed finding measured in millimetres is from what its rule requires (0 for
/// any other): how much a change that leaves it failing still helped.
double shortfall_mm(const Finding& f) {
  if (f.status != Status::fail || f.unit != "mm" || !f.measured.is_number() || !f.required.is_object()) return 0;
  const double measured = f.measured.get<double>();
  double gap = 0;
  for (const auto& [key, value] : f.required.items())
    if (value.is_number()) gap += key == "max" ? std::max(0.0, measured - value.get<double>()) : std::max(0.0, value.get<double>() - measured);
  return gap;
}

/// The geometric findings about a room (what moving furniture or walls can change): their
/// weight, and how far those measured in millimetres fall short.
struct RoomState {
  double weight = 0, shortfall = 0;
};

RoomState room_state(const Case& c, const Ruleset& rs, const std::string& room, const std::set<std::string>& kinds) {
  const CheckResult r = rules::check_only(c, rs, kinds, room, rules::Messages::left_out);
  RoomState s;
  for (const Finding& f : r.findings) {
    const bool here = f.room == room || f.element == room ||
                      (c.find_fixture(f.element) && c.find_fixture(f.element)->room == room);
    if (!here) continue;
    s.weight += f.weight();
    s.shortfall += shortfall_mm(f);
  }
  return s;
}

double room_weight(const Case& c, const Ruleset& rs, const std::string& room, const std::set<std::string>& kinds) {
  return room_state(c, rs, room, kinds).weight;
}

/// Weight of the geometric findings in the whole home: between two changes equally good
/// for the room they are made for, the one that costs the rest of the home less. (Left to
/// the order in which they were tried, the choice followed the plan's orientation: the same
/// home turned by 90° had its bathroom enlarged into another room.)
double home_weight(const Case& c, const Ruleset& rs) {
  return rules::check_only(c, rs, affected_kinds("bathroom.enlarge"), {}, rules::Messages::left_out).score();
}

/// The direction of a room's walls: the angle of its longest wall, less whole quarter turns
/// (radians in [0, π/2)); 0 for a room drawn along the axes. Searches that move things
/// "along the walls" use it, so that a plan drawn turned gets the moves it would get upright.
double wall_angle(const Ring& ring) {
  Point2 longest{0, 0};
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Point2 e = ring[(i + 1) % ring.size()] - ring[i];
    if (norm(e) > norm(longest) + 1e-9) longest = e;
  }
  if (longest.x == 0 || longest.y == 0) return 0;
  const double quarter = Angle::pi / 2;
  const double a = std::fmod(std::atan2(longest.y, longest.x) + 4 * quarter, quarter);
  // Within a nanoradian of the axes (5 nm over a 5 m wall) is along them: a room turned
  // upright again is, whatever the rounding.
  return a < 1e-9 || a > quarter - 1e-9 ? 0 : a;
}

Point2 turned_by(Point2 p, double radians) {
  const double c = std::cos(radians), s = std::sin(radians);
  return {c * p.x - s * p.y, s * p.x + c * p.y};
}

/// The case turned by `radians` about `origin`: every position and facing (rooms become polygons).
Case turned(Case c, Point2 origin, double radians) {
  auto at = [&](Point2 p) { return origin + turned_by(p - origin, radians); };
  const double degrees = radians * 180 / Angle::pi;
  for (Room& r : c.rooms) {
    r.polygon = outline(r);
    for (Point2& p : r.polygon) p = at(p);
    r.rect.reset();
  }
  for (Door& d : c.doors) d.at = at(d.at);
  for (Fixture& f : c.fixtures) {
    f.at = at(f.at);
    f.facing = std::fmod(f.facing_or_default() + degrees + 360, 360);
  }
  for (GrabBar& g : c.grab_bars) {
    g.from = at(g.from);
    g.to = at(g.to);
  }
  for (Step& s : c.steps)
    if (s.at) s.at = at(*s.at);
  for (Ramp& r : c.ramps)
    if (r.at) r.at = at(*r.at);
  return c;
}

/// Move movable furniture in a room to where it frees the most space; how
/// many pieces moved. A coarse search (300 mm steps, up to 1.5 m, turned or
/// not) then a fine one (100 mm) around the best, on the room's turning
/// space, passages and beds; the candidate's full re-check judges the rest.
int move_furniture(Case& c, const Ruleset& rs, const std::string& room) {
  const std::set<std::string> kinds = {"turning_space", "route.clear_width", "bed.side_space"};
  const Room* rm = c.find_room(room);
  if (!rm) return 0;
  const Ring outline_ring = outline(*rm);
  double current = room_weight(c, rs, room, kinds);
  if (current == 0) return 0;
  std::set<std::string> moved;
  struct Move {
    double weight, shift;
    double shortfall;  ///< of the findings the move leaves failing, in mm
    std::string id;
    Point2 at;
    std::optional<double> facing;
    std::optional<double> home;  ///< home_weight() with the move, worked out for ties only
    Point2 along_walls;          ///< the move in the frame of the room's walls
  };
  const Point2 middle = g::centroid(outline_ring);
  const double walls = wall_angle(outline_ring);
  // No place for furniture: a ramp's run and its landings, the top one in the room beyond.
  std::vector<Ring> ramp_runs;
  for (const Ramp& r : c.ramps) {
    const auto f = r.in ? ramp_frame(c, r) : std::nullopt;
    if (!f) continue;
    if (*r.in == room) ramp_runs.push_back(f->strip(0, f->length + (r.landing_bottom ? r.landing_bottom->mm() : 0)));
    else if ((r.rooms[0] == room || r.rooms[1] == room) && r.landing_top && r.landing_top->mm() > 0)
      ramp_runs.push_back(f->strip(-r.landing_top->mm(), 0));
  }
  // Try a piece at a place (moved `along_walls`); keep it if it is the best so far.
  auto trial = [&](const Fixture& original, Point2 along_walls, bool turn, Move& best) {
    const Point2 shift = walls == 0 ? along_walls : turned_by(along_walls, walls);
    Fixture moved_f = original;
    moved_f.at = original.at + shift;
    if (turn) moved_f.facing = std::fmod(original.facing_or_default() + 90, 360);
    const Ring fp = footprint(moved_f);
    if (!std::all_of(fp.begin(), fp.end(), [&](Point2 p) { return g::covers(outline_ring, p, 0.5); })) return;
    for (const Fixture& other : c.fixtures)
      if (other.id != original.id && other.room == room && g::overlap_area(fp, footprint(other)) > 1.0) return;
    for (const Ring& run : ramp_runs)
      if (g::overlap_area(fp, run) > 1.0) return;
    Fixture* target = find(c.fixtures, original.id);
    *target = moved_f;
    const RoomState after = room_state(c, rs, room, kinds);
    const double w = after.weight;
    // Prefer small moves, and not turning.
    const double cost = std::abs(along_walls.x) + std::abs(along_walls.y) + (turn ? 500 : 0);
    Move candidate{w, cost, after.shortfall, original.id, moved_f.at, moved_f.facing, std::nullopt, along_walls};
    const bool same_weight = !best.id.empty() && std::abs(w - best.weight) <= 1e-9;
    bool better = w < best.weight - 1e-9 || (same_weight && cost < best.shift - 1e-9);
    if (!better && same_weight && std::abs(cost - best.shift) <= 1e-9) {
      // A tie, which the order of trying must not decide: the move that costs the rest of
      // the home less; then the one that leaves what still fails nearer its rule (a 500 mm
      // passage rather than 300; shortfalls 2 mm apart are equal, as circles are found to
      // half a millimetre); then the piece nearer the walls (farther from the room's middle).
      candidate.home = home_weight(c, rs);
      if (!best.home) {  // with the best move alone (it may be of another piece)
        *target = original;
        Fixture* b = find(c.fixtures, best.id);
        const Fixture keep = *b;
        b->at = best.at;
        b->facing = best.facing;
        best.home = home_weight(c, rs);
        *b = keep;
      }
      constexpr double near = 2;
      const double spread = distance(candidate.at, middle), best_spread = distance(best.at, middle);
      const bool same_home = std::abs(*candidate.home - *best.home) <= 1e-9;
      const bool same_shortfall = std::abs(candidate.shortfall - best.shortfall) <= near;
      better = *candidate.home < *best.home - 1e-9 || (same_home && candidate.shortfall < best.shortfall - near) ||
               (same_home && same_shortfall && spread > best_spread + 1e-6);
    }
    *target = original;
    if (better) best = std::move(candidate);
  };
  for (int round = 0; round < 2 && current > 0; ++round) {
    Move best{current, 0, 0, {}, {}, std::nullopt, std::nullopt, {}};
    std::vector<std::string> pieces;
    for (const Fixture& f : c.fixtures)
      if (f.room == room && movable(f.type)) pieces.push_back(f.id);
    std::sort(pieces.begin(), pieces.end());
    for (const std::string& id : pieces) {
      const Fixture original = *c.find_fixture(id);
      for (int turn = 0; turn < 2; ++turn)
        for (double dx = -1500; dx <= 1500; dx += 300)
          for (double dy = -1500; dy <= 1500; dy += 300)
            if ((dx != 0 || dy != 0 || turn) && std::abs(dx) + std::abs(dy) <= 1500) trial(original, {dx, dy}, turn, best);
    }
    if (best.id.empty()) break;
    // Refine around the best coarse place.
    const Fixture original = *c.find_fixture(best.id);
    const bool turned = best.facing != original.facing;
    const Point2 coarse = best.along_walls;
    for (double dx = -200; dx <= 200; dx += 100)
      for (double dy = -200; dy <= 200; dy += 100)
        if (dx != 0 || dy != 0) trial(original, coarse + Point2{dx, dy}, turned, best);
    Fixture* target = find(c.fixtures, best.id);
    target->at = best.at;
    target->facing = best.facing;
    moved.insert(best.id);
    current = best.weight;
  }
  return static_cast<int>(moved.size());
}

/// Push one wall of a rectangular wet room out into the neighbouring room by
/// the least amount that frees its turning space, area and transfer space.
std::optional<double> enlarge_room(Case& c, const Ruleset& rs, const std::string& room_id) {
  const Room* room = c.find_room(room_id);
  if (!room || (room->type != RoomType::bathroom && room->type != RoomType::toilet)) return std::nullopt;
  const Ring r = outline(*room);
  if (const double walls = wall_angle(r); walls != 0 && r.size() == 4) {
    // A room drawn turned: enlarged as it would be upright, in the frame of its walls.
    Case upright = turned(c, r[0], -walls);
    const Ring u = outline(*upright.find_room(room_id));
    const Box ub = g::bounds(u);
    if (std::abs(std::abs(g::signed_area(u)) - (ub.max.x - ub.min.x) * (ub.max.y - ub.min.y)) > 1) return std::nullopt;
    const auto area = enlarge_room(upright, rs, room_id);
    if (!area) return std::nullopt;
    c = turned(std::move(upright), r[0], walls);
    return area;
  }
  const Box b = g::bounds(r);
  if (r.size() != 4 || std::abs(std::abs(g::signed_area(r)) - (b.max.x - b.min.x) * (b.max.y - b.min.y)) > 1) return std::nullopt;
  const std::set<std::string> kinds = {"turning_space", "room.area", "toilet.transfer_space", "door.turning_space"};
  const double before = room_weight(c, rs, room_id, kinds);
  if (before == 0) return std::nullopt;
  struct Option {
    double weight, area;
    Case result;
    std::string neighbour;
    double home = 0;  ///< home_weight(result), for ties
  };
  std::optional<Option> best;
  std::vector<Option> ties;  // as good as `best` for this room
  // Directions: +x, -x, +y, -y.
  const std::vector<Point2> dirs = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
  for (const Point2 dir : dirs) {
    // The wall on that side, and the one room beyond it.
    const double wall = dir.x > 0 ? b.max.x : dir.x < 0 ? b.min.x : dir.y > 0 ? b.max.y : b.min.y;
    const double side_len = dir.x != 0 ? b.max.y - b.min.y : b.max.x - b.min.x;
    const Room* neighbour = nullptr;
    for (const Room& other : c.rooms) {
      if (other.id == room_id || other.level_or_default() != room->level_or_default()) continue;
      double shared = 0;
      for (const Segment& s : shared_wall(*room, other, 1.0))
        if ((dir.x != 0 && std::abs(s.a.x - wall) < 1 && std::abs(s.b.x - wall) < 1) ||
            (dir.y != 0 && std::abs(s.a.y - wall) < 1 && std::abs(s.b.y - wall) < 1))
          shared += s.length();
      if (shared >= side_len - 1) neighbour = &other;
    }
    if (!neighbour) continue;
    for (double delta = 100; delta <= 1200; delta += 100) {
      Case trial = c;
      Room* grown = find(trial.rooms, room_id);
      Room* shrunk = find(trial.rooms, neighbour->id);
      Box nb = b;
      if (dir.x > 0) nb.max.x += delta;
      else if (dir.x < 0) nb.min.x -= delta;
      else if (dir.y > 0) nb.max.y += delta;
      else nb.min.y -= delta;
      const Ring strip = dir.x > 0   ? g::rectangle(wall, b.min.y, delta, side_len)
                         : dir.x < 0 ? g::rectangle(wall - delta, b.min.y, delta, side_len)
                         : dir.y > 0 ? g::rectangle(b.min.x, wall, side_len, delta)
                                     : g::rectangle(b.min.x, wall - delta, side_len, delta);
      const MultiPolygon rest = g::difference(outline(*shrunk), {strip});
      if (rest.size() != 1 || !rest[0].holes.empty()) continue;
      // The neighbour must keep its furniture and its own doors.
      bool clear = true;
      for (const Fixture& f : trial.fixtures)
        if (f.room == neighbour->id && g::overlap_area(footprint(f), strip) > 1) clear = false;
      for (const Door& d : trial.doors) {
        const bool on_moved_wall = (d.rooms[0] == room_id || d.rooms[1] == room_id) &&
                                   (d.rooms[0] == neighbour->id || d.rooms[1] == neighbour->id);
        if (!on_moved_wall && (d.rooms[0] == neighbour->id || d.rooms[1] == neighbour->id) &&
            g::covers(strip, d.at, 50))
          clear = false;
      }
      if (!clear) continue;
      grown->rect = Rect{nb.min.x, nb.min.y, nb.max.x - nb.min.x, nb.max.y - nb.min.y};
      grown->polygon = g::rectangle(nb.min.x, nb.min.y, nb.max.x - nb.min.x, nb.max.y - nb.min.y);
      shrunk->rect.reset();
      shrunk->polygon = rest[0].outer;
      // Doors in the moved wall move with it.
      for (Door& d : trial.doors)
        if ((d.rooms[0] == room_id || d.rooms[1] == room_id) && (d.rooms[0] == neighbour->id || d.rooms[1] == neighbour->id))
          d.at = d.at + dir * delta;
      const double after = room_weight(trial, rs, room_id, kinds);
      if (after < before) {
        const double area = delta * side_len / 1e6;
        if (!best || after < best->weight - 1e-9 || (after <= best->weight + 1e-9 && area < best->area - 1e-9)) {
          best = Option{after, area, trial, neighbour->id};
          ties.clear();
        } else if (after <= best->weight + 1e-9 && area <= best->area + 1e-9) {
          ties.push_back(Option{after, area, trial, neighbour->id});
        }
        if (after == 0) break;  // the least push that frees everything
      }
    }
  }
  if (!best) return std::nullopt;
  // Equally good for the bathroom (the same room pushed into two neighbours, say): the push
  // that costs the rest of the home less, then the neighbour by id, whatever the plan's
  // orientation made the order of trying.
  if (!ties.empty()) {
    ties.push_back(std::move(*best));
    for (Option& o : ties) o.home = home_weight(o.result, rs);
    best = std::move(*std::min_element(ties.begin(), ties.end(), [](const Option& a, const Option& b) {
      if (std::abs(a.home - b.home) > 1e-9) return a.home < b.home;
      return a.neighbour < b.neighbour;
    }));
  }
  c = std::move(best->result);
  return best->area;
}

}  // namespace

const std::set<std::string>& affected_kinds(const std::string& remedy) {
  using Kinds = std::set<std::string>;
  static const Kinds geometry = {"turning_space", "door.turning_space", "door.latch_side", "route.clear_width",
                                 "route.reachable", "toilet.transfer_space", "bed.side_space", "room.area",
                                 "grab_bar.position", "toilet.grab_bars", "shower.grab_bars", "bathtub.access"};
  static const std::map<std::string, Kinds> table = {
      {"door.widen", {"door.clear_width", "door.latch_side", "door.turning_space", "door.handle", "route.reachable", "route.clear_width"}},
      {"door.sliding", {"door.clear_width", "door.latch_side", "door.turning_space", "door.handle", "route.reachable", "route.clear_width"}},
      {"door.remove_leaf", {"door.clear_width", "door.latch_side", "door.turning_space", "door.handle", "route.reachable", "route.clear_width"}},
      {"threshold.remove", {"door.threshold", "route.reachable"}},
      {"threshold.ramp", {"door.threshold", "route.reachable"}},
      {"door.lever_handle", {"door.handle"}},
      // A ramp's run is no floor to turn on (ramp_run): the turning spaces beside it are measured again.
      {"ramp.build", {"building.access", "route.step", "route.reachable", "ramp.slope", "ramp.width", "ramp.landing",
                      "ramp.handrail", "turning_space", "door.turning_space"}},
      {"floor.raise", {"route.step", "route.reachable", "control.height", "floor.slip"}},
      {"ramp.rebuild", {"route.reachable", "ramp.slope", "ramp.width", "ramp.landing", "ramp.handrail", "turning_space",
                        "door.turning_space"}},
      {"handrail.install", {"route.step", "ramp.handrail", "route.reachable"}},
      {"stair_climber", {"building.access"}},
      {"toilet.seated", {"toilet.type", "toilet.seat_height"}},
      {"toilet.commode_chair", {"toilet.type", "toilet.seat_height"}},
      {"toilet.raised_seat", {"toilet.type", "toilet.seat_height"}},
      {"grab_bar.install", {"toilet.grab_bars", "shower.grab_bars", "grab_bar.height", "grab_bar.position", "bathtub.access"}},
      {"shower.seat", {"shower.seat", "bathtub.access"}},
      {"shower.level_entry", {"shower.curb", "turning_space", "door.turning_space", "toilet.transfer_space", "route.clear_width", "route.reachable"}},
      {"control.relocate", {"control.height"}},
      {"floor.anti_slip", {"floor.slip"}},
      {"doorbell.visual", {"alert.visual"}},
      {"alarm.visual", {"alert.visual"}},
      {"doorbell.voice", {"alert.voice"}},
      {"alarm.gas", {"safety.gas"}},
      {"call.install", {"safety.call", "control.height"}},
  };
  static const Kinds basin = [] {
    Kinds k = geometry;
    k.insert({"basin.height", "counter.height"});
    return k;
  }();
  static const Kinds bathing = [] {
    Kinds k = geometry;
    k.insert({"shower.curb", "shower.seat", "bathtub.access", "grab_bar.height"});
    return k;
  }();
  if (auto it = table.find(remedy); it != table.end()) return it->second;
  if (remedy == "basin.accessible" || remedy == "counter.lower") return basin;  // knee space frees floor
  if (remedy == "bathtub.to_shower") return bathing;
  return geometry;  // furniture.move, bathroom.enlarge
}

std::string remedy_target(const Case& c, const std::string& remedy, const std::string& element, const std::string& room) {
  if (remedy == "furniture.move") {
    if (c.find_room(element)) return element;
    if (const Fixture* f = c.find_fixture(element)) return f->room;
    return room;
  }
  if (remedy == "bathroom.enlarge") {
    if (c.find_room(element)) return element;
    if (const Fixture* f = c.find_fixture(element)) return f->room;
    return room;
  }
  if (remedy == "grab_bar.install") {
    for (const GrabBar& g : c.grab_bars)
      if (g.id == element) {
        const rules::PlanModel model(c);
        if (const Fixture* f = model.served_fixture(g, 1000)) return f->id;
      }
    return element;
  }
  if (remedy == "doorbell.visual" || remedy == "alarm.visual" || remedy == "doorbell.voice" || remedy == "alarm.gas" ||
      remedy == "call.install" || remedy == "stair_climber")
    return remedy == "stair_climber" ? "building" : "home";
  return element;
}

std::optional<Applied> apply(const Case& original, const Ruleset& rs, const Catalog& catalog,
                             const std::string& remedy, const std::string& element, std::string* why_not) {
  Applied out{original, {{"element", 1}, {"household", 1}}};
  Case& c = out.modified;
  const CatalogItem* item = catalog.find(remedy);
  auto gain = [&](double fallback) { return item ? item->param("gain", fallback) : fallback; };

  if (remedy == "door.widen" || remedy == "door.sliding" || remedy == "door.remove_leaf" ||
      remedy == "threshold.remove" || remedy == "threshold.ramp" || remedy == "door.lever_handle") {
    Door* d = find(c.doors, element);
    if (!d) return std::nullopt;
    if (remedy == "door.widen") {
      const Rule* w = rs.first("door.clear_width");
      const double target = ceil_to(w ? std::max(w->mm("min"), w->mm("preferred", 0)) : 900, 10);
      if (d->clear_width && d->clear_width->mm() >= target) return std::nullopt;
      d->clear_width = Length::mm(target);
    } else if (remedy == "door.sliding") {
      if (d->type == DoorType::sliding || d->type == DoorType::opening) return std::nullopt;
      d->type = DoorType::sliding;
      d->swing_into.reset();
      if (d->clear_width) d->clear_width = *d->clear_width + Length::mm(gain(40));
      // A new door: its pull at a height the rule accepts, not the old leaf's.
      d->handle = HandleType::pull;
      put_handle_in_range(*d, rs);
    } else if (remedy == "door.remove_leaf") {
      // Never the door of the flat itself: it keeps the home closed and safe; nor a balcony's,
      // which keeps out rain and cold, nor that of a kitchen with a gas stove, which keeps its
      // fumes and a fire in the kitchen (a curtain does neither).
      if (d->type == DoorType::opening || d->rooms[0] == outside_id || d->rooms[1] == outside_id) return std::nullopt;
      for (const std::string& side : d->rooms) {
        const Room* r = c.find_room(side);
        if (r && r->type == RoomType::balcony) return std::nullopt;
        if (r && r->type == RoomType::kitchen)
          for (const Fixture& f : c.fixtures)
            if (f.room == side && f.type == FixtureType::stove && f.fuel.value_or(Fuel::gas) == Fuel::gas) return std::nullopt;
      }
      d->type = DoorType::opening;
      d->swing_into.reset();
      if (d->clear_width) d->clear_width = *d->clear_width + Length::mm(gain(40));
      d->handle.reset();
      d->handle_height.reset();
      d->latch_side.reset();
    } else if (remedy == "threshold.remove") {
      if (d->threshold && d->threshold->mm() == 0) return std::nullopt;
      d->threshold = Length::mm(0);
      d->threshold_ramp.reset();
    } else if (remedy == "threshold.ramp") {
      if (d->threshold_ramp.value_or(false)) return std::nullopt;
      d->threshold_ramp = true;
    } else {  // door.lever_handle
      if (d->type == DoorType::opening) return std::nullopt;
      d->handle = HandleType::lever;
      put_handle_in_range(*d, rs);
    }
    return out;
  }

  if (remedy == "ramp.build") {
    if (element == "building") {
      if (!c.building || !c.building->entrance_steps || c.building->entrance_steps->count == 0) return std::nullopt;
      EntranceSteps& s = *c.building->entrance_steps;
      if (s.ramp.value_or(false)) return std::nullopt;
      s.ramp = true;
      const double rise = s.count * (s.rise ? s.rise->mm() : 150);
      // Outside the flat, where the plan shows no floor: at the design slope.
      out.measures["ramp_length"] = std::max(item ? item->param("min_length_m", 0.5) : 0.5,
                                             ceil_to(rise / design_slope(rs, item, rise), 10) / 1000);
      return out;
    }
    const Step* s = find(c.steps, element);
    if (!s || !s->rise) return std::nullopt;
    Ramp ramp;
    ramp.id = fresh_id(c, s->id + "-ramp");
    ramp.rooms = s->rooms;
    ramp.at = s->at;
    ramp.rise = Length::mm(s->count * s->rise->mm());
    ramp.in = s->lower;  // built up from the lower floor, where the step says which that is
    Ramp steepest;
    const auto placed = design_in_place(c, ramp, rs, item, steepest);
    if (!placed) {
      if (why_not) *why_not = "no_space";
      return std::nullopt;
    }
    ramp = *placed;
    out.measures["ramp_length"] = std::max(item ? item->param("min_length_m", 0.5) : 0.5, ramp.length.mm() / 1000);
    std::erase_if(c.steps, [&](const Step& x) { return x.id == element; });
    c.ramps.push_back(ramp);
    return out;
  }
  if (remedy == "floor.raise") {
    // The lower room's floor brought up to the other's: the step is gone and nothing takes floor.
    // Only where nothing else changes level with it: the room is reached only from the higher one,
    // through a door, and holds nothing whose height the checks measure from its floor but its
    // devices, which come that much nearer the floor. A leaf swinging over the new floor is
    // trimmed with the work (the catalogue prices it so); a sill is left as recorded.
    const Step* s = find(c.steps, element);
    if (!s || !s->rise || !s->lower) return std::nullopt;
    const std::string lower = *s->lower;
    const std::array<std::string, 2> rooms = s->rooms;  // `lower` is one of them (case.110)
    if (rooms[0] == outside_id || rooms[1] == outside_id) return std::nullopt;
    const double rise = s->count * s->rise->mm();
    Room* room = find(c.rooms, lower);
    if (!room || rise > (item ? item->param("max_rise_mm", 150) : 150)) return std::nullopt;
    auto touches = [&](const std::array<std::string, 2>& r) { return r[0] == lower || r[1] == lower; };
    // A step without a door between its rooms would leave them joined by nothing once it is gone.
    bool door_between = false;
    for (const Door& d : c.doors) {
      if (touches(d.rooms) && !rules::same_rooms(d.rooms, rooms)) return std::nullopt;
      door_between = door_between || rules::same_rooms(d.rooms, rooms);
    }
    if (!door_between) return std::nullopt;
    for (const Step& x : c.steps)
      if (x.id != element && touches(x.rooms)) return std::nullopt;
    for (const Ramp& r : c.ramps)
      if (touches(r.rooms)) return std::nullopt;
    constexpr std::array level_bound = {FixtureType::toilet, FixtureType::basin, FixtureType::shower, FixtureType::bathtub,
                                        FixtureType::kitchen_counter, FixtureType::stove, FixtureType::sink};
    for (const Fixture& f : c.fixtures)
      if (f.room == lower && std::find(level_bound.begin(), level_bound.end(), f.type) != level_bound.end())
        return std::nullopt;
    for (const GrabBar& b : c.grab_bars)
      if (b.room == lower) return std::nullopt;
    // A device the new floor would reach is moved first (control.relocate), not buried.
    for (const Device& d : c.devices)
      if (d.room == lower && d.height && d.height->mm() <= rise) return std::nullopt;
    for (Device& d : c.devices)
      if (d.room == lower && d.height) d.height = *d.height - Length::mm(rise);
    // The new floor is tiled anti-slip (the catalogue prices it so).
    if (!room->floor) room->floor = Floor{};
    room->floor->slip_resistant = true;
    out.measures["floor_area"] = std::abs(g::signed_area(outline(*room))) / 1e6;
    std::erase_if(c.steps, [&](const Step& x) { return x.id == element; });
    return out;
  }
  if (remedy == "ramp.rebuild") {
    Ramp* r = find(c.ramps, element);
    if (!r) return std::nullopt;
    const Ramp before = *r;
    // Rebuilt where it stands, measured on the plan where the case says which room that is;
    // elsewhere its own landings are all that is known of the floor around it.
    if (r->in) {
      Ramp compliant;
      const auto placed = design_in_place(c, before, rs, item, compliant);
      if (placed) *r = *placed;
      Ramp unmoved = *r;  // its middle recorded is not a change to build
      unmoved.at = before.at;
      if (!placed || unmoved == before) {
        // The run does not fit, or the floor allows no more than there is.
        if (why_not && (!placed || !(*r == compliant))) *why_not = "no_space";
        return std::nullopt;
      }
    } else {
      make_compliant(*r, rs, design_slope(rs, item, r->rise.mm()));
    }
    out.measures["ramp_length"] = r->length.mm() / 1000;
    return out;
  }
  if (remedy == "handrail.install") {
    if (Ramp* r = find(c.ramps, element)) {
      const int missing = 2 - r->handrails.value_or(0);
      if (missing <= 0) return std::nullopt;
      r->handrails = 2;
      out.measures["handrail_length"] = missing * r->length.mm() / 1000;
      return out;
    }
    for (Step& s : c.steps)
      if (s.id == element) {
        if (s.handrail.value_or(false)) return std::nullopt;
        s.handrail = true;
        out.measures["handrail_length"] = (item ? item->param("per_step_m", 1.0) : 1.0) * s.count;
        return out;
      }
    return std::nullopt;
  }
  if (remedy == "stair_climber") {
    if (!c.building) c.building = Building{};
    if (c.building->stair_climber.value_or(false)) return std::nullopt;
    c.building->stair_climber = true;
    return out;
  }

  if (remedy == "toilet.seated" || remedy == "toilet.commode_chair" || remedy == "toilet.raised_seat") {
    Fixture* t = find(c.fixtures, element);
    if (!t || t->type != FixtureType::toilet) return std::nullopt;
    const Rule* seat = rs.first("toilet.seat_height");
    const double height = middle(seat, "min", "max", 450);
    if (remedy == "toilet.seated") {
      if (t->kind == ToiletKind::seated) return std::nullopt;
      t->kind = ToiletKind::seated;
      t->seat_height = Length::mm(height);
      t->commode_chair.reset();
    } else if (remedy == "toilet.commode_chair") {
      if (t->kind != ToiletKind::squat || t->commode_chair.value_or(false)) return std::nullopt;
      t->commode_chair = true;
    } else {
      if (t->kind != ToiletKind::seated) return std::nullopt;
      t->seat_height = Length::mm(height);
    }
    return out;
  }
  if (remedy == "grab_bar.install") {
    const Fixture* f = c.find_fixture(element);
    if (!f || (f->type != FixtureType::toilet && f->type != FixtureType::shower && f->type != FixtureType::bathtub))
      return std::nullopt;
    out.measures["bars"] = install_bars(c, rs, element);
    return out;
  }
  if (remedy == "shower.seat") {
    Fixture* f = find(c.fixtures, element);
    if (!f || (f->type != FixtureType::shower && f->type != FixtureType::bathtub) || f->seat.value_or(false))
      return std::nullopt;
    f->seat = true;
    return out;
  }
  if (remedy == "shower.level_entry") {
    Fixture* f = find(c.fixtures, element);
    if (!f || f->type != FixtureType::shower || (f->curb && f->curb->mm() == 0)) return std::nullopt;
    f->curb = Length::mm(0);
    return out;
  }
  if (remedy == "bathtub.to_shower") {
    Fixture* f = find(c.fixtures, element);
    if (!f || f->type != FixtureType::bathtub) return std::nullopt;
    f->type = FixtureType::shower;
    f->rim_height.reset();
    f->curb = Length::mm(0);
    f->seat = true;
    out.measures["bars"] = install_bars(c, rs, element);
    return out;
  }
  if (remedy == "basin.accessible" || remedy == "counter.lower") {
    Fixture* f = find(c.fixtures, element);
    const FixtureType want = remedy == "basin.accessible" ? FixtureType::basin : FixtureType::kitchen_counter;
    if (!f || f->type != want) return std::nullopt;
    const Rule* r = rs.first(remedy == "basin.accessible" ? "basin.height" : "counter.height");
    const double hi = r ? floor_to(r->mm("max", 800), 10) : 800;
    const double lo = r ? ceil_to(r->mm("min", 0), 10) : 0;
    f->height = Length::mm(std::clamp(800.0, lo, hi));
    f->knee_clearance = true;
    return out;
  }
  if (remedy == "control.relocate") {
    Device* d = find(c.devices, element);
    if (!d) return std::nullopt;
    const Rule* r = rule_for(rs, "control.height", "devices", to_string(d->type));
    if (!r) return std::nullopt;
    d->height = Length::mm(middle(r, "min", "max", 1000));
    return out;
  }
  if (remedy == "floor.anti_slip") {
    Room* r = find(c.rooms, element);
    if (!r) return std::nullopt;
    if (!r->floor) r->floor = Floor{};
    if (r->floor->slip_resistant.value_or(false)) return std::nullopt;
    r->floor->slip_resistant = true;
    out.measures["floor_area"] = std::abs(g::signed_area(outline(*r))) / 1e6;
    return out;
  }
  if (remedy == "furniture.move") {
    const int n = move_furniture(c, rs, element);
    if (n == 0) return std::nullopt;
    out.measures["fixtures_moved"] = n;
    return out;
  }
  if (remedy == "bathroom.enlarge") {
    const auto area = enlarge_room(c, rs, element);
    if (!area) return std::nullopt;
    out.measures["added_area"] = *area;
    return out;
  }
  if (remedy == "doorbell.visual" || remedy == "doorbell.voice") {
    const bool visual = remedy == "doorbell.visual";
    // Every doorbell is given the signal, and each is billed (quantity "element").
    out.measures["element"] = ensure_device(c, DeviceType::doorbell, entrance_room(c), visual ? "doorbell-visual" : "doorbell-voice",
                  [&](Device& d) {
                    (visual ? d.visual : d.voice) = true;
                    if (!d.audible) d.audible = true;
                  });
    if (out.measures["element"] == 0) return std::nullopt;  // every one already has it
    return out;
  }
  if (remedy == "alarm.visual") {
    std::string room = entrance_room(c);
    for (const Room& r : c.rooms)
      if (r.type == RoomType::living) room = r.id;
    out.measures["element"] = ensure_device(c, DeviceType::smoke_alarm, room, "smoke-alarm", [](Device& d) {
      d.visual = true;
      d.audible = true;
    });
    if (out.measures["element"] == 0) return std::nullopt;  // every one already has it
    return out;
  }
  if (remedy == "alarm.gas") {
    std::string room = entrance_room(c);
    for (const Fixture& f : c.fixtures)
      if (f.type == FixtureType::stove) room = f.room;
    out.measures["element"] = ensure_device(c, DeviceType::gas_alarm, room, "gas-alarm", [](Device& d) {
      d.shutoff = true;
      d.audible = true;
    });
    if (out.measures["element"] == 0) return std::nullopt;  // every one already has it
    return out;
  }
  if (remedy == "call.install") {
    const Rule* need = rs.first("safety.call");
    const Rule* height = rule_for(rs, "control.height", "devices", "call_button");
    int added = 0;
    // Worked out before any is added; adding devices leaves the rooms where they are.
    std::vector<std::string> concerned;
    if (need) {
      rules::Context ctx(c, rs);
      concerned = ctx.concern(*need).occupants;
    }
    for (const Room* r : rules::rooms_without_call_button(c, need ? need->param("rooms") : nullptr, concerned)) {
      Device d;
      d.id = fresh_id(c, "call-" + r->id);
      d.type = DeviceType::call_button;
      d.room = r->id;
      d.height = Length::mm(middle(height, "min", "max", 450));
      c.devices.push_back(d);
      ++added;
    }
    if (!added) return std::nullopt;
    out.measures["rooms"] = added;
    return out;
  }
  return std::nullopt;
}

}  // namespace barrierfree::planning
