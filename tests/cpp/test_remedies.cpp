// Every remedy changes the model as check-kinds.md says, so that the check it
// targets passes when the changed home is checked again: applied to a probe
// flat just past a rule's limit, the finding is gone (or, for a partial
// remedy, less severe). A remedy kind that resolves nothing fails the test.
#include <barrierfree/geometry/operations.hpp>
#include <barrierfree/model/plan_geometry.hpp>
#include <barrierfree/plan/plan.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <string_view>

#include "plan/remedies.hpp"
#include <barrierfree/rules/occupants.hpp>

#include "probes.hpp"
#include "test_support.hpp"

#include <sstream>

using namespace barrierfree;
using namespace probes;

namespace {

const Finding* finding_of(const CheckResult& r, const Rule& rule, const std::string& element) {
  for (const Finding& f : r.findings)
    if (f.rule_id == rule.id && f.element == element) return &f;
  return nullptr;
}

/// Whether checking `c` under `rs` finds something of `kind` (about `element`, where one is given).
bool finds(const Case& c, const Ruleset& rs, std::string_view kind, std::string_view element = {}) {
  const CheckResult r = check(c, rs);
  return std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& x) {
    return x.check == kind && (element.empty() || x.element == element);
  });
}

Case past_case(const Probe& probe, const Rule& rule) {
  Flat f;
  probe.build(f, true);
  f.c.occupants = {needing(rule.applies.begin()->first)};
  return f.c;
}

}  // namespace

TEST_CASE("every remedy kind resolves the checks it targets") {
  const auto factories = probes::factories();
  std::set<std::string> resolving, reducing;
  for (const std::string& id : builtin_ruleset_ids()) {
    const Ruleset& rs = builtin_ruleset(id);
    for (const Rule& rule : rs.rules) {
      const Probe probe = factories.at(rule.check)(rs, rule);
      const Case before = past_case(probe, rule);
      const CheckResult checked = check(before, rs);
      const Finding* f = finding_of(checked, rule, probe.element);
      REQUIRE(f);
      for (const std::string& remedy : rule.remedies) {
        CAPTURE(rs.id, rule.id, remedy);
        const std::string target = planning::remedy_target(before, remedy, f->element, f->room);
        const auto applied = planning::apply(before, rs, builtin_catalog(), remedy, target);
        if (!applied) continue;  // does not apply to this probe (e.g. no leaf to remove from a sliding door)
        REQUIRE(read_case(serialise(applied->modified)).ok());  // the changed home is a valid case
        const CheckResult after = check(applied->modified, rs);
        const Finding* g = finding_of(after, rule, probe.element);
        if (!g) resolving.insert(remedy);
        else if (g->weight() < f->weight()) reducing.insert(remedy);
      }
    }
  }
  // The two that need a room of their own: furniture and walls.
  SECTION("furniture.move: a table in the middle of a room") {
    Flat f;
    f.room("living", RoomType::living, 3000, 0, 3000, 3000);
    f.door("d-living", "hall", "living", {3000, 1500}, 900, DoorType::opening);
    f.fixture("table", FixtureType::table, "living", {4500, 1500}, 800, 800, 0);
    f.c.occupants = {needing("wheelchair")};
    const Ruleset& rs = builtin_ruleset("GB50763-2012");
    auto has_turning = [&](const Case& c) { return finds(c, rs, "turning_space", "living"); };
    REQUIRE(has_turning(f.c));
    const auto moved = planning::apply(f.c, rs, builtin_catalog(), "furniture.move", "living");
    REQUIRE(moved);
    CHECK_FALSE(has_turning(moved->modified));
    CHECK(moved->measures.at("fixtures_moved") == 1);
    resolving.insert("furniture.move");
  }
  SECTION("bathroom.enlarge: a bathroom 100 mm too narrow, next to a bedroom") {
    Flat f;
    f.room("bath", RoomType::bathroom, 3000, 0, 1400, 2500);
    f.room("bed", RoomType::bedroom, 4400, 0, 4000, 2500);
    f.door("d-bath", "hall", "bath", {3000, 1250}, 900, DoorType::sliding);
    f.door("d-bed", "hall", "bed", {3000, 2750}, 900, DoorType::sliding);
    f.c.rooms.back().polygon = {{4400, 0}, {8400, 0}, {8400, 3000}, {3000, 3000}, {3000, 2500}, {4400, 2500}};
    f.c.rooms.back().rect.reset();
    f.c.occupants = {needing("wheelchair")};
    const Ruleset& rs = builtin_ruleset("GB50763-2012");
    REQUIRE(read_case(serialise(f.c)).ok());
    auto has_turning = [&](const Case& c) { return finds(c, rs, "turning_space", "bath"); };
    REQUIRE(has_turning(f.c));
    const auto enlarged = planning::apply(f.c, rs, builtin_catalog(), "bathroom.enlarge", "bath");
    REQUIRE(enlarged);
    REQUIRE(read_case(serialise(enlarged->modified)).ok());  // still no overlapping rooms
    CHECK_FALSE(has_turning(enlarged->modified));
    CHECK(enlarged->measures.at("added_area") == Approx(0.25));  // pushed 100 mm along 2.5 m
    resolving.insert("bathroom.enlarge");
  }
  // Every remedy of check-kinds.md resolves something; the commode chair is a
  // partial remedy by design (it lowers the severity of a squat toilet).
  for (auto remedy : remedy_kinds()) {
    CAPTURE(remedy);
    if (remedy == "furniture.move" || remedy == "bathroom.enlarge") continue;  // their own sections
    if (remedy == "toilet.commode_chair") CHECK(reducing.count("toilet.commode_chair") == 1);
    else CHECK(resolving.count(std::string(remedy)) == 1);
  }
}

TEST_CASE("a remedy that does not apply gives nothing") {
  Flat f;
  f.c.occupants = {needing("wheelchair")};
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  const Catalog& cat = builtin_catalog();
  CHECK_FALSE(planning::apply(f.c, rs, cat, "door.widen", "no-such-door"));
  CHECK_FALSE(planning::apply(f.c, rs, cat, "door.sliding", "d-entry"));      // already sliding
  CHECK_FALSE(planning::apply(f.c, rs, cat, "door.remove_leaf", "d-entry"));  // never the flat's own door
  CHECK_FALSE(planning::apply(f.c, rs, cat, "threshold.remove", "d-entry"));  // already flush
  CHECK_FALSE(planning::apply(f.c, rs, cat, "toilet.seated", "hall"));        // not a toilet
  CHECK_FALSE(planning::apply(f.c, rs, cat, "call.install", "home"));         // no bedroom or bathroom
  CHECK_FALSE(planning::apply(f.c, rs, cat, "furniture.move", "hall"));       // nothing to move
}

TEST_CASE("call buttons go where the people they are for sleep, where the case says so") {
  // GB 50763 3.12.4-4: in the bedrooms and the bathroom. A spare bedroom calls nobody.
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  const Catalog& cat = builtin_catalog();
  Flat f;
  f.bathroom();
  f.room("bed1", RoomType::bedroom, 0, 3000, 3000, 3000);
  f.door("d-bed1", "hall", "bed1", {1500, 3000}, 1000, DoorType::sliding);
  f.room("bed2", RoomType::bedroom, 3000, 3000, 3000, 3000);
  f.door("d-bed2", "bath", "bed2", {4500, 3000}, 1000, DoorType::sliding);
  Occupant p1 = needing("bedbound");
  Occupant carer = needing_nothing();
  carer.id = "p2";
  carer.bedroom = "bed2";
  auto rooms_asked = [&](const Case& c) {
    const CheckResult r = check(c, rs);
    const auto x = std::find_if(r.findings.begin(), r.findings.end(), [](const Finding& g) { return g.check == "safety.call"; });
    std::vector<std::string> rooms;
    if (x != r.findings.end()) rooms = x->detail.at("rooms").get<std::vector<std::string>>();
    return rooms;
  };
  auto installed = [&](const Case& c) {
    const auto a = planning::apply(c, rs, cat, "call.install", "home");
    std::vector<std::string> rooms;
    if (a)
      for (const Device& d : a->modified.devices)
        if (d.type == DeviceType::call_button) rooms.push_back(d.room);
    return rooms;
  };
  SECTION("without bedrooms given: every bedroom") {
    f.c.occupants = {p1, carer};
    CHECK(rooms_asked(f.c) == std::vector<std::string>{"bath", "bed1", "bed2"});
    CHECK(installed(f.c) == std::vector<std::string>{"bath", "bed1", "bed2"});
  }
  SECTION("the person concerned sleeps in bed1: bed1 and the bathroom, not the carer's room") {
    p1.bedroom = "bed1";
    f.c.occupants = {p1, carer};
    CHECK(rooms_asked(f.c) == std::vector<std::string>{"bath", "bed1"});
    CHECK(installed(f.c) == std::vector<std::string>{"bath", "bed1"});
    SECTION("a call button there already: only the bathroom") {
      f.device("call-bed1", DeviceType::call_button, "bed1");
      CHECK(rooms_asked(f.c) == std::vector<std::string>{"bath"});
    }
  }
  SECTION("a bed in the hall: the hall is where the call must reach") {
    p1.bedroom = "hall";
    f.c.occupants = {p1};
    CHECK(rooms_asked(f.c) == std::vector<std::string>{"bath", "hall"});
    CHECK(installed(f.c) == std::vector<std::string>{"bath", "hall"});
  }
  SECTION("two people concerned, one bedroom not given: every bedroom") {
    p1.bedroom = "bed1";
    Occupant p3 = needing("wheelchair");
    p3.id = "p3";
    f.c.occupants = {p1, p3};
    CHECK(rooms_asked(f.c) == std::vector<std::string>{"bath", "bed1", "bed2"});
  }
  SECTION("a bedroom that is no room of the plan, or empty, is refused with its pointer") {
    p1.bedroom = "bed9";
    f.c.occupants = {p1};
    ReadResult bad = read_case(serialise(f.c));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.errors.front().path == "/occupants/0/bedroom");
    f.c.occupants[0].bedroom = "";
    bad = read_case(serialise(f.c));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.errors.front().path == "/occupants/0/bedroom");
  }
  SECTION("kept when written and read again") {
    p1.bedroom = "bed1";
    f.c.occupants = {p1};
    const ReadResult again = read_case(serialise(f.c));
    REQUIRE(again.ok());
    CHECK(again.value->occupants[0].bedroom == "bed1");
  }
}

TEST_CASE("a door leaf stays where a curtain would not do: balconies and kitchens with a gas stove") {
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  const Catalog& cat = builtin_catalog();
  Flat f;
  f.c.occupants = {needing("wheelchair")};
  f.room("balcony", RoomType::balcony, 0, -1500, 3000, 1500);
  f.room("kitchen", RoomType::kitchen, 3000, 0, 2400, 3000);
  f.room("bed", RoomType::bedroom, 0, 3000, 3000, 3000);
  f.door("d-balcony", "hall", "balcony", {1000, 0}, 800, DoorType::swing).swing_into = "balcony";
  f.door("d-kitchen", "hall", "kitchen", {3000, 1500}, 800, DoorType::swing).swing_into = "kitchen";
  f.door("d-bed", "hall", "bed", {1500, 3000}, 800, DoorType::swing).swing_into = "bed";
  f.c.doors[0].at = {2500, 0};  // the entrance beside the balcony door
  Fixture& stove = f.fixture("stove", FixtureType::stove, "kitchen", {5100, 1500}, 800, 600, 180);
  CHECK_FALSE(planning::apply(f.c, rs, cat, "door.remove_leaf", "d-balcony"));  // rain and cold
  CHECK(planning::apply(f.c, rs, cat, "door.remove_leaf", "d-bed"));
  CHECK_FALSE(planning::apply(f.c, rs, cat, "door.remove_leaf", "d-kitchen"));  // fuel unknown: as gas
  stove.fuel = Fuel::gas;
  CHECK_FALSE(planning::apply(f.c, rs, cat, "door.remove_leaf", "d-kitchen"));
  f.c.fixtures.back().fuel = Fuel::electric;
  CHECK(planning::apply(f.c, rs, cat, "door.remove_leaf", "d-kitchen"));
  // Sliding the leaf stays possible.
  CHECK(planning::apply(f.c, rs, cat, "door.sliding", "d-balcony"));
}

TEST_CASE("applying a remedy changes the model as documented") {
  Flat f;
  f.room("bath", RoomType::bathroom, 3000, 0, 2000, 2000);
  Door& d = f.door("d-bath", "hall", "bath", {3000, 1000}, 700, DoorType::swing);
  d.swing_into = "bath";
  d.threshold = Length::mm(60);
  d.handle = HandleType::knob;
  Fixture& pan = f.fixture("pan", FixtureType::toilet, "bath", {4500, 350}, 400, 700, 90);
  pan.kind = ToiletKind::squat;
  f.c.occupants = {needing("wheelchair")};
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  const Catalog& cat = builtin_catalog();
  auto door = [](const Case& c) { return *c.find_door("d-bath"); };
  CHECK(door(planning::apply(f.c, rs, cat, "door.widen", "d-bath")->modified).clear_width->mm() == 900);  // the preferred width
  const Door sliding = door(planning::apply(f.c, rs, cat, "door.sliding", "d-bath")->modified);
  CHECK(sliding.type == DoorType::sliding);
  CHECK_FALSE(sliding.swing_into);
  CHECK(sliding.clear_width->mm() == 740);  // the catalogue's 40 mm gain
  CHECK(door(planning::apply(f.c, rs, cat, "threshold.remove", "d-bath")->modified).threshold->mm() == 0);
  CHECK(door(planning::apply(f.c, rs, cat, "threshold.ramp", "d-bath")->modified).threshold_ramp == true);
  const Door lever = door(planning::apply(f.c, rs, cat, "door.lever_handle", "d-bath")->modified);
  CHECK(lever.handle == HandleType::lever);
  const Fixture seated = *planning::apply(f.c, rs, cat, "toilet.seated", "pan")->modified.find_fixture("pan");
  CHECK(seated.kind == ToiletKind::seated);
  CHECK(seated.seat_height->mm() == 450);
  const auto bars = planning::apply(f.c, rs, cat, "grab_bar.install", "pan");
  CHECK(bars->measures.at("bars") == 2);  // GB 50763: a horizontal and a vertical bar
  CHECK(bars->modified.grab_bars.size() == 2);
  SECTION("a bar in the wrong place is replaced, not kept beside the new ones") {
    Case c = f.c;
    GrabBar wrong;
    wrong.id = "old";
    wrong.room = "bath";
    wrong.from = {4950, 100};
    wrong.to = {4950, 500};
    wrong.height = Length::mm(900);
    wrong.serves = "pan";
    c.grab_bars.push_back(wrong);
    const auto again = planning::apply(c, rs, cat, "grab_bar.install", "pan");
    CHECK(std::none_of(again->modified.grab_bars.begin(), again->modified.grab_bars.end(),
                       [](const GrabBar& g) { return g.id == "old"; }));
  }
}

namespace {

/// The hall (3000 × 3000, from Flat) and a balcony `depth` deep east of it, through an 800 mm
/// opening at the middle of their wall, with a step of `rise` there.
Flat balcony_step(double depth, double rise = 150, double door_y = 1500) {
  Flat f;
  f.room("balcony", RoomType::balcony, 3000, 0, depth, 3000);
  f.door("d-balcony", "hall", "balcony", {3000, door_y}, 800, DoorType::opening);
  f.c.steps.push_back(Step{"s1", {"hall", "balcony"}, Point2{3000, door_y}, 1, Length::mm(rise), std::nullopt, std::nullopt});
  f.c.occupants = {needing("wheelchair")};
  return f;
}

const Ramp& built_ramp(const planning::Applied& a) {
  REQUIRE(a.modified.ramps.size() == 1);
  return a.modified.ramps.front();
}

}  // namespace

TEST_CASE("a planned ramp is designed at 1:12 where it fits with landings as long as at the steepest slope") {
  // GB 50763 Table 3.4.4 allows 1:8 up to a 300 mm rise; a wheelchair user alone climbs 1:12.
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  const Catalog& cat = builtin_catalog();
  REQUIRE(cat.find("ramp.build")->param("design_run", 0) == 12);
  const double landing = rs.first("ramp.landing")->mm("min");
  const double gentle = 150 * 12, steep = 150 * 8;
  auto build = [&](double depth, const Catalog& with) {
    Flat f = balcony_step(depth);
    f.c.steps.front().lower = "balcony";
    const auto a = planning::apply(f.c, rs, with, "ramp.build", "s1");
    REQUIRE(a);
    REQUIRE(a->modified.ramps.size() == 1);
    return *a;
  };
  SECTION("a balcony as deep as the 1:12 run and its landing: 1:12, compliant") {
    const auto a = build(gentle + landing, cat);
    const Ramp& r = a.modified.ramps.front();
    CHECK(r.length.mm() == gentle);
    CHECK(r.landing_bottom->mm() == landing);
    CHECK(a.measures.at("ramp_length") == Approx(gentle / 1000));
    const CheckResult after = check(a.modified, rs);
    CHECK_FALSE(std::any_of(after.findings.begin(), after.findings.end(),
                            [](const Finding& x) { return x.check.rfind("ramp.", 0) == 0; }));
  }
  SECTION("1 mm shallower: 1:12 would leave a shorter landing than 1:8, so 1:8 with its full landing") {
    const Ramp r = build(gentle + landing - 1, cat).modified.ramps.front();
    CHECK(r.length.mm() == steep);
    CHECK(r.landing_bottom->mm() == landing);
  }
  SECTION("room for the 1:8 run only: 1:8, its landing what is left") {
    const Ramp r = build(steep + 100, cat).modified.ramps.front();
    CHECK(r.length.mm() == steep);
    CHECK(r.landing_bottom->mm() == 100);
  }
  SECTION("a catalogue without a design slope: the steepest the ruleset allows") {
    Catalog plain = cat;
    for (CatalogItem& i : plain.items) i.params.erase("design_run");
    CHECK(build(gentle + landing, plain).modified.ramps.front().length.mm() == steep);
  }
  SECTION("entrance steps outside the plan: the ramp is billed at 1:12") {
    Flat f;
    f.c.occupants = {needing("wheelchair")};
    f.c.building = Building{};
    f.c.building->storey = 1;
    f.c.building->entrance_steps = EntranceSteps{};
    f.c.building->entrance_steps->count = 2;
    f.c.building->entrance_steps->rise = Length::mm(150);
    const auto a = planning::apply(f.c, rs, cat, "ramp.build", "building");
    REQUIRE(a);
    CHECK(a->measures.at("ramp_length") == Approx(2 * gentle / 1000));
  }
}

TEST_CASE("a planned ramp lies where its run and landings fit, and says how long they can be") {
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  const Catalog& cat = builtin_catalog();
  const Rule* landing_rule = rs.first("ramp.landing");
  REQUIRE(landing_rule);
  const double landing = landing_rule->mm("min");
  // The run the ruleset asks for at this rise, as the remedy works it out.
  const auto probe = planning::apply(balcony_step(3000).c, rs, cat, "ramp.build", "s1");
  REQUIRE(probe);
  const double run = built_ramp(*probe).length.mm();
  REQUIRE(run > 0);
  REQUIRE(run + landing < 3000);  // the hall holds a compliant ramp

  SECTION("a balcony exactly as deep as the top landing: the ramp runs into the hall, compliant") {
    const auto a = planning::apply(balcony_step(landing).c, rs, cat, "ramp.build", "s1");
    REQUIRE(a);
    const Ramp& r = built_ramp(*a);
    CHECK(r.in == "hall");
    CHECK(r.landing_top->mm() == landing);
    CHECK(r.landing_bottom->mm() == landing);
    const CheckResult after = check(a->modified, rs);
    CHECK_FALSE(std::any_of(after.findings.begin(), after.findings.end(), [](const Finding& x) {
      return x.check == "ramp.landing" || x.check == "route.step";
    }));
  }
  SECTION("1 mm shallower: the top landing is as long as the balcony, and the check says so") {
    const auto a = planning::apply(balcony_step(landing - 1).c, rs, cat, "ramp.build", "s1");
    REQUIRE(a);
    const Ramp& r = built_ramp(*a);
    CHECK(r.in == "hall");
    CHECK(r.landing_top->mm() == landing - 1);
    const CheckResult after = check(a->modified, rs);
    const auto f = std::find_if(after.findings.begin(), after.findings.end(),
                                [](const Finding& x) { return x.check == "ramp.landing"; });
    REQUIRE(f != after.findings.end());
    CHECK(f->measured == landing - 1);
  }
  SECTION("a wardrobe in the hall exactly the run and a landing from the wall, then 1 mm nearer") {
    for (const double gap : {run + landing, run + landing - 1}) {
      CAPTURE(gap);
      Flat f = balcony_step(landing);
      // 600 deep, its face `gap` from the balcony wall (x = 3000), across the opening.
      f.fixture("wardrobe", FixtureType::wardrobe, "hall", {3000 - gap - 300, 1500}, 2000, 600, 0);
      const auto a = planning::apply(f.c, rs, cat, "ramp.build", "s1");
      REQUIRE(a);
      const Ramp& r = built_ramp(*a);
      CHECK(r.in == "hall");
      CHECK(r.landing_bottom->mm() == std::min(landing, gap - run));
    }
  }
  SECTION("a shallow hall: the ramp goes down onto the balcony instead") {
    Flat f = balcony_step(run + landing);
    f.fixture("wardrobe", FixtureType::wardrobe, "hall", {3000 - run / 2 - 300, 1500}, 2000, 600, 0);
    const auto a = planning::apply(f.c, rs, cat, "ramp.build", "s1");
    REQUIRE(a);
    const Ramp& r = built_ramp(*a);
    CHECK(r.in == "balcony");
    CHECK(r.landing_bottom->mm() == landing);
    CHECK(r.landing_top->mm() == std::floor(run / 2));
  }
  SECTION("a door beside the hall's corner: the ramp is as wide as the rule asks, set along the wall") {
    // The opening spans y = 0 … 800; a 1000 mm ramp centred on it would cross the hall's wall.
    const auto a = planning::apply(balcony_step(landing, 150, 400).c, rs, cat, "ramp.build", "s1");
    REQUIRE(a);
    const Ramp& r = built_ramp(*a);
    CHECK(r.in == "hall");
    CHECK(r.landing_top->mm() == landing);
    REQUIRE(r.width);
    CHECK(r.at->x == 3000);
    CHECK(r.at->y == Approx(r.width->mm() / 2));  // its middle, where it is drawn
  }
  SECTION("a step without a door, a wardrobe in front of it: the ramp goes beside it, and stands there") {
    Flat f = balcony_step(run - 1);
    f.c.doors.pop_back();  // an open archway
    // Its face 1000 mm from the wall, from the step's point (y = 1500) on to y = 2700.
    f.fixture("wardrobe", FixtureType::wardrobe, "hall", {1700, 2100}, 1200, 600, 0);
    const auto a = planning::apply(f.c, rs, cat, "ramp.build", "s1");
    REQUIRE(a);
    const Ramp& r = built_ramp(*a);
    CHECK(r.in == "hall");
    REQUIRE(r.width);
    CHECK(r.at->x == 3000);
    CHECK(r.at->y == Approx(1500 - r.width->mm() / 2));  // the middle of the band measured
    CHECK(r.landing_bottom->mm() == std::min(landing, 3000 - run));
    REQUIRE(read_case(serialise(a->modified)).ok());
  }
  SECTION("a door wider than the ramp: the ramp covers the whole opening") {
    // A 1200 mm opening; a wardrobe 1000 mm from the wall covers only the opening's last 100 mm,
    // beside where a 1000 mm ramp centred on the door would run. The run does not fit in the
    // hall, so it goes onto the (deep) balcony.
    Flat f = balcony_step(3000);
    f.c.doors.back().clear_width = Length::mm(1200);
    f.fixture("wardrobe", FixtureType::wardrobe, "hall", {1700, 2150}, 300, 600, 0);
    const auto a = planning::apply(f.c, rs, cat, "ramp.build", "s1");
    REQUIRE(a);
    CHECK(built_ramp(*a).in == "balcony");
    CHECK(built_ramp(*a).landing_top->mm() == 1000);
  }
  SECTION("turned by 30 degrees, the same ramp in the same room with the same landings") {
    Flat f = balcony_step(landing);
    f.fixture("wardrobe", FixtureType::wardrobe, "hall", {3000 - (run + landing - 200) - 300, 1500}, 2000, 600, 0);
    const auto upright = planning::apply(f.c, rs, cat, "ramp.build", "s1");
    const double c30 = std::cos(Angle::pi / 6), s30 = std::sin(Angle::pi / 6);
    auto turn = [&](Point2 p) { return Point2{c30 * p.x - s30 * p.y + 100000, s30 * p.x + c30 * p.y - 7000}; };
    Case turned = f.c;
    for (Room& room : turned.rooms) {
      for (Point2& p : room.polygon) p = turn(p);
      room.rect.reset();
    }
    for (Door& d : turned.doors) d.at = turn(d.at);
    for (Step& s : turned.steps) s.at = turn(*s.at);
    for (Fixture& x : turned.fixtures) {
      x.at = turn(x.at);
      x.facing = x.facing_or_default() + 30;
    }
    REQUIRE(read_case(serialise(turned)).ok());
    const auto moved = planning::apply(turned, rs, cat, "ramp.build", "s1");
    REQUIRE(upright);
    REQUIRE(moved);
    CHECK(built_ramp(*moved).in == built_ramp(*upright).in);
    CHECK(built_ramp(*moved).landing_bottom->mm() == Approx(built_ramp(*upright).landing_bottom->mm()).margin(1));
    CHECK(built_ramp(*moved).landing_bottom->mm() == Approx(landing - 200).margin(1));
    CHECK(built_ramp(*moved).landing_top->mm() == Approx(built_ramp(*upright).landing_top->mm()).margin(1));
  }
  SECTION("a step to outside: the ramp goes on the side the plan shows, unless outside is lower") {
    Flat f;
    f.c.occupants = {needing("wheelchair")};
    f.c.steps.push_back(Step{"s1", {std::string(outside_id), "hall"}, Point2{1500, 0}, 1, Length::mm(150), std::nullopt, std::nullopt});
    const auto inside = planning::apply(f.c, rs, cat, "ramp.build", "s1");
    REQUIRE(inside);
    CHECK(built_ramp(*inside).in == "hall");
    CHECK(built_ramp(*inside).landing_bottom->mm() == std::min(landing, 3000 - run));
    f.c.steps.front().lower = std::string(outside_id);
    const auto out = planning::apply(f.c, rs, cat, "ramp.build", "s1");
    REQUIRE(out);
    CHECK(built_ramp(*out).in == outside_id);
    CHECK(built_ramp(*out).landing_bottom->mm() == landing);  // outside the plan: as the rule asks
    CHECK(built_ramp(*out).landing_top->mm() == landing);     // the hall is 3000 deep
  }
  SECTION("a hall exactly as deep as the run: the ramp fits there, without a bottom landing") {
    Flat f = balcony_step(run - 1);
    f.fixture("wardrobe", FixtureType::wardrobe, "hall", {3000 - run - 300, 1500}, 2000, 600, 0);
    const auto a = planning::apply(f.c, rs, cat, "ramp.build", "s1");
    REQUIRE(a);
    CHECK(built_ramp(*a).in == "hall");
    CHECK(built_ramp(*a).landing_bottom->mm() == 0);
    CHECK(built_ramp(*a).landing_top->mm() == run - 1);
  }
  SECTION("a step that says which floor is lower: the ramp is built up from it, even where it fits worse") {
    Flat f = balcony_step(landing);  // the hall holds a compliant ramp, the balcony only its run
    f.c.steps.front().lower = "balcony";
    const auto a = planning::apply(f.c, rs, cat, "ramp.build", "s1");
    REQUIRE(a);
    CHECK(built_ramp(*a).in == "balcony");
    CHECK(built_ramp(*a).landing_bottom->mm() == landing - run);
    CHECK(built_ramp(*a).landing_top->mm() == landing);
    // Lower on a side too shallow for the run: no ramp at all, though the other side has room.
    Flat g = balcony_step(run - 1);
    g.c.steps.front().lower = "balcony";
    std::string why_not;
    CHECK_FALSE(planning::apply(g.c, rs, cat, "ramp.build", "s1", &why_not));
    CHECK(why_not == "no_space");
  }
  SECTION("no room for the run on either side: no ramp, and the plan says why") {
    Flat f = balcony_step(run - 1);
    f.fixture("wardrobe", FixtureType::wardrobe, "hall", {3000 - (run - 1) - 300, 1500}, 2000, 600, 0);
    std::string why_not;
    CHECK_FALSE(planning::apply(f.c, rs, cat, "ramp.build", "s1", &why_not));
    CHECK(why_not == "no_space");
    PlanOptions o;
    o.no_budget = true;
    const PlanResult p = plan(f.c, rs, cat, builtin_regions(), o);
    CHECK(p.plan.verified);
    const auto left = std::find_if(p.plan.residual.begin(), p.plan.residual.end(),
                                   [](const Residual& x) { return x.finding.check == "route.step"; });
    REQUIRE(left != p.plan.residual.end());
    CHECK(left->reason == "no_space");
  }
}

TEST_CASE("a planned ramp lies where it was measured, on a wall drawn in two pieces") {
  // The balcony's wall to the hall has a vertex 100 mm past the door's middle (an outline drawn
  // in pieces): the wall is still one straight wall, and the ramp stays centred on the door,
  // clear of a wardrobe beside it, as ramp.build measured it.
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  Flat f = balcony_step(3000, 100);
  f.c.steps.front().lower = "balcony";
  Room& b = f.c.rooms.back();
  b.rect.reset();
  b.polygon = {{3000, 0}, {6000, 0}, {6000, 3000}, {3000, 3000}, {3000, 1600}};
  f.fixture("wardrobe", FixtureType::wardrobe, "balcony", {3300, 2450}, 900, 600, 0);
  REQUIRE(read_case(serialise(f.c)).ok());
  const auto a = planning::apply(f.c, rs, builtin_catalog(), "ramp.build", "s1");
  REQUIRE(a);
  const Ramp& r = built_ramp(*a);
  REQUIRE(r.in == "balcony");
  const auto frame = ramp_frame(a->modified, r);
  REQUIRE(frame);
  CHECK(distance(frame->top, *r.at) < 1e-6);
  CHECK(r.at->y == Approx(1500));
  const auto run = ramp_run(a->modified, r);
  REQUIRE(run);
  CHECK(geometry::overlap_area(*run, footprint(*a->modified.find_fixture("wardrobe"))) == Approx(0).margin(1.0));
}

TEST_CASE("a ramp is rebuilt where it stands: measured on the plan only where the case says which room that is") {
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  const Catalog& cat = builtin_catalog();
  Flat f = balcony_step(1500);
  f.c.steps.clear();
  // Too steep (150 over 600), with landings measured on site.
  f.ramp("r1", {"hall", "balcony"}, 150, 600, 1000, 2000).at = Point2{3000, 1500};
  SECTION("without its room: its own landings are kept") {
    const auto a = planning::apply(f.c, rs, cat, "ramp.rebuild", "r1");
    REQUIRE(a);
    const Ramp& r = a->modified.ramps.front();
    CHECK_FALSE(r.in);
    CHECK(r.length.mm() > 600);
    CHECK(r.landing_top->mm() == 2000);
    CHECK(r.landing_bottom->mm() == 2000);
  }
  SECTION("in the hall: the landings are what the floor there allows") {
    f.c.ramps.front().in = "hall";
    const auto a = planning::apply(f.c, rs, cat, "ramp.rebuild", "r1");
    REQUIRE(a);
    const Ramp& r = a->modified.ramps.front();
    CHECK(r.in == "hall");
    CHECK(r.landing_bottom->mm() == std::min(2000.0, 3000 - r.length.mm()));
    CHECK(r.landing_top->mm() == 1500);  // the balcony's depth
  }
  SECTION("on the balcony, already as long as the floor allows: nothing to rebuild, for want of space") {
    f.c.ramps.front().in = "balcony";
    const auto once = planning::apply(f.c, rs, cat, "ramp.rebuild", "r1");
    REQUIRE(once);
    std::string why_not;
    CHECK_FALSE(planning::apply(once->modified, rs, cat, "ramp.rebuild", "r1", &why_not));
    CHECK(why_not == "no_space");
    // Given off the door's middle, the same ramp would only have its middle recorded: no change.
    Case off = once->modified;
    off.ramps.front().at = Point2{3000, 1450};
    why_not.clear();
    CHECK_FALSE(planning::apply(off, rs, cat, "ramp.rebuild", "r1", &why_not));
    CHECK(why_not == "no_space");
  }
}

TEST_CASE("a planned ramp's room survives writing and reading, and must be one of its rooms") {
  Flat f = balcony_step(1500);
  f.c.steps.front().lower = "hall";
  {
    const ReadResult step_back = read_case(serialise(f.c));
    REQUIRE(step_back.ok());
    CHECK(step_back.value->steps.front().lower == "hall");
    Case wrong = f.c;
    wrong.steps.front().lower = "balcon";
    const ReadResult bad = read_case(serialise(wrong));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.errors.front().path == "/steps/0/lower");
    CHECK(bad.errors.front().message.find("did you mean \"balcony\"") != std::string::npos);
  }
  const auto a = planning::apply(f.c, builtin_ruleset("GB50763-2012"), builtin_catalog(), "ramp.build", "s1");
  REQUIRE(a);
  const std::string text = serialise(a->modified);
  const ReadResult back = read_case(text);
  REQUIRE(back.ok());
  CHECK(back.value->ramps.front().in == "hall");
  Case wrong = a->modified;
  wrong.ramps.front().in = "kitchen";
  const ReadResult bad = read_case(serialise(wrong));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.errors.front().path == "/ramps/0/in");
}

TEST_CASE("raising a balcony's floor removes its step, only where nothing else changes level with it") {
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  const Catalog& cat = builtin_catalog();
  const double max_rise = cat.find("floor.raise")->param("max_rise_mm", 0);
  REQUIRE(max_rise > 0);
  auto balcony = [&](double rise) {
    Flat f = balcony_step(1500, rise);
    f.c.steps.front().lower = "balcony";
    f.c.rooms.back().floor = Floor{false, true};
    return f;
  };
  auto has = [&](const Case& c, std::string_view kind) { return finds(c, rs, kind); };
  SECTION("a rise exactly at the catalogue's limit: the step is gone, the new floor anti-slip, priced by its area") {
    Flat f = balcony(max_rise);
    REQUIRE(has(f.c, "route.step"));
    REQUIRE(has(f.c, "floor.slip"));
    const auto a = planning::apply(f.c, rs, cat, "floor.raise", "s1");
    REQUIRE(a);
    CHECK(a->modified.steps.empty());
    CHECK(a->modified.ramps.empty());
    CHECK(a->measures.at("floor_area") == Approx(1.5 * 3.0));
    CHECK_FALSE(has(a->modified, "route.step"));
    CHECK_FALSE(has(a->modified, "floor.slip"));
    REQUIRE(read_case(serialise(a->modified)).ok());
  }
  SECTION("1 mm higher: not this remedy") {
    CHECK_FALSE(planning::apply(balcony(max_rise + 1).c, rs, cat, "floor.raise", "s1"));
  }
  SECTION("a step that does not say which floor is lower, or whose lower side is the hall: not raised") {
    Flat f = balcony(100);
    f.c.steps.front().lower.reset();
    CHECK_FALSE(planning::apply(f.c, rs, cat, "floor.raise", "s1"));
    // The hall has the flat's own door: raising it would make a step there.
    f.c.steps.front().lower = "hall";
    CHECK_FALSE(planning::apply(f.c, rs, cat, "floor.raise", "s1"));
  }
  SECTION("a balcony reached from a second room too, or holding a sink: not raised") {
    Flat f = balcony(100);
    f.room("bed", RoomType::bedroom, 0, 3000, 4500, 3000);
    f.door("d-bed", "hall", "bed", {1500, 3000}, 900, DoorType::opening);
    REQUIRE(planning::apply(f.c, rs, cat, "floor.raise", "s1"));
    Flat two = f;
    two.door("d-bed-balcony", "bed", "balcony", {3750, 3000}, 800, DoorType::opening);
    REQUIRE(read_case(serialise(two.c)).ok());
    CHECK_FALSE(planning::apply(two.c, rs, cat, "floor.raise", "s1"));
    Flat sink = f;
    sink.fixture("sink", FixtureType::sink, "balcony", {4200, 2500}, 500, 400, 180);
    CHECK_FALSE(planning::apply(sink.c, rs, cat, "floor.raise", "s1"));
    Flat washer = f;  // a washing machine stands on whatever floor there is
    washer.fixture("wm", FixtureType::washing_machine, "balcony", {4200, 2500}, 600, 600, 180);
    CHECK(planning::apply(washer.c, rs, cat, "floor.raise", "s1"));
  }
  SECTION("a switch on the balcony comes as much nearer the floor; one the new floor would reach is not buried") {
    Flat f = balcony(100);
    Device& sw = f.device("sw", DeviceType::switch_, "balcony");
    sw.height = Length::mm(1200);
    const auto a = planning::apply(f.c, rs, cat, "floor.raise", "s1");
    REQUIRE(a);
    CHECK(a->modified.devices.front().height->mm() == 1100);
    f.c.devices.front().height = Length::mm(101);
    const auto just = planning::apply(f.c, rs, cat, "floor.raise", "s1");
    REQUIRE(just);
    CHECK(just->modified.devices.front().height->mm() == 1);
    f.c.devices.front().height = Length::mm(100);
    CHECK_FALSE(planning::apply(f.c, rs, cat, "floor.raise", "s1"));
  }
  SECTION("a step with no door beside it, a ramp or grab bar on the balcony: not raised") {
    Flat no_door = balcony(100);
    no_door.c.doors.erase(std::remove_if(no_door.c.doors.begin(), no_door.c.doors.end(),
                                         [](const Door& d) { return d.id == "d-balcony"; }),
                          no_door.c.doors.end());
    CHECK_FALSE(planning::apply(no_door.c, rs, cat, "floor.raise", "s1"));
    Flat ramp = balcony(100);
    ramp.ramp("r1", {"hall", "balcony"}, 100, 1200, 900, 1500).at = Point2{3000, 600};
    CHECK_FALSE(planning::apply(ramp.c, rs, cat, "floor.raise", "s1"));
    Flat bar = balcony(100);
    GrabBar g;
    g.id = "bar";
    g.room = "balcony";
    g.from = {4500, 500};
    g.to = {4500, 1100};
    g.height = Length::mm(850);
    bar.c.grab_bars.push_back(g);
    CHECK_FALSE(planning::apply(bar.c, rs, cat, "floor.raise", "s1"));
  }
  SECTION("the planner takes it where a ramp would leave the balcony no landing") {
    Flat f = balcony(100);
    PlanOptions o;
    o.no_budget = true;
    const PlanResult r = plan(f.c, rs, cat, builtin_regions(), o);
    CHECK(r.plan.verified);
    CHECK(std::any_of(r.plan.items.begin(), r.plan.items.end(),
                      [](const PlanItem& i) { return i.remedy == "floor.raise" && i.element == "s1"; }));
    CHECK(std::none_of(r.plan.items.begin(), r.plan.items.end(), [](const PlanItem& i) { return i.remedy == "ramp.build"; }));
  }
}

TEST_CASE("furniture is not moved onto a ramp's run") {
  // A bedroom 3000 x 2000 east of the hall with a 600 x 1400 wardrobe in it and a 900 mm ramp
  // running 1200 mm into it from the door: level floor 1800 x 2000. With the wardrobe on the run
  // the rest would hold a 1500 mm circle; anywhere else it does not fit.
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  Flat f;
  f.room("bed", RoomType::bedroom, 3000, 0, 3000, 2000);
  f.door("d-bed", "hall", "bed", {3000, 1000}, 900, DoorType::opening);
  f.fixture("wardrobe", FixtureType::wardrobe, "bed", {5100, 1000}, 600, 1400, 0);
  Ramp& r = f.ramp("r1", {"hall", "bed"}, 50, 1200, 900, 1500);
  r.at = Point2{3000, 1000};
  f.c.occupants = {needing("wheelchair")};
  auto turning_fails = [&](const Case& c) { return finds(c, rs, "turning_space", "bed"); };
  // Not placed, the ramp takes no floor the plan knows of: a move frees the circle.
  REQUIRE(turning_fails(f.c));
  const auto unplaced = planning::apply(f.c, rs, builtin_catalog(), "furniture.move", "bed");
  REQUIRE(unplaced);
  CHECK_FALSE(turning_fails(unplaced->modified));
  // Placed in the bedroom: no move may stand on the run, and none frees the circle.
  f.c.ramps.front().in = "bed";
  REQUIRE(read_case(serialise(f.c)).ok());
  const auto run = ramp_run(f.c, f.c.ramps.front());
  REQUIRE(run);
  REQUIRE(turning_fails(f.c));
  const auto placed = planning::apply(f.c, rs, builtin_catalog(), "furniture.move", "bed");
  const Case& after = placed ? placed->modified : f.c;
  CHECK(geometry::overlap_area(footprint(*after.find_fixture("wardrobe")), *run) <= 1.0);
  CHECK(turning_fails(after));
}

TEST_CASE("entrance steps below a flat with no lift are the foot of its stairs, not a barrier of their own") {
  // A ramp over three entrance steps was offered to flats on the 4th floor without a lift:
  // the stairs remain, and building.access counted the one barrier twice.
  const Ruleset& rs = builtin_ruleset("GB50763-2012");
  const Catalog& cat = builtin_catalog();
  Flat f;
  f.c.occupants = {needing("wheelchair")};
  f.c.building = Building{4, false, EntranceSteps{3, Length::mm(150), std::nullopt}, std::nullopt};
  auto causes = [&](const Case& c) {
    std::vector<std::string> out;
    for (const Finding& x : check(c, rs).findings)
      if (x.check == "building.access") out.push_back(x.detail.value("cause", ""));
    return out;
  };
  CHECK(causes(f.c) == std::vector<std::string>{"no_lift"});
  for (const Finding& x : check(f.c, rs).findings)
    if (x.check == "building.access") CHECK(x.detail.value("entrance_steps", 0) == 3);
  CHECK(causes(planning::apply(f.c, rs, cat, "stair_climber", "building")->modified).empty());
  // On the ground storey, or with a lift, the steps are the barrier.
  f.c.building->storey = 1;
  CHECK(causes(f.c) == std::vector<std::string>{"entrance_steps"});
  f.c.building->storey = 4;
  f.c.building->lift = true;
  CHECK(causes(f.c) == std::vector<std::string>{"entrance_steps"});
  // Whether there is a lift not known: both may be barriers.
  f.c.building->lift.reset();
  CHECK(causes(f.c).size() == 2);
}

TEST_CASE("a blind person's cane is a white cane: it says nothing of balance") {
  auto person = [](std::vector<Disability> d) {
    Occupant o;
    o.id = "p1";
    o.mobility = Mobility::cane;
    o.disabilities = std::move(d);
    return o;
  };
  auto has = [](const Occupant& o, const std::string& need) { return profile(o).needs.count(need) == 1; };
  const Occupant blind = person({{DisabilityCategory::visual, 1}});
  CHECK_FALSE(has(blind, "walking_aid"));
  CHECK_FALSE(has(blind, "poor_balance"));
  CHECK(has(blind, "blind"));
  CHECK(has(blind, "mobility_aid"));
  // Leaning on it: a physical disability too, no visual one, or said in limitations.
  CHECK(has(person({{DisabilityCategory::visual, 1}, {DisabilityCategory::physical, 3}}), "walking_aid"));
  CHECK(has(person({{DisabilityCategory::visual, 1}, {DisabilityCategory::physical, 3}}), "poor_balance"));
  CHECK(has(person({}), "poor_balance"));
  CHECK(has(person({{DisabilityCategory::hearing, 2}}), "walking_aid"));
  Occupant said = blind;
  said.limitations = std::vector<Limitation>{Limitation::blind, Limitation::poor_balance};
  CHECK(has(said, "poor_balance"));
}

TEST_CASE("someone bedbound is not asked about standing: no poor balance, whatever the grade") {
  // HM-004, bedbound and alone: nearly all of 5,876 yuan went on a seated toilet, a level shower,
  // bars and a kitchen floor, which a person who does not get up does not use.
  Occupant o;
  o.id = "p1";
  o.mobility = Mobility::bedbound;
  o.disabilities = {{DisabilityCategory::physical, 1}, {DisabilityCategory::visual, 3}};
  const Profile p = profile(o);
  CHECK(p.needs.count("bedbound") == 1);
  CHECK(p.needs.count("low_vision") == 1);  // other categories still derive theirs
  CHECK(p.needs.count("poor_balance") == 0);
  CHECK(p.needs.count("reduced_bending") == 0);
  // limited_stamina asked for a shower seat, severe_physical for a seated toilet.
  CHECK(p.needs.count("limited_stamina") == 0);
  CHECK(p.needs.count("severe_physical") == 0);
  CHECK(p.needs.count("severe") == 1);  // the call button and the controls by the bed are theirs
  // Given limitations stand.
  o.limitations = std::vector<Limitation>{Limitation::poor_balance};
  CHECK(profile(o).needs.count("poor_balance") == 1);
}

TEST_CASE("a squat toilet and a shower without a seat are no barrier to someone bedbound") {
  // HM-004 again: the plan still bought a seated toilet and a shower seat, through the severe
  // physical disability and the limited stamina derived for being bedbound.
  std::istringstream lines(test::read_file(test::source_dir() / "data" / "examples" / "huimin-52.jsonl"));
  std::string line;
  for (int i = 0; i < 4; ++i) std::getline(lines, line);
  Case c = parse_case(line);
  REQUIRE(c.id == "HM-004");
  REQUIRE(c.occupants.size() == 1);
  const auto checks_of = [](const Case& x) {
    std::set<std::string> out;
    for (const Finding& f : check(x, ruleset_for(x)).findings)
      if (f.status == Status::fail) out.insert(f.check);
    return out;
  };
  CHECK(checks_of(c).count("toilet.type") == 0);
  CHECK(checks_of(c).count("shower.seat") == 0);
  CHECK(checks_of(c).count("safety.call") == 1);
  // Getting up, with a walker, they are barriers again.
  c.occupants[0].mobility = Mobility::walker;
  CHECK(checks_of(c).count("toilet.type") == 1);
  CHECK(checks_of(c).count("shower.seat") == 1);
}
