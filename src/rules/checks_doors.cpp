// Doors: clear width, threshold, handle, the wall beside the latch and the
// turning space on each side.
#include "rules/engine.hpp"

#include <barrierfree/geometry/operations.hpp>

#include "geometry/passage.hpp"

#include <algorithm>
#include <cmath>

namespace barrierfree::rules {

namespace {

std::string door_pointer(const Context& ctx, const Door& d, const std::string& field) {
  return pointer(ctx.c, d.id, field);
}

void clear_width(Context& ctx, const Rule& rule) {
  const double min = rule.mm("min");
  const std::string& unit = Context::display_unit(rule);
  for (const Door& d : ctx.c.doors) {
    Report r;
    r.element = d.id;
    r.at = d.at;
    if (!d.clear_width) {
      r.status = Status::insufficient_data;
      r.missing = {door_pointer(ctx, d, "clear_width")};
    } else if (d.clear_width->mm() < min) {
      r.measured = d.clear_width->mm();
      r.unit = "mm";
      r.required = {{"min", min}};
      r.vars["measured"] = length_text(d.clear_width->mm(), unit);
      r.vars["required"] = at_least(length_text(min, unit));
      r.detail = {{"shortfall", round_mm(min - d.clear_width->mm())}};
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

void threshold(Context& ctx, const Rule& rule) {
  const double max = rule.mm("max");
  const double with_ramp = rule.mm("with_ramp_max", max);
  const std::string& unit = Context::display_unit(rule);
  for (const Door& d : ctx.c.doors) {
    Report r;
    r.element = d.id;
    r.at = d.at;
    if (!d.threshold) {
      r.status = Status::insufficient_data;
      r.missing = {door_pointer(ctx, d, "threshold")};
    } else {
      const double t = d.threshold->mm();
      const bool ramped = d.threshold_ramp.value_or(false);
      if (t <= max || (ramped && t <= with_ramp)) continue;
      r.measured = t;
      r.unit = "mm";
      r.required = {{"max", max}};
      if (ramped) r.required["max_with_ramp"] = with_ramp;
      r.vars["measured"] = length_text(t, unit);
      r.vars["required"] = at_most(length_text(max, unit));
      r.detail = {{"threshold_ramp", ramped}};
    }
    ctx.report(rule, std::move(r));
  }
}

void handle(Context& ctx, const Rule& rule) {
  const double lo = rule.mm("min"), hi = rule.mm("max", 1e9);
  const std::string& unit = Context::display_unit(rule);
  const Param* allowed = rule.param("handles");
  for (const Door& d : ctx.c.doors) {
    if (d.type == DoorType::opening) continue;
    Report r;
    r.element = d.id;
    r.at = d.at;
    r.vars["height_range"] = range_text(lo, hi, unit);
    std::optional<bool> type_ok, height_ok;
    if (d.handle) {
      const std::string h(to_string(*d.handle));
      type_ok = !allowed || listed(allowed, h);
    } else {
      r.missing.push_back(door_pointer(ctx, d, "handle"));
    }
    if (d.handle_height) height_ok = d.handle_height->mm() >= lo && d.handle_height->mm() <= hi;
    else r.missing.push_back(door_pointer(ctx, d, "handle_height"));
    if (type_ok == false) {
      const std::string h(to_string(*d.handle));
      r.measured = h;
      r.unit = "";
      r.required = {{"handle", allowed ? allowed->names : std::vector<std::string>{}}, {"min", lo}, {"max", hi}};
      r.vars["problem"] = {"a " + h + " handle needs a tight grip and a twist", h == "knob" ? "球形门把手需用力握拧" : "把手不便握持"};
      r.missing.clear();
    } else if (height_ok == false) {
      r.measured = d.handle_height->mm();
      r.unit = "mm";
      r.required = {{"min", lo}, {"max", hi}};
      const Text at = length_text(d.handle_height->mm(), unit);
      r.vars["problem"] = {"the handle is at " + at.en, "把手高度为" + at.zh};
      r.missing.clear();
    } else if (!r.missing.empty()) {
      r.status = Status::insufficient_data;
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

/// Clear wall beside the latch in `room`, from the latch end outward.
double latch_clearance(const Context& ctx, const Door& d, const DoorSide& s, Side latch, double depth) {
  const Point2 end = s.end(latch);
  Point2 dir = end - s.centre;
  const double len = norm(dir);
  dir = len > 0 ? dir * (1.0 / len) : s.along;
  double clear = ctx.plan.wall_run(s.room, s.edge, end, dir);
  // Other openings in the same wall end the wall.
  for (const Door& other : ctx.c.doors) {
    if (&other == &d || (other.rooms[0] != s.room && other.rooms[1] != s.room)) continue;
    const auto os = ctx.plan.side(other, s.room);
    if (!os || std::abs(dot(os->centre - end, s.inward)) > 10) continue;
    const double ahead = dot(os->centre - end, dir) - os->width / 2;
    if (dot(os->centre - end, dir) > 0) clear = std::min(clear, std::max(0.0, ahead));
  }
  // Fixtures standing against the wall, and the sloped run of a ramp in the room: not level
  // floor to stand on while pulling the door (ramp runs are obstacles only where knee space is
  // free floor, so they are taken from that band).
  auto pieces = ctx.plan.band(s.room, end, dir, s.inward, 0, depth, 0, KneeSpace::obstacle);
  const auto is_ramp_here = [&](const std::string& id) {
    return std::any_of(ctx.c.ramps.begin(), ctx.c.ramps.end(), [&](const Ramp& r) { return r.in == s.room && r.id == id; });
  };
  if (std::any_of(ctx.c.ramps.begin(), ctx.c.ramps.end(), [&](const Ramp& r) { return r.in == s.room; }))
    for (BandPiece& p : ctx.plan.band(s.room, end, dir, s.inward, 0, depth, 0, KneeSpace::counts_as_free))
      if (is_ramp_here(p.what)) pieces.push_back(std::move(p));
  return std::min(clear, band_extent(pieces, clear));
}

void latch_side(Context& ctx, const Rule& rule) {
  const double min = rule.mm("min"), depth = rule.mm("depth", 300);
  const std::string& unit = Context::display_unit(rule);
  for (const Door& d : ctx.c.doors) {
    if (d.type != DoorType::swing) continue;
    Report r;
    r.element = d.id;
    r.at = d.at;
    if (!d.swing_into) {
      r.status = Status::insufficient_data;
      r.missing = {door_pointer(ctx, d, "swing_into")};
      ctx.report(rule, std::move(r));
      continue;
    }
    if (*d.swing_into == outside_id) {
      ctx.not_assessed(rule, d.id, "the pull side is the landing outside the flat, which the plan does not show");
      continue;
    }
    if (!d.clear_width) {
      r.status = Status::insufficient_data;
      r.missing = {door_pointer(ctx, d, "clear_width")};
      ctx.report(rule, std::move(r));
      continue;
    }
    const auto s = ctx.plan.side(d, *d.swing_into);
    if (!s) continue;
    std::vector<Side> sides = d.latch_side ? std::vector<Side>{*d.latch_side} : std::vector<Side>{Side::left, Side::right};
    std::vector<double> clear;
    for (Side sd : sides) clear.push_back(report_mm(latch_clearance(ctx, d, *s, sd, depth)));
    const bool all_pass = std::all_of(clear.begin(), clear.end(), [&](double c) { return reaches(c, min); });
    const bool all_fail = std::all_of(clear.begin(), clear.end(), [&](double c) { return !reaches(c, min); });
    if (all_pass) continue;
    r.room = *d.swing_into;
    r.vars["room"] = ctx.name_of(*d.swing_into);
    r.required = {{"min", min}};
    if (!all_fail) {
      // Enough wall on one side only: where the latch is decides.
      r.status = Status::insufficient_data;
      r.missing = {door_pointer(ctx, d, "latch_side")};
      r.detail = {{"left", clear[0]}, {"right", clear[1]}};
    } else {
      const double best = *std::max_element(clear.begin(), clear.end());
      r.measured = best;
      r.unit = "mm";
      r.vars["measured"] = length_text(best, unit);
      r.vars["required"] = at_least(length_text(min, unit));
      r.detail = {{"latch_side", d.latch_side ? std::string(to_string(*d.latch_side)) : std::string("either")}};
    }
    ctx.report(rule, std::move(r));
  }
}

/// GB: the largest turning circle near the door on one side, clear of the
/// leaf's swing; the search stops once the required circle fits.
double circle_at_door(const Context& ctx, const Door& d, const DoorSide& s, double diameter, Side latch) {
  std::optional<Ring> swing;
  if (d.swing_into && *d.swing_into == s.room) swing = ctx.plan.swing_area(d, latch);
  const Circle c = geometry::largest_circle_near(*ctx.plan.outline(s.room), ctx.plan.obstacles(s.room, KneeSpace::counts_as_free),
                                                 s.mouth(), diameter / 2 + s.width, circle_precision_mm,
                                                 diameter / 2 - circle_precision_mm, swing ? &*swing : nullptr);
  return c.diameter();
}

/// ADA: clear depth of the maneuvering rectangle in front of the doorway.
double maneuvering_depth(const Context& ctx, const DoorSide& s, double limit) {
  const auto pieces = ctx.plan.band(s.room, s.centre, s.inward, s.along, -s.width / 2, s.width / 2, 0,
                                    KneeSpace::counts_as_free);
  return band_extent(pieces, limit);
}

/// The turning space on each side of a door with its latch on `latch`: the
/// side with the largest shortfall, or nothing when both sides pass.
struct DoorSpace {
  std::string room;
  double measured = 0, required = 0;
  json sides = json::object();
};

std::optional<DoorSpace> door_space(Context& ctx, const Rule& rule, const Door& d, bool maneuvering, Side latch,
                                   std::map<std::string, double>& unswung) {
  DoorSpace worst;
  double worst_gap = 0;
  for (const std::string& room : d.rooms) {
    if (room == outside_id || !ctx.in_focus(room)) continue;
    const auto s = ctx.plan.side(d, room);
    if (!s) continue;
    double required, measured, tolerance;
    if (maneuvering) {
      const bool pull = d.type == DoorType::swing && d.swing_into && *d.swing_into == room;
      required = d.type != DoorType::swing ? rule.mm("opening_depth") : pull ? rule.mm("pull_depth") : rule.mm("push_depth");
      measured = report_mm(maneuvering_depth(ctx, *s, required + 1));
      tolerance = 1e-6;
    } else {
      // The side the leaf does not swing into does not depend on the hinge: searched once.
      required = rule.mm("diameter");
      const bool swung = d.swing_into && *d.swing_into == room;
      if (!swung && unswung.count(room)) measured = unswung[room];
      else measured = round_mm(circle_at_door(ctx, d, *s, required, latch));
      if (!swung) unswung[room] = measured;
      tolerance = 2 * circle_precision_mm;  // as circle_fits
    }
    // A side that passes is only known to fit (the search stopped there).
    const bool fits = measured >= required - tolerance;
    worst.sides[room] = fits ? json("fits") : json(measured);
    if (!fits && required - measured > worst_gap) {
      worst_gap = required - measured;
      worst.room = room;
      worst.measured = measured;
      worst.required = required;
    }
  }
  if (worst.room.empty()) return std::nullopt;
  return worst;
}

void door_turning_space(Context& ctx, const Rule& rule) {
  const Param* method = rule.param("method");
  const bool maneuvering = method && !method->names.empty() && method->names[0] == "maneuvering";
  const std::string& unit = Context::display_unit(rule);
  for (const Door& d : ctx.c.doors) {
    if (d.type == DoorType::opening && !maneuvering) continue;
    Report r;
    r.element = d.id;
    r.at = d.at;
    if (!d.clear_width || (maneuvering && d.type == DoorType::swing && !d.swing_into)) {
      r.status = Status::insufficient_data;
      r.missing = {door_pointer(ctx, d, d.clear_width ? "swing_into" : "clear_width")};
      ctx.report(rule, std::move(r));
      continue;
    }
    if (!ctx.in_focus(d.rooms[0]) && !ctx.in_focus(d.rooms[1])) continue;
    if (d.rooms[0] == outside_id || d.rooms[1] == outside_id)
      ctx.not_assessed(rule, d.id, "the landing outside the flat is not in the plan");
    // Where the hinge is decides where the leaf swings. Unknown: both ways,
    // and a result only where both agree.
    const bool swings = !maneuvering && d.type == DoorType::swing && d.swing_into;
    std::vector<Side> latches = swings && !d.latch_side ? std::vector<Side>{Side::left, Side::right}
                                                        : std::vector<Side>{d.latch_side.value_or(Side::right)};
    std::vector<std::optional<DoorSpace>> results;
    std::map<std::string, double> unswung;
    for (Side l : latches) results.push_back(door_space(ctx, rule, d, maneuvering, l, unswung));
    const bool all_pass = std::all_of(results.begin(), results.end(), [](const auto& x) { return !x; });
    const bool all_fail = std::all_of(results.begin(), results.end(), [](const auto& x) { return x.has_value(); });
    if (all_pass) continue;
    if (!all_fail) {
      r.status = Status::insufficient_data;
      r.missing = {door_pointer(ctx, d, "latch_side")};
      ctx.report(rule, std::move(r));
      continue;
    }
    // Both hinge positions fail: report the better one.
    const DoorSpace& w = **std::max_element(results.begin(), results.end(), [](const auto& a, const auto& b) {
      return a->measured - a->required < b->measured - b->required;
    });
    r.room = w.room;
    r.measured = w.measured;
    r.unit = "mm";
    r.required = maneuvering ? json{{"depth", w.required}} : json{{"diameter", w.required}};
    r.vars["room"] = ctx.name_of(w.room);
    r.vars["measured"] = length_text(w.measured, unit);
    r.vars["required"] = maneuvering ? Text{"a clear space " + length_text(w.required, unit).en + " deep",
                                            "净深不小于" + length_text(w.required, unit).zh}
                                     : Text{"a circle of " + length_text(w.required, unit).en,
                                            "直径不小于" + length_text(w.required, unit).zh + "的回转空间"};
    r.detail = {{"sides", w.sides}};
    ctx.report(rule, std::move(r));
  }
}

}  // namespace

void register_door_checks(std::map<std::string, CheckFunction>& m) {
  m["door.clear_width"] = clear_width;
  m["door.threshold"] = threshold;
  m["door.handle"] = handle;
  m["door.latch_side"] = latch_side;
  m["door.turning_space"] = door_turning_space;
}

}  // namespace barrierfree::rules
