// The drawing of a home on A4 landscape. Paper units are millimetres; the plan
// is drawn at the largest standard scale (1:20 … 1:500) that fits, so that
// lengths can be measured off a print with a scale rule.
#include <barrierfree/report.hpp>

#include <barrierfree/geometry/operations.hpp>
#include <barrierfree/model/plan_geometry.hpp>

#include "report/svg.hpp"
#include "report/words.hpp"
#include "rules/engine.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace barrierfree {

namespace report {

namespace {

constexpr double page_w = 297, page_h = 210, margin = 10;

/// Where things go on the page: the plan on the left, the legend and lists on the right.
struct Layout {
  double area_x = margin, area_y = 26, area_w = 200, area_h = 166;  // the plan's part of the page
  double panel_x = 216, panel_w = page_w - margin - 216;

  bool standard_scale = true;  ///< 1:50, 1:100 …: the page is printed as it is

  Layout(bool lists, bool standalone) {
    if (!standalone) {
      // Embedded in a report: no title (the report has one), and any scale that fills the width.
      area_y = 6;
      standard_scale = false;
    }
    if (lists) return;
    // Legend only: the plan takes the rest of the width.
    panel_w = 44;
    panel_x = page_w - margin - panel_w;
    area_w = panel_x - area_x - 4;
  }
};

namespace colour {
constexpr const char* wall = "#1f1f1f";
constexpr const char* room = "#faf7f0";
constexpr const char* wet_room = "#f1f6f9";
constexpr const char* fixture = "#ffffff";
constexpr const char* fixture_line = "#6b6b6b";
constexpr const char* bar = "#0b7a75";
constexpr const char* fail = "#c1121f";
constexpr const char* unknown = "#d97706";
constexpr const char* ok = "#2b9348";
constexpr const char* planned = "#1d4ed8";
constexpr const char* text = "#1f1f1f";
constexpr const char* faint = "#555555";
}  // namespace colour

constexpr const char* font = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";

/// Plan millimetres to paper millimetres (y up on the plan, down on paper).
struct Frame {
  double scale = 50;  ///< 1:scale
  double min_x = 0, max_y = 0, ox = 0, oy = 0;
  double bottom = 0;  ///< the paper y of the plan's lower edge
  [[nodiscard]] Point2 operator()(Point2 p) const { return {ox + (p.x - min_x) / scale, oy + (max_y - p.y) / scale}; }
  [[nodiscard]] double len(double mm) const { return mm / scale; }
};

/// `pad`: room around the flat for what stands outside it (a door swinging out, a ramp's label).
Frame fit(const Box& plan, const Layout& l, double pad) {
  const double w = plan.max.x - plan.min.x + 2 * pad, h = plan.max.y - plan.min.y + 2 * pad;
  Frame f;
  if (l.standard_scale) {
    for (double s : {20.0, 25.0, 50.0, 75.0, 100.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0, 1000.0}) {
      f.scale = s;
      if (w / s <= l.area_w && h / s <= l.area_h) break;
    }
  } else {
    f.scale = std::max(w / l.area_w, h / l.area_h);
  }
  f.min_x = plan.min.x - pad;
  f.max_y = plan.max.y + pad;
  f.ox = l.area_x + (l.area_w - w / f.scale) / 2;
  f.oy = l.standard_scale ? l.area_y + (l.area_h - h / f.scale) / 2 : l.area_y;
  f.bottom = f.oy + h / f.scale;
  return f;
}

class Canvas {
 public:
  std::string out;

  void line(Point2 a, Point2 b, const char* stroke, double width, const std::string& extra = {}) {
    out += "<line x1=\"" + num(a.x) + "\" y1=\"" + num(a.y) + "\" x2=\"" + num(b.x) + "\" y2=\"" + num(b.y) +
           "\" stroke=\"" + stroke + "\" stroke-width=\"" + num(width) + "\"" + extra + "/>\n";
  }
  void polygon(const std::vector<Point2>& pts, const char* fill, const char* stroke, double width,
               const std::string& extra = {}) {
    out += "<polygon points=\"";
    for (std::size_t i = 0; i < pts.size(); ++i) out += (i ? " " : "") + num(pts[i].x) + "," + num(pts[i].y);
    out += "\" fill=\"" + std::string(fill) + "\" stroke=\"" + stroke + "\" stroke-width=\"" + num(width) + "\"" +
           extra + "/>\n";
  }
  void circle(Point2 c, double r, const char* fill, const char* stroke, double width, const std::string& extra = {}) {
    out += "<circle cx=\"" + num(c.x) + "\" cy=\"" + num(c.y) + "\" r=\"" + num(r) + "\" fill=\"" + fill +
           "\" stroke=\"" + stroke + "\" stroke-width=\"" + num(width) + "\"" + extra + "/>\n";
  }
  void rect(double x, double y, double w, double h, const char* fill, const char* stroke, double width,
            const std::string& extra = {}) {
    out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
           "\" fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + num(width) + "\"" + extra + "/>\n";
  }
  void text(Point2 p, const std::string& s, double size, const char* anchor = "middle", const char* fill = colour::text,
            const std::string& extra = {}) {
    out += "<text x=\"" + num(p.x) + "\" y=\"" + num(p.y) + "\" font-size=\"" + num(size) + "\" text-anchor=\"" +
           anchor + "\" fill=\"" + fill + "\"" + extra + ">" + escape(s) + "</text>\n";
  }
  void raw(const std::string& s) { out += s; }
};

std::vector<Point2> on_paper(const Frame& f, const Ring& ring) {
  std::vector<Point2> out;
  for (Point2 p : ring) out.push_back(f(p));
  return out;
}

/// Where to write a room's name: the centre of the largest circle clear of its fixtures.
Point2 label_point(const rules::PlanModel& plan, const Room& room) {
  const Ring* outline = plan.outline(room.id);
  if (!outline) return {};
  return geometry::largest_inscribed_circle(*outline, plan.obstacles(room.id, KneeSpace::obstacle), 5.0).centre;
}

int number_of(const std::string& id) {
  // "F12" -> 12
  int n = 0;
  for (char ch : id)
    if (ch >= '0' && ch <= '9') n = n * 10 + (ch - '0');
  return n;
}

class Drawing {
 public:
  Drawing(const Case& c, const Ruleset& rules, const CheckResult& check, const PlanResult* plan,
          const DrawingOptions& o)
      : c_(c), rules_(rules), check_(check), plan_(plan), lang_(o.lang == "zh" ? "zh" : "en"), model_(c),
        layout_(o.lists, o.standalone), options_(o) {
    Box box{{1e18, 1e18}, {-1e18, -1e18}};
    auto include = [&](Point2 p) {
      box.min.x = std::min(box.min.x, p.x);
      box.min.y = std::min(box.min.y, p.y);
      box.max.x = std::max(box.max.x, p.x);
      box.max.y = std::max(box.max.y, p.y);
    };
    for (const Room& r : c.rooms)
      if (const Ring* ring = model_.outline(r.id))
        for (Point2 p : *ring) include(p);
    if (box.min.x > box.max.x) box = {{0, 0}, {1000, 1000}};
    // What is drawn outside the rooms: leaves swinging out, ramps' labels.
    for (const Door& d : c.doors) {
      if (!d.swing_into || *d.swing_into != outside_id) continue;
      const std::string inner = d.rooms[0] == outside_id ? d.rooms[1] : d.rooms[0];
      if (auto s = model_.side(d, inner)) {
        const double w = s->width > 0 ? s->width : 800;
        include(s->centre - s->inward * w + s->along * (w / 2));
        include(s->centre - s->inward * w - s->along * (w / 2));
      }
    }
    for (const Ramp& r : c.ramps)
      if (const auto p = ramp_point(r, c)) {
        const double reach = (r.width ? r.width->mm() : 900) / 2 + 300;
        include(*p + Point2{-reach, -reach});
        include(*p + Point2{reach, reach});
      }
    frame_ = fit(box, layout_, 300);
    for (const Room& r : c.rooms) labels_[r.id] = label_point(model_, r);
  }

  std::string draw(bool standalone) {
    Canvas& k = canvas_;
    if (standalone) header();
    if (c_.rooms.empty())  // valid (rooms are optional), but a blank page would look like a fault
      canvas_.text({layout_.area_x + layout_.area_w / 2, layout_.area_y + layout_.area_h / 2}, say("no_rooms", lang_), 3.0,
                   "middle", colour::faint);
    rooms();
    turning_circles();
    fixtures();
    walls_and_doors();
    bars();
    steps_and_ramps();
    room_labels();
    if (plan_) planned_changes();
    markers();
    panel();
    scale_bar();
    std::string svg;
    if (standalone) {
      svg += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
      svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"297mm\" height=\"210mm\" viewBox=\"0 0 297 210\"";
    } else {
      // Cropped below the scale bar: the report's page has other things to hold.
      const double height = std::max(frame_.bottom + 12, panel_bottom_ + 2);
      svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 297 " + num(height) + "\" class=\"drawing\"";
    }
    svg += " font-family=\"" + std::string(font) + "\">\n";
    svg += "<title>" + escape(c_.id + " · " + say("title.drawing", lang_)) + "</title>\n";
    svg += "<rect x=\"0\" y=\"0\" width=\"297\" height=\"210\" fill=\"#ffffff\"/>\n";
    svg += k.out;
    svg += "</svg>\n";
    return svg;
  }

 private:
  Point2 P(Point2 p) const { return frame_(p); }

  void header() {
    std::string title = c_.id + " · " + say("title.drawing", lang_) + " · " + check_.standard;
    canvas_.text({margin, 13}, title, 4.2, "start", colour::text, " font-weight=\"bold\"");
    std::string who;
    for (const Occupant& o : c_.occupants) {
      std::string s = o.id;
      if (o.age) s += lang_ == "zh" ? " " + std::to_string(*o.age) + "岁" : " (" + std::to_string(*o.age) + ")";
      for (const Disability& d : o.disabilities) s += " " + disability_text(d, lang_);
      if (o.disabilities.empty()) s += " " + say("report.carer", lang_);
      if (o.mobility_or_none() != Mobility::none) s += " · " + say("mobility." + std::string(to_string(o.mobility_or_none())), lang_);
      who += (who.empty() ? "" : lang_ == "zh" ? "；  " : ";  ") + s;  // the full-width semicolon is Chinese
    }
    canvas_.text({margin, 19.5}, who, 2.8, "start", colour::faint);
  }

  void rooms() {
    for (const Room& r : c_.rooms) {
      const Ring* ring = model_.outline(r.id);
      if (!ring) continue;
      const bool wet = r.floor && r.floor->wet.value_or(false);
      canvas_.polygon(on_paper(frame_, *ring), wet ? colour::wet_room : colour::room, "none", 0);
    }
  }

  /// The turning_space rule a room of this type is checked by (the first that lists its type).
  const Rule* turning_rule(const Room& r) const {
    for (const Rule& rule : rules_.rules)
      if (rule.check == "turning_space" && rules::listed(rule.param("rooms"), to_string(r.type))) return &rule;
    return nullptr;
  }

  void turning_circles() {
    if (std::find(check_.checked.begin(), check_.checked.end(), "turning_space") == check_.checked.end()) return;
    for (const Room& r : c_.rooms) {
      // Each room by the rule for its type: bathrooms, and bedrooms, living rooms … by theirs.
      const Rule* rule = turning_rule(r);
      const Ring* ring = model_.outline(r.id);
      if (!rule || !ring) continue;
      const double required = rule->mm("diameter");
      // Searched as the check searches, so that a circle too small reads as its finding does.
      const Circle circle = geometry::largest_inscribed_circle(*ring, model_.obstacles(r.id, KneeSpace::counts_as_free),
                                                               rules::circle_precision_mm);
      if (circle.radius <= 0) continue;
      const bool fits = rules::circle_fits(circle.diameter(), required);
      const char* col = fits ? colour::ok : colour::fail;
      canvas_.circle(P(circle.centre), frame_.len(circle.radius), col, col, 0.35,
                     std::string(" fill-opacity=\"0.10\"") + (fits ? "" : " stroke-dasharray=\"1.2 0.8\""));
      const Point2 at = P(circle.centre) + Point2{0, frame_.len(circle.radius) - 1.2};
      const std::string label = "Ø" + num(rules::round_mm(circle.diameter()));
      canvas_.text(at, label, 1.9, "middle", col);
      keep_clear(at + Point2{0, -0.6}, text_em(label) * 1.9, 2.2, false);
    }
  }

  void fixture_shape(const Fixture& f, const char* stroke, double width, const std::string& extra) {
    canvas_.polygon(on_paper(frame_, footprint(f)), colour::fixture, stroke, width, extra);
    canvas_.text(P(f.at) + Point2{0, 0.7}, fixture_label(f, lang_), 1.9, "middle", stroke == colour::planned ? colour::planned : colour::faint);
  }

  void fixtures() {
    for (const Fixture& f : c_.fixtures) fixture_shape(f, colour::fixture_line, 0.25, {});
  }

  /// The door's opening in a room's wall: the gap, the jambs, the leaf and its swing.
  void door_shape(const rules::PlanModel& model, const Door& d, const char* stroke, bool planned) {
    const std::string inner = d.rooms[0] == outside_id ? d.rooms[1] : d.rooms[0];
    const auto s = model.side(d, inner);
    if (!s) return;
    const double width = s->width > 0 ? s->width : 800;
    const Point2 a = s->centre - s->along * (width / 2), b = s->centre + s->along * (width / 2);
    if (!planned) canvas_.line(P(a), P(b), "#ffffff", 1.3);
    for (Point2 e : {a, b}) canvas_.line(P(e - s->inward * 60), P(e + s->inward * 60), stroke, planned ? 0.5 : 0.35);
    if (planned) canvas_.line(P(a), P(b), stroke, 0.6, " stroke-dasharray=\"0.8 0.5\"");
    const std::string dashed = s->width > 0 ? "" : " stroke-dasharray=\"0.6 0.6\"";
    if (d.type == DoorType::sliding) {
      const Point2 off = s->inward * 70;
      canvas_.line(P(a + off), P(b + off), stroke, 0.45, dashed);
    } else if (d.type == DoorType::swing || d.type == DoorType::folding) {
      const bool out = d.swing_into && *d.swing_into == outside_id;
      const std::string into = out ? inner : d.swing_into.value_or(inner);
      auto side_in = model.side(d, into);
      if (!side_in) return;
      Point2 inward = side_in->inward;
      Side latch = model.latch(d);
      if (out) {
        inward = inward * -1.0;
        latch = latch == Side::left ? Side::right : Side::left;  // seen from outside, left and right swap
      }
      const Point2 latch_pt = side_in->end(latch);
      const Point2 hinge = side_in->end(latch == Side::left ? Side::right : Side::left);
      const Point2 open = hinge + inward * width;
      canvas_.line(P(hinge), P(open), stroke, 0.45, dashed);
      const Point2 p = P(open), q = P(latch_pt), h = P(hinge);
      const int sweep = cross(p - h, q - h) > 0 ? 1 : 0;
      canvas_.raw("<path d=\"M" + num(p.x) + " " + num(p.y) + " A" + num(frame_.len(width)) + " " +
                  num(frame_.len(width)) + " 0 0 " + std::to_string(sweep) + " " + num(q.x) + " " + num(q.y) +
                  "\" fill=\"none\" stroke=\"" + stroke + "\" stroke-width=\"0.2\" stroke-dasharray=\"0.8 0.5\"/>\n");
    }
    if (planned) return;
    // Width and sill, written on the side the leaf does not swing into.
    std::string label = d.clear_width ? num(d.clear_width->mm()) : "?";
    if (d.threshold && d.threshold->mm() > 0) label += " · " + say("sill", lang_) + num(d.threshold->mm());
    else if (!d.threshold) label += " · " + say("sill", lang_) + "?";
    const bool label_inside = d.swing_into && *d.swing_into != inner;
    const Point2 dir = label_inside ? s->inward : s->inward * -1.0;
    Point2 at = P(s->centre + dir * 230);
    const bool vertical_wall = std::abs(s->along.y) > std::abs(s->along.x);
    std::string rotate = vertical_wall ? " transform=\"rotate(-90 " + num(at.x) + " " + num(at.y) + ")\"" : "";
    canvas_.text(at + Point2{0, 0.6}, label, 1.7, "middle", colour::faint, rotate);
    keep_clear(at, text_em(label) * 1.7, 2.2, vertical_wall);
  }

  void walls_and_doors() {
    for (const Room& r : c_.rooms)
      if (const Ring* ring = model_.outline(r.id))
        canvas_.polygon(on_paper(frame_, *ring), "none", colour::wall, 0.6, " stroke-linejoin=\"round\"");
    for (const Door& d : c_.doors) door_shape(model_, d, colour::wall, false);
  }

  void bar_shape(const GrabBar& g, const char* col) {
    if (g.vertical) canvas_.circle(P(g.from), 0.9, col, "#ffffff", 0.2);
    else canvas_.line(P(g.from), P(g.to), col, 0.9, " stroke-linecap=\"round\"");
  }

  void bars() {
    for (const GrabBar& g : c_.grab_bars) bar_shape(g, colour::bar);
  }

  std::optional<Point2> step_point(const Step& s) const {
    if (s.at) return *s.at;
    const Room* a = c_.find_room(s.rooms[0]);
    const Room* b = c_.find_room(s.rooms[1]);
    if (!a || !b) return std::nullopt;
    const auto walls = shared_wall(*a, *b);
    if (walls.empty()) return std::nullopt;
    return (walls.front().a + walls.front().b) * 0.5;
  }

  /// Where a ramp of `c` is drawn: at its point, or just outside the door between its rooms (an
  /// entrance ramp).
  std::optional<Point2> ramp_point(const Ramp& r, const Case& c) const {
    if (r.at) return r.at;
    for (const Door& d : c.doors) {
      if (!rules::same_rooms(d.rooms, r.rooms)) continue;
      const std::string inner = d.rooms[0] == outside_id ? d.rooms[1] : d.rooms[0];
      if (auto s = model_.side(d, inner)) return s->centre - s->inward * 550;
      return d.at;
    }
    return std::nullopt;
  }

  /// The direction of the wall nearest to p among the walls of `rooms` (outside has none).
  Point2 wall_direction(const std::array<std::string, 2>& rooms, Point2 p) const {
    std::optional<Segment> wall;
    for (const std::string& id : rooms) {
      const Ring* ring = id == outside_id ? nullptr : model_.outline(id);
      const auto e = ring ? geometry::nearest_edge(*ring, p) : std::nullopt;
      if (e && (!wall || geometry::distance(p, *e) < geometry::distance(p, *wall))) wall = e;
    }
    return wall ? (wall->b - wall->a) * (1.0 / wall->length()) : Point2{1, 0};
  }

  /// A ramp as a hatched strip, as wide as the ramp: where its room is known (`in`), its run
  /// straight out from the wall into that room with its landings dashed (the bottom one beyond
  /// the run, the top one in the other room), else a strip across its wall. Its slope, width and
  /// run in words.
  void ramp_shape(const Ramp& r, const rules::PlanModel& model, const char* col, int label_line = 0) {
    auto p = ramp_point(r, model.c);
    if (!p) return;
    // Where it is placed, as the checks take it (ramp_frame); else across its wall.
    const auto side = ramp_frame(model.c, r);
    double w = r.width ? r.width->mm() : 900;
    Point2 along = wall_direction(r.rooms, *p), across = left_normal(along);
    double from = -300, to = 300;  // across the wall, without a room to run into
    if (side) {
      p = side->top;
      along = side->along;
      across = side->inward;
      w = side->width;
      from = 0;
      to = side->length;
    }
    auto strip = [&](double t0, double t1) {
      return std::vector<Point2>{*p - along * (w / 2) + across * t0, *p + along * (w / 2) + across * t0,
                                 *p + along * (w / 2) + across * t1, *p - along * (w / 2) + across * t1};
    };
    canvas_.polygon(on_paper(frame_, strip(from, to)), col, col, 0.3, " fill-opacity=\"0.18\"");
    for (double t = from + 100; t < to; t += 100)  // treads of the slope
      canvas_.line(P(*p - along * (w / 2) + across * t), P(*p + along * (w / 2) + across * t), col, 0.15);
    if (side) {
      const char* dashed = " stroke-dasharray=\"0.8 0.5\"";
      if (r.landing_bottom && r.landing_bottom->mm() > 0)
        canvas_.polygon(on_paper(frame_, strip(to, to + r.landing_bottom->mm())), "none", col, 0.25, dashed);
      // The top landing in the other room, which the plan shows unless it is outside the flat.
      const std::string& other = r.rooms[0] == *r.in ? r.rooms[1] : r.rooms[0];
      if (r.landing_top && r.landing_top->mm() > 0 && other != outside_id)
        canvas_.polygon(on_paper(frame_, strip(-r.landing_top->mm(), 0)), "none", col, 0.25, dashed);
    }
    std::string label = say("ramp", lang_);
    if (r.rise.mm() > 0) label += " 1:" + num(std::round(r.length.mm() / r.rise.mm() * 10) / 10);
    label += " · " + num(w);
    if (r.length.mm() > 0) label += " · L" + num(std::round(r.length.mm() / 100) / 10) + "m";
    // Below the strip across its wall; beyond the foot of a ramp that runs into a room (its top
    // end is at the door, where the door's own words are).
    const Point2 anchor = side ? P(*p + across * (to + 150)) + Point2{0, 1.2 + 2.6 * label_line}
                               : P(*p) + Point2{0, frame_.len((to - from) / 2) + 1.8 + 2.6 * label_line};
    const Point2 at = place(anchor, text_em(label) * 1.8, 2.4);
    canvas_.text(at + Point2{0, 0.6}, label, 1.8, "middle", col);
  }

  void steps_and_ramps() {
    for (const Step& s : c_.steps) {
      const auto p = step_point(s);
      if (!p) continue;
      canvas_.rect(P(*p).x - 1.6, P(*p).y - 0.7, 3.2, 1.4, "#8d5524", "none", 0, " fill-opacity=\"0.85\"");
      std::string label = std::to_string(s.count) + (lang_ == "zh" ? "" : " ") + say("steps", lang_);
      if (s.rise) label += " " + num(s.rise->mm() * s.count) + "mm";
      // Clear of the door's own label, which is often at the same spot.
      const Point2 at = place(P(*p) + Point2{0, 2.6}, text_em(label) * 1.8, 2.2);
      canvas_.text(at + Point2{0, 0.6}, label, 1.8, "middle", "#8d5524");
    }
    for (const Ramp& r : c_.ramps) ramp_shape(r, model_, "#8d5524");
  }

  void room_labels() {
    for (const Room& r : c_.rooms) {
      const Ring* ring = model_.outline(r.id);
      if (!ring) continue;
      const Point2 at = P(labels_[r.id]);
      const double w = std::max(text_em(room_label(r, lang_)) * 3.0, 9.0);
      keep_clear(at + Point2{0, 0.1}, w, 6.6, false);
      canvas_.text(at + Point2{0, -0.4}, room_label(r, lang_), 3.0, "middle", colour::text, " font-weight=\"bold\"");
      const double m2 = std::abs(geometry::signed_area(*ring)) / 1e6;
      canvas_.text(at + Point2{0, 2.6}, num(std::round(m2 * 10) / 10) + " m²", 2.2, "middle", colour::faint);
      // Devices have a room but no place in it: named under the room's area.
      std::string devices;
      for (const Device& d : c_.devices)
        if (d.room == r.id) devices += (devices.empty() ? "" : " · ") + say("device." + std::string(to_string(d.type)), lang_);
      if (!devices.empty()) {
        canvas_.text(at + Point2{0, 5.0}, devices, 1.7, "middle", colour::faint);
        keep_clear(at + Point2{0, 4.4}, text_em(devices) * 1.7, 2.0, false);
      }
    }
  }

  std::string element_name(const std::string& id) const { return element_label(c_, id, lang_); }

  /// Where on the plan an element is (nothing for the home or the building).
  std::optional<Point2> where(const std::string& element, const Case& c) const {
    for (const Door& d : c.doors)
      if (d.id == element) return d.at;
    for (const Fixture& f : c.fixtures)
      if (f.id == element) return f.at;
    for (const GrabBar& g : c.grab_bars)
      if (g.id == element) return (g.from + g.to) * 0.5;
    for (const Step& s : c.steps)
      if (s.id == element) return step_point(s);
    for (const Ramp& r : c.ramps)
      if (r.id == element) return ramp_point(r, c);
    // Above the room's name, or on it where that is outside the room (a narrow or bent room).
    if (auto it = labels_.find(element); it != labels_.end()) {
      const Point2 above = it->second + Point2{0, 5.5 * frame_.scale};
      const Ring* ring = model_.outline(element);
      return ring && geometry::covers(*ring, above, 0) ? above : it->second;
    }
    for (const Device& d : c.devices)
      if (d.id == element) {
        if (auto it = labels_.find(d.room); it != labels_.end()) return it->second;
      }
    return std::nullopt;
  }

  /// Markers keep off a text of `w` × `h` centred at `at` (turned a quarter when `vertical`).
  void keep_clear(Point2 at, double w, double h, bool vertical) {
    if (vertical) std::swap(w, h);
    placed_.push_back({{at.x - w / 2, at.y - h / 2}, {at.x + w / 2, at.y + h / 2}});
  }

  /// A free spot for a label of `w` × `h` (paper mm) near `p`, so that labels do not cover each
  /// other; within `room` (on paper) when given, so that a marker stays in the room it is about.
  Point2 place(Point2 p, double w, double h, const Ring* room = nullptr) {
    auto clashes = [&](Point2 q) {
      return std::any_of(placed_.begin(), placed_.end(), [&](const Box& b) {
        return q.x - w / 2 < b.max.x && q.x + w / 2 > b.min.x && q.y - h / 2 < b.max.y && q.y + h / 2 > b.min.y;
      });
    };
    Point2 at = p;
    bool found = false;
    // In the room if there is a free spot there, else anywhere near; else on its spot, over what is there.
    for (const bool in_room : {true, false}) {
      if (found || (!in_room && !room)) break;
      auto fits = [&](Point2 q) { return !clashes(q) && (!in_room || !room || geometry::covers(*room, q, 0)); };
      found = fits(p);
      for (int ring = 0; ring < 8 && !found; ++ring)
        for (Point2 off : {Point2{0, -1}, Point2{0, 1}, Point2{1, 0}, Point2{-1, 0}, Point2{1, -1}, Point2{1, 1},
                           Point2{-1, -1}, Point2{-1, 1}}) {
          const Point2 q = p + Point2{off.x * (w + 0.6) * (ring + 1) * 0.6, off.y * (h + 0.6) * (ring + 1) * 0.6};
          if (fits(q)) {
            at = q;
            found = true;
            break;
          }
        }
    }
    placed_.push_back({{at.x - w / 2, at.y - h / 2}, {at.x + w / 2, at.y + h / 2}});
    return at;
  }

  /// The room (on paper) whose floor holds the plan point p, or nullptr.
  const Ring* paper_room_at(Point2 p) {
    for (const Room& r : c_.rooms)
      if (const Ring* ring = model_.outline(r.id); ring && geometry::covers(*ring, p, 1.0)) {
        auto [it, fresh] = paper_rooms_.try_emplace(r.id);
        if (fresh) it->second = on_paper(frame_, *ring);
        return &it->second;
      }
    return nullptr;
  }

  /// One label per place: the findings (or plan items) at one spot share a pill.
  void pill(Point2 at, const std::string& label, const char* fill, bool round, const Ring* room) {
    const double size = 2.3, h = 4.0, w = std::max(h, text_em(label) * size + 1.6);
    const Point2 p = place(at, w, h, room);
    canvas_.rect(p.x - w / 2, p.y - h / 2, w, h, fill, "#ffffff", 0.3, round ? " rx=\"2\"" : " rx=\"0.7\"");
    canvas_.text(p + Point2{0, 0.82}, label, size, "middle", "#ffffff", " font-weight=\"bold\"");
  }

  void markers() {
    struct Group {
      std::string label;
      bool fail = false;
      Point2 plan_point;  ///< where on the plan, for the room the marker must stay in
    };
    // Grouped by spot (to half a paper millimetre), in the order of the findings.
    std::vector<std::pair<Point2, Group>> groups;
    auto add = [&](Point2 at, const std::string& label, bool fail) {
      const Point2 paper = P(at);
      for (auto& [p, g] : groups)
        if (norm(p - paper) < 0.5) {
          g.label += "," + label;
          g.fail = g.fail || fail;
          return;
        }
      groups.push_back({paper, Group{label, fail, at}});
    };
    for (const Finding& f : check_.findings) {
      std::optional<Point2> at = f.at;
      if (!at) at = where(f.element, c_);
      if (!at && !f.room.empty()) at = where(f.room, c_);  // about the whole home, but found in a room
      if (at) add(*at, std::to_string(number_of(f.id)), f.status == Status::fail);
    }
    for (const auto& [p, g] : groups) pill(p, g.label, g.fail ? colour::fail : colour::unknown, true, paper_room_at(g.plan_point));
    groups.clear();
    for (std::size_t i = 0; plan_ && i < plan_->plan.items.size(); ++i) {
      const PlanItem& item = plan_->plan.items[i];
      // In the changed home, or where it was (a step a ramp replaces is gone from it).
      auto at = where(item.element, plan_->modified);
      if (!at) at = where(item.element, c_);
      if (at) add(*at, "P" + std::to_string(i + 1), true);
    }
    for (const auto& [p, g] : groups) pill(p, g.label, colour::planned, false, paper_room_at(g.plan_point));
  }

  /// The modified home where it differs from the home as it is, in blue.
  void planned_changes() {
    const Case& m = plan_->modified;
    const rules::PlanModel model(m);
    for (const Room& r : m.rooms) {
      const Room* old = c_.find_room(r.id);
      if (old && old->polygon == r.polygon && old->rect == r.rect) continue;
      if (const Ring* ring = model.outline(r.id))
        canvas_.polygon(on_paper(frame_, *ring), "none", colour::planned, 0.5, " stroke-dasharray=\"1.5 0.8\"");
    }
    // A floor raised to the next room's: the whole room, lightly, since all of it is new floor.
    for (const PlanItem& item : plan_->plan.items) {
      const Step* s = item.remedy == "floor.raise" ? c_.find_step(item.element) : nullptr;
      if (const Ring* ring = s && s->lower ? model.outline(*s->lower) : nullptr)
        canvas_.polygon(on_paper(frame_, *ring), colour::planned, colour::planned, 0.5,
                        " fill-opacity=\"0.08\" stroke-dasharray=\"1.5 0.8\"");
    }
    for (const Door& d : m.doors) {
      const auto old = std::find_if(c_.doors.begin(), c_.doors.end(), [&](const Door& o) { return o.id == d.id; });
      if (old != c_.doors.end() && *old == d) continue;
      door_shape(model, d, colour::planned, true);
    }
    for (const Fixture& f : m.fixtures) {
      const auto old = std::find_if(c_.fixtures.begin(), c_.fixtures.end(), [&](const Fixture& o) { return o.id == f.id; });
      if (old != c_.fixtures.end() && *old == f) continue;
      fixture_shape(f, colour::planned, 0.45, " fill-opacity=\"0.6\" stroke-dasharray=\"1 0.5\"");
    }
    for (const GrabBar& g : m.grab_bars) {
      const auto old = std::find_if(c_.grab_bars.begin(), c_.grab_bars.end(), [&](const GrabBar& o) { return o.id == g.id; });
      if (old != c_.grab_bars.end() && *old == g) continue;
      bar_shape(g, colour::planned);
    }
    for (const Ramp& r : m.ramps) {
      const auto old = std::find_if(c_.ramps.begin(), c_.ramps.end(), [&](const Ramp& o) { return o.id == r.id; });
      if (old != c_.ramps.end() && *old == r) continue;
      ramp_shape(r, model, colour::planned, old != c_.ramps.end() ? 1 : 0);  // a rebuilt ramp: its words under the old ones
    }
  }

  void legend_entry(double& y, const std::string& what, const std::function<void(Point2)>& swatch) {
    swatch({layout_.panel_x + 2.5, y - 0.9});
    canvas_.text({layout_.panel_x + 6.5, y}, what, 2.2, "start", colour::text);
    y += 3.4;
  }

  void panel() {
    double y = layout_.area_y + 1;
    canvas_.text({layout_.panel_x, y}, say("legend", lang_), 2.8, "start", colour::text, " font-weight=\"bold\"");
    y += 4;
    legend_entry(y, say("legend.fixture", lang_), [&](Point2 p) {
      canvas_.rect(p.x - 2, p.y - 1.2, 4, 2.4, colour::fixture, colour::fixture_line, 0.25);
    });
    legend_entry(y, say("legend.bar", lang_), [&](Point2 p) {
      canvas_.line(p - Point2{2, 0}, p + Point2{2, 0}, colour::bar, 0.9, " stroke-linecap=\"round\"");
    });
    const bool circles = std::find(check_.checked.begin(), check_.checked.end(), "turning_space") != check_.checked.end();
    if (circles) {
      legend_entry(y, say("legend.circle_ok", lang_), [&](Point2 p) {
        canvas_.circle(p, 1.4, colour::ok, colour::ok, 0.35, " fill-opacity=\"0.1\"");
      });
      legend_entry(y, say("legend.circle_short", lang_), [&](Point2 p) {
        canvas_.circle(p, 1.4, colour::fail, colour::fail, 0.35, " fill-opacity=\"0.1\" stroke-dasharray=\"0.8 0.5\"");
      });
    }
    legend_entry(y, say("legend.finding", lang_), [&](Point2 p) { canvas_.circle(p, 1.5, colour::fail, "none", 0); });
    legend_entry(y, say("legend.unknown", lang_), [&](Point2 p) { canvas_.circle(p, 1.5, colour::unknown, "none", 0); });
    if (plan_)
      legend_entry(y, say("legend.planned", lang_), [&](Point2 p) {
        canvas_.rect(p.x - 1.8, p.y - 1.5, 3.6, 3, colour::planned, "none", 0, " rx=\"0.6\"");
      });
    y += 2;
    panel_bottom_ = y;
    if (!options_.lists) return;

    const double bottom = page_h - margin - 4;
    const double line_h = 2.75, size = 2.05;
    const double width_em = (layout_.panel_w - 5) / size;
    // Lines the plan's list needs, so that the findings leave room for it.
    const std::size_t plan_lines = plan_ ? plan_->plan.items.size() + 3 : 0;
    canvas_.text({layout_.panel_x, y}, say("findings", lang_) + " (" + std::to_string(check_.findings.size()) + ")", 2.8,
                 "start", colour::text, " font-weight=\"bold\"");
    y += 3.8;
    if (check_.findings.empty()) {
      canvas_.text({layout_.panel_x, y}, say("no_findings", lang_), size, "start", colour::faint);
      y += line_h;
    }
    const double room_for = (bottom - y) / line_h - static_cast<double>(plan_lines);
    const std::size_t fit_lines = room_for > 1 ? static_cast<std::size_t>(room_for) : 1;
    const bool two_lines = check_.findings.size() * 2 <= fit_lines;
    std::size_t shown = 0;
    for (const Finding& f : check_.findings) {
      const std::size_t left = check_.findings.size() - shown;
      if (y + line_h * (left > 1 ? 2 : 1) > bottom - plan_lines * line_h && left > 1) {
        canvas_.text({layout_.panel_x, y}, "+" + std::to_string(left) + " " + say(options_.standalone ? "more.standalone" : "more", lang_),
                     size, "start", colour::faint);
        y += line_h;
        break;
      }
      const char* col = f.status == Status::fail ? colour::fail : colour::unknown;
      canvas_.text({layout_.panel_x, y}, std::to_string(number_of(f.id)), size, "start", col, " font-weight=\"bold\"");
      auto lines = wrap(pick(f.message, lang_), width_em - 1.5);
      const std::size_t keep = two_lines ? 2 : 1;
      if (lines.size() > keep) {
        lines.resize(keep);
        lines.back() += "…";
      }
      for (const std::string& l : lines) {
        canvas_.text({layout_.panel_x + 4, y}, l, size, "start", colour::text);
        y += line_h;
      }
      ++shown;
    }
    panel_bottom_ = y;
    if (!plan_) return;
    y += 1.5;
    canvas_.text({layout_.panel_x, y}, say("planned", lang_), 2.8, "start", colour::planned, " font-weight=\"bold\"");
    y += 3.8;
    const Plan& p = plan_->plan;
    for (std::size_t i = 0; i < p.items.size(); ++i) {
      const PlanItem& item = p.items[i];
      if (y > bottom && i + 1 < p.items.size()) {
        canvas_.text({layout_.panel_x, y}, "+" + std::to_string(p.items.size() - i) + " " +
                     say(options_.standalone ? "more.standalone" : "more", lang_), size, "start", colour::faint);
        y += line_h;
        break;
      }
      canvas_.text({layout_.panel_x, y}, "P" + std::to_string(i + 1), size, "start", colour::planned, " font-weight=\"bold\"");
      std::string what = pick(item.name, lang_) + " " + element_name(item.element);
      auto lines = wrap(what, width_em - 9);
      if (lines.size() > 1) lines[0] += "…";
      canvas_.text({layout_.panel_x + 5, y}, lines.empty() ? what : lines[0], size, "start", colour::text);
      canvas_.text({layout_.panel_x + layout_.panel_w, y}, money_text(item.cost), size, "end", colour::text);
      y += line_h;
    }
    std::string total = say("total", lang_) + " " + money_text(p.total) + " " + p.currency;
    if (p.budget) total += " / " + say("budget", lang_) + " " + money_text(*p.budget);
    canvas_.text({layout_.panel_x + layout_.panel_w, y + 0.8}, total, 2.3, "end", colour::planned, " font-weight=\"bold\"");
    panel_bottom_ = y + 2;
  }

  void scale_bar() {
    // Bars of whole metres: 2 m at 1:50, more at smaller scales.
    const double metres = frame_.scale <= 50 ? 2 : frame_.scale <= 100 ? 4 : frame_.scale <= 250 ? 10 : 20;
    const double step = metres / (metres <= 4 ? metres : 5);
    const double y = options_.standalone ? page_h - margin + 1 : frame_.bottom + 8;
    const double x0 = margin;
    for (double m = 0; m < metres - 1e-9; m += step) {
      const bool dark = static_cast<int>(std::round(m / step)) % 2 == 0;
      canvas_.rect(x0 + frame_.len(m * 1000), y - 1.2, frame_.len(step * 1000), 1.2, dark ? colour::wall : "#ffffff",
                   colour::wall, 0.2);
    }
    for (double m = 0; m <= metres + 1e-9; m += step)
      canvas_.text({x0 + frame_.len(m * 1000), y - 2.0}, num(m), 2.0, "middle", colour::text);
    // The ratio holds only on the page as printed; the bar holds however the drawing is scaled.
    const std::string ratio = options_.standalone ? "   " + say("scale", lang_) + " 1:" + num(frame_.scale) + " (A4)" : "";
    canvas_.text({x0 + frame_.len(metres * 1000) + 2.5, y}, "m" + ratio, 2.2, "start", colour::text);
  }

  const Case& c_;
  const Ruleset& rules_;
  const CheckResult& check_;
  const PlanResult* plan_;
  std::string lang_;
  rules::PlanModel model_;
  Layout layout_;
  DrawingOptions options_;
  Frame frame_;
  Canvas canvas_;
  std::map<std::string, Point2> labels_;
  std::vector<Box> placed_;
  std::map<std::string, Ring> paper_rooms_;  // room outlines on paper, for markers
  double panel_bottom_ = 0;
};

}  // namespace

}  // namespace report

std::string draw_home(const Case& c, const Ruleset& rules, const CheckResult& check, const PlanResult* plan,
                      const DrawingOptions& options) {
  report::Drawing d(c, rules, check, plan, options);
  return d.draw(options.standalone);
}

}  // namespace barrierfree
