// JSON -> Case: structure and types of every field, with all errors collected.
#include <barrierfree/geometry/operations.hpp>
#include <barrierfree/io/case_json.hpp>

#include "io/json_reader.hpp"
#include "model/case_parts.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace barrierfree {

using io::JsonValue;
using io::JsonReader;
using io::Need;
namespace code = io::code;

namespace {

class CaseReader {
 public:
  explicit CaseReader(JsonReader& r) : r_(r) {}

  void read(const JsonValue& doc, Case& c, model::Completeness& complete) {
    if (!r_.expect_object(doc, "")) return;
    r_.unknown_fields(doc, "",
                      {"format", "id", "region", "standard", "budget", "occupants", "building",
                       "rooms", "doors", "fixtures", "grab_bars", "steps", "ramps", "devices",
                       "$schema", "notes"});
    if (auto f = r_.string(doc, "format", "", Need::required); f && *f != case_format_tag)
      r_.error(code::unsupported_format, "/format",
               "unsupported format \"" + *f + "\"; this library reads \"" +
                   std::string(case_format_tag) + "\"");
    if (auto id = r_.string(doc, "id", "", Need::required)) {
      if (id->empty()) r_.error(code::invalid_value, "/id", "id must not be empty");
      c.id = *id;
    }
    c.region = r_.string(doc, "region", "", Need::optional);
    if (c.region && !valid_region(*c.region))
      r_.error(code::invalid_value, "/region",
               "\"" + *c.region + "\" is not an ISO 3166-2 code such as \"CN-42\" or \"US\"");
    else if (c.region && c.region->rfind("CN-", 0) == 0 && !chinese_province(c.region->substr(3)))
      // A slip in a province code would price the plan silently at the reference level.
      r_.error(code::invalid_value, "/region",
               "\"" + *c.region + "\" is not a province of China (GB/T 2260 codes CN-11 … CN-82, or ISO 3166-2 letters such as CN-HB)");
    c.standard = r_.string(doc, "standard", "", Need::optional);
    c.budget = r_.number(doc, "budget", "", Need::optional, 0.0);
    c.notes = r_.string(doc, "notes", "", Need::optional);

    read_list(doc, "occupants", [&](const JsonValue& o, const std::string& p) { c.occupants.push_back(occupant(o, p)); });
    if (const JsonValue* b = r_.get(doc, "building", "", Need::optional)) c.building = building(*b, "/building");
    if (const JsonValue* rooms = doc.find("rooms"); rooms && !rooms->is_array()) complete.rooms_listed = false;
    read_list(doc, "rooms", [&](const JsonValue& o, const std::string& p) {
      bool ok = true;
      c.rooms.push_back(room(o, p, ok));
      complete.rooms.push_back(ok);
    });
    read_list(doc, "doors", [&](const JsonValue& o, const std::string& p) {
      bool ok = true;
      c.doors.push_back(door(o, p, ok));
      complete.doors.push_back(ok);
    });
    read_list(doc, "fixtures", [&](const JsonValue& o, const std::string& p) {
      bool ok = true;
      c.fixtures.push_back(fixture(o, p, ok));
      complete.fixtures.push_back(ok);
    });
    read_list(doc, "grab_bars", [&](const JsonValue& o, const std::string& p) {
      bool ok = true;
      c.grab_bars.push_back(grab_bar(o, p, ok));
      complete.grab_bars.push_back(ok);
    });
    read_list(doc, "steps", [&](const JsonValue& o, const std::string& p) {
      bool ok = true;
      c.steps.push_back(step(o, p, ok));
      complete.steps.push_back(ok);
    });
    read_list(doc, "ramps", [&](const JsonValue& o, const std::string& p) {
      bool ok = true;
      c.ramps.push_back(ramp(o, p, ok));
      complete.ramps.push_back(ok);
    });
    read_list(doc, "devices", [&](const JsonValue& o, const std::string& p) {
      bool ok = true;
      c.devices.push_back(device(o, p, ok));
      complete.devices.push_back(ok);
    });
  }

 private:
  JsonReader& r_;

  /// The provinces, regions and municipalities of China: GB/T 2260's two digits (and ISO
  /// 3166-2's former 91, 92 for Hong Kong and Macau) or ISO 3166-2's letters since 2017.
  static bool chinese_province(std::string_view code) {
    static constexpr std::string_view codes[] = {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
        "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
        "91", "92", "AH", "BJ", "CQ", "FJ", "GD", "GS", "GX", "GZ", "HA", "HB", "HE", "HI", "HK", "HL", "HN",
        "JL", "JS", "JX", "LN", "MO", "NM", "NX", "QH", "SC", "SD", "SH", "SN", "SX", "TJ", "TW", "XJ", "XZ",
        "YN", "ZJ"};
    return std::find(std::begin(codes), std::end(codes), code) != std::end(codes);
  }

  static bool valid_region(const std::string& s) {
    // ISO 3166-1 alpha-2, optionally followed by "-" and 1–3 letters/digits.
    auto upper = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
    auto alnum = [&](char ch) { return upper(ch) || (ch >= '0' && ch <= '9'); };
    if (s.size() < 2 || !upper(s[0]) || !upper(s[1])) return false;
    if (s.size() == 2) return true;
    if (s[2] != '-' || s.size() < 4 || s.size() > 6) return false;
    for (std::size_t i = 3; i < s.size(); ++i)
      if (!alnum(s[i])) return false;
    return true;
  }

  template <class F>
  void read_list(const JsonValue& doc, std::string_view key, F&& each) {
    const std::string path = JsonReader::child("", key);
    const JsonValue* list = r_.array(doc, key, "", Need::optional);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string p = JsonReader::child(path, i);
      if (!r_.expect_object((*list)[i], p)) continue;
      each((*list)[i], p);
    }
  }

  /// Marks `ok` false when a required value is missing or malformed.
  template <class T>
  T required(std::optional<T> v, bool& ok) {
    if (!v) {
      ok = false;
      return T{};
    }
    return *v;
  }

  std::string element_id(const JsonValue& o, const std::string& p, bool& ok) {
    auto id = r_.string(o, "id", p, Need::required);
    if (id && id->empty()) {
      r_.error(code::invalid_value, JsonReader::child(p, "id"), "id must not be empty");
      ok = false;
    }
    return required(std::move(id), ok);
  }

  std::array<std::string, 2> room_pair(const JsonValue& o, const std::string& p, bool& ok) {
    std::array<std::string, 2> out;
    const JsonValue* v = r_.get(o, "rooms", p, Need::required);
    const std::string rp = JsonReader::child(p, "rooms");
    if (!v) {
      ok = false;
      return out;
    }
    if (!v->is_array() || v->size() != 2 || !(*v)[0].is_string() || !(*v)[1].is_string()) {
      r_.wrong_type(rp, "a pair of room ids [\"a\", \"b\"]", *v);
      ok = false;
      return out;
    }
    out = {std::string((*v)[0].string()), std::string((*v)[1].string())};
    if (out[0] == out[1]) {
      r_.error(code::invalid_value, rp, "joins room \"" + out[0] + "\" to itself");
      ok = false;
    }
    return out;
  }

  Occupant occupant(const JsonValue& o, const std::string& p) {
    r_.unknown_fields(o, p, {"id", "age", "mobility", "disabilities", "limitations", "name", "notes", "bedroom"});
    Occupant x;
    bool ok = true;
    x.id = element_id(o, p, ok);
    x.name = r_.string(o, "name", p, Need::optional);
    x.notes = r_.string(o, "notes", p, Need::optional);
    x.age = r_.integer(o, "age", p, Need::optional, 0, 130);
    x.mobility = r_.enumeration<Mobility>(o, "mobility", p, Need::optional);
    x.bedroom = r_.string(o, "bedroom", p, Need::optional);
    if (const JsonValue* list = r_.array(o, "disabilities", p, Need::optional)) {
      const std::string lp = JsonReader::child(p, "disabilities");
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string dp = JsonReader::child(lp, i);
        const JsonValue& d = (*list)[i];
        if (!r_.expect_object(d, dp)) continue;
        r_.unknown_fields(d, dp, {"category", "grade"});
        Disability dis;
        bool dok = true;
        dis.category = required(r_.enumeration<DisabilityCategory>(d, "category", dp, Need::required), dok);
        dis.grade = required(r_.integer(d, "grade", dp, Need::required, 1, 4), dok);
        if (dok) x.disabilities.push_back(dis);
      }
    }
    if (const JsonValue* list = r_.array(o, "limitations", p, Need::optional)) {
      const std::string lp = JsonReader::child(p, "limitations");
      std::vector<Limitation> lims;
      for (std::size_t i = 0; i < list->size(); ++i)
        if (auto l = r_.enumeration_value<Limitation>((*list)[i], JsonReader::child(lp, i))) lims.push_back(*l);
      x.limitations = std::move(lims);
    }
    return x;
  }

  Building building(const JsonValue& o, const std::string& p) {
    Building b;
    if (!r_.expect_object(o, p)) return b;
    r_.unknown_fields(o, p, {"storey", "lift", "entrance_steps", "stair_climber"});
    b.storey = r_.integer(o, "storey", p, Need::optional, -10, 200);
    b.lift = r_.boolean(o, "lift", p, Need::optional);
    b.stair_climber = r_.boolean(o, "stair_climber", p, Need::optional);
    if (const JsonValue* s = r_.get(o, "entrance_steps", p, Need::optional)) {
      const std::string sp = JsonReader::child(p, "entrance_steps");
      if (r_.expect_object(*s, sp)) {
        r_.unknown_fields(*s, sp, {"count", "rise", "ramp"});
        EntranceSteps es;
        bool ok = true;
        es.count = required(r_.integer(*s, "count", sp, Need::required, 0, 1000), ok);
        es.rise = r_.length(*s, "rise", sp, Need::optional);
        es.ramp = r_.boolean(*s, "ramp", sp, Need::optional);
        if (ok) b.entrance_steps = es;
      }
    }
    return b;
  }

  Room room(const JsonValue& o, const std::string& p, bool& ok) {
    r_.unknown_fields(o, p, {"id", "type", "polygon", "rect", "floor", "level", "name"});
    Room x;
    x.id = element_id(o, p, ok);
    x.type = required(r_.enumeration<RoomType>(o, "type", p, Need::required), ok);
    const JsonValue* poly = r_.get(o, "polygon", p, Need::optional);
    const JsonValue* rect = r_.get(o, "rect", p, Need::optional);
    if (poly && rect) {
      r_.error(code::conflicting_fields, JsonReader::child(p, "rect"),
               "give either \"polygon\" or \"rect\", not both");
      ok = false;
    } else if (!poly && !rect) {
      r_.error(code::missing_field, JsonReader::child(p, "polygon"),
               "missing required field \"polygon\" (or \"rect\")");
      ok = false;
    } else if (poly) {
      const std::string pp = JsonReader::child(p, "polygon");
      if (!poly->is_array()) {
        r_.wrong_type(pp, "an array of points [[x, y], …]", *poly);
        ok = false;
      } else {
        for (std::size_t i = 0; i < poly->size(); ++i) {
          if (auto pt = r_.point_value((*poly)[i], JsonReader::child(pp, i))) x.polygon.push_back(*pt);
          else ok = false;
        }
        if (ok && !x.polygon.empty()) {
          const Box b = geometry::bounds(x.polygon);
          if (b.max.x - b.min.x > max_length_mm || b.max.y - b.min.y > max_length_mm) {
            r_.error(code::bad_number, pp, "the room is more than 1 km across (lengths are in millimetres)");
            ok = false;
          } else if (const std::size_t corners = x.polygon.size() > max_room_corners
                                                     ? geometry::without_collinear(x.polygon).size()
                                                     : x.polygon.size();
                     corners > max_room_corners) {
            r_.error(code::bad_number, pp,
                     "the room has " + std::to_string(corners) + " corners, more than the " +
                         std::to_string(max_room_corners) +
                         " a plan of a home needs: simplify the polygon (planning time grows with its corners)");
            ok = false;
          }
        }
      }
    } else {
      const std::string rp = JsonReader::child(p, "rect");
      const auto numbers = [](const JsonValue& a) {
        for (std::size_t i = 0; i < a.size(); ++i)
          if (!a[i].is_number()) return false;
        return true;
      };
      if (!rect->is_array() || rect->size() != 4 || !numbers(*rect)) {
        r_.wrong_type(rp, "[x, y, width, depth]", *rect);
        ok = false;
      } else {
        Rect rc{(*rect)[0].number(), (*rect)[1].number(), (*rect)[2].number(), (*rect)[3].number()};
        if (!std::isfinite(rc.x) || !std::isfinite(rc.y) || !std::isfinite(rc.width) ||
            !std::isfinite(rc.depth)) {
          r_.error(code::bad_number, rp, "rect has a non-finite number");
          ok = false;
        } else if (rc.width < 0 || rc.depth < 0) {
          r_.error(code::bad_number, rp, "rect width and depth must not be negative");
          ok = false;
        } else if (rc.width > max_length_mm || rc.depth > max_length_mm) {
          r_.error(code::bad_number, rp, "the room is more than 1 km across (lengths are in millimetres)");
          ok = false;
        } else if (!r_.coordinates_in_range(rc.x, rc.y, rp) ||
                   !r_.coordinates_in_range(rc.x + rc.width, rc.y + rc.depth, rp)) {  // both corners
          ok = false;
        } else {
          x.rect = rc;
          x.polygon = geometry::rectangle(rc.x, rc.y, rc.width, rc.depth);
        }
      }
    }
    if (const JsonValue* f = r_.get(o, "floor", p, Need::optional)) {
      const std::string fp = JsonReader::child(p, "floor");
      if (r_.expect_object(*f, fp)) {
        r_.unknown_fields(*f, fp, {"slip_resistant", "wet"});
        x.floor = Floor{r_.boolean(*f, "slip_resistant", fp, Need::optional),
                        r_.boolean(*f, "wet", fp, Need::optional)};
      }
    }
    x.level = r_.string(o, "level", p, Need::optional);
    x.name = r_.string(o, "name", p, Need::optional);
    return x;
  }

  Door door(const JsonValue& o, const std::string& p, bool& ok) {
    r_.unknown_fields(o, p, {"id", "rooms", "at", "clear_width", "type", "swing_into", "threshold",
                             "handle", "handle_height", "threshold_ramp", "latch_side"});
    Door x;
    x.id = element_id(o, p, ok);
    x.rooms = room_pair(o, p, ok);
    x.at = required(r_.point(o, "at", p, Need::required), ok);
    x.clear_width = r_.positive_length(o, "clear_width", p, Need::optional);
    x.type = required(r_.enumeration<DoorType>(o, "type", p, Need::required), ok);
    x.swing_into = r_.string(o, "swing_into", p, Need::optional);
    x.threshold = r_.length(o, "threshold", p, Need::optional);
    x.handle = r_.enumeration<HandleType>(o, "handle", p, Need::optional);
    x.handle_height = r_.length(o, "handle_height", p, Need::optional);
    x.threshold_ramp = r_.boolean(o, "threshold_ramp", p, Need::optional);
    x.latch_side = r_.enumeration<Side>(o, "latch_side", p, Need::optional);
    return x;
  }

  Fixture fixture(const JsonValue& o, const std::string& p, bool& ok) {
    Fixture x;
    x.id = element_id(o, p, ok);
    x.type = required(r_.enumeration<FixtureType>(o, "type", p, Need::required), ok);
    // Attributes are checked against the fixture's type so that a misplaced
    // one (a seat_height on a basin) is reported rather than silently unused.
    switch (x.type) {
      case FixtureType::toilet: r_.unknown_fields(o, p, {"id", "type", "room", "at", "size", "facing", "kind", "seat_height", "commode_chair"}); break;
      case FixtureType::basin: r_.unknown_fields(o, p, {"id", "type", "room", "at", "size", "facing", "height", "knee_clearance"}); break;
      case FixtureType::shower: r_.unknown_fields(o, p, {"id", "type", "room", "at", "size", "facing", "curb", "seat"}); break;
      case FixtureType::bathtub: r_.unknown_fields(o, p, {"id", "type", "room", "at", "size", "facing", "rim_height", "seat"}); break;
      case FixtureType::kitchen_counter: r_.unknown_fields(o, p, {"id", "type", "room", "at", "size", "facing", "height", "knee_clearance"}); break;
      case FixtureType::stove: r_.unknown_fields(o, p, {"id", "type", "room", "at", "size", "facing", "fuel"}); break;
      case FixtureType::bed: r_.unknown_fields(o, p, {"id", "type", "room", "at", "size", "facing", "height"}); break;
      default: r_.unknown_fields(o, p, {"id", "type", "room", "at", "size", "facing"}); break;
    }
    x.room = required(r_.string(o, "room", p, Need::required), ok);
    x.at = required(r_.point(o, "at", p, Need::required), ok);
    if (const JsonValue* s = r_.get(o, "size", p, Need::required)) {
      const std::string sp = JsonReader::child(p, "size");
      if (!s->is_array() || s->size() != 2 || !(*s)[0].is_number() || !(*s)[1].is_number()) {
        r_.wrong_type(sp, "[width, depth]", *s);
        ok = false;
      } else {
        const double w = (*s)[0].number(), d = (*s)[1].number();
        if (!std::isfinite(w) || !std::isfinite(d) || w <= 0 || d <= 0) {
          r_.error(code::bad_number, sp, "width and depth must be finite and greater than 0 mm");
          ok = false;
        } else if (w > max_length_mm || d > max_length_mm) {
          r_.error(code::bad_number, sp, "the fixture is more than 1 km across (lengths are in millimetres)");
          ok = false;
        } else {
          x.width = Length::mm(w);
          x.depth = Length::mm(d);
        }
      }
    } else {
      ok = false;
    }
    x.facing = r_.number(o, "facing", p, Need::optional);
    x.kind = r_.enumeration<ToiletKind>(o, "kind", p, Need::optional);
    x.seat_height = r_.length(o, "seat_height", p, Need::optional);
    x.height = r_.length(o, "height", p, Need::optional);
    x.knee_clearance = r_.boolean(o, "knee_clearance", p, Need::optional);
    x.curb = r_.length(o, "curb", p, Need::optional);
    x.seat = r_.boolean(o, "seat", p, Need::optional);
    x.rim_height = r_.length(o, "rim_height", p, Need::optional);
    x.fuel = r_.enumeration<Fuel>(o, "fuel", p, Need::optional);
    x.commode_chair = r_.boolean(o, "commode_chair", p, Need::optional);
    return x;
  }

  GrabBar grab_bar(const JsonValue& o, const std::string& p, bool& ok) {
    r_.unknown_fields(o, p, {"id", "room", "from", "to", "height", "at", "bottom", "top", "serves",
                             "diameter", "wall_gap"});
    GrabBar x;
    x.id = element_id(o, p, ok);
    x.room = required(r_.string(o, "room", p, Need::required), ok);
    const bool horizontal = o.contains("from") || o.contains("to") || o.contains("height");
    const bool vertical = o.contains("at") || o.contains("bottom") || o.contains("top");
    if (horizontal && vertical) {
      r_.error(code::conflicting_fields, p,
               "a grab bar is either horizontal (from, to, height) or vertical (at, bottom, top), not both");
      ok = false;
    } else if (vertical) {
      x.vertical = true;
      x.from = x.to = required(r_.point(o, "at", p, Need::required), ok);
      x.bottom = required(r_.length(o, "bottom", p, Need::required), ok);
      x.top = required(r_.length(o, "top", p, Need::required), ok);
      if (ok && x.top <= x.bottom) {
        r_.error(code::invalid_value, JsonReader::child(p, "top"),
                 "top must be above bottom");
        ok = false;
      }
    } else {
      x.from = required(r_.point(o, "from", p, Need::required), ok);
      x.to = required(r_.point(o, "to", p, Need::required), ok);
      x.height = required(r_.length(o, "height", p, Need::required), ok);
      if (ok && distance(x.from, x.to) <= 0) {
        r_.error(code::invalid_value, JsonReader::child(p, "to"), "a horizontal bar needs two different ends");
        ok = false;
      }
    }
    x.serves = r_.string(o, "serves", p, Need::optional);
    x.diameter = r_.positive_length(o, "diameter", p, Need::optional);
    x.wall_gap = r_.length(o, "wall_gap", p, Need::optional);
    return x;
  }

  Step step(const JsonValue& o, const std::string& p, bool& ok) {
    r_.unknown_fields(o, p, {"id", "rooms", "at", "count", "rise", "handrail", "lower"});
    Step x;
    x.id = element_id(o, p, ok);
    x.rooms = room_pair(o, p, ok);
    x.at = r_.point(o, "at", p, Need::optional);
    x.count = required(r_.integer(o, "count", p, Need::required, 1, 1000), ok);
    x.rise = r_.length(o, "rise", p, Need::optional);
    x.handrail = r_.boolean(o, "handrail", p, Need::optional);
    x.lower = r_.string(o, "lower", p, Need::optional);
    return x;
  }

  Ramp ramp(const JsonValue& o, const std::string& p, bool& ok) {
    r_.unknown_fields(o, p, {"id", "rooms", "at", "rise", "length", "width", "handrails",
                             "landing_top", "landing_bottom", "in"});
    Ramp x;
    x.id = element_id(o, p, ok);
    x.rooms = room_pair(o, p, ok);
    x.at = r_.point(o, "at", p, Need::optional);
    x.rise = required(r_.length(o, "rise", p, Need::required), ok);
    x.length = required(r_.positive_length(o, "length", p, Need::required), ok);
    x.width = r_.positive_length(o, "width", p, Need::optional);
    x.handrails = r_.integer(o, "handrails", p, Need::optional, 0, 2);
    x.landing_top = r_.length(o, "landing_top", p, Need::optional);
    x.landing_bottom = r_.length(o, "landing_bottom", p, Need::optional);
    x.in = r_.string(o, "in", p, Need::optional);
    return x;
  }

  Device device(const JsonValue& o, const std::string& p, bool& ok) {
    r_.unknown_fields(o, p, {"id", "type", "room", "height", "visual", "audible", "voice", "shutoff"});
    Device x;
    x.id = element_id(o, p, ok);
    x.type = required(r_.enumeration<DeviceType>(o, "type", p, Need::required), ok);
    x.room = required(r_.string(o, "room", p, Need::required), ok);
    x.height = r_.length(o, "height", p, Need::optional);
    x.visual = r_.boolean(o, "visual", p, Need::optional);
    x.audible = r_.boolean(o, "audible", p, Need::optional);
    x.voice = r_.boolean(o, "voice", p, Need::optional);
    x.shutoff = r_.boolean(o, "shutoff", p, Need::optional);
    return x;
  }
};

ReadResult read_document(const JsonValue& document) {
  JsonReader reader("case");
  Case c;
  model::Completeness complete;
  CaseReader(reader).read(document, c, complete);
  if (document.is_object()) model::validate_case(c, complete, reader);
  ReadResult out;
  out.errors = std::move(reader.errors);
  out.warnings = std::move(reader.warnings);
  if (out.errors.empty()) out.value = std::move(c);
  return out;
}

/// One document per thread, reused: reading a case then allocates almost nothing.
io::JsonDocument& scratch_document() {
  thread_local io::JsonDocument doc;
  return doc;
}

/// Ample for a household (about 20 KiB); a bigger case's memory is given back after it.
constexpr std::size_t scratch_bytes = std::size_t{1} << 20;

ReadResult read_scratch(io::JsonDocument& doc) {
  ReadResult out = read_document(doc.root());
  doc.shrink_to(scratch_bytes);
  return out;
}

ReadResult too_large() {
  ReadResult out;
  out.errors.push_back(Error{errc::invalid_value, "", "the case is larger than 4 GiB", 0});
  return out;
}

}  // namespace

ReadResult read_case_document(const nlohmann::json& document) {
  io::JsonDocument& doc = scratch_document();
  try {
    doc.assign(document);
  } catch (const std::length_error&) {
    doc.shrink_to(0);
    return too_large();
  }
  return read_scratch(doc);
}

ReadResult read_case(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    ReadResult out;
    out.errors.push_back(Error{errc::invalid_json, "", "empty input: expected a case (a JSON object)", 1});
    return out;
  }
  if (text.size() > io::JsonDocument::max_text) return too_large();
  io::JsonDocument& doc = scratch_document();
  if (doc.parse(text)) return read_scratch(doc);
  doc.shrink_to(scratch_bytes);
  // Not JSON: nlohmann's DOM parser says why, in the words it always has. (Were it to
  // accept what its SAX parser refused, the case would still be read from its document.)
  try {
    return read_case_document(nlohmann::json::parse(text.begin(), text.end()));
  } catch (const nlohmann::json::parse_error& e) {
    ReadResult out;
    out.errors.push_back(io::invalid_json_error("case", text, e));
    return out;
  } catch (const nlohmann::json::exception& e) {
    // A number too large for a double (1e400) is well-formed JSON but no length.
    ReadResult out;
    out.errors.push_back(io::number_error("case", text, e));
    return out;
  }
}

Case parse_case(std::string_view text) {
  ReadResult r = read_case(text);
  if (!r.ok()) throw CaseError(std::move(r.errors));
  return std::move(*r.value);
}

Case load_case(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))  // it opens on Linux, and reads as an empty case
    throw CaseError({Error{errc::unreadable, "", "cannot open \"" + path.string() + "\": it is a directory", 0}});
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw CaseError({Error{errc::unreadable, "", "cannot open \"" + path.string() + "\"", 0}});
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_case(buffer.str());
}

}  // namespace barrierfree
