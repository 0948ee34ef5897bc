// Rulesets as data: the built-in ones load, a user's own ruleset works, and a
// malformed one is rejected with every error, its stable id and JSON pointer.
#include <barrierfree/io/case_json.hpp>
#include <barrierfree/rules/check.hpp>
#include <barrierfree/rules/kinds.hpp>

#include <catch2/catch.hpp>

#include <set>

#include "test_support.hpp"

using namespace barrierfree;

namespace {

std::vector<std::pair<std::string, std::string>> errors_of(const std::string& text) {
  try {
    parse_ruleset(text);
  } catch (const InputError& e) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Error& x : e.errors()) out.emplace_back(x.code, x.path);
    return out;
  }
  return {};
}

std::string with_rule(const std::string& rule) {
  return R"({"format": "barrierfree.ruleset/1", "id": "LOCAL", "rules": [)" + rule + "]}";
}

}  // namespace

TEST_CASE("the built-in rulesets") {
  const auto ids = builtin_ruleset_ids();
  CHECK(std::set<std::string>(ids.begin(), ids.end()) ==
        std::set<std::string>{"ADA-2010", "CDPF-HOME", "GB50763-2012", "GB55019-2021"});
  std::set<std::string> kinds_covered;
  for (const std::string& id : ids) {
    const Ruleset& rs = builtin_ruleset(id);
    std::set<std::string> rule_ids;
    for (const Rule& r : rs.rules) {
      CAPTURE(id, r.id);
      CHECK(rule_ids.insert(r.id).second);  // unique
      CHECK(is_check_kind(r.check));
      CHECK_FALSE(r.clause.empty());
      CHECK_FALSE(r.applies.empty());
      CHECK_FALSE(r.message.en.empty());
      CHECK_FALSE(r.message.zh.empty());
      CHECK_FALSE(r.note.empty());
      for (const std::string& remedy : r.remedies) CHECK(is_remedy_kind(remedy));
      // An unconfirmed source grade is used, but flagged.
      if (r.grade == "U") CHECK(r.confidence != Confidence::confirmed);
      kinds_covered.insert(r.check);
    }
  }
  // Every check kind of check-kinds.md is covered by some ruleset.
  for (auto kind : check_kinds()) {
    CAPTURE(kind);
    CHECK(kinds_covered.count(std::string(kind)) == 1);
  }
  CHECK_THROWS_AS(builtin_ruleset("GB 50763"), std::out_of_range);
}

TEST_CASE("ADA values are the standard's inches, converted exactly") {
  const Rule* r = builtin_ruleset("ADA-2010").first("door.clear_width");
  REQUIRE(r);
  CHECK(r->param("min")->unit == "in");
  CHECK(r->mm("min") == Approx(32 * 25.4).margin(1e-9));
}

TEST_CASE("a ruleset of one's own: a stricter programme policy") {
  const std::string text = with_rule(R"({
      "id": "local.door.clear_width", "check": "door.clear_width", "clause": "programme rule 4",
      "confidence": "interpretation", "params": {"min": {"value": 900, "unit": "mm"}},
      "applies": {"wheelchair": 4}, "remedies": ["door.widen"], "note": "Our programme widens to 900."})");
  const Ruleset rs = parse_ruleset(text);
  REQUIRE(rs.rules.size() == 1);
  CHECK(rs.rules[0].citation() == "LOCAL programme rule 4");
  CHECK_FALSE(rs.rules[0].message.en.empty());  // default messages apply
  const Case c = load_case(test::source_dir() / "data" / "examples" / "bedbound.json");
  Case wheelchair = c;
  wheelchair.occupants[0].mobility = Mobility::manual_wheelchair;
  const CheckResult r = check(wheelchair, rs);
  // The 850 mm bedroom door passes GB's 800 mm but not this programme's 900 mm.
  bool bed1 = false;
  for (const Finding& f : r.findings) bed1 |= f.element == "d-bed1";
  CHECK(bed1);
  SECTION("and including built-in rules") {
    const Ruleset mixed = parse_ruleset(R"({"format": "barrierfree.ruleset/1", "id": "MIXED", "rules": [],
        "include": [{"ruleset": "GB50763-2012", "rules": ["gb50763.door.threshold"]}, {"ruleset": "CDPF-HOME", "rules": "*"}]})");
    CHECK(mixed.rules.size() == 4);
    CHECK(mixed.find("gb50763.door.threshold")->standard == "GB50763-2012");
  }
}

TEST_CASE("malformed rulesets: every error with its id and pointer") {
  CHECK(errors_of("{not json") == std::vector<std::pair<std::string, std::string>>{{"ruleset.101", ""}});
  // Where the text stops being JSON, or holds a number no double can: that value's pointer.
  CHECK(errors_of(R"({"id": "X", "rules": [{"id": "a"}, {"id": "b",}]})") ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.101", "/rules/1"}});
  CHECK(errors_of(R"({"id": "X", "rules": [{"id": "a", "params": {"min": 1e400}}]})") ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.107", "/rules/0/params/min"}});
  CHECK(errors_of(R"({"format": "barrierfree.ruleset/9", "id": "X", "rules": []})") ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.108", "/format"}});
  CHECK(errors_of(R"({"format": "barrierfree.ruleset/1", "id": "X"})") ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.102", "/rules"}});
  const std::string ok_rest = R"("clause": "1", "applies": {"wheelchair": 4})";
  CHECK(errors_of(with_rule(R"({"id": "a", "check": "door.widht", )" + ok_rest + "}")) ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.105", "/rules/0/check"}});
  CHECK(errors_of(with_rule(R"({"id": "a", "check": "door.clear_width", "clause": "1", "applies": {"wheelchiar": 4}})")) ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.105", "/rules/0/applies/wheelchiar"}});
  CHECK(errors_of(with_rule(R"({"id": "a", "check": "door.clear_width", "clause": "1", "applies": {"wheelchair": 5}})")) ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.107", "/rules/0/applies/wheelchair"}});
  CHECK(errors_of(with_rule(R"({"id": "a", "check": "door.clear_width", )" + ok_rest + R"(, "remedies": ["door.widden"]})")) ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.105", "/rules/0/remedies/0"}});
  CHECK(errors_of(with_rule(R"({"id": "a", "check": "door.clear_width", )" + ok_rest +
                            R"(, "params": {"min": {"value": 800, "unit": "cm"}}})")) ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.105", "/rules/0/params/min/unit"}});
  CHECK(errors_of(with_rule(R"({"id": "a", "check": "door.clear_width", )" + ok_rest +
                            R"(, "params": {"min": {"value": -800, "unit": "mm"}}})")) ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.107", "/rules/0/params/min/value"}});
  CHECK(errors_of(with_rule(R"({"id": "a", "check": "door.clear_width", )" + ok_rest + "}, " +
                            R"({"id": "a", "check": "door.threshold", )" + ok_rest + "}")) ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.106", "/rules/1/id"}});
  CHECK(errors_of(with_rule(R"({"id": "a", "check": "ramp.slope", )" + ok_rest + R"(, "params": {"table": [{"max_rise": {"value": 1, "unit": "mm"}}]}})")) ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.102", "/rules/0/params/table/0/slope"}});
  CHECK(errors_of(R"({"format": "barrierfree.ruleset/1", "id": "X", "rules": [],
                     "include": [{"ruleset": "GB50763-2021", "rules": "*"}]})") ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.104", "/include/0/ruleset"}});
  CHECK(errors_of(R"({"format": "barrierfree.ruleset/1", "id": "X", "rules": [],
                     "include": [{"ruleset": "GB50763-2012", "rules": ["gb50763.door.widht"]}]})") ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.104", "/include/0/rules/0"}});
  CHECK(errors_of(R"({"format": "barrierfree.ruleset/1", "id": "X", "rules": [],
                     "include": [{"ruleset": "GB55019-2021", "rules": "*", "except": ["gb55019.door.widht"]}]})") ==
        std::vector<std::pair<std::string, std::string>>{{"ruleset.104", "/include/0/except/0"}});
  SECTION("all errors at once") {
    const auto all = errors_of(with_rule(R"({"id": "a", "check": "door.widht", "applies": {"wheelchair": 9}})"));
    CHECK(all == std::vector<std::pair<std::string, std::string>>{
                     {"ruleset.105", "/rules/0/check"}, {"ruleset.102", "/rules/0/clause"}, {"ruleset.107", "/rules/0/applies/wheelchair"}});
  }
  SECTION("a missing file") {
    try {
      load_ruleset("/no/such/rules.json");
      FAIL("expected InputError");
    } catch (const InputError& e) {
      CHECK(e.errors().at(0).code == "ruleset.100");
    }
  }
}

TEST_CASE("the ruleset of one's own in docs/rules.md is GB 55019 as used, its door rule replaced") {
  // The example is read from the document itself, so the two cannot drift apart.
  const std::string doc = test::read_file(test::source_dir() / "docs" / "rules.md");
  const std::size_t section = doc.find("## Writing a ruleset of your own");
  REQUIRE(section != std::string::npos);
  const std::size_t start = doc.find("```json\n", section) + 8, end = doc.find("```", start);
  const Ruleset own = parse_ruleset(doc.substr(start, end - start));
  const Ruleset& gb = builtin_ruleset("GB55019-2021");
  CHECK(own.rules.size() == gb.rules.size());
  for (const Rule& r : gb.rules) {
    CAPTURE(r.id);
    CHECK((r.id == "gb55019.door.clear_width") == (own.find(r.id) == nullptr));  // included with what GB 55019 includes
  }
  REQUIRE(own.find("hubei.door.clear_width"));
  CHECK(own.find("hubei.door.clear_width")->mm("min") == 900);
}
