// Toilets, grab bars, showers, bathtubs, basins and kitchen counters.
#include "rules/engine.hpp"

#include <barrierfree/geometry/operations.hpp>

#include <algorithm>
#include <cmath>

namespace barrierfree::rules {

namespace {

std::vector<const Fixture*> fixtures_of(const Context& ctx, FixtureType type) {
  std::vector<const Fixture*> out;
  for (const Fixture& f : ctx.c.fixtures)
    if (f.type == type) out.push_back(&f);
  return out;
}

Report about(const Fixture& f) {
  Report r;
  r.element = f.id;
  r.room = f.room;
  r.at = f.at;
  return r;
}

void toilet_type(Context& ctx, const Rule& rule) {
  for (const Fixture* t : fixtures_of(ctx, FixtureType::toilet)) {
    Report r = about(*t);
    if (!t->kind) {
      r.status = Status::insufficient_data;
      r.missing = {pointer(ctx.c, t->id, "kind")};
    } else if (*t->kind == ToiletKind::squat) {
      r.measured = "squat";
      r.unit = "";
      r.required = {{"kind", "seated"}};
      r.detail = {{"commode_chair", t->commode_chair.value_or(false)}};
      if (t->commode_chair.value_or(false)) r.features.insert("commode_chair");
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

void seat_height(Context& ctx, const Rule& rule) {
  const double lo = rule.mm("min"), hi = rule.mm("max", 1e9);
  const std::string& unit = Context::display_unit(rule);
  for (const Fixture* t : fixtures_of(ctx, FixtureType::toilet)) {
    if (t->kind != ToiletKind::seated) continue;  // a squat pan has no seat: toilet.type reports it
    Report r = about(*t);
    if (!t->seat_height) {
      r.status = Status::insufficient_data;
      r.missing = {pointer(ctx.c, t->id, "seat_height")};
    } else if (t->seat_height->mm() < lo || t->seat_height->mm() > hi) {
      r.measured = t->seat_height->mm();
      r.unit = "mm";
      r.required = {{"min", lo}, {"max", hi}};
      r.vars["measured"] = length_text(t->seat_height->mm(), unit);
      r.vars["required"] = range_text(lo, hi, unit);
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

void transfer_space(Context& ctx, const Rule& rule) {
  const double need_w = rule.mm("width"), need_d = rule.mm("depth");
  const std::string& unit = Context::display_unit(rule);
  for (const Fixture* t : fixtures_of(ctx, FixtureType::toilet)) {
    const FixtureFrame fr = frame_of(*t);
    // Depth: from the wall behind the toilet to what stands in front of it.
    const auto ahead = ctx.plan.band(t->room, fr.back, fr.forward, fr.left, -fr.half_width, fr.half_width, 0,
                                     KneeSpace::obstacle, t->id);
    const double depth = report_mm(band_extent(ahead, 20000));
    // Width: across the toilet, over that depth, between what stands on either side.
    const double band = std::min(depth, need_d);
    double width = 0;
    for (double sign : {1.0, -1.0}) {
      const auto side = ctx.plan.band(t->room, fr.back, fr.left * sign, fr.forward, 0, band, fr.half_width,
                                      KneeSpace::obstacle, t->id);
      width += band_extent(side, 20000);
    }
    width = report_mm(width);
    if (reaches(width, need_w) && reaches(depth, need_d)) continue;
    Report r = about(*t);
    const bool narrow = !reaches(width, need_w);
    r.measured = narrow ? width : depth;
    r.unit = "mm";
    r.required = {{"width", need_w}, {"depth", need_d}};
    r.vars["width"] = length_text(width, unit);
    r.vars["depth"] = length_text(depth, unit);
    r.vars["required_width"] = length_text(need_w, unit);
    r.vars["required_depth"] = length_text(need_d, unit);
    r.detail = {{"width", width}, {"depth", depth}, {"limiting", narrow ? "width" : "depth"}};
    ctx.report(rule, std::move(r));
  }
}

struct BarCount {
  int horizontal = 0, vertical = 0;
};

BarCount count_bars(const Context& ctx, const Fixture& f, double reach) {
  BarCount n;
  for (const GrabBar* g : ctx.plan.bars_serving(f, reach)) (g->vertical ? n.vertical : n.horizontal)++;
  return n;
}

Text bars_text(int h, int v) {
  Text t{std::to_string(h) + " horizontal", "水平抓杆" + std::to_string(h) + "根"};
  if (v > 0) {
    t.en += " and " + std::to_string(v) + " vertical bar(s)";
    t.zh += "、垂直抓杆" + std::to_string(v) + "根";
  } else {
    t.en += " bar(s)";
  }
  return t;
}

void bars_required(Context& ctx, const Rule& rule, FixtureType type) {
  const int need_h = static_cast<int>(rule.mm("horizontal", 0)), need_v = static_cast<int>(rule.mm("vertical", 0));
  const double reach = rule.mm("reach", 1000);
  for (const Fixture* f : fixtures_of(ctx, type)) {
    const BarCount n = count_bars(ctx, *f, reach);
    if (n.horizontal >= need_h && n.vertical >= need_v) continue;
    Report r = about(*f);
    r.measured = n.horizontal + n.vertical;
    r.unit = "count";
    r.required = {{"horizontal", need_h}, {"vertical", need_v}};
    r.vars["horizontal"] = same(std::to_string(n.horizontal));
    r.vars["vertical"] = same(std::to_string(n.vertical));
    r.vars["required_bars"] = bars_text(need_h, need_v);
    r.detail = {{"horizontal", n.horizontal}, {"vertical", n.vertical},
                {"missing_horizontal", std::max(0, need_h - n.horizontal)},
                {"missing_vertical", std::max(0, need_v - n.vertical)}};
    ctx.report(rule, std::move(r));
  }
}

void toilet_grab_bars(Context& ctx, const Rule& rule) { bars_required(ctx, rule, FixtureType::toilet); }
void shower_grab_bars(Context& ctx, const Rule& rule) { bars_required(ctx, rule, FixtureType::shower); }

void grab_bar_height(Context& ctx, const Rule& rule) {
  const Param* types = rule.param("fixture");
  const std::string& unit = Context::display_unit(rule);
  for (const GrabBar& g : ctx.c.grab_bars) {
    const Fixture* f = ctx.plan.served_fixture(g, 1000);
    if (!f || !listed(types, to_string(f->type))) continue;
    Report r;
    r.element = g.id;
    r.room = g.room;
    r.at = (g.from + g.to) * 0.5;
    r.vars["fixture"] = same(f->id);
    r.unit = "mm";
    if (!g.vertical) {
      if (!rule.has("horizontal_min")) continue;
      const double lo = rule.mm("horizontal_min"), hi = rule.mm("horizontal_max", 1e9);
      if (g.height.mm() >= lo && g.height.mm() <= hi) continue;
      r.measured = g.height.mm();
      r.required = {{"min", lo}, {"max", hi}};
      r.vars["measured"] = length_text(g.height.mm(), unit);
      r.vars["required"] = range_text(lo, hi, unit);
    } else {
      if (!rule.has("vertical_top_min")) continue;
      const double lo = rule.mm("vertical_top_min"), hi = rule.mm("vertical_top_max", 1e9);
      if (g.top.mm() >= lo && g.top.mm() <= hi) continue;
      r.measured = g.top.mm();
      r.required = {{"top_min", lo}};
      if (hi < 1e9) r.required["top_max"] = hi;
      const Text top = length_text(g.top.mm(), unit);
      r.vars["measured"] = {"a top of " + top.en, "顶端" + top.zh};
      r.vars["required"] = hi < 1e9 ? Text{"a top at " + range_text(lo, hi, unit).en, "顶端高度" + range_text(lo, hi, unit).zh}
                                    : Text{"a top at " + at_least(length_text(lo, unit)).en, "顶端高度" + at_least(length_text(lo, unit)).zh};
    }
    r.detail = {{"serves", f->id}, {"vertical", g.vertical}};
    ctx.report(rule, std::move(r));
  }
}

void grab_bar_position(Context& ctx, const Rule& rule) {
  const Param* types = rule.param("fixture");
  const std::string& unit = Context::display_unit(rule);
  for (const GrabBar& g : ctx.c.grab_bars) {
    if (g.vertical) continue;
    const Fixture* f = ctx.plan.served_fixture(g, 1000);
    if (!f || !listed(types, to_string(f->type))) continue;
    const FixtureFrame fr = frame_of(*f);
    // Bar ends in the fixture's frame: u from the wall behind it, v from its centreline.
    const double u1 = dot(g.from - fr.back, fr.forward), u2 = dot(g.to - fr.back, fr.forward);
    const double v1 = dot(g.from - fr.back, fr.left), v2 = dot(g.to - fr.back, fr.left);
    const double length = distance(g.from, g.to);
    const bool side_bar = std::abs(u2 - u1) >= std::abs(v2 - v1);
    std::vector<Text> problems;
    json measured;
    json required = json::object();
    // Each problem names its parameter in `required`: a value from another clause (604.5.2 for the
    // bar behind the toilet, 604.2 for the offset) is then cited by report().
    auto problem = [&](const Text& t, double value, const char* key, double limit) {
      problems.push_back(t);
      if (measured.is_null()) measured = report_mm(value);
      required[key] = limit;
    };
    // ADA asks less of the bar behind the toilet (36 in, 604.5.2) than of the one beside it.
    const Param* rear_length = side_bar ? nullptr : rule.param("rear_length_min");
    const double min_len = rear_length ? rear_length->value : rule.mm("length_min");
    if (!reaches(length, min_len)) {
      problem({"it is " + length_text(length, unit).en + " long, at least " + length_text(min_len, unit).en + " needed",
               "长度" + length_text(length, unit).zh + "，应不小于" + length_text(min_len, unit).zh},
              length, rear_length ? "rear_length_min" : "length_min", min_len);
    }
    std::optional<double> to_wall;  // the side wall's distance from the centreline, when the bar is on one
    if (side_bar) {
      // ADA 604.2 puts the toilet's centreline 16–18 in from the side wall, and the bar is on that wall
      // (its axis 1½ in and half its diameter off it): a rule whose offset is to the wall ("offset_to":
      // wall) is measured to the wall the bar is on, where there is one within 150 mm along it; else,
      // and for a rule that places the bar itself (GB's reading), to the bar.
      const Point2 mid = (g.from + g.to) * 0.5;
      double nearest = 150;
      if (const Ring* ring = listed(rule.param("offset_to"), "wall") ? ctx.plan.outline(g.room) : nullptr)
        for (const Segment& e : geometry::edges(*ring)) {
          const double len = e.length();
          if (!(len > 0) || std::abs(dot((e.b - e.a) * (1.0 / len), fr.forward)) < 0.99) continue;  // not along the bar
          if (const double d = geometry::distance(mid, e); d <= nearest) {
            nearest = d;
            to_wall = std::abs(dot(e.a - fr.back, fr.left));
          }
        }
      const double offset = to_wall.value_or(std::abs((v1 + v2) / 2));
      if (rule.has("offset_min") && (!reaches(offset, rule.mm("offset_min")) || !reaches(rule.mm("offset_max", 1e9), offset)))
        problem(to_wall ? Text{"the toilet's centreline is " + length_text(offset, unit).en + " from the wall the bar is on, " +
                                   range_text(rule.mm("offset_min"), rule.mm("offset_max", 1e9), unit).en + " needed",
                               "便器中心线距扶手所在侧墙" + length_text(offset, unit).zh + "，应为" +
                                   range_text(rule.mm("offset_min"), rule.mm("offset_max", 1e9), unit).zh}
                        : Text{"it is " + length_text(offset, unit).en + " from the centreline, " +
                                   range_text(rule.mm("offset_min"), rule.mm("offset_max", 1e9), unit).en + " needed",
                               "距便器中心线" + length_text(offset, unit).zh + "，应为" +
                                   range_text(rule.mm("offset_min"), rule.mm("offset_max", 1e9), unit).zh},
                offset, "offset_min", rule.mm("offset_min"));
      const double rear = std::min(u1, u2), front = std::max(u1, u2);
      if (rule.has("rear_max") && !reaches(rule.mm("rear_max"), rear))
        problem({"it starts " + length_text(rear, unit).en + " from the rear wall, at most " + length_text(rule.mm("rear_max"), unit).en,
                 "起点距后墙" + length_text(rear, unit).zh + "，应不大于" + length_text(rule.mm("rear_max"), unit).zh},
                rear, "rear_max", rule.mm("rear_max"));
      if (rule.has("reach_min") && !reaches(front, rule.mm("reach_min")))
        problem({"it reaches " + length_text(front, unit).en + " from the rear wall, at least " + length_text(rule.mm("reach_min"), unit).en,
                 "终点距后墙" + length_text(front, unit).zh + "，应不小于" + length_text(rule.mm("reach_min"), unit).zh},
                front, "reach_min", rule.mm("reach_min"));
      if (rule.has("front_min") && !reaches(front, fr.depth + rule.mm("front_min")))
        problem({"it ends " + length_text(fr.depth - front, unit).en + " short of the toilet's front edge",
                 "未延伸至便器前缘（差" + length_text(fr.depth - front, unit).zh + "）"},
                front, "reach_min", fr.depth + rule.mm("front_min"));
    }
    if (problems.empty()) continue;
    Report r;
    r.element = g.id;
    r.room = g.room;
    r.at = (g.from + g.to) * 0.5;
    r.measured = measured;
    r.unit = "mm";
    r.required = required;
    Text all;
    for (const Text& t : problems) {
      all.en += (all.en.empty() ? "" : "; ") + t.en;
      all.zh += (all.zh.empty() ? "" : "；") + t.zh;
    }
    r.vars["problem"] = all;
    r.vars["fixture"] = same(f->id);
    r.detail = {{"serves", f->id}, {"length", report_mm(length)}, {"side_bar", side_bar}};
    if (side_bar && listed(rule.param("offset_to"), "wall")) r.detail["offset_to"] = to_wall ? "wall" : "bar";
    ctx.report(rule, std::move(r));
  }
}

void shower_curb(Context& ctx, const Rule& rule) {
  const double max = rule.mm("max");
  const std::string& unit = Context::display_unit(rule);
  for (const Fixture* s : fixtures_of(ctx, FixtureType::shower)) {
    Report r = about(*s);
    if (!s->curb) {
      r.status = Status::insufficient_data;
      r.missing = {pointer(ctx.c, s->id, "curb")};
    } else if (s->curb->mm() > max) {
      r.measured = s->curb->mm();
      r.unit = "mm";
      r.required = {{"max", max}};
      r.vars["measured"] = length_text(s->curb->mm(), unit);
      r.vars["required"] = at_most(length_text(max, unit));
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

void shower_seat(Context& ctx, const Rule& rule) {
  for (const Fixture* s : fixtures_of(ctx, FixtureType::shower)) {
    Report r = about(*s);
    if (!s->seat) {
      r.status = Status::insufficient_data;
      r.missing = {pointer(ctx.c, s->id, "seat")};
    } else if (!*s->seat) {
      r.measured = false;
      r.unit = "";
      r.required = {{"seat", true}};
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

void bathtub_access(Context& ctx, const Rule& rule) {
  const int need = static_cast<int>(rule.mm("bars", 2));
  const double reach = rule.mm("reach", 1000);
  for (const Fixture* t : fixtures_of(ctx, FixtureType::bathtub)) {
    Report r = about(*t);
    const BarCount n = count_bars(ctx, *t, reach);
    r.vars["required_bars"] = same(std::to_string(need));
    if (!t->seat) {
      r.status = Status::insufficient_data;
      r.missing = {pointer(ctx.c, t->id, "seat")};
    } else if (!*t->seat || n.horizontal < need) {
      r.measured = n.horizontal;
      r.unit = "count";
      r.required = {{"seat", true}, {"bars", need}};
      Text problem;
      if (!*t->seat) problem = {"no transfer seat", "无坐台"};
      if (n.horizontal < need) {
        const std::string b = std::to_string(n.horizontal);
        problem.en += (problem.en.empty() ? "" : ", ") + b + " grab bar(s)";
        problem.zh += (problem.zh.empty() ? "" : "，") + std::string("抓杆") + b + "根";
      }
      r.vars["problem"] = problem;
      r.detail = {{"seat", *t->seat}, {"bars", n.horizontal}};
      if (*t->seat) r.features.insert("seat");
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

/// Basin and counter: height within range and knee space below.
void height_and_knees(Context& ctx, const Rule& rule, FixtureType type) {
  const double lo = rule.mm("min", 0), hi = rule.mm("max", 1e9);
  const bool knees = rule.param("knee_clearance") && rule.param("knee_clearance")->value != 0;
  const std::string& unit = Context::display_unit(rule);
  for (const Fixture* f : fixtures_of(ctx, type)) {
    Report r = about(*f);
    r.vars["height_range"] = lo > 0 ? range_text(lo, hi, unit) : at_most(length_text(hi, unit));
    std::vector<Text> problems;
    json measured;
    if (!f->height) r.missing.push_back(pointer(ctx.c, f->id, "height"));
    else if (f->height->mm() < lo || f->height->mm() > hi) {
      const Text h = length_text(f->height->mm(), unit);
      problems.push_back({"the top is " + h.en + " high", "台面高" + h.zh});
      measured = f->height->mm();
    }
    if (knees) {
      if (!f->knee_clearance) r.missing.push_back(pointer(ctx.c, f->id, "knee_clearance"));
      else if (!*f->knee_clearance) {
        problems.push_back({"no knee space below", "下部无容膝空间"});
        if (measured.is_null()) measured = false;
      }
    }
    if (!problems.empty()) {
      r.missing.clear();
      r.measured = measured;
      r.unit = measured.is_number() ? "mm" : "";
      r.required = {{"max", hi}};
      if (lo > 0) r.required["min"] = lo;
      if (knees) r.required["knee_clearance"] = true;
      Text all;
      for (const Text& t : problems) {
        all.en += (all.en.empty() ? "" : " and ") + t.en;
        all.zh += (all.zh.empty() ? "" : "，") + t.zh;
      }
      r.vars["problem"] = all;
      r.detail = {{"height", f->height ? json(f->height->mm()) : json()}, {"knee_clearance", f->knee_clearance.value_or(false)}};
    } else if (!r.missing.empty()) {
      r.status = Status::insufficient_data;
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

void basin_height(Context& ctx, const Rule& rule) { height_and_knees(ctx, rule, FixtureType::basin); }
void counter_height(Context& ctx, const Rule& rule) { height_and_knees(ctx, rule, FixtureType::kitchen_counter); }

}  // namespace

void register_sanitary_checks(std::map<std::string, CheckFunction>& m) {
  m["toilet.type"] = toilet_type;
  m["toilet.seat_height"] = seat_height;
  m["toilet.transfer_space"] = transfer_space;
  m["toilet.grab_bars"] = toilet_grab_bars;
  m["grab_bar.height"] = grab_bar_height;
  m["grab_bar.position"] = grab_bar_position;
  m["shower.curb"] = shower_curb;
  m["shower.seat"] = shower_seat;
  m["shower.grab_bars"] = shower_grab_bars;
  m["bathtub.access"] = bathtub_access;
  m["basin.height"] = basin_height;
  m["counter.height"] = counter_height;
}

}  // namespace barrierfree::rules
