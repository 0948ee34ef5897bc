// Every remedy changes the model as check-kinds.md says, so that the check it
// targets passes when the changed home is checked again: applied to a probe
// flat just past a rule's limit, the finding is gone (or, for a partial
// remedy, less severe). A remedy kind that resolves nothing fails the test.
#include <barrierfree/plan/plan.hpp>

#include <catch2/catch.hpp>

#include <set>

#include "plan/remedies.hpp"
#include "probes.hpp"

using namespace barrierfree;
using namespace probes;

namespace {

const Finding* finding_of(const CheckResult& r, const Rule& rule, const std::string& element) {
  for (const Finding& f : r.findings)
    if (f.rule_id == rule.id && f.element == element) return &f;
  return nullptr;
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
    auto has_turning = [&](const Case& c) {
      const CheckResult r = check(c, rs);
      return std::any_of(r.findings.begin(), r.findings.end(),
                         [](const Finding& x) { return x.check == "turning_space" && x.element == "living"; });
    };
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
    auto has_turning = [&](const Case& c) {
      const CheckResult r = check(c, rs);
      return std::any_of(r.findings.begin(), r.findings.end(),
                         [](const Finding& x) { return x.check == "turning_space" && x.element == "bath"; });
    };
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
