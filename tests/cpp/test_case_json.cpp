#include <barrierfree/io/case_json.hpp>
#include <barrierfree/plan/catalog.hpp>
#include <barrierfree/rules/check.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace barrierfree;

TEST_CASE("every bundled example round-trips: parse(serialise(x)) == x") {
  auto cases = test::example_cases();
  cases.push_back(test::source_dir() / "tests" / "data" / "spec-example.json");
  for (const auto& path : cases) {
    CAPTURE(path.filename().string());
    const ReadResult r = read_case(test::read_file(path));
    REQUIRE(r.ok());
    CHECK(r.warnings.empty());
    const Case& c = *r.value;
    const std::string text = serialise(c);
    const Case again = parse_case(text);
    CHECK(again == c);
    CHECK(serialise(again) == text);  // deterministic bytes
  }
}

TEST_CASE("serialisation keeps what was absent absent and writes integers as integers") {
  const Case c = load_case(test::source_dir() / "data" / "examples" / "wheelchair-user.json");
  const auto j = to_json(c);
  CHECK(j["doors"][1]["clear_width"].is_number_integer());
  const Door* bed2 = c.find_door("d-bed2");
  REQUIRE(bed2);
  CHECK_FALSE(bed2->threshold.has_value());  // not measured stays not measured
  bool has_threshold = false;
  for (const auto& d : j["doors"])
    if (d["id"] == "d-bed2") has_threshold = d.contains("threshold");
  CHECK_FALSE(has_threshold);
  CHECK(j["rooms"][0].contains("rect"));
  CHECK_FALSE(j["rooms"][0].contains("polygon"));
}

TEST_CASE("a room given as rect has its corners as polygon") {
  const Case c = load_case(test::source_dir() / "data" / "examples" / "wheelchair-user.json");
  const Room* bath = c.find_room("bath");
  REQUIRE(bath);
  REQUIRE(bath->rect);
  CHECK(bath->polygon == Ring{{2100, 3600}, {3600, 3600}, {3600, 5400}, {2100, 5400}});
}

TEST_CASE("grab bars: horizontal and vertical forms") {
  const std::string text = R"({"format": "barrierfree.case/1", "id": "gb",
    "rooms": [{"id": "bath", "type": "bathroom", "rect": [0, 0, 2000, 2000]}],
    "fixtures": [{"id": "wc", "type": "toilet", "room": "bath", "at": [1000, 1650], "size": [400, 700], "facing": 270}],
    "grab_bars": [{"id": "h", "room": "bath", "from": [1990, 1000], "to": [1990, 1700], "height": 700, "serves": "wc"},
                  {"id": "v", "room": "bath", "at": [1990, 950], "bottom": 750, "top": 1400, "diameter": 35}]})";
  const Case c = parse_case(text);
  REQUIRE(c.grab_bars.size() == 2);
  CHECK_FALSE(c.grab_bars[0].vertical);
  CHECK(c.grab_bars[0].height.mm() == 700);
  CHECK(c.grab_bars[1].vertical);
  CHECK(c.grab_bars[1].from == Point2{1990, 950});
  CHECK(c.grab_bars[1].top.mm() == 1400);
  CHECK(parse_case(serialise(c)) == c);
}

TEST_CASE("read_case never throws; parse_case and load_case throw CaseError") {
  CHECK_FALSE(read_case("not json").ok());
  CHECK_FALSE(read_case("[1, 2]").ok());
  CHECK_FALSE(read_case("").ok());
  CHECK_THROWS_AS(parse_case("{}"), CaseError);
  try {
    load_case("/no/such/file.json");
    FAIL("expected CaseError");
  } catch (const CaseError& e) {
    REQUIRE(e.errors().size() == 1);
    CHECK(e.errors()[0].code == errc::unreadable);
  }
  try {
    parse_case(R"({"format": "barrierfree.case/1"})");
    FAIL("expected CaseError");
  } catch (const CaseError& e) {
    CHECK(e.errors()[0].code == "case.102");
    CHECK(e.errors()[0].path == "/id");
    CHECK(std::string(e.what()) == "[case.102] /id: missing required field \"id\"");
  }
}

TEST_CASE("a document that is not an object") {
  const ReadResult r = read_case("[]");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code == "case.103");
  CHECK(r.errors[0].path == "");
}

TEST_CASE("a minimal case: only format and id") {
  const Case c = parse_case(R"({"format": "barrierfree.case/1", "id": "x"})");
  CHECK(c.rooms.empty());
  CHECK_FALSE(c.budget);
  CHECK(parse_case(serialise(c)) == c);
}

TEST_CASE("error formatting") {
  CHECK(to_string(Error{"case.104", "/doors/2/rooms/1", "unknown room \"bahtroom\" (did you mean \"bathroom\"?)"}) ==
        "[case.104] /doors/2/rooms/1: unknown room \"bahtroom\" (did you mean \"bathroom\"?)");
  CHECK(to_string(Error{"case.101", "", "invalid JSON"}) == "[case.101] invalid JSON");
}

TEST_CASE("a case read from text and from an nlohmann document gives the same errors and warnings") {
  std::vector<std::string> texts;
  for (const auto& path : test::files(test::source_dir() / "tests" / "data" / "invalid", ".json", ".expected."))
    texts.push_back(test::read_file(path));
  // A repeated id, and unknown fields reported in name order, a repeated one once.
  texts.push_back(R"({"format":"barrierfree.case/1","id":"first","zz":1,"id":"second","aa":2,"zz":3})");
  for (const std::string& text : texts) {
    CAPTURE(text);
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded()) continue;  // not JSON: only the text reader sees it
    const ReadResult from_text = read_case(text);
    const ReadResult from_doc = read_case_document(doc);
    CHECK(from_text.errors == from_doc.errors);
    // A name given twice (case.905) only text can hold: a document keeps one of them.
    std::vector<Error> text_warnings;
    for (const Error& w : from_text.warnings)
      if (w.code != "case.905") text_warnings.push_back(w);
    CHECK(text_warnings == from_doc.warnings);
    CHECK(from_text.value.has_value() == from_doc.value.has_value());
    if (from_text.value && from_doc.value) CHECK(*from_text.value == *from_doc.value);
  }
  const ReadResult r = read_case(texts.back());
  REQUIRE(r.ok());
  CHECK(r.value->id == "second");
  REQUIRE(r.warnings.size() == 3);
  CHECK(r.warnings[0].code == "case.905");
  CHECK(r.warnings[0].path == "/id");
  CHECK(r.warnings[1].path == "/aa");
  CHECK(r.warnings[2].path == "/zz");
}

TEST_CASE("a document built in code is read however deeply it nests, and what JSON text cannot hold is named") {
  const std::string depth(200000, '[');
  const std::string text =
      R"({"format":"barrierfree.case/1","id":"x","extra":)" + depth + std::string(depth.size(), ']') + "}";
  nlohmann::json doc = nlohmann::json::parse(text);  // nlohmann parses without recursing; so must the copy
  ReadResult r = read_case_document(doc);
  REQUIRE(r.ok());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].path == "/extra");
  CHECK(read_case(text).warnings == r.warnings);

  doc["budget"] = nlohmann::json::binary({1, 2, 3});
  r = read_case_document(doc);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == "/budget");
  CHECK(r.errors[0].message == "expected a number, got value");
}

TEST_CASE("a directory is not a case file") {
  try {
    (void)load_case(test::source_dir() / "data");
    FAIL("a directory was read as a case");
  } catch (const InputError& e) {
    CHECK(e.errors().front().code == "case.100");
    CHECK(e.errors().front().message.find("directory") != std::string::npos);
  }
}

TEST_CASE("serialise refuses text that is not UTF-8, naming the field") {
  Case c = parse_case(test::read_file(test::source_dir() / "data" / "examples" / "wheelchair-user.json"));
  REQUIRE(c.rooms.size() > 1);
  // Well-formed text of every length passes: Chinese (3 bytes), an emoji (4), the last code point.
  c.rooms[1].name = "卫生间 🚿 \xF4\x8F\xBF\xBF";
  CHECK(parse_case(serialise(c)) == c);
  const auto refused = [&](const std::string& name) {
    c.rooms[1].name = name;
    try {
      (void)serialise(c);
    } catch (const CaseError& e) {
      REQUIRE(e.errors().size() == 1);
      CHECK(e.errors()[0].code == "case.103");
      CHECK(e.errors()[0].path == "/rooms/1/name");
      return e.errors()[0].message;
    }
    FAIL("serialise accepted " << name);
    return std::string();
  };
  CHECK(refused("ab\xFF") == "expected UTF-8 text, got byte 0xFF at offset 2");
  CHECK(refused("\xC0\xAF") == "expected UTF-8 text, got byte 0xC0 at offset 0");  // an overlong '/'
  refused("\xED\xA0\x80");      // a surrogate
  refused("\xF4\x90\x80\x80");  // past U+10FFFF
  refused("\xE5\x8D");          // cut short
  refused("\xE5\x8D" "a");      // a continuation that is not one
}

TEST_CASE("an enum value that names none is spelled empty, and reading it back names the field") {
  CHECK(to_string(static_cast<Mobility>(99)).empty());
  CHECK(to_string(static_cast<Mobility>(-1)).empty());
  CHECK(to_string(Mobility::bedbound) == "bedbound");
  Case c = parse_case(test::read_file(test::source_dir() / "data" / "examples" / "wheelchair-user.json"));
  REQUIRE_FALSE(c.occupants.empty());
  c.occupants[0].mobility = static_cast<Mobility>(99);
  const ReadResult r = read_case(serialise(c));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code == "case.105");
  CHECK(r.errors[0].path == "/occupants/0/mobility");
}

TEST_CASE("an out-of-range number is quoted as given, not rounded to look within the range") {
  const ReadResult r = read_case(R"({"format":"barrierfree.case/1","id":"x","budget":5000,
    "rooms":[{"id":"hall","type":"entrance_hall","rect":[0,0,1500,2000]}],
    "doors":[{"id":"d","rooms":["outside","hall"],"at":[750,0],"type":"opening","clear_width":1000001}]})");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == "/doors/0/clear_width");
  CHECK(r.errors[0].message == "length 1000001 mm is out of range: at most 1000000 mm (1 km)");
}

TEST_CASE("every province the price regions know is a region a case may name, and CN-99 is none") {
  const auto region_error = [](const std::string& region) {
    const ReadResult r = read_case(R"({"format":"barrierfree.case/1","id":"x","region":")" + region + R"("})");
    return r.errors.empty() ? std::string() : r.errors[0].code + " " + r.errors[0].path;
  };
  for (const RegionFactor& f : builtin_regions().regions) {
    CHECK(region_error(f.code).empty());
    CHECK(region_error(f.alias).empty());
  }
  for (const char* other : {"CN-71", "CN-81", "CN-91", "CN-HK", "CN-MO", "CN-TW", "US", "US-CA", "CN"}) CHECK(region_error(other).empty());
  CHECK(region_error("CN-99") == "case.110 /region");
  CHECK(region_error("CN-1") == "case.110 /region");
  CHECK(region_error("CN-BX") == "case.110 /region");
}

TEST_CASE("free text of the case and its occupants is kept: written back as read") {
  // A case saved back to the programme's records once lost who lived there: `notes` and an
  // occupant's `name` and `notes` were read and dropped.
  nlohmann::json j = nlohmann::json::parse(test::read_file(test::source_dir() / "data" / "examples" / "wheelchair-user.json"));
  j["notes"] = "复查：2026年12月";
  j["occupants"][0]["name"] = "张三";
  j["occupants"][0]["notes"] = "uses the kitchen only with help";
  const ReadResult r = read_case(j.dump());
  REQUIRE(r.ok());
  CHECK(r.warnings.empty());
  CHECK(r.value->notes == "复查：2026年12月");
  CHECK(r.value->occupants[0].name == "张三");
  CHECK(r.value->occupants[0].notes == "uses the kitchen only with help");
  const auto back = nlohmann::json::parse(serialise(*r.value));
  CHECK(back["notes"] == j["notes"]);
  CHECK(back["occupants"][0]["name"] == "张三");
  CHECK(back["occupants"][0]["notes"] == j["occupants"][0]["notes"]);
  // And checked as before: no check reads them.
  nlohmann::json plain = j;
  plain.erase("notes");
  plain["occupants"][0].erase("name");
  plain["occupants"][0].erase("notes");
  CHECK(to_json_text(check(*r.value)) == to_json_text(check(parse_case(plain.dump()))));
  // A name that is not text is refused with its pointer.
  j["occupants"][0]["name"] = 7;
  const ReadResult bad = read_case(j.dump());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.errors[0].path == "/occupants/0/name");
}
