// Routes through the home: steps, the clear width of passages, and whether a
// wheelchair can reach the rooms a household needs.
#include "rules/engine.hpp"

#include <barrierfree/geometry/operations.hpp>

#include "geometry/passage.hpp"

#include <algorithm>
#include <deque>
#include <queue>
#include <set>

namespace barrierfree::rules {

namespace {

bool same_pair(const std::array<std::string, 2>& a, const std::array<std::string, 2>& b) {
  return (a[0] == b[0] && a[1] == b[1]) || (a[0] == b[1] && a[1] == b[0]);
}

std::string other_room(const std::array<std::string, 2>& rooms, const std::string& r) {
  return rooms[0] == r ? rooms[1] : rooms[0];
}

/// A way from one room to another: a door, or a step or ramp with no door beside it.
struct Connection {
  std::string id;
  std::array<std::string, 2> rooms;
  const Door* door = nullptr;
  const Step* step = nullptr;
  const Ramp* ramp = nullptr;
};

/// The rooms and the ways between them, as a route finder needs them.
class Topology {
 public:
  explicit Topology(const Context& ctx) : ctx_(ctx) {
    for (const Door& d : ctx.c.doors) connections_.push_back({d.id, d.rooms, &d, nullptr, nullptr});
    auto has_door = [&](const std::array<std::string, 2>& pair) {
      return std::any_of(ctx.c.doors.begin(), ctx.c.doors.end(), [&](const Door& d) { return same_pair(d.rooms, pair); });
    };
    for (const Step& s : ctx.c.steps)
      if (!has_door(s.rooms)) connections_.push_back({s.id, s.rooms, nullptr, &s, nullptr});
    for (const Ramp& r : ctx.c.ramps)
      if (!has_door(r.rooms)) connections_.push_back({r.id, r.rooms, nullptr, nullptr, &r});
    // Sorted by id, so that routes do not depend on the order of the case's lists.
    std::sort(connections_.begin(), connections_.end(), [](const Connection& a, const Connection& b) { return a.id < b.id; });
    entries();
  }

  [[nodiscard]] const std::vector<Connection>& all() const { return connections_; }
  [[nodiscard]] std::vector<const Connection*> of(const std::string& room) const {
    std::vector<const Connection*> out;
    for (const Connection& c : connections_)
      if (c.rooms[0] == room || c.rooms[1] == room) out.push_back(&c);
    return out;
  }
  /// The way into each room on the shortest way in from outside (ignoring barriers).
  [[nodiscard]] const Connection* entry(const std::string& room) const {
    auto it = entry_.find(room);
    return it == entry_.end() ? nullptr : it->second;
  }

  /// The opening of a connection seen from `room`.
  [[nodiscard]] std::optional<Segment> mouth(const Connection& c, const std::string& room) const {
    if (c.door) {
      const auto s = ctx_.plan.side(*c.door, room);
      if (!s) return std::nullopt;
      return s->mouth();
    }
    std::optional<Point2> at = c.step ? c.step->at : c.ramp->at;
    const Ring* ring = ctx_.plan.outline(room);
    if (!at || !ring) return std::nullopt;
    const Point2 p = geometry::closest_point_on_boundary(*ring, *at);
    const double w = c.ramp && c.ramp->width ? c.ramp->width->mm() : 0;
    // Along the wall: the direction of the nearest edge.
    const auto wall = geometry::nearest_edge(*ring, p);
    const Point2 along = wall ? (wall->b - wall->a) * (1.0 / wall->length()) : Point2{1, 0};
    return Segment{p - along * (w / 2), p + along * (w / 2)};
  }

  /// The widest way through `room` between two connections (infinite when unknown).
  /// Memoised in the plan model: route.clear_width and route.reachable ask for the same.
  geometry::Pinch passage(const std::string& room, const Connection& a, const Connection& b, double required) const {
    // The same pair measured the same way whichever rule asks first.
    const Connection& first = a.id < b.id ? a : b;
    const Connection& second = a.id < b.id ? b : a;
    return ctx_.plan.memo_passage({room, first.id, second.id, required}, [&] {
      geometry::Pinch p;
      const auto ma = mouth(first, room), mb = mouth(second, room);
      const Ring* ring = ctx_.plan.outline(room);
      if (ma && mb && ring)
        p = geometry::passage_width(*ring, ctx_.plan.obstacles(room, KneeSpace::obstacle), *ma, *mb, required / 2);
      return p;
    });
  }

 private:
  void entries() {
    std::deque<std::string> queue;
    std::set<std::string> seen{std::string(outside_id)};
    queue.emplace_back(outside_id);
    while (!queue.empty()) {
      const std::string room = queue.front();
      queue.pop_front();
      for (const Connection* c : of(room)) {
        const std::string next = other_room(c->rooms, room);
        if (seen.insert(next).second) {
          entry_[next] = c;
          queue.push_back(next);
        }
      }
    }
  }

  const Context& ctx_;
  std::vector<Connection> connections_;
  std::map<std::string, const Connection*> entry_;
};

std::string pinch_text(const Context& ctx, const std::string& room, const geometry::Pinch& p, bool zh) {
  // Passages are measured among KneeSpace::obstacle's obstacles, which are all fixtures (a ramp's
  // run is floor to pass over): a pinch's index is its fixture's.
  const auto& fixtures = ctx.plan.obstacle_fixtures(room, KneeSpace::obstacle);
  auto name = [&](int i) -> std::string {
    if (i < 0) return zh ? "墙" : "wall";
    return fixtures[static_cast<std::size_t>(i)]->id;
  };
  // Walls first, then fixtures by id: the same words however the plan is drawn.
  std::string a = name(p.first), b = name(p.second);
  if ((p.second < 0 && p.first >= 0) || (p.first >= 0 && p.second >= 0 && b < a)) std::swap(a, b);
  return zh ? "在" + a + "与" + b + "之间" : "between " + a + " and " + b;
}

std::vector<std::string> pinch_fixtures(const Context& ctx, const std::string& room, const geometry::Pinch& p) {
  const auto& fixtures = ctx.plan.obstacle_fixtures(room, KneeSpace::obstacle);
  std::vector<std::string> out;
  for (int i : {p.first, p.second})
    if (i >= 0) out.push_back(fixtures[static_cast<std::size_t>(i)]->id);
  std::sort(out.begin(), out.end());
  return out;
}

void clear_width(Context& ctx, const Rule& rule) {
  const double min = rule.mm("min");
  const std::string& unit = Context::display_unit(rule);
  const Topology topo(ctx);
  for (const Room& room : ctx.c.rooms) {
    if (!ctx.in_focus(room.id)) continue;
    const Connection* entry = topo.entry(room.id);
    if (!entry) continue;
    geometry::Pinch worst;
    const Connection* worst_to = nullptr;
    for (const Connection* c : topo.of(room.id)) {
      if (c == entry || other_room(c->rooms, room.id) == outside_id) continue;
      const geometry::Pinch p = topo.passage(room.id, *entry, *c, min);
      // Narrower as reported (0.1 mm): of two doors equally far, the first, not whichever
      // rounding favoured in this orientation of the plan.
      if (report_mm(p.width) < report_mm(worst.width)) {
        worst = p;
        worst_to = c;
      }
    }
    if (!worst_to || reaches(worst.width, min)) continue;
    Report r;
    r.element = room.id;
    r.room = room.id;
    r.at = worst.at;
    r.measured = report_mm(worst.width);
    r.unit = "mm";
    r.required = {{"min", min}};
    r.vars["measured"] = length_text(report_mm(worst.width), unit);
    r.vars["required"] = at_least(length_text(min, unit));
    r.vars["from_door"] = same(entry->id);
    r.vars["to_door"] = same(worst_to->id);
    r.vars["pinch"] = {pinch_text(ctx, room.id, worst, false), pinch_text(ctx, room.id, worst, true)};
    r.detail = {{"from", entry->id}, {"to", worst_to->id}, {"fixtures", pinch_fixtures(ctx, room.id, worst)}};
    ctx.report(rule, std::move(r));
  }
}

void steps(Context& ctx, const Rule& rule) {
  const std::string& unit = Context::display_unit(rule);
  const double max = rule.mm("max", 0);
  for (const Step& s : ctx.c.steps) {
    // A level change within the rule's tolerance is not a step; one of unknown height may be.
    if (s.rise && s.count * s.rise->mm() <= max) continue;
    Report r;
    r.element = s.id;
    r.at = s.at;
    if (s.rise) {
      r.measured = round_mm(s.count * s.rise->mm());
      r.unit = "mm";
      r.vars["measured"] = length_text(s.count * s.rise->mm(), unit);
    } else {
      r.measured = nullptr;
      r.unit = "mm";
      r.vars["measured"] = {"of unknown height", "高度未测"};
    }
    r.required = {{"max", max}};
    r.vars["count"] = same(std::to_string(s.count));
    const Text a = ctx.name_of(s.rooms[0]), b = ctx.name_of(s.rooms[1]);
    r.vars["rooms"] = {a.en + " and " + b.en, a.zh + "与" + b.zh};
    r.detail = {{"count", s.count}, {"handrail", s.handrail.value_or(false)}};
    if (s.handrail.value_or(false)) r.features.insert("handrail");
    ctx.report(rule, std::move(r));
  }
}

/// Why a connection stops a wheelchair, if it does.
struct Crossing {
  std::vector<std::string> blocked;  ///< elements that block
  std::vector<std::string> unknown;  ///< JSON pointers of values not measured
};

Crossing crossing(const Context& ctx, const Connection& c) {
  Crossing out;
  const Rule* width = ctx.rs.first("door.clear_width");
  const Rule* sill = ctx.rs.first("door.threshold");
  const Rule* slope = ctx.rs.first("ramp.slope");
  if (c.ramp && slope && !ramp_slope_ok(*slope, *c.ramp)) out.blocked.push_back(c.ramp->id);
  if (c.door) {
    const Door& d = *c.door;
    bool blocked = false;
    if (width) {
      if (!d.clear_width) out.unknown.push_back(pointer(ctx.c, d.id, "clear_width"));
      else if (d.clear_width->mm() < width->mm("min")) blocked = true;
    }
    if (sill) {
      if (!d.threshold) {
        out.unknown.push_back(pointer(ctx.c, d.id, "threshold"));
      } else {
        const double t = d.threshold->mm();
        if (t > sill->mm("max") && !(d.threshold_ramp.value_or(false) && t <= sill->mm("with_ramp_max", sill->mm("max"))))
          blocked = true;
      }
    }
    if (blocked) out.blocked.push_back(d.id);
  }
  // Steps on the same pair of rooms stop a wheelchair unless a ramp is there too.
  const bool ramped = std::any_of(ctx.c.ramps.begin(), ctx.c.ramps.end(), [&](const Ramp& r) {
    return same_pair(r.rooms, c.rooms) && (!slope || ramp_slope_ok(*slope, r));
  });
  if (!ramped)
    for (const Step& s : ctx.c.steps)
      if (same_pair(s.rooms, c.rooms)) out.blocked.push_back(s.id);
  return out;
}

void reachable(Context& ctx, const Rule& rule) {
  const Topology topo(ctx);
  const Rule* corridor = ctx.rs.first("route.clear_width");
  const double corridor_min = corridor ? corridor->mm("min") : 0;

  // Least-barrier routes: Dijkstra over (connection, room entered) with cost
  // (barriers, unmeasured values), so that a barrier-free route wins, then a
  // route whose only doubts are unmeasured values.
  using Cost = std::pair<std::size_t, std::size_t>;
  struct State {
    Cost cost{SIZE_MAX, SIZE_MAX};
    int prev = -1;
    std::vector<std::string> blocked, unknown;  // added on the way into this state
  };
  const auto& conns = topo.all();
  std::map<std::pair<std::size_t, std::string>, int> index;
  std::vector<std::pair<std::size_t, std::string>> keys;
  for (std::size_t i = 0; i < conns.size(); ++i)
    for (const std::string& r : conns[i].rooms)
      if (r != outside_id) {
        index[{i, r}] = static_cast<int>(keys.size());
        keys.emplace_back(i, r);
      }
  std::vector<State> states(keys.size());
  using Item = std::pair<Cost, int>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  bool has_entrance = false;
  for (std::size_t i = 0; i < conns.size(); ++i) {
    if (conns[i].rooms[0] != outside_id && conns[i].rooms[1] != outside_id) continue;
    has_entrance = true;
    const int s = index[{i, other_room(conns[i].rooms, std::string(outside_id))}];
    const Crossing x = crossing(ctx, conns[i]);
    const Cost cost{x.blocked.size(), x.unknown.size()};
    if (cost < states[s].cost) {
      states[s] = {cost, -1, x.blocked, x.unknown};
      queue.push({cost, s});
    }
  }
  while (!queue.empty()) {
    const auto [cost, s] = queue.top();
    queue.pop();
    if (cost != states[s].cost) continue;
    const auto& [ci, room] = keys[s];
    for (const Connection* next : topo.of(room)) {
      const std::size_t ni = static_cast<std::size_t>(next - conns.data());
      if (ni == ci) continue;
      const std::string to = other_room(next->rooms, room);
      if (to == outside_id) continue;
      std::vector<std::string> blocked, unknown;
      if (corridor && !reaches(topo.passage(room, conns[ci], *next, corridor_min).width, corridor_min))
        blocked.push_back(room);
      const Crossing x = crossing(ctx, *next);
      blocked.insert(blocked.end(), x.blocked.begin(), x.blocked.end());
      unknown.insert(unknown.end(), x.unknown.begin(), x.unknown.end());
      const Cost nc{cost.first + blocked.size(), cost.second + unknown.size()};
      const int t = index[{ni, to}];
      if (nc < states[t].cost) {
        states[t] = {nc, s, blocked, unknown};
        queue.push({nc, t});
      }
    }
  }

  const std::vector<std::vector<RoomType>> groups = {
      {RoomType::living}, {RoomType::bedroom}, {RoomType::kitchen}, {RoomType::bathroom, RoomType::toilet}};
  for (const auto& group : groups) {
    std::vector<const Room*> rooms;
    for (const Room& r : ctx.c.rooms)
      if (std::find(group.begin(), group.end(), r.type) != group.end()) rooms.push_back(&r);
    if (rooms.empty()) continue;
    std::sort(rooms.begin(), rooms.end(), [](const Room* a, const Room* b) { return a->id < b->id; });
    Report r;
    if (!has_entrance) {
      r.element = rooms.front()->id;
      r.status = Status::insufficient_data;
      r.missing = {"/doors"};
      r.vars["missing"] = {"an entrance door (a door to \"outside\")", "入户门"};
      ctx.report(rule, std::move(r));
      return;
    }
    // The best state entering any room of the group.
    int best = -1;
    const Room* target = nullptr;
    for (const Room* room : rooms)
      for (std::size_t s = 0; s < keys.size(); ++s)
        if (keys[s].second == room->id && states[s].cost.first != SIZE_MAX &&
            (best < 0 || states[s].cost < states[best].cost)) {
          best = static_cast<int>(s);
          target = room;
        }
    if (best < 0) {
      // Not connected to the entrance at all.
      r.element = rooms.front()->id;
      r.room = r.element;
      r.measured = nullptr;
      r.unit = "count";
      r.required = {{"max", 0}};
      r.vars["first_barrier"] = {"no door or passage leads there", "没有门或通道相连"};
      r.vars["barriers"] = same("–");
      r.detail = {{"connected", false}};
      ctx.report(rule, std::move(r));
      continue;
    }
    if (states[best].cost == Cost{0, 0}) continue;
    std::vector<std::string> blocked, unknown, path;
    for (int s = best; s >= 0; s = states[s].prev) {
      blocked.insert(blocked.begin(), states[s].blocked.begin(), states[s].blocked.end());
      unknown.insert(unknown.begin(), states[s].unknown.begin(), states[s].unknown.end());
      path.insert(path.begin(), conns[keys[s].first].id);
    }
    r.element = target->id;
    r.room = target->id;
    if (blocked.empty()) {
      r.status = Status::insufficient_data;
      r.missing = unknown;
      r.detail = {{"route", path}};
    } else {
      r.measured = blocked.size();
      r.unit = "count";
      r.required = {{"max", 0}};
      r.vars["first_barrier"] = ctx.name_of(blocked.front());
      r.vars["barriers"] = same(std::to_string(blocked.size()));
      r.detail = {{"blocked_by", blocked}, {"first_barrier", blocked.front()}, {"route", path}};
    }
    ctx.report(rule, std::move(r));
  }
}

}  // namespace

void register_route_checks(std::map<std::string, CheckFunction>& m) {
  m["route.reachable"] = reachable;
  m["route.clear_width"] = clear_width;
  m["route.step"] = steps;
}

}  // namespace barrierfree::rules
