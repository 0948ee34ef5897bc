// Golden results: each bundled household's check result must equal the
// reviewed file tests/data/golden/NAME.check.json byte for byte. Adding an
// example means adding its golden (scripts/regen-goldens.sh, then review).
#include <barrierfree/io/case_json.hpp>
#include <barrierfree/rules/check.hpp>

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace barrierfree;

TEST_CASE("every bundled example matches its reviewed golden result") {
  const auto examples = test::example_cases();
  REQUIRE(examples.size() >= 6);
  for (const auto& path : examples) {
    const std::string name = path.stem().string();
    CAPTURE(name);
    const auto golden = test::source_dir() / "tests" / "data" / "golden" / (name + ".check.json");
    REQUIRE(std::filesystem::exists(golden));  // a new example needs its golden
    const std::string expected = test::read_file(golden);
    const std::string actual = to_json(check(load_case(path))).dump(2) + "\n";
    CHECK(actual == expected);
  }
}

TEST_CASE("check results are the same bytes on every run") {
  for (const auto& path : test::example_cases()) {
    const Case c = load_case(path);
    CHECK(to_json(check(c)).dump() == to_json(check(c)).dump());
  }
}
