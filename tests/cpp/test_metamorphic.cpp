// Moving, turning or mirroring a plan changes no finding (apart from where it
// is): the checks look at the geometry, not at coordinates.
#include <barrierfree/geometry/operations.hpp>
#include <barrierfree/io/case_json.hpp>
#include <barrierfree/model/plan_geometry.hpp>
#include <barrierfree/plan/plan.hpp>
#include <barrierfree/rules/check.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <optional>
#include <sstream>

#include "probes.hpp"
#include "test_support.hpp"

using namespace barrierfree;

namespace {

/// x' = R·(mirror? (-x, y) : (x, y)) + shift, R a rotation by a multiple of 90° (exact),
/// or by `degrees` when they are set.
struct Transform {
  int quarter_turns = 0;
  bool mirror = false;
  Point2 shift;
  double degrees = 0;

  [[nodiscard]] Point2 operator()(Point2 p) const {
    if (mirror) p.x = -p.x;
    for (int i = 0; i < ((quarter_turns % 4) + 4) % 4; ++i) p = {-p.y, p.x};
    if (degrees != 0) {
      const double c = std::cos(degrees * Angle::pi / 180), s = std::sin(degrees * Angle::pi / 180);
      p = {c * p.x - s * p.y, s * p.x + c * p.y};
    }
    return p + shift;
  }
  [[nodiscard]] double facing(double facing_degrees) const {
    if (mirror) facing_degrees = 180 - facing_degrees;
    double a = std::fmod(facing_degrees + 90.0 * quarter_turns + degrees, 360.0);
    return a < 0 ? a + 360 : a;
  }
};

Case transformed(Case c, const Transform& t) {
  for (Room& r : c.rooms) {
    for (Point2& p : r.polygon) p = t(p);
    r.rect.reset();  // a turned rectangle is given as a polygon
  }
  for (Door& d : c.doors) {
    d.at = t(d.at);
    // Left and right swap in a mirror.
    if (t.mirror && d.latch_side) d.latch_side = *d.latch_side == Side::left ? Side::right : Side::left;
  }
  for (Fixture& f : c.fixtures) {
    f.at = t(f.at);
    f.facing = t.facing(f.facing_or_default());
  }
  for (GrabBar& g : c.grab_bars) {
    g.from = t(g.from);
    g.to = t(g.to);
  }
  for (Step& s : c.steps)
    if (s.at) s.at = t(*s.at);
  for (Ramp& r : c.ramps)
    if (r.at) r.at = t(*r.at);
  return c;
}

/// A finding without its position.
std::string signature(const Finding& f) {
  nlohmann::ordered_json j{{"check", f.check},       {"element", f.element},   {"rule", f.rule_id},
                           {"status", to_string(f.status)}, {"measured", f.measured}, {"required", f.required},
                           {"severity", f.severity}, {"occupants", f.occupants}, {"missing", f.missing},
                           {"en", f.message.en},     {"zh", f.message.zh}};
  return j.dump();
}

std::vector<std::string> signatures(const CheckResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) out.push_back(signature(f));
  return out;
}

}  // namespace

TEST_CASE("findings do not change when a plan is moved, turned or mirrored") {
  const std::vector<Transform> transforms = {
      {0, false, {100000, -50000}}, {1, false, {0, 0}},     {2, false, {0, 0}},  {3, false, {7000, 2000}},
      {0, true, {0, 0}},            {1, true, {-3000, 0}},  {2, true, {0, 900}}, {3, true, {0, 0}}};
  for (const auto& path : test::example_cases()) {
    const Case original = load_case(path);
    for (const std::string& standard : {std::string("GB50763-2012"), std::string("GB55019-2021"), std::string("ADA-2010")}) {
      const Ruleset& rs = builtin_ruleset(standard);
      const auto expected = signatures(check(original, rs));
      REQUIRE_FALSE(expected.empty());
      for (const Transform& t : transforms) {
        CAPTURE(path.filename().string(), standard, t.quarter_turns, t.mirror, t.shift.x, t.shift.y);
        const Case moved = transformed(original, t);
        REQUIRE(read_case(serialise(moved)).ok());
        const auto got = signatures(check(moved, rs));
        CHECK(got.size() == expected.size());
        for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
          CAPTURE(i);
          CHECK(got[i] == expected[i]);
        }
      }
    }
  }
}

TEST_CASE("a plan turned by any angle reads as valid and gets the same findings, to a millimetre") {
  // At 30° the shared walls of rooms are collinear only to rounding: eleven of the bundled
  // households were once refused as overlapping, and values exactly at a limit flipped.
  std::vector<Case> cases;
  for (const auto& path : test::example_cases()) cases.push_back(load_case(path));
  std::istringstream lines(test::read_file(test::source_dir() / "data" / "examples" / "huimin-52.jsonl"));
  for (std::string line; std::getline(lines, line);) cases.push_back(parse_case(line));
  REQUIRE(cases.size() == 58);
  struct Seen {
    std::string status;
    double measured;
    int severity;
    std::string unit;
  };
  auto findings = [](const CheckResult& r) {
    std::map<std::string, Seen> out;
    for (const Finding& f : r.findings)
      out[f.check + " " + f.element + " " + f.rule_id] = {std::string(to_string(f.status)),
                                                         f.measured.is_number() ? f.measured.get<double>() : -1.0, f.severity, f.unit};
    return out;
  };
  for (const Case& original : cases) {
    const auto expected = findings(check(original));
    for (const Transform& t : {Transform{0, false, {0, 0}, 30}, Transform{0, true, {5000, 300}, 45},
                               Transform{0, false, {-2e4, 1e4}, 10}, Transform{1, true, {0, 0}, 77}}) {
      CAPTURE(original.id, t.degrees, t.mirror);
      const ReadResult moved = read_case(serialise(transformed(original, t)));
      REQUIRE(moved.errors == std::vector<Error>{});
      const auto got = findings(check(*moved.value));
      CHECK(got.size() == expected.size());
      for (const auto& [key, seen] : expected) {
        CAPTURE(key);
        const auto it = got.find(key);
        REQUIRE(it != got.end());
        CHECK(it->second.status == seen.status);
        CHECK(it->second.severity == seen.severity);
        // Lengths to the search's precision; areas, reported to 0.001 m², exactly.
        CHECK(it->second.measured == Approx(seen.measured).margin(seen.unit == "mm" ? 1.0 : 1e-9));
      }
    }
  }
}

TEST_CASE("a plan does not change when the home is turned or mirrored") {
  // Equally good changes were once chosen by the order of trying them: HM-001 turned by 90°
  // had its bathroom enlarged into the living room instead of the kitchen, and HM-027's table
  // went elsewhere, with other barriers left.
  std::istringstream lines(test::read_file(test::source_dir() / "data" / "examples" / "huimin-52.jsonl"));
  // At odd angles a turning circle comes out within the search's precision (±1 mm): measured
  // values are compared apart there.
  auto measured = [](const PlanResult& r) {
    std::vector<double> out;
    for (const Residual& res : r.plan.residual)
      out.push_back(res.finding.measured.is_number() ? res.finding.measured.get<double>() : -1.0);
    return out;
  };
  auto signature = [](const PlanResult& r, bool with_measured = true) {
    nlohmann::ordered_json j;
    for (const PlanItem& i : r.plan.items)
      j["items"].push_back({i.remedy, i.element, std::round(i.quantity * 1e6) / 1e6, i.cost, i.resolves.size()});
    for (const Residual& res : r.plan.residual)
      j["residual"].push_back({res.finding.check, res.finding.element, res.finding.rule_id, to_string(res.finding.status),
                               res.reason, with_measured ? res.finding.measured : nlohmann::ordered_json()});
    for (const Deferred& d : r.plan.deferred) j["deferred"].push_back({d.remedy, d.element, d.cost, d.reason});
    j["total"] = r.plan.total;
    j["verified"] = r.plan.verified;
    j["after"] = r.score_after();
    return j.dump();
  };
  for (std::string line; std::getline(lines, line);) {
    const Case original = parse_case(line);
    for (const std::optional<double> budget : {original.budget, std::optional<double>()}) {
      PlanOptions o;
      o.budget = budget;
      o.no_budget = !budget;
      const PlanResult upright = plan(original, o);
      const std::string expected = signature(upright);
      // Quarter turns and mirrors; and odd angles, where moves and pushes go along the walls.
      for (const Transform& t : {Transform{1, false, {0, 0}}, Transform{2, true, {0, 0}}, Transform{3, false, {0, 0}},
                                 Transform{0, false, {0, 0}, 30}, Transform{0, true, {1000, 0}, 45}}) {
        CAPTURE(original.id, budget.has_value(), t.quarter_turns, t.mirror, t.degrees);
        const PlanResult moved = plan(transformed(original, t), o);
        if (t.degrees == 0) {
          CHECK(signature(moved) == expected);
          continue;
        }
        CHECK(signature(moved, false) == signature(upright, false));
        const auto got = measured(moved), want = measured(upright);
        REQUIRE(got.size() == want.size());
        for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i] == Approx(want[i]).margin(1.0));
      }
    }
  }
}

TEST_CASE("of two equally small moves of furniture, the one that leaves the narrower gap is not taken, however the plan is turned") {
  // HM-027: moving the living room's table 300 mm one way or the other along a diagonal is as
  // small a move and as good for the room by weight, but leaves the passage to the balcony
  // 500 mm or 300 mm wide. Turned by 90°, the order of trying once chose the 300 mm.
  std::istringstream lines(test::read_file(test::source_dir() / "data" / "examples" / "huimin-52.jsonl"));
  std::optional<Case> hm027;
  for (std::string line; std::getline(lines, line);)
    if (line.find("\"HM-027\"") != std::string::npos) hm027 = parse_case(line);
  REQUIRE(hm027);
  PlanOptions o;
  o.budget = hm027->budget;
  auto passage = [](const PlanResult& r) {
    for (const Residual& res : r.plan.residual)
      if (res.finding.check == "route.clear_width" && res.finding.element == "living") return res.finding.measured.get<double>();
    return -1.0;
  };
  for (const Transform& t : {Transform{}, Transform{1, false, {0, 0}}, Transform{0, true, {0, 0}}, Transform{3, true, {0, 0}}}) {
    CAPTURE(t.quarter_turns, t.mirror);
    const PlanResult r = plan(transformed(*hm027, t), o);
    REQUIRE(r.plan.verified);
    CHECK(passage(r) == Approx(500).margin(1));
  }
}

TEST_CASE("findings do not depend on the order of the case's lists") {
  for (const auto& path : test::example_cases()) {
    CAPTURE(path.filename().string());
    const Case original = load_case(path);
    Case shuffled = original;
    std::reverse(shuffled.rooms.begin(), shuffled.rooms.end());
    std::reverse(shuffled.doors.begin(), shuffled.doors.end());
    std::reverse(shuffled.fixtures.begin(), shuffled.fixtures.end());
    std::reverse(shuffled.devices.begin(), shuffled.devices.end());
    std::reverse(shuffled.grab_bars.begin(), shuffled.grab_bars.end());
    // Pointers to missing fields name list positions (and appear in the
    // messages of insufficient data): compare everything else.
    auto strip = [](CheckResult r) {
      for (Finding& f : r.findings) {
        f.missing.clear();
        if (f.status == Status::insufficient_data) f.message = {};
      }
      return signatures(r);
    };
    CHECK(strip(check(shuffled)) == strip(check(original)));
  }
}

TEST_CASE("a ramp's sloped run is no floor to turn on, however the plan is turned; it is floor to pass over") {
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  const Rule* rule = rs.find("gb50763.turning_space.bedroom");
  REQUIRE(rule);
  const double diameter = rule->mm("diameter");
  constexpr double run = 600, width = 1600;
  // A bedroom east of the hall, as wide as the ramp that runs into it from their wall: the level
  // floor left is `depth - run` deep and `width` wide.
  auto flat = [&](double depth, bool placed) {
    probes::Flat f;
    f.room("bed", RoomType::bedroom, 3000, 0, depth, width);
    f.door("d-bed", "hall", "bed", {3000, width / 2}, 800, DoorType::opening);
    Ramp& r = f.ramp("r1", {"hall", "bed"}, 50, run, width, 1500);
    r.at = Point2{3000, width / 2};
    if (placed) r.in = "bed";
    f.c.occupants = {probes::needing("wheelchair")};
    return f.c;
  };
  auto turning = [&](const Case& c) -> std::optional<double> {
    const CheckResult r = check(c, rs);
    for (const Finding& f : r.findings)
      if (f.rule_id == rule->id && f.element == "bed") return f.measured.get<double>();
    return std::nullopt;
  };
  auto routes = [&](const Case& c) {
    std::vector<std::string> out;
    for (const Finding& f : check(c, rs).findings)
      if (f.check.rfind("route.", 0) == 0) out.push_back(signature(f));
    return out;
  };
  for (const Transform& t : {Transform{}, Transform{1, false, {0, 0}}, Transform{2, true, {500, 0}},
                             Transform{3, true, {0, 0}}, Transform{0, false, {0, 0}, 30}}) {
    CAPTURE(t.quarter_turns, t.mirror, t.degrees);
    const Case at_limit = transformed(flat(run + diameter, true), t);
    REQUIRE(read_case(serialise(at_limit)).ok());
    CHECK_FALSE(turning(at_limit));
    const auto short_by_one = turning(transformed(flat(run + diameter - 1, true), t));
    REQUIRE(short_by_one);
    CHECK(*short_by_one == Approx(diameter - 1).margin(t.degrees == 0 ? 0.0 : 1.0));
    // Where the ramp is not placed in the room, its floor is not known to be taken.
    CHECK_FALSE(turning(transformed(flat(run + diameter - 1, false), t)));
    // A wheelchair goes up and down the run: the routes are the same with it placed or not.
    CHECK(routes(transformed(flat(run + diameter - 1, true), t)) == routes(transformed(flat(run + diameter - 1, false), t)));
  }
  // The free floor of the public API says the same.
  const Case c = flat(run + diameter, true);
  const Room& bed = *c.find_room("bed");
  CHECK(geometry::area(free_floor(c, bed)) == Approx(diameter * width));
  CHECK(geometry::area(free_floor(c, bed, KneeSpace::obstacle)) == Approx((run + diameter) * width));
  const auto ring = ramp_run(c, c.ramps.front());
  REQUIRE(ring);
  CHECK(geometry::signed_area(*ring) == Approx(run * width));  // counter-clockwise
  Case level = c;
  level.ramps.front().rise = Length::mm(0);
  CHECK_FALSE(ramp_run(level, level.ramps.front()));
}

TEST_CASE("a ramp's run beside a door's latch is no wall to stand at, however the plan is turned") {
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  const Rule* rule = rs.find("gb50763.door.latch_side");
  REQUIRE(rule);
  const double min = rule->mm("min");
  // A balcony east of the hall, reached by a swing door (y 400 … 1200, latch end at y = 1200,
  // swinging into the hall) and, farther along the wall, an archway with a step and a ramp down
  // into the hall (1000 wide, its run 600 long): the wall beside the latch ends where the run begins.
  auto flat = [&](double clear, bool placed) {
    probes::Flat f;
    f.room("balcony", RoomType::balcony, 3000, 0, 1500, 3000);
    Door& d = f.door("d-balcony", "hall", "balcony", {3000, 800}, 800, DoorType::swing);
    d.swing_into = "hall";
    d.latch_side = Side::left;  // facing the door from the hall (east): north, y = 1200
    Ramp& r = f.ramp("r1", {"hall", "balcony"}, 50, 600, 1000, 1500);
    r.at = Point2{3000, 1200 + clear + 500};
    if (placed) r.in = "hall";
    f.c.occupants = {probes::needing("wheelchair")};
    return f.c;
  };
  auto latch = [&](const Case& c) -> std::optional<double> {
    for (const Finding& f : check(c, rs).findings)
      if (f.rule_id == rule->id && f.element == "d-balcony") return f.measured.get<double>();
    return std::nullopt;
  };
  for (const Transform& t : {Transform{}, Transform{1, false, {0, 0}}, Transform{2, true, {500, 0}},
                             Transform{3, true, {0, 0}}, Transform{0, false, {0, 0}, 30}}) {
    CAPTURE(t.quarter_turns, t.mirror, t.degrees);
    const Case at_limit = transformed(flat(min, true), t);
    REQUIRE(read_case(serialise(at_limit)).ok());
    CHECK_FALSE(latch(at_limit));
    const auto short_by_one = latch(transformed(flat(min - 1, true), t));
    REQUIRE(short_by_one);
    CHECK(*short_by_one == Approx(min - 1).margin(t.degrees == 0 ? 0.0 : 1.0));
    // A ramp not placed in the hall takes no floor there that the plan knows of.
    CHECK_FALSE(latch(transformed(flat(min - 1, false), t)));
  }
}

TEST_CASE("a ramp placed by a corner lies on its wall, however the plan is turned") {
  // A bedroom east of the hall; the ramp's `at` 200 mm from the corner, on it, and 10 mm inside
  // the room and 5 mm from the outer wall (within the tolerance for standing on the wall): its
  // 900 mm top end is kept on the wall the two rooms share, so the run is x 3000…4200, y 0…900.
  for (const Point2 at : {Point2{3000, 200}, Point2{3000, 0}, Point2{3010, 5}}) {
    probes::Flat f;
    f.room("bed", RoomType::bedroom, 3000, 0, 3000, 3000);
    f.door("d-bed", "hall", "bed", {3000, 1500}, 900, DoorType::opening);
    Ramp& r = f.ramp("r1", {"hall", "bed"}, 100, 1200, 900, 1500);
    r.at = at;
    r.in = "bed";
    f.c.occupants = {probes::needing("wheelchair")};
    for (const Transform& t : {Transform{}, Transform{1, false, {0, 0}}, Transform{2, true, {500, 0}},
                               Transform{3, true, {0, 0}}, Transform{0, false, {0, 0}, 30}}) {
      CAPTURE(at.x, at.y, t.quarter_turns, t.mirror, t.degrees);
      const Case moved = transformed(f.c, t);
      REQUIRE(read_case(serialise(moved)).ok());
      const auto run = ramp_run(moved, moved.ramps.front());
      REQUIRE(run);
      CHECK(geometry::signed_area(*run) == Approx(1200.0 * 900));
      const Point2 middle = geometry::centroid(*run), expected = t({3600, 450});
      CHECK(middle.x == Approx(expected.x).margin(1e-6));
      CHECK(middle.y == Approx(expected.y).margin(1e-6));
    }
  }
}

TEST_CASE("a door's turning circle and ADA's manoeuvring clearance are not on a ramp's run") {
  // A sliding door into a 3000 x 3000 bedroom with a 1200 mm ramp running in from it: the floor
  // in front of the door is the run.
  auto flat = [](bool placed) {
    probes::Flat f;
    f.room("bed", RoomType::bedroom, 3000, 0, 3000, 3000);
    f.door("d-bed", "hall", "bed", {3000, 1500}, 900, DoorType::sliding);
    Ramp& r = f.ramp("r1", {"hall", "bed"}, 100, 1200, 900, 1500);
    r.at = Point2{3000, 1500};
    if (placed) r.in = "bed";
    f.c.occupants = {probes::needing("wheelchair")};
    return f.c;
  };
  for (const std::string standard : {"GB50763-2012", "ADA-2010"}) {
    CAPTURE(standard);
    auto side_fails = [&](const Case& c) {
      for (const Finding& f : check(c, builtin_ruleset(standard)).findings)
        if (f.check == "door.turning_space" && f.element == "d-bed") return f.room == "bed";
      return false;
    };
    CHECK_FALSE(side_fails(flat(false)));
    CHECK(side_fails(flat(true)));
  }
}
