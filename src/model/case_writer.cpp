// Case -> JSON, deterministic: keys in documentation order, integral values as
// integers, absent optional fields left out.
#include <barrierfree/io/case_json.hpp>

#include "io/json_writer.hpp"

#include "util/suggest.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace barrierfree {

using nlohmann::ordered_json;
using io::number;

namespace {

ordered_json point(Point2 p) { return ordered_json::array({number(p.x), number(p.y)}); }

template <class T>
void put(ordered_json& j, const char* key, const std::optional<T>& v) {
  if (!v) return;
  if constexpr (std::is_same_v<T, Length>) j[key] = number(v->mm());
  else if constexpr (std::is_same_v<T, double>) j[key] = number(*v);
  else if constexpr (std::is_enum_v<T>) j[key] = to_string(*v);
  else j[key] = *v;
}

ordered_json pair(const std::array<std::string, 2>& a) { return ordered_json::array({a[0], a[1]}); }

ordered_json occupant(const Occupant& o) {
  ordered_json j;
  j["id"] = o.id;
  put(j, "name", o.name);
  put(j, "age", o.age);
  put(j, "mobility", o.mobility);
  ordered_json dis = ordered_json::array();
  for (const Disability& d : o.disabilities)
    dis.push_back(ordered_json{{"category", to_string(d.category)}, {"grade", d.grade}});
  j["disabilities"] = std::move(dis);
  if (o.limitations) {
    ordered_json lim = ordered_json::array();
    for (Limitation l : *o.limitations) lim.push_back(to_string(l));
    j["limitations"] = std::move(lim);
  }
  put(j, "bedroom", o.bedroom);
  put(j, "notes", o.notes);
  return j;
}

ordered_json room(const Room& r) {
  ordered_json j;
  j["id"] = r.id;
  j["type"] = to_string(r.type);
  put(j, "name", r.name);
  if (r.rect) {
    j["rect"] = ordered_json::array({number(r.rect->x), number(r.rect->y), number(r.rect->width), number(r.rect->depth)});
  } else {
    ordered_json poly = ordered_json::array();
    for (Point2 p : r.polygon) poly.push_back(point(p));
    j["polygon"] = std::move(poly);
  }
  if (r.floor) {
    ordered_json f = ordered_json::object();
    put(f, "slip_resistant", r.floor->slip_resistant);
    put(f, "wet", r.floor->wet);
    j["floor"] = std::move(f);
  }
  put(j, "level", r.level);
  return j;
}

ordered_json door(const Door& d) {
  ordered_json j;
  j["id"] = d.id;
  j["rooms"] = pair(d.rooms);
  j["at"] = point(d.at);
  put(j, "clear_width", d.clear_width);
  j["type"] = to_string(d.type);
  put(j, "swing_into", d.swing_into);
  put(j, "threshold", d.threshold);
  put(j, "threshold_ramp", d.threshold_ramp);
  put(j, "handle", d.handle);
  put(j, "handle_height", d.handle_height);
  put(j, "latch_side", d.latch_side);
  return j;
}

ordered_json fixture(const Fixture& f) {
  ordered_json j;
  j["id"] = f.id;
  j["type"] = to_string(f.type);
  j["room"] = f.room;
  j["at"] = point(f.at);
  j["size"] = ordered_json::array({number(f.width.mm()), number(f.depth.mm())});
  put(j, "facing", f.facing);
  put(j, "kind", f.kind);
  put(j, "seat_height", f.seat_height);
  put(j, "height", f.height);
  put(j, "knee_clearance", f.knee_clearance);
  put(j, "curb", f.curb);
  put(j, "seat", f.seat);
  put(j, "rim_height", f.rim_height);
  put(j, "fuel", f.fuel);
  put(j, "commode_chair", f.commode_chair);
  return j;
}

ordered_json grab_bar(const GrabBar& g) {
  ordered_json j;
  j["id"] = g.id;
  j["room"] = g.room;
  if (g.vertical) {
    j["at"] = point(g.from);
    j["bottom"] = number(g.bottom.mm());
    j["top"] = number(g.top.mm());
  } else {
    j["from"] = point(g.from);
    j["to"] = point(g.to);
    j["height"] = number(g.height.mm());
  }
  put(j, "serves", g.serves);
  put(j, "diameter", g.diameter);
  put(j, "wall_gap", g.wall_gap);
  return j;
}

ordered_json step(const Step& s) {
  ordered_json j;
  j["id"] = s.id;
  j["rooms"] = pair(s.rooms);
  if (s.at) j["at"] = point(*s.at);
  j["count"] = s.count;
  put(j, "rise", s.rise);
  put(j, "handrail", s.handrail);
  put(j, "lower", s.lower);
  return j;
}

ordered_json ramp(const Ramp& r) {
  ordered_json j;
  j["id"] = r.id;
  j["rooms"] = pair(r.rooms);
  if (r.at) j["at"] = point(*r.at);
  j["rise"] = number(r.rise.mm());
  j["length"] = number(r.length.mm());
  put(j, "width", r.width);
  put(j, "handrails", r.handrails);
  put(j, "landing_top", r.landing_top);
  put(j, "landing_bottom", r.landing_bottom);
  put(j, "in", r.in);
  return j;
}

ordered_json device(const Device& d) {
  ordered_json j;
  j["id"] = d.id;
  j["type"] = to_string(d.type);
  j["room"] = d.room;
  put(j, "height", d.height);
  put(j, "visual", d.visual);
  put(j, "audible", d.audible);
  put(j, "voice", d.voice);
  put(j, "shutoff", d.shutoff);
  return j;
}

template <class T, class F>
ordered_json list(const std::vector<T>& items, F&& f) {
  ordered_json a = ordered_json::array();
  for (const T& t : items) a.push_back(f(t));
  return a;
}

}  // namespace

ordered_json to_json(const Case& c) {
  ordered_json j;
  j["format"] = case_format_tag;
  j["id"] = c.id;
  put(j, "region", c.region);
  put(j, "standard", c.standard);
  put(j, "budget", c.budget);
  put(j, "notes", c.notes);
  j["occupants"] = list(c.occupants, occupant);
  if (c.building) {
    ordered_json b = ordered_json::object();
    put(b, "storey", c.building->storey);
    put(b, "lift", c.building->lift);
    put(b, "stair_climber", c.building->stair_climber);
    if (c.building->entrance_steps) {
      ordered_json s;
      s["count"] = c.building->entrance_steps->count;
      put(s, "rise", c.building->entrance_steps->rise);
      put(s, "ramp", c.building->entrance_steps->ramp);
      b["entrance_steps"] = std::move(s);
    }
    j["building"] = std::move(b);
  }
  j["rooms"] = list(c.rooms, room);
  j["doors"] = list(c.doors, door);
  j["fixtures"] = list(c.fixtures, fixture);
  j["grab_bars"] = list(c.grab_bars, grab_bar);
  j["steps"] = list(c.steps, step);
  j["ramps"] = list(c.ramps, ramp);
  j["devices"] = list(c.devices, device);
  return j;
}

namespace {

/// The offset of the first byte of `s` that is not well-formed UTF-8, or npos (RFC 3629:
/// no overlong forms, no surrogates, nothing past U+10FFFF, as JSON text requires).
std::size_t invalid_utf8_at(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b = byte(i);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) n = 1;
    else if (b >= 0xE0 && b <= 0xEF) n = 2, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
    else if (b >= 0xF0 && b <= 0xF4) n = 3, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    else return i;
    if (i + n >= s.size()) return i;  // cut short
    for (std::size_t k = 1; k <= n; ++k) {
      const unsigned char c = byte(i + k);
      if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return i;
    }
    i += n + 1;
  }
  return std::string_view::npos;
}

/// The first string (or member name) of `j` that is not UTF-8, as a CaseError at its pointer.
void refuse_invalid_text(const ordered_json& j, const std::string& at) {
  const auto check = [](std::string_view text, const std::string& pointer) {
    if (const std::size_t i = invalid_utf8_at(text); i != std::string_view::npos) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
      throw CaseError({{errc::wrong_type, pointer,
                        "expected UTF-8 text, got byte " + std::string(hex) + " at offset " + std::to_string(i)}});
    }
  };
  if (j.is_string()) return check(j.get_ref<const std::string&>(), at);
  if (j.is_object())
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string pointer = at + "/" + util::pointer_token(it.key());
      check(it.key(), pointer);
      refuse_invalid_text(*it, pointer);
    }
  if (j.is_array())
    for (std::size_t i = 0; i < j.size(); ++i) refuse_invalid_text(j[i], at + "/" + std::to_string(i));
}

}  // namespace

std::string serialise(const Case& c) {
  const ordered_json j = to_json(c);
  // JSON text is UTF-8: a case built in code with other bytes in a name is refused with
  // the field's pointer, as read_case would refuse the text (nlohmann's dump() would throw
  // its own type_error without saying which field).
  refuse_invalid_text(j, "");
  return j.dump();
}

}  // namespace barrierfree
