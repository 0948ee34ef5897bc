// Plans on the bundled households: proven, within budget, deterministic,
// and the edge cases of the budget.
#include <barrierfree/io/case_json.hpp>
#include <barrierfree/plan/plan.hpp>
#include <barrierfree/plan/rollup.hpp>
#include <barrierfree/rules/check.hpp>
#include <barrierfree/report.hpp>
#include <barrierfree/rules/kinds.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "report/words.hpp"
#include "test_support.hpp"

using namespace barrierfree;

TEST_CASE("every example's plan is proven and within its budget") {
  Rollup rollup;
  for (const auto& path : test::example_cases()) {
    CAPTURE(path.filename().string());
    const Case c = load_case(path);
    const PlanResult r = plan(c);
    CHECK(r.plan.verified);
    REQUIRE(c.budget);
    CHECK(r.plan.total <= *c.budget + 1e-6);
    CHECK(r.score_after() < r.score_before());
    // Every item resolves or reduces something, and what it claims is gone.
    std::set<std::string> left;
    for (const Residual& res : r.plan.residual)
      if (!res.original.empty()) left.insert(res.original);
    for (const PlanItem& i : r.plan.items) {
      CHECK((!i.resolves.empty() || !i.reduces.empty()));
      for (const std::string& f : i.resolves) CHECK(left.count(f) == 0);
      CHECK(i.cost == Approx(i.material + i.labour).margin(0.011));
    }
    // The same case gives the same plan, byte for byte.
    CHECK(to_json(plan(c)).dump() == to_json(r).dump());
    rollup.add(r);
  }
  const auto summary = rollup.to_json();
  CHECK(summary["households"] == test::example_cases().size());
  CHECK(summary["plans_verified"] == test::example_cases().size());
  CHECK(summary["barriers"]["removed"].get<int>() > 0);
}

TEST_CASE("the roll-up counts a household once per item and each barrier left by its check") {
  std::istringstream lines(test::read_file(test::source_dir() / "data" / "examples" / "huimin-52.jsonl"));
  Rollup plans, checks;
  std::map<std::string, std::size_t> households_with, lines_of, fails_by_check;
  std::size_t households = 0, doubled = 0;
  for (std::string line; std::getline(lines, line);) {
    const Case c = parse_case(line);
    const PlanResult r = plan(c);
    plans.add(r);
    checks.add(r.before);
    ++households;
    std::set<std::string> used;
    for (const PlanItem& i : r.plan.items) {
      ++lines_of[i.remedy];
      if (!used.insert(i.remedy).second) ++doubled;
      else ++households_with[i.remedy];
    }
    for (const Finding& f : r.before.findings)
      if (f.status == Status::fail) ++fails_by_check[f.check];
  }
  REQUIRE(doubled > 0);  // some household has two lines of one remedy: the case this is about
  const auto p = plans.to_json();
  for (const auto& [remedy, n] : households_with) {
    CAPTURE(remedy);
    CHECK(p["cost_by_item"][remedy]["households"] == n);
    CHECK(p["cost_by_item"][remedy]["lines"] == lines_of[remedy]);
    CHECK(n <= households);
  }
  const auto sum = [](const nlohmann::ordered_json& counts) {
    std::size_t total = 0;
    for (const auto& [k, v] : counts.items()) total += v.get<std::size_t>();
    return total;
  };
  CHECK(sum(p["left_by_check"]) == p["barriers"]["left"].get<std::size_t>());
  // Without plans every barrier is left, and counted by its check.
  const auto k = checks.to_json();
  CHECK(k["barriers"]["left"] == k["barriers"]["before"]);
  CHECK(k["left_by_check"] == nlohmann::ordered_json(fails_by_check));
  CHECK(sum(k["left_by_check"]) == k["barriers"]["left"].get<std::size_t>());
}

TEST_CASE("a budget of 0 gives an empty plan with everything deferred") {
  const Case c = load_case(test::source_dir() / "data" / "examples" / "wheelchair-user.json");
  PlanOptions o;
  o.budget = 0;
  const PlanResult r = plan(c, o);
  CHECK(r.plan.items.empty());
  CHECK(r.plan.total == 0);
  CHECK(r.score_after() == r.score_before());
  CHECK(r.plan.deferred.size() > 10);
  for (const Deferred& d : r.plan.deferred) CHECK(d.reason == "budget");
  for (const Residual& res : r.plan.residual) CHECK(res.reason != "new");
}

namespace {

Case huimin_household(const std::string& id) {
  std::istringstream lines(test::read_file(test::source_dir() / "data" / "examples" / "huimin-52.jsonl"));
  for (std::string line; std::getline(lines, line);)
    if (line.find("\"id\": \"" + id + "\"") != std::string::npos || line.find("\"id\":\"" + id + "\"") != std::string::npos)
      return parse_case(line);
  throw std::runtime_error("no household " + id);
}

std::vector<Case> huimin() {
  std::vector<Case> out;
  std::istringstream in(test::read_file(test::source_dir() / "data" / "examples" / "huimin-52.jsonl"));
  for (std::string line; std::getline(in, line);) out.push_back(parse_case(line));
  return out;
}

/// The bill adds up: each item's cost is its material and labour, the subtotal their sum.
void check_bill(const Plan& p) {
  double subtotal = 0;
  for (const PlanItem& i : p.items) {
    CAPTURE(i.remedy, i.element);
    CHECK(i.cost == Approx(i.material + i.labour).margin(1e-9));
    subtotal += i.cost;
  }
  CHECK(p.subtotal == Approx(subtotal).margin(1e-6));
}

}  // namespace

TEST_CASE("a plan holds together where its items change each other") {
  // HM-024: enlarging the bathroom takes floor from the living room, so its passage narrows
  // to 500 mm and the furniture there can no longer be moved aside; and it adds floor to
  // make slip-resistant, so the two cost more together than each was priced at alone.
  const Case c = huimin_household("HM-024");
  PlanOptions all;
  all.no_budget = true;
  const PlanResult unlimited = plan(c, all);
  CHECK(unlimited.plan.verified);
  std::set<std::string> chosen;
  for (const PlanItem& i : unlimited.plan.items) chosen.insert(i.remedy + "@" + i.element);
  CHECK_FALSE((chosen.count("bathroom.enlarge@bath") && chosen.count("furniture.move@living")));
  const double everything = unlimited.plan.subsidy;
  for (double budget : {13189.0, 13166.84, 13486.3, 14222.56, 0.5 * everything, everything - 0.01, everything}) {
    CAPTURE(budget);
    PlanOptions o;
    o.budget = budget;
    {  // with fees on top, the total still fits to the cent and the household pays nothing
      PlanOptions with_fees = o;
      with_fees.fees = Fees{0.08, 0.05, 0.06};
      const PlanResult r = plan(c, with_fees);
      CHECK(r.plan.total <= budget + 1e-9);
      CHECK(r.plan.copay == 0);
    }
    const PlanResult r = plan(c, o);
    CHECK(r.plan.verified);
    CHECK(r.plan.subsidy <= budget + 1e-9);
    CHECK(r.plan.total <= budget + 1e-9);
    check_bill(r.plan);
  }
  SECTION("a budget of exactly what everything costs buys everything") {
    PlanOptions o;
    o.budget = everything;
    auto items = [](const Plan& p) {
      std::vector<std::string> out;
      for (const PlanItem& i : p.items) out.push_back(i.remedy + "@" + i.element);
      return out;
    };
    const Plan capped = plan(c, o).plan, free = plan(c, all).plan;
    CHECK(items(capped) == items(free));
    CHECK(capped.subsidy == free.subsidy);
  }
}

TEST_CASE("with fees, the total fits the budget to the cent") {
  // HM-039's one item, call buttons (in the bathroom and the bedroom), costs 391.00 and 468.34
  // with fees. Fees taken on the subtotal once rounded differently from the item's all-in cost
  // the choice counted: the item was chosen for a budget a cent short and billed a cent more.
  const Case c = huimin_household("HM-039");
  PlanOptions o;
  o.fees = Fees{0.08, 0.05, 0.06};
  o.budget = 468.34;  // exactly enough
  const PlanResult enough = plan(c, o);
  REQUIRE(enough.plan.items.size() == 1);
  CHECK(enough.plan.total == 468.34);
  CHECK(enough.plan.copay == 0);
  o.budget = 468.33;  // a cent short
  const PlanResult short_of_it = plan(c, o);
  CHECK(short_of_it.plan.items.empty());
  CHECK(short_of_it.plan.total == 0);
  REQUIRE(short_of_it.plan.deferred.size() == 1);
  CHECK(short_of_it.plan.deferred[0].cost == 468.34);
  CHECK(short_of_it.plan.deferred[0].reason == "budget");
}

TEST_CASE("no budget: only what has no remedy is left") {
  for (const auto& path : test::example_cases()) {
    CAPTURE(path.filename().string());
    PlanOptions o;
    o.no_budget = true;
    const PlanResult r = plan(load_case(path), o);
    CHECK(r.plan.verified);
    for (const Residual& res : r.plan.residual) {
      CAPTURE(res.finding.check, res.finding.element, res.reason);
      // Measured nothing, no remedy at all, only a partial one, or created
      // by a remedy whose good outweighs it (a bathroom enlarged into a bedroom).
      CHECK((res.reason == "insufficient_data" || res.reason == "no_remedy" || res.reason == "partial" ||
             res.reason == "new"));
    }
  }
}

TEST_CASE("policies: structural work first, an item limit, subsidy caps, regions") {
  const Case c = load_case(test::source_dir() / "data" / "examples" / "wheelchair-user.json");
  SECTION("at most three items") {
    PlanOptions o;
    o.max_items = 3;
    CHECK(plan(c, o).plan.items.size() <= 3);
  }
  SECTION("structural first does not plan a device where building work does the same") {
    PlanOptions o;
    o.structural_first = true;
    o.no_budget = true;
    const PlanResult r = plan(c, o);
    for (const PlanItem& i : r.plan.items) CHECK(i.remedy != "toilet.commode_chair");
  }
  SECTION("a subsidy cap: the household pays the rest") {
    PlanOptions o;
    o.no_budget = true;
    o.subsidy_caps["floor.anti_slip"] = 100;
    const PlanResult r = plan(c, o);
    double capped = 0;
    for (const PlanItem& i : r.plan.items)
      if (i.remedy == "floor.anti_slip") {
        CHECK(i.subsidy == Approx(100));
        capped += i.cost - 100;
      }
    CHECK(capped > 0);
    CHECK(r.plan.copay == Approx(capped).margin(0.02));
  }
  SECTION("regional factors change the price, not the choice of what is needed") {
    PlanOptions beijing, henan;
    beijing.no_budget = henan.no_budget = true;
    beijing.region = "CN-11";
    henan.region = "CN-41";
    const PlanResult a = plan(c, beijing), b = plan(c, henan);
    CHECK(a.plan.total > b.plan.total);
    CHECK(a.plan.region == "CN-11");
    CHECK(a.plan.region_labour > b.plan.region_labour);
  }
  SECTION("fees are added on top") {
    PlanOptions o;
    o.no_budget = true;
    o.fees = Fees{0.08, 0.05, 0.06};
    const PlanResult r = plan(c, o);
    // Each item carries its fees to the cent, so the total is the sum of the items' all-in
    // costs, and within a cent per item of the rates applied to the subtotal.
    double all_in = 0;
    for (const PlanItem& i : r.plan.items) all_in += i.all_in;
    CHECK(r.plan.total == Approx(all_in).margin(1e-6));
    CHECK(r.plan.total == Approx(r.plan.subtotal * 1.13 * 1.06).margin(0.01 * r.plan.items.size()));
    CHECK(r.plan.copay == 0);
  }
}

TEST_CASE("the reference catalogue prices every remedy, and 31 provinces have factors") {
  for (auto remedy : remedy_kinds()) {
    CAPTURE(remedy);
    const CatalogItem* i = builtin_catalog().find(remedy);
    REQUIRE(i);
    CHECK(i->material + i->labour > 0);
    CHECK_FALSE(i->source.empty());
  }
  CHECK(builtin_regions().regions.size() == 31);
  CHECK(builtin_regions().find("CN-42")->name.zh == "湖北省");
  CHECK(builtin_regions().find("CN-HB") == builtin_regions().find("CN-42"));
}

TEST_CASE("a catalogue override replaces some prices and keeps the rest") {
  const Catalog mine = parse_catalog(R"({"format": "barrierfree.catalog/1", "id": "MINE",
      "items": [{"remedy": "threshold.remove", "unit": "item", "quantity": "element", "material": 10, "labour": 20, "kind": "structural"}]})",
                                     &builtin_catalog());
  CHECK(mine.find("threshold.remove")->labour == 20);
  CHECK(mine.find("door.widen")->material == builtin_catalog().find("door.widen")->material);
  try {
    parse_catalog(R"({"format": "barrierfree.catalog/1", "id": "X", "currency": "CNY",
        "items": [{"remedy": "door.widden", "unit": "box", "quantity": "element", "material": -1, "labour": 0, "kind": "structural"}]})");
    FAIL("expected InputError");
  } catch (const InputError& e) {
    std::vector<std::string> paths;
    for (const Error& x : e.errors()) paths.push_back(x.code + " " + x.path);
    CHECK(paths == std::vector<std::string>{"catalog.105 /items/0/remedy", "catalog.105 /items/0/unit",
                                            "catalog.107 /items/0/material"});
  }
}

TEST_CASE("a catalogue override in another currency must price every remedy") {
  // Else the reference's yuan would be read as dollars.
  const std::string one_item = R"({"format": "barrierfree.catalog/1", "id": "US", "currency": "USD",
      "items": [{"remedy": "threshold.remove", "unit": "item", "quantity": "element", "material": 10, "labour": 20, "kind": "structural"}]})";
  try {
    (void)parse_catalog(one_item, &builtin_catalog());
    FAIL("expected InputError");
  } catch (const InputError& e) {
    REQUIRE(e.errors().size() == 1);
    CHECK(e.errors()[0].code == "catalog.109");
    CHECK(e.errors()[0].path == "/currency");
  }
  CHECK(parse_catalog(one_item).currency == "USD");  // standing alone, it is a catalogue of one remedy

  // Every remedy listed: nothing is left in yuan.
  nlohmann::json whole = nlohmann::json::parse(one_item);
  whole["items"] = nlohmann::json::array();
  for (const CatalogItem& item : builtin_catalog().items)
    whole["items"].push_back({{"remedy", item.remedy}, {"unit", "item"}, {"quantity", "element"}, {"material", 1},
                              {"labour", 1}, {"kind", "structural"}});
  const Catalog dollars = parse_catalog(whole.dump(), &builtin_catalog());
  CHECK(dollars.currency == "USD");
  CHECK(dollars.find("door.widen")->material == 1);
  // The same currency, spelt as the base's: an override as before.
  CHECK(parse_catalog(R"({"format": "barrierfree.catalog/1", "id": "CN", "currency": "CNY", "items": []})", &builtin_catalog())
            .items.size() == builtin_catalog().items.size());
}

TEST_CASE("under every ruleset, what a plan installs complies with that ruleset") {
  // The grab bar a plan put behind the toilet for ADA is 36 in long, as 604.5.2 asks; the
  // check held it to the side bar's 42 in (604.5.1), and 49 of the bundled households planned
  // under ADA-2010 were left with a "new" barrier the plan had made.
  std::istringstream lines(test::read_file(test::source_dir() / "data" / "examples" / "huimin-52.jsonl"));
  for (std::string line; std::getline(lines, line);) {
    const Case c = parse_case(line);
    for (const std::string standard : {"GB50763-2012", "GB55019-2021", "ADA-2010"}) {
      CAPTURE(c.id, standard);
      PlanOptions o;
      o.no_budget = true;
      const PlanResult r = plan(c, builtin_ruleset(standard), builtin_catalog(), builtin_regions(), o);
      CHECK(r.plan.verified);
      // A plan may trade a lesser new barrier for graver ones it removes (a bedroom made
      // smaller for the bathroom), but what it adds to the home must itself comply.
      auto existed = [&](const std::string& id) {
        auto has = [&](const auto& list) {
          return std::any_of(list.begin(), list.end(), [&](const auto& e) { return e.id == id; });
        };
        return has(c.rooms) || has(c.doors) || has(c.fixtures) || has(c.grab_bars) || has(c.steps) || has(c.ramps) ||
               has(c.devices) || id == "building" || id == "home";
      };
      // The one exception: a ramp's landings are as long as the floor allows, and where that is
      // short of the rule the plan says so rather than claim landings the home has no room for.
      auto floor_limited = [&](const Finding& f) {
        if (f.check != "ramp.landing") return false;
        const auto ramp = std::find_if(r.modified.ramps.begin(), r.modified.ramps.end(),
                                       [&](const Ramp& x) { return x.id == f.element; });
        return ramp != r.modified.ramps.end() && ramp->in.has_value();
      };
      for (const Residual& res : r.plan.residual) {
        CAPTURE(res.finding.check, res.finding.element, res.reason);
        if (res.reason == "new" && !floor_limited(res.finding)) CHECK(existed(res.finding.element));
      }
    }
  }
}

TEST_CASE("ADA: the bar behind the toilet needs 36 in (604.5.2), the one beside it 42 in (604.5.1)") {
  PlanOptions o;
  o.no_budget = true;
  const Ruleset& ada = builtin_ruleset("ADA-2010");
  const Case planned = plan(huimin_household("HM-001"), ada, builtin_catalog(), builtin_regions(), o).modified;
  auto rear_bar_findings = [&](double length) {
    Case c = planned;
    auto bar = std::find_if(c.grab_bars.begin(), c.grab_bars.end(), [](const GrabBar& g) { return g.id == "wc-rear-bar"; });
    REQUIRE(bar != c.grab_bars.end());
    const Point2 along = (bar->to - bar->from) * (1.0 / distance(bar->from, bar->to));
    bar->to = bar->from + along * length;
    std::vector<Finding> out;
    for (const Finding& f : check(c, ada).findings)
      if (f.check == "grab_bar.position" && f.element == "wc-rear-bar") out.push_back(f);
    return out;
  };
  CHECK(rear_bar_findings(36 * 25.4).empty());
  const auto short_by_a_millimetre = rear_bar_findings(36 * 25.4 - 1);
  REQUIRE(short_by_a_millimetre.size() == 1);
  CHECK(short_by_a_millimetre[0].rule == "ADA-2010 604.5.2");
  CHECK(short_by_a_millimetre[0].required == nlohmann::ordered_json{{"rear_length_min", 914.4}});
  CHECK(short_by_a_millimetre[0].message.en.find("604.5.2") != std::string::npos);
}

TEST_CASE("a household with hundreds of candidate items is planned in seconds, and the plan says it is not proven optimal") {
  // HM-001 with 150 more entrance doors (a fuzzed case): 325 candidates, and the exact search
  // ran for minutes before the batch reported a defect (case.300). It now stops at its limit
  // with the best choice found.
  Case c = huimin_household("HM-001");
  const Door entrance = c.doors.front();
  REQUIRE(entrance.rooms[0] == "outside");
  for (int i = 0; i < 150; ++i) {
    Door d = entrance;
    d.id = entrance.id + "-" + std::to_string(i);
    d.at = entrance.at + Point2{static_cast<double>(i % 9), static_cast<double>(i % 5)};
    c.doors.push_back(d);
  }
  REQUIRE(read_case(serialise(c)).ok());
  const PlanResult r = plan(c);
  CHECK_FALSE(r.plan.optimal);
  CHECK(r.plan.verified);
  CHECK(r.plan.total <= *c.budget + 1e-9);
  CHECK(r.score_after() < r.score_before());
  CHECK(to_json(r)["plan"]["optimal"] == false);
  // The bundled households are well within the limit.
  CHECK(plan(huimin_household("HM-001")).plan.optimal);
}

TEST_CASE("a plan is not made with a budget, fee or limit that means nothing") {
  const Case good = load_case(test::source_dir() / "data" / "examples" / "wheelchair-user.json");
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  for (const double bad : {nan, inf, -1.0}) {
    Case c = good;  // built in code: never read, so never validated
    c.budget = bad;
    CHECK_THROWS_AS(plan(c), CaseError);
    PlanOptions o;
    o.budget = bad;
    CHECK_THROWS_AS(plan(good, o), CaseError);
    PlanOptions f;
    f.fees = Fees{0.1, 0.05, bad};
    CHECK_THROWS_AS(plan(good, f), CaseError);
  }
  PlanOptions o;
  o.max_items = -1;
  CHECK_THROWS_AS(plan(good, o), CaseError);
  // A very large budget is a budget: the plan, its drawing and its report are made.
  Case rich = good;
  rich.budget = 1e17;
  const PlanResult r = plan(rich);
  CHECK(draw_home(rich, ruleset_for(rich), r.before, &r).find("100,000,000,000,000,000") != std::string::npos);
  CHECK_FALSE(household_report(rich, ruleset_for(rich), r).empty());
}

namespace {

const PlanItem* item_of(const PlanResult& r, const std::string& remedy, const std::string& element = "") {
  for (const PlanItem& i : r.plan.items)
    if (i.remedy == remedy && (element.empty() || i.element == element)) return &i;
  return nullptr;
}

}  // namespace

TEST_CASE("every device a remedy gives its signal is billed") {
  Case c = load_case(test::source_dir() / "data" / "examples" / "deaf-resident.json");
  // Three smoke alarms and two doorbells, none visual.
  Device alarm = *std::find_if(c.devices.begin(), c.devices.end(), [](const Device& d) { return d.type == DeviceType::smoke_alarm; });
  Device bell = *std::find_if(c.devices.begin(), c.devices.end(), [](const Device& d) { return d.type == DeviceType::doorbell; });
  for (const char* id : {"smoke-2", "smoke-3"}) {
    alarm.id = id;
    c.devices.push_back(alarm);
  }
  bell.id = "bell-2";
  c.devices.push_back(bell);
  PlanOptions o;
  o.no_budget = true;
  const PlanResult r = plan(c, o);
  const PlanItem* alarms = item_of(r, "alarm.visual");
  const PlanItem* bells = item_of(r, "doorbell.visual");
  REQUIRE(alarms);
  REQUIRE(bells);
  CHECK(alarms->quantity == 3);
  CHECK(bells->quantity == 2);
  CHECK(alarms->cost == Approx(3 * alarms->unit_cost).margin(1e-9));
  for (const Device& d : r.modified.devices)
    if (d.type == DeviceType::smoke_alarm || d.type == DeviceType::doorbell) CHECK(d.visual == true);
}

TEST_CASE("a door made sliding gets its pull at a height the rule accepts, so no lever is bought as well") {
  const Case c = parse_case(R"({"format":"barrierfree.case/1","id":"SLIDING","region":"CN-42","standard":"GB50763-2012",
    "occupants":[{"id":"p1","age":32,"mobility":"power_wheelchair","disabilities":[{"category":"physical","grade":1}]}],
    "building":{"storey":1,"lift":false,"entrance_steps":{"count":0,"rise":0}},
    "rooms":[{"id":"hall","type":"entrance_hall","rect":[0,0,1500,3600]},{"id":"living","type":"living","rect":[1500,0,4000,3600]}],
    "doors":[{"id":"d-entry","rooms":["outside","hall"],"at":[750,0],"clear_width":950,"type":"swing","swing_into":"hall","threshold":0,"handle":"knob","handle_height":1050},
             {"id":"d-living","rooms":["hall","living"],"at":[1500,1800],"clear_width":1000,"type":"opening","threshold":0}]})");
  const auto applied = apply_remedy(c, builtin_ruleset("GB50763-2012"), builtin_catalog(), "door.sliding", "d-entry");
  REQUIRE(applied);
  const Door& d = applied->doors[0];
  CHECK(d.handle == HandleType::pull);
  const Rule* handle = builtin_ruleset("GB50763-2012").first("door.handle");
  REQUIRE(handle);
  CHECK(d.handle_height->mm() >= handle->mm("min"));
  CHECK(d.handle_height->mm() <= handle->mm("max"));
  PlanOptions o;
  o.no_budget = true;
  const PlanResult r = plan(c, o);
  CHECK(item_of(r, "door.sliding", "d-entry"));
  CHECK_FALSE(item_of(r, "door.lever_handle", "d-entry"));
  CHECK(r.plan.verified);
}

TEST_CASE("money is rounded as its decimal value, and an item's cost is its quantity times its unit cost") {
  // 5.85 m² of anti-slip floor in Tianjin: labour 5.85 × 31.50 = 184.275, which binary makes 184.27499…
  const Case c = parse_case(R"({"format":"barrierfree.case/1","id":"ROUND-CN12","region":"CN-12","standard":"GB50763-2012",
    "occupants":[{"id":"p1","age":70,"mobility":"cane","disabilities":[{"category":"physical","grade":3}]}],
    "building":{"storey":1,"lift":false,"entrance_steps":{"count":0,"rise":0}},
    "rooms":[{"id":"hall","type":"entrance_hall","rect":[0,0,2000,2340]},{"id":"bath","type":"bathroom","rect":[2000,0,2500,2340],"floor":{"slip_resistant":false,"wet":true}}],
    "doors":[{"id":"d-entry","rooms":["outside","hall"],"at":[1000,0],"clear_width":900,"type":"swing","swing_into":"hall","threshold":0,"handle":"lever","handle_height":950},
             {"id":"d-bath","rooms":["hall","bath"],"at":[2000,1000],"clear_width":900,"type":"opening","threshold":0}]})");
  const PlanResult r = plan(c);
  const PlanItem* floor = item_of(r, "floor.anti_slip", "bath");
  REQUIRE(floor);
  CHECK(floor->quantity == 5.85);
  CHECK(floor->unit_labour == 31.5);
  CHECK(floor->labour == 184.28);
  CHECK(floor->cost == 515.68);
  CHECK(floor->material + floor->labour == floor->cost);
  // And across the bundled households in every region: quantity × unit cost rounds to the cost.
  for (const std::string code : {"CN-11", "CN-12", "CN-31", "CN-44", "CN-65"}) {
    const std::vector<Case> households = huimin();
    for (std::size_t k = 0; k < households.size(); k += 4) {  // 13 of them in each region, for time
      Case h = households[k];
      h.region = code;
      PlanOptions o;
      o.no_budget = true;
      for (const PlanItem& i : plan(h, o).plan.items) {
        CAPTURE(h.id, code, i.remedy, i.quantity, i.unit_cost, i.cost);
        // Half away from zero of the decimal product (the 1e-12 undoes binary's shortfall).
        CHECK(std::abs(std::round(i.quantity * i.unit_cost * 100 * (1 + 1e-12)) / 100 - i.cost) < 1e-9);
        CHECK(std::abs(i.material + i.labour - i.cost) < 1e-6);
      }
    }
  }
}

TEST_CASE("what is left says what stopped it: a budget only where the budget did, a measurement where one is missing") {
  for (const Case& h : huimin()) {
    for (const std::optional<double> budget : {std::optional<double>{}, std::optional<double>{1e9}}) {
      PlanOptions o;
      if (budget) o.budget = budget;
      else o.no_budget = true;
      const PlanResult r = plan(h, o);
      for (const Residual& res : r.plan.residual) {
        CAPTURE(h.id, res.finding.check, res.finding.element, res.reason);
        CHECK(res.reason != "budget");  // a billion yuan, or none: money stopped nothing
        if (res.finding.status == Status::insufficient_data) CHECK(res.reason == "insufficient_data");
      }
      for (const Deferred& d : r.plan.deferred) CHECK(d.reason != "budget");
    }
  }
}

TEST_CASE("a remedy harmful alone is measured again on top of the plan (HM-011's bedroom door)") {
  // Widened alone, d-bed2 changes which bedroom the 'a bedroom reachable' finding names, a new
  // finding that cancels its gain; on top of the plan, which opens the other bedroom, it harms nothing.
  PlanOptions o;
  o.no_budget = true;
  const PlanResult r = plan(huimin_household("HM-011"), o);
  CHECK(item_of(r, "door.widen", "d-bed2"));
  CHECK(r.plan.verified);
  for (const Residual& res : r.plan.residual) CHECK(res.finding.element != "d-bed2");
}

TEST_CASE("a widened door is billed without a new leaf where the plan slides or removes the leaf, or there is none") {
  const CatalogItem* widen = builtin_catalog().find("door.widen");
  REQUIRE(widen);
  const double leaf = widen->param("leaf_material", 0);
  REQUIRE(leaf > 0);
  int with_leaf = 0, without = 0;
  for (const Case& h : huimin()) {
    PlanOptions o;
    o.no_budget = true;
    const PlanResult r = plan(h, o);
    for (const PlanItem& i : r.plan.items) {
      if (i.remedy != "door.widen") continue;
      const Door* d = h.find_door(i.element);
      REQUIRE(d);
      const bool leafless = d->type == DoorType::opening || item_of(r, "door.sliding", i.element) ||
                            item_of(r, "door.remove_leaf", i.element);
      CAPTURE(h.id, i.element, leafless);
      const double material = leafless ? widen->material - leaf : widen->material;
      CHECK(i.unit_material == Approx(std::round(material * r.plan.region_material * 100) / 100).margin(0.005));
      ++(leafless ? without : with_leaf);
    }
  }
  CHECK(with_leaf > 0);  // both kinds occur among the 52
  CHECK(without > 0);
}

TEST_CASE("a harm learned on top of one plan does not buy a dearer plan that is no better (HM-041)") {
  // Learned on the home of one choice, a lower harm let the next choice enlarge the bathroom
  // for 4,042.50: the same score (96 -> 19) for 14,146.06 instead of 10,326.00. (22 when the
  // balcony ramp's landing became as long as the floor in front of it, 3 short of the rule; 19
  // again, for 10,152.36, since the balcony floor can be raised instead; 10,601.80 since the
  // entrance ramp is designed at 1:12, 0.6 m longer than at the 1:8 GB 50763 allows.)
  PlanOptions o;
  o.no_budget = true;
  const PlanResult r = plan(huimin_household("HM-041"), o);
  CHECK(r.plan.verified);
  CHECK(r.score_after() <= 19);
  CHECK(r.plan.total <= 10602.0);
  CHECK_FALSE(item_of(r, "bathroom.enlarge"));
}

TEST_CASE("money a bill leaves is spent: a widening beside a leaf the plan removes is chosen at its price there") {
  // HM-027 at 8,000 with structural work first: the plan removes d-bath's leaf and had 1,042.59
  // left, while widening d-bath was deferred at 1,372 (its price with a new leaf); without the
  // leaf it bills about 960, and the score goes from 21 to 13 (16 since the balcony ramp's
  // landing is as long as the floor there, short of the rule; 19 since a balcony door keeps its
  // leaf, and the turning space beside it stays 856 mm). The budget is 8,300 since the entrance
  // ramp is designed at 1:12, not 1:8 (1.8 m, 266.10 more).
  PlanOptions o;
  o.budget = 8300;
  o.structural_first = true;
  const PlanResult r = plan(huimin_household("HM-027"), o);
  CHECK(r.plan.verified);
  CHECK(r.plan.subsidy <= 8300);
  CHECK(item_of(r, "door.widen", "d-bath"));
  CHECK(item_of(r, "door.remove_leaf", "d-bath"));
  CHECK_FALSE(item_of(r, "door.remove_leaf", "d-balcony"));
  CHECK(r.score_after() <= 19);
}

TEST_CASE("the report says which side of the step a planned ramp goes (HM-027)") {
  // A 60 mm step from the living room to a balcony 1500 mm deep and 3300 mm wide: the 0.5 m ramp
  // runs onto the balcony (raising all of its 4.95 m2 would cost five times as much), its top
  // landing in the living room.
  const Case c = huimin_household("HM-027");
  const PlanResult r = plan(c);
  REQUIRE(item_of(r, "ramp.build", "s-balcony"));
  CHECK_FALSE(item_of(r, "floor.raise", "s-balcony"));
  const auto ramp = std::find_if(r.modified.ramps.begin(), r.modified.ramps.end(),
                                 [](const Ramp& x) { return x.rooms[1] == "balcony"; });
  REQUIRE(ramp != r.modified.ramps.end());
  CHECK(ramp->in == "balcony");
  CHECK(ramp->at == c.find_door("d-balcony")->at);  // centred on the door: the balcony is as deep all along
  ReportOptions en;
  en.lang = "en";
  CHECK(household_report(c, ruleset_for(c), r, en).find("s-balcony · ramp in balcony") != std::string::npos);
}

TEST_CASE("a step onto a balcony where a ramp would leave no landing: the floor is raised instead (HM-015)") {
  // A 60 mm step from the living room onto a balcony 1500 mm deep: a ramp's run leaves its foot
  // short of the landing the rule asks, so the plan raises the balcony floor, which takes none.
  const Case c = huimin_household("HM-015");
  const PlanResult r = plan(c);
  const PlanItem* raise = item_of(r, "floor.raise", "s-balcony");
  REQUIRE(raise);
  CHECK(raise->quantity == Approx(5.4));  // the balcony's m2
  CHECK_FALSE(item_of(r, "ramp.build", "s-balcony"));
  CHECK_FALSE(item_of(r, "floor.anti_slip", "balcony"));  // the new floor is anti-slip already
  CHECK(r.plan.verified);
  CHECK(std::none_of(r.modified.steps.begin(), r.modified.steps.end(), [](const Step& s) { return s.id == "s-balcony"; }));
  ReportOptions en;
  en.lang = "en";
  const std::string report_en = household_report(c, ruleset_for(c), r, en);
  CHECK(report_en.find("s-balcony · balcony floor raised by 60 mm") != std::string::npos);
  CHECK(household_report(c, ruleset_for(c), r).find("地面抬高60 mm") != std::string::npos);
  // What the builder must see to: HM-015's balcony door swings out onto the balcony.
  const Door* door = c.find_door("d-balcony");
  REQUIRE(door);
  REQUIRE(door->swing_into == "balcony");
  CHECK(report_en.find("Trim the leaf of d-balcony, which swings over the new floor; check the height of the railing") !=
        std::string::npos);
}

TEST_CASE("a ramp that would take the turning space by a door is weighed for it") {
  // A 100 mm step onto a balcony 1600 mm deep with a sink (so its floor cannot be raised): the
  // 0.8 m ramp leaves 800 mm of landing and no 1500 mm circle beside the sliding door. What it
  // removes (the step, 4) is less than what it makes (the landing, 3; the door's turning space, 3).
  const Case c = parse_case(test::read_file(test::source_dir() / "tests" / "data" / "plan" / "ramp-takes-turning-space.json"));
  PlanOptions o;
  o.no_budget = true;
  const PlanResult r = plan(c, o);
  CHECK_FALSE(item_of(r, "ramp.build", "s1"));
  REQUIRE(r.plan.deferred.size() == 1);
  CHECK(r.plan.deferred[0].remedy == "ramp.build");
  CHECK(r.plan.deferred[0].reason == "not_worth_it");
  // Built anyway, the ramp does what was weighed.
  const auto built = apply_remedy(c, ruleset_for(c), builtin_catalog(), "ramp.build", "s1");
  REQUIRE(built);
  const CheckResult after = check(*built);
  CHECK(std::any_of(after.findings.begin(), after.findings.end(), [](const Finding& f) {
    return f.check == "door.turning_space" && f.element == "d-balcony" && f.room == "balcony";
  }));
}

TEST_CASE("every reason a plan gives for what is left has words in both languages") {
  // The vocabulary of Residual::reason and Deferred::reason (plan.hpp, docs/planning.md): a report
  // shows the reason in words, and a key without them would print as the key.
  for (const char* reason : {"budget", "item_limit", "conflict", "not_worth_it", "no_remedy", "no_space",
                             "insufficient_data", "partial", "new"}) {
    CAPTURE(reason);
    const Text* words = report::find_word(std::string("reason.") + reason);
    REQUIRE(words);
    CHECK_FALSE(words->en.empty());
    CHECK_FALSE(words->zh.empty());
  }
}

TEST_CASE("a remedy is bought for what it is for: no leaf comes off a door for its knob handle") {
  // A leaf named for a door's turning space that it does not free was once taken off only
  // because a door without a leaf has no knob (134 yuan against a lever's 179): in 6 of the 52,
  // two of them bedroom doors (HM-028, HM-036).
  for (const Case& c : huimin()) {
    CAPTURE(c.id);
    const PlanResult r = plan(c);
    std::map<std::string, std::string> check_of;
    for (const Finding& f : r.before.findings) check_of[f.id] = f.check;
    for (const PlanItem& i : r.plan.items) {
      if (i.remedy != "door.remove_leaf") continue;
      CAPTURE(i.element);
      CHECK(std::any_of(i.resolves.begin(), i.resolves.end(), [&](const std::string& id) { return check_of[id] != "door.handle"; }));
      const Door* d = c.find_door(i.element);
      REQUIRE(d);
      for (const std::string& room : d->rooms) CHECK(room != "balcony");
    }
  }
}

TEST_CASE("a subsidy cap on a remedy that does not exist is refused, not ignored") {
  PlanOptions o;
  o.subsidy_caps["door.widn"] = 100;
  try {
    (void)plan(huimin_household("HM-001"), o);
    FAIL("planned with a cap on no remedy");
  } catch (const CaseError& e) {
    REQUIRE(e.errors().size() == 1);
    CHECK(e.errors()[0].message.find("did you mean \"door.widen\"") != std::string::npos);
  }
}
