// Rooms: turning space, area, the space beside beds and slip-resistant floors.
#include "rules/engine.hpp"

#include <barrierfree/geometry/operations.hpp>

#include <algorithm>
#include <cmath>

namespace barrierfree::rules {

namespace {

/// Where a room's findings are shown: the middle of its bounding box.
Point2 box_centre(const Ring& r) {
  const Box b = geometry::bounds(r);
  return {(b.min.x + b.max.x) / 2, (b.min.y + b.max.y) / 2};
}

void turning_space(Context& ctx, const Rule& rule) {
  const double diameter = rule.mm("diameter");
  const Param* types = rule.param("rooms");
  const bool each_type = rule.param("each_type") && rule.param("each_type")->value != 0;
  const std::string& unit = Context::display_unit(rule);
  // Groups of rooms of which one must pass: per room type, or all together.
  std::map<std::string, std::vector<const Room*>> groups;
  for (const Room& r : ctx.c.rooms)
    if (listed(types, to_string(r.type)) && ctx.in_focus(r.id))
      groups[each_type ? std::string(to_string(r.type)) : "all"].push_back(&r);
  for (auto& [key, rooms] : groups) {
    const Room* best = nullptr;
    Circle best_circle;
    bool fits = false;
    for (const Room* room : rooms) {
      const Ring* outline = ctx.plan.outline(room->id);
      // The search stops as soon as the required circle fits, since only failures need their size.
      const Circle c = geometry::largest_inscribed_circle(*outline, ctx.plan.obstacles(room->id, KneeSpace::counts_as_free),
                                                          circle_precision_mm, diameter / 2 - circle_precision_mm);
      if (circle_fits(c.diameter(), diameter)) {
        fits = true;
        break;
      }
      if (!best || round_mm(c.diameter()) > round_mm(best_circle.diameter()) ||
          (round_mm(c.diameter()) == round_mm(best_circle.diameter()) && room->id < best->id)) {
        best = room;
        best_circle = c;
      }
    }
    if (fits || !best) continue;  // some room of the group has its turning space
    const double measured = round_mm(best_circle.diameter());
    Report r;
    r.element = best->id;
    r.room = best->id;
    r.at = best_circle.centre;
    r.measured = measured;
    r.unit = "mm";
    r.required = {{"diameter", diameter}};
    r.vars["measured"] = length_text(measured, unit);
    r.vars["required"] = {"a circle of " + length_text(diameter, unit).en, "直径不小于" + length_text(diameter, unit).zh};
    std::vector<std::string> candidates;
    for (const Room* room : rooms) candidates.push_back(room->id);
    r.detail = {{"rooms_considered", candidates}};
    ctx.report(rule, std::move(r));
  }
}

struct AreaKind {
  std::string kind;
  Text name;
};

std::optional<AreaKind> area_kind(const Context& ctx, const Room& room, double double_bed_width) {
  const auto fixtures = ctx.plan.fixtures_in(room.id);
  auto has = [&](FixtureType t) {
    return std::any_of(fixtures.begin(), fixtures.end(), [&](const Fixture* f) { return f->type == t; });
  };
  switch (room.type) {
    case RoomType::living: return AreaKind{"living", {"living room", "起居室"}};
    case RoomType::kitchen: return AreaKind{"kitchen", {"kitchen", "厨房"}};
    case RoomType::bedroom: {
      const bool dbl = std::any_of(fixtures.begin(), fixtures.end(), [&](const Fixture* f) {
        return f->type == FixtureType::bed && std::min(f->width.mm(), f->depth.mm()) >= double_bed_width;
      });
      return dbl ? AreaKind{"double_bedroom", {"double bedroom", "双人卧室"}}
                 : AreaKind{"single_bedroom", {"single bedroom", "单人卧室"}};
    }
    case RoomType::bathroom:
    case RoomType::toilet: {
      if (!has(FixtureType::toilet)) return std::nullopt;
      const bool bath = has(FixtureType::bathtub) || has(FixtureType::shower);
      const bool basin = has(FixtureType::basin);
      if (bath && basin) return AreaKind{"bathroom_wc_bath_basin", {"bathroom with toilet, bath or shower and basin", "设坐便器、浴盆或淋浴、洗面盆的卫生间"}};
      if (bath) return AreaKind{"bathroom_wc_bath", {"bathroom with toilet and bath or shower", "设坐便器、浴盆或淋浴的卫生间"}};
      if (basin) return AreaKind{"bathroom_wc_basin", {"toilet room with basin", "设坐便器、洗面盆的卫生间"}};
      return AreaKind{"wc_only", {"toilet room", "单设坐便器的卫生间"}};
    }
    default: return std::nullopt;
  }
}

void room_area(Context& ctx, const Rule& rule) {
  const Param* table = rule.param("table");
  if (!table) return;
  const double double_bed = rule.mm("double_bed_width", 1200);
  for (const Room& room : ctx.c.rooms) {
    const auto kind = area_kind(ctx, room, double_bed);
    if (!kind) continue;
    const nlohmann::ordered_json* row = nullptr;
    for (const auto& x : table->raw)
      if (x["kind"] == kind->kind) row = &x;
    if (!row) continue;
    const double min = (*row)["min"]["value"].get<double>();
    const Ring* outline = ctx.plan.outline(room.id);
    const double area = std::abs(geometry::signed_area(*outline)) / 1e6;
    // Judged as reported, to 0.001 m² (a millimetre short of a wall a metre or more long
    // fails): a plan drawn turned, or rounded to 0.001 mm, is a few mm² off its area, and
    // 2.999999 m² meets 3.00 as the 3.000 it is shown as.
    const double rounded = std::round(area * 1000) / 1000;
    if (rounded >= min - 1e-12) continue;
    Report r;
    r.element = room.id;
    r.room = room.id;
    r.at = box_centre(*outline);
    r.measured = rounded;
    r.unit = "m2";
    r.required = {{"min", min}};
    r.vars["measured"] = area_text(rounded);
    r.vars["required"] = at_least(area_text(min));
    r.vars["kind"] = kind->name;
    r.detail = {{"kind", kind->kind}};
    // The row's own clause is cited (3.12.4-2 for a bathroom), and its grade kept.
    if (row->contains("clause")) {
      r.detail["clause"] = (*row)["clause"];
      r.clause = (*row)["clause"].get<std::string>();
    }
    if (row->contains("grade")) r.confidence = confidence_of_grade((*row)["grade"].get<std::string>());
    ctx.report(rule, std::move(r));
  }
}

/// The widest clear floor along either long side of a bed (over `window` of its length).
double bed_side(const Context& ctx, const Fixture& bed, double window, double limit) {
  const Point2 f = geometry::facing_vector(bed.facing_or_default());
  const Point2 l = left_normal(f);
  // The long sides run along the bed's longer dimension.
  const bool depth_long = bed.depth.mm() >= bed.width.mm();
  const Point2 along = depth_long ? f : l;
  const Point2 out = depth_long ? l : f;
  const double half_len = std::max(bed.depth.mm(), bed.width.mm()) / 2;
  const double half_wid = std::min(bed.depth.mm(), bed.width.mm()) / 2;
  double best = 0;
  for (double sign : {1.0, -1.0}) {
    const Point2 dir = out * sign;
    const auto pieces = ctx.plan.band(bed.room, bed.at, dir, along, -half_len, half_len, half_wid,
                                      KneeSpace::obstacle, bed.id);
    const double w = window > 0 ? std::min(window, 2 * half_len) : 2 * half_len;
    best = std::max(best, best_window_extent(pieces, -half_len, half_len, w, limit) - half_wid);
  }
  return report_mm(best);
}

void bed_side_space(Context& ctx, const Rule& rule) {
  const double min = rule.mm("min"), window = rule.mm("length", 0);
  const std::string& unit = Context::display_unit(rule);
  const Fixture* best = nullptr;
  double best_space = -1;
  std::vector<const Fixture*> beds;
  for (const Fixture& f : ctx.c.fixtures)
    if (f.type == FixtureType::bed && ctx.in_focus(f.room)) beds.push_back(&f);
  std::sort(beds.begin(), beds.end(), [](const Fixture* a, const Fixture* b) { return a->id < b->id; });
  for (const Fixture* bed : beds) {
    const double space = bed_side(ctx, *bed, window, 10000);
    if (space > best_space) {
      best_space = space;
      best = bed;
    }
  }
  if (!best || reaches(best_space, min)) return;
  Report r;
  r.element = best->id;
  r.room = best->room;
  r.at = best->at;
  r.measured = best_space;
  r.unit = "mm";
  r.required = {{"min", min}};
  if (window > 0) r.required["length"] = window;
  r.vars["measured"] = length_text(best_space, unit);
  r.vars["required"] = at_least(length_text(min, unit));
  std::vector<std::string> ids;
  for (const Fixture* b : beds) ids.push_back(b->id);
  r.detail = {{"beds_considered", ids}};
  ctx.report(rule, std::move(r));
}

void floor_slip(Context& ctx, const Rule& rule) {
  const Param* wet_types = rule.param("wet_rooms");
  for (const Room& room : ctx.c.rooms) {
    const std::optional<bool> wet_flag = room.floor ? room.floor->wet : std::nullopt;
    const bool wet = wet_flag ? *wet_flag : listed(wet_types, to_string(room.type));
    if (!wet) continue;
    const std::optional<bool> slip = room.floor ? room.floor->slip_resistant : std::nullopt;
    if (slip == true) continue;
    Report r;
    r.element = room.id;
    r.room = room.id;
    r.at = box_centre(*ctx.plan.outline(room.id));
    if (!slip) {
      r.status = Status::insufficient_data;
      r.missing = {pointer(ctx.c, room.id, "floor/slip_resistant")};
    } else {
      r.measured = false;
      r.unit = "";
      r.required = {{"slip_resistant", true}};
      r.detail = {{"area_m2", std::round(std::abs(geometry::signed_area(*ctx.plan.outline(room.id))) / 1e4) / 100}};
    }
    ctx.report(rule, std::move(r));
  }
}

}  // namespace

void register_room_checks(std::map<std::string, CheckFunction>& m) {
  m["turning_space"] = turning_space;
  m["room.area"] = room_area;
  m["bed.side_space"] = bed_side_space;
  m["floor.slip"] = floor_slip;
}

}  // namespace barrierfree::rules
