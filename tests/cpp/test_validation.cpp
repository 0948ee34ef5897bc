// Golden fixtures: tests/data/invalid/NAME.json must produce exactly the errors
// (id and JSON pointer, in order) listed in NAME.expected.json.
#include <barrierfree/io/case_json.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

#include "test_support.hpp"

using namespace barrierfree;

namespace {
std::vector<std::pair<std::string, std::string>> pairs(const std::vector<Error>& errors) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Error& e : errors) out.emplace_back(e.code, e.path);
  return out;
}
std::vector<std::pair<std::string, std::string>> pairs(const nlohmann::json& list) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : list) out.emplace_back(e[0].get<std::string>(), e[1].get<std::string>());
  return out;
}
}  // namespace

TEST_CASE("invalid fixtures give exactly their expected errors") {
  const auto dir = test::source_dir() / "tests" / "data" / "invalid";
  std::set<std::string> seen_codes;
  for (const auto& path : test::files(dir, ".json", ".expected.")) {
    const std::string name = path.stem().string();
    CAPTURE(name);
    const auto expected_path = dir / (name + ".expected.json");
    REQUIRE(std::filesystem::exists(expected_path));  // a fixture without expectations is a mistake
    const auto expected = nlohmann::json::parse(test::read_file(expected_path));
    const ReadResult r = read_case(test::read_file(path));
    CHECK(pairs(r.errors) == pairs(expected["errors"]));
    CHECK(pairs(r.warnings) == pairs(expected["warnings"]));
    CHECK(r.ok() == expected["errors"].empty());
    for (std::size_t i = 0; i < expected["errors"].size() && i < r.errors.size(); ++i) {
      const auto& e = expected["errors"][i];
      if (e.size() > 2) CHECK(r.errors[i].line == e[2].get<int>());  // line of invalid JSON
      CHECK_FALSE(r.errors[i].message.empty());
    }
    for (const Error& e : r.errors) seen_codes.insert(e.code);
    for (const Error& e : r.warnings) seen_codes.insert(e.code);
  }
  SECTION("every documented error id is triggered by some fixture") {
    for (const char* code : {errc::invalid_json, errc::missing_field, errc::wrong_type, errc::unknown_reference,
                             errc::unknown_enum, errc::duplicate_id, errc::bad_number, errc::unsupported_format,
                             errc::conflicting_fields, errc::invalid_value, errc::too_few_points,
                             errc::self_intersecting, errc::zero_area, errc::rooms_overlap,
                             errc::not_on_shared_wall, errc::fixture_outside_room,
                             errc::grab_bar_outside_room, errc::unknown_field, errc::door_wider_than_wall}) {
      CAPTURE(code);
      CHECK(seen_codes.count(code) == 1);
    }
  }
}

TEST_CASE("a door exactly 50 mm from its wall is accepted, 51 mm is not") {
  auto text = [](double y) {
    return R"({"format": "barrierfree.case/1", "id": "t",
      "rooms": [{"id": "a", "type": "living", "rect": [0, 0, 3000, 3000]},
                {"id": "b", "type": "bedroom", "rect": [3000, 0, 3000, 3000]}],
      "doors": [{"id": "d", "rooms": ["a", "b"], "at": [)" + std::to_string(3000 + y) + R"(, 1500], "type": "opening"}]})";
  };
  CHECK(read_case(text(50)).ok());
  CHECK(read_case(text(-50)).ok());
  const ReadResult r = read_case(text(51));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code == "case.205");
  CHECK(r.errors[0].path == "/doors/0/at");
}

TEST_CASE("a door wider than the wall it stands in is read, with a warning") {
  // The living room's wall to the bedroom is 3000 mm long, drawn in two pieces (a vertex at
  // y = 1000); the bedroom's door to outside is in a 3000 mm wall drawn in one.
  auto warnings = [](double inner, double outer) {
    const ReadResult r = read_case(R"({"format": "barrierfree.case/1", "id": "t",
      "rooms": [{"id": "a", "type": "living", "polygon": [[0, 0], [3000, 0], [3000, 1000], [3000, 3000], [0, 3000]]},
                {"id": "b", "type": "bedroom", "rect": [3000, 0, 3000, 3000]}],
      "doors": [{"id": "d", "rooms": ["a", "b"], "at": [3000, 1100], "type": "opening", "clear_width": )" +
                                   std::to_string(inner) + R"(},
                {"id": "e", "rooms": ["outside", "b"], "at": [4500, 0], "type": "opening", "clear_width": )" +
                                   std::to_string(outer) + "}]}");
    REQUIRE(r.ok());
    return pairs(r.warnings);
  };
  CHECK(warnings(3000, 3000).empty());
  CHECK(warnings(2500, 3001).empty());  // across the vertex, and within a millimetre
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  CHECK(warnings(3002, 900) == Pairs{{"case.902", "/doors/0/clear_width"}});
  CHECK(warnings(900, 3002) == Pairs{{"case.902", "/doors/1/clear_width"}});
}

TEST_CASE("rooms that only touch do not overlap; 100 mm² of overlap is tolerated, more is not") {
  auto text = [](double x) {
    return R"({"format": "barrierfree.case/1", "id": "t",
      "rooms": [{"id": "a", "type": "living", "rect": [0, 0, 3000, 100]},
                {"id": "b", "type": "bedroom", "rect": [)" + std::to_string(x) + R"(, 0, 3000, 100]}]})";
  };
  CHECK(read_case(text(3000)).ok());
  CHECK(read_case(text(2999)).ok());   // 1 x 100 = 100 mm²
  CHECK_FALSE(read_case(text(2998)).ok());
}

TEST_CASE("rooms on different levels may overlap") {
  const std::string text = R"({"format": "barrierfree.case/1", "id": "t",
      "rooms": [{"id": "a", "type": "living", "rect": [0, 0, 3000, 3000]},
                {"id": "b", "type": "bedroom", "rect": [0, 0, 3000, 3000], "level": "2"}]})";
  CHECK(read_case(text).ok());
}

TEST_CASE("a rect room is judged as its polygon would be: thin slivers have no area, a millimetre square does") {
  // Rects skip Boost.Geometry's validity check; they must not skip its verdicts.
  auto errors = [](const std::string& rect, const std::string& as_polygon) {
    auto text = [](const std::string& geometry) {
      return R"({"format": "barrierfree.case/1", "id": "t", "rooms": [{"id": "a", "type": "living", )" + geometry + "}]}";
    };
    const auto by_rect = pairs(read_case(text(R"("rect": )" + rect)).errors);
    const auto by_polygon = pairs(read_case(text(R"("polygon": )" + as_polygon)).errors);
    CHECK(by_rect.size() == by_polygon.size());
    // The same verdicts; a rect that collapses to a line says so (case.203, zero width) where its
    // polygon has too few distinct points (case.201): the user gave no points.
    for (std::size_t i = 0; i < std::min(by_rect.size(), by_polygon.size()); ++i)
      CHECK((by_rect[i].first == by_polygon[i].first || (by_rect[i].first == "case.203" && by_polygon[i].first == "case.201")));
    return by_rect;
  };
  CHECK(errors("[0, 0, 1, 1]", "[[0,0],[1,0],[1,1],[0,1]]").empty());
  CHECK(errors("[0, 0, 0.999, 1]", "[[0,0],[0.999,0],[0.999,1],[0,1]]").size() == 1);  // under 1 mm²
  CHECK(errors("[0, 0, 0.005, 3000]", "[[0,0],[0.005,0],[0.005,3000],[0,3000]]").size() == 1);  // a line
  CHECK(errors("[0, 0, 3000, 0.005]", "[[0,0],[3000,0],[3000,0.005],[0,0.005]]").size() == 1);
  CHECK(errors("[-5000, 7000, 3000, 2000]", "[[-5000,7000],[-2000,7000],[-2000,9000],[-5000,9000]]").empty());
  // Far from the origin x + width rounds: here the corners come out 0.99999999 mm apart,
  // under 1 mm², which the general check rejects as it always did.
  const auto far = read_case(R"({"format": "barrierfree.case/1", "id": "t", "rooms": [{"id": "a", "type": "living",
      "rect": [67108863.500000007, 67108863.500000007, 1, 1]}]})");
  REQUIRE(far.errors.size() == 1);
  CHECK(far.errors[0].path == "/rooms/0/rect");
}

TEST_CASE("a field given twice is read as its last value, with a warning") {
  const std::string text = R"({"format": "barrierfree.case/1", "id": "t", "budget": 5000, "budget": 500,
      "rooms": [{"id": "a", "type": "living", "rect": [0, 0, 3000, 3000], "type": "bedroom"}]})";
  const ReadResult r = read_case(text);
  REQUIRE(r.ok());
  CHECK(r.value->budget == 500);
  CHECK(r.value->rooms[0].type == RoomType::bedroom);
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  CHECK(pairs(r.warnings) == Pairs{{"case.905", "/budget"}, {"case.905", "/rooms/0/type"}});
}
