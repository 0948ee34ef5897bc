// The compact document cases are read from must hold what nlohmann::json would. These tests
// run twice: in barrierfree_tests, with the parser the library was built with, and in
// barrierfree_document_tests, built without simdjson (tests/CMakeLists.txt).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "io/json_document.hpp"
#include "test_support.hpp"

#include <cmath>
#include <limits>

using barrierfree::io::JsonDocument;
using barrierfree::io::JsonValue;

namespace {

// Same kinds, numbers and strings; every member nlohmann kept found with its value (a repeated name:
// the last), and no member nlohmann does not have.
bool same(const JsonValue& v, const nlohmann::json& j) {
  switch (v.kind()) {
    case JsonValue::Kind::null: return j.is_null();
    case JsonValue::Kind::other: return j.is_binary() || j.is_discarded();
    case JsonValue::Kind::boolean: return j.is_boolean() && v.boolean() == j.get<bool>();
    case JsonValue::Kind::number:
      return j.is_number() && ((v.number() == j.get<double>() && std::signbit(v.number()) == std::signbit(j.get<double>())) ||
                               (std::isnan(v.number()) && std::isnan(j.get<double>())));
    case JsonValue::Kind::string: return j.is_string() && v.string() == j.get_ref<const std::string&>();
    case JsonValue::Kind::array:
      if (!j.is_array() || j.size() != v.size()) return false;
      for (std::size_t i = 0; i < v.size(); ++i)
        if (!same(v[i], j[i])) return false;
      return true;
    case JsonValue::Kind::object: {
      if (!j.is_object()) return false;
      for (auto it = j.begin(); it != j.end(); ++it)
        if (const JsonValue* m = v.find(it.key()); !m || m->key() != it.key() || !same(*m, *it)) return false;
      for (std::size_t i = 0; i < v.size(); ++i)
        if (!j.contains(v[i].key())) return false;
      return true;
    }
  }
  return false;
}

// parse() (simdjson where built with it) and parse_with_nlohmann() must give the same document.
bool parses_as_nlohmann_does(JsonDocument& doc, const std::string& text) {
  const nlohmann::json expected = nlohmann::json::parse(text);
  return doc.parse(text) && same(doc.root(), expected) && doc.parse_with_nlohmann(text) && same(doc.root(), expected);
}

}  // namespace

TEST_CASE("a parsed document holds what nlohmann::json holds, for every bundled household") {
  std::vector<std::string> texts;
  for (const auto& path : test::example_cases()) texts.push_back(test::read_file(path));
  std::istringstream lines(test::read_file(test::source_dir() / "data" / "examples" / "huimin-52.jsonl"));
  for (std::string line; std::getline(lines, line);) texts.push_back(line);
  REQUIRE(texts.size() > 52);
  JsonDocument doc;  // reused, as the readers reuse theirs
  for (const std::string& text : texts) CHECK(parses_as_nlohmann_does(doc, text));
}

TEST_CASE("a document keeps every kind of value, escapes and extremes") {
  const std::string text =
      R"({"z":[null,true,false,0,-0,1.5e3,-7,18446744073709551615,123456789012345678901234567890],)"
      R"("a":{"s":"\u4e2d\"\\\n\ud83d\ude00","e":"","o":{},"l":[]},"m":[[[1]]]})";
  JsonDocument doc;
  CHECK(parses_as_nlohmann_does(doc, text));  // simdjson refuses the 30-digit integer: nlohmann reads it
  CHECK(parses_as_nlohmann_does(doc, "\xEF\xBB\xBF" + text));  // and a byte order mark, which nlohmann skips
  REQUIRE(doc.parse(text));
  CHECK(doc.root()[0].key() == "z");  // members in the order of the text
  CHECK(doc.root().find("a")->find("s")->string() == "中\"\\\n😀");
  CHECK(doc.root().find("a")->find("o")->size() == 0);
  CHECK(doc.root().find("missing") == nullptr);
  CHECK(doc.root().find("z")->find("a") == nullptr);  // not an object: no members

  nlohmann::json with_nan = nlohmann::json::parse(text);
  with_nan["n"] = std::numeric_limits<double>::quiet_NaN();  // only a built value can hold one
  doc.assign(with_nan);
  CHECK(same(doc.root(), with_nan));
}

TEST_CASE("a name given twice keeps its last value, as nlohmann::json does") {
  const std::string text = R"({"b":1,"a":{"x":1,"x":[2],"y":0},"b":3,"c":4,"b":5})";
  JsonDocument doc;
  CHECK(parses_as_nlohmann_does(doc, text));
  REQUIRE(doc.parse(text));
  CHECK(doc.root().size() == 5);  // every member of the text…
  CHECK(doc.root().find("b")->number() == 5);  // …and the last of a repeated name
  CHECK(doc.root().find("a")->find("x")->is_array());

  // Many members, in reverse order, some twice.
  std::string big = "{";
  for (int i = 99; i >= 0; --i) big += "\"k" + std::to_string(i % 60) + "\":" + std::to_string(i) + (i ? "," : "}");
  CHECK(parses_as_nlohmann_does(doc, big));
  REQUIRE(doc.parse(big));
  CHECK(doc.root().find("k0")->number() == 0);
  CHECK(doc.root().find("k59")->number() == 59);
}

TEST_CASE("text that is not one JSON value is refused, and the next parse starts clean") {
  JsonDocument doc;
  for (const char* bad : {"", "{", "{\"a\":1,}", "[1] [2]", "{\"a\":1e400}", "nul", "\"\xff\""}) {
    CAPTURE(bad);
    CHECK_FALSE(doc.parse(bad));
    CHECK_FALSE(doc.parse_with_nlohmann(bad));
  }
  // Deeper than simdjson is let go (256) and than it goes at all (1024): nlohmann reads it.
  for (std::size_t depth : {255, 257, 3000})
    CHECK(parses_as_nlohmann_does(doc, std::string(depth, '[') + std::string(depth, ']')));
  REQUIRE(doc.parse(R"({"id":"x"})"));
  CHECK(doc.root().size() == 1);
  CHECK(doc.root()[0].string() == "x");
}

TEST_CASE("a document gives its memory back after a large text, and parses on") {
  std::string big = R"({"a":[)";
  for (int i = 0; i < 400000; ++i) big += (i ? ",\"" : "\"") + std::to_string(i) + "\"";
  big += "]}";
  JsonDocument doc;
  REQUIRE(doc.parse(big));
  CHECK(doc.root().find("a")->size() == 400000);
  CHECK(doc.held_bytes() > (std::size_t{8} << 20));
  doc.shrink_to(std::size_t{1} << 20);
  CHECK(doc.held_bytes() < 64);  // an empty std::string keeps its few bytes in place
  REQUIRE(doc.parse(R"({"id":"x"})"));
  CHECK(doc.held_bytes() < (std::size_t{1} << 20));
  doc.shrink_to(std::size_t{1} << 20);  // small: kept for the next text
  CHECK(doc.held_bytes() > 0);
  CHECK(doc.root().find("id")->string() == "x");
}
