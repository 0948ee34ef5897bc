#include <barrierfree/geometry/operations.hpp>
#include <barrierfree/io/case_json.hpp>
#include <barrierfree/model/plan_geometry.hpp>

#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "util/suggest.hpp"

using namespace barrierfree;

TEST_CASE("free floor of the wheelchair user's bathroom") {
  const Case c = load_case(test::source_dir() / "data" / "examples" / "wheelchair-user.json");
  const Room& bath = *c.find_room("bath");
  // 1500 x 1800 minus the squat pan (400 x 700), basin (500 x 450) and the
  // shower tray (900 x 900, it has a 50 mm curb).
  const double expected = 1500.0 * 1800 - 400 * 700 - 500 * 450 - 900 * 900;
  CHECK(geometry::area(free_floor(c, bath)) == Approx(expected));
  CHECK(floor_obstacles(c, bath).size() == 3);
}

TEST_CASE("a level-entry shower is floor; knee space counts only when asked") {
  const Case c = parse_case(R"({"format": "barrierfree.case/1", "id": "t",
    "rooms": [{"id": "bath", "type": "bathroom", "rect": [0, 0, 2000, 2000]}],
    "fixtures": [{"id": "sh", "type": "shower", "room": "bath", "at": [500, 500], "size": [900, 900], "curb": 0},
                 {"id": "b", "type": "basin", "room": "bath", "at": [1500, 1775], "size": [500, 450], "facing": 270, "knee_clearance": true}]})");
  const Room& bath = c.rooms[0];
  CHECK(geometry::area(free_floor(c, bath)) == Approx(4e6));
  CHECK(geometry::area(free_floor(c, bath, KneeSpace::obstacle)) == Approx(4e6 - 500 * 450));
}

TEST_CASE("shared wall between two rooms of an example") {
  const Case c = load_case(test::source_dir() / "data" / "examples" / "wheelchair-user.json");
  const auto walls = shared_wall(*c.find_room("living"), *c.find_room("bath"));
  REQUIRE(walls.size() == 1);
  CHECK(walls[0].length() == Approx(1500));
  CHECK(shared_wall(*c.find_room("hall"), *c.find_room("bed1")).empty());
}

TEST_CASE("suggestions for misspellings") {
  CHECK(util::edit_distance("bathroom", "bathroom") == 0);
  CHECK(util::edit_distance("bahtroom", "bathroom") == 1);  // a transposition is one slip
  CHECK(util::edit_distance("", "abc") == 3);
  const std::vector<std::string> rooms = {"hall", "bath", "living"};
  CHECK(util::did_you_mean("btah", rooms) == " (did you mean \"bath\"?)");
  CHECK(util::did_you_mean("garage", rooms).empty());
  const std::vector<std::string> mobility = {"none", "manual_wheelchair", "walker"};
  CHECK(util::closest("wheelchair", mobility) == "manual_wheelchair");
}
